// The VM sizes of a region with what "Create VM from This Version…" checks a size against: Resource
// SKUs - List (https://learn.microsoft.com/rest/api/compute/resource-skus/list), filtered on the
// location as the API allows, rather than Virtual Machine Sizes - List (locations/{l}/vmSizes),
// which has cores and memory but neither the generations, the CPU architecture nor the Trusted
// launch and confidential VM capabilities a gallery image's definition needs.
import type { VmSizeInfo } from '../model/vmFromVersion';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions } from './types';

export async function listVmSizes(target: AzureTarget, location: string, options: CallOptions = {}): Promise<VmSizeInfo[]> {
  return azureCall(async () => {
    const out: VmSizeInfo[] = [];
    const wanted = location.replace(/\s+/g, '').toLowerCase();
    for await (const sku of computeClient(target).resourceSkus.list({ filter: `location eq '${wanted}'`, abortSignal: options.abortSignal })) {
      if (sku.resourceType?.toLowerCase() !== 'virtualmachines' || !sku.name) continue;
      if (!(sku.locations ?? []).some((l) => l.toLowerCase() === wanted)) continue;
      const caps = new Map((sku.capabilities ?? []).map((c) => [c.name ?? '', c.value ?? '']));
      out.push({
        name: sku.name,
        vCPUs: Number(caps.get('vCPUs') ?? 0),
        memoryGB: Number(caps.get('MemoryGB') ?? 0),
        generations: (caps.get('HyperVGenerations') ?? 'V1').split(',').map((g) => g.trim()).filter(Boolean),
        architecture: caps.get('CpuArchitectureType') || 'x64',
        trustedLaunch: caps.get('TrustedLaunchDisabled')?.toLowerCase() !== 'true',
        confidential: caps.get('ConfidentialComputingType') || undefined,
        // A restriction for the location (NotAvailableForSubscription, QuotaId) means it cannot be deployed there.
        restricted: (sku.restrictions ?? []).some((r) => r.type === 'Location'),
      });
    }
    return out.sort((a, b) => a.vCPUs - b.vCPUs || a.memoryGB - b.memoryGB || a.name.localeCompare(b.name));
  });
}
