// Inventory: every image version in scope (the selected subscriptions, one subscription or one
// gallery) as rows of a table the user sorts, filters and exports. Pure: the Azure layer hands in
// Resource Graph's versions and definitions, the webview script and the export use these rows.
// The filter and the sort run in the webview (src/webview/inventory.ts) on the same functions the
// unit tests check.
import { isoDay, parseIsoDate } from './endOfLife';
import { securityTypeFromFeatures } from './imageRules';
import { latestRole, resolveLatest } from './latest';
import { compareVersionParts, compareVersions, parseVersion, type VersionParts } from './versions';

/** One target region of a version: where a replica is, how many, on which storage. */
export interface InventoryRegion {
  name: string;
  replicas?: number;
  storage?: string;
}

/** An image version as the inventory reads it (Resource Graph's `properties`, flattened). */
export interface InventoryVersion {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  publishedDate?: string;
  endOfLifeDate?: string;
  excludeFromLatest?: boolean;
  provisioningState?: string;
  regions: readonly InventoryRegion[];
  /** The OS disk's and the data disks' `sizeInGB`, which Azure reports (read-only) once it knows. */
  osDiskSizeGB?: number;
  dataDiskSizesGB?: readonly number[];
}

/** What a version's row takes from its image definition. */
export interface InventoryDefinition {
  id: string;
  osType?: string;
  osState?: string;
  features?: ReadonlyArray<{ name?: string; value?: string }>;
}

export type EndOfLifeState = 'expired' | 'expiring' | 'ok' | 'none';

export interface InventoryRow {
  id: string;
  subscription: string;
  resourceGroup: string;
  gallery: string;
  definition: string;
  version: string;
  /** 'Linux', 'Windows', with 'specialized' when the definition is. */
  os: string;
  securityType: string;
  regions: readonly InventoryRegion[];
  /** YYYY-MM-DD (UTC) or ''. */
  published: string;
  endOfLife: string;
  endOfLifeState: EndOfLifeState;
  excludedFromLatest: boolean;
  latest: boolean;
  /** OS disk plus data disks, when Azure reported every size; undefined otherwise. */
  sizeGB?: number;
  state: string;
}

/** "Expiring" is an end of life within this many days from now. */
export const EXPIRING_DAYS = 30;
const DAY_MS = 86_400_000;

export function endOfLifeState(date: string | undefined, now: Date): EndOfLifeState {
  const at = date ? parseIsoDate(date) : undefined;
  if (!at) return 'none';
  if (at.getTime() <= now.getTime()) return 'expired';
  return at.getTime() - now.getTime() <= EXPIRING_DAYS * DAY_MS ? 'expiring' : 'ok';
}

const day = (date: string | undefined): string => {
  const at = date ? parseIsoDate(date) : undefined;
  return at ? isoDay(at) : '';
};

function sizeOf(v: InventoryVersion): number | undefined {
  if (v.osDiskSizeGB === undefined) return undefined;
  return v.osDiskSizeGB + (v.dataDiskSizesGB ?? []).reduce((a, b) => a + b, 0);
}

const parentId = (versionId: string): string => versionId.replace(/\/versions\/[^/]+$/i, '').toLowerCase();

/** `.../galleries/{g}/images/{d}/versions/{v}` → [g, d]. */
function galleryAndDefinition(id: string): [string, string] {
  const parts = id.split('/');
  const at = parts.findIndex((p) => p.toLowerCase() === 'galleries');
  return [parts[at + 1] ?? '', parts[at + 3] ?? ''];
}

/**
 * The rows, in the tree's order (subscription, resource group, gallery, definition, newest version
 * first). "Latest" is resolved per definition with the tree's rule (model/latest.ts) from what
 * Resource Graph says of each version; `names` maps a subscription id (lower case) to its name.
 */
