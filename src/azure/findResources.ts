// Find…: every gallery, image definition, image version and VM application of many subscriptions
// in one Azure Resource Graph query (batched and paged by queryRows), never a request per
// subscription, gallery or definition.
import type { FoundKind, FoundResource } from '../model/findRows';
import { queryRows, type PageDone, type ResourceRow } from './resourceGraph';
import type { AzureTarget, CallOptions } from './types';

/**
 * The `resources` table has a row per gallery and per gallery child, `type` being the ARM resource
 * type in lower case (`microsoft.compute/galleries`, `microsoft.compute/galleries/images`,
 * `microsoft.compute/galleries/images/versions`, `microsoft.compute/galleries/applications`:
 * *Azure Resource Graph table and resource type reference*,
 * https://learn.microsoft.com/azure/governance/resource-graph/reference/supported-tables-resources),
 * with Resource Graph's columns `resourceGroup` and `subscriptionId` and ARM's GET body under
 * `properties` (*Understanding the Azure Resource Graph query language*, "Resource Graph tables",
 * https://learn.microsoft.com/azure/governance/resource-graph/concepts/query-language). The
 * members read are ARM's: a definition's `identifier.{publisher,offer,sku}` and `osType`, an
 * application's `supportedOSType`, a version's `publishingProfile.targetRegions[].name`
 * (Microsoft.Compute galleries/images, galleries/applications, galleries/images/versions,
 * https://learn.microsoft.com/azure/templates/microsoft.compute/galleries/images). Only these
 * columns are projected: a version's whole `properties` would make 10,000 rows several megabytes.
 */
export const FIND_QUERY = [
  'resources',
  "where type in~ ('microsoft.compute/galleries', 'microsoft.compute/galleries/images', 'microsoft.compute/galleries/images/versions', 'microsoft.compute/galleries/applications')",
  'extend publisher = tostring(properties.identifier.publisher), offer = tostring(properties.identifier.offer), sku = tostring(properties.identifier.sku), osType = tostring(properties.osType), supportedOSType = tostring(properties.supportedOSType), targetRegions = properties.publishingProfile.targetRegions',
  'project id, name, type, location, resourceGroup, subscriptionId, tags, publisher, offer, sku, osType, supportedOSType, targetRegions',
].join('\n| ');

interface FindRowData extends ResourceRow {
  tags?: Record<string, string> | null;
  publisher?: string;
  offer?: string;
  sku?: string;
  osType?: string;
  supportedOSType?: string;
  targetRegions?: Array<{ name?: string }> | null;
}

const KINDS: Record<string, FoundKind> = {
  'microsoft.compute/galleries': 'gallery',
  'microsoft.compute/galleries/images': 'imageDefinition',
  'microsoft.compute/galleries/images/versions': 'imageVersion',
  'microsoft.compute/galleries/applications': 'application',
};

/** A row as the model's FoundResource; undefined for a row of another type or without an id. */
export function foundFromRow(row: FindRowData): FoundResource | undefined {
  const kind = KINDS[(row.type ?? '').toLowerCase()];
  if (!kind || !row.id) return undefined;
  // /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries/{g}/images/{d}/versions/{v}
  const parts = row.id.split('/');
  const name = row.name ?? parts[parts.length - 1] ?? row.id;
  const regions = (row.targetRegions ?? []).map((r) => r?.name ?? '').filter((r) => r !== '');
  const text = (value: string | undefined) => (value ? value : undefined);
  return {
    id: row.id,
    kind,
    name,
    subscriptionId: row.subscriptionId ?? parts[2] ?? '',
    resourceGroup: row.resourceGroup ?? parts[4] ?? '',
    location: row.location ?? '',
    gallery: parts[8] ?? name,
    definition: kind === 'imageVersion' ? parts[10] : undefined,
    tags: row.tags ?? {},
    publisher: text(row.publisher),
    offer: text(row.offer),
    sku: text(row.sku),
    osType: text(row.osType) ?? text(row.supportedOSType),
    regions: kind === 'imageVersion' ? regions : undefined,
  };
}

/**
 * Every gallery, definition, version and VM application in these subscriptions (all signed in as
 * one identity in one cloud): one Resource Graph query, in batches of 1000 subscriptions and pages
 * of 1000 rows. Subscriptions the caller cannot read are left out by Resource Graph, not refused.
 * Resource Graph may trail ARM by a few seconds after a change.
 */
export async function findGalleryResources(
  target: Omit<AzureTarget, 'subscriptionId'>,
  subscriptionIds: readonly string[],
  options: CallOptions & { onPage?: (page: PageDone, found: readonly FoundResource[]) => void } = {},
): Promise<FoundResource[]> {
  const found: FoundResource[] = [];
  if (subscriptionIds.length === 0) return found;
  await queryRows<FindRowData>(target, subscriptionIds, FIND_QUERY, { abortSignal: options.abortSignal, onPage: (page) => options.onPage?.(page, found) }, (row) => {
    const r = foundFromRow(row);
    if (r) found.push(r);
  });
  return found;
}
