import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery } from '../../src/azure/types';
import { validatePublicNamePrefix, validatePublisherEmail } from '../../src/model/communityInfo';
import { CANCEL, ScriptedPrompter, emulatorState, useDemoSession } from './createHelpers';
import { eventually, item, nodeAt } from './helpers';
import { COMMUNITY_ID, DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, PRIVATE_ID, SHARED_ID, assertNoProblems, azureSnapshot, clearRequestLog, sharingProfileOf, writes } from './shareHelpers';

const sharePublicly = (...args: unknown[]) => vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.sharePublicly', ...args);
const reset = (...args: unknown[]) => vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.resetSharing', ...args);
const DEMO_PUBLIC_NAME = 'ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b';
const INFO = ['https://images.contoso.example/', 'images@contoso.example', 'https://images.contoso.example/eula', 'ContosoGolden'];

describe('Share: publicly (community) and reset (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it('refuses to enable community sharing without the community information, naming what is missing, before anything is sent', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    assert.equal(await sharePublicly({ gallery: PRIVATE_ID, community: { publisherUri: INFO[0] }, confirmed: true }), undefined);
    const error = await ui.waitFor('error', /community information/);
    assert.match(error.message, /^Share Publicly: contoso_images needs its community information first, and the publisher e-mail, legal agreement \(EULA\) link and public name prefix are missing\./);
    assert.match(error.message, /Nothing was changed\.$/);
    assert.equal(await sharePublicly({ gallery: PRIVATE_ID, community: { publisherUri: INFO[0], publisherContact: 'images', eula: INFO[2], publicNamePrefix: 'abc' }, confirmed: true }), undefined);
    const invalid = await ui.waitFor('error', /Publisher e-mail/);
    assert.ok(invalid.message.includes(validatePublisherEmail('images') ?? 'unreachable'));
    assert.ok(invalid.message.includes(validatePublicNamePrefix('abc') ?? 'unreachable'));
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it('asks for the community information first, then warns naming exactly what becomes public; dismissing the warning changes nothing', async () => {
    const before = await azureSnapshot();
    const prompter = new ScriptedPrompter([{ probe: ['http://images.contoso.example'] }, ...INFO, { confirm: false }]);
    assert.equal(await sharePublicly({ gallery: PRIVATE_ID, prompter }), undefined);
    assertNoProblems(prompter);
    assert.deepEqual(
      prompter.prompts.filter((p) => p.kind === 'input').map((p) => p.title),
      [
        'Share Publicly: Publisher website (step 1 of 4)',
        'Share Publicly: Publisher e-mail (step 2 of 4)',
        'Share Publicly: Legal agreement (step 3 of 4)',
        'Share Publicly: Public name prefix (step 4 of 4)',
      ],
    );
    // Azure takes any non-empty text: an http:// link is warned about, and may be sent.
    assert.equal(prompter.messagesFor('Publisher website').get('http://images.contoso.example'), undefined);
    assert.match(prompter.warningsFor('Publisher website').get('http://images.contoso.example') ?? '', /Use an https:\/\/ address for the publisher website/);
    assert.equal(prompter.prompts[0]?.prompt, "The publisher's website for contoso_images, shown publicly to every Azure user, e.g. https://www.contoso.com/");
    const warning = prompter.prompts.find((p) => p.kind === 'confirm');
    assert.equal(warning?.title, 'Share contoso_images publicly? Every Azure user will see it.');
    const detail = warning?.detail ?? '';
    for (const expected of [
      'Public name: ContosoGolden-<GUID Azure adds>',
      'Publisher e-mail: images@contoso.example',
      'Publisher website: https://images.contoso.example/',
      'Legal agreement: https://images.contoso.example/eula',
      'ubuntu-22.04-lts: Contoso / UbuntuServer / 22_04-lts-gen2',
      'windows-server-2022: Contoso / WindowsServer / 2022-datacenter-azure-edition',
    ]) {
      assert.ok(detail.includes(expected), `the warning names "${expected}":\n${detail}`);
    }
    assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');
  });

  it('shares publicly after the warning: the gallery becomes a community gallery, published, with its public name shown and copied', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    ui.respond = (n) => (n.actions.includes('Copy Public Name') ? 'Copy Public Name' : undefined);
    const prompter = new ScriptedPrompter([...INFO, { confirm: true }]);
    const updated = await sharePublicly(gallery, { prompter });
    assertNoProblems(prompter);
    const publicName = updated?.community?.publicNames[0] ?? '';
    assert.match(publicName, /^ContosoGolden-[0-9a-f-]{36}$/);
    assert.equal(updated?.community?.enabled, true);
    const info = sharingProfileOf(await emulatorState(), PRIVATE_ID)?.communityGalleryInfo;
    assert.equal(sharingProfileOf(await emulatorState(), PRIVATE_ID)?.permissions, 'Community');
    assert.equal(info?.communityGalleryEnabled, true);
    assert.equal(info?.publisherContact, 'images@contoso.example');
    await ui.waitFor('info', new RegExp(`^contoso_images is public: others find it by its public name ${publicName}\\.$`));
    await eventually(async () => assert.equal(await vscode.env.clipboard.readText(), publicName));
    assert.equal((await item(gallery)).contextValue, 'acg.gallery.community');
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.copyPublicName', gallery), publicName);
  });

  it('a gallery already public says so and offers its public name; one shared directly must be reset first', async () => {
    const before = await azureSnapshot();
    const same = await sharePublicly({ gallery: COMMUNITY_ID, prompter: new ScriptedPrompter([]) });
    assert.equal(same?.community?.publicNames[0], DEMO_PUBLIC_NAME);
    await ui.waitFor('info', new RegExp(`^contoso_community is already public as ${DEMO_PUBLIC_NAME}\\.$`));
    assert.equal(await sharePublicly({ gallery: SHARED_ID, prompter: new ScriptedPrompter([]) }), undefined);
    const warning = await ui.waitFor('warning', /shared directly/);
    assert.deepEqual(warning.actions, ['Reset Sharing…']);
    assert.match(warning.message, /^Share Publicly: contoso_shared is shared directly with 1 subscription and 1 tenant; a community gallery cannot also be shared directly\. Reset its sharing first/);
    assert.equal(await azureSnapshot(), before);
  });

  it('resets direct sharing to private after a confirmation listing who loses access; dismissing it changes nothing', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_shared');
    const before = await azureSnapshot();
    const declined = new ScriptedPrompter([{ confirm: false }]);
    assert.equal(await reset(gallery, { prompter: declined }), undefined);
    assert.equal(declined.prompts[0]?.title, 'Reset the sharing of contoso_shared to private?');
    const detail = declined.prompts[0]?.detail ?? '';
    assert.ok(detail.includes(`• everyone in subscription Contoso Development (${DEVELOPMENT_SUBSCRIPTION_ID})`), detail);
    assert.ok(detail.includes(`• everyone in tenant Fabrikam (${FABRIKAM_TENANT_ID})`), detail);
    assert.match(detail, /Azure RBAC access .* keep it/);
    assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');

    const updated = await reset(gallery, { prompter: new ScriptedPrompter([{ confirm: true }]) });
    assert.equal(updated?.permissions, 'Private');
    const profile = sharingProfileOf(await emulatorState(), SHARED_ID);
    assert.equal(profile?.permissions, 'Private');
    assert.deepEqual(profile?.groups ?? [], []);
    assert.equal((await item(gallery)).contextValue, 'acg.gallery.private');
    await ui.waitFor('info', /^contoso_shared is private again: everyone in subscription Contoso Development .* and everyone in tenant .* lost access\.$/);
  });

  it('resetting a community gallery names every Azure user and its public name; a private one has nothing to reset', async () => {
    const prompter = new ScriptedPrompter([{ confirm: true }]);
    await reset({ gallery: COMMUNITY_ID, prompter });
    const detail = prompter.prompts[0]?.detail ?? '';
    assert.ok(detail.includes(`every Azure user: ${DEMO_PUBLIC_NAME} leaves the community listing`), detail);
    assert.equal(sharingProfileOf(await emulatorState(), COMMUNITY_ID)?.permissions, 'Private');
    await clearRequestLog();
    const none = new ScriptedPrompter([CANCEL]);
    const same = await reset({ gallery: SHARED_ID, prompter: none });
    assert.equal(same?.permissions, 'Private');
    assert.equal(none.prompts.length, 0, 'nothing to confirm');
    await ui.waitFor('info', /^contoso_shared is already private/);
    assert.deepEqual(await writes(), []);
  });
});
