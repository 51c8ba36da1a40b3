// Changing an image definition or image version after it was created: what Azure lets change,
// how an optional link is checked, and what a new target-region list changes (regions added and
// removed — the source region can never be removed — and replica counts changed).
import { STORAGE_ACCOUNT_TYPES, isStorageAccountType, normalizeRegionName, sameRegion } from './replication';

/**
 * An optional link (EULA, privacy statement, release notes): Azure stores any text there (see
 * linkWarning in urls.ts), so nothing blocks; the flows show linkWarning's advice instead. Kept
 * with its signature so every caller reads "what would block" from one place.
 */
export function validateOptionalLink(_value: string, _what: string, _example: string, _how: { whenEmpty?: string; trim?: boolean } = {}): string | undefined {
  return undefined;
}

export interface CurrentTarget {
  name: string;
  regionalReplicaCount: number;
  storageAccountType?: string;
  excludeFromLatest?: boolean;
}

/** A region of the new target list: what the user asked for it. */
export interface TargetRegionEdit {
  name: string;
  regionalReplicaCount: number;
  /** Only for a region being added (Azure cannot change it later); absent: Azure's default. */
  storageAccountType?: string;
  /** Absent: as it is now (not excluded for a region being added). */
  excludeFromLatest?: boolean;
  /** Only for a region being added: its `encryption` member as the API takes it. */
  encryption?: Record<string, unknown>;
}

/**
 * The list to send: `regions` (any spelling) with their replica counts, the source region first
 * and always in. A region being added gets `storageOf(region)` (undefined: Azure's default).
 */
export function updatedTargets(
  current: readonly CurrentTarget[],
  regions: readonly string[],
  replicasOf: (region: string) => number,
  sourceRegion: string,
  storageOf: (region: string) => string | undefined = () => undefined,
): TargetRegionEdit[] {
  const names = [normalizeRegionName(sourceRegion), ...regions.map(normalizeRegionName).filter((r) => !sameRegion(r, sourceRegion))];
  return [...new Set(names)].map((name) => {
    const before = current.find((c) => sameRegion(c.name, name));
    const storage = before ? undefined : storageOf(name);
    return { name, regionalReplicaCount: replicasOf(name), ...(storage !== undefined ? { storageAccountType: storage } : {}) };
  });
}

/** A target region exactly as Azure returned it: every member, whether this extension models it or not. */
export type RawTargetRegion = { name: string } & Record<string, unknown>;

/**
 * The `targetRegions` array to PATCH. A JSON merge patch replaces an array whole, so each region
 * that stays is Azure's own object with only what the user changed (its replica count, its
 * exclusion from latest) — its encryption, storage type, additional replica sets and any member
 * newer than this code are written back as they were. Regions added are built from the edit.
 * `versionReplicaCount` is what a region without its own count has (the version's replicaCount).
 */
export function mergeTargetRegions(current: readonly RawTargetRegion[], wanted: readonly TargetRegionEdit[], versionReplicaCount = 1): RawTargetRegion[] {
  return wanted.map((w) => {
    const before = current.find((c) => sameRegion(c.name, w.name));
    if (!before) {
      const added: RawTargetRegion = { name: w.name, regionalReplicaCount: w.regionalReplicaCount };
      if (w.storageAccountType !== undefined) added.storageAccountType = w.storageAccountType;
      if (w.excludeFromLatest !== undefined) added.excludeFromLatest = w.excludeFromLatest;
      if (w.encryption !== undefined) added.encryption = w.encryption;
      return added;
    }
    const kept: RawTargetRegion = { ...before };
    const count = typeof before.regionalReplicaCount === 'number' ? before.regionalReplicaCount : versionReplicaCount;
    if (count !== w.regionalReplicaCount) kept.regionalReplicaCount = w.regionalReplicaCount;
    if (w.excludeFromLatest !== undefined && w.excludeFromLatest !== (before.excludeFromLatest === true)) kept.excludeFromLatest = w.excludeFromLatest;
    return kept;
  });
}

