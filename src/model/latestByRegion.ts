// "latest" region by region, and what Make Latest and Exclude from Latest change.
//
// Sources:
// - A version is not a candidate anywhere when `publishingProfile.excludeFromLatest` is set
//   (GalleryRP.json 2025-12-03, GalleryImageVersionPublishingProfile: "If set to true, Virtual
//   Machines deployed from the latest version of the Image Definition won't use this Image
//   Version."), and not in one region when that target region's `excludeFromLatest` is set
//   (GalleryRP.json, TargetRegion.excludeFromLatest: "Contains the flag setting to hide an image
//   when users specify version='latest'").
// - A version can be deployed in a region only once its replication there is Completed
//   (azure-compute-gallery.md, "Replication": "After the image replication is complete in a
//   region, you can deploy a VM or scale set by using that resource in the region."; see
//   regionReplication.ts for the region being Completed, not the version Succeeded). A region
//   that is no target of a version has no replica of it at all.
// - Among the candidates, the highest Major, then Minor, then Patch wins (latest.ts).
// So the version a VM asking for "latest" can get in a region is the highest candidate that is
// neither excluded (whole version or that region) nor unreplicated there. Versions never polled
// (a list carries no replication status) count as replicated where Azure reports them done, as
// latest.ts counts them usable.
// Make Latest and Exclude from Latest change only the versions' own `excludeFromLatest`
// (`az sig image-version update --set publishingProfile.excludeFromLatest=true`,
// update-image-versions.md); a region's own exclusion stays as it is.
import { beingCreated, resolveLatest, type LatestCandidate } from './latest';
import { normalizeRegionName, replicationStateOf, sameRegion, type RegionReplicationStatus } from './replication';
import { compareVersions } from './versions';

/** What the per-region rule needs of a version. */
export interface RegionalCandidate extends LatestCandidate {
  targetRegions: readonly { name: string; excludeFromLatest?: boolean }[];
  /** Each region's replication status from the last poll; undefined: never polled. */
  regionStatus?: readonly RegionReplicationStatus[];
}

/** Why a version is not "latest" material in a region (undefined: it is). */
export type RegionMiss = 'excluded' | 'excludedHere' | 'notTarget' | 'replicating' | 'failedHere' | 'notUsable';

/** "latest" in one region, when it is not the definition's. */
export interface RegionDifference {
  /** Normalized ("westus2"). */
  region: string;
  /** As Azure names it in a status ("West US 2"), else as the targets have it. */
  label: string;
  /** What VMs asking for "latest" get there (undefined: none). */
  latest?: string;
  /** Why it is not the definition's latest, in words. */
  reason: string;
}

export interface LatestByRegion {
  /** The definition's latest (latest.ts) and the version that takes over when ready. */
  latest?: string;
  next?: string;
  /** Every target region of any version (normalized, sorted) with its latest (undefined: none). */
  regions: { region: string; label: string; latest?: string }[];
  /** The regions where "latest" is not the definition's. */
  differences: RegionDifference[];
}

const statusIn = (v: RegionalCandidate, region: string) => v.regionStatus?.find((s) => s.region !== undefined && sameRegion(s.region, region));

/** Why `v` cannot be "latest" in `region`, or undefined when it can. */
export function regionMiss(v: RegionalCandidate, region: string): RegionMiss | undefined {
  if (v.excludeFromLatest) return 'excluded';
  const target = v.targetRegions.find((t) => sameRegion(t.name, region));
  if (!target) return 'notTarget';
  if (target.excludeFromLatest) return 'excludedHere';
  const state = v.provisioningState?.toLowerCase();
  if (state === 'failed' || state === 'deleting') return 'notUsable';
  if (v.regionStatus) {
    const here = replicationStateOf(statusIn(v, region)?.state);
    if (here === 'Failed') return 'failedHere';
    return here === 'Completed' ? undefined : 'replicating';
  }
  return beingCreated(v) ? 'replicating' : undefined;
}

/** The reason, in words, that `name` is not "latest" in a region. */
function missText(name: string, miss: RegionMiss, status?: RegionReplicationStatus): string {
  switch (miss) {
    case 'excluded':
      return `${name} is excluded from latest`;
    case 'excludedHere':
      return `${name} is excluded from latest in this region`;
    case 'notTarget':
      return `${name} is not replicated to this region (not a target region)`;
    case 'replicating': {
      const progress = status?.progress !== undefined && replicationStateOf(status.state) === 'Replicating' ? ` (${Math.round(status.progress)} %)` : '';
      return `${name} is not replicated here yet${progress}`;
    }
    case 'failedHere':
      return `${name} failed to replicate here`;
    case 'notUsable':
      return `${name} has failed or is being deleted`;
  }
}

/** The highest version VMs asking for "latest" can get in `region` (undefined: none). */
export function latestInRegion(versions: readonly RegionalCandidate[], region: string): string | undefined {
  return versions
    .filter((v) => regionMiss(v, region) === undefined)
    .map((v) => v.name)
    .sort(compareVersions)
    .pop();
}

