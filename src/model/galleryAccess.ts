// Who can be given access to a gallery, and with which role: the built-in roles that fit a gallery
// and inviting a person from outside the organisation as a guest (Microsoft Entra B2B).
import { portalResourceUrl } from './portal';

export interface GalleryRole {
  /** Azure's roleName, exactly. */
  roleName: string;
  /** The built-in role definition's GUID, the same in every tenant and cloud. */
  guid: string;
  /** What it allows on a gallery, shorter than Azure's general description. */
  detail: string;
}

/**
 * The built-in roles that fit a gallery, in the order offered. Names and GUIDs from Microsoft
 * Learn, "Azure built-in roles" (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles,
 * General and Compute sections); what each allows from its actions in
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/compute:
 * Image Reader has galleries/images/read and galleries/images/versions/read; Artifacts Publisher
 * has galleries/* except galleries/share/action; Sharing Admin has galleries/share/action.
 */
export const GALLERY_ROLES: readonly GalleryRole[] = [
  { roleName: 'Compute Gallery Image Reader', guid: 'cf7c76d2-98a3-4358-a134-615aa78bf44d', detail: 'Read its images and versions to create VMs from them; change nothing' },
  { roleName: 'Compute Gallery Artifacts Publisher', guid: '85a2d0d9-2eba-4c9c-b355-11c2cc0788ab', detail: 'Create, change and delete images and versions; not share it or change who has access' },
  { roleName: 'Compute Gallery Sharing Admin', guid: '1ef6a3be-d0ac-425d-8c01-acb62866290b', detail: 'Share it with subscriptions, tenants or the community; change nothing else' },
  { roleName: 'Reader', guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', detail: 'See it and create VMs from its images; change nothing' },
  { roleName: 'Contributor', guid: 'b24988ac-6180-42a0-ab88-20f7382dd24c', detail: 'Create, change and delete images and versions, but not who has access' },
  { roleName: 'Owner', guid: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', detail: 'Everything, including who has access' },
];

export const DEFAULT_GALLERY_ROLE = 'Reader';

/** The gallery role with this name or GUID (any case), if it is one. */
export function findGalleryRole(nameOrId: string): GalleryRole | undefined {
  const wanted = nameOrId.trim().toLowerCase();
  const guid = wanted.split('/').pop() ?? '';
  return GALLERY_ROLES.find((r) => r.roleName.toLowerCase() === wanted || r.guid === guid);
}

/** The short detail of a gallery role, by name (undefined for other roles). */
export function galleryRoleDetail(roleName: string | undefined): string | undefined {
  return roleName ? findGalleryRole(roleName)?.detail : undefined;
}

/**
 * Where the invitation e-mail's link leads once the guest has accepted: the item's page in the
 * portal, in the inviting tenant (Graph's inviteRedirectUrl, "The URL the user should be
 * redirected to once the invitation is redeemed. Required.", learn.microsoft.com/graph/api/invitation-post).
 * Without a resource id, the portal's home.
 */
export function guestRedirectUrl(portalUrl: string, tenantId: string | undefined, resourceId: string | undefined): string {
  const base = portalUrl.replace(/\/+$/, '') || 'https://portal.azure.com';
  return resourceId?.startsWith('/') ? portalResourceUrl(resourceId, tenantId, base) : base;
}

/**
 * A guest's user principal name as Microsoft Entra forms it: the address with "@" turned into "_",
 * then "#EXT#@" and the inviting tenant's initial domain (learn.microsoft.com/entra/external-id/
 * user-properties, "User principal name": "john_contoso.com#EXT#@fabrikam.onmicrosoft.com").
 */
export function guestUserPrincipalName(email: string, tenantDomain: string): string {
  return `${email.trim().toLowerCase().replace(/@/g, '_')}#EXT#@${tenantDomain}`;
}

export function isGuestUserPrincipalName(upn: string | undefined): boolean {
  return !!upn && /#EXT#@/i.test(upn);
}

/**
 * What to do next when Microsoft Graph refuses an invitation, after Graph's own message.
 * - 403 "Guest invitations not allowed for your company": the tenant's External collaboration
 *   settings let nobody (or only admins and Guest Inviters) invite ("Troubleshooting B2B
 *   collaboration", learn.microsoft.com/entra/external-id/troubleshoot; the provisioning
 *   troubleshooting page names the "most restrictive" guest invite setting as its cause).
 * - Other 403s (Authorization_RequestDenied, "Insufficient privileges"): the signed-in identity
 *   lacks User.Invite.All, the least privileged permission of POST /invitations
 *   (learn.microsoft.com/graph/api/invitation-post, Permissions), or the Guest Inviter role.
 * - 400: the address itself (Graph refuses addresses with characters it does not permit).
 */
export function inviteFailureAdvice(status: number | undefined, message: string): string {
  if (status === 403 && /guest invitations not allowed/i.test(message)) {
    return 'Your tenant does not allow inviting guests: ask an administrator to allow guest invitations (Microsoft Entra ID, External Identities, External collaboration settings) or to invite the person, then run Grant Access again.';
  }
  if (status === 403 || status === 401) {
    return 'Your account may not invite guests: ask an administrator for the Guest Inviter role (or, for an application, the Microsoft Graph permission User.Invite.All), or to invite the person, then run Grant Access again.';
  }
  if (status === 400) return 'Check the e-mail address, then run Grant Access again.';
  return 'Nobody was invited: run Grant Access again, or ask an administrator to invite the person.';
}
