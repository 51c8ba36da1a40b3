// What the direct-sharing commands share: their options, the words for subscriptions and tenants,
// the gallery's sharing as Azure has it now, and the answer that reads and checks ids given as options.
import type { Gallery } from '../../azure/types';
import { validateGuidList } from '../../model/guids';
import type { SharingGroupType } from '../../model/sharing';
import type { Explorer } from '../../tree/explorer';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { attempt } from '../../ui/failures';
import type { Answer, EditableOptions } from '../../ui/answers';
import { idList, targetOf, type ManageOptions } from '../manageCommon';

export const ADD_SHARING_COMMAND = 'azureComputeGallery.addSharingGroups';
export const REMOVE_SHARING_COMMAND = 'azureComputeGallery.removeSharingGroups';
export const SHOW_SHARING_COMMAND = 'azureComputeGallery.showSharing';
export const ADD_TITLE = 'Share with Subscriptions or Tenants';
export const REMOVE_TITLE = 'Stop Sharing with Subscriptions or Tenants';
export const SHOW_TITLE = 'Show Sharing';

export interface DirectShareOptions extends ManageOptions, EditableOptions {
  /** The gallery's resource id. */
  gallery?: string;
  /** Subscription ids: a list, or one string with several (commas, spaces or new lines between). */
  subscriptionIds?: string | string[];
  /** Tenant (directory) ids, the same way. */
  tenantIds?: string | string[];
}

export interface AddSharingOptions extends DirectShareOptions {
  /**
   * A private gallery must be switched to direct sharing first: true switches it without asking,
   * false refuses (nothing is sent); not given asks.
   */
  switchToGroups?: boolean;
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

/** The state of a flow that reads the ids given as options: as typed, one text per kind. */
export interface TypedIds {
  subscriptionIds?: string;
  tenantIds?: string;
}

export const TYPED: Record<SharingGroupType, keyof TypedIds> = { Subscriptions: 'subscriptionIds', AADTenants: 'tenantIds' };

/**
 * The subscription or tenant ids given as an option (a list, or one text): read as text, checked
 * as a list of GUIDs ("Subscriptions: …" names a bad one before anything is sent), written back as
 * `write` says (default: the text read). Its steps are the flow's own.
 */
export function idsAnswer<S extends TypedIds, O extends DirectShareOptions>(type: SharingGroupType, steps: Answer<S, O>['steps'] = [], write?: (s: S) => string | undefined): Answer<S, O> {
  const key = TYPED[type];
  return {
    key,
    label: type === 'Subscriptions' ? 'Subscriptions' : 'Tenants',
    read: (o, s) => {
      const text = idList(o[key]);
      if (text !== undefined && s[key] === undefined) s[key] = text;
    },
    check: (s) => validateGuidList(s[key] ?? '', `${TYPE_WORDS[type].one} ids`),
    write: (s, o) => {
      o[key] = write ? write(s) : s[key];
    },
    steps,
  };
}
