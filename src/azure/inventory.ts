// Inventory: every image version of many subscriptions (or of one gallery), with what its table
// row shows from its image definition, in one Azure Resource Graph query (batched and paged by
// queryRows), never a request per subscription, gallery, definition or version.
import type { InventoryDefinition, InventoryRegion, InventoryVersion } from '../model/inventory';
import { queryRows, type PageDone, type ResourceRow } from './resourceGraph';
import type { AzureTarget, CallOptions } from './types';

const VERSION_TYPE = 'microsoft.compute/galleries/images/versions';
const DEFINITION_TYPE = 'microsoft.compute/galleries/images';

/** A KQL string literal: single-quoted, backslash and quote escaped (KQL reference, "string literals"). */
function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The rows of image definitions and versions, type and members as in findResources.ts: ARM's GET
 * body under `properties` (Microsoft.Compute galleries/images and galleries/images/versions,
 * https://learn.microsoft.com/azure/templates/microsoft.compute/galleries/images/versions):
 * a version's `publishingProfile.{publishedDate, endOfLifeDate, excludeFromLatest, targetRegions[]
 * .{name, regionalReplicaCount, storageAccountType}}`, `provisioningState`, and
 * `storageProfile.{osDiskImage, dataDiskImages[]}.sizeInGB` (read-only: "the size of the VHD to be
 * created", GalleryRP.json 2025-12-03 `GalleryDiskImage`); a definition's `osType`, `osState` and
 * `features` (where SecurityType is). Only these are projected, so 10,000 rows stay small.
 * `startswith` ignores case (KQL string operators), as ARM ids do.
 */
export function inventoryQuery(galleryId?: string): string {
  return [
    'resources',
    `where type in~ ('${DEFINITION_TYPE}', '${VERSION_TYPE}')`,
    ...(galleryId ? [`where id startswith ${kqlString(`${galleryId.replace(/\/+$/, '')}/`)}`] : []),
    'extend osType = tostring(properties.osType), osState = tostring(properties.osState), features = properties.features, publishedDate = tostring(properties.publishingProfile.publishedDate), endOfLifeDate = tostring(properties.publishingProfile.endOfLifeDate), excludeFromLatest = properties.publishingProfile.excludeFromLatest, targetRegions = properties.publishingProfile.targetRegions, provisioningState = tostring(properties.provisioningState), osDiskImage = properties.storageProfile.osDiskImage, dataDiskImages = properties.storageProfile.dataDiskImages',
    'project id, name, type, location, resourceGroup, subscriptionId, osType, osState, features, publishedDate, endOfLifeDate, excludeFromLatest, targetRegions, provisioningState, osDiskImage, dataDiskImages',
  ].join('\n| ');
}

interface InventoryRowData extends ResourceRow {
  osType?: string;
  osState?: string;
  features?: Array<{ name?: string; value?: string }> | null;
  publishedDate?: string;
  endOfLifeDate?: string;
  excludeFromLatest?: boolean | string | null;
  targetRegions?: Array<{ name?: string; regionalReplicaCount?: number; storageAccountType?: string }> | null;
  provisioningState?: string;
  osDiskImage?: { sizeInGB?: number } | null;
  dataDiskImages?: Array<{ sizeInGB?: number }> | null;
}

export interface InventoryResources {
  versions: InventoryVersion[];
  definitions: InventoryDefinition[];
}

const text = (value: string | undefined): string | undefined => (value ? value : undefined);
const size = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** A version row as the model's InventoryVersion; undefined without an id. */
export function versionFromRow(row: InventoryRowData): InventoryVersion | undefined {
  if (!row.id) return undefined;
  const parts = row.id.split('/');
  const regions: InventoryRegion[] = (row.targetRegions ?? [])
    .filter((r) => !!r?.name)
    .map((r) => ({ name: r.name!, replicas: size(r.regionalReplicaCount), storage: text(r.storageAccountType) }));
  const data = (row.dataDiskImages ?? []).map((d) => size(d?.sizeInGB));
  const os = size(row.osDiskImage?.sizeInGB);
  return {
    id: row.id,
    name: row.name ?? parts[parts.length - 1] ?? row.id,
    subscriptionId: row.subscriptionId ?? parts[2] ?? '',
    resourceGroup: row.resourceGroup ?? parts[4] ?? '',
    location: row.location ?? '',
    publishedDate: text(row.publishedDate),
    endOfLifeDate: text(row.endOfLifeDate),
    // Resource Graph may give a dynamic boolean as a boolean or (projected through tostring) as text.
    excludeFromLatest: row.excludeFromLatest === true || String(row.excludeFromLatest).toLowerCase() === 'true',
    provisioningState: text(row.provisioningState),
    regions,
    // A size is the total only when Azure reported every disk's.
    osDiskSizeGB: data.every((d) => d !== undefined) ? os : undefined,
    dataDiskSizesGB: data.filter((d): d is number => d !== undefined),
  };
}

/**
 * Every image version (and its definition) in these subscriptions, all signed in as one identity
 * in one cloud, or only in the gallery `galleryId`: one Resource Graph query, paged. Resource
 * Graph may trail ARM by a few seconds after a change.
 */
export async function inventoryResources(
  target: Omit<AzureTarget, 'subscriptionId'>,
  subscriptionIds: readonly string[],
  options: CallOptions & { galleryId?: string; onPage?: (page: PageDone, found: InventoryResources) => void } = {},
): Promise<InventoryResources> {
  const out: InventoryResources = { versions: [], definitions: [] };
  if (subscriptionIds.length === 0) return out;
  const query = { abortSignal: options.abortSignal, onPage: (page: PageDone) => options.onPage?.(page, out) };
  await queryRows<InventoryRowData>(target, subscriptionIds, inventoryQuery(options.galleryId), query, (row) => {
    const type = (row.type ?? '').toLowerCase();
    if (type === VERSION_TYPE) {
      const v = versionFromRow(row);
      if (v) out.versions.push(v);
    } else if (type === DEFINITION_TYPE && row.id) {
      out.definitions.push({ id: row.id, osType: text(row.osType), osState: text(row.osState), features: row.features ?? undefined });
    }
  });
  return out;
}
