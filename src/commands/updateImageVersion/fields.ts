// Update Image Version's answers: what can change, how each is shown, the options object, and the
// target-region list an answer set means. No prompts here (answers.ts reads and asks, index.ts sends).
import type { ImageVersion } from '../../azure/types';
import { isoDay } from '../../model/endOfLife';
import { normalizeRegionName, validateTargetRegions } from '../../model/replication';
import { replicaText, updatedTargets, whyTargetEditsRefused, type CurrentTarget, type TargetRegionEdit } from '../../model/updateRules';
import { edgeZonesText, type EdgeZoneEdit } from '../../model/edgeZones';
import { validateRegionEncryption, type ConfidentialVmEncryptionType, type EncryptionSetRef, type RegionEncryption } from '../../model/versionContent';
import { parseReplicaCounts, replicasIn } from '../../ui/answerText';
import type { ManageOptions } from '../manageCommon';

export interface TargetRegionUpdate {
  name: string;
  replicas?: number;
  /** Only for a region being added: Standard_LRS, Standard_ZRS, Premium_LRS or PremiumV2_LRS (absent: Azure's default). */
  storageAccountType?: string;
  /** Whether VMs asking for "latest" in this region skip this version (absent: as now). */
  excludeFromLatest?: boolean;
  /** Only for a region being added: the disk encryption set of the OS disk there. */
  osDiskEncryptionSetId?: string;
  /** Only for a region being added to a confidential version encrypted with EncryptedWithCmk: its key's set there. */
  secureVMDiskEncryptionSetId?: string;
  /** Only for a region being added: the disk encryption set of each data disk there. */
  dataDiskEncryptionSetIds?: { lun: number; diskEncryptionSetId: string }[];
}

export interface UpdateImageVersionOptions extends ManageOptions {
  /** The image version's resource id. */
  version?: string;
  excludeFromLatest?: boolean;
  /** YYYY-MM-DD (or a zoned ISO date-time) in the future; "" removes it. */
  endOfLifeDate?: string;
  /** The whole new list of target regions; the version's own (source) region must stay in it. */
  targetRegions?: (string | TargetRegionUpdate)[];
  /** Replicas in every region not given its own count (default: what the region has now, or 1). */
  replicaCount?: number;
  /** Storage type of added regions not given their own (default: Azure's default). */
  storageAccountType?: string;
  /** Block deleting the version before its end-of-life date (needs an end-of-life date). */
  blockDeletionBeforeEndOfLife?: boolean;
  /** Let a later update remove regions the version is replicated to. */
  allowDeletionOfReplicatedLocations?: boolean;
  /**
   * The whole new list of edge zones ({name: region, edgeZone, replicas?, storageAccountType?}):
   * one left out is removed, a replica count changes, a new one is added (its storage type cannot
   * change later). [] removes them all.
   */
  targetExtendedLocations?: EdgeZoneEdit[];
}

export const FIELDS = ['excludeFromLatest', 'endOfLifeDate', 'regions', 'replicas', 'regionLatest', 'edgeZones', 'blockDeletion', 'allowDeletion'] as const;
export type Field = (typeof FIELDS)[number];
export const LABELS: Record<Field, string> = {
  excludeFromLatest: 'Exclude from latest',
  endOfLifeDate: 'End-of-life date',
  regions: 'Target regions',
  replicas: 'Replicas per region',
  regionLatest: 'Exclude from latest in some regions',
  edgeZones: 'Edge zones',
  blockDeletion: 'Block deletion before end of life',
  allowDeletion: 'Allow removing replicated regions',
};

export interface State {
  fields?: Field[];
  excludeFromLatest?: boolean;
  endOfLifeDate?: string;
  regions?: string[];
  replicas?: string;
  /** Regions where "latest" skips this version (the whole set). */
  regionLatest?: string[];
  /** Storage type of the regions being added; '' = Azure's default. */
  newStorage?: string;
  /** Per-region storage types given in the options object, for regions being added. */
  storageByRegion?: Record<string, string>;
  /** The encryption of each region being added (the version's disks encrypted elsewhere must be here too). */
  encryptionByRegion?: Record<string, RegionEncryption>;
  /** The whole new list of edge zones. */
  edgeZones?: EdgeZoneEdit[];
  /** Edge zones typed as region/edgezone (defined while "Type other edge zones…" is selected). */
  edgeZonesTyped?: string;
  blockDeletion?: boolean;
  allowDeletion?: boolean;
}

