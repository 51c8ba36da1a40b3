// Inventory… (issue 16, item 2) in the real extension host against the local Azure's demo seed: the
// command opens the webview with every image version in scope from one Resource Graph request; the
// webview's own script filters and sorts; an export writes the CSV or JSON of what it shows; a
// row's action runs the tree's command on the row's id.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InventoryView } from '../../src/commands/inventory';
import type { DeleteReport } from '../../src/commands/deleteResource';
import type { UsageReport } from '../../src/commands/showUsage';
import { CANCEL, GALLERY_ID, PRODUCTION, ScriptedPrompter, UBUNTU_ID, useDemoSession } from './createHelpers';
import { eventually, extensionApi } from './helpers';
import { clearRequestLog, requestLog } from './shareHelpers';

const inventory = (...args: unknown[]) => vscode.commands.executeCommand<InventoryView | undefined>('azureComputeGallery.inventory', ...args);
const graphQueries = async () => (await requestLog()).filter((r) => r.method === 'POST' && /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0]!));
const label = (view: InventoryView, id: string) => {
  const r = view.rows.find((x) => x.id.toLowerCase() === id.toLowerCase())!;
  return `${r.gallery}/${r.definition}/${r.version}`;
};

describe('Inventory…: every image version in scope as a table (extension host, local Azure)', () => {
  useDemoSession();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-inventory-'));
  const views: InventoryView[] = [];
  after(() => {
    for (const v of views) v.panel.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the panel with every version of the selected subscriptions, from one Resource Graph request', async () => {
    await clearRequestLog();
    const view = (await inventory())!;
    views.push(view);
    assert.equal((await graphQueries()).length, 1, 'one request for every subscription');
    assert.equal(view.panel.viewType, 'azureComputeGallery.inventory');
    assert.match(view.panel.title, /^Inventory: /);
    const names = view.rows.map((r) => `${r.gallery}/${r.definition}/${r.version}`);
    for (const expected of ['contoso_images/ubuntu-22.04-lts/1.1.0', 'contoso_images/ubuntu-22.04-lts/1.0.0', 'contoso_images/windows-server-2022/2022.1.0', 'contoso_shared/rhel-9/9.4.0', 'contoso_community/debian-12/1.0.0']) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    }
    const ubuntu = view.rows.find((r) => r.id.toLowerCase() === `${UBUNTU_ID}/versions/1.0.0`.toLowerCase())!;
    assert.deepEqual(
      { os: ubuntu.os, securityType: ubuntu.securityType, subscription: ubuntu.subscription, sizeGB: ubuntu.sizeGB, state: ubuntu.state, excluded: ubuntu.excludedFromLatest },
      { os: 'Linux', securityType: 'TrustedLaunchSupported', subscription: 'Contoso Production', sizeGB: 30, state: 'Succeeded', excluded: false },
    );
    assert.deepEqual(ubuntu.regions.map((r) => [r.name, r.replicas, r.storage]), [['East US', 1, 'Standard_LRS'], ['West US 2', 1, 'Standard_LRS']]);
    assert.match(ubuntu.published, /^\d{4}-\d{2}-\d{2}$/);
    // What the webview rendered: every row, in the tree's order.
    await eventually(async () => assert.equal(view.shown()?.ids.length, view.rows.length));
  });

  it('a gallery’s inventory holds that gallery’s versions only; the webview filters and sorts them', async () => {
    const view = (await inventory({ id: GALLERY_ID }))!;
    views.push(view);
    assert.match(view.panel.title, /^Inventory: contoso_images$/);
    assert.deepEqual(view.rows.map((r) => r.gallery).filter((g) => g !== 'contoso_images'), []);
    assert.equal(view.rows.length, 4);
    const shown = await view.filter({ text: 'windows east' }, { column: 'version', descending: false });
    assert.deepEqual(shown.ids.map((id) => label(view, id)), ['contoso_images/windows-server-2022/2022.1.0']);
    const sorted = await view.filter({ text: '' }, { column: 'version', descending: true });
    assert.deepEqual(sorted.ids.map((id) => label(view, id).split('/')[2]), ['2022.2.0', '2022.1.0', '1.1.0', '1.0.0']);
  });

  it('exports what the table shows as quoted CSV and as JSON', async () => {
    const saved: Record<string, vscode.Uri> = { csv: vscode.Uri.file(path.join(dir, 'versions.csv')), json: vscode.Uri.file(path.join(dir, 'versions.json')) };
    const view = (await inventory({ id: GALLERY_ID, saveTo: (format: 'csv' | 'json') => saved[format] }))!;
    await view.filter({ text: 'ubuntu' }, { column: 'version', descending: false });
    assert.equal((await view.export('csv'))?.fsPath, saved.csv!.fsPath);
    const lines = fs.readFileSync(saved.csv!.fsPath, 'utf8').split('\r\n');
    assert.equal(lines[0], 'Subscription,Resource group,Gallery,Definition,Version,OS,Security type,"Regions (replicas, storage)",Published,End of life,Excluded from latest,Latest,Size (GB),State');
    assert.equal(lines.length, 4, 'the header, two rows and the final CRLF');
    assert.match(lines[1]!, /^Contoso Production,rg-images,contoso_images,ubuntu-22\.04-lts,1\.0\.0,Linux,TrustedLaunchSupported,"East US \(1, Standard_LRS\); West US 2 \(1, Standard_LRS\)",\d{4}-\d{2}-\d{2},,No,Yes,30,Succeeded$/);
    assert.match(lines[2]!, /^Contoso Production,rg-images,contoso_images,ubuntu-22\.04-lts,1\.1\.0,/);
    await view.export('json');
    const json = JSON.parse(fs.readFileSync(saved.json!.fsPath, 'utf8')) as Array<{ id: string; version: string; regions: unknown[]; latest: boolean }>;
    assert.deepEqual(json.map((r) => r.version), ['1.0.0', '1.1.0']);
    assert.equal(json[0]!.id.toLowerCase(), `${UBUNTU_ID}/versions/1.0.0`.toLowerCase());
    assert.deepEqual(json[0]!.regions[0], { name: 'East US', replicas: 1, storage: 'Standard_LRS' });
  });

  it('a row’s actions run the tree’s commands on its id: Reveal in Tree, Show Usage, Delete', async () => {
    const id = `${GALLERY_ID}/images/windows-server-2022/versions/2022.1.0`;
    const view = (await inventory({ id: `/subscriptions/${PRODUCTION}`, actionOptions: { prompter: new ScriptedPrompter([CANCEL]), confirmed: true } }))!;
    views.push(view);
    assert.equal(view.panel.title, 'Inventory: Contoso Production');
    assert.equal(await view.action('reveal', id), true);
    const api = await extensionApi();
    await eventually(async () => assert.equal(((api.explorer.view?.selection[0] as { resourceId?: string } | undefined)?.resourceId ?? '').toLowerCase(), id.toLowerCase()));
    const usage = (await view.action('usage', `${UBUNTU_ID}/versions/1.0.0`)) as UsageReport;
    assert.equal(usage.subject, 'image version 1.0.0 of ubuntu-22.04-lts');
    const report = (await view.action('delete', id)) as DeleteReport;
    assert.deepEqual(report.results.map((r) => r.outcome), ['deleted']);
    assert.ok(!view.rows.some((r) => r.id.toLowerCase() === id.toLowerCase()), 'the deleted row leaves the table at once');
    await eventually(async () => assert.ok(!view.shown()?.ids.some((x) => x.toLowerCase() === id.toLowerCase())));
  });
});
