// Grant Access to a person outside the organisation (issue 18 item 5): an e-mail address nobody in
// the directory has is invited as a guest through Microsoft Graph, only after the user's OK, and
// the role is given to the new guest at once; the Role step offers the roles that fit a gallery
// and any other by search.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TrafficPair } from '../emulator/emulator';
import type { GrantAccessResult } from '../../src/commands/shareAccess';
import { CANCEL, ScriptedPrompter, emulatorState, useDemoSession } from './createHelpers';
import { emulatorAdmin } from './helpers';
import { LOCAL_PRINCIPAL, PRIVATE_ID, ROLE_IDS, SHARED_ID, USERS, assertNoProblems, azureSnapshot, clearRequestLog, requestLog, writes } from './shareHelpers';

const grant = (...args: unknown[]) => vscode.commands.executeCommand<GrantAccessResult | undefined>('azureComputeGallery.grantAccess', ...args);
const INVITE = { pick: /^Invite / };
const GALLERY_ROLE_NAMES = ['Compute Gallery Image Reader', 'Compute Gallery Artifacts Publisher', 'Compute Gallery Sharing Admin', 'Reader', 'Contributor', 'Owner'];

async function traffic(): Promise<TrafficPair[]> {
  return (await emulatorAdmin('GET', '/_admin/traffic')) as TrafficPair[];
}

