// Issue 13, image definitions and tags in the real extension host against the local Azure: every
// security type sent and stored as chosen, definition features at create and update, http:// and
// plain-text links taken with a warning, tags at create, and Edit Tags on each node kind sending only
// the tags (the resource read back as raw JSON differs in nothing else).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery, ImageDefinition, ImageVersion } from '../../src/azure/types';
import { SECURITY_TYPES } from '../../src/model/imageRules';
import type { TrafficPair } from '../emulator/emulator';
import { GALLERY_ID, PRODUCTION, RG_BUILDS, ScriptedPrompter, UBUNTU_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { emulatorAdmin, eventually, extensionApi, item, nodeAt, tooltipText } from './helpers';
import { clearRequestLog, writes } from './shareHelpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const CREATE_DEFINITION = { pick: /^Create image definition$/ };
const IMAGE_UBUNTU = `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;
const UBUNTU_1 = `${UBUNTU_ID}/versions/1.0.0`;

/** The bodies of the writes sent to a path (PUT/PATCH), from the local Azure's traffic record. */
async function sentBodies(method: string, idPart: string): Promise<Record<string, unknown>[]> {
  const traffic = (await emulatorAdmin('GET', '/_admin/traffic')) as TrafficPair[];
  return traffic
    .filter((t) => t.liveRequest.method === method && decodeURIComponent(new URL(t.liveRequest.url).pathname).toLowerCase() === idPart.toLowerCase())
    .map((t) => t.liveRequest.body as Record<string, unknown>);
}

/** The resource as Azure answers GET, from the local Azure's own state (properties, tags and all). */
async function stored(id: string) {
  const r = resource(await emulatorState(), id);
  assert.ok(r, `${id} exists`);
  return r;
}

/** Everything but the tags and the write's own bookkeeping. */
function withoutTags(r: Awaited<ReturnType<typeof stored>>): unknown {
  const { tags: _tags, operation: _op, provisioningState: _state, replication: _replication, ...rest } = r as unknown as Record<string, unknown>;
  return rest;
}

describe('Image definitions and tags (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 500 });

  it('sends every security type explicitly, Standard included, and Azure stores it as chosen', async () => {
    await clearRequestLog();
    for (const [i, t] of SECURITY_TYPES.entries()) {
      const name = `sec-${i}`;
      const created = await run<ImageDefinition>('createImageDefinition', {
        gallery: GALLERY_ID, name, osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: t, publisher: 'Contoso', offer: 'Sec', sku: `sec-${i}`,
      });
      assert.ok(created, `${t} was created: ${ui.errors().join(' | ')}`);
      const id = `${GALLERY_ID}/images/${name}`;
      const [body] = await sentBodies('PUT', id);
      assert.deepEqual((body.properties as { features: unknown }).features, [{ name: 'SecurityType', value: t }], `${t} is sent`);
      assert.deepEqual((await stored(id)).properties.features, [{ name: 'SecurityType', value: t }], `${t} is stored`);
      assert.equal(created.securityType, t);
    }
    // Generation 1 takes Standard only, and it is sent too.
    await run('createImageDefinition', { gallery: GALLERY_ID, name: 'sec-gen1', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V1', securityType: 'Standard', publisher: 'Contoso', offer: 'Sec', sku: 'sec-gen1' });
    assert.deepEqual((await stored(`${GALLERY_ID}/images/sec-gen1`)).properties.features, [{ name: 'SecurityType', value: 'Standard' }]);
  });

  it("without a security type the options get Azure's default for the generation, and the flow says what an absent one means", async () => {
    const v2 = await run<ImageDefinition>('createImageDefinition', { gallery: GALLERY_ID, name: 'sec-none-v2', osType: 'Linux', osState: 'Generalized', publisher: 'Contoso', offer: 'SecNone', sku: 'v2' });
    assert.equal(v2?.securityType, 'TrustedLaunchSupported');
    const v1 = await run<ImageDefinition>('createImageDefinition', { gallery: GALLERY_ID, name: 'sec-none-v1', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V1', publisher: 'Contoso', offer: 'SecNone', sku: 'v1' });
    assert.equal(v1?.securityType, 'Standard');
    assert.deepEqual((await stored(`${GALLERY_ID}/images/sec-none-v1`)).properties.features, [{ name: 'SecurityType', value: 'Standard' }]);

    // Interactively: the security step explains the default, and Standard is stored as Standard.
    const prompter = new ScriptedPrompter(['sec-std-v2', { pick: 'Standard' }, CREATE_DEFINITION]);
    const created = await run<ImageDefinition>('createImageDefinition', { gallery: GALLERY_ID, osType: 'Windows', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', publisher: 'Contoso', offer: 'SecStd', sku: 'std', prompter });
    assert.deepEqual(prompter.problems, []);
    const security = prompter.prompts.find((p) => p.title.includes('Security type'));
    assert.match(security?.placeholder ?? '', /left out, Azure makes a Generation 2 definition Trusted launch supported/);
    assert.match(security?.items?.find((i) => i.label === 'Standard')?.detail ?? '', /sent explicitly/);
    assert.deepEqual(security?.selected, ['Trusted launch supported'], "Azure's default is the suggestion");
    assert.equal(created?.securityType, 'Standard');
    assert.deepEqual((await stored(`${GALLERY_ID}/images/sec-std-v2`)).properties.features, [{ name: 'SecurityType', value: 'Standard' }]);
  });

  it('creates a definition with features, tags and an http:// EULA (a warning, not a refusal) under Advanced…', async () => {
    const prompter = new ScriptedPrompter([
      'feat-1',
      { accept: true }, // the security type Azure defaults to: Trusted launch supported
      { pick: /^Advanced…$/ },
      { pickMany: ['EULA link', 'Features', 'Tags'] },
      { probe: ['Plain-text EULA', 'https://www.contoso.com/eula'] },
      'http://www.contoso.com/eula',
      { pick: 'SCSI and NVMe' },
      { pick: 'Supported' },
      { pick: 'Not supported' },
      { probe: ['cost/center=1'] },
      'env=dev; owner=images',
      CREATE_DEFINITION,
    ]);
    const created = await run<ImageDefinition>('createImageDefinition', {
      gallery: GALLERY_ID, name: 'feat-def', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', publisher: 'Contoso', offer: 'Features', prompter,
    });
    assert.deepEqual(prompter.problems, []);
    assert.ok(created, ui.errors().join(' | '));
    assert.equal(prompter.messagesFor('EULA').get('http://www.contoso.com/eula'), undefined, 'http:// is not refused');
    assert.match(prompter.warningsFor('EULA').get('http://www.contoso.com/eula') ?? '', /^Azure takes this http:\/\/ link/);
    assert.match(prompter.warningsFor('EULA').get('Plain-text EULA') ?? '', /not a web link/);
    assert.equal(prompter.warningsFor('EULA').get('https://www.contoso.com/eula'), undefined);
    assert.match(prompter.messagesFor('Tags').get('cost/center=1') ?? '', /^Remove "\/"/);
    const summary = prompter.prompts.at(-1)?.items ?? [];
    assert.equal(summary.find((i) => i.label === 'Features')?.detail, 'SCSI and NVMe disk controllers · accelerated networking · no hibernation');
    assert.equal(summary.find((i) => i.label === 'Tags')?.description, 'env=dev; owner=images');
    const r = await stored(`${GALLERY_ID}/images/feat-def`);
    assert.equal(r.properties.eula, 'http://www.contoso.com/eula');
    assert.deepEqual(r.properties.features, [
      { name: 'SecurityType', value: 'TrustedLaunchSupported' },
      { name: 'DiskControllerTypes', value: 'SCSI, NVMe' },
      { name: 'IsAcceleratedNetworkSupported', value: 'true' },
      { name: 'IsHibernateSupported', value: 'false' },
    ]);
    assert.deepEqual(r.tags, { env: 'dev', owner: 'images' });

    // A plain-text EULA given in the options object is sent as it is.
    await run('createImageDefinition', { gallery: GALLERY_ID, name: 'plain-eula', osType: 'Linux', osState: 'Generalized', publisher: 'Contoso', offer: 'PlainEula', sku: 's', eula: 'Use at your own risk.' });
    assert.equal((await stored(`${GALLERY_ID}/images/plain-eula`)).properties.eula, 'Use at your own risk.');
  });

  it('changes features on update: the whole list with allowUpdateImage, the security type kept, nothing else changed', async () => {
    const id = `${GALLERY_ID}/images/feat-def`;
    const before = await stored(id);
    await clearRequestLog();
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'feat-def');
    const prompter = new ScriptedPrompter([{ pickMany: ['Features'] }, { accept: true }, { pick: 'SCSI' }, { pick: 'Not stated' }, { pick: 'Supported' }, { pick: /^Save changes/ }]);
    const updated = await run<ImageDefinition>('updateImageDefinition', definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.ok(updated, ui.errors().join(' | '));
    const what = prompter.prompts[0]?.items?.find((i) => i.label === 'Features');
    assert.equal(what?.description, 'Trusted launch supported · SCSI and NVMe disk controllers · accelerated networking · no hibernation', 'the current features are shown');
    assert.deepEqual(prompter.prompts[1]?.selected, ['Trusted launch supported'], 'the current security type is offered first');
    const expected = [
      { name: 'SecurityType', value: 'TrustedLaunchSupported' },
      { name: 'DiskControllerTypes', value: 'SCSI' },
      { name: 'IsHibernateSupported', value: 'true' },
    ];
    const [patch] = await sentBodies('PATCH', id);
    assert.deepEqual(patch, { properties: { features: expected, allowUpdateImage: true } }, 'only the features, with allowUpdateImage');
    const after = await stored(id);
    assert.deepEqual(after.properties.features, expected);
    assert.deepEqual({ ...after.properties, features: undefined }, { ...before.properties, features: undefined }, 'nothing else changed');
    assert.deepEqual(after.tags, before.tags);

    // From an options object: only the named feature changes.
    await run('updateImageDefinition', { definition: id, features: { acceleratedNetworking: false } });
    assert.deepEqual((await stored(id)).properties.features, [...expected, { name: 'IsAcceleratedNetworkSupported', value: 'false' }]);
    // The security type changes in place, explicitly.
    await run('updateImageDefinition', { definition: id, securityType: 'TrustedLaunch' });
    assert.deepEqual((await stored(id)).properties.features, [
      { name: 'SecurityType', value: 'TrustedLaunch' },
      ...expected.slice(1),
      { name: 'IsAcceleratedNetworkSupported', value: 'false' },
    ]);
  });

  it('takes an http:// release-notes link on update with a warning', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'feat-def');
    const prompter = new ScriptedPrompter([{ pickMany: ['Release notes link'] }, 'http://www.contoso.com/notes', { pick: /^Save changes/ }]);
    await run('updateImageDefinition', definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.match(prompter.warningsFor('Release notes').get('http://www.contoso.com/notes') ?? '', /^Azure takes this http:\/\/ link/);
    assert.equal((await stored(`${GALLERY_ID}/images/feat-def`)).properties.releaseNoteUri, 'http://www.contoso.com/notes');
  });

  it('creates a gallery with tags (Tags… in the summary) and an image version with tags (options object)', async () => {
    const prompter = new ScriptedPrompter(['tagged_gallery', { pick: /^Tags…$/ }, 'env=prod; cost center=42', { pick: /^Create gallery$/ }]);
    const gallery = await run<Gallery>('createGallery', { subscriptionId: PRODUCTION, resourceGroup: 'rg-images', location: 'eastus', description: '', sharing: 'Private', prompter });
    assert.deepEqual(prompter.problems, []);
    assert.ok(gallery, ui.errors().join(' | '));
    assert.equal(prompter.prompts.at(-1)?.items?.find((i) => i.label === 'Tags')?.description, 'env=prod; cost center=42');
    assert.deepEqual((await stored(gallery.id)).tags, { env: 'prod', 'cost center': '42' });

    const version = await run<ImageVersion>('createImageVersion', { definition: UBUNTU_ID, version: '9.9.9', source: IMAGE_UBUNTU, tags: { build: '1234', branch: 'main' } });
    assert.ok(version, ui.errors().join(' | '));
    assert.deepEqual((await stored(version.id)).tags, { build: '1234', branch: 'main' });

    // Tags Azure refuses are refused before anything is sent.
    await clearRequestLog();
    assert.equal(await run('createGallery', { subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'bad_tags', location: 'eastus', sharing: 'Private', tags: { 'a<b': '1' } }), undefined);
    await ui.waitFor('error', /^Create Gallery: Tags: Remove "<".* Nothing was created\.$/);
    assert.deepEqual(await writes(), []);
  });

  for (const [kind, path, id] of [
    ['gallery', ['Contoso Production', 'contoso_images'], GALLERY_ID],
    ['image definition', ['Contoso Production', 'contoso_images', 'ubuntu-22.04-lts'], UBUNTU_ID],
    ['image version', ['Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '1.0.0'], UBUNTU_1],
  ] as const) {
    it(`Edit Tags on a ${kind} sends only the tags; read back, nothing else differs; a removal is confirmed`, async () => {
      const node = await nodeAt(...path);
      // First some tags to edit, from the options object.
      await run('editTags', node, { tags: { env: 'dev', owner: 'images' } });
      await ui.waitFor('info', /^Updated the tags of .*: adds env, owner\.$/);
      const before = await stored(id);
      assert.deepEqual(before.tags, { env: 'dev', owner: 'images' });
      await clearRequestLog();
      ui.clear();
      const prompter = new ScriptedPrompter([{ probe: ['a?b=1'] }, 'env=prod; team=platform', { confirm: true }]);
      const result = await run<Record<string, string>>('editTags', node, { prompter });
      assert.deepEqual(prompter.problems, []);
      assert.equal(prompter.prompts[0]?.value, 'env=dev; owner=images', 'the current tags are there to edit');
      assert.match(prompter.messagesFor('Tags').get('a?b=1') ?? '', /^Remove "\?"/);
      const confirmation = prompter.prompts.find((p) => p.kind === 'confirm');
      assert.match(confirmation?.title ?? '', /^Remove tag owner from /, 'removing owner is confirmed');
      assert.match(confirmation?.detail ?? '', /adds team; changes env; removes owner/);
      assert.deepEqual(result, { env: 'prod', team: 'platform' });
      const patches = await sentBodies('PATCH', id);
      assert.deepEqual(patches, [{ tags: { env: 'prod', team: 'platform' } }], 'one PATCH carrying nothing but the tags');
      assert.deepEqual((await writes()).map((w) => w.split('?')[0]), [`PATCH ${id}`]);
      const after = await stored(id);
      assert.deepEqual(after.tags, { env: 'prod', team: 'platform' });
      assert.deepEqual(withoutTags(after), withoutTags(before), 'read back, only the tags differ');
      await ui.waitFor('info', /: adds team; changes env; removes owner\.$/);
      if (kind !== 'gallery') await eventually(async () => assert.match(tooltipText(await item(await nodeAt(...path))), /Tags: env=prod; team=platform/));

      // The same tags again: nothing is sent. Declining a removal sends nothing either.
      await clearRequestLog();
      await run('editTags', node, { tags: { env: 'prod', team: 'platform' } });
      await ui.waitFor('info', /are unchanged: nothing was sent\.$/);
      (await extensionApi()).testHooks.setConfirmHandler(() => false);
      const declined = await run('editTags', node, { tags: {} });
      assert.equal(declined, undefined);
      assert.deepEqual(await writes(), []);
      await ui.install();
    });
  }

  it('Edit Tags from the palette with an options object naming the resource; tags Azure refuses are refused before sending', async () => {
    await run('editTags', { resource: UBUNTU_1, tags: { release: 'stable' }, confirmed: true });
    assert.deepEqual((await stored(UBUNTU_1)).tags, { release: 'stable' });
    await clearRequestLog();
    ui.clear();
    assert.equal(await run('editTags', { resource: UBUNTU_1, tags: { 'a&b': '1' } }), undefined);
    await ui.waitFor('error', /^Edit Tags: Remove "&" from the tag name "a&b".* Nothing was changed\.$/);
    assert.deepEqual(await writes(), []);
    assert.equal(await run('editTags', { resource: UBUNTU_1, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, ''])) }), undefined);
    await ui.waitFor('error', /Remove 1 tags: a resource can have at most 50/);
    assert.deepEqual(await writes(), []);
  });
});
