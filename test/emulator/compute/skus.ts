// Resource SKUs - List (GET /subscriptions/{s}/providers/Microsoft.Compute/skus, api-version
// 2021-07-01, the one @azure/arm-compute 25 sends): the VM sizes of a region and their
// capabilities, which "Create VM from This Version…" reads to offer sizes that fit a definition.
// Contract: https://learn.microsoft.com/rest/api/compute/resource-skus/list (ResourceSku:
// resourceType, name, tier, size, family, locations, locationInfo, capabilities [{name, value}],
// restrictions; `$filter` supports only `location eq '<region>'`). The capabilities read:
// - HyperVGenerations "V1,V2": the VM generations the size runs;
// - CpuArchitectureType "x64" | "Arm64";
// - TrustedLaunchDisabled "True" on a size without Trusted launch ("How can I find VM sizes that
//   support Trusted launch?", https://learn.microsoft.com/azure/virtual-machines/trusted-launch#how-can-i-find-vm-sizes-that-support-trusted-launch);
// - ConfidentialComputingType "SNP" | "TDX" on confidential VM sizes (the OpenShift installer's
//   Azure validation, `validateSecurityType`, reads the same two capabilities);
// - vCPUs, MemoryGB.
// The catalog below is a handful of sizes with the capabilities Azure reports for them, available
// in every region the local Azure serves: enough to exercise each rule, not Azure's list.
import { SUPPORTED_LOCATIONS } from '../arm/apiVersions';
import { invalidParameter } from '../arm/errors';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';

export const SKU_API_VERSIONS = ['2017-09-01', '2019-04-01', '2021-07-01'] as const;

interface SizeSpec {
  name: string;
  family: string;
  vCPUs: number;
  memoryGB: number;
  generations: string;
  architecture: 'x64' | 'Arm64';
  trustedLaunch: boolean;
  confidential?: 'SNP' | 'TDX';
}

export const VM_SIZES: readonly SizeSpec[] = [
  { name: 'Standard_A2_v2', family: 'standardAv2Family', vCPUs: 2, memoryGB: 4, generations: 'V1', architecture: 'x64', trustedLaunch: false },
  { name: 'Standard_B2s', family: 'standardBSFamily', vCPUs: 2, memoryGB: 4, generations: 'V1,V2', architecture: 'x64', trustedLaunch: true },
  { name: 'Standard_D2s_v5', family: 'standardDSv5Family', vCPUs: 2, memoryGB: 8, generations: 'V1,V2', architecture: 'x64', trustedLaunch: true },
  { name: 'Standard_D4s_v5', family: 'standardDSv5Family', vCPUs: 4, memoryGB: 16, generations: 'V1,V2', architecture: 'x64', trustedLaunch: true },
  { name: 'Standard_D2ps_v5', family: 'standardDPSv5Family', vCPUs: 2, memoryGB: 8, generations: 'V2', architecture: 'Arm64', trustedLaunch: false },
  { name: 'Standard_DC2as_v5', family: 'standardDCASv5Family', vCPUs: 2, memoryGB: 8, generations: 'V2', architecture: 'x64', trustedLaunch: true, confidential: 'SNP' },
  { name: 'Standard_DC2es_v5', family: 'standardDCESv5Family', vCPUs: 2, memoryGB: 8, generations: 'V2', architecture: 'x64', trustedLaunch: true, confidential: 'TDX' },
];

function renderSku(s: SizeSpec, location: string): JsonObject {
  const capabilities = [
    { name: 'vCPUs', value: String(s.vCPUs) },
    { name: 'MemoryGB', value: String(s.memoryGB) },
    { name: 'HyperVGenerations', value: s.generations },
    { name: 'CpuArchitectureType', value: s.architecture },
    ...(s.trustedLaunch ? [] : [{ name: 'TrustedLaunchDisabled', value: 'True' }]),
    ...(s.confidential ? [{ name: 'ConfidentialComputingType', value: s.confidential }] : []),
  ];
  return {
    resourceType: 'virtualMachines',
    name: s.name,
    tier: 'Standard',
    size: s.name.replace(/^Standard_/, ''),
    family: s.family,
    locations: [location],
    locationInfo: [{ location, zones: [], zoneDetails: [] }],
    capabilities,
    restrictions: [],
  };
}

export function registerSkus(emu: Emulator): void {
  const opts = { auth: 'arm' as const, family: 'provider' as const, apiVersions: SKU_API_VERSIONS, typeName: 'skus', action: 'Microsoft.Compute/skus/read' };
  emu.router.add('GET', '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/skus', opts, (ctx) => {
    const filter = ctx.query.get('$filter');
    let locations: readonly string[] = SUPPORTED_LOCATIONS;
    if (filter) {
      // The only filter Resource SKUs - List supports.
      const m = /^\s*location\s+eq\s+'([^']*)'\s*$/i.exec(filter);
      if (!m) throw invalidParameter(`The filter '${filter}' is not supported. Only location filter is supported.`, '$filter');
      const wanted = m[1]!.replace(/\s+/g, '').toLowerCase();
      locations = SUPPORTED_LOCATIONS.filter((l) => l === wanted);
    }
    return { status: 200, body: { value: locations.flatMap((l) => VM_SIZES.map((s) => renderSku(s, l))) } };
  });
}
