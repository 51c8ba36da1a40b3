// What Create Image Version picks from besides its source: managed disks and snapshots for data
// disks, the subscription's disk encryption sets (per region), and storage accounts for VHDs.
import type { Disk, DiskEncryptionSet, Snapshot } from '@azure/arm-compute';
import { computeClient, httpClient } from './clientFactory';
import { azureCall } from './errors';
import { getJson } from './jsonGet';
import type { AzureTarget, CallOptions } from './types';
import type { DataDiskCandidate, DiskEncryptionSetInfo, StorageAccountInfo } from './writeTypes';

function resourceGroupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

async function collect<T, U>(items: AsyncIterable<T>, map: (t: T) => U | undefined): Promise<U[]> {
  const out: U[] = [];
  for await (const item of items) {
    const mapped = map(item);
    if (mapped !== undefined) out.push(mapped);
  }
  return out;
}

function candidate(kind: 'disk' | 'snapshot', d: Disk | Snapshot): DataDiskCandidate | undefined {
  // An OS disk or snapshot (with an osType) is a source of its own, not a data disk.
  if (!d.id || d.osType) return undefined;
  return { id: d.id, name: d.name ?? '', kind, location: d.location, resourceGroup: resourceGroupOf(d.id), sizeGB: d.diskSizeGB };
}

/** The subscription's managed disks and snapshots without an OS: what data disk images are made from. */
export async function listDataDiskCandidates(target: AzureTarget, options: CallOptions = {}): Promise<DataDiskCandidate[]> {
  return azureCall(async () => {
    const client = computeClient(target);
    const signal = { abortSignal: options.abortSignal };
    const [disks, snapshots] = await Promise.all([
      collect(client.disks.list(signal), (d) => candidate('disk', d)),
      collect(client.snapshots.list(signal), (s) => candidate('snapshot', s)),
    ]);
    const byName = (a: DataDiskCandidate, b: DataDiskCandidate) => a.name.localeCompare(b.name);
    return [...disks.sort(byName), ...snapshots.sort(byName)];
  });
}

function toEncryptionSet(s: DiskEncryptionSet): DiskEncryptionSetInfo | undefined {
  if (!s.id) return undefined;
  return { id: s.id, name: s.name ?? '', location: s.location, resourceGroup: resourceGroupOf(s.id), encryptionType: s.encryptionType };
}

/** Every disk encryption set of the subscription (GET …/providers/Microsoft.Compute/diskEncryptionSets). */
export async function listDiskEncryptionSets(target: AzureTarget, options: CallOptions = {}): Promise<DiskEncryptionSetInfo[]> {
  return azureCall(async () => {
    const sets = await collect(computeClient(target).diskEncryptionSets.list({ abortSignal: options.abortSignal }), toEncryptionSet);
    return sets.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/**
 * The Storage resource provider's API version for listing accounts: the one @azure/arm-storage 18
 * sends. The list is read with the compute client's pipeline (same token, TLS agent, retries and
 * error bodies) rather than by adding @azure/arm-storage (~1 MB unpacked) for one GET.
 */
export const STORAGE_API_VERSION = '2023-05-01';

interface StorageAccountJson {
  id?: string;
  name?: string;
  location?: string;
  kind?: string;
  sku?: { name?: string };
  properties?: { primaryEndpoints?: { blob?: string } };
}

/** The subscription's storage accounts with a blob endpoint (GET …/providers/Microsoft.Storage/storageAccounts, all pages). */
export async function listStorageAccounts(target: AzureTarget, options: CallOptions = {}): Promise<StorageAccountInfo[]> {
  const base = target.cloud.resourceManagerEndpointUrl.replace(/\/+$/, '');
  let url: string | undefined = `${base}/subscriptions/${target.subscriptionId}/providers/Microsoft.Storage/storageAccounts?api-version=${STORAGE_API_VERSION}`;
  const accounts: StorageAccountInfo[] = [];
  while (url) {
    const page = ((await getJson(computeClient(target).pipeline, httpClient(), url, 'Azure (listing storage accounts)', options)) ?? {}) as { value?: unknown[]; nextLink?: string };
    for (const a of (page.value ?? []) as StorageAccountJson[]) {
      const blob = a.properties?.primaryEndpoints?.blob;
      if (!a.id || !blob) continue;
      accounts.push({ id: a.id, name: a.name ?? '', location: a.location ?? '', resourceGroup: resourceGroupOf(a.id), blobEndpoint: blob, kind: a.kind, sku: a.sku?.name });
    }
    url = page.nextLink;
  }
  return accounts.sort((a, b) => a.name.localeCompare(b.name));
}
