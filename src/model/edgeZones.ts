// Edge zones (Azure Extended Zones) of an image version: publishingProfile.targetExtendedLocations.
// What Azure takes (GalleryRP.json 2025-12-03 `GalleryTargetExtendedLocation`): `name` (the region
// the edge zone belongs to), `extendedLocation` {name: the edge zone, type: EdgeZone},
// `extendedLocationReplicaCount` ("This property is updatable"), `storageAccountType` (an
// `EdgeZoneStorageAccountType`, "This property is not updatable") and `encryption`. The Azure CLI
// writes one as region=edgezone[=replicas][=storage] (`az sig image-version update --target-edge-zones
// westus=losangeles=2=standardssd_lrs`, learn.microsoft.com/azure/extended-zones "Replicate 3rd Party
// Images into an Azure Extended Zone with Azure Compute Gallery"); here it is typed region/edgezone.
// Azure lists the edge zones a subscription sees with Subscriptions - List Locations
// (api-version 2022-12-01, includeExtendedLocations=true: entries of type EdgeZone whose
// metadata.homeLocation is the region).
import { validateExtendedLocations, type ExtendedLocationInput } from './versionContent';
import { normalizeRegionName, sameRegion } from './replication';

/** An edge zone as typed or listed, with what the user asked for it (absent: Azure's default). */
export type EdgeZoneEdit = ExtendedLocationInput;

/** An edge zone Azure lists for the subscription. */
export interface EdgeZoneChoice {
  /** The edge zone, e.g. microsoftlosangeles1. */
  name: string;
  displayName: string;
  /** Its region (metadata.homeLocation), e.g. westus. */
  region: string;
}

/** One target extended location exactly as Azure returned it: every member kept. */
export type RawExtendedLocation = Record<string, unknown>;

const objectAt = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The edge zone named by a raw entry (extendedLocation.name). */
function edgeZoneOf(raw: RawExtendedLocation): string {
  const name = objectAt(raw.extendedLocation)?.name;
  return typeof name === 'string' ? name : '';
}

/** Edge zone names compare case-insensitively, like region names; the region is part of the key. */
export function sameEdgeZone(a: { name: string; edgeZone: string }, b: { name: string; edgeZone: string }): boolean {
  return sameRegion(a.name, b.name) && a.edgeZone.toLowerCase() === b.edgeZone.toLowerCase();
}

/** "westus/microsoftlosangeles1". */
export function edgeZoneKey(e: { name: string; edgeZone: string }): string {
  return `${normalizeRegionName(e.name)}/${e.edgeZone}`;
}

/** The edge zones of a version's JSON as Azure returned it (properties.publishingProfile.targetExtendedLocations). */
export function rawExtendedLocations(versionJson: unknown): RawExtendedLocation[] | undefined {
  const list = objectAt(objectAt(objectAt(versionJson)?.properties)?.publishingProfile)?.targetExtendedLocations;
  if (list === undefined) return [];
  return Array.isArray(list) ? list.filter((e): e is RawExtendedLocation => objectAt(e) !== undefined) : undefined;
}

/** A raw entry in the flows' terms. */
export function edgeZoneFromRaw(raw: RawExtendedLocation): EdgeZoneEdit {
  return {
    name: typeof raw.name === 'string' ? normalizeRegionName(raw.name) : '',
    edgeZone: edgeZoneOf(raw),
    ...(typeof raw.extendedLocationReplicaCount === 'number' ? { replicas: raw.extendedLocationReplicaCount } : {}),
    ...(typeof raw.storageAccountType === 'string' ? { storageAccountType: raw.storageAccountType } : {}),
  };
}

/**
 * Typed edge zones: "region/edgezone" entries separated by commas or spaces, e.g.
 * "westus/microsoftlosangeles1, australiaeast/perth". Returns what to type instead when one is
 * not of that shape (GalleryTargetExtendedLocation needs both the region and the edge zone).
 */
export function parseEdgeZoneText(text: string): { name: string; edgeZone: string }[] | string {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const out: { name: string; edgeZone: string }[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z0-9 ]+?)\s*\/\s*([A-Za-z0-9-]+)$/.exec(part);
    if (!m) return `Type each edge zone as region/edgezone, for example westus/microsoftlosangeles1 (not "${part}").`;
    const entry = { name: normalizeRegionName(m[1]!), edgeZone: m[2]! };
    if (!out.some((o) => sameEdgeZone(o, entry))) out.push(entry);
  }
  return out;
}

/**
 * Why a list of edge zones cannot be sent, or undefined: each needs its region and edge zone,
 * replicas 1–100 and an edge-zone storage type (validateExtendedLocations); with `knownRegions`
 * (the regions Azure offers), the region must be one of them (Azure: LocationNotAvailableForResourceType).
 */
export function validateEdgeZones(list: readonly EdgeZoneEdit[], knownRegions?: readonly string[]): string | undefined {
  const shape = validateExtendedLocations(list);
  if (shape) return shape;
  for (const e of list) {
    const region = normalizeRegionName(e.name);
    if (!/^[a-z0-9]+$/.test(region)) return `Use a region name such as westus for ${e.edgeZone}, not "${e.name}".`;
    if (knownRegions && !knownRegions.some((k) => sameRegion(k, region))) return `Use one of the subscription's regions for ${e.edgeZone}, not ${region}.`;
  }
  return undefined;
}

/**
 * The `targetExtendedLocations` array to PATCH. A JSON merge patch replaces an array whole, so each
 * edge zone that stays is Azure's own object with only its replica count changed when the user
 * changed it — its storage type, encryption and any member newer than this code are written back
 * as they were. Edge zones added are built from the edit (nothing sent for what the user left to
 * Azure's default); edge zones left out are removed.
 */