export function inventoryRows(
  versions: readonly InventoryVersion[],
  definitions: readonly InventoryDefinition[],
  names: ReadonlyMap<string, string>,
  now: Date,
): InventoryRow[] {
  const byDefinition = new Map<string, InventoryVersion[]>();
  for (const v of versions) {
    const key = parentId(v.id);
    const list = byDefinition.get(key) ?? [];
    list.push(v);
    byDefinition.set(key, list);
  }
  const definitionOf = new Map(definitions.map((d) => [d.id.toLowerCase(), d]));
  const rows: InventoryRow[] = [];
  for (const [key, list] of byDefinition) {
    const resolution = resolveLatest(list);
    const d = definitionOf.get(key);
    const specialized = d?.osState?.toLowerCase() === 'specialized';
    for (const v of list) {
      const [gallery, definition] = galleryAndDefinition(v.id);
      rows.push({
        id: v.id,
        subscription: names.get(v.subscriptionId.toLowerCase()) ?? v.subscriptionId,
        resourceGroup: v.resourceGroup,
        gallery,
        definition,
        version: v.name,
        os: d?.osType ? `${d.osType}${specialized ? ' (specialized)' : ''}` : '',
        securityType: d ? securityTypeFromFeatures(d.features) : '',
        regions: v.regions,
        published: day(v.publishedDate),
        endOfLife: day(v.endOfLifeDate),
        endOfLifeState: endOfLifeState(v.endOfLifeDate, now),
        excludedFromLatest: v.excludeFromLatest === true,
        latest: latestRole(v.name, v.excludeFromLatest, resolution) === 'latest',
        sizeGB: sizeOf(v),
        state: v.provisioningState ?? '',
      });
    }
  }
  return sortRows(rows, { column: 'tree', descending: false });
}

// ── Columns, filter and sort (shared with the webview) ─────────────────────────────────────────

export type InventoryColumn =
  | 'subscription'
  | 'resourceGroup'
  | 'gallery'
  | 'definition'
  | 'version'
  | 'os'
  | 'securityType'
  | 'regions'
  | 'published'
  | 'endOfLife'
  | 'excludedFromLatest'
  | 'latest'
  | 'sizeGB'
  | 'state';

/** The table's columns, in order, with their headings (also the CSV's header row). */
export const INVENTORY_COLUMNS: ReadonlyArray<{ key: InventoryColumn; title: string }> = [
  { key: 'subscription', title: 'Subscription' },
  { key: 'resourceGroup', title: 'Resource group' },
  { key: 'gallery', title: 'Gallery' },
  { key: 'definition', title: 'Definition' },
  { key: 'version', title: 'Version' },
  { key: 'os', title: 'OS' },
  { key: 'securityType', title: 'Security type' },
  { key: 'regions', title: 'Regions (replicas, storage)' },
  { key: 'published', title: 'Published' },
  { key: 'endOfLife', title: 'End of life' },
  { key: 'excludedFromLatest', title: 'Excluded from latest' },
  { key: 'latest', title: 'Latest' },
  { key: 'sizeGB', title: 'Size (GB)' },
  { key: 'state', title: 'State' },
];

/** "East US (2, Standard_LRS); West Europe (1, Standard_ZRS)". */
export function inventoryRegionsText(regions: readonly InventoryRegion[]): string {
  return regions
    .map((r) => {
      const about = [r.replicas === undefined ? '' : String(r.replicas), r.storage ?? ''].filter((p) => p !== '').join(', ');
      return about ? `${r.name} (${about})` : r.name;
    })
    .join('; ');
}

/** A cell's text as the table shows it and the CSV writes it. */
export function cellText(row: InventoryRow, column: InventoryColumn): string {
  switch (column) {
    case 'regions':
      return inventoryRegionsText(row.regions);
    case 'excludedFromLatest':
    case 'latest':
      return row[column] ? 'Yes' : 'No';
    case 'sizeGB':
      return row.sizeGB === undefined ? '' : String(row.sizeGB);
    default:
      return row[column];
  }
}

/** What the filter box and the end-of-life choice ask for. */
export interface InventoryFilter {
  /** Words that must each appear in some cell (case-insensitive). */
  text?: string;
  endOfLife?: 'all' | 'expired' | 'expiring' | 'expiredOrExpiring';
}

/** Each row's cells lower-cased once, so filtering 10,000 rows as the user types stays quick. */
export function searchTextOf(row: InventoryRow): string {
  return INVENTORY_COLUMNS.map((c) => cellText(row, c.key))
    .join('\u0000')
    .toLowerCase();
}

export function filterRows<R extends InventoryRow>(rows: readonly R[], filter: InventoryFilter, searchText: (row: R) => string = searchTextOf): R[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const eol = filter.endOfLife ?? 'all';
  return rows.filter((r) => {
    if (eol === 'expired' && r.endOfLifeState !== 'expired') return false;
    if (eol === 'expiring' && r.endOfLifeState !== 'expiring') return false;
    if (eol === 'expiredOrExpiring' && r.endOfLifeState !== 'expired' && r.endOfLifeState !== 'expiring') return false;
    if (words.length === 0) return true;
    const text = searchText(r);
    return words.every((w) => text.includes(w));
  });
}

