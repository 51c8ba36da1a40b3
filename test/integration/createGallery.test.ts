import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery } from '../../src/azure/types';
import type { CreateGalleryOptions } from '../../src/commands/createGallery';
import { publisherUriWarning, validateLegalAgreementUri, validatePublicNamePrefix, validatePublisherEmail, validatePublisherUri } from '../../src/model/communityInfo';
import { validateGalleryName, validateResourceGroupName } from '../../src/model/names';
import type { SubscriptionNode } from '../../src/tree/nodes/subscriptionNode';
import { mostUsedRegion } from '../../src/model/replication';
import { BACK, CANCEL, PRODUCTION, ScriptedPrompter, type ScriptedAnswer, emulatorState, inventory, resource, useDemoSession } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, item, labels, nodeAt } from './helpers';

const CREATE = { pick: /^Create gallery$/ };

async function createGallery(...args: unknown[]): Promise<Gallery | undefined> {
  return vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.createGallery', ...args);
}

function galleryId(resourceGroup: string, name: string): string {
  return `/subscriptions/${PRODUCTION}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/galleries/${name}`;
}

describe('Create Gallery (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it('creates a private gallery in an existing resource group, step by step, and reveals it', async () => {
    const prompter = new ScriptedPrompter(['Contoso Production', 'rg-images', 'team_images', 'East US', 'Images for the team', { accept: true }, CREATE]);
    const gallery = await createGallery({ prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.titles, [
      'Create Gallery: Subscription (step 1 of 7)',
      'Create Gallery: Resource group (step 2 of 7)',
      'Create Gallery: Name (step 3 of 7)',
      'Create Gallery: Region (step 4 of 7)',
      'Create Gallery: Description (step 5 of 7)',
      'Create Gallery: Sharing (step 6 of 7)',
      'Create Gallery: Summary (step 7 of 7)',
    ]);
    assert.deepEqual(prompter.prompts[5].selected, ['$(lock) Private'], 'Private is the default');
    assert.equal(prompter.prompts[3].selected?.[0], 'East US', "the resource group's region is preselected");
    const { explorer } = await extensionApi();
    const t = explorer.root.subscriptions.find((n) => n.subscription.name === 'Contoso Production')!.subscription.target;
    const locations = await explorer.azure().listLocations(t.cloud, t.credential, t.userAgent, t.subscriptionId);
    assert.ok(locations.length > 5);
    assert.deepEqual(prompter.prompts[3].items?.map((i) => i.label), locations.map((l) => l.displayName), "the regions offered are the subscription's locations");
    assert.ok(gallery);
    assert.equal(gallery.permissions, 'Private');
    assert.equal(gallery.provisioningState, 'Succeeded');
    const stored = resource(await emulatorState(), galleryId('rg-images', 'team_images'));
    assert.equal(stored?.properties.description, 'Images for the team');
    assert.equal(stored?.location, 'eastus');
    const node = await nodeAt('Contoso Production', 'team_images');
    assert.equal((await item(node)).description, 'eastus · Private');
    const api = await extensionApi();
    assert.equal((api.explorer.view?.selection[0] as { resourceId?: string } | undefined)?.resourceId, gallery.id, 'the new gallery is selected in the tree');
    await ui.waitFor('info', /^Created gallery team_images \(Private\) in East US\.$/);
  });

  it('creates a direct-share gallery in a new resource group, which is created only at the end', async () => {
    const subscription = (await nodeAt('Contoso Production')) as SubscriptionNode;
    let groupsBeforeSubmit: string[] = [];
    const prompter = new ScriptedPrompter([
      'Create new resource group…',
      'rg-new-galleries',
      'partner_images',
      'West US 2',
      '',
      'Direct share',
      async () => {
        groupsBeforeSubmit = (await emulatorState()).resourceGroups.map((g) => g.name);
        return CREATE;
      },
    ]);
    const gallery = await createGallery(subscription, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(
      prompter.titles.slice(0, 3),
      ['Create Gallery: Resource group (step 1 of 6)', 'Create Gallery: New resource group (step 2 of 7)', 'Create Gallery: Name (step 3 of 7)'],
      'from the subscription node the subscription is not asked; a new resource group adds its name step',
    );
    assert.ok(!groupsBeforeSubmit.includes('rg-new-galleries'), 'nothing is created before the summary is confirmed');
    const usual = mostUsedRegion((await emulatorState()).resourceGroups.filter((g) => g.subscriptionId === PRODUCTION && g.name !== 'rg-new-galleries').map((g) => g.location));
    const region = prompter.prompts.find((p) => p.title.startsWith('Create Gallery: Region'));
    assert.deepEqual(region?.selected, [region?.items?.find((i) => i.description === usual)?.label], `a new group's regions start on the subscription's most used one (${usual}), not the first`);
    assert.notEqual(region?.selected?.[0], region?.items?.[0]?.label);
    assert.equal(gallery?.permissions, 'Groups');
    const state = await emulatorState();
    assert.deepEqual(
      state.resourceGroups.filter((g) => g.name === 'rg-new-galleries').map((g) => g.location),
      ['westus2'],
      "the new resource group is in the gallery's region",
    );
    const stored = resource(state, galleryId('rg-new-galleries', 'partner_images'));
    assert.deepEqual(stored?.properties.sharingProfile, { permissions: 'Groups' });
    assert.equal(stored?.properties.description, undefined, 'an empty description is not sent');
    const done = await ui.waitFor('info', /^Created gallery partner_images \(Direct share\) in West US 2\.$/);
    assert.deepEqual(done.actions, ['Share…', 'Create Image Definition'], 'a gallery made to be shared offers sharing it next');
  });

  it('creates a community gallery: a public notice first, each publisher detail validated as it is typed', async () => {
    const prompter = new ScriptedPrompter([
      'Community',
      { confirm: false },
      'Community',
      { confirm: true },
      { probe: ['', 'http://contoso.example', 'https://intranet/', 'https://user:pw@contoso.example/', 'not a url'] },
      'https://contoso.example/images',
      { probe: ['', 'support', 'a@b', 'a b@contoso.example'] },
      'images@contoso.example',
      { probe: ['', 'ftp://contoso.example/eula'] },
      'https://contoso.example/eula',
      { probe: ['', 'abcd', 'abcde', 'a'.repeat(16), 'a'.repeat(17), 'Contoso-Pub'] },
      'ContosoImages',
      CREATE,
    ]);
    const options: CreateGalleryOptions = { subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'community_images', location: 'eastus', description: 'Public images', prompter };
    const gallery = await createGallery(options);
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(
      prompter.prompts.filter((p) => p.kind !== 'confirm').map((p) => p.title),
      [
        'Create Gallery: Sharing (step 1 of 2)',
        'Create Gallery: Sharing (step 1 of 2)',
        'Create Gallery: Publisher website (step 2 of 6)',
        'Create Gallery: Publisher e-mail (step 3 of 6)',
        'Create Gallery: Legal agreement (step 4 of 6)',
        'Create Gallery: Public name prefix (step 5 of 6)',
        'Create Gallery: Summary (step 6 of 6)',
      ],
      'answers given up front are not asked; Community adds its four steps',
    );
    const notice = prompter.prompts.find((p) => p.kind === 'confirm');
    assert.match(notice?.detail ?? '', /shown to every Azure user/);
    for (const [value, message] of prompter.messagesFor('Publisher website')) assert.equal(message, validatePublisherUri(value), value);
    for (const [value, message] of prompter.messagesFor('Publisher e-mail')) assert.equal(message, validatePublisherEmail(value), value);
    for (const [value, message] of prompter.messagesFor('Legal agreement')) assert.equal(message, validateLegalAgreementUri(value), value);
    const prefix = prompter.messagesFor('Public name prefix');
    for (const [value, message] of prefix) assert.equal(message, validatePublicNamePrefix(value), value);
    assert.equal(prefix.get('abcde'), undefined, '5 characters is the shortest prefix');
    assert.equal(prefix.get('a'.repeat(16)), undefined, '16 characters is the longest');
    assert.match(prefix.get('abcd') ?? '', /at least 5/);
    // Azure takes any non-empty text there: an http:// or intranet link is a warning, not a refusal.
    assert.equal(prompter.messagesFor('Publisher website').get('http://contoso.example'), undefined);
    assert.match(prompter.messagesFor('Publisher website').get('') ?? '', /^Enter the publisher website/);
    for (const [value, warning] of prompter.warningsFor('Publisher website')) assert.equal(warning, publisherUriWarning(value), value);
    assert.match(prompter.warningsFor('Publisher website').get('http://contoso.example') ?? '', /https:\/\//);
    assert.match(prompter.warningsFor('Publisher website').get('https://intranet/') ?? '', /public site/);
    assert.match(prompter.warningsFor('Legal agreement').get('ftp://contoso.example/eula') ?? '', /https:\/\//);
    assert.ok(prompter.prompts.find((p) => p.title.includes('Publisher website'))?.prompt?.includes('shown publicly'));
    assert.ok(prompter.prompts.at(-1)?.items?.some((i) => /Shown publicly/.test(i.label)), 'the summary repeats that the details are public');
    assert.equal(gallery?.permissions, 'Community');
    const info = (resource(await emulatorState(), galleryId('rg-images', 'community_images'))?.properties.sharingProfile as { communityGalleryInfo: Record<string, unknown> })
      .communityGalleryInfo;
    assert.equal(info.publisherUri, 'https://contoso.example/images');
    assert.equal(info.publisherContact, 'images@contoso.example');
    assert.equal(info.eula, 'https://contoso.example/eula');
    assert.equal(info.publicNamePrefix, 'ContosoImages');
    assert.match(String((info.publicNames as string[])[0]), /^ContosoImages-[0-9a-f-]{36}$/);
    const done = await ui.waitFor('info', /^Created gallery community_images \(Community\)/);
    assert.match(done.message, /It is not public until it is published: Share… publishes it\.$/);
    assert.deepEqual(done.actions, ['Share…', 'Create Image Definition']);
  });

  it('asks nothing when every answer is in the options object', async () => {
    const prompter = new ScriptedPrompter([]);
    const gallery = await createGallery({ subscriptionId: PRODUCTION, resourceGroup: 'rg-image-builds', name: 'quiet_gallery', location: 'westeurope', sharing: 'Private', prompter });
    assert.equal(prompter.prompts.length, 0);
    assert.equal(gallery?.location, 'westeurope');
    assert.ok(resource(await emulatorState(), galleryId('rg-image-builds', 'quiet_gallery')));
  });

  it('refuses invalid options before sending anything, with the rule that was broken', async () => {
    const before = await inventory();
    const result = await createGallery({ subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'bad-name', location: 'eastus', sharing: 'Private', prompter: new ScriptedPrompter([]) });
    assert.equal(result, undefined);
    const [message] = ui.errors();
    assert.ok(message?.includes(validateGalleryName('bad-name') ?? 'unreachable'), message);
    assert.match(message ?? '', /^Create Gallery: .* Nothing was created\.$/);
    assert.deepEqual(await inventory(), before);
  });

  it('checks names as they are typed with the model rules, accepting the boundary cases', async () => {
    const before = await inventory();
    const longest = `g${'1'.repeat(79)}`;
    const prompter = new ScriptedPrompter([
      'Contoso Production',
      'Create new resource group…',
      { probe: ['', 'rg with space', 'rg.', 'r'.repeat(91), 'r'.repeat(90), 'rg-images', 'RG-IMAGES', 'rg_(new).x'] },
      'rg-fresh',
      { probe: ['', 'a-b', '_a', 'a.', 'a b', 'é', `${longest}x`, longest, 'a', 'a_', 'A.b_1', 'contoso_images', 'CONTOSO_SHARED'] },
      CANCEL,
    ]);
    assert.equal(await createGallery({ prompter }), undefined);
    assert.deepEqual(prompter.problems, []);
    const groups = prompter.messagesFor('New resource group');
    for (const value of ['', 'rg with space', 'rg.', 'r'.repeat(91), 'r'.repeat(90), 'rg_(new).x']) assert.equal(groups.get(value), validateResourceGroupName(value), value);
    assert.equal(groups.get('r'.repeat(90)), undefined, '90 characters is the longest resource group name');
    assert.match(groups.get('rg-images') ?? '', /already exists in this subscription: go Back and pick it/);
    assert.match(groups.get('RG-IMAGES') ?? '', /already exists/, 'resource group names compare case-insensitively');
    const names = prompter.messagesFor('Name');
    for (const value of ['', 'a-b', '_a', 'a.', 'a b', 'é', `${longest}x`]) {
      assert.ok(names.get(value), `"${value}" is refused`);
      assert.equal(names.get(value), validateGalleryName(value), value);
    }
    for (const value of [longest, 'a', 'a_', 'A.b_1']) assert.equal(names.get(value), undefined, `"${value}" is accepted`);
    assert.match(names.get('contoso_images') ?? '', /already exists in this subscription \(resource group rg-images\).*choose another name/);
    assert.match(names.get('CONTOSO_SHARED') ?? '', /"contoso_shared" already exists/, 'gallery names are unique case-insensitively');
    assert.deepEqual(await inventory(), before, 'Escape creates nothing, not even the new resource group');
  });

  it('Back keeps every answer given so far', async () => {
    const prompter = new ScriptedPrompter(['Contoso Production', 'rg-images', 'kept_name', 'West Europe', 'kept description', BACK, BACK, BACK, { accept: true }, { accept: true }, { accept: true }, { accept: true }, CANCEL]);
    await createGallery({ prompter });
    assert.deepEqual(prompter.problems, []);
    const byTitle = (part: string) => prompter.prompts.filter((p) => p.title.includes(part));
    assert.equal(byTitle('Name')[1]?.value, 'kept_name');
    assert.deepEqual(byTitle('Region')[1]?.selected, ['West Europe']);
    assert.equal(byTitle('Description')[1]?.value, 'kept description');
    assert.deepEqual(byTitle('Resource group')[0]?.selected, [], 'nothing chosen at first');
    assert.deepEqual(prompter.prompts.at(-2)?.selected, ['$(lock) Private']);
    assert.equal(prompter.prompts.at(-1)?.title, 'Create Gallery: Summary (step 7 of 7)');
    assert.ok(prompter.prompts.at(-1)?.items?.some((i) => i.label === 'Name' && i.description === 'kept_name'), 'the summary shows the kept answers');
  });

  it('Escape at any step leaves nothing created', async () => {
    const answers: ScriptedAnswer[] = ['Contoso Production', 'Create new resource group…', 'rg-escape', 'escape_gallery', 'East US', '', 'Community', { confirm: true }, 'https://contoso.example/', 'a@contoso.example', 'https://contoso.example/eula', 'EscapePrefix'];
    const before = await inventory();
    for (let at = 0; at <= answers.length; at++) {
      if (typeof answers[at] === 'object') continue; // the public notice is a confirmation, not a step
      const prompter = new ScriptedPrompter([...answers.slice(0, at), CANCEL]);
      assert.equal(await createGallery({ prompter }), undefined, `Escape after ${at} answers`);
      assert.deepEqual(prompter.problems, [], `Escape after ${at} answers`);
    }
    assert.deepEqual(await inventory(), before);
  });

  it("shows Azure's own message when Azure refuses (a name taken meanwhile in another resource group)", async () => {
    const subscription = (await nodeAt('Contoso Production')) as SubscriptionNode;
    const api = await extensionApi();
    const prompter = new ScriptedPrompter([
      'rg-images',
      'raced_gallery',
      'East US',
      '',
      'Private',
      async () => {
        // Someone else takes the name after it was checked, before Create.
        await api.explorer.azure().createGallery(subscription.subscription.target, 'rg-image-builds', 'raced_gallery', { location: 'eastus', sharing: 'Private' }, { pollIntervalMs: 200 });
        return CREATE;
      },
    ]);
    assert.equal(await createGallery(subscription, { prompter }), undefined);
    const error = await ui.waitFor('error', /raced_gallery/);
    assert.match(error.message, /^Could not create gallery "raced_gallery": The gallery name 'raced_gallery' is not unique within the subscription/);
    assert.match(error.message, /\(code GalleryNameNotUnique\) Choose another name/);
    assert.deepEqual(error.actions, ['Edit and Try Again']);
    assert.ok(!resource(await emulatorState(), galleryId('rg-images', 'raced_gallery')));
  });

  it("reports a failed long-running create with Azure's message, and Edit and Try Again asks again with every answer kept", async () => {
    await emulatorAdmin('POST', '/_admin/config', { lro: { fail: { code: 'GalleryCreationFailed', message: 'Injected: the gallery could not be provisioned.', method: 'PUT', path: 'galleries/retry_gallery' } } });
    try {
      ui.respond = (n) => (n.kind === 'error' ? 'Edit and Try Again' : undefined);
      let retried = false;
      const prompter = new ScriptedPrompter([
        'Contoso Production',
        'rg-images',
        'retry_gallery',
        'North Europe',
        'first try',
        'Private',
        CREATE,
        // The second run: every step again, each showing the answer given the first time.
        (prompt) => {
          retried = true;
          assert.equal(prompt.title, 'Create Gallery: Subscription (step 1 of 7)');
          return { accept: true };
        },
        { accept: true },
        { accept: true },
        { accept: true },
        { accept: true },
        { accept: true },
        CANCEL,
      ]);
      assert.equal(await createGallery({ prompter }), undefined);
      const error = await ui.waitFor('error', /retry_gallery/);
      assert.match(error.message, /^Could not create gallery "retry_gallery": Injected: the gallery could not be provisioned\. \(code GalleryCreationFailed\)/);
      await eventually(async () => assert.equal(prompter.remaining, 0));
      assert.ok(retried);
      assert.deepEqual(prompter.problems, []);
      const second = prompter.prompts.slice(7);
      assert.deepEqual(second.map((p) => p.value ?? p.selected?.join()), ['Contoso Production', 'rg-images', 'retry_gallery', 'North Europe', 'first try', '$(lock) Private', '$(check) Create gallery']);
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { lro: { fail: null } });
    }
  });

  it('options refused before sending offer Edit and Try Again, which asks every step with the answers given', async () => {
    ui.respond = (n) => (n.kind === 'error' ? 'Edit and Try Again' : undefined);
    const prompter = new ScriptedPrompter([
      { accept: true },
      { accept: true },
      'fixed_gallery', // the refused name, typed again
      { accept: true },
      { accept: true },
      { accept: true },
      CANCEL,
    ]);
    const before = await inventory();
    const result = await createGallery({ subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'bad-name', location: 'eastus', description: 'given', sharing: 'Private', prompter });
    assert.equal(result, undefined, 'cancelled in the second run');
    const error = await ui.waitFor('error', /^Create Gallery: Name:/);
    assert.equal(error.message, `Create Gallery: Name: ${validateGalleryName('bad-name')} Nothing was created.`);
    assert.deepEqual(error.actions, ['Edit and Try Again']);
    assert.equal(prompter.remaining, 0);
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(
      prompter.prompts.map((p) => p.value ?? p.selected?.join()),
      ['Contoso Production', 'rg-images', 'bad-name', 'East US', 'given', '$(lock) Private', '$(check) Create gallery'],
      'each step shows the answer given',
    );
    assert.deepEqual(await inventory(), before);
  });

  it('offers Create Gallery where a subscription has none', async () => {
    await emulatorAdmin('POST', '/_admin/reset', { seed: 'empty' });
    await vscode.commands.executeCommand('azureComputeGallery.refresh');
    try {
      const roots = await children();
      const [subscription] = roots;
      const [empty] = await children(subscription);
      const emptyItem = await item(empty);
      assert.match(String(emptyItem.label), /No galleries in this subscription\. Create Gallery…/);
      assert.equal(emptyItem.command?.command, 'azureComputeGallery.createGallery');
      assert.deepEqual(emptyItem.command?.arguments, [subscription]);
      assert.ok((await labels(roots)).length > 0);
    } finally {
      await emulatorAdmin('POST', '/_admin/reset', { seed: 'demo' });
      await vscode.commands.executeCommand('azureComputeGallery.refresh');
    }
  });
});
