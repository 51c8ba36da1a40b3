// Who uses a gallery's images: one Azure Resource Graph query over every subscription asked, for
// the VMs and scale sets whose image reference names the gallery (or one definition of it) by any
// of its names. Never one request per VM, version or subscription.
import { parseImageReference, type GalleryNames, type ImageUser } from '../model/usage';
import { queryRows } from './resourceGraph';
import type { AzureTarget, CallOptions } from './types';

/** What to look for: a gallery's images, or one definition's (its versions and "latest"). */
export interface UsageScope extends GalleryNames {
  /** Only this definition (the query still matches a longer name; the model drops those). */
  imageName?: string;
}

interface UserRow {
  id?: string;
  name?: string;
  type?: string;
  resourceGroup?: string;
  subscriptionId?: string;
  imageId?: string;
  sharedImageId?: string;
  communityImageId?: string;
}

/** A KQL string literal: single-quoted, with `\` and `'` escaped (https://learn.microsoft.com/kusto/query/scalar-data-types/string). */
export function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The query. The `resources` table has a row per VM (`microsoft.compute/virtualmachines`) and per
 * scale set (`microsoft.compute/virtualmachinescalesets`) with ARM's JSON under `properties`
 * (https://learn.microsoft.com/azure/governance/resource-graph/concepts/query-language, "Resource
 * Graph tables"; the scale set's model keeps the reference under `virtualMachineProfile`). KQL's
 * `startswith` ignores case (https://learn.microsoft.com/kusto/query/startswith-operator), as ARM
 * ids need; `in~` likewise for the types.
 */
export function imageUsersQuery(scope: UsageScope): string {
  const image = scope.imageName ?? '';
  const conditions = [`imageId startswith ${kqlString(`${scope.id.replace(/\/$/, '')}/images/${image}`)}`];
  if (scope.uniqueName) conditions.push(`sharedImageId startswith ${kqlString(`/SharedGalleries/${scope.uniqueName}/Images/${image}`)}`);
  for (const name of scope.publicNames ?? []) conditions.push(`communityImageId startswith ${kqlString(`/CommunityGalleries/${name}/Images/${image}`)}`);
  return [
    'resources',
    "where type in~ ('microsoft.compute/virtualmachines', 'microsoft.compute/virtualmachinescalesets')",
    "extend imageReference = iff(type =~ 'microsoft.compute/virtualmachinescalesets', properties.virtualMachineProfile.storageProfile.imageReference, properties.storageProfile.imageReference)",
    'extend imageId = tostring(imageReference.id), sharedImageId = tostring(imageReference.sharedGalleryImageId), communityImageId = tostring(imageReference.communityGalleryImageId)',
    `where ${conditions.join(' or ')}`,
    'project id, name, type, resourceGroup, subscriptionId, imageId, sharedImageId, communityImageId',
  ].join('\n| ');
}

function userFromRow(row: UserRow, scope: UsageScope): ImageUser | undefined {
  if (!row.id) return undefined;
  for (const reference of [row.imageId, row.sharedImageId, row.communityImageId]) {
    if (!reference) continue;
    const parsed = parseImageReference(reference, scope);
    if (!parsed) continue;
    return {
      id: row.id,
      name: row.name ?? row.id.split('/').pop() ?? row.id,
      kind: (row.type ?? '').toLowerCase() === 'microsoft.compute/virtualmachinescalesets' ? 'scaleSet' : 'virtualMachine',
      resourceGroup: row.resourceGroup ?? row.id.split('/')[4] ?? '',
      subscriptionId: row.subscriptionId ?? row.id.split('/')[2] ?? '',
      reference,
      ...parsed,
    };
  }
  return undefined;
}

/**
 * The VMs and scale sets in these subscriptions that use an image of the gallery (of one definition
 * when `scope.imageName` is given): one Resource Graph query (paged; batches of 1000
 * subscriptions). Subscriptions the caller cannot read are left out by Resource Graph, not refused.
 * Resource Graph may trail ARM by a few seconds after a VM is created or changed.
 */
export async function findImageUsers(
  target: Omit<AzureTarget, 'subscriptionId'>,
  subscriptionIds: readonly string[],
  scope: UsageScope,
  options: CallOptions = {},
): Promise<ImageUser[]> {
  const users: ImageUser[] = [];
  if (subscriptionIds.length === 0) return users;
  await queryRows<UserRow>(target, subscriptionIds, imageUsersQuery(scope), options, (row) => {
    const user = userFromRow(row, scope);
    if (user) users.push(user);
  });
  return users;
}
