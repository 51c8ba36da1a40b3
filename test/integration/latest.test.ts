// Issue 14, items 2 and 6, in the real extension host against the local Azure: "latest" per
// region in a definition's hover (a region's own exclusion, a region a newer version does not
// replicate to), versions in numeric order (10.0.0 before 9.0.0), Make Latest and Exclude from
// Latest (a summary naming every version changed, a warning when a region or the definition would
// be left with no latest, only excludeFromLatest sent, the rows redrawn from Azure's answers), and
// Create Image Version proposing the next number and asking again for a lower one.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageVersion } from '../../src/azure/types';
import type { ExplorerNode } from '../../src/tree/explorerProvider';
import { putAndWait } from './armHelpers';
import { CANCEL, GALLERY_ID, RG_BUILDS, ScriptedPrompter, emulatorState, resource, useDemoSession } from './createHelpers';
import { child, children, emulatorAdmin, extensionApi, item, labels, nodeAt, tooltipText } from './helpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const IMAGE_UBUNTU = `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;
const DEFINITION = `${GALLERY_ID}/images/latest-lab`;
const V = (name: string) => `${DEFINITION}/versions/${name}`;
const hover = async (node: ExplorerNode) => tooltipText(await item(node)).replace(/\\(.)/g, '$1');
const description = async (node: ExplorerNode) => String((await item(node)).description ?? '');
type Profile = { excludeFromLatest?: boolean; targetRegions: Record<string, unknown>[] };
/** The PATCH bodies the extension sent for a version (the traffic log keeps them). */
async function patchBodies(id: string): Promise<unknown[]> {
  const log = (await emulatorAdmin('GET', '/_admin/traffic')) as { liveRequest: { method: string; url: string; body?: unknown } }[];
  return log
    .filter((t) => t.liveRequest.method === 'PATCH' && new URL(t.liveRequest.url).pathname.toLowerCase() === id.toLowerCase())
    .map((t) => (typeof t.liveRequest.body === 'string' ? (JSON.parse(t.liveRequest.body) as unknown) : t.liveRequest.body));
}
const profileOf = async (name: string) => resource(await emulatorState(), V(name))!.properties.publishingProfile as Profile;

function versionBody(regions: { name: string; excludeFromLatest?: boolean }[], excludeFromLatest = false) {
  return {
    location: 'eastus',
    properties: {
      publishingProfile: { excludeFromLatest, targetRegions: regions.map((r) => ({ regionalReplicaCount: 1, storageAccountType: 'Standard_LRS', ...r })) },
      storageProfile: { source: { id: IMAGE_UBUNTU } },
    },
  };
}

