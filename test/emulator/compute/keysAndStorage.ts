import * as crypto from 'node:crypto';
import { DISK_API_VERSIONS, STORAGE_API_VERSIONS } from '../arm/apiVersions';
import { notFoundError } from '../arm/notFound';
import { page } from '../arm/paging';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asObject, asString } from '../json';
import type { EmulatorState, StoredResource } from '../state';
import { findResourceGroup, getResource, resourcesOfType } from '../state';
import { listAzuriteContainers } from '../storage/azurite';

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
  /**
   * Its blobs are in Azurite (issue 15): the blob endpoint is Azurite's `https://127.0.0.1:port/<name>/`
   * while it runs, and listKeys' keys are the ones Azurite was started with.
   */
  onAzurite?: boolean;
  /** `allowSharedKeyAccess` (absent: Azure's default, keys allowed). */
  allowSharedKeyAccess?: boolean;
  /** Containers with sample blobs put into Azurite when it starts: `container/blob` → kind and size. */
  samples?: Record<string, { kind: 'vhd' | 'package'; bytes: number }>;
}

/** The account's blob endpoint as ARM gives it now: Azurite's, for an account on Azurite. */
export function blobEndpointOf(account: StoredResource, emu?: Emulator): string {
  if (account.meta?.azurite === true && emu?.storage) return `${emu.storage.url}/${account.name}/`;
  return asString(asObject(account.properties.primaryEndpoints)?.blob) ?? `https://${account.name}.blob.core.windows.net/`;
}

/**
 * Its two access keys: 64 random-looking bytes in base64, as Azure's are, fixed per account so a
 * restarted local Azure (and Azurite) agree on them.
 */
export function accountKeys(account: StoredResource): [string, string] {
  const key = (n: number) => crypto.createHash('sha512').update(`${account.id.toLowerCase()}:key${n}`).digest('base64');
  return [key(1), key(2)];
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
      ...(s.allowSharedKeyAccess === undefined ? {} : { allowSharedKeyAccess: s.allowSharedKeyAccess }),
    },
    extra: { kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' } },
    meta: {
      vhds: (s.vhds ?? []).map((v) => `${endpoint('blob')}${v}`),
      ...(s.onAzurite ? { azurite: true } : {}),
      ...(s.samples ? { samples: s.samples } : {}),
    },
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
function render(r: StoredResource, emu: Emulator): JsonObject {
  const out: JsonObject = { id: r.id, name: r.name, type: r.type, location: r.location };
  if (r.tags) out.tags = r.tags;
  if (r.extra) Object.assign(out, r.extra);
  out.properties = { ...r.properties, provisioningState: r.provisioningState };
  if (r.meta?.azurite === true && emu.storage) {
    const endpoints = { ...asObject(r.properties.primaryEndpoints) };
    endpoints.blob = blobEndpointOf(r, emu);
    out.properties.primaryEndpoints = endpoints;
  }
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
      body: page(ctx, resourcesOfType(ctx.emu.state, f.type, `/subscriptions/${ctx.params.subscriptionId}`).map((r) => render(r, ctx.emu))),
    }));
    emu.router.add('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${f.ns}/${f.segment}`, opts, (ctx) => {
      const rg = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${rg?.name ?? ctx.params.resourceGroupName}`;
      return { status: 200, body: page(ctx, resourcesOfType(ctx.emu.state, f.type, scope).map((r) => render(r, ctx.emu))) };
    });
    emu.router.add('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${f.ns}/${f.segment}/{name}`, opts, (ctx) => {
      const r = getResource(ctx.emu.state, ctx.path.replace(/\/$/, ''));
      if (!r || r.type.toLowerCase() !== f.type.toLowerCase()) throw notFoundError(ctx.path, ctx.params.resourceGroupName);
      return { status: 200, body: render(r, ctx.emu) };
    });
  }
}

/**
 * POST …/storageAccounts/{name}/listKeys (Storage RP REST "Storage Accounts - List Keys",
 * learn.microsoft.com/rest/api/storagerp/storage-accounts/list-keys, and @azure/arm-storage's
 * StorageAccountKey: 200 with `keys: [{ keyName, value, permissions: 'FULL', creationTime }]`; the caller needs
 * Microsoft.Storage/storageAccounts/listkeys/action, which Reader lacks) and GET
 * …/blobServices/default/containers ("Blob Containers - List", the same reference: `value: [ListContainerItem]`, each
 * with id, name, type Microsoft.Storage/storageAccounts/blobServices/containers), read from Azurite
 * for an account on it.
 */
export function registerStorageData(emu: Emulator): void {
  const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}';
  const account = (ctx: { path: string; params: Record<string, string>; emu: Emulator }): StoredResource => {
    const id = ctx.path.replace(/\/(listKeys|blobServices\/.*)$/i, '');
    const r = findStorageAccount(ctx.emu.state, id);
    if (!r) throw notFoundError(id, ctx.params.resourceGroupName);
    return r;
  };
  const opts = (action: string) => ({ auth: 'arm' as const, family: 'provider' as const, apiVersions: STORAGE_API_VERSIONS, typeName: 'storageAccounts', action });
  emu.router.add('POST', `${base}/listKeys`, opts('Microsoft.Storage/storageAccounts/listkeys/action'), (ctx) => {
    const r = account(ctx);
    const created = asString(r.properties.creationTime) ?? '2025-11-02T08:00:00.0000000Z';
    return { status: 200, body: { keys: accountKeys(r).map((value, i) => ({ creationTime: created, keyName: `key${i + 1}`, value, permissions: 'FULL' })) } };
  });
  emu.router.add('GET', `${base}/blobServices/default/containers`, opts('Microsoft.Storage/storageAccounts/blobServices/containers/read'), async (ctx) => {
    const r = account(ctx);
    const names = r.meta?.azurite === true && ctx.emu.storage ? await listAzuriteContainers(ctx.emu.storage, r.name) : [];
    const items = names.map((name) => ({
      id: `${r.id}/blobServices/default/containers/${name}`, name, type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
      properties: { publicAccess: 'None', leaseStatus: 'Unlocked', leaseState: 'Available', hasImmutabilityPolicy: false, hasLegalHold: false, deleted: false },
    }));
    return { status: 200, body: page(ctx, items) };
  });
}
