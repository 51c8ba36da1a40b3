// What the direct-sharing commands share: their options, the words for subscriptions and tenants,
// the gallery's sharing as Azure has it now, and the checks of ids given as options.
import type { Gallery } from '../../azure/types';
import { validateGuidList } from '../../model/guids';
import type { SharingGroupType } from '../../model/sharing';
import type { Explorer } from '../../tree/explorer';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { attempt } from '../../ui/failures';
import { targetOf, type ManageOptions } from '../manageCommon';

export const ADD_SHARING_COMMAND = 'azureComputeGallery.addSharingGroups';
export const REMOVE_SHARING_COMMAND = 'azureComputeGallery.removeSharingGroups';
export const SHOW_SHARING_COMMAND = 'azureComputeGallery.showSharing';
export const ADD_TITLE = 'Share with Subscriptions or Tenants';
export const REMOVE_TITLE = 'Stop Sharing with Subscriptions or Tenants';
export const SHOW_TITLE = 'Show Sharing';

export interface DirectShareOptions extends ManageOptions {
  /** The gallery's resource id. */
  gallery?: string;
  /** Subscription ids: a list, or one string with several (commas, spaces or new lines between). */
  subscriptionIds?: string | string[];
  /** Tenant (directory) ids, the same way. */
  tenantIds?: string | string[];
}

export const TYPE_WORDS: Record<SharingGroupType, { one: string; many: string }> = {
  Subscriptions: { one: 'subscription', many: 'subscriptions' },
  AADTenants: { one: 'tenant', many: 'tenants' },
};

/** The gallery as Azure has it now, with its sharing groups (lists leave them out). */
export async function freshGallery(explorer: Explorer, node: GalleryNode): Promise<Gallery> {
  return explorer.azure().getGallery(targetOf(node), node.gallery.resourceGroup, node.gallery.name);
}

/** The gallery with its current sharing groups; a failure naming the gallery when it cannot be read. */
export function readSharing(explorer: Explorer, node: GalleryNode): Promise<Gallery> {
  return attempt(`read the sharing of gallery ${node.gallery.name}`, () => freshGallery(explorer, node));
}

export function profileOf(g: Gallery) {
  return { permissions: g.permissions, groups: g.groups, communityGalleryInfo: g.community ? { communityGalleryEnabled: g.community.enabled, publicNames: g.community.publicNames, publicNamePrefix: g.community.publicNamePrefix } : undefined };
}

/** What is wrong with the subscription and tenant ids given as options (nothing is sent if any). */
export function guidProblems(subscriptionsText: string | undefined, tenantsText: string | undefined): string[] {
  const problems: string[] = [];
  const subscriptions = subscriptionsText === undefined ? undefined : validateGuidList(subscriptionsText, 'subscription ids');
  if (subscriptions) problems.push(`Subscriptions: ${subscriptions}`);
  const tenants = tenantsText === undefined ? undefined : validateGuidList(tenantsText, 'tenant ids');
  if (tenants) problems.push(`Tenants: ${tenants}`);
  return problems;
}
