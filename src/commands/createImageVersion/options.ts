// An options object read into the flow's state: each answer checked with the same rules as the
// steps, so a complete object creates without a prompt, and a wrong answer is named before
// anything is sent.
import type { VersionSource } from '../../azure/writeTypes';
import { validateEdgeZones } from '../../model/edgeZones';
import { validateTags } from '../../model/tags';
import { validateEndOfLifeDate } from '../../model/endOfLife';
import { sourceFitsDefinition } from '../../model/imageRules';
import { isStorageAccountType, normalizeRegionName, STORAGE_ACCOUNT_TYPES, validateTargetRegions } from '../../model/replication';
import { validateImageVersionName } from '../../model/versions';
import { CONFIDENTIAL_VM_ENCRYPTION_TYPES, parseGalleryVersionReference, validateVhdUrl, type RegionEncryption } from '../../model/versionContent';
import type { ImageDefinitionNode } from '../../tree/nodes/imageDefinitionNode';
import { buildTargets, countsOf } from './spec';
import { AZURE_DEFAULT, definitionShape, isConfidential, type CreateImageVersionOptions, type DataDiskChoice, type Lookups, type State, type StorageChoice } from './types';

export interface ReadOptions {
  state: State;
  problems: string[];
  given: Set<keyof State>;
}

const isStorageChoice = (v: string | undefined): boolean => v === undefined || v === AZURE_DEFAULT || isStorageAccountType(v);
const STORAGE_HINT = `Use ${AZURE_DEFAULT} (Azure's default) or one of ${STORAGE_ACCOUNT_TYPES.join(', ')}.`;

/** A source given as text: a resource id of the subscription, a community/shared version id, or a VHD URL. */
async function sourceFromOptions(o: CreateImageVersionOptions, definition: ImageDefinitionNode, lookups: Lookups): Promise<VersionSource | string> {
  const text = o.source!.trim();
  const reference = parseGalleryVersionReference(text);
  if (reference) {
    const first = o.targetRegions?.[0];
    const location = o.sourceLocation ?? (typeof first === 'string' ? first : first?.name);
    if (!location) return 'Give sourceLocation: the region the community or shared gallery version is used from.';
    return {
      id: reference.id,
      name: `${reference.gallery}/${reference.image}/${reference.version}`,
      kind: reference.kind === 'community' ? 'communityGalleryImageVersion' : 'sharedGalleryImageVersion',
      location: normalizeRegionName(location),
      resourceGroup: '',
    };
  }
  if (/^[a-z]+:\/\//i.test(text)) {
    if (!o.storageAccountId) return 'Give storageAccountId: the storage account that holds the VHD.';
    const account = (await lookups.storageAccounts(definition)).find((a) => a.id.toLowerCase() === o.storageAccountId!.toLowerCase());
    if (!account) return `Use one of the subscription's storage accounts as storageAccountId: ${o.storageAccountId} was not found.`;
    const problem = validateVhdUrl(text, account.blobEndpoint);
    if (problem) return problem;
    return { id: text, name: text.split('/').pop() ?? text, kind: 'vhd', location: normalizeRegionName(account.location), resourceGroup: account.resourceGroup, storageAccountId: account.id };
  }
  const found = (await lookups.sources(definition)).find((s) => s.id.toLowerCase() === text.toLowerCase());
  if (!found) return `${text} is not a managed image, VM, OS snapshot or disk, or gallery image version of this subscription.`;
  return found;
}