type Transient = 'fields' | 'storageByRegion' | 'encryptionByRegion' | 'edgeZonesTyped';
export type Values = Required<Omit<State, Transient>> & Pick<State, 'storageByRegion' | 'encryptionByRegion'>;

/** The version as it is now, in the wizard's terms. */
export function currentValues(version: ImageVersion, targets: readonly CurrentTarget[], edgeZones: readonly EdgeZoneEdit[] = []): Values {
  return {
    edgeZones: [...edgeZones],
    excludeFromLatest: version.excludeFromLatest,
    endOfLifeDate: version.endOfLifeDate ? isoDay(version.endOfLifeDate) : '',
    regions: targets.map((t) => t.name),
    replicas: replicaText(targets),
    regionLatest: targets.filter((t) => t.excludeFromLatest).map((t) => t.name),
    newStorage: '',
    blockDeletion: version.blockDeletionBeforeEndOfLife,
    allowDeletion: version.allowDeletionOfReplicatedLocations ?? false,
  };
}

export function merged(current: Values, s: State): Values {
  return { ...current, ...Object.fromEntries(Object.entries(s).filter(([k, val]) => k !== 'fields' && k !== 'edgeZonesTyped' && val !== undefined)) } as Values;
}

/** The target list a state means, or a sentence saying what to fix. */
/**
 * An added region's encryption with the version's confidential-VM encryption type: every region of a
 * confidential version encrypts its VM guest state the same way, so an added one says so too.
 */
function withConfidentialType(e: RegionEncryption | undefined, confidential: string | undefined): RegionEncryption | undefined {
  if (!confidential) return e;
  return { ...e, osDiskImage: { ...e?.osDiskImage, confidentialVMEncryptionType: confidential as ConfidentialVmEncryptionType } };
}

export function targetsOf(current: Values, s: State, currentTargets: readonly CurrentTarget[], source: string, confidential?: string): TargetRegionEdit[] | string {
  const m = merged(current, s);
  const regions = [source, ...m.regions.map(normalizeRegionName).filter((r) => r !== source)];
  const counts = parseReplicaCounts(m.replicas, regions);
  if (typeof counts === 'string') return counts;
  // A plain number applies to every region; pairs name some, and the others keep what they have.
  const pairs = /=|:/.test(m.replicas);
  const replicasOf = (r: string) => (pairs && !counts.byRegion.has(r) ? (currentTargets.find((t) => t.name === r)?.regionalReplicaCount ?? 1) : replicasIn(counts, r));
  const storageOf = (r: string) => m.storageByRegion?.[r] ?? (m.newStorage === '' ? undefined : m.newStorage);
  const excluded = new Set(m.regionLatest.map(normalizeRegionName));
  const list = updatedTargets(currentTargets, regions, replicasOf, source, storageOf).map((t) => {
    const before = currentTargets.find((c) => c.name === t.name);
    const exclude = excluded.has(t.name);
    // A storage type named for a replicated region is kept on the edit, so it is refused below if it differs.
    const named = before ? m.storageByRegion?.[t.name] : undefined;
    const encryption = before ? undefined : withConfidentialType(m.encryptionByRegion?.[t.name], confidential);
    const edit = { ...t, ...(named !== undefined ? { storageAccountType: named } : {}), ...(encryption ? { encryption: { ...encryption } } : {}) };
    // Only a region whose exclusion changes says so: the others are written back as Azure has them.
    return exclude !== (before?.excludeFromLatest ?? false) ? { ...edit, excludeFromLatest: exclude } : edit;
  });
  return validateTargetRegions(list, source) ?? whyTargetEditsRefused(currentTargets, list) ?? list;
}

