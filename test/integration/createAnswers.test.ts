// Issue 5, answers given and answers kept: an options object with some answers missing asks for
// exactly those; after Azure refuses a create, "Edit and Try Again" runs the flow again with every
// previous answer filled in (image definitions and image versions; galleries are in createGallery).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageDefinition, ImageVersion } from '../../src/azure/types';
import { PENDING_VERSIONS_KEY } from '../../src/commands/createVersionProgress';
import { CANCEL, GALLERY_ID, PRODUCTION, RG_BUILDS, ScriptedPrompter, type ScriptedAnswer, UBUNTU_ID, emulatorState, inventory, resource, useDemoSession } from './createHelpers';
import { galleryImageCounts } from './createCounts';
import { emulatorAdmin, eventually, extensionApi, nodeAt } from './helpers';

const CREATE_DEFINITION = { pick: /^Create image definition$/ };
const CREATE_VERSION = { pick: /^Create image version$/ };
const ADVANCED = { pick: /^Advanced…$/ };
const IMAGE_UBUNTU = `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;

async function createDefinition(...args: unknown[]): Promise<ImageDefinition | undefined> {
  return vscode.commands.executeCommand<ImageDefinition | undefined>('azureComputeGallery.createImageDefinition', ...args);
}

async function createVersion(...args: unknown[]): Promise<ImageVersion | undefined> {
  return vscode.commands.executeCommand<ImageVersion | undefined>('azureComputeGallery.createImageVersion', ...args);
}

/** What a prompt showed when it opened: an input's value, a pick's selected labels. */
function shown(p: { kind: string; value?: string; selected?: string[] }): string | string[] | undefined {
  return p.kind === 'input' ? p.value : p.selected;
}

describe('Create: answers missing from the options, and Edit and Try Again (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 1000 });

  after(async () => {
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
  });

  it('Create Image Definition with an options object missing the OS state and the SKU asks for exactly those two, then creates', async () => {
    const prompter = new ScriptedPrompter(['Specialized', 'partial-sku', CREATE_DEFINITION]);
    const created = await createDefinition({
      gallery: GALLERY_ID,
      name: 'answers-partial-def',
      osType: 'Windows',
      hyperVGeneration: 'V2',
      architecture: 'x64',
      securityType: 'TrustedLaunch',
      publisher: 'Contoso',
      offer: 'PartialAnswers',
      prompter,
    });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.titles, [
      'Create Image Definition: OS state (step 1 of 3)',
      'Create Image Definition: SKU (step 2 of 3)',
      'Create Image Definition: Summary (step 3 of 3)',
    ]);
    const summary = prompter.prompts.at(-1)?.items ?? [];
    assert.ok(summary.some((i) => i.label === 'Name' && i.description === 'answers-partial-def'), 'the summary shows the answers given up front');
    assert.ok(created);
    const p = resource(await emulatorState(), created.id)?.properties ?? {};
    assert.equal(p.osType, 'Windows');
    assert.equal(p.osState, 'Specialized');
    assert.deepEqual(p.identifier, { publisher: 'Contoso', offer: 'PartialAnswers', sku: 'partial-sku' });
    assert.deepEqual(p.features, [{ name: 'SecurityType', value: 'TrustedLaunch' }]);
  });

  it('Create Image Version with an options object missing the version and the end of life asks for exactly those two, then creates', async () => {
    const prompter = new ScriptedPrompter(['22.0.0', '', CREATE_VERSION]);
    const version = await createVersion({ definition: UBUNTU_ID, source: IMAGE_UBUNTU, targetRegions: ['westus2'], storageAccountType: 'Premium_LRS', excludeFromLatest: true, prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.titles, ['Create Image Version: Version (step 1 of 3)', 'Create Image Version: End of life (step 2 of 3)', 'Create Image Version: Summary (step 3 of 3)']);
    assert.equal(prompter.prompts[0]?.value, '1.1.1', 'the next patch is suggested');
    assert.ok(version);
    assert.equal(version.name, '22.0.0');
    const p = resource(await emulatorState(), version.id)?.properties as unknown as {
      publishingProfile: { targetRegions: { name: string; storageAccountType: string }[]; excludeFromLatest: boolean; endOfLifeDate?: string };
    };
    assert.deepEqual(p.publishingProfile.targetRegions.map((r) => [r.name, r.storageAccountType]), [
      ['East US', 'Premium_LRS'],
      ['West US 2', 'Premium_LRS'],
    ]);
    assert.equal(p.publishingProfile.excludeFromLatest, true);
    assert.equal(p.publishingProfile.endOfLifeDate, undefined);
  });

  it('after Azure refuses an image definition, Edit and Try Again asks every step again with the previous answers filled in', async () => {
    ui.respond = (n) => (n.kind === 'error' ? 'Edit and Try Again' : undefined);
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const before = await galleryImageCounts();
    const first = [
      'retry-arm-def',
      'Linux',
      'Generalized',
      'V2',
      'Contoso',
      'RetryArm',
      'retry-arm',
      'Arm64',
      'Confidential VM supported', // Azure refuses confidential VMs on Arm64
      ADVANCED,
      { pickMany: ['Release notes link', 'Recommended vCPUs'] },
      'https://contoso.example/retry/notes',
      '2-8',
      CREATE_DEFINITION,
    ];
    const accept = { accept: true } as const;
    const prompter = new ScriptedPrompter([
      ...first,
      // The second run: every step again; all kept but the security type.
      ...Array.from({ length: 9 }, () => accept),
      'Standard',
      ADVANCED,
      accept,
      accept,
      accept,
      CREATE_DEFINITION,
    ]);
    // The command table runs Edit and Try Again, so the call answers what the second run created.
    assert.equal((await createDefinition(gallery, { prompter }))?.name, 'retry-arm-def');
    const error = await ui.waitFor('error', /retry-arm-def/);
    assert.match(error.message, /^Could not create image definition "retry-arm-def": The feature 'SecurityType' with value 'ConfidentialVMSupported' is not supported for Arm64 images\./);
    assert.deepEqual(error.actions, ['Edit and Try Again']);
    await ui.waitFor('info', /^Created image definition retry-arm-def in contoso_images\.$/);
    assert.deepEqual(prompter.problems, []);
    assert.equal(prompter.remaining, 0);

    const second = prompter.prompts.slice(first.length);
    const titles = second.map((p) => p.title.replace(/ \(step \d+ of \d+\)$/, ''));
    assert.deepEqual(titles, [
      'Create Image Definition: Gallery',
      'Create Image Definition: Name',
      'Create Image Definition: OS type',
      'Create Image Definition: OS state',
      'Create Image Definition: VM generation',
      'Create Image Definition: Publisher',
      'Create Image Definition: Offer',
      'Create Image Definition: SKU',
      'Create Image Definition: Architecture',
      'Create Image Definition: Security type',
      'Create Image Definition: Summary',
      'Create Image Definition: Advanced',
      'Create Image Definition: Release notes link',
      'Create Image Definition: Recommended vCPUs',
      'Create Image Definition: Summary',
    ]);
    assert.deepEqual(second.slice(0, 14).map(shown), [
      ['contoso_images'],
      'retry-arm-def',
      ['$(terminal-linux) Linux'],
      ['Generalized'],
      ['V2'],
      'Contoso',
      'RetryArm',
      'retry-arm',
      ['Arm64'],
      ['Confidential VM supported'],
      ['$(check) Create image definition'],
      ['Release notes link', 'Recommended vCPUs'],
      'https://contoso.example/retry/notes',
      '2-8',
    ]);
    const created = await eventually(async () => {
      const found = resource(await emulatorState(), `${GALLERY_ID}/images/retry-arm-def`);
      assert.ok(found, 'the second try created the definition');
      return found;
    });
    assert.equal(created.properties.architecture, 'Arm64');
    assert.deepEqual(created.properties.features, [{ name: 'SecurityType', value: 'Standard' }], 'Standard, as changed in the second run, sent explicitly');
    assert.equal(created.properties.releaseNoteUri, 'https://contoso.example/retry/notes');
    assert.deepEqual(created.properties.recommended, { vCPUs: { min: 2, max: 8 } });
    assert.deepEqual(await galleryImageCounts(), { ...before, definitions: before.definitions + 1 });
  });

  it('after Azure refuses an image version, Edit and Try Again asks every step again with the previous answers filled in', async () => {
    ui.respond = (n) => (n.kind === 'error' ? 'Edit and Try Again' : undefined);
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const first = [
      '22.6.0',
      'vm-legacy-ubuntu1804', // generation unknown here: Azure refuses it (its OS disk is V1)
      { pickMany: ['West Europe'] },
      '2',
      'Premium_LRS',
      'Yes, exclude it from "latest"',
      { accept: true } as const, // Edge zones: none
      '2037-03-01',
      ADVANCED,
      { accept: true } as const, // Encryption: platform-managed keys
      { accept: true } as const, // Safety: none
      'Shallow',
      'team=images; stage=test',
      CREATE_VERSION,
    ];
    const accept = { accept: true } as const;
    const prompter = new ScriptedPrompter([
      ...first,
      // The second run: every step again; all kept but the source.
      accept,
      accept,
      'img-ubuntu-2204-eastus',
      accept,
      accept,
      accept,
      accept,
      accept,
      accept,
      ADVANCED,
      accept,
      accept,
      accept,
      accept,
      CREATE_VERSION,
    ]);
    assert.equal((await createVersion(definition, { prompter }))?.name, '22.6.0', 'the call answers what Edit and Try Again submitted');
    const error = await ui.waitFor('error', /22\.6\.0/);
    assert.match(error.message, /^Could not create image version 22\.6\.0 of ubuntu-22\.04-lts: The resource with id '.*vm-legacy-ubuntu1804' has a different Hypervisor generation/);
    assert.deepEqual(error.actions, ['Edit and Try Again']);
    await eventually(async () => assert.equal(prompter.remaining, 0));
    assert.deepEqual(prompter.problems, []);

    // Issue 18: the Latest step asks the question its answers answer ("Exclude …?" — "No, keep it").
    const latest = prompter.prompts.find((p) => p.title.startsWith('Create Image Version: Latest'))!;
    assert.match(latest.placeholder ?? '', /^Exclude this version from "latest"\?/);
    assert.deepEqual(latest.items?.slice(0, 2).map((i) => i.label), ['No, keep it in "latest"', 'Yes, exclude it from "latest"']);

    const second = prompter.prompts.slice(first.length);
    assert.deepEqual(
      second.map((p) => p.title.replace(/ \(step \d+ of \d+\)$/, '')),
      ['Definition', 'Version', 'Source', 'Target regions', 'Replicas', 'Storage', 'Latest', 'Edge zones', 'End of life', 'Summary', 'Encryption', 'Safety', 'Replication mode', 'Tags', 'Summary'].map(
        (t) => `Create Image Version: ${t}`,
      ),
    );
    assert.deepEqual(second.slice(0, 13).map(shown), [
      ['ubuntu-22.04-lts'],
      '22.6.0',
      ['$(vm) vm-legacy-ubuntu1804'],
      ['East US', 'West Europe'],
      '2',
      ['Premium_LRS'],
      ['Yes, exclude it from "latest"'],
      ['No edge zones'],
      '2037-03-01',
      ['$(check) Create image version'],
      ['Platform-managed keys'],
      ['No protection'],
      ['Shallow'],
    ]);
    // The kept mode is sent, so the retry's summary shows it before Advanced… is opened again.
    assert.deepEqual(
      second[9].items?.filter((i) => i.label === 'Replication mode').map((i) => i.description),
      ['Shallow'],
    );
    const id = `${UBUNTU_ID}/versions/22.6.0`;
    const stored = await eventually(async () => {
      const found = resource(await emulatorState(), id);
      assert.ok(found, 'the second try created the version');
      return found;
    });
    const p = stored.properties as unknown as {
      publishingProfile: { targetRegions: { name: string; regionalReplicaCount: number; storageAccountType: string }[]; excludeFromLatest: boolean; endOfLifeDate: string; replicationMode: string };
      storageProfile: { source?: { id: string } };
    };
    assert.equal(p.storageProfile.source?.id.toLowerCase(), IMAGE_UBUNTU.toLowerCase(), 'the source changed in the second run');
    assert.deepEqual(p.publishingProfile.targetRegions.map((r) => [r.name, r.regionalReplicaCount, r.storageAccountType]), [
      ['East US', 2, 'Premium_LRS'],
      ['West Europe', 2, 'Premium_LRS'],
    ]);
    assert.equal(p.publishingProfile.excludeFromLatest, true);
    assert.match(p.publishingProfile.endOfLifeDate, /^2037-03-01T00:00:00/);
    assert.equal(p.publishingProfile.replicationMode, 'Shallow', 'the replication mode chosen under Advanced… is kept too');
    assert.deepEqual(stored.tags, { team: 'images', stage: 'test' }, 'the tags typed under Advanced… are kept too');
  });

  it('an options object missing an answer never sends anything when that step is escaped', async () => {
    const before = await galleryImageCounts();
    const definition = new ScriptedPrompter([CANCEL]);
    assert.equal(await createDefinition({ gallery: GALLERY_ID, name: 'answers-esc-def', osType: 'Linux', osState: 'Generalized', publisher: 'Contoso', offer: 'Esc', prompter: definition }), undefined);
    assert.equal(definition.titles[0], 'Create Image Definition: VM generation (step 1 of 5)');
    const version = new ScriptedPrompter([CANCEL]);
    assert.equal(await createVersion({ definition: UBUNTU_ID, version: '22.9.0', prompter: version }), undefined);
    assert.match(version.titles[0] ?? '', /^Create Image Version: Source \(step 1 of \d+\)$/);
    assert.deepEqual(await galleryImageCounts(), before);
  });

  it('a burst of names typed into the name steps costs the local Azure one list request per flow, whatever is typed', async () => {
    // Every keystroke's check goes through the prompter's validation (ScriptedPrompter: no debounce,
    // each probe is checked); the flows look the names up once and check the rest locally. The
    // debounce of the checks themselves is in test/unit/ui/vscodePrompter.test.ts ("5. async checks").
    const listsOf = async (pattern: RegExp) =>
      ((await emulatorAdmin('GET', '/_admin/requests')) as { method: string; path: string }[]).filter((r) => r.method === 'GET' && pattern.test(r.path.split('?')[0] ?? '')).length;
    const galleriesList = new RegExp(`^/subscriptions/${PRODUCTION}/providers/Microsoft\\.Compute/galleries$`, 'i');
    const definitionsList = new RegExp(`^/subscriptions/${PRODUCTION}/resourceGroups/rg-images/providers/Microsoft\\.Compute/galleries/contoso_images/images$`, 'i');
    const burst = (stem: string) => Array.from({ length: 8 }, (_, i) => stem.slice(0, i + 6)).concat([stem]);
    const subscription = await nodeAt('Contoso Production');
    const gallery = await nodeAt('Contoso Production', 'contoso_images');

    await emulatorAdmin('DELETE', '/_admin/requests');
    const galleryFlow = new ScriptedPrompter(['rg-images', { probe: burst('contoso_images') }, CANCEL]);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.createGallery', subscription, { prompter: galleryFlow }), undefined);
    assert.deepEqual(galleryFlow.problems, []);
    const galleryChecks = galleryFlow.messagesFor(': Name (');
    assert.equal(galleryChecks.size, 9, 'nine values were checked');
    assert.match(galleryChecks.get('contoso_images') ?? '', /already exists in this subscription/);
    assert.equal(galleryChecks.get('contos'), undefined);
    assert.equal(await listsOf(galleriesList), 1, "one request for the subscription's galleries");

    await emulatorAdmin('DELETE', '/_admin/requests');
    const definitionFlow = new ScriptedPrompter([{ probe: burst('ubuntu-22.04-lts') }, CANCEL]);
    assert.equal(await createDefinition(gallery, { prompter: definitionFlow }), undefined);
    assert.deepEqual(definitionFlow.problems, []);
    assert.match(definitionFlow.messagesFor(': Name (').get('ubuntu-22.04-lts') ?? '', /already has an image definition/);
    assert.equal(await listsOf(definitionsList), 1, "one request for the gallery's definitions");
  });

  it('the summary before anything is sent is the last step of each flow (no separate dialog): declining it creates nothing', async () => {
    // The summary is a quick pick ("Create" first, each answer a row), not a confirm() dialog: the
    // confirm handler the session installs must not be asked, and Escape there sends nothing.
    const before = await inventory();
    const subscription = await nodeAt('Contoso Production');
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const flows: { run: (p: ScriptedPrompter) => Thenable<unknown>; answers: ScriptedAnswer[]; create: RegExp; rows: [string, string][] }[] = [
      {
        run: (p) => vscode.commands.executeCommand('azureComputeGallery.createGallery', subscription, { prompter: p }),
        answers: ['rg-images', 'summary_gallery', 'West Europe', 'kept for the summary', 'Private'],
        create: /^\$\(check\) Create gallery$/,
        rows: [['Name', 'summary_gallery'], ['Region', 'West Europe (westeurope)'], ['Description', 'kept for the summary'], ['Sharing', 'Private']],
      },
      {
        run: (p) => createDefinition(gallery, { prompter: p }),
        answers: ['summary-def', 'Linux', 'Generalized', 'V2', 'Contoso', 'Summary', 'summary-1', 'x64', 'Standard'],
        create: /^\$\(check\) Create image definition$/,
        rows: [['Name', 'summary-def'], ['OS', 'Linux · Generalized'], ['Publisher / offer / SKU', 'Contoso / Summary / summary-1'], ['Security type', 'Standard']],
      },
      {
        run: (p) => createVersion(definition, { prompter: p }),
        answers: ['23.0.0', 'img-ubuntu-2204-eastus', { pickMany: ['West Europe'] }, '1', 'Standard_ZRS', { accept: true }, { accept: true }, ''],
        create: /^\$\(check\) Create image version$/,
        rows: [['Version', '23.0.0'], ['Target regions', 'East US (eastus) ×1, West Europe (westeurope) ×1'], ['Storage', 'Standard_ZRS'], ['End of life', '(none)']],
      },
    ];
    for (const flow of flows) {
      const prompter = new ScriptedPrompter([...flow.answers, CANCEL]);
      assert.equal(await flow.run(prompter), undefined);
      assert.deepEqual(prompter.problems, []);
      const summary = prompter.prompts.at(-1);
      assert.match(summary?.title ?? '', /: Summary \(step (\d+) of \1\)$/, 'the summary is the last step');
      assert.match(summary?.items?.[0]?.label ?? '', flow.create, 'Create is the first row');
      for (const [label, value] of flow.rows) {
        assert.ok(summary?.items?.some((i) => i.label === label && i.description === value), `the summary shows ${label}: ${value}; got ${JSON.stringify(summary?.items?.map((i) => [i.label, i.description]))}`);
      }
    }
    assert.deepEqual(ui.confirmations, [], 'no confirm() dialog on top of the summary');
    assert.deepEqual(await inventory(), before, 'declining the summary created nothing');
  });
});
