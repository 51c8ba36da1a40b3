// From the answers to what is sent: target regions with their storage, exclusion and encryption,
// the data disks, the safety profile; every rule checked once more before sending; and the options
// object that brings the same answers back is the answers' (answers.ts).
import type { DiskEncryptionSetInfo, NewImageVersion, NewTargetRegion } from '../../azure/writeTypes';
import { validateEdgeZones } from '../../model/edgeZones';
import { parseIsoDate } from '../../model/endOfLife';
import { normalizeRegionName, validateStorageInRegion, validateTargetRegions, withSourceRegion, type TargetRegion } from '../../model/replication';
import type { RegionChoice } from '../createCommon';
import { dataDisksAllowedWith, validateDataDisks, validateRegionEncryption, validateSafety, type RegionEncryption } from '../../model/versionContent';
import { parseReplicaCounts, replicasIn, type ReplicaCounts } from '../../ui/answerText';
import { AZURE_DEFAULT, type State, type StorageChoice } from './types';

/** The storage type chosen for a region: its own, else the version-wide one; AzureDefault when none. */
export function storageIn(s: State, region: string): StorageChoice {
  return s.regionStorage?.[region] ?? s.storage ?? AZURE_DEFAULT;
}

export function excludedIn(s: State, region: string): boolean {
  return s.excludeFromLatest === true || (s.excludedRegions ?? []).includes(region);
}

export function encryptionIn(s: State, region: string): RegionEncryption | undefined {
  const customer = s.encryption === 'customer' ? s.regionEncryption?.[region] : undefined;
  if (!s.confidentialType) return customer;
  return { ...customer, osDiskImage: { ...customer?.osDiskImage, confidentialVMEncryptionType: s.confidentialType } };
}

export function countsOf(s: State): ReplicaCounts | string {
  return parseReplicaCounts(s.replicas ?? '1', s.regions ?? (s.source ? [normalizeRegionName(s.source.location)] : []));
}

/** The target regions to send: the source region first, replica counts and storage types applied. */
export function buildTargets(s: State, counts: ReplicaCounts): TargetRegion[] {
  const source = s.source!.location;
  const list: TargetRegion[] = (s.regions ?? [normalizeRegionName(source)]).map((name) => {
    const storage = storageIn(s, name);
    return { name, regionalReplicaCount: replicasIn(counts, name), ...(storage === AZURE_DEFAULT ? {} : { storageAccountType: storage }) };
  });
  return withSourceRegion(list, source);
}

/** Every LUN the version will have: those listed, or those its source brings. */
export function lunsOf(s: State): number[] {
  return s.dataDisks?.length ? s.dataDisks.map((d) => d.lun) : (s.source?.dataDisks ?? []).map((d) => d.lun);
}

/**
 * Every rule on the whole answer, as the last check before sending (each step checked its own part
 * as it was answered; an options object skips the steps). `sets`: the subscription's disk
 * encryption sets, when encryption uses any.
 */
export function problemsOf(s: State, subscriptionId: string, sets?: readonly DiskEncryptionSetInfo[], labels: readonly RegionChoice[] = []): string[] {
  const problems: string[] = [];
  if (!s.source) return problems;
  const counts = countsOf(s);
  const targets = typeof counts === 'string' ? [] : buildTargets(s, counts);
  const regionProblem = typeof counts === 'string' ? counts : validateTargetRegions(targets, s.source.location);
  if (regionProblem) problems.push(`Target regions: ${regionProblem}`);
  const storageProblem = targets.map((t) => validateStorageInRegion(t.storageAccountType, t.name, labels.find((l) => l.name === t.name)?.zones)).find(Boolean);
  if (storageProblem) problems.push(`Storage: ${storageProblem}`);
  if (s.dataDisks?.length) {
    if (!dataDisksAllowedWith(s.source.kind)) {
      problems.push(`Data disks: Remove them, or use an OS disk, snapshot or VHD as the source: a ${s.source.kind === 'virtualMachine' ? 'VM' : 'source like this'} brings its own data disks.`);
    } else {
      const osSource = s.source.kind === 'vhd' ? { uri: s.source.id, storageAccountId: s.source.storageAccountId ?? '' } : { id: s.source.id };
      const p = validateDataDisks(s.dataDisks.map((d) => ({ lun: d.lun, source: d.source })), osSource);
      if (p) problems.push(`Data disks: ${p}`);
    }
  }
  const regions = s.regions ?? [normalizeRegionName(s.source.location)];
  const encryption = regions.map((region) => ({ region, encryption: encryptionIn(s, region) }));
  const encryptionProblem = validateRegionEncryption(encryption, lunsOf(s), subscriptionId, sets);
  if (encryptionProblem) problems.push(`Encryption: ${encryptionProblem}`);
  const edge = s.extendedLocations?.length ? validateEdgeZones(s.extendedLocations, labels.length > 0 ? labels.map((l) => l.name) : undefined) : undefined;
  if (edge) problems.push(`Edge zones: ${edge}`);
  const safety = validateSafety(s.blockDeletion, s.endOfLifeDate);
  if (safety) problems.push(`Safety: ${safety}`);
  return problems;
}

function targetBody(s: State, t: TargetRegion): NewTargetRegion {
  const encryption = encryptionIn(s, t.name);
  return {
    name: t.name,
    regionalReplicaCount: t.regionalReplicaCount,
    ...(t.storageAccountType ? { storageAccountType: t.storageAccountType } : {}),
    ...(excludedIn(s, t.name) && s.excludeFromLatest !== true ? { excludeFromLatest: true } : {}),
    ...(encryption && (encryption.osDiskImage || encryption.dataDiskImages?.length) ? { encryption } : {}),
  };
}

/** What is sent. The version-wide storage type is sent only when every region uses it. */
export function buildSpec(s: State, sendReplicationMode: boolean): NewImageVersion {
  const source = s.source!;
  const counts = countsOf(s);
  const targets = buildTargets(s, typeof counts === 'string' ? { all: 1, byRegion: new Map() } : counts);
  const wide = s.storage && s.storage !== AZURE_DEFAULT && !Object.keys(s.regionStorage ?? {}).length ? s.storage : undefined;
  return {
    location: normalizeRegionName(source.location),
    source: { kind: source.kind, id: source.id, ...(source.storageAccountId ? { storageAccountId: source.storageAccountId } : {}) },
    ...(s.dataDisks?.length ? { dataDisks: s.dataDisks.map((d) => ({ lun: d.lun, source: d.source })) } : {}),
    targetRegions: targets.map((t) => targetBody(s, t)),
    replicaCount: typeof counts === 'string' ? 1 : counts.all,
    ...(wide ? { storageAccountType: wide } : {}),
    excludeFromLatest: s.excludeFromLatest ?? false,
    endOfLifeDate: s.endOfLifeDate ? parseIsoDate(s.endOfLifeDate.trim()) : undefined,
    replicationMode: sendReplicationMode ? s.replicationMode : undefined,
    ...(s.tags && Object.keys(s.tags).length > 0 ? { tags: { ...s.tags } } : {}),
    ...(s.extendedLocations?.length ? { targetExtendedLocations: s.extendedLocations } : {}),
    ...(s.blockDeletion || s.allowReplicatedDeletion
      ? { safetyProfile: { ...(s.blockDeletion ? { blockDeletionBeforeEndOfLife: true } : {}), ...(s.allowReplicatedDeletion ? { allowDeletionOfReplicatedLocations: true } : {}) } }
      : {}),
  };
}