export function shown(f: Field, v: Values): string {
  switch (f) {
    case 'excludeFromLatest':
    case 'blockDeletion':
    case 'allowDeletion':
      return v[f] ? 'Yes' : 'No';
    case 'endOfLifeDate':
      return v.endOfLifeDate || '(none)';
    case 'regions':
      return v.regions.join(', ');
    case 'replicas':
      return v.replicas;
    case 'regionLatest':
      return v.regionLatest.length > 0 ? v.regionLatest.join(', ') : '(none)';
    case 'edgeZones':
      return edgeZonesText(v.edgeZones);
  }
}

export function blockProblem(v: Values): string | undefined {
  return v.blockDeletion && !v.endOfLifeDate ? 'Blocking deletion before the end of life needs an end-of-life date: set one too.' : undefined;
}

/** The version's encryption, region by region, in the rules' terms. */
export function currentEncryption(version: ImageVersion): { region: string; encryption?: RegionEncryption }[] {
  return version.targetRegions.map((t) => ({
    region: normalizeRegionName(t.name),
    encryption: t.encryption
      ? {
          osDiskImage: {
            ...(t.encryption.osDiskEncryptionSetId ? { diskEncryptionSetId: t.encryption.osDiskEncryptionSetId } : {}),
            ...(t.encryption.confidentialVmEncryptionType ? { confidentialVMEncryptionType: t.encryption.confidentialVmEncryptionType as ConfidentialVmEncryptionType } : {}),
            ...(t.encryption.secureVmDiskEncryptionSetId ? { secureVMDiskEncryptionSetId: t.encryption.secureVmDiskEncryptionSetId } : {}),
          },
          dataDiskImages: t.encryption.dataDisks.filter((d) => d.diskEncryptionSetId).map((d) => ({ lun: d.lun, diskEncryptionSetId: d.diskEncryptionSetId! })),
        }
      : undefined,
  }));
}

export interface EncryptedDisks {
  os: boolean;
  luns: number[];
  /** The confidential-VM encryption type of the version's regions, if it has one. */
  confidential?: string;
  /** Whether that type keeps the VM guest state's key in a disk encryption set (EncryptedWithCmk). */
  confidentialSet: boolean;
}

/** What the version's regions encrypt with the user's keys, which the regions being added need too. */
export function encryptedDisks(version: ImageVersion): EncryptedDisks {
  const os = version.targetRegions.some((t) => t.encryption?.osDiskEncryptionSetId);
  const luns = [...new Set(version.targetRegions.flatMap((t) => t.encryption?.dataDisks.filter((d) => d.diskEncryptionSetId).map((d) => d.lun) ?? []))].sort((a, b) => a - b);
  const confidential = version.targetRegions.find((t) => t.encryption?.confidentialVmEncryptionType)?.encryption?.confidentialVmEncryptionType;
  const confidentialSet = version.targetRegions.some((t) => t.encryption?.secureVmDiskEncryptionSetId);
  return { os, luns, confidential, confidentialSet };
}

export function needsEncryption(e: EncryptedDisks): boolean {
  return e.os || e.luns.length > 0 || e.confidentialSet;
}

/**
 * The encryption rules over the list to send: the regions kept as Azure has them, the added ones
 * as answered (model/versionContent validateRegionEncryption: a disk encrypted in one region is
 * encrypted in every region, with a set of the gallery's subscription in that region).
 */
export function encryptionProblem(version: ImageVersion, list: readonly TargetRegionEdit[], sets?: readonly EncryptionSetRef[]): string | undefined {
  const kept = currentEncryption(version);
  const regions = list.map((t) => kept.find((k) => k.region === normalizeRegionName(t.name)) ?? { region: normalizeRegionName(t.name), encryption: t.encryption as RegionEncryption | undefined });
  if (!regions.some((r) => r.encryption)) return undefined;
  const luns = version.dataDiskImages.map((d) => d.lun).filter((l): l is number => l !== undefined);
  // The added regions' sets are the user's answers, checked against the listed sets; the kept
  // regions' were accepted by Azure already, and take part only in "every region encrypts it".
  const added = regions.filter((r) => !kept.some((k) => k.region === r.region));
  if (added.length === 0) return undefined;
  return validateRegionEncryption(added, luns, version.subscriptionId, sets) ?? validateRegionEncryption(regions, luns, version.subscriptionId);
}
