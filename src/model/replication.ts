// Replication of an image version across regions: reading the status Azure reports
// (replicationStatus.summary[] of {region, state: Unknown | Replicating | Completed | Failed,
// progress, details} in GalleryRP.json 2025-12-03) and building the target region list a new
// version is published to (publishingProfile.targetRegions[] of {name, regionalReplicaCount,
// storageAccountType}).
//
// Rules from learn.microsoft.com "Store and share images in an Azure Compute Gallery": the
// source region must be one of the target regions (the first replica is made there); up to 100
// replicas per region. Storage account types: every value of GalleryRP.json 2025-12-03's
// StorageAccountType enum (Standard_LRS, Standard_ZRS, Premium_LRS, PremiumV2_LRS).
//
// Azure's default when a request names no storage type: from API version 2025-03-03 on, Azure
// applies the StorageAccountStrategy PreferStandard_ZRS — Standard_ZRS where the region supports
// it, else Standard_LRS (GalleryRP.json 2025-12-03, StorageAccountStrategy: "If no
// storageAccountStrategy is specified, this is the default strategy (from API version 2025-03-03
// onwards)"). The Azure CLI sends nothing unless --storage-account-type is given. A target region
// whose storageAccountType is undefined is sent without one, so Azure applies that default.

export type ReplicationState = 'Unknown' | 'Replicating' | 'Completed' | 'Failed';
export const STORAGE_ACCOUNT_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS'] as const;
export type StorageAccountType = (typeof STORAGE_ACCOUNT_TYPES)[number];
/** In words, what Azure applies when the request names no storage type (see above). */
export const AZURE_DEFAULT_STORAGE = "Azure's default: Standard_ZRS where the region has zone-redundant storage, else Standard_LRS";
export const DEFAULT_REPLICA_COUNT = 1;
export const MAX_REPLICA_COUNT = 100;

/** One region's replication status as Azure reports it. */
export interface RegionReplicationStatus {
  region?: string;
  state?: string;
  progress?: number;
  details?: string;
}

export interface ReplicationStatusLike {
  aggregatedState?: string;
  summary?: RegionReplicationStatus[];
}

export interface ReplicationSummary {
  state: ReplicationState;
  /** Regions reported. */
  total: number;
  /** Regions whose state is Completed. */
  completed: number;
  /** Regions whose state is Failed, by name. */
  failedRegions: string[];
  /** Mean progress over all regions, 0–100 (a Completed region counts as 100). */
  percent: number;
  /** E.g. "Replicating 3/5 regions, 42%", "Failed in westus", "Replicated to 5 regions". */
  label: string;
}

/** Azure's state words in any case; anything else (or none) is Unknown. */
export function replicationStateOf(s: string | undefined): ReplicationState {
  switch (s?.toLowerCase()) {
    case 'replicating':
      return 'Replicating';
    case 'completed':
      return 'Completed';
    case 'failed':
      return 'Failed';
    default:
      return 'Unknown';
  }
}

function regionsWord(n: number): string {
  return n === 1 ? '1 region' : `${n} regions`;
}