export function mergeExtendedLocations(current: readonly RawExtendedLocation[], wanted: readonly EdgeZoneEdit[]): RawExtendedLocation[] {
  return wanted.map((w) => {
    const before = current.find((c) => sameEdgeZone(edgeZoneFromRaw(c), w));
    if (!before) {
      return {
        name: normalizeRegionName(w.name),
        extendedLocation: { name: w.edgeZone, type: 'EdgeZone' },
        ...(w.replicas !== undefined ? { extendedLocationReplicaCount: w.replicas } : {}),
        ...(w.storageAccountType !== undefined ? { storageAccountType: w.storageAccountType } : {}),
      };
    }
    const kept: RawExtendedLocation = { ...before };
    if (w.replicas !== undefined && w.replicas !== before.extendedLocationReplicaCount) kept.extendedLocationReplicaCount = w.replicas;
    return kept;
  });
}

/** Why the new list asks what Azure does not take (a storage type change: "not updatable"), or undefined. */
export function whyEdgeZoneEditsRefused(current: readonly EdgeZoneEdit[], wanted: readonly EdgeZoneEdit[], knownRegions?: readonly string[]): string | undefined {
  for (const w of wanted) {
    const before = current.find((c) => sameEdgeZone(c, w));
    if (before && w.storageAccountType !== undefined && before.storageAccountType !== undefined && w.storageAccountType.toLowerCase() !== before.storageAccountType.toLowerCase()) {
      return `${edgeZoneKey(w)} keeps its storage type ${before.storageAccountType}: Azure cannot change it once the edge zone is replicated. To use ${w.storageAccountType}, remove the edge zone, save, then add it back with the new type.`;
    }
  }
  return validateEdgeZones(wanted, knownRegions);
}

export interface EdgeZoneChanges {
  /** "westus/microsoftlosangeles1" keys. */
  added: string[];
  removed: string[];
  counts: { zone: string; from: number | undefined; to: number }[];
}

/** What changes between the version's edge zones now and `next`. */
export function edgeZoneChanges(current: readonly EdgeZoneEdit[], next: readonly EdgeZoneEdit[]): EdgeZoneChanges {
  const changes: EdgeZoneChanges = { added: [], removed: [], counts: [] };
  for (const n of next) {
    const c = current.find((x) => sameEdgeZone(x, n));
    if (!c) changes.added.push(edgeZoneKey(n));
    else if (n.replicas !== undefined && n.replicas !== c.replicas) changes.counts.push({ zone: edgeZoneKey(n), from: c.replicas, to: n.replicas });
  }
  changes.removed = current.filter((c) => !next.some((n) => sameEdgeZone(c, n))).map(edgeZoneKey);
  return changes;
}

export function hasEdgeZoneChanges(c: EdgeZoneChanges): boolean {
  return c.added.length + c.removed.length + c.counts.length > 0;
}

/** "adds westus/microsoftlosangeles1; removes australiaeast/perth (its replicas are deleted); westus/x 1 → 2 replicas". */
export function describeEdgeZoneChanges(c: EdgeZoneChanges): string {
  const parts: string[] = [];
  if (c.added.length > 0) parts.push(`adds ${c.added.join(', ')}`);
  if (c.removed.length > 0) parts.push(`removes ${c.removed.join(', ')} (${c.removed.length === 1 ? 'its replicas are' : 'their replicas are'} deleted)`);
  for (const n of c.counts) parts.push(`${n.zone} ${n.from ?? "Azure's default"} → ${n.to} replica${n.to === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join('; ') : 'no change';
}

/** How a list is shown: "westus/microsoftlosangeles1 ×2 (StandardSSD_LRS)", or (none). */
export function edgeZonesText(list: readonly EdgeZoneEdit[]): string {
  if (list.length === 0) return '(none)';
  return list.map((e) => `${edgeZoneKey(e)}${e.replicas !== undefined ? ` ×${e.replicas}` : ''}${e.storageAccountType ? ` (${e.storageAccountType})` : ''}`).join(', ');
}

/**
 * A replica answer for edge zones: empty (keep each zone's count; Azure's default for new ones),
 * one number for every zone, or edgezone=count pairs. Returns the counts by zone key, or what to
 * type instead.
 */
export function parseEdgeZoneReplicas(text: string, zones: readonly { name: string; edgeZone: string }[]): { all?: number; byZone: Map<string, number> } | string {
  const t = text.trim();
  const byZone = new Map<string, number>();
  const count = (v: string, where: string): number | string => {
    const n = Number(v);
    return /^\d+$/.test(v) && n >= 1 && n <= 100 ? n : `Use 1 to 100 replicas${where} (not "${v}").`;
  };
  if (t === '') return { byZone };
  if (/^\d+$/.test(t)) {
    const n = count(t, '');
    return typeof n === 'string' ? n : { all: n, byZone };
  }
  for (const pair of t.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^([^=:]+)[=:](.+)$/.exec(pair);
    if (!m) return `Type one number for every edge zone, or edgezone=count pairs such as ${zones[0]?.edgeZone ?? 'microsoftlosangeles1'}=2 (not "${pair}").`;
    const key = m[1]!.trim().toLowerCase();
    const zone = zones.find((z) => z.edgeZone.toLowerCase() === key || edgeZoneKey(z).toLowerCase() === key);
    if (!zone) return `${m[1]} is not one of the edge zones: use ${zones.map((z) => z.edgeZone).join(', ') || 'an edge zone chosen before'}.`;
    const n = count(m[2]!.trim(), ` in ${zone.edgeZone}`);
    if (typeof n === 'string') return n;
    byZone.set(edgeZoneKey(zone), n);
  }
  return { byZone };
}
