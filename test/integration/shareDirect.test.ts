import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery } from '../../src/azure/types';
import type { SharingReport } from '../../src/commands/shareDirect';
import { validateGuidList } from '../../src/model/guids';
import { whatMustChangeBeforeAdd } from '../../src/model/sharing';
import { CANCEL, ScriptedPrompter, emulatorState, useDemoSession } from './createHelpers';
import type { GalleryNode } from '../../src/tree/nodes/galleryNode';
import { emulatorAdmin, eventually, item, nodeAt } from './helpers';
import { COMMUNITY_ID, DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, PRIVATE_ID, SHARED_ID, assertNoProblems, azureSnapshot, clearRequestLog, sharingProfileOf, writes } from './shareHelpers';

const add = (...args: unknown[]) => vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.addSharingGroups', ...args);
const remove = (...args: unknown[]) => vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.removeSharingGroups', ...args);
const show = (...args: unknown[]) => vscode.commands.executeCommand<SharingReport | undefined>('azureComputeGallery.showSharing', ...args);

const FABRIKAM_SUB = '00000000-0000-4000-8000-00000000b001';
const OTHER_SUB = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const THIRD_TENANT = '77777777-6666-4555-8444-333333333333';
const PRODUCTION_SUB = '00000000-0000-4000-8000-00000000a001';

function idsOf(profile: ReturnType<typeof sharingProfileOf>, type: string): string[] {
  return (profile?.groups ?? []).filter((g) => g.type === type).flatMap((g) => g.ids.map((i) => i.toLowerCase())).sort();
}

