import assert from 'node:assert/strict';
import { DEFAULT_GALLERY_ROLE, GALLERY_ROLES, findGalleryRole, galleryRoleDetail, guestRedirectUrl, guestUserPrincipalName, inviteFailureAdvice, isGuestUserPrincipalName } from '../../../src/model/galleryAccess';
import { ROLE_IDS } from '../../emulator/seeds/wellKnown';

const GALLERY = '/subscriptions/00000000-0000-4000-8000-00000000a001/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images';

describe('model/galleryAccess', () => {
  it('offers the built-in roles that fit a gallery, with their real GUIDs, Reader the default', () => {
    assert.deepEqual(GALLERY_ROLES.map((r) => r.roleName), [
      'Compute Gallery Image Reader',
      'Compute Gallery Artifacts Publisher',
      'Compute Gallery Sharing Admin',
      'Reader',
      'Contributor',
      'Owner',
    ]);
    // The local Azure's seed states the same GUIDs (both from Microsoft Learn's built-in roles page).
    for (const r of GALLERY_ROLES) assert.equal(r.guid, ROLE_IDS[r.roleName as keyof typeof ROLE_IDS], r.roleName);
    assert.ok(GALLERY_ROLES.some((r) => r.roleName === DEFAULT_GALLERY_ROLE));
    assert.equal(new Set(GALLERY_ROLES.map((r) => r.guid)).size, GALLERY_ROLES.length);
  });

  it('finds a gallery role by name, GUID or full id, in any case', () => {
    assert.equal(findGalleryRole('compute gallery image reader')?.guid, 'cf7c76d2-98a3-4358-a134-615aa78bf44d');
    assert.equal(findGalleryRole('85A2D0D9-2EBA-4C9C-B355-11C2CC0788AB')?.roleName, 'Compute Gallery Artifacts Publisher');
    assert.equal(findGalleryRole(`/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.Owner}`)?.roleName, 'Owner');
    assert.equal(findGalleryRole('Virtual Machine Contributor'), undefined);
    assert.match(galleryRoleDetail('Compute Gallery Sharing Admin') ?? '', /^Share it with/);
    assert.equal(galleryRoleDetail('Contoso Image Auditor'), undefined);
    assert.equal(galleryRoleDetail(undefined), undefined);
  });

  it("sends the guest to the item's portal page in the inviting tenant, or to the portal", () => {
    assert.equal(guestRedirectUrl('https://portal.azure.com/', 'tenant-1', GALLERY), `https://portal.azure.com/#@tenant-1/resource${GALLERY}`);
    assert.equal(guestRedirectUrl('https://portal.azure.us', undefined, GALLERY), `https://portal.azure.us/#resource${GALLERY}`);
    assert.equal(guestRedirectUrl('https://portal.azure.com', 'tenant-1', undefined), 'https://portal.azure.com');
    assert.equal(guestRedirectUrl('', 'tenant-1', undefined), 'https://portal.azure.com');
  });

  it("forms and recognises a guest's user principal name", () => {
    assert.equal(guestUserPrincipalName('Sam.Lee@Outside.example', 'contoso.onmicrosoft.com'), 'sam.lee_outside.example#EXT#@contoso.onmicrosoft.com');
    assert.equal(isGuestUserPrincipalName('sam.lee_outside.example#EXT#@contoso.onmicrosoft.com'), true);
    assert.equal(isGuestUserPrincipalName('ada.lovelace@contoso.com'), false);
    assert.equal(isGuestUserPrincipalName(undefined), false);
  });

  it('says what to do next when Graph refuses an invitation', () => {
    assert.match(inviteFailureAdvice(403, 'Guest invitations not allowed for your company. Contact your company administrator for more details.'), /tenant does not allow inviting guests.*External collaboration settings/);
    assert.match(inviteFailureAdvice(403, 'Insufficient privileges to complete the operation.'), /Guest Inviter role.*User\.Invite\.All/);
    assert.match(inviteFailureAdvice(400, "The invited user's email address is not valid."), /Check the e-mail address/);
    assert.match(inviteFailureAdvice(undefined, 'socket hang up'), /Nobody was invited/);
  });
});
