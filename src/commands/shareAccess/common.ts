// What Grant Access and Manage Access share: the command ids, the default role and how a
// principal, a role assignment's scope and a role id are written.
import type { DirectoryObject } from '../../azureChunk';
import { parseArmId } from '../../model/armId';
import { DEFAULT_GALLERY_ROLE } from '../../model/galleryAccess';
import { describePrincipalKind } from '../../model/principals';
import type { PickEntry } from '../../ui/wizard';

export const GRANT_ACCESS_COMMAND = 'azureComputeGallery.grantAccess';
export const MANAGE_ACCESS_COMMAND = 'azureComputeGallery.manageAccess';
export const GRANT_TITLE = 'Grant Access';
export const MANAGE_TITLE = 'Manage Access';

export const DEFAULT_ROLE = DEFAULT_GALLERY_ROLE;

export function roleGuid(id: string): string {
  return id.split('/').pop()?.toLowerCase() ?? '';
}

/** "Ada Lovelace (user, ada.lovelace@contoso.com)". */
export function describePrincipal(p: DirectoryObject): string {
  const handle = p.mail ?? p.userPrincipalName ?? (p.appId ? `app id ${p.appId}` : undefined);
  return `${p.displayName} (${describePrincipalKind(p.kind)}${handle ? `, ${handle}` : ''})`;
}

export function principalItem(p: DirectoryObject): PickEntry<DirectoryObject> {
  const handle = p.mail ?? p.userPrincipalName ?? (p.appId ? `application id ${p.appId}` : '');
  return { label: `$(${p.kind === 'User' ? 'person' : p.kind === 'Group' ? 'organization' : 'symbol-method'}) ${p.displayName}`, description: `${describePrincipalKind(p.kind)}${handle ? ` · ${handle}` : ''}`, detail: `Object id ${p.id}`, value: p };
}

/** "the subscription", "resource group rg-images", "gallery contoso_images". */
export function describeScope(scope: string): string {
  const ref = parseArmId(scope);
  switch (ref?.kind) {
    case 'subscription':
      return `subscription ${ref.subscriptionId}`;
    case 'resourceGroup':
      return `resource group ${ref.resourceGroupName}`;
    case 'gallery':
      return `gallery ${ref.galleryName}`;
    case 'imageDefinition':
      return `image definition ${ref.imageName}`;
    case 'imageVersion':
      return `image version ${ref.versionName} of ${ref.imageName}`;
    default:
      return scope === '' || scope === '/' ? 'the whole tenant' : scope;
  }
}
