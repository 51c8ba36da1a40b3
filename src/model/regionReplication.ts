// An image version region by region: what each target region's row says, when a version counts as
// usable in a region, the version row's "2/3 regions", and the plan of Retry Region.
//
// Sources:
// - GalleryRP.json 2025-12-03 `ReplicationStatus.summary[]` (`RegionalReplicationStatus`: region,
//   state Unknown | Replicating | Completed | Failed, details, progress) — what
//   `$expand=ReplicationStatus` returns; `publishingProfile.targetRegions[]` (name,
//   regionalReplicaCount, storageAccountType) — what each region was asked for.
// - Usable only when Completed: the version's provisioningState turns Succeeded when its
//   operation ends while a region's RegionalReplicationStatus can still be Replicating, and VMs
//   created there fail with GalleryImageNotFound "is not available in <region> region" until it
//   is Completed (Azure/AgentBaker PR #8373, "wait on RegionalReplicationStatus before declaring
//   SIG image usable"); troubleshooting-shared-images.md, "Replication speed": use
//   `--expand ReplicationStatus` to check that replication to every target region has finished.
// - Retry Region: Azure's own error for a failed region ends "If retry does not work, then please
//   do an update by removing the failed regions and update again by adding them back."
//   (Azure/azure-cli issue #15539, the maintainers: "You can first follow the error message").
import { normalizeRegionName, replicationStateOf, sameRegion, type RegionReplicationStatus } from './replication';

/** What a region row says of its state. Azure's Unknown is a copy not started yet: "Queued". */
export type RegionRowState = 'Queued' | 'Replicating' | 'Completed' | 'Failed';

/** A target region as the version's publishing profile has it. */
export interface RegionTarget {
  name: string;
  regionalReplicaCount?: number;
  storageAccountType?: string;
}

export interface RegionRow {
  /** Normalized name ("westus2"): the row's key. */
  region: string;
  /** As Azure names it in the status ("West US 2"), else the target's name. */
  label: string;
  state: RegionRowState;
  /** 0–100 (100 when Completed). */
  progress: number;
  /** Azure's `details` (the error of a failed region), verbatim. */
  details?: string;
  replicas?: number;
  storage?: string;
  /** VMs can be created from the version in this region: only when Completed. */
  usable: boolean;
  /** "Replicating 42 %", "Failed", … */
  stateText: string;
  /** The row's description: state, replicas, storage ("Replicating 42 % · 2 replicas · Standard_ZRS"). */
  description: string;
}

function rowState(state: string | undefined): RegionRowState {
  const known = replicationStateOf(state);
  // Unknown (or a region Azure lists as a target but does not report yet): not started.
  return known === 'Unknown' ? 'Queued' : known;
}

function clamp(p: number | undefined): number {
  return p === undefined || !Number.isFinite(p) ? 0 : Math.min(100, Math.max(0, Math.round(p)));
}

/** A version counts as usable in a region only when that region's replication is Completed. */
export function isUsableInRegion(status: readonly RegionReplicationStatus[] | undefined, region: string): boolean {
  const s = (status ?? []).find((r) => r.region !== undefined && sameRegion(r.region, region));
  return rowState(s?.state) === 'Completed';
}

/**
 * One row per region: the target regions in their order, then any region the status reports that
 * the targets no longer list. `status` undefined: not fetched, so no rows can say a state.
 */
export function regionRows(targets: readonly RegionTarget[], status: readonly RegionReplicationStatus[], versionStorage?: string): RegionRow[] {
  const names: string[] = [];
  for (const n of [...targets.map((t) => t.name), ...status.map((s) => s.region ?? '')]) {
    if (n && !names.some((m) => sameRegion(m, n))) names.push(n);
  }
  return names.map((name) => {
    const t = targets.find((x) => sameRegion(x.name, name));
    const s = status.find((x) => x.region !== undefined && sameRegion(x.region, name));
    const state = rowState(s?.state);
    const progress = state === 'Completed' ? 100 : clamp(s?.progress);
    const stateText = state === 'Replicating' ? `Replicating ${progress} %` : state;
    const replicas = t?.regionalReplicaCount;
    const storage = t?.storageAccountType ?? (t ? versionStorage : undefined);
    const parts = [stateText];
    if (replicas !== undefined) parts.push(`${replicas} replica${replicas === 1 ? '' : 's'}`);
    if (storage) parts.push(storage);
    const row: RegionRow = {
      region: normalizeRegionName(name),
      label: s?.region ?? t?.name ?? name,
      state,
      progress,
      usable: state === 'Completed',
      stateText,
      description: parts.join(' · '),
    };
    if (s?.details) row.details = s.details;
    if (replicas !== undefined) row.replicas = replicas;
    if (storage) row.storage = storage;
    return row;
  });
}