function listRegions(names: string[]): string {
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more regions`;
}

function clampPercent(p: number | undefined): number {
  if (p === undefined || !Number.isFinite(p)) return 0;
  return Math.min(100, Math.max(0, p));
}

/** Summarises per-region status into one state and a label for the tree. */
export function summariseReplication(status: ReplicationStatusLike | undefined): ReplicationSummary {
  const regions = status?.summary ?? [];
  const total = regions.length;
  let completed = 0;
  let progressSum = 0;
  let unknown = 0;
  const failedRegions: string[] = [];
  for (const r of regions) {
    const state = replicationStateOf(r.state);
    if (state === 'Completed') {
      completed++;
      progressSum += 100;
    } else {
      progressSum += clampPercent(r.progress);
      if (state === 'Failed') failedRegions.push(r.region ?? 'an unnamed region');
      if (state === 'Unknown') unknown++;
    }
  }
  const percent = total > 0 ? Math.floor(progressSum / total) : 0;
  const base = { total, completed, failedRegions, percent };

  if (failedRegions.length > 0) return { ...base, state: 'Failed', label: `Failed in ${listRegions(failedRegions)}` };
  if (total > 0 && completed === total) return { ...base, state: 'Completed', label: `Replicated to ${regionsWord(total)}` };
  if (total === 0 || unknown === total) {
    // No per-region detail (the list call omits it); fall back to the aggregate if there is one.
    const aggregate = status?.aggregatedState?.toLowerCase();
    if (aggregate === 'completed') return { ...base, state: 'Completed', percent: 100, label: 'Replicated' };
    if (aggregate === 'failed') return { ...base, state: 'Failed', label: 'Replication failed' };
    if (aggregate === 'inprogress') return { ...base, state: 'Replicating', label: 'Replicating' };
    return { ...base, state: 'Unknown', label: 'Replication status unknown' };
  }
  // Before any region is done: no "0/2 regions", which reads as a fault.
  return { ...base, state: 'Replicating', label: completed > 0 ? `Replicating ${completed}/${total} regions, ${percent}%` : `Replicating${total > 1 ? ` to ${total} regions` : ''}, ${percent}%` };
}

/** One entry of publishingProfile.targetRegions. */
export interface TargetRegion {
  name: string;
  regionalReplicaCount: number;
  /** Undefined: none is sent, and Azure applies its default (see AZURE_DEFAULT_STORAGE). */
  storageAccountType?: StorageAccountType;
}

/** Region names compare as ARM does: "West US", "westus" and "WestUS" are the same region. */
export function normalizeRegionName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

export function sameRegion(a: string, b: string): boolean {
  return normalizeRegionName(a) === normalizeRegionName(b);
}

// No storage type: Azure applies its default (AZURE_DEFAULT_STORAGE), as the Azure CLI does.
function makeTarget(name: string): TargetRegion {
  return { name: normalizeRegionName(name), regionalReplicaCount: DEFAULT_REPLICA_COUNT };
}

/** Puts the source region first, adding it if it is missing, so it can never be left out. */
export function withSourceRegion(targets: readonly TargetRegion[], sourceRegion: string): TargetRegion[] {
  const source = targets.find((t) => sameRegion(t.name, sourceRegion)) ?? makeTarget(sourceRegion);
  return [source, ...targets.filter((t) => !sameRegion(t.name, sourceRegion))];
}

/** Why a region cannot be removed, or undefined if it can. */
export function whyRegionCannotBeRemoved(region: string, sourceRegion: string): string | undefined {
  return sameRegion(region, sourceRegion)
    ? `${normalizeRegionName(sourceRegion)} is the source region: the image is always replicated there first, so it stays in the list.`
    : undefined;
}

export function isStorageAccountType(value: string): value is StorageAccountType {
  return (STORAGE_ACCOUNT_TYPES as readonly string[]).includes(value);
}

/** Checks a target region list before it is sent; undefined when it is fine. */
/**
 * `knownRegions`: the subscription's region names (from its locations list), when the caller has
 * them; a region Azure does not offer is refused before anything is sent.
 */
export function validateTargetRegions(
  targets: readonly (Omit<TargetRegion, 'storageAccountType'> & { storageAccountType?: string })[],
  sourceRegion: string,
  knownRegions?: readonly string[],
): string | undefined {
  if (targets.length === 0) return `Add at least the source region (${normalizeRegionName(sourceRegion)}).`;
  if (!targets.some((t) => sameRegion(t.name, sourceRegion))) {
    return `Add the source region ${normalizeRegionName(sourceRegion)}: Azure replicates an image there first.`;
  }
  const seen = new Set<string>();
  for (const t of targets) {
    const name = normalizeRegionName(t.name);
    if (name.length === 0) return 'Give every target region a name.';
    if (!/^[a-z0-9]+$/.test(name)) return `Use a region name such as westus, not "${t.name}".`;
    if (knownRegions && !knownRegions.some((k) => sameRegion(k, name))) return `Use one of the subscription's regions, not ${name}.`;
    if (seen.has(name)) return `List ${name} only once.`;
    seen.add(name);
    const n = t.regionalReplicaCount;
    if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICA_COUNT) {
      return `Use 1 to ${MAX_REPLICA_COUNT} replicas in ${name} (not ${n}).`;
    }
    // No storage type: one Azure already holds (not updatable), or Azure's default for a new region.
    if (t.storageAccountType !== undefined && !isStorageAccountType(t.storageAccountType)) {
      return `Use ${STORAGE_ACCOUNT_TYPES.join(', ')} as the storage type in ${name} (not ${String(t.storageAccountType)}).`;
    }
  }
  return undefined;
}

/**
 * Standard_ZRS needs a region with availability zones: troubleshooting-shared-images.md, "ZRS
 * storage account type is not supported in this region … Change the storage account type to
 * Premium_LRS or Standard_LRS". `hasZones`: what the subscription's locations list tells of the
 * region (undefined: unknown, left to Azure).
 */
export function validateStorageInRegion(type: string | undefined, region: string, hasZones: boolean | undefined): string | undefined {
  if (type === 'Standard_ZRS' && hasZones === false) {
    return `Use Standard_LRS, Premium_LRS or PremiumV2_LRS in ${normalizeRegionName(region)} (or Azure's default): it has no availability zones, so no zone-redundant storage.`;
  }
  return undefined;
}

/**
 * The region most of these resources are in (their locations, any spelling), the first of them on
 * a tie: where a new resource group's region list starts, rather than on the alphabetically first.
 */
export function mostUsedRegion(locations: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const l of locations) {
    const name = normalizeRegionName(l);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, n] of counts) if (best === undefined || n > counts.get(best)!) best = name;
  return best;
}