/** The requests that change something, in order, with the bodies the local Azure received. */
async function sent(): Promise<{ method: string; url: string; body: unknown; answer: unknown }[]> {
  return (await traffic())
    .filter((t) => t.liveRequest.method !== 'GET' && !/\/oauth2\/|\/token$|\/_admin\//.test(t.liveRequest.url))
    .map((t) => ({ method: t.liveRequest.method, url: decodeURIComponent(t.liveRequest.url), body: t.liveRequest.body, answer: t.liveResponse.body }));
}

describe('Share: guests and roles by search (extension host, local Azure)', () => {
  const ui = useDemoSession({ cleanUp: async () => void (await emulatorAdmin('POST', '/_admin/config', { guestInvitations: 'everyone' })) });

  it('invites a person from outside by e-mail after an OK naming who gets it, then gives the role to the new guest', async () => {
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ pick: 'Compute Gallery Image Reader' }, 'sam.lee@outside.example', INVITE, { confirm: true }]);
    const result = await grant({ scope: PRIVATE_ID, prompter });
    assertNoProblems(prompter);
    assert.deepEqual(prompter.messagesFor('Who').get('sam.lee@outside.example'), undefined, 'an address nobody has is accepted: its owner can be invited');
    const summary = prompter.prompts.find((p) => p.title.includes('Summary'));
    assert.equal(summary?.items?.[0]?.label, '$(mail) Invite sam.lee@outside.example and grant Compute Gallery Image Reader');
    assert.equal(summary?.items?.[0]?.detail, 'Compute Gallery Image Reader on gallery contoso_images, once they accept');
    assert.equal(summary?.items?.find((i) => i.label === 'Who')?.description, 'sam.lee@outside.example (guest, to be invited)');
    const ok = prompter.prompts.find((p) => p.kind === 'confirm');
    assert.equal(ok?.title, 'Send a guest invitation e-mail to sam.lee@outside.example?');
    assert.match(ok?.detail ?? '', /Microsoft will e-mail sam\.lee@outside\.example an invitation .* Compute Gallery Image Reader on gallery contoso_images\. They can use it only after accepting the invitation\./);

    // What the local Azure received: the invitation, then the role assignment for invitedUser.id.
    const writesSent = await sent();
    assert.deepEqual(writesSent.map((w) => `${w.method} ${new URL(w.url).pathname.replace(/roleAssignments\/[^/]+$/, 'roleAssignments/{name}')}`), [
      'POST /graph/v1.0/invitations',
      `PUT ${PRIVATE_ID}/providers/Microsoft.Authorization/roleAssignments/{name}`,
    ]);
    const [invitation, assignment] = writesSent;
    const body = invitation?.body as { invitedUserEmailAddress: string; inviteRedirectUrl: string; sendInvitationMessage: boolean };
    assert.equal(body.invitedUserEmailAddress, 'sam.lee@outside.example');
    assert.equal(body.sendInvitationMessage, true);
    assert.ok(body.inviteRedirectUrl.endsWith(`/#@${LOCAL_PRINCIPAL.tenantId}/resource${PRIVATE_ID}`), body.inviteRedirectUrl);
    const guestId = (invitation?.answer as { invitedUser: { id: string } }).invitedUser.id;
    const props = (assignment?.body as { properties: { roleDefinitionId: string; principalId: string; principalType: string } }).properties;
    assert.equal(props.principalId, guestId);
    assert.equal(props.principalType, 'User', 'principalType is sent, so RBAC need not find the new guest yet');
    assert.ok(props.roleDefinitionId.endsWith(ROLE_IDS['Compute Gallery Image Reader']));

    assert.equal(result?.invited, true);
    assert.equal(result?.principal.id, guestId);
    const guest = (await emulatorState()).graph.find((o) => o.id === guestId);
    assert.equal(guest?.userType, 'Guest');
    await ui.waitFor('info', /^Invited sam\.lee@outside\.example as a guest and granted Compute Gallery Image Reader on gallery contoso_images\. They must accept the invitation e-mailed to them before they can use it\.$/);
  });

  it('sends nothing when the user declines the invitation, and keeps the summary open', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ accept: true }, 'kim.park@outside.example', INVITE, { confirm: false }, CANCEL]);
    assert.equal(await grant({ scope: SHARED_ID, prompter }), undefined);
    assertNoProblems(prompter);
    assert.equal(prompter.prompts.filter((p) => p.title.includes('Summary')).length, 2, 'the summary shows again after No');
    assert.deepEqual(await writes(), []);
    assert.ok(!(await requestLog()).some((r) => /invitations/.test(r.path)), 'no invitation was sent');
    assert.ok(!(await emulatorState()).graph.some((o) => o.mail === 'kim.park@outside.example'));
    assert.equal(await azureSnapshot(), before);
  });

  it("says plainly when the tenant does not allow guest invitations, with Graph's words and what to do", async () => {
    await emulatorAdmin('POST', '/_admin/config', { guestInvitations: 'none' });
    await clearRequestLog();
    try {
      assert.equal(await grant({ scope: PRIVATE_ID, principal: 'kim.park@outside.example', confirmed: true }), undefined);
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { guestInvitations: 'everyone' });
    }
    const error = await ui.waitFor('error', /kim\.park@outside\.example/);
    assert.equal(
      error.message,
      'Could not invite kim.park@outside.example as a guest: Guest invitations not allowed for your company. Contact your company administrator for more details. (code Forbidden) ' +
        'Your tenant does not allow inviting guests: ask an administrator to allow guest invitations (Microsoft Entra ID, External Identities, External collaboration settings) or to invite the person, then run Grant Access again. ' +
        'Nobody was invited and Reader was not given to anyone.',
    );
    assert.deepEqual(await writes(), ['POST /graph/v1.0/invitations'], 'no role assignment was attempted');
  });

  it('offers the roles that fit a gallery and any other by search; a searched role is given', async () => {
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ pick: /Search all roles/ }, CANCEL, { pick: /Search all roles/ }, 'Contoso Image Auditor', USERS.alan.mail, { pick: /^Grant / }]);
    const result = await grant({ scope: SHARED_ID, prompter });
    assertNoProblems(prompter);
    const [roles, search, rolesAgain, searchAgain] = prompter.prompts;
    assert.deepEqual(roles?.items?.map((i) => i.label), [...GALLERY_ROLE_NAMES, '$(search) Search all roles…']);
    assert.deepEqual(roles?.selected, ['Reader'], 'Reader is the default');
    assert.match(roles?.items?.[0]?.detail ?? '', /^Read its images and versions to create VMs/);
    assert.match(search?.placeholder ?? '', /^Type to filter the roles that can be given on gallery contoso_shared/);
    const names = search?.items?.map((i) => i.label) ?? [];
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'all roles, by name');
    assert.ok(names.includes('Virtual Machine Contributor') && names.includes('Compute Gallery Image Reader'));
    assert.equal(search?.items?.find((i) => i.label === 'Contoso Image Auditor')?.description, 'custom role');
    assert.equal(rolesAgain?.title, roles?.title, 'Escape in the long list returns to the gallery roles');
    assert.equal(searchAgain?.items?.length, search?.items?.length);
    const lists = (await requestLog()).filter((r) => r.method === 'GET' && /\/roleDefinitions$/i.test(r.path.split('?')[0] ?? ''));
    assert.equal(lists.length, 1, 'every role is listed once, when first searched');

    assert.equal(result?.role.roleName, 'Contoso Image Auditor');
    const made = (await emulatorState()).roleAssignments.find((a) => a.scope.toLowerCase() === SHARED_ID.toLowerCase() && a.principalId === USERS.alan.id && a.roleDefinitionId.endsWith(ROLE_IDS['Contoso Image Auditor']));
    assert.ok(made, 'the searched role was given');
    await ui.waitFor('info', /^Granted Contoso Image Auditor on gallery contoso_shared to Alan Turing/);

    // From options, a role outside the gallery roles is found the same way.
    const byName = await grant({ scope: SHARED_ID, role: 'Virtual Machine Contributor', principal: USERS.grace.mail });
    assert.equal(byName?.role.name, ROLE_IDS['Virtual Machine Contributor']);
  });
});
