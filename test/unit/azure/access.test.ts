// Grant Access's Azure calls under plain Node against the in-process local Azure: the gallery
// roles by GUID, every role at a scope, inviting a guest through Microsoft Graph and giving the new
// guest a role at once (principalType sent), and Graph's refusal as an AzureError.
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { authorizationClient } from '../../../src/azure/clientFactory';
import { AzureError, azureCall } from '../../../src/azure/errors';
import { findPrincipals, inviteGuest } from '../../../src/azure/graph';
import { createRoleAssignment, getRoleDefinitions, listRoleDefinitions } from '../../../src/azure/rbac';
import { GALLERY_ROLES } from '../../../src/model/galleryAccess';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { ROLE_IDS } from '../../emulator/seeds/wellKnown';
import { startLocalAzure, type LocalAzure } from './localAzure';

const GALLERY = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images`;

describe('Azure layer: gallery access and guests (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  before(async () => {
    azure = await startLocalAzure('demo');
  });
  after(() => azure?.stop());

  it('reads the gallery roles by GUID at the gallery, in the order asked, leaving out ones the cloud lacks', async () => {
    const guids = [...GALLERY_ROLES.map((r) => r.guid), '00000000-0000-4000-8000-00000000dead'];
    const roles = await getRoleDefinitions(azure.target(PRODUCTION_SUBSCRIPTION_ID), GALLERY, guids);
    assert.deepEqual(roles.map((r) => r.roleName), GALLERY_ROLES.map((r) => r.roleName));
    assert.equal(roles[0]?.id, `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS['Compute Gallery Image Reader']}`);
    assert.ok(roles.every((r) => r.roleType === 'BuiltInRole'));
  });

  it('lists every role that can be given at the gallery, custom ones too', async () => {
    const all = await listRoleDefinitions(azure.target(PRODUCTION_SUBSCRIPTION_ID), GALLERY);
    const auditor = all.find((r) => r.roleName === 'Contoso Image Auditor');
    assert.equal(auditor?.roleType, 'CustomRole');
    assert.ok(all.some((r) => r.roleName === 'Virtual Machine Contributor'));
  });

  it('invites a guest (sending the invitation e-mail) and gives the new guest a role at once', async () => {
    const target = azure.target(PRODUCTION_SUBSCRIPTION_ID);
    const redirect = `https://portal.azure.com/#@${target.tenantId}/resource${GALLERY}`;
    azure.emu.admin.clearLogs();
    const invitation = await inviteGuest(target, 'sam.lee@outside.example', redirect);
    assert.equal(invitation.status, 'PendingAcceptance');
    assert.equal(invitation.invitedUserEmailAddress, 'sam.lee@outside.example');
    assert.match(invitation.inviteRedeemUrl ?? '', /^https:\/\/login\.microsoftonline\.com\/redeem\?rd=/);
    const sent = azure.emu.traffic.find((t) => t.liveRequest.method === 'POST' && t.liveRequest.url.endsWith('/graph/v1.0/invitations'));
    assert.deepEqual(sent?.liveRequest.body, { invitedUserEmailAddress: 'sam.lee@outside.example', inviteRedirectUrl: redirect, sendInvitationMessage: true });
    const guest = azure.emu.state.graph.find((o) => o.id === invitation.invitedUserId);
    assert.equal(guest?.userType, 'Guest');
    assert.equal(guest?.userPrincipalName, 'sam.lee_outside.example#EXT#@contoso.onmicrosoft.com');
    // Found by e-mail from now on, like any user.
    assert.deepEqual((await findPrincipals(target, { kind: 'email', value: 'sam.lee@outside.example' })).map((p) => p.id), [invitation.invitedUserId]);
    // Inviting the same address again answers the same user.
    assert.equal((await inviteGuest(target, 'Sam.Lee@outside.example', redirect)).invitedUserId, invitation.invitedUserId);

    const readerId = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.Reader}`;
    // Without principalType, Azure RBAC does not know the guest yet (the replication delay).
    const scope = GALLERY.slice(1);
    await assert.rejects(
      azureCall(() => authorizationClient(target).roleAssignments.create(scope, crypto.randomUUID(), { roleDefinitionId: readerId, principalId: invitation.invitedUserId })),
      (e) => e instanceof AzureError && e.code === 'PrincipalNotFound' && /set the role assignment principalType property/.test(e.message),
    );
    const assignment = await createRoleAssignment(target, GALLERY, readerId, invitation.invitedUserId, 'User');
    assert.equal(assignment.principalId, invitation.invitedUserId);
    assert.equal(assignment.principalType, 'User');
  });

  it("answers Graph's refusal as an AzureError with Graph's words (a tenant that allows no guest invitations, a bad address)", async () => {
    const target = azure.target(PRODUCTION_SUBSCRIPTION_ID);
    azure.emu.admin.setConfig({ guestInvitations: 'none' });
    try {
      await assert.rejects(inviteGuest(target, 'kim@outside.example', 'https://portal.azure.com'), (e) => {
        assert.ok(e instanceof AzureError);
        assert.equal(e.statusCode, 403);
        assert.equal(e.message, 'Guest invitations not allowed for your company. Contact your company administrator for more details.');
        return true;
      });
    } finally {
      azure.emu.admin.setConfig({ guestInvitations: 'everyone' });
    }
    assert.ok(!azure.emu.state.graph.some((o) => o.mail === 'kim@outside.example'), 'no guest was created');
    await assert.rejects(inviteGuest(target, 'kim(at)outside.example@x', 'https://portal.azure.com'), (e) => e instanceof AzureError && e.statusCode === 400);
  });
});