export interface InventorySort {
  /** 'tree': the tree's order (the initial one). */
  column: InventoryColumn | 'tree';
  descending: boolean;
}

// One collator for every comparison: localeCompare with options builds one per call.
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const text = (x: string, y: string): number => (x === y ? 0 : COLLATOR.compare(x, y));

function compareVersionNames(a: string, b: string, pa: VersionParts | undefined, pb: VersionParts | undefined): number {
  return pa && pb ? compareVersionParts(pa, pb) : compareVersions(a, b);
}

/** A stable sort on one column; ties keep the tree's order. Empty cells sort last either way. */
export function sortRows<R extends InventoryRow>(rows: readonly R[], sort: InventorySort): R[] {
  const column = sort.column;
  // Each row's text for the column worked out once, not once per comparison (10,000 rows).
  const keyed = rows.map((r, i) => ({ r, i, v: parseVersion(r.version), k: column === 'tree' || column === 'version' || column === 'sizeGB' ? '' : cellText(r, column) }));
  const tree = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number =>
    text(a.r.subscription, b.r.subscription) ||
    text(a.r.resourceGroup, b.r.resourceGroup) ||
    text(a.r.gallery, b.r.gallery) ||
    text(a.r.definition, b.r.definition) ||
    compareVersionNames(b.r.version, a.r.version, b.v, a.v);
  const sign = sort.descending ? -1 : 1;
  const byColumn = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
    if (column === 'tree') return 0;
    if (column === 'version') return sign * compareVersionNames(a.r.version, b.r.version, a.v, b.v);
    if (column === 'sizeGB') {
      if (a.r.sizeGB === b.r.sizeGB) return 0;
      if (a.r.sizeGB === undefined) return 1;
      if (b.r.sizeGB === undefined) return -1;
      return sign * (a.r.sizeGB - b.r.sizeGB);
    }
    const x = a.k;
    const y = b.k;
    if (x === y) return 0;
    if (x === '') return 1;
    if (y === '') return -1;
    return sign * text(x, y);
  };
  return keyed.sort((a, b) => byColumn(a, b) || (column === 'tree' ? sign * tree(a, b) : tree(a, b)) || a.i - b.i).map((k) => k.r);
}

// ── Export ─────────────────────────────────────────────────────────────────────────────────────

/**
 * RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180, section 2): a field with a comma, a double
 * quote or a line break is enclosed in double quotes, a double quote inside one is doubled, and
 * records end with CRLF.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly InventoryRow[]): string {
  const lines = [INVENTORY_COLUMNS.map((c) => csvField(c.title)).join(',')];
  for (const r of rows) lines.push(INVENTORY_COLUMNS.map((c) => csvField(cellText(r, c.key))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON keeps the types: regions as objects, booleans, the size as a number (null when unknown). */
export function toJson(rows: readonly InventoryRow[]): string {
  const out = rows.map((r) => ({
    id: r.id,
    subscription: r.subscription,
    resourceGroup: r.resourceGroup,
    gallery: r.gallery,
    definition: r.definition,
    version: r.version,
    os: r.os,
    securityType: r.securityType,
    regions: r.regions.map((g) => ({ name: g.name, replicas: g.replicas ?? null, storage: g.storage ?? null })),
    published: r.published || null,
    endOfLife: r.endOfLife || null,
    endOfLifeState: r.endOfLifeState,
    excludedFromLatest: r.excludedFromLatest,
    latest: r.latest,
    sizeGB: r.sizeGB ?? null,
    state: r.state,
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** "12 image versions in 3 galleries; 2 past their end of life, 1 within 30 days". */
export function inventorySummary(rows: readonly InventoryRow[]): string {
  const galleries = new Set(rows.map((r) => `${r.subscription}/${r.resourceGroup}/${r.gallery}`.toLowerCase())).size;
  const expired = rows.filter((r) => r.endOfLifeState === 'expired').length;
  const expiring = rows.filter((r) => r.endOfLifeState === 'expiring').length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const head = `${plural(rows.length, 'image version', 'image versions')} in ${plural(galleries, 'gallery', 'galleries')}`;
  const eol = [expired > 0 ? `${expired} past their end of life` : '', expiring > 0 ? `${expiring} within ${EXPIRING_DAYS} days of it` : ''].filter((p) => p !== '');
  return eol.length > 0 ? `${head}; ${eol.join(', ')}` : head;
}
