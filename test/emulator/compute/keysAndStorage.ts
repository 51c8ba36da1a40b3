import * as crypto from 'node:crypto';
import { DISK_API_VERSIONS, STORAGE_API_VERSIONS } from '../arm/apiVersions';
import { notFoundError } from '../arm/notFound';
import { page } from '../arm/paging';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asObject, asString } from '../json';
import type { EmulatorState, StoredResource } from '../state';
import { findResourceGroup, getResource, resourcesOfType } from '../state';

// Disk encryption sets and storage accounts: read-only resources an image version refers to.
// A version's target region may name a disk encryption set per disk
// (GalleryRP.json `EncryptionImages`), and a VHD source names the storage account holding the blob
// (`GalleryDiskImageSource.storageAccountId` + `uri`). The local Azure lists and reads them so the
// extension can offer them; it does not create them (nor blobs: a VHD uri is accepted when it is on
// the account's blob endpoint).

export const DES_TYPE = 'Microsoft.Compute/diskEncryptionSets';
export const STORAGE_ACCOUNT_TYPE = 'Microsoft.Storage/storageAccounts';

/** Disk RP's DiskEncryptionSetType values (disk RP spec, `DiskEncryptionSetType`). */
export type DesEncryptionType = 'EncryptionAtRestWithCustomerKey' | 'EncryptionAtRestWithPlatformAndCustomerKeys' | 'ConfidentialVmEncryptedWithCustomerKey';

export interface DesSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  encryptionType?: DesEncryptionType;
}

export function diskEncryptionSet(s: DesSpec): StoredResource {
  const id = `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/${DES_TYPE}/${s.name}`;
  const vault = `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.KeyVault/vaults/kv-${s.location}`;
  return {
    id,
    name: s.name,
    type: DES_TYPE,
    location: s.location,
    properties: {
      encryptionType: s.encryptionType ?? 'EncryptionAtRestWithCustomerKey',
      activeKey: { sourceVault: { id: vault }, keyUrl: `https://kv-${s.location}.vault.azure.net/keys/${s.name}/${crypto.createHash('sha1').update(id).digest('hex').slice(0, 32)}` },
      rotationToLatestKeyVersionEnabled: false,
      lastKeyRotationTimestamp: '2026-01-05T10:00:00.0000000+00:00',
    },
    extra: { identity: { type: 'SystemAssigned', principalId: crypto.createHash('md5').update(id).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5') } },
    provisioningState: 'Succeeded',
    createdAt: new Date().toISOString(),
  };
}

export interface StorageAccountSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** Blob paths (`container/name.vhd`) the seed documents as present; any uri on the endpoint is accepted. */
  vhds?: string[];
}

export function blobEndpointOf(account: StoredResource): string {
  return asString(asObject(account.properties.primaryEndpoints)?.blob) ?? `https://${account.name}.blob.core.windows.net/`;
}

export function storageAccount(s: StorageAccountSpec): StoredResource {
  const id = `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/${STORAGE_ACCOUNT_TYPE}/${s.name}`;
  const endpoint = (svc: string): string => `https://${s.name}.${svc}.core.windows.net/`;
  return {
    id,
    name: s.name,
    type: STORAGE_ACCOUNT_TYPE,
    location: s.location,
    properties: {
      primaryEndpoints: { blob: endpoint('blob'), queue: endpoint('queue'), table: endpoint('table'), file: endpoint('file'), dfs: endpoint('dfs'), web: endpoint('z13.web') },
      primaryLocation: s.location,
      statusOfPrimary: 'available',
      creationTime: '2025-11-02T08:00:00.0000000Z',
      accessTier: 'Hot',
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      encryption: { keySource: 'Microsoft.Storage', services: { blob: { enabled: true, keyType: 'Account' } } },
    },
    extra: { kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' } },
    meta: { vhds: (s.vhds ?? []).map((v) => `${endpoint('blob')}${v}`) },
    provisioningState: 'Succeeded',
    createdAt: new Date().toISOString(),
  };
}

export function findDiskEncryptionSet(state: EmulatorState, id: string): StoredResource | undefined {
  const r = getResource(state, id);
  return r && r.type.toLowerCase() === DES_TYPE.toLowerCase() ? r : undefined;
}

export function findStorageAccount(state: EmulatorState, id: string): StoredResource | undefined {
  const r = getResource(state, id);
  return r && r.type.toLowerCase() === STORAGE_ACCOUNT_TYPE.toLowerCase() ? r : undefined;
}

/** DES: `properties.provisioningState`; storage accounts: the same, as ARM renders both. */
function render(r: StoredResource): JsonObject {
  const out: JsonObject = { id: r.id, name: r.name, type: r.type, location: r.location };
  if (r.tags) out.tags = r.tags;
  if (r.extra) Object.assign(out, r.extra);
  out.properties = { ...r.properties, provisioningState: r.provisioningState };
  return out;
}

/** GET item, list by resource group, list by subscription, for both types. */
export function registerKeysAndStorage(emu: Emulator): void {
  const families = [
    { ns: 'Microsoft.Compute', segment: 'diskEncryptionSets', type: DES_TYPE, versions: DISK_API_VERSIONS },
    { ns: 'Microsoft.Storage', segment: 'storageAccounts', type: STORAGE_ACCOUNT_TYPE, versions: STORAGE_API_VERSIONS },
  ];
  for (const f of families) {
    const opts = { auth: 'arm' as const, family: 'provider' as const, apiVersions: f.versions, typeName: f.segment, action: `${f.type}/read` };
    emu.router.add('GET', `/subscriptions/{subscriptionId}/providers/${f.ns}/${f.segment}`, opts, (ctx) => ({
      status: 200,
      body: page(ctx, resourcesOfType(ctx.emu.state, f.type, `/subscriptions/${ctx.params.subscriptionId}`).map(render)),
    }));
    emu.router.add('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${f.ns}/${f.segment}`, opts, (ctx) => {
      const rg = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${rg?.name ?? ctx.params.resourceGroupName}`;
      return { status: 200, body: page(ctx, resourcesOfType(ctx.emu.state, f.type, scope).map(render)) };
    });
    emu.router.add('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${f.ns}/${f.segment}/{name}`, opts, (ctx) => {
      const r = getResource(ctx.emu.state, ctx.path.replace(/\/$/, ''));
      if (!r || r.type.toLowerCase() !== f.type.toLowerCase()) throw notFoundError(ctx.path, ctx.params.resourceGroupName);
      return { status: 200, body: render(r) };
    });
  }
}