/** Why a new target list cannot be sent as asked (a storage type change Azure does not take), or undefined. */
export function whyTargetEditsRefused(current: readonly CurrentTarget[], wanted: readonly TargetRegionEdit[]): string | undefined {
  for (const w of wanted) {
    const before = current.find((c) => sameRegion(c.name, w.name));
    if (before && w.storageAccountType !== undefined && before.storageAccountType !== undefined && w.storageAccountType !== before.storageAccountType) {
      // GalleryRP.json 2025-12-03, TargetRegion.storageAccountType: "This property is not updatable."
      return `${normalizeRegionName(w.name)} keeps its storage type ${before.storageAccountType}: Azure cannot change it once a region is replicated. To use ${w.storageAccountType}, remove the region, save, then add it back with the new type.`;
    }
    if (!before && w.storageAccountType !== undefined && !isStorageAccountType(w.storageAccountType)) {
      return `Use ${STORAGE_ACCOUNT_TYPES.join(', ')} as the storage type in ${normalizeRegionName(w.name)} (not ${w.storageAccountType}), or leave it out for Azure's default.`;
    }
  }
  return undefined;
}

export interface TargetChanges {
  added: string[];
  removed: string[];
  counts: { region: string; from: number; to: number }[];
  /** Regions whose exclusion from latest changes, and to what. */
  latest: { region: string; excluded: boolean }[];
  /** Storage types of the regions being added (absent: Azure's default). */
  storage: { region: string; type: string }[];
}

/** What changes between the version's target regions now and `next` (region names normalized). */
export function targetChanges(current: readonly CurrentTarget[], next: readonly TargetRegionEdit[]): TargetChanges {
  const changes: TargetChanges = { added: [], removed: [], counts: [], latest: [], storage: [] };
  for (const n of next) {
    const region = normalizeRegionName(n.name);
    const c = current.find((x) => sameRegion(x.name, n.name));
    if (!c) {
      changes.added.push(region);
      if (n.storageAccountType !== undefined) changes.storage.push({ region, type: n.storageAccountType });
      if (n.excludeFromLatest) changes.latest.push({ region, excluded: true });
      continue;
    }
    if (c.regionalReplicaCount !== n.regionalReplicaCount) changes.counts.push({ region, from: c.regionalReplicaCount, to: n.regionalReplicaCount });
    if (n.excludeFromLatest !== undefined && n.excludeFromLatest !== (c.excludeFromLatest ?? false)) changes.latest.push({ region, excluded: n.excludeFromLatest });
  }
  changes.removed = current.filter((c) => !next.some((n) => sameRegion(c.name, n.name))).map((c) => normalizeRegionName(c.name));
  return changes;
}

export function hasTargetChanges(c: TargetChanges): boolean {
  return c.added.length + c.removed.length + c.counts.length + c.latest.length > 0;
}

/** "adds westus2 (Standard_ZRS); removes japaneast (its replicas are deleted); eastus 1 → 2 replicas; westus2 excluded from latest". */
export function describeTargetChanges(c: TargetChanges): string {
  const parts: string[] = [];
  const withStorage = (r: string) => {
    const type = c.storage.find((s) => s.region === r)?.type;
    return type ? `${r} (${type})` : r;
  };
  if (c.added.length > 0) parts.push(`adds ${c.added.map(withStorage).join(', ')}`);
  if (c.removed.length > 0) parts.push(`removes ${c.removed.join(', ')} (${c.removed.length === 1 ? 'its replicas are' : 'their replicas are'} deleted)`);
  for (const n of c.counts) parts.push(`${n.region} ${n.from} → ${n.to} replica${n.to === 1 ? '' : 's'}`);
  for (const l of c.latest) parts.push(`${l.region} ${l.excluded ? 'excluded from' : 'back in'} latest`);
  return parts.length > 0 ? parts.join('; ') : 'no change';
}

/** The replica text a version's current targets are shown as: "2" when every region has 2, else "eastus=2, westus2=1". */
export function replicaText(current: readonly CurrentTarget[]): string {
  const counts = current.map((c) => c.regionalReplicaCount);
  if (counts.length > 0 && counts.every((n) => n === counts[0])) return String(counts[0]);
  return current.map((c) => `${normalizeRegionName(c.name)}=${c.regionalReplicaCount}`).join(', ');
}

/**
 * Why a version cannot be updated yet, or undefined. While Azure is still creating, updating or
 * deleting it (provisioningState Creating, Updating, Migrating, Deleting; the version's operation
 * runs until every region is copied), an update would be computed from regions that are still
 * changing: the user is told to wait, instead of the command vanishing from the menu.
 */
export function whyVersionMustWait(name: string, provisioningState: string | undefined): string | undefined {
  const state = provisioningState?.toLowerCase() ?? '';
  if (state === 'deleting') return `${name} is being deleted.`;
  const doing = ({ creating: 'is still being created', updating: 'is still being updated', migrating: 'is still being migrated' } as Record<string, string>)[state];
  return doing ? `${name} ${doing}: wait until its replication finishes (the tree shows the progress), then update it.` : undefined;
}