/** Data disks given by id (a disk or snapshot of the subscription) or VHD URL (with its storage account). */
async function dataDisksFromOptions(o: CreateImageVersionOptions, definition: ImageDefinitionNode, lookups: Lookups, region: string | undefined): Promise<DataDiskChoice[] | string> {
  const out: DataDiskChoice[] = [];
  for (const d of o.dataDisks ?? []) {
    const text = d.source.trim();
    if (/^[a-z]+:\/\//i.test(text)) {
      const account = d.storageAccountId ? (await lookups.storageAccounts(definition)).find((a) => a.id.toLowerCase() === d.storageAccountId!.toLowerCase()) : undefined;
      if (!account) return `Give LUN ${d.lun} the storageAccountId of one of the subscription's storage accounts (the one holding ${text}).`;
      if (region && normalizeRegionName(account.location) !== region) return `Use a storage account in ${region} for LUN ${d.lun}: ${account.name} is in ${normalizeRegionName(account.location)}.`;
      const problem = validateVhdUrl(text, account.blobEndpoint);
      if (problem) return `LUN ${d.lun}: ${problem}`;
      out.push({ lun: d.lun, source: { uri: text, storageAccountId: account.id }, label: text.split('/').pop() ?? text });
      continue;
    }
    const found = (await lookups.dataDiskCandidates(definition)).find((c) => c.id.toLowerCase() === text.toLowerCase());
    if (!found) return `Use a managed disk or snapshot without an OS, or a VHD URL, for LUN ${d.lun}: ${text} is neither.`;
    // troubleshooting-shared-images.md: "Source … is not found. Please check source exists, and is in the same region as gallery image version being created".
    if (region && normalizeRegionName(found.location) !== region) return `Use a disk or snapshot in ${region} for LUN ${d.lun}: ${found.name} is in ${normalizeRegionName(found.location)}, and Azure copies data disks from the version's region.`;
    out.push({ lun: d.lun, source: { id: found.id }, label: `${found.name} (${found.kind})` });
  }
  return out;
}