describe('Share: direct sharing with subscriptions and tenants (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it('shares with several subscriptions at once, pasted with any separators; bad and known ids are refused while typing', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_shared');
    const prompter = new ScriptedPrompter([
      { pickMany: ['Other subscriptions…'] },
      { probe: ['', 'not-a-guid', `${FABRIKAM_SUB}, 1234`, DEVELOPMENT_SUBSCRIPTION_ID] },
      `${FABRIKAM_SUB}\n${OTHER_SUB.toUpperCase()}; ${DEVELOPMENT_SUBSCRIPTION_ID}`,
      { pick: /^Share with 2 subscriptions$/ },
    ]);
    const updated = await add(gallery, { prompter });
    assertNoProblems(prompter);
    assert.deepEqual(prompter.titles, [
      'Share with Subscriptions or Tenants: Share with (step 1 of 2)',
      'Share with Subscriptions or Tenants: Other subscription ids (step 2 of 3)',
      'Share with Subscriptions or Tenants: Summary (step 3 of 3)',
    ]);
    const offered = prompter.prompts[0]?.items?.map((i) => i.label) ?? [];
    assert.ok(offered.includes('$(key) Contoso Production'), `the user's own subscriptions are offered by name: ${offered.join(', ')}`);
    assert.ok(!offered.includes('$(key) Contoso Development'), 'not the one it is shared with already');
    const messages = prompter.messagesFor('Other subscription ids');
    for (const v of ['', 'not-a-guid', `${FABRIKAM_SUB}, 1234`]) assert.equal(messages.get(v), validateGuidList(v, 'subscription ids'), v);
    assert.match(messages.get(DEVELOPMENT_SUBSCRIPTION_ID) ?? '', /already shared with this/);
    const summary = prompter.prompts[2]?.items?.map((i) => i.label) ?? [];
    assert.ok(summary.includes(FABRIKAM_SUB) && summary.includes(OTHER_SUB));
    assert.ok(summary.includes(`Contoso Development (${DEVELOPMENT_SUBSCRIPTION_ID})`), 'the one already shared is listed as left as it is, by name');
    assert.deepEqual(idsOf(sharingProfileOf(await emulatorState(), SHARED_ID), 'Subscriptions'), [DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_SUB, OTHER_SUB].sort());
    assert.deepEqual(updated?.groups.find((g) => g.type === 'Subscriptions')?.ids.map((i) => i.toLowerCase()).sort(), [DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_SUB, OTHER_SUB].sort());
    assert.match((await (gallery as GalleryNode).resolveTooltip()).value, new RegExp(OTHER_SUB), 'the hover lists the new subscription');
    await ui.waitFor('info', /^contoso_shared is now shared with 2 subscriptions\.$/);
  });

  it('shares with a tenant from options alone', async () => {
    const prompter = new ScriptedPrompter([]);
    await add({ gallery: SHARED_ID, tenantIds: [OTHER_TENANT], prompter });
    assert.equal(prompter.prompts.length, 0);
    assert.deepEqual(idsOf(sharingProfileOf(await emulatorState(), SHARED_ID), 'AADTenants'), [FABRIKAM_TENANT_ID, OTHER_TENANT].sort());
    await ui.waitFor('info', new RegExp(`^contoso_shared is now shared with tenant ${OTHER_TENANT}\\.$`)); // one tenant: "tenant <id>", never "tenants <id>"
  });

  it('shares with one of your subscriptions picked by name and a typed tenant in one run; each summary line goes back to where it was given', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_shared');
    const prompter = new ScriptedPrompter([
      { pickMany: ['Contoso Production', 'Other tenants…'] },
      THIRD_TENANT,
      { pick: /^Contoso Production/ },
      { accept: true },
      { accept: true },
      { pick: /^Share with subscription Contoso Production and tenant / },
    ]);
    await add(gallery, { prompter });
    assertNoProblems(prompter);
    const titles = prompter.titles.map((t) => t.replace(/^.*?: | \(step.*$/g, ''));
    assert.deepEqual(titles, ['Share with', 'Tenant ids', 'Summary', 'Share with', 'Tenant ids', 'Summary'], 'the subscription line goes back to the list it was picked from');
    const summary = prompter.prompts[2]?.items ?? [];
    assert.equal(summary.find((i) => i.label === THIRD_TENANT)?.goTo, 'Tenant ids');
    const profile = sharingProfileOf(await emulatorState(), SHARED_ID);
    assert.ok(idsOf(profile, 'Subscriptions').includes(PRODUCTION_SUB), 'the subscription');
    assert.ok(idsOf(profile, 'AADTenants').includes(THIRD_TENANT), 'and the tenant, in one run');
    await ui.waitFor('info', new RegExp(`^contoso_shared is now shared with subscription Contoso Production and tenant ${THIRD_TENANT}\\.$`));
  });

  it('refuses ids that are not GUIDs before sending anything, saying what to type', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    assert.equal(await add({ gallery: SHARED_ID, subscriptionIds: 'abc, 123' }), undefined);
    const error = await ui.waitFor('error', /abc/);
    assert.equal(error.message, `Share with Subscriptions or Tenants: Subscriptions: ${validateGuidList('abc, 123', 'subscription ids')} Nothing was shared.`);
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it('a failed share offers Edit and Try Again, which asks again with the ids given filled in', async () => {
    const id = '22222222-3333-4444-8555-666666666666';
    await emulatorAdmin('POST', '/_admin/config', { lro: { fail: { code: 'InternalOperationError', message: 'Injected: sharing failed.', method: 'POST', path: 'contoso_shared/share' } } });
    try {
      ui.respond = (n) => (n.kind === 'error' ? 'Edit and Try Again' : undefined);
      const prompter = new ScriptedPrompter([{ accept: true }, { accept: true }, CANCEL]);
      assert.equal(await add({ gallery: SHARED_ID, subscriptionIds: [id], prompter }), undefined);
      const error = await ui.waitFor('error', /Injected: sharing failed/);
      assert.ok(error.actions.includes('Edit and Try Again'), error.actions.join());
      await eventually(async () => assert.equal(prompter.remaining, 0));
      assertNoProblems(prompter);
      assert.deepEqual(prompter.titles.slice(0, 2), ['Share with Subscriptions or Tenants: Share with (step 1 of 3)', 'Share with Subscriptions or Tenants: Other subscription ids (step 2 of 3)']);
      assert.deepEqual(prompter.prompts[0]?.selected, ['$(edit) Other subscriptions…'], 'the ids given stand for "Other subscriptions…"');
      assert.equal(prompter.prompts[1]?.value, id, 'and are typed again');
    } finally {
      ui.respond = undefined;
      await emulatorAdmin('POST', '/_admin/config', { lro: { fail: null } });
    }
  });

  it('Add on a private gallery says what must change first; declining the switch, or refusing it, changes nothing', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    assert.equal(await add({ gallery: PRIVATE_ID, subscriptionIds: OTHER_SUB, switchToGroups: false }), undefined);
    const error = await ui.waitFor('error', /private/);
    assert.equal(error.message, `Share with Subscriptions or Tenants: contoso_images: ${whatMustChangeBeforeAdd({ permissions: 'Private' })} Nothing was changed.`);
    const declined = new ScriptedPrompter([{ confirm: false }]);
    assert.equal(await add({ gallery: PRIVATE_ID, subscriptionIds: OTHER_SUB, prompter: declined }), undefined);
    assertNoProblems(declined);
    assert.equal(declined.prompts[0]?.title, 'Switch contoso_images to direct sharing?');
    assert.match(declined.prompts[0]?.detail ?? '', /Azure allows this change/);
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');
  });

  it('offers the switch where Azure allows it: a private gallery becomes direct-shared, then the ids are added', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const prompter = new ScriptedPrompter([{ pickMany: ['Other tenants…'] }, OTHER_TENANT, { pick: /^Share with tenant / }]);
    const updated = await add(gallery, { prompter });
    assertNoProblems(prompter);
    assert.ok(prompter.prompts[2]?.items?.some((i) => /First: switch to direct sharing/.test(i.label)), 'the summary says the gallery is switched first');
    assert.equal(updated?.permissions, 'Groups');
    const profile = sharingProfileOf(await emulatorState(), PRIVATE_ID);
    assert.equal(profile?.permissions, 'Groups');
    assert.deepEqual(idsOf(profile, 'AADTenants'), [OTHER_TENANT]);
    assert.equal((await item(gallery)).contextValue, 'acg.gallery.groups', 'the tree shows the new kind (and its menus)');
    assert.match(String((await item(gallery)).description), /Direct share/);
    await ui.waitFor('info', /^contoso_images is now shared with tenant 99999999-8888-4777-8666-555555555555 \(its sharing was switched from private to direct share\)\.$/);
    const path = (await writes()).filter((w) => w.includes('contoso_images'));
    assert.deepEqual(path.map((w) => w.split(' ')[0]), ['PATCH', 'POST'], 'the gallery update, then the share');
  });

  it('Add on a community gallery says it must be reset first, and changes nothing', async () => {
    const before = await azureSnapshot();
    assert.equal(await add({ gallery: COMMUNITY_ID, subscriptionIds: OTHER_SUB, switchToGroups: true }), undefined);
    const warning = await ui.waitFor('warning', /community gallery/);
    assert.deepEqual(warning.actions, ['Reset Sharing…']);
    assert.equal(await azureSnapshot(), before);
  });

  it('removing a subscription the gallery is not shared with is refused by name, before anything is sent', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    const absent = '12345678-1234-4234-8234-123456789abc';
    assert.equal(await remove({ gallery: SHARED_ID, subscriptionIds: [absent], confirmed: true }), undefined);
    const error = await ui.waitFor('error', /is not shared with/);
    assert.match(error.message, new RegExp(`^Stop Sharing with Subscriptions or Tenants: contoso_shared is not shared with subscription ${absent}\\. It is shared with subscription Contoso Development \\(${DEVELOPMENT_SUBSCRIPTION_ID}\\).* Nothing was changed\\.$`));
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it('stops sharing with what is picked, after a confirmation naming who loses access; dismissing it changes nothing', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_shared');
    const before = await azureSnapshot();
    const declined = new ScriptedPrompter([{ pickMany: ['Contoso Development', 'Fabrikam'] }, { confirm: false }]);
    assert.equal(await remove(gallery, { prompter: declined }), undefined);
    assertNoProblems(declined);
    assert.equal(declined.prompts[1]?.title, 'Stop sharing contoso_shared with 2 subscriptions and tenants?');
    assert.match(declined.prompts[1]?.detail ?? '', new RegExp(`everyone in subscription Contoso Development \\(${DEVELOPMENT_SUBSCRIPTION_ID}\\)\\n• everyone in tenant Fabrikam \\(${FABRIKAM_TENANT_ID}\\)`));
    assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');

    const accepted = new ScriptedPrompter([{ pickMany: ['Contoso Development'] }, { confirm: true }]);
    await remove(gallery, { prompter: accepted });
    const profile = sharingProfileOf(await emulatorState(), SHARED_ID);
    assert.ok(!idsOf(profile, 'Subscriptions').includes(DEVELOPMENT_SUBSCRIPTION_ID));
    assert.ok(idsOf(profile, 'AADTenants').includes(FABRIKAM_TENANT_ID), 'what was not picked stays');
  });

  it('shows whom a gallery is shared with, subscriptions by name, with the actions that apply', async () => {
    const prompter = new ScriptedPrompter([CANCEL]);
    const report = await show({ gallery: SHARED_ID, prompter });
    assert.equal(report?.permissions, 'Groups');
    assert.ok(report?.tenants.includes(FABRIKAM_TENANT_ID));
    const labels = prompter.prompts[0]?.items?.map((i) => i.label) ?? [];
    assert.ok(labels.includes(`$(organization) ${FABRIKAM_TENANT_ID}`));
    assert.ok(labels.includes('$(add) Share with subscriptions or tenants…'));
    assert.ok(labels.includes('$(discard) Reset sharing…'));
    const community = new ScriptedPrompter([CANCEL]);
    const publicReport = await show({ gallery: COMMUNITY_ID, prompter: community });
    assert.equal(publicReport?.communityEnabled, true);
    assert.ok(community.prompts[0]?.items?.some((i) => /ContosoPublic-/.test(i.label) && i.description === 'public name'));
    assert.ok(!community.prompts[0]?.items?.some((i) => /Share with subscriptions/.test(i.label)), 'a community gallery cannot also share directly');
  });
});
