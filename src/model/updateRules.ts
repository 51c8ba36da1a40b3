// Changing an image definition or image version after it was created: what Azure lets change,
// how an optional link is checked, and what a new target-region list changes (regions added and
// removed — the source region can never be removed — and replica counts changed).
import { DEFAULT_STORAGE_ACCOUNT_TYPE, isStorageAccountType, normalizeRegionName, sameRegion, type StorageAccountType, type TargetRegion } from './replication';

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
}

/**
 * The list to send: `regions` (any spelling) with their replica counts, the source region first
 * and always in, each region keeping its storage type (new ones get `defaultStorage`).
 */
export function updatedTargets(
  current: readonly CurrentTarget[],
  regions: readonly string[],
  replicasOf: (region: string) => number,
  sourceRegion: string,
  defaultStorage: string = DEFAULT_STORAGE_ACCOUNT_TYPE,
): TargetRegion[] {
  const names = [normalizeRegionName(sourceRegion), ...regions.map(normalizeRegionName).filter((r) => !sameRegion(r, sourceRegion))];
  const unique = [...new Set(names)];
  return unique.map((name) => {
    const before = current.find((c) => sameRegion(c.name, name));
    const storage = before?.storageAccountType ?? defaultStorage;
    return {
      name,
      regionalReplicaCount: replicasOf(name),
      storageAccountType: (isStorageAccountType(storage) ? storage : DEFAULT_STORAGE_ACCOUNT_TYPE) as StorageAccountType,
    };
  });
}

export interface TargetChanges {
  added: string[];
  removed: string[];
  counts: { region: string; from: number; to: number }[];
}

/** What changes between the version's target regions now and `next` (region names normalized). */
export function targetChanges(current: readonly CurrentTarget[], next: readonly { name: string; regionalReplicaCount: number }[]): TargetChanges {
  const added = next.filter((n) => !current.some((c) => sameRegion(c.name, n.name))).map((n) => normalizeRegionName(n.name));
  const removed = current.filter((c) => !next.some((n) => sameRegion(c.name, n.name))).map((c) => normalizeRegionName(c.name));
  const counts = next
    .map((n) => ({ n, c: current.find((c) => sameRegion(c.name, n.name)) }))
    .filter(({ n, c }) => c !== undefined && c.regionalReplicaCount !== n.regionalReplicaCount)
    .map(({ n, c }) => ({ region: normalizeRegionName(n.name), from: c!.regionalReplicaCount, to: n.regionalReplicaCount }));
  return { added, removed, counts };
}

export function hasTargetChanges(c: TargetChanges): boolean {
  return c.added.length + c.removed.length + c.counts.length > 0;
}

/** "adds westus2; removes japaneast (its replicas are deleted); eastus 1 → 2 replicas". */
export function describeTargetChanges(c: TargetChanges): string {
  const parts: string[] = [];
  if (c.added.length > 0) parts.push(`adds ${c.added.join(', ')}`);
  if (c.removed.length > 0) parts.push(`removes ${c.removed.join(', ')} (${c.removed.length === 1 ? 'its replicas are' : 'their replicas are'} deleted)`);
  for (const n of c.counts) parts.push(`${n.region} ${n.from} → ${n.to} replica${n.to === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join('; ') : 'no change';
}

/** The replica text a version's current targets are shown as: "2" when every region has 2, else "eastus=2, westus2=1". */
export function replicaText(current: readonly CurrentTarget[]): string {
  const counts = current.map((c) => c.regionalReplicaCount);
  if (counts.length > 0 && counts.every((n) => n === counts[0])) return String(counts[0]);
  return current.map((c) => `${normalizeRegionName(c.name)}=${c.regionalReplicaCount}`).join(', ');
}