function regionEncryptionFromOptions(o: CreateImageVersionOptions): Record<string, RegionEncryption> | undefined {
  const out: Record<string, RegionEncryption> = {};
  for (const r of o.targetRegions ?? []) {
    if (typeof r === 'string') continue;
    const os = r.osDiskEncryptionSetId || r.secureVMDiskEncryptionSetId ? { diskEncryptionSetId: r.osDiskEncryptionSetId, secureVMDiskEncryptionSetId: r.secureVMDiskEncryptionSetId } : undefined;
    const data = r.dataDiskEncryptionSetIds?.length ? r.dataDiskEncryptionSetIds : undefined;
    if (os || data) out[normalizeRegionName(r.name)] = { ...(os ? { osDiskImage: os } : {}), ...(data ? { dataDiskImages: data } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Reads the options object into the state; `given` holds the answers that need no prompt. */
export async function readOptions(o: CreateImageVersionOptions, definition: ImageDefinitionNode | undefined, lookups: Lookups, versionTaken: (s: State, v: string) => Promise<string | undefined>): Promise<ReadOptions> {
  const regionOptions = o.targetRegions?.map((r) => (typeof r === 'string' ? { name: r } : r));
  const regionStorage: Record<string, StorageChoice> = {};
  for (const r of regionOptions ?? []) if (r.storageAccountType) regionStorage[normalizeRegionName(r.name)] = r.storageAccountType;
  const regionEncryption = regionEncryptionFromOptions(o);
  const state: State = {
    definition,
    version: o.version,
    storage: o.storageAccountType,
    regionStorage: Object.keys(regionStorage).length ? regionStorage : undefined,
    excludeFromLatest: o.excludeFromLatest,
    excludedRegions: regionOptions?.filter((r) => r.excludeFromLatest).map((r) => normalizeRegionName(r.name)),
    encryption: regionEncryption ? 'customer' : undefined,
    regionEncryption,
    confidentialType: o.confidentialVMEncryptionType,
    endOfLifeDate: o.endOfLifeDate,
    blockDeletion: o.blockDeletionBeforeEndOfLife,
    allowReplicatedDeletion: o.allowDeletionOfReplicatedLocations,
    extendedLocations: o.targetExtendedLocations,
    replicationMode: o.replicationMode,
    tags: o.tags,
    replicas: o.replicaCount !== undefined ? String(o.replicaCount) : undefined,
    regionOptions,
  };
  const problems: string[] = [];
  const given = new Set<keyof State>();
  if (o.definition && !definition) problems.push(`Definition: ${o.definition} is not an image definition of the signed-in subscriptions.`);
  if (definition) given.add('definition');
  const check = (key: keyof State, label: string, message: string | undefined) => {
    if (state[key] === undefined) return;
    if (message === undefined) given.add(key);
    else problems.push(`${label}: ${message}`);
  };
  if (o.source && definition) {
    const found = await sourceFromOptions(o, definition, lookups);
    const reason = typeof found === 'string' ? found : sourceFitsDefinition(found, definitionShape(definition.image));
    if (typeof found !== 'string') state.source = found;
    if (reason) problems.push(`Source: ${reason}`);
    else given.add('source');
  }
  if (o.dataDisks && definition) {
    const disks = await dataDisksFromOptions(o, definition, lookups, state.source ? normalizeRegionName(state.source.location) : undefined);
    if (typeof disks === 'string') problems.push(`Data disks: ${disks}`);
    else {
      state.dataDisks = disks;
      given.add('dataDisks');
    }
  }
  check('version', 'Version', state.version === undefined ? undefined : validateImageVersionName(state.version) ?? (await versionTaken(state, state.version)));
  const badStorage = [o.storageAccountType, ...(regionOptions ?? []).map((r) => r.storageAccountType)].find((t) => !isStorageChoice(t));
  if (badStorage) problems.push(`Storage type: ${badStorage} is not a storage type. ${STORAGE_HINT}`);
  else if (state.storage !== undefined) given.add('storage');
  check('excludeFromLatest', 'Exclude from latest', undefined);
  check('endOfLifeDate', 'End-of-life date', state.endOfLifeDate === undefined ? undefined : validateEndOfLifeDate(state.endOfLifeDate.trim(), new Date()));
  check('tags', 'Tags', state.tags === undefined ? undefined : validateTags(state.tags));
  check('replicationMode', 'Replication mode', state.replicationMode === undefined || ['Full', 'Shallow'].includes(state.replicationMode) ? undefined : 'Use Full or Shallow.');
  check(
    'confidentialType',
    'Confidential VM encryption',
    state.confidentialType === undefined
      ? undefined
      : !isConfidential(definition?.image)
        ? 'Remove it: the definition is not for confidential VMs.'
        : (CONFIDENTIAL_VM_ENCRYPTION_TYPES as readonly string[]).includes(state.confidentialType)
          ? undefined
          : `Use ${CONFIDENTIAL_VM_ENCRYPTION_TYPES.join(', ')}.`,
  );
  check('extendedLocations', 'Edge zones', state.extendedLocations === undefined ? undefined : validateEdgeZones(state.extendedLocations));
  for (const key of ['blockDeletion', 'allowReplicatedDeletion', 'encryption', 'regionEncryption'] as const) check(key, key, undefined);
  if (regionOptions) {
    const counts = regionOptions.map((r) => r.replicas ?? o.replicaCount ?? 1);
    if (counts.every((c) => c === counts[0]) && (o.replicaCount === undefined || o.replicaCount === counts[0])) state.replicas = String(counts[0] ?? 1);
    else state.replicas = regionOptions.map((r, i) => `${normalizeRegionName(r.name)}=${counts[i]}`).join(', ');
  }
  if (state.source) {
    const source = normalizeRegionName(state.source.location);
    if (regionOptions) state.regions = [source, ...new Set(regionOptions.map((r) => normalizeRegionName(r.name)).filter((n) => n !== source))];
    const counts = countsOf(state);
    const message = typeof counts === 'string' ? counts : validateTargetRegions(buildTargets(state, counts), source);
    if (message) problems.push(`Target regions: ${message}`);
    else {
      if (state.regions) given.add('regions');
      if (state.replicas !== undefined) given.add('replicas');
    }
  }
  return { state, problems, given };
}