/** Every region's "latest", and where (and why) it is not the definition's. */
export function resolveLatestByRegion(versions: readonly RegionalCandidate[]): LatestByRegion {
  const { latest, next } = resolveLatest(versions);
  const labels = new Map<string, string>();
  for (const v of versions) {
    for (const t of v.targetRegions) {
      const key = normalizeRegionName(t.name);
      const reported = statusIn(v, key)?.region;
      if (!labels.has(key) || (reported && labels.get(key) === key)) labels.set(key, reported ?? t.name);
    }
  }
  const regions = [...labels.keys()].sort().map((region) => ({ region, label: labels.get(region) ?? region, latest: latestInRegion(versions, region) }));
  const byName = new Map(versions.map((v) => [v.name, v]));
  const differences: RegionDifference[] = [];
  for (const r of regions) {
    if (r.latest === latest) continue;
    const overall = latest === undefined ? undefined : byName.get(latest);
    const miss = overall ? regionMiss(overall, r.region) : undefined;
    let reason: string;
    if (overall && miss) reason = missText(overall.name, miss, statusIn(overall, r.region));
    else if (latest === undefined) reason = 'no version is latest for the definition as a whole';
    else reason = `${r.latest} is replicated here, though not usable in every region`;
    differences.push({ region: r.region, label: r.label, latest: r.latest, reason });
  }
  return { latest, next, regions, differences };
}

/** One line per region where "latest" differs: "West US 2: 1.0.0 (1.1.0 is excluded from latest in this region)". */
export function regionDifferenceLines(resolution: LatestByRegion): string[] {
  return resolution.differences.map((d) => `${d.label}: ${d.latest ?? 'none'} (${d.reason})`);
}

/** One version's exclusion to send. */
export interface LatestChange {
  name: string;
  excludeFromLatest: boolean;
}

/**
 * Make Latest: `name` back in latest (if it was excluded), and every higher version not yet
 * excluded taken out — this one first, so a latest exists throughout, then the others from the
 * highest down. Empty: it already is the highest candidate.
 */
export function makeLatestChanges(versions: readonly RegionalCandidate[], name: string): LatestChange[] {
  const self = versions.find((v) => v.name === name);
  if (!self) return [];
  const changes: LatestChange[] = self.excludeFromLatest ? [{ name, excludeFromLatest: false }] : [];
  const newer = versions
    .filter((v) => compareVersions(v.name, name) > 0 && !v.excludeFromLatest)
    .map((v) => v.name)
    .sort((a, b) => compareVersions(b, a));
  return [...changes, ...newer.map((n) => ({ name: n, excludeFromLatest: true }))];
}

/** Exclude from Latest: the version alone (empty when it already is). */
export function excludeChanges(versions: readonly RegionalCandidate[], name: string): LatestChange[] {
  const self = versions.find((v) => v.name === name);
  return self && !self.excludeFromLatest ? [{ name, excludeFromLatest: true }] : [];
}

/** The versions as they would be once `changes` are made. */
export function withChanges<T extends RegionalCandidate>(versions: readonly T[], changes: readonly LatestChange[]): T[] {
  return versions.map((v) => {
    const change = changes.find((c) => c.name === v.name);
    return change ? { ...v, excludeFromLatest: change.excludeFromLatest } : v;
  });
}

/** "1.1.0: excluded from latest", "1.0.0: back in latest". */
export function describeLatestChange(change: LatestChange): string {
  return `${change.name}: ${change.excludeFromLatest ? 'excluded from latest' : 'back in latest'}`;
}

/**
 * What the change would leave without a latest version: the definition as a whole, and each
 * region that has one now and would have none (VMs asking for "latest" there would fail).
 */
export function latestLosses(before: LatestByRegion, after: LatestByRegion): string[] {
  const losses: string[] = [];
  if (after.latest === undefined && before.latest !== undefined) {
    losses.push(`No version of the definition would be latest${after.next ? ` until ${after.next} is ready` : ''}: VMs and scale sets asking for "latest" would fail to deploy.`);
  }
  const lost = after.regions.filter((r) => r.latest === undefined && before.regions.find((b) => b.region === r.region)?.latest !== undefined);
  if (lost.length > 0) {
    const names = lost.map((r) => r.label).join(', ');
    losses.push(`No version would be latest in ${names}: VMs and scale sets asking for "latest" there would fail to deploy.`);
  }
  return losses;
}

/** "Latest: 1.1.0" and the regions where it would differ, for a summary of the state after a change. */
export function latestOutcomeLines(after: LatestByRegion): string[] {
  const none = after.next ? `No version would be latest until ${after.next} is ready.` : 'No version would be latest.';
  const lines = [after.latest ? `VMs asking for "latest" would get ${after.latest}${after.next ? ` (${after.next} once it is ready)` : ''}.` : none];
  for (const line of regionDifferenceLines(after)) lines.push(`In ${line}.`);
  return lines;
}
