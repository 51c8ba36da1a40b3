// Find…: the rows of one quick pick over every gallery, image definition, image version and VM
// application of the selected subscriptions. The quick pick filters on a row's label, description
// and detail, so everything a curator types to find a resource (its name, the definition's
// publisher / offer / SKU, a region, a tag) is in one of them; the description says where the
// resource lives.
import { compareVersionParts, compareVersions, parseVersion, type VersionParts } from './versions';

export type FoundKind = 'gallery' | 'imageDefinition' | 'imageVersion' | 'application';

/** One gallery resource as Find… knows it (from Resource Graph's `resources` table). */
export interface FoundResource {
  id: string;
  kind: FoundKind;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** The gallery's name (the resource's own name for a gallery). */
  gallery: string;
  /** A version's definition. */
  definition?: string;
  tags: Readonly<Record<string, string>>;
  /** A definition's identifier; a version carries its definition's (filled in by `withDefinitions`). */
  publisher?: string;
  offer?: string;
  sku?: string;
  /** 'Linux' or 'Windows' (a definition's osType, an application's supportedOSType). */
  osType?: string;
  /** A version's target regions (where its replicas are). */
  regions?: readonly string[];
}

export interface FindRow {
  id: string;
  kind: FoundKind;
  label: string;
  description: string;
  detail: string;
}

export const FOUND_KIND_WORDS: Record<FoundKind, string> = {
  gallery: 'Gallery',
  imageDefinition: 'Image definition',
  imageVersion: 'Image version',
  application: 'VM application',
};

/** A version's publisher, offer, SKU and OS type are its definition's: Resource Graph rows a version without them. */
export function withDefinitions(resources: readonly FoundResource[]): FoundResource[] {
  const definitions = new Map(resources.filter((r) => r.kind === 'imageDefinition').map((r) => [r.id.toLowerCase(), r]));
  return resources.map((r) => {
    if (r.kind !== 'imageVersion') return r;
    const at = r.id.toLowerCase().lastIndexOf('/versions/');
    const definition = at < 0 ? undefined : definitions.get(r.id.slice(0, at).toLowerCase());
    if (!definition) return r;
    return { ...r, publisher: r.publisher ?? definition.publisher, offer: r.offer ?? definition.offer, sku: r.sku ?? definition.sku, osType: r.osType ?? definition.osType };
  });
}

/** "Production · rg-images · contoso_images › ubuntu-22.04-lts": where the resource lives. */
export function foundWhere(r: FoundResource, subscriptionName: string): string {
  const path = r.kind === 'gallery' ? [] : r.kind === 'imageVersion' && r.definition ? [r.gallery, r.definition] : [r.gallery];
  return [subscriptionName || r.subscriptionId, r.resourceGroup, path.join(' › ')].filter((p) => p !== '').join(' · ');
}

function tagsText(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
    .join(', ');
}

/** The row: name as label; kind and where as description; identifier, OS, regions and tags as detail. */
export function findRow(r: FoundResource, subscriptionName: string): FindRow {
  const identifier = [r.publisher, r.offer, r.sku].filter((p): p is string => !!p).join(' / ');
  const regions = r.regions && r.regions.length > 0 ? r.regions : r.location ? [r.location] : [];
  const detail = [identifier, r.osType ?? '', regions.join(', '), tagsText(r.tags)].filter((p) => p !== '').join(' · ');
  return {
    id: r.id,
    kind: r.kind,
    label: r.kind === 'imageVersion' && r.definition ? `${r.definition} ${r.name}` : r.name,
    description: `${FOUND_KIND_WORDS[r.kind]} · ${foundWhere(r, subscriptionName)}`,
    detail,
  };
}

// One collator, and equal strings settled without it: String.localeCompare with options builds a
// collator per call, which made sorting 10,000 rows take seconds.
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });
const text = (x: string, y: string): number => (x === y ? 0 : COLLATOR.compare(x, y));

const KIND_ORDER: Record<FoundKind, number> = { gallery: 0, imageDefinition: 1, imageVersion: 2, application: 3 };

/** What a row sorts by, worked out once per row rather than once per comparison. */
interface SortKey {
  r: FoundResource;
  subscription: string;
  /** A gallery first, then its images, then its applications (the tree's order). */
  group: number;
  definition: string;
  version?: VersionParts;
}

function sortKey(r: FoundResource, names: ReadonlyMap<string, string>): SortKey {
  return {
    r,
    subscription: names.get(r.subscriptionId.toLowerCase()) ?? r.subscriptionId,
    group: r.kind === 'gallery' ? 0 : r.kind === 'application' ? 2 : 1,
    definition: r.kind === 'imageDefinition' ? r.name : r.kind === 'imageVersion' ? (r.definition ?? '') : '',
    version: r.kind === 'imageVersion' ? parseVersion(r.name) : undefined,
  };
}

/** Tree order: by subscription name, resource group, gallery, definition (its versions newest first), kind. */
function compareKeys(a: SortKey, b: SortKey): number {
  return (
    text(a.subscription, b.subscription) ||
    text(a.r.resourceGroup, b.r.resourceGroup) ||
    text(a.r.gallery, b.r.gallery) ||
    a.group - b.group ||
    text(a.definition, b.definition) ||
    KIND_ORDER[a.r.kind] - KIND_ORDER[b.r.kind] ||
    (a.r.kind !== 'imageVersion' ? text(a.r.name, b.r.name) : a.version && b.version ? compareVersionParts(b.version, a.version) || compareVersions(b.r.name, a.r.name) : compareVersions(b.r.name, a.r.name))
  );
}

/** Every row in tree order; `names` maps a subscription id (lower case) to its name. */
export function findRows(resources: readonly FoundResource[], names: ReadonlyMap<string, string>): FindRow[] {
  return withDefinitions(resources)
    .map((r) => sortKey(r, names))
    .sort(compareKeys)
    .map(({ r }) => findRow(r, names.get(r.subscriptionId.toLowerCase()) ?? ''));
}

/** "12 galleries, definitions, versions and applications in 3 subscriptions". */
export function foundSummary(rows: readonly FindRow[], subscriptions: number): string {
  const count = (k: FoundKind) => rows.filter((r) => r.kind === k).length;
  const parts = [
    [count('gallery'), 'gallery', 'galleries'],
    [count('imageDefinition'), 'image definition', 'image definitions'],
    [count('imageVersion'), 'image version', 'image versions'],
    [count('application'), 'VM application', 'VM applications'],
  ] as const;
  const words = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return `${words.join(', ')} in ${subscriptions === 1 ? 'the selected subscription' : `${subscriptions} selected subscriptions`}`;
}

/** The empty result, and why it may be empty although ARM has something. */
export function nothingFound(subscriptions: number): { label: string; detail: string } {
  return {
    label: `No galleries in ${subscriptions === 1 ? 'the selected subscription' : `the ${subscriptions} selected subscriptions`}`,
    detail: 'Resource Graph may trail Azure Resource Manager by a few seconds: a gallery created just now may not be listed yet. Try again shortly.',
  };
}
