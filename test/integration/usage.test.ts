// Who uses an image (issue 14, item 3) in the real extension host against the local Azure's demo
// seed: its VMs and scale sets in rg-workloads (Production) and rg-dev (Development) name
// ubuntu-22.04-lts 1.0.0 (pinned), the definition itself (latest), windows-server-2022's
// /versions/latest, rhel-9 through the direct share and debian-12 through its community name.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UsageReport } from '../../src/commands/showUsage';
import { CANCEL, ScriptedPrompter, UBUNTU_ID, WINDOWS_ID, useDemoSession } from './createHelpers';
import { emulatorAdmin, nodeAt } from './helpers';
import { DEVELOPMENT_SUBSCRIPTION_ID, SHARED_ID, assertNoProblems, azureSnapshot, clearRequestLog, requestLog, setSetting, writes } from './shareHelpers';

const show = (...args: unknown[]) => vscode.commands.executeCommand<UsageReport | undefined>('azureComputeGallery.showUsage', ...args);
const graphQueries = async () => (await requestLog()).filter((r) => r.method === 'POST' && /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0]!));
const summary = (report: UsageReport | undefined) => (report?.users ?? []).map((u) => `${u.name} ${u.kind} ${u.via}${u.version ? ` ${u.version}` : ''}`).sort();