describe('Latest per region, Make Latest, Exclude from Latest, the next version number (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 300 });
  let definition: ExplorerNode;
  const version = (name: string) => child(definition, name);

  before(async () => {
    await putAndWait(DEFINITION, {
      location: 'eastus',
      properties: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', identifier: { publisher: 'Contoso', offer: 'LatestLab', sku: 'lab' } },
    });
    // 10.0.0 is excluded from latest in westus2 only; 2.0.0 replicates to eastus only.
    await putAndWait(V('9.0.0'), versionBody([{ name: 'eastus' }, { name: 'westus2' }]));
    await putAndWait(V('10.0.0'), versionBody([{ name: 'eastus' }, { name: 'westus2', excludeFromLatest: true }]));
    await putAndWait(V('2.0.0'), versionBody([{ name: 'eastus' }]));
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    (await extensionApi()).explorer.reload(gallery);
    definition = await child(gallery, 'latest-lab');
  });

  it('lists versions by number and shows, per region, where "latest" differs from the definition\'s', async () => {
    assert.deepEqual(await labels(await children(definition)), ['10.0.0', '9.0.0', '2.0.0'], 'numeric order, newest first: 10.0.0 before 9.0.0');
    assert.equal(await description(await version('10.0.0')), 'latest');
    const text = await hover(definition);
    assert.match(text, /Latest: 10\.0\.0 \(what VMs asking for "latest" get\)\./);
    assert.match(text, /Latest differs in these regions:/);
    assert.match(text, /· West US 2: 9\.0\.0 \(10\.0\.0 is excluded from latest in this region\)/);
    assert.doesNotMatch(text, /East US: /, 'eastus gets the definition\'s latest: not listed');
  });

  it('Make Latest on 2.0.0: a summary naming every version it changes and the region left with none; declined, nothing is sent', async () => {
    const declined = new ScriptedPrompter([{ confirm: false }]);
    assert.equal(await run('makeLatest', await version('2.0.0'), { prompter: declined }), undefined);
    const confirm = declined.prompts[0];
    assert.equal(confirm?.kind, 'confirm');
    assert.equal(confirm?.title, 'Make 2.0.0 the latest version of latest-lab?');
    const detail = confirm?.detail ?? '';
    assert.match(detail, /^Warning: No version would be latest in West US 2: VMs and scale sets asking for "latest" there would fail to deploy\./);
    assert.match(detail, /This changes 2 versions: 10\.0\.0: excluded from latest; 9\.0\.0: excluded from latest\./);
    assert.match(detail, /VMs asking for "latest" would get 2\.0\.0\./);
    assert.equal((await profileOf('10.0.0')).excludeFromLatest, false, 'declined: nothing sent');
    assert.equal((await profileOf('9.0.0')).excludeFromLatest, false);
  });

  it('Make Latest, confirmed: only excludeFromLatest is sent, target regions untouched; every row redrawn from Azure', async () => {
    const regionsBefore = (await profileOf('10.0.0')).targetRegions;
    const made = await run<ImageVersion>('makeLatest', { version: V('2.0.0'), prompter: new ScriptedPrompter([{ confirm: true }]) });
    assert.ok(made, ui.errors().join(' | '));
    assert.equal((await profileOf('10.0.0')).excludeFromLatest, true);
    assert.equal((await profileOf('9.0.0')).excludeFromLatest, true);
    assert.equal((await profileOf('2.0.0')).excludeFromLatest, false);
    assert.deepEqual((await profileOf('10.0.0')).targetRegions, regionsBefore, 'the region list (and its own exclusion) as it was');
    for (const name of ['10.0.0', '9.0.0']) assert.deepEqual(await patchBodies(V(name)), [{ properties: { publishingProfile: { excludeFromLatest: true } } }], `${name}: excludeFromLatest alone`);
    assert.deepEqual(await patchBodies(V('2.0.0')), [], '2.0.0 was already in latest: nothing sent');
    assert.equal(await description(await version('2.0.0')), 'latest');
    assert.equal(await description(await version('10.0.0')), 'excluded from latest');
    assert.equal(await description(await version('9.0.0')), 'excluded from latest');
    assert.match(await hover(definition), /Latest: 2\.0\.0 /);
    assert.match(await hover(definition), /· West US 2: none \(2\.0\.0 is not replicated to this region \(not a target region\)\)/);
    await ui.waitFor('info', /^Make Latest: 10\.0\.0: excluded from latest; 9\.0\.0: excluded from latest\. VMs asking for "latest" of latest-lab now get 2\.0\.0\.$/);
  });

  it('Exclude from Latest warns when it would leave the definition with no latest; Make Latest of an excluded version puts it back', async () => {
    const declined = new ScriptedPrompter([{ confirm: false }]);
    assert.equal(await run('excludeFromLatest', await version('2.0.0'), { prompter: declined }), undefined);
    assert.equal(declined.prompts[0]?.title, 'Exclude 2.0.0 of latest-lab from latest?');
    assert.match(declined.prompts[0]?.detail ?? '', /^Warning: No version of the definition would be latest: VMs and scale sets asking for "latest" would fail to deploy\.\nWarning: No version would be latest in East US/);
    assert.match(declined.prompts[0]?.detail ?? '', /This changes 2\.0\.0: excluded from latest\./);
    assert.equal((await profileOf('2.0.0')).excludeFromLatest, false, 'declined: nothing sent');

    // 9.0.0 back: it is above 2.0.0, so nothing else changes and eastus and westus2 get it.
    const back = new ScriptedPrompter([{ confirm: true }]);
    assert.ok(await run('makeLatest', await version('9.0.0'), { prompter: back }));
    assert.match(back.prompts[0]?.detail ?? '', /^This changes 9\.0\.0: back in latest\.\nVMs asking for "latest" would get 9\.0\.0\.$/);
    assert.equal((await profileOf('9.0.0')).excludeFromLatest, false);
    assert.equal(await description(await version('9.0.0')), 'latest');
    assert.equal(await description(await version('2.0.0')), '');

    // Excluding 2.0.0 now loses nothing: confirmed without a warning.
    const excluded = new ScriptedPrompter([{ confirm: true }]);
    const result = await run<ImageVersion>('excludeFromLatest', { version: V('2.0.0'), prompter: excluded });
    assert.equal(result?.excludeFromLatest, true);
    assert.doesNotMatch(excluded.prompts[0]?.detail ?? '', /Warning/);
    assert.equal(await description(await version('2.0.0')), 'excluded from latest');
  });

  it('Create Image Version proposes the patch after the highest (10.0.1), lists gallery versions by number, and asks again for a lower number', async () => {
    const prompter = new ScriptedPrompter([{ accept: true }, CANCEL]);
    assert.equal(await run('createImageVersion', definition, { prompter }), undefined);
    assert.equal(prompter.prompts[0]?.kind, 'input');
    assert.equal(prompter.prompts[0]?.value, '10.0.1', 'the proposal is the default');
    const lab = (prompter.prompts[1]?.items ?? []).filter((i) => /latest-lab$/.test(i.description ?? '')).map((i) => i.label);
    assert.deepEqual(lab, ['$(versions) 10.0.0', '$(versions) 9.0.0', '$(versions) 2.0.0'], 'gallery versions by number in the source list');

    // Lower than 10.0.0: asked again; declining shows the number again to change it.
    const lower = new ScriptedPrompter(['3.0.0', { confirm: false }, '3.0.1', { confirm: true }, CANCEL]);
    assert.equal(await run('createImageVersion', definition, { prompter: lower }), undefined);
    const confirms = lower.prompts.filter((p) => p.kind === 'confirm');
    assert.equal(confirms[0]?.title, 'Create version 3.0.0, lower than the highest version?');
    assert.match(confirms[0]?.detail ?? '', /^3\.0\.0 is lower than 10\.0\.0, the highest version of this definition: VMs asking for "latest" would keep getting 10\.0\.0/);
    assert.equal(lower.prompts[2]?.kind, 'input');
    assert.equal(lower.prompts[2]?.value, '3.0.0', 'declined: the number typed, to change');
    assert.equal(lower.prompts[4]?.title.includes('Source'), true, 'confirmed: on to the source');

    // Given up front, the number is the caller's decision (a pipeline patching an older line): created without asking.
    const given = await run<ImageVersion>('createImageVersion', { definition: DEFINITION, version: '3.0.0', source: IMAGE_UBUNTU, prompter: new ScriptedPrompter([]) });
    assert.equal(given?.name, '3.0.0', ui.errors().join(' | '));
  });

  it('the date scheme proposes Year.MonthDay.0 for today', async () => {
    const config = vscode.workspace.getConfiguration('azureComputeGallery');
    await config.update('versionScheme', 'date', vscode.ConfigurationTarget.Global);
    try {
      const prompter = new ScriptedPrompter([CANCEL]);
      await run('createImageVersion', definition, { prompter });
      const now = new Date();
      assert.equal(prompter.prompts[0]?.value, `${now.getFullYear()}.${(now.getMonth() + 1) * 100 + now.getDate()}.0`);
    } finally {
      await config.update('versionScheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
