import type { Json, JsonObject } from '../json';
import type { RegionReplication, StoredResource } from '../state';

export type ReplicationState = 'Unknown' | 'Replicating' | 'Completed' | 'Failed';

export interface RegionStatus {
  region: string;
  state: ReplicationState;
  progress: number;
  details?: string;
}

/** Where one region's copy stands at `now`: progress grows linearly; a failing region stops half way. */
export function regionStatus(r: RegionReplication, now: number): RegionStatus {
  const elapsed = Math.max(0, now - r.startedAt);
  const fraction = r.durationMs <= 0 ? 1 : elapsed / r.durationMs;
  if (r.fail && fraction >= 0.5) {
    return { region: r.region, state: 'Failed', progress: 50, details: `Replication to region '${r.region}' failed: the copy of the source could not be completed.` };
  }
  if (fraction >= 1) return { region: r.region, state: 'Completed', progress: 100 };
  if (elapsed === 0) return { region: r.region, state: 'Unknown', progress: 0 };
  return { region: r.region, state: 'Replicating', progress: Math.min(99, Math.floor(fraction * 100)) };
}

export type Aggregate = 'Unknown' | 'InProgress' | 'Completed' | 'Failed';

export function aggregate(statuses: RegionStatus[]): Aggregate {
  if (statuses.some((s) => s.state === 'Failed')) return 'Failed';
  if (statuses.every((s) => s.state === 'Completed')) return 'Completed';
  if (statuses.every((s) => s.state === 'Unknown')) return 'Unknown';
  return 'InProgress';
}

export function replicationStatuses(resource: StoredResource, now: number): RegionStatus[] {
  return (resource.replication ?? []).map((r) => regionStatus(r, now));
}

/** `replicationStatus` as `$expand=ReplicationStatus` shows it. */
export function replicationStatusBody(resource: StoredResource, now: number): JsonObject {
  const statuses = replicationStatuses(resource, now);
  return {
    aggregatedState: aggregate(statuses),
    summary: statuses.map((s): Json => {
      const o: JsonObject = { region: displayRegion(s.region), state: s.state, progress: s.progress };
      if (s.details) o.details = s.details;
      return o;
    }),
  };
}

/** Plans one copy per target region; later regions take a little longer, as real fan-out does. */
export function planReplication(regions: string[], now: number, durationMs: number, failRegions: string[]): RegionReplication[] {
  const failing = new Set(failRegions.map(normalizeRegion));
  return regions.map((region, i) => ({
    region: normalizeRegion(region),
    startedAt: now,
    durationMs: Math.round(durationMs * (1 + i * 0.25)),
    fail: failing.has(normalizeRegion(region)),
  }));
}

/** `East US` / `eastus` / `EastUS` → `eastus`. */
export function normalizeRegion(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

const DISPLAY: Record<string, string> = {
  eastus: 'East US', eastus2: 'East US 2', westus: 'West US', westus2: 'West US 2', westus3: 'West US 3',
  centralus: 'Central US', northeurope: 'North Europe', westeurope: 'West Europe', uksouth: 'UK South',
  francecentral: 'France Central', germanywestcentral: 'Germany West Central', swedencentral: 'Sweden Central',
  japaneast: 'Japan East', australiaeast: 'Australia East', southeastasia: 'Southeast Asia', canadacentral: 'Canada Central',
};

/** Azure reports regions by display name in replication summaries and target regions. */
export function displayRegion(name: string): string {
  return DISPLAY[normalizeRegion(name)] ?? name;
}
