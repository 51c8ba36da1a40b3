import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery, ImageDefinition, ImageVersion } from '../../src/azure/types';
import { validateEndOfLifeDate } from '../../src/model/endOfLife';
import { whyRegionCannotBeRemoved } from '../../src/model/replication';
import { validateRangeText } from '../../src/ui/answerText';
import { ScriptedPrompter, UBUNTU_ID, WINDOWS_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { EXTENSION_ID } from '../../src/constants';
import { arm } from './armHelpers';
import { emulatorAdmin, eventually, extensionApi, item, nodeAt } from './helpers';
import { PRIVATE_ID, assertNoProblems, azureSnapshot, clearRequestLog, writes } from './shareHelpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const SAVE = { pick: /^Save changes/ };
const UBUNTU_1 = `${UBUNTU_ID}/versions/1.0.0`;
const WINDOWS_1 = `${WINDOWS_ID}/versions/2022.1.0`;

interface StoredVersion {
  publishingProfile: { excludeFromLatest: boolean; endOfLifeDate?: string; targetRegions: { name: string; regionalReplicaCount: number }[] };
  safetyProfile: { allowDeletionOfReplicatedLocations?: boolean; blockDeletionBeforeEndOfLife?: boolean };
}
const stored = async (id: string) => resource(await emulatorState(), id)?.properties as unknown as StoredVersion;

describe('Update: galleries, image definitions and image versions (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 1500 });

  it("changes a gallery's description, showing the current one to edit; empty removes it", async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const prompter = new ScriptedPrompter(['Golden images, reviewed monthly']);
    const updated = await run<Gallery>('updateGallery', gallery, { prompter });
    assertNoProblems(prompter);
    assert.equal(prompter.prompts[0]?.value, 'Golden images for Contoso production workloads.', 'the current description is there to edit');
    assert.equal(updated?.description, 'Golden images, reviewed monthly');
    assert.equal(resource(await emulatorState(), PRIVATE_ID)?.properties.description, 'Golden images, reviewed monthly');
    assert.match(((await item(gallery)).tooltip as vscode.MarkdownString).value, /Golden images, reviewed monthly/, 'the hover shows the new description');
    await run('updateGallery', { gallery: PRIVATE_ID, description: '' });
    await ui.waitFor('info', /^Removed the description of contoso_images\.$/);
    assert.equal(resource(await emulatorState(), PRIVATE_ID)?.properties.description, '');
  });

  it('refuses a description that is too long before sending anything', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    assert.equal(await run('updateGallery', { gallery: PRIVATE_ID, description: 'x'.repeat(1001) }), undefined);
    await ui.waitFor('error', /^Update Gallery: Shorten the description to 1000 characters \(it has 1001\)\. Nothing was changed\.$/);
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it("changes an image definition's mutable fields: pick what, each value checked as typed, a before → after summary", async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([
      { pickMany: ['Description', 'End-of-life date', 'Recommended vCPUs'] },
      'Ubuntu 22.04, CIS level 1',
      { probe: ['2020-01-01', 'soon'] },
      '2032-06-30',
      { probe: ['16-2', 'many'] },
      '2-8',
      SAVE,
    ]);
    const updated = await run<ImageDefinition>('updateImageDefinition', definition, { prompter });
    assertNoProblems(prompter);
    assert.deepEqual(prompter.titles, [
      'Update Image Definition: ubuntu-22.04-lts: What to change (step 1 of 2)',
      'Update Image Definition: ubuntu-22.04-lts: Description (step 2 of 5)',
      'Update Image Definition: ubuntu-22.04-lts: End-of-life date (step 3 of 5)',
      'Update Image Definition: ubuntu-22.04-lts: Recommended vCPUs (step 4 of 5)',
      'Update Image Definition: ubuntu-22.04-lts: Summary (step 5 of 5)',
    ]);
    for (const [v, m] of prompter.messagesFor('End-of-life date')) if (v !== '2032-06-30') assert.equal(m, validateEndOfLifeDate(v, new Date()), v);
    for (const [v, m] of prompter.messagesFor('Recommended vCPUs')) if (v !== '2-8') assert.equal(m, validateRangeText(v, 'vCPUs'), v);
    assert.equal(prompter.prompts[1]?.value, 'Ubuntu Server 22.04 LTS, hardened.', 'the current value is there to edit');
    const summary = prompter.prompts.at(-1)?.items ?? [];
    assert.equal(summary.find((i) => i.label === 'Description')?.detail, 'Ubuntu Server 22.04 LTS, hardened. → Ubuntu 22.04, CIS level 1');
    assert.equal(summary.find((i) => i.label === 'End-of-life date')?.description, '(none) → 2032-06-30');
    assert.equal(updated?.description, 'Ubuntu 22.04, CIS level 1');
    const props = resource(await emulatorState(), UBUNTU_ID)?.properties as { description: string; endOfLifeDate: string; recommended: { vCPUs: { min: number; max: number } } };
    assert.equal(props.description, 'Ubuntu 22.04, CIS level 1');
    assert.match(props.endOfLifeDate, /^2032-06-30T00:00:00/);
    assert.deepEqual(props.recommended.vCPUs, { min: 2, max: 8 });
    await ui.waitFor('info', /^Updated description, end-of-life date, recommended vcpus of ubuntu-22\.04-lts\.$/);
  });

  it('changes definition fields from options alone, empty removing one, takes an http:// link (Azure does) and refuses a past date before sending', async () => {
    await run('updateImageDefinition', { definition: UBUNTU_ID, eula: 'https://contoso.example/eula', recommended: { memory: { min: 4, max: 64 } }, prompter: new ScriptedPrompter([]) });
    let props = resource(await emulatorState(), UBUNTU_ID)?.properties as { eula?: string; recommended: { vCPUs?: unknown; memory?: unknown } };
    assert.equal(props.eula, 'https://contoso.example/eula');
    assert.deepEqual(props.recommended.memory, { min: 4, max: 64 });
    assert.deepEqual(props.recommended.vCPUs, { min: 2, max: 8 }, 'what was not named stays');
    await run('updateImageDefinition', { definition: UBUNTU_ID, eula: '' });
    props = resource(await emulatorState(), UBUNTU_ID)?.properties as typeof props;
    assert.equal(props.eula, undefined, 'an empty value removes the link');

    // Azure stores any text as a link: an http:// one is sent as given (the prompts warn about it).
    await run('updateImageDefinition', { definition: UBUNTU_ID, releaseNoteUri: 'http://contoso.example/notes' });
    props = resource(await emulatorState(), UBUNTU_ID)?.properties as typeof props;
    assert.equal((props as { releaseNoteUri?: string }).releaseNoteUri, 'http://contoso.example/notes');

    const before = await azureSnapshot();
    await clearRequestLog();
    assert.equal(await run('updateImageDefinition', { definition: UBUNTU_ID, endOfLifeDate: '2001-01-01' }), undefined);
    await ui.waitFor('error', /^Update Image Definition: End-of-life date: .* Nothing was changed\.$/);
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it('excludes a version from latest and sets its end of life from options; the tree shows both', async () => {
    // VMs and scale sets use 1.0.0 (the demo seed's rg-workloads and rg-dev): the change is confirmed first.
    const prompter = new ScriptedPrompter([{ confirm: true }]);
    const version = await run<ImageVersion>('updateImageVersion', { version: UBUNTU_1, excludeFromLatest: true, endOfLifeDate: '2031-01-31', prompter });
    assert.deepEqual(prompter.prompts.map((p) => p.kind), ['confirm']);
    const detail = prompter.prompts[0]?.detail ?? '';
    assert.match(detail, /^1 scale set in the \d+ selected subscriptions follows latest, which is image version 1\.0\.0 of ubuntu-22\.04-lts now/);
    assert.match(detail, /\n\n2 VMs and 1 scale set in the \d+ selected subscriptions use image version 1\.0\.0 of ubuntu-22\.04-lts \(2 pin it, 1 follows latest\)\. An end-of-life date only informs/);
    assert.equal(version?.excludeFromLatest, true);
    const profile = (await stored(UBUNTU_1)).publishingProfile;
    assert.equal(profile.excludeFromLatest, true);
    assert.match(profile.endOfLifeDate ?? '', /^2031-01-31T00:00:00/);
    await ui.waitFor('info', /^Updated image version 1\.0\.0 of ubuntu-22\.04-lts: excluded from latest; end of life 2031-01-31\.$/);
    await eventually(async () => assert.match(String((await item(await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '1.0.0'))).description), /excluded from latest · EOL 2031-01-31/));
  });

  it('refuses to drop the source region before sending anything, saying why', async () => {
    const before = await azureSnapshot();
    await clearRequestLog();
    assert.equal(await run('updateImageVersion', { version: WINDOWS_1, targetRegions: ['eastus'] }), undefined);
    const error = await ui.waitFor('error', /source region/);
    assert.ok(error.message.includes(whyRegionCannotBeRemoved('westus2', 'westus2') ?? 'unreachable'), error.message);
    assert.equal(await run('updateImageVersion', { version: WINDOWS_1, blockDeletionBeforeEndOfLife: true }), undefined);
    await ui.waitFor('error', /needs an end-of-life date/);
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
  });

  it('changes target regions and replicas: the source region locked in, a removal confirmed (dismissing it changes nothing), replication followed as in creation', async () => {
    const version = await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022', '2022.1.0');
    const before = await azureSnapshot();
    const script = () => [{ pickMany: ['Target regions'] }, { pickMany: ['West Europe'] }, 'westeurope=2', { pick: /^Azure's default/ }, SAVE];
    const declined = new ScriptedPrompter([...script(), { confirm: false }]);
    assert.equal(await run('updateImageVersion', version, { prompter: declined }), undefined);
    assertNoProblems(declined);
    const regions = declined.prompts.find((p) => p.title.includes('Target regions'));
    assert.equal(regions?.items?.find((i) => i.label === 'West US 2')?.description, 'westus2 · source region');
    assert.ok(regions?.items?.find((i) => i.label === 'West US 2')?.locked, 'the source region cannot be unselected');
    assert.deepEqual(regions?.selected?.sort(), ['East US', 'West US 2'], 'the regions it has now are selected');
    assert.ok(declined.refusals.some((r) => r.label === 'West US 2'), 'leaving the source region out keeps it in');
    const summary = declined.prompts.find((p) => p.title.includes('Summary'));
    assert.equal(summary?.items?.find((i) => /Target regions/.test(i.label))?.description, 'adds westeurope; removes eastus (its replicas are deleted)');
    const confirm = declined.prompts.at(-1);
    assert.equal(confirm?.title, 'Remove eastus from image version 2022.1.0 of windows-server-2022?');
    assert.match(confirm?.detail ?? '', /deletes the version's replicas in East US/);
    assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');

    const api = await extensionApi();
    const accepted = new ScriptedPrompter([...script(), { confirm: true }]);
    await run('updateImageVersion', version, { prompter: accepted });
    assertNoProblems(accepted);
    assert.ok(api.versionCreations.waitingFor.includes(WINDOWS_1.toLowerCase()), 'the replication is followed in the background, as for a new version');
    const after = await stored(WINDOWS_1);
    assert.deepEqual(after.publishingProfile.targetRegions.map((r) => `${r.name}×${r.regionalReplicaCount}`), ['West US 2×1', 'West Europe×2']);
    assert.equal(after.safetyProfile.allowDeletionOfReplicatedLocations, true, 'the removal was allowed explicitly');
    await ui.waitFor('info', /^Image version 2022\.1\.0 of windows-server-2022 is ready: replicated to /, 30_000);
  });

  it('keeps Update Image Version in the menu of a replicating version, and says why it must wait', async () => {
    const menus = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context'];
    const when = menus.find((m) => m.command === 'azureComputeGallery.updateImageVersion')?.when ?? '';
    const pattern = /viewItem =~ \/(.*)\//.exec(when)?.[1];
    assert.ok(pattern && new RegExp(pattern).test('acg.version.busy'), `shown on a replicating version's row: ${when}`);

    await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 120_000, failRegions: [] } });
    try {
      // Azure's update of the version lasts until the test ends it (the replica count alone may
      // replicate nothing: the operation itself must hold).
      await emulatorAdmin('POST', '/_admin/config', { lro: { durationMs: 600_000 } });
      await arm('PATCH', UBUNTU_1, { properties: { publishingProfile: { replicaCount: 2 } } });
      await clearRequestLog();
      const before = await azureSnapshot();
      assert.equal(await run('updateImageVersion', { version: UBUNTU_1, endOfLifeDate: '2032-01-31', prompter: new ScriptedPrompter([]) }), undefined);
      const told = await ui.waitFor('warning', /still being updated/);
      assert.equal(told.message, 'Update Image Version: Image version 1.0.0 is still being updated: wait until its replication finishes (the tree shows the progress), then update it. Nothing was changed.');
      assert.deepEqual(await writes(), []);
      assert.equal(await azureSnapshot(), before);
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { lro: { durationMs: 100 } });
      await emulatorAdmin('POST', '/_admin/expire-operations');
      await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 1500, failRegions: [] } });
    }
  });
});