describe('Show Usage: the VMs and scale sets that use an image (extension host, local Azure)', () => {
  const ui = useDemoSession({ cleanUp: () => setSetting('deleteConfirmation', undefined) });

  it('on a version: those pinning it and, as it is latest, those following latest, across subscriptions, with one Resource Graph query', async () => {
    await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '1.0.0');
    await clearRequestLog();
    const prompter = new ScriptedPrompter([CANCEL]);
    const report = await show({ version: `${UBUNTU_ID}/versions/1.0.0`, prompter });
    assertNoProblems(prompter);
    assert.equal((await graphQueries()).length, 1, 'one query, whatever the number of subscriptions');
    assert.ok((report?.subscriptions ?? 0) >= 2);
    assert.deepEqual(summary(report), ['vm-dev-ubuntu virtualMachine pinned 1.0.0', 'vm-web-01 virtualMachine pinned 1.0.0', 'vmss-web scaleSet latest']);
    assert.equal(report?.users.find((u) => u.name === 'vm-dev-ubuntu')?.subscriptionId.toLowerCase(), DEVELOPMENT_SUBSCRIPTION_ID);
    const pick = prompter.prompts[0];
    assert.equal(pick?.title, 'Show Usage: image version 1.0.0 of ubuntu-22.04-lts');
    const rows = (pick?.items ?? []).map((i) => `${i.label} | ${i.description} | ${i.detail}`);
    assert.match(rows.find((r) => r.includes('vm-web-01'))!, /^\$\(vm\) vm-web-01 \| rg-workloads · Contoso Production \(.*\) \| Virtual machine · pins 1\.0\.0$/);
    assert.match(rows.find((r) => r.includes('vmss-web'))!, /^\$\(server-environment\) vmss-web \| rg-workloads · .* \| Scale set · follows latest$/);
    assert.match(rows.find((r) => r.includes('vm-dev-ubuntu'))!, /\| rg-dev · Contoso Development \(.*\) \| Virtual machine · pins 1\.0\.0$/);
  });

  it('on a definition (from its tree node): every user, /versions/latest counted as following latest', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022');
    const prompter = new ScriptedPrompter([CANCEL]);
    const report = await show(definition, { prompter });
    assert.equal(report?.subject, 'image definition windows-server-2022');
    assert.deepEqual(summary(report), ['vm-app-win virtualMachine latest']);
    const ubuntu = await show({ definition: UBUNTU_ID, prompter: new ScriptedPrompter([CANCEL]) });
    assert.deepEqual(summary(ubuntu), ['vm-dev-ubuntu virtualMachine pinned 1.0.0', 'vm-web-01 virtualMachine pinned 1.0.0', 'vmss-web scaleSet latest']);
  });

  it('says so when nothing uses it (a version not latest, pinned by nobody)', async () => {
    const prompter = new ScriptedPrompter([CANCEL]);
    const report = await show({ version: `${WINDOWS_ID}/versions/2022.2.0`, prompter });
    assert.deepEqual(report?.users, []);
    assert.match(prompter.prompts[0]?.items?.[0]?.label ?? '', /^No VMs or scale sets use image version 2022\.2\.0 of windows-server-2022 in the \d+ selected subscriptions\.$/);
  });

  it('a Resource Graph failure is shown with Azure’s code and message', async () => {
    await emulatorAdmin('POST', '/_admin/config', { faults: [{ kind: 'error', status: 400, code: 'BadRequest', message: 'Injected: query refused', path: 'Microsoft.ResourceGraph/resources$' }] });
    try {
      assert.equal(await show({ definition: UBUNTU_ID, prompter: new ScriptedPrompter([]) }), undefined);
      await ui.waitFor('error', /^Could not find the VMs and scale sets that use image definition ubuntu-22\.04-lts: Injected: query refused\. \(code BadRequest\)/);
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    }
  });

  it('the delete confirmation counts who uses the version and warns about scale-out; declining changes nothing', async () => {
    await setSetting('deleteConfirmation', 'ClickButton');
    const before = await azureSnapshot();
    await clearRequestLog();
    const prompter = new ScriptedPrompter([{ confirm: false }]);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.deleteImageVersion', { version: `${UBUNTU_ID}/versions/1.0.0`, prompter }), undefined);
    assertNoProblems(prompter);
    const detail = prompter.prompts[0]?.detail ?? '';
    assert.match(detail, /Azure cannot undo this\.\n\n2 VMs and 1 scale set in the \d+ selected subscriptions use image version 1\.0\.0 of ubuntu-22\.04-lts \(2 pin it, 1 follows latest\)\. Those that follow latest get the next latest version for new instances\.$/);
    assert.equal((await graphQueries()).length, 1);
    assert.deepEqual(await writes(), []);
    assert.equal(await azureSnapshot(), before);
    await setSetting('deleteConfirmation', undefined);

    // Typing the name: a definition and everything in it; its scale-set user cannot scale out once it is gone.
    const typed = new ScriptedPrompter([CANCEL]);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.deleteImageDefinition', { definition: UBUNTU_ID, cascade: true, prompter: typed }), undefined);
    assert.match(
      typed.prompts[0]?.prompt ?? '',
      /^Type ubuntu-22\.04-lts to delete image definition ubuntu-22\.04-lts and the 2 items in it\. Azure cannot undo this\. 2 VMs and 1 scale set in the \d+ selected subscriptions use image definition ubuntu-22\.04-lts \(2 pin it, 1 follows latest\)\. Once it is deleted, scale sets among them will fail to scale out/,
    );
    assert.equal(await azureSnapshot(), before);
  });

  it('Exclude from Latest names who follows latest in its confirmation; declining sends nothing', async () => {
    const before = await azureSnapshot();
    const exclude = new ScriptedPrompter([{ confirm: false }]);
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.excludeFromLatest', { version: `${UBUNTU_ID}/versions/1.0.0`, prompter: exclude }), undefined);
    assertNoProblems(exclude);
    assert.match(exclude.prompts[0]?.detail ?? '', /\nWarning: 1 scale set in the \d+ selected subscriptions follows latest, which is image version 1\.0\.0 of ubuntu-22\.04-lts now: new VMs and scale-out instances will get another version/);
    assert.equal(await azureSnapshot(), before);
  });

  it('stopping a direct share counts the scale sets of the subscription losing access that use it through the share', async () => {
    const prompter = new ScriptedPrompter([{ confirm: false }]);
    await vscode.commands.executeCommand('azureComputeGallery.removeSharingGroups', { gallery: SHARED_ID, subscriptionIds: [DEVELOPMENT_SUBSCRIPTION_ID], prompter });
    assert.match(prompter.prompts[0]?.detail ?? '', /\n\n1 scale set in the \d+ selected subscriptions uses gallery contoso_shared through its direct share\. Without that access, scale sets among them will fail to scale out/);
    const reset = new ScriptedPrompter([{ confirm: false }]);
    await vscode.commands.executeCommand('azureComputeGallery.resetSharing', { gallery: SHARED_ID, prompter: reset });
    assert.match(reset.prompts[0]?.detail ?? '', /1 scale set in the \d+ selected subscriptions uses gallery contoso_shared through its direct share/);
  });
});
