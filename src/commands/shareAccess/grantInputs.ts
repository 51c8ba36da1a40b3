// What Grant Access needs from Azure besides the role assignment itself: the roles it offers (the
// ones that fit a gallery, and every role by search) and the guest invitation of a person from
// outside the organisation.
import type { AzureTarget } from '../../azure/types';
import type { Azure } from '../../azureLoader';
import type { DirectoryObject, RoleDefinitionInfo } from '../../azureChunk';
import { GALLERY_ROLES, guestRedirectUrl, inviteFailureAdvice } from '../../model/galleryAccess';
import { azureFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { withProgress } from '../manageCommon';
import { roleGuid } from './common';

export const NOTHING_SHARED = 'Nothing was shared.';

export interface RoleSource {
  /** The roles that fit a gallery, as Azure knows them at the scope, in the order offered. */
  gallery: RoleDefinitionInfo[];
  /** Every role that can be given at the scope: listed on first use, then kept. */
  all: () => Promise<RoleDefinitionInfo[]>;
}

export async function loadRoles(azure: Azure, target: AzureTarget, scope: string, where: string): Promise<RoleSource> {
  const failed = (error: unknown) => azureFailure(`list the roles that can be given on ${where}`, error, { outcome: NOTHING_SHARED });
  let gallery: RoleDefinitionInfo[];
  try {
    gallery = await azure.getRoleDefinitions(target, scope, GALLERY_ROLES.map((r) => r.guid));
  } catch (error) {
    throw failed(error);
  }
  let all: Promise<RoleDefinitionInfo[]> | undefined;
  return {
    gallery,
    all: () => {
      all ??= azure.listRoleDefinitions(target, scope).catch((error: unknown) => {
        all = undefined;
        throw failed(error);
      });
      return all;
    },
  };
}

function matchRole(roles: readonly RoleDefinitionInfo[], given: string): RoleDefinitionInfo | undefined {
  const wanted = given.trim().toLowerCase();
  return roles.find((r) => r.roleName.toLowerCase() === wanted || r.name.toLowerCase() === wanted || r.id.toLowerCase() === wanted || roleGuid(r.id) === roleGuid(wanted));
}

/** A role given by name, GUID or id: a gallery role, else any role that can be given here. */
export async function findRole(roles: RoleSource, given: string): Promise<RoleDefinitionInfo | undefined> {
  return matchRole(roles.gallery, given) ?? matchRole(await roles.all(), given);
}

/**
 * Invites `email` as a guest (Microsoft sends the e-mail; its link leads to the item in the portal)
 * and answers the new guest user, to whom the role is then given.
 */
export async function inviteGuest(azure: Azure, target: AzureTarget, email: string, resourceId: string, roleName: string): Promise<DirectoryObject> {
  const redirect = guestRedirectUrl(target.cloud.portalUrl, target.tenantId, resourceId);
  try {
    const invitation = await withProgress(`Inviting ${email} as a guest`, () => azure.inviteGuest(target, email, redirect));
    log().info(`Invited ${email} as a guest: user ${invitation.invitedUserId}, invitation ${invitation.id} (${invitation.status ?? 'no status'})`);
    return { id: invitation.invitedUserId, displayName: email, kind: 'User', mail: email };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    throw azureFailure(`invite ${email} as a guest`, error, {
      next: inviteFailureAdvice(status, (error as Error).message ?? ''),
      outcome: `Nobody was invited and ${roleName} was not given to anyone.`,
    });
  }
}
