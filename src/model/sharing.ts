// How a gallery is shared beyond RBAC, read from its `sharingProfile` (GalleryRP.json 2025-12-03:
// permissions Private | Groups | Community; groups [{type: Subscriptions | AADTenants, ids}];
// communityGalleryInfo with the read-only publicNames and communityGalleryEnabled).
//
// What the service does (learn.microsoft.com "Share a gallery with all users in a subscription
// or tenant" and "Share images using a community gallery"):
// - Add / Remove (POST .../share) only work on a gallery whose permissions are Groups; a Private
//   gallery must first be updated to Groups.
// - Reset removes every subscription and tenant share (and, for a community gallery, takes it
//   off the public listing), leaving RBAC as the only access path.
// - A Community gallery is published with EnableCommunity; it cannot also share to groups.

export type SharingKind = 'Private' | 'Groups' | 'Community';
export type SharingGroupType = 'Subscriptions' | 'AADTenants';

/** The parts of a gallery's sharingProfile this module reads (the SDK's shape, loosely typed). */
export interface SharingProfileLike {
  permissions?: string;
  groups?: { type?: string; ids?: string[] }[];
  communityGalleryInfo?: {
    publicNamePrefix?: string;
    publicNames?: string[];
    communityGalleryEnabled?: boolean;
  };
}

/** The sharing kind; a missing profile or permission means Private, as Azure reports it. */
export function sharingKindOf(profile: SharingProfileLike | undefined): SharingKind {
  const p = profile?.permissions?.toLowerCase();
  if (p === 'groups') return 'Groups';
  if (p === 'community') return 'Community';
  return 'Private';
}

/** One-line description of a sharing kind, for quick picks and tooltips. */
export function describeSharingKind(kind: SharingKind): string {
  switch (kind) {
    case 'Private':
      return 'Private: only people you grant access with Azure RBAC';
    case 'Groups':
      return 'Direct share: everyone in the subscriptions and tenants you add, plus RBAC';
    case 'Community':
      return 'Community: public to every Azure user, plus RBAC';
  }
}

/** The ids a profile shares with, per group type (lower-cased, de-duplicated). */
export function sharedIds(profile: SharingProfileLike | undefined): { subscriptions: string[]; tenants: string[] } {
  const subscriptions: string[] = [];
  const tenants: string[] = [];
  for (const group of profile?.groups ?? []) {
    const type = group.type?.toLowerCase();
    const target = type === 'subscriptions' ? subscriptions : type === 'aadtenants' ? tenants : undefined;
    if (!target) continue;
    for (const id of group.ids ?? []) {
      const norm = id.toLowerCase();
      if (!target.includes(norm)) target.push(norm);
    }
  }
  return { subscriptions, tenants };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface ResetImpact {
  subscriptions: string[];
  tenants: string[];
  /** True when the gallery is publicly listed now and stops being after the reset. */
  community: boolean;
  /** The public names that disappear from the community listing. */
  publicNames: string[];
  /** Sentence for the confirmation dialog. */
  summary: string;
}

/** Who loses access when sharing is reset to Private. RBAC role assignments are not touched. */
export function whoLosesAccessOnReset(profile: SharingProfileLike | undefined): ResetImpact {
  const kind = sharingKindOf(profile);
  const { subscriptions, tenants } = kind === 'Groups' ? sharedIds(profile) : { subscriptions: [], tenants: [] };
  const info = profile?.communityGalleryInfo;
  const community = kind === 'Community' && info?.communityGalleryEnabled === true;
  const publicNames = kind === 'Community' ? [...(info?.publicNames ?? [])] : [];
  const rbac = 'People with Azure RBAC access keep it.';
  let summary: string;
  if (kind === 'Community') {
    const name = publicNames.length > 0 ? ` (${publicNames.join(', ')})` : '';
    summary = community
      ? `Every Azure user loses access: the gallery${name} is removed from the community listing. ${rbac}`
      : `The gallery${name} was never published, so no one outside RBAC loses access. ${rbac}`;
  } else if (subscriptions.length + tenants.length > 0) {
    const parts: string[] = [];
    if (subscriptions.length > 0) parts.push(plural(subscriptions.length, 'subscription', 'subscriptions'));
    if (tenants.length > 0) parts.push(plural(tenants.length, 'tenant', 'tenants'));
    summary = `Everyone in ${parts.join(' and ')} loses access. ${rbac}`;
  } else {
    summary = `No one loses access: the gallery is not shared beyond RBAC. ${rbac}`;
  }
  return { subscriptions, tenants, community, publicNames, summary };
}

/**
 * What must change before subscriptions or tenants can be added to this gallery's direct share,
 * as a sentence for the user; undefined when Add can go ahead (the gallery is Groups).
 */
export function whatMustChangeBeforeAdd(profile: SharingProfileLike | undefined): string | undefined {
  switch (sharingKindOf(profile)) {
    case 'Groups':
      return undefined;
    case 'Private':
      return 'This gallery is private. First change its sharing method to "RBAC + direct share" (permissions: Groups), then add subscriptions or tenants.';
    case 'Community':
      return 'This is a community gallery, already public to every Azure user; it cannot also share with chosen subscriptions or tenants. Reset its sharing and change it to "RBAC + direct share" (permissions: Groups) first.';
  }
}

/** The ids in `wanted` that the profile does not already share with (for an Add that changes something). */
export function idsNotYetShared(
  profile: SharingProfileLike | undefined,
  type: SharingGroupType,
  wanted: readonly string[],
): string[] {
  const current = sharedIds(profile);
  const already = new Set(type === 'Subscriptions' ? current.subscriptions : current.tenants);
  const out: string[] = [];
  for (const id of wanted) {
    const norm = id.toLowerCase();
    if (!already.has(norm) && !out.includes(norm)) out.push(norm);
  }
  return out;
}