/** The version row's count, from the same rows: "2/3 regions"; nothing while none is usable ("0/1 regions" reads as a fault). */
export function regionsCount(rows: readonly RegionRow[]): string {
  const usable = rows.filter((r) => r.usable).length;
  return usable === 0 ? '' : `${usable}/${rows.length} region${rows.length === 1 ? '' : 's'}`;
}

/** "Replicating 2/3 regions, 42%"; before any region is ready "Replicating to 3 regions, 42%", or for one region "Replicating, 42%". */
export function replicatingWords(usable: number, total: number, percent: number): string {
  if (usable > 0) return `Replicating ${usable}/${total} region${total === 1 ? '' : 's'}, ${percent}%`;
  return `Replicating${total > 1 ? ` to ${total} regions` : ''}, ${percent}%`;
}

/** A target region exactly as Azure returned it (every member, known to this code or not). */
export type RawRegion = { name: string } & Record<string, unknown>;

export interface RetryRegionPlan {
  region: string;
  /** Azure's object for the region, sent back unchanged when it is added back (encryption, storage, …). */
  removed: RawRegion;
  /** Where it stood in the list. */
  index: number;
  /** Step 1: the target regions without it. */
  withoutRegion: RawRegion[];
}

/**
 * Why a region cannot be retried, or undefined: it must be a target region and not the version's
 * own (source) region, which Azure never lets leave the list (troubleshooting-shared-images.md:
 * "publishing profile regions … must contain the location of image version").
 */
export function whyRegionCannotBeRetried(targets: readonly RawRegion[], region: string, sourceRegion: string): string | undefined {
  if (!targets.some((t) => sameRegion(t.name, region))) return `${normalizeRegionName(region)} is not a target region of this version (any more): refresh the version.`;
  if (sameRegion(region, sourceRegion)) {
    return `${normalizeRegionName(region)} is the version's own region: Azure keeps it in the target regions, so it cannot be removed and added back. Create the version again instead.`;
  }
  return undefined;
}

/** Step 1 of Retry Region: the list without the region, and what to add back in step 2. */
export function retryRegionPlan(targets: readonly RawRegion[], region: string): RetryRegionPlan {
  const index = targets.findIndex((t) => sameRegion(t.name, region));
  if (index < 0) throw new Error(`${region} is not a target region.`);
  return { region: normalizeRegionName(region), removed: { ...targets[index] }, index, withoutRegion: targets.filter((_, i) => i !== index).map((t) => ({ ...t })) };
}

/**
 * Step 2: the list as Azure holds it after step 1, with the region's own object put back where it
 * stood (a region Azure already lists again is not added twice).
 */
export function regionAddedBack(current: readonly RawRegion[], plan: RetryRegionPlan): RawRegion[] {
  const others = current.filter((t) => !sameRegion(t.name, plan.region)).map((t) => ({ ...t }));
  const at = Math.min(plan.index, others.length);
  return [...others.slice(0, at), { ...plan.removed }, ...others.slice(at)];
}

/**
 * The version row's replication words, from the same rows as its region rows: "1/3 regions ·
 * Failed in West US", "Replicating 2/3 regions, 42%", "Replicating, 42%" (one region, not ready
 * yet), or '' once every region is Completed.
 */
export function versionRegionsText(rows: readonly RegionRow[]): { text: string; state: 'ok' | 'progress' | 'failed' } {
  if (rows.length === 0) return { text: '', state: 'ok' };
  const failed = rows.filter((r) => r.state === 'Failed').map((r) => r.label);
  const count = regionsCount(rows);
  if (failed.length > 0) {
    const names = failed.length <= 3 ? failed.join(', ') : `${failed.slice(0, 2).join(', ')} and ${failed.length - 2} more regions`;
    return { text: [count, `Failed in ${names}`].filter(Boolean).join(' · '), state: 'failed' };
  }
  if (rows.every((r) => r.usable)) return { text: '', state: 'ok' };
  const percent = Math.floor(rows.reduce((sum, r) => sum + r.progress, 0) / rows.length);
  return { text: replicatingWords(rows.filter((r) => r.usable).length, rows.length, percent), state: 'progress' };
}
