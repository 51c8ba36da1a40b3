import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrantAccessResult, ManageAccessResult } from '../../src/commands/shareAccess';
import { noPrincipalFound, validatePrincipalQuery } from '../../src/model/principals';
import { CANCEL, ScriptedPrompter, UBUNTU_ID, emulatorState, useDemoSession } from './createHelpers';
import { emulatorAdmin, extensionApi, nodeAt, signInToLocalAzure } from './helpers';
import { GROUPS, LOCAL_PRINCIPAL, PRIVATE_ID, ROLE_IDS, SHARED_ID, USERS, assertNoProblems, azureSnapshot, clearRequestLog, requestLog, writes } from './shareHelpers';

const grant = (...args: unknown[]) => vscode.commands.executeCommand<GrantAccessResult | undefined>('azureComputeGallery.grantAccess', ...args);
const manage = (...args: unknown[]) => vscode.commands.executeCommand<ManageAccessResult | undefined>('azureComputeGallery.manageAccess', ...args);
const GRANT = { pick: /^Grant / };

async function assignmentsAt(scope: string) {
  return (await emulatorState()).roleAssignments.filter((a) => a.scope.toLowerCase() === scope.toLowerCase());
}

describe('Share: access control (extension host, local Azure)', () => {
  const ui = useDemoSession({ cleanUp: async () => void (await emulatorAdmin('POST', '/_admin/config', { tokenLifetimeSeconds: 3600 })) });

  it('gives Reader (the default) on a gallery to a user found by e-mail, showing the name and kind found first', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const prompter = new ScriptedPrompter([{ accept: true }, { probe: ['', 'ada@', 'ada lovelace@contoso.com'] }, 'grace.hopper@contoso.com', GRANT]);
    const result = await grant(gallery, { prompter });
    assertNoProblems(prompter);
    assert.deepEqual(prompter.titles, ['Grant Access: Role (step 1 of 3)', 'Grant Access: Who (step 2 of 3)', 'Grant Access: Summary (step 3 of 3)']);
    assert.deepEqual(prompter.prompts[0]?.selected, ['Reader'], 'Reader is the default');
    assert.deepEqual(prompter.prompts[0]?.items?.map((i) => i.label), ['Compute Gallery Image Reader', 'Compute Gallery Artifacts Publisher', 'Compute Gallery Sharing Admin', 'Reader', 'Contributor', 'Owner', '$(search) Search all roles…']);
    for (const [value, message] of prompter.messagesFor('Who')) {
      if (value !== 'grace.hopper@contoso.com') assert.equal(message, validatePrincipalQuery(value), value);
    }
    const summary = prompter.prompts[2];
    assert.equal(summary?.items?.[0]?.label, '$(check) Grant Reader to Grace Hopper');
    assert.match(summary?.items?.find((i) => i.label === 'Who')?.description ?? '', /^Grace Hopper \(user, grace\.hopper@contoso\.com\)$/, 'the display name and kind found are shown');
    assert.equal(result?.existed, false);
    const created = (await assignmentsAt(PRIVATE_ID)).find((a) => a.principalId === USERS.grace.id);
    assert.ok(created, 'the role assignment exists at the gallery');
    assert.equal(created.principalType, 'User');
    assert.ok(created.roleDefinitionId.endsWith(ROLE_IDS.Reader));
    await ui.waitFor('info', /^Granted Reader on gallery contoso_images to Grace Hopper \(user, grace\.hopper@contoso\.com\)\.$/);
  });

  it('finds a group by the start of its name and an application by its app id; other roles on a definition and a version, from options alone', async () => {
    const prompter = new ScriptedPrompter([]);
    const group = await grant({ scope: UBUNTU_ID, role: 'Compute Gallery Sharing Admin', principal: 'image pub', prompter });
    assert.equal(prompter.prompts.length, 0, 'complete options ask nothing');
    assert.equal(group?.principal.displayName, GROUPS.publishers.displayName);
    assert.equal(group?.principal.kind, 'Group');
    const onDefinition = (await assignmentsAt(UBUNTU_ID)).find((a) => a.principalId === GROUPS.publishers.id);
    assert.ok(onDefinition?.roleDefinitionId.endsWith(ROLE_IDS['Compute Gallery Sharing Admin']));
    assert.equal(onDefinition?.principalType, 'Group');

    const version = `${UBUNTU_ID}/versions/1.0.0`;
    const app = await grant({ scope: version, role: ROLE_IDS.Contributor, principal: LOCAL_PRINCIPAL.clientId, prompter });
    assert.equal(app?.principal.kind, 'ServicePrincipal');
    const onVersion = (await assignmentsAt(version)).find((a) => a.principalId === LOCAL_PRINCIPAL.objectId);
    assert.equal(onVersion?.principalType, 'ServicePrincipal');
    await ui.waitFor('info', /^Granted Contributor on image version 1\.0\.0 of ubuntu-22\.04-lts to acg-local-emulator \(application, app id c0ffee00/);
  });

  it('asks which one when several match', async () => {
    const prompter = new ScriptedPrompter([{ accept: true }, 'A', 'Alan Turing', GRANT]);
    const result = await grant({ scope: SHARED_ID, prompter });
    assertNoProblems(prompter);
    const which = prompter.prompts.find((p) => p.title.includes('Which one'));
    assert.deepEqual(which?.items?.map((i) => i.label.replace(/^\$\([^)]*\) /, '')).sort(), ['Ada Lovelace', 'Alan Turing', 'acg-local-emulator'].sort());
    assert.match(which?.items?.find((i) => i.label.endsWith('acg-local-emulator'))?.description ?? '', /^application · application id c0ffee00/);
    assert.equal(result?.principal.id, USERS.alan.id);
  });

  it('reports an existing assignment plainly (made here, or inherited), and creates nothing', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    const here = await grant({ scope: SHARED_ID, role: 'Reader', principal: USERS.ada.mail });
    assert.equal(here?.existed, true);
    await ui.waitFor('info', /^Ada Lovelace \(user, ada\.lovelace@contoso\.com\) already has Reader on gallery contoso_shared: nothing was changed\.$/);
    const inherited = await grant({ scope: PRIVATE_ID, role: 'Owner', principal: LOCAL_PRINCIPAL.clientId });
    assert.equal(inherited?.existed, true);
    await ui.waitFor('info', /already has Owner on gallery contoso_images \(given on subscription 00000000-0000-4000-8000-00000000a001, which contains it\): nothing was changed\./);
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it('says plainly when nobody matches, before anything is sent, and keeps the question open', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    // (An e-mail address nobody has is offered a guest invitation instead: shareGuests.test.ts.)
    assert.equal(await grant({ scope: PRIVATE_ID, principal: 'Nobody Here' }), undefined);
    const error = await ui.waitFor('error', /Nobody Here/);
    assert.equal(error.message, `Grant Access: ${noPrincipalFound({ kind: 'name', value: 'Nobody Here' }, LOCAL_PRINCIPAL.tenantId)} Nothing was shared.`);
    assert.equal(await grant({ scope: PRIVATE_ID, principal: 'ada@' }), undefined);
    await ui.waitFor('error', /Type the whole address/);

    const prompter = new ScriptedPrompter([{ accept: true }, 'Pat Kim', CANCEL]);
    assert.equal(await grant({ scope: PRIVATE_ID, prompter }), undefined);
    assertNoProblems(prompter);
    assert.match(prompter.messagesFor('Who').get('Pat Kim') ?? '', /^No user, group or application in the directory of tenant a1b2c3d4-0000-4000-a000-000000000001 has a name starting with "Pat Kim"/, 'a user of another tenant is not found here');
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it("shows Azure's own refusal with what to do next (a role assignment for a principal Azure does not know)", async () => {
    // The directory still lists the user, but Azure no longer knows the principal: a replication delay.
    await emulatorAdmin('POST', '/_admin/config', {
      faults: [{ kind: 'error', status: 400, code: 'PrincipalNotFound', message: `Principal ${USERS.alan.id.replace(/-/g, '')} does not exist in the directory ${LOCAL_PRINCIPAL.tenantId}.`, method: 'PUT', path: 'roleAssignments', times: 1 }],
    });
    try {
      assert.equal(await grant({ scope: PRIVATE_ID, principal: USERS.alan.mail }), undefined);
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    }
    const error = await ui.waitFor('error', /PrincipalNotFound/);
    assert.match(error.message, /^Could not grant Reader on gallery contoso_images to Alan Turing \(user, alan\.turing@contoso\.com\): Principal d0d0d0d0.* does not exist in the directory .*\(code PrincipalNotFound\) Check that the person, group or application is in this tenant/);
  });

  it('lists who has access, with names, roles and where each assignment was made; inherited ones cannot be removed here', async () => {
    const prompter = new ScriptedPrompter([CANCEL]);
    const result = await manage({ scope: PRIVATE_ID, prompter });
    const list = prompter.prompts[0];
    assert.equal(list?.title, 'Manage Access: gallery contoso_images');
    const publishers = list?.items?.find((i) => i.label.endsWith('Image Publishers'));
    assert.equal(publishers?.description, 'Contributor · group');
    assert.equal(publishers?.detail, GROUPS.publishers.mail);
    const owner = list?.items?.find((i) => i.label.endsWith('acg-local-emulator') && /Owner/.test(i.description ?? ''));
    assert.equal(owner?.description, 'Owner · application · from subscription Contoso Production');
    assert.match(owner?.refusal ?? '', /is given on subscription Contoso Production: remove it there/);
    assert.ok(result?.entries.some((e) => e.who === 'Image Publishers' && e.where === 'here'));
    assert.deepEqual(result?.removed, []);
  });

  it('removes a role assignment only after a confirmation; dismissing it changes nothing', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const before = await azureSnapshot();
    const declined = new ScriptedPrompter([{ pick: /Image Publishers$/ }, { confirm: false }]);
    const kept = await manage(gallery, { prompter: declined });
    assertNoProblems(declined);
    assert.equal(declined.prompts[1]?.title, 'Remove Contributor for Image Publishers (group, image-publishers@contoso.com) from gallery contoso_images?');
    assert.match(declined.prompts[1]?.detail ?? '', /lose the access/);
    assert.deepEqual(kept?.removed, []);
    assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');

    const accepted = new ScriptedPrompter([{ pick: /Image Publishers$/ }, { confirm: true }]);
    const removed = await manage(gallery, { prompter: accepted });
    assert.equal(removed?.removed.length, 1);
    assert.ok(!(await assignmentsAt(PRIVATE_ID)).some((a) => a.principalId === GROUPS.publishers.id));
    await ui.waitFor('info', /^Removed Contributor for Image Publishers .* from gallery contoso_images\.$/);
  });

  it('refuses to remove what is not there (or is inherited) from options, naming what can be removed', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    assert.equal(await manage({ scope: SHARED_ID, remove: ['Nobody Here'], confirmed: true }), undefined);
    const error = await ui.waitFor('error', /Nobody Here/);
    assert.match(error.message, /no role assignment made on gallery contoso_shared matches "Nobody Here"\. Those that can be removed here: Reader for Ada Lovelace/);
    assert.equal(await manage({ scope: SHARED_ID, remove: [LOCAL_PRINCIPAL.objectId], confirmed: true }), undefined, 'the inherited Owner is not removable here');
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
    const removed = await manage({ scope: SHARED_ID, remove: [USERS.ada.mail], confirmed: true });
    assert.equal(removed?.removed[0]?.who, 'Ada Lovelace');
  });

  it('keeps working when the access token expires in the middle of a flow: the SDK gets a new one', async () => {
    // Short enough to expire in the flow, long enough not to expire in flight on a busy machine.
    await emulatorAdmin('POST', '/_admin/config', { tokenLifetimeSeconds: 5 });
    // A new sign-in, so that the tokens in use are the short-lived ones.
    const api = await extensionApi();
    api.explorer.resetSession();
    await signInToLocalAzure();
    await nodeAt('Contoso Production', 'contoso_shared');
    await clearRequestLog();
    let issuedBeforeWait = 0;
    const prompter = new ScriptedPrompter([
      { accept: true },
      'grace.hopper@contoso.com',
      async () => {
        // The ARM and Graph tokens are both in use by now; after the wait only ARM calls follow.
        issuedBeforeWait = (await requestLog()).filter((r) => /\/oauth2\/v2\.0\/token$/.test(r.path)).length;
        // Time must pass for a token to expire: no event can stand in for the clock.
        await new Promise((resolve) => setTimeout(resolve, 5500));
        return GRANT;
      },
    ]);
    const result = await grant({ scope: SHARED_ID, prompter });
    assertNoProblems(prompter);
    assert.equal(result?.existed, false);
    assert.ok((await assignmentsAt(SHARED_ID)).some((a) => a.principalId === USERS.grace.id), 'the role assignment was created with a refreshed token');
    const log = await requestLog();
    const tokens = log.filter((r) => /\/oauth2\/v2\.0\/token$/.test(r.path)).length;
    assert.ok(issuedBeforeWait >= 1, 'a token was in use before it expired');
    assert.ok(tokens > issuedBeforeWait, `new tokens were fetched after the first expired (${issuedBeforeWait} before, ${tokens} in all)`);
    assert.deepEqual(log.filter((r) => r.status === 401).map((r) => r.path), [], 'no request was sent with an expired token');
  });
});
