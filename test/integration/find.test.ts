// Find… (issue 16, item 1) in the real extension host against the local Azure's demo seed: one
// quick pick over every gallery, definition, version and VM application of the selected
// subscriptions, loaded with one Resource Graph request; choosing a version reveals and selects it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindReport } from '../../src/commands/find';
import { CANCEL, ScriptedPrompter, UBUNTU_ID, useDemoSession } from './createHelpers';
import { emulatorAdmin, eventually, extensionApi } from './helpers';
import { assertNoProblems, clearRequestLog, requestLog } from './shareHelpers';

const find = (...args: unknown[]) => vscode.commands.executeCommand<FindReport | undefined>('azureComputeGallery.find', ...args);
const graphQueries = async () => (await requestLog()).filter((r) => r.method === 'POST' && /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0]!));

describe('Find…: every gallery resource of the selected subscriptions (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it('lists galleries, definitions, versions and applications with where they live, from one Resource Graph request', async () => {
    await clearRequestLog();
    const prompter = new ScriptedPrompter([CANCEL]);
    const report = await find({ prompter });
    assertNoProblems(prompter);
    assert.equal((await graphQueries()).length, 1, 'one request for every subscription');
    assert.ok((report?.subscriptions ?? 0) >= 2);
    const kinds = new Set(report?.rows.map((r) => r.kind));
    assert.deepEqual([...kinds].sort(), ['application', 'gallery', 'imageDefinition', 'imageVersion']);
    const pick = prompter.prompts[0]!;
    assert.equal(pick.title, 'Find');
    const rows = (pick.items ?? []).map((i) => `${i.label} | ${i.description} | ${i.detail}`);
    assert.match(rows.find((r) => r.includes('ubuntu-22.04-lts 1.1.0'))!, /^\$\(versions\) ubuntu-22\.04-lts 1\.1\.0 \| Image version · Contoso Production · rg-images · contoso_images › ubuntu-22\.04-lts \| Contoso \/ UbuntuServer \/ 22_04-lts-gen2 · Linux · East US/);
    assert.match(rows.find((r) => r.startsWith('$(package) monitoring-agent'))!, /\| VM application · Contoso Development · rg-dev · dev_gallery \| Linux/);
    assert.match(rows.find((r) => r.startsWith('$(library) dev_gallery'))!, /\| Gallery · Contoso Development · rg-dev \|/);
  });

  it('choosing a version reveals and selects its node in the tree', async () => {
    const id = `${UBUNTU_ID}/versions/1.1.0`;
    const report = await find({ prompter: new ScriptedPrompter([{ pick: /ubuntu-22\.04-lts 1\.1\.0$/ }]) });
    assert.equal(report?.chosen?.id.toLowerCase(), id.toLowerCase());
    assert.equal(report?.revealed, true);
    const api = await extensionApi();
    await eventually(async () => assert.equal(((api.explorer.view?.selection[0] as { resourceId?: string } | undefined)?.resourceId ?? '').toLowerCase(), id.toLowerCase()));
  });

  it('choosing a VM application reveals and selects its node under the gallery\'s VM Applications', async () => {
    const report = await find({ prompter: new ScriptedPrompter([{ pick: /monitoring-agent$/ }]) });
    assert.equal(report?.chosen?.kind, 'application');
    assert.equal(report?.revealed, true);
    const api = await extensionApi();
    await eventually(async () => assert.match((api.explorer.view?.selection[0] as { resourceId?: string } | undefined)?.resourceId ?? '', /\/galleries\/dev_gallery\/applications\/monitoring-agent$/i));
  });

  it('a Resource Graph failure is shown through the one failure path with Azure’s code and message', async () => {
    await emulatorAdmin('POST', '/_admin/config', { faults: [{ kind: 'error', status: 400, code: 'BadRequest', message: 'Injected: query refused', path: 'Microsoft.ResourceGraph/resources$' }] });
    try {
      assert.equal(await find({ prompter: new ScriptedPrompter([]) }), undefined);
      await ui.waitFor('error', /^Could not search the galleries of the selected subscriptions with Resource Graph: Injected: query refused\. \(code BadRequest\)/);
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    }
  });
});
