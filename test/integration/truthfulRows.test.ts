// Issue 18, items 1 and 3: what a row says about "latest" is recomputed from Azure's answer for
// every row it affects, without a manual refresh; a delete the user made ends a version's
// progress at once and quietly.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageVersion } from '../../src/azure/types';
import { PENDING_VERSIONS_KEY, type PendingVersion } from '../../src/commands/createVersionProgress';
import type { DeleteReport } from '../../src/commands/deleteResource';
import type { ExplorerNode } from '../../src/tree/explorerProvider';
import { RG_BUILDS, ScriptedPrompter, UBUNTU_ID, WINDOWS_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { child, children, emulatorAdmin, eventually, extensionApi, item, nodeAt, tooltipText } from './helpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const IMAGE_UBUNTU = `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;
/** A hover's markdown as the user reads it (escapes removed). */
const hover = async (node: ExplorerNode) => tooltipText(await item(node)).replace(/\\(.)/g, '$1');
const description = async (node: ExplorerNode) => String((await item(node)).description ?? '');

/** Records which rows the tree told VS Code to redraw (a redrawn ancestor redraws its expanded rows too). */
async function redrawRecorder(): Promise<{ redrawn(node: ExplorerNode): boolean; clear(): void; dispose(): void }> {
  const events: (ExplorerNode | undefined)[] = [];
  const listening = (await extensionApi()).explorer.provider.onDidChangeTreeData((n) => events.push(n));
  return {
    redrawn: (node) => events.some((e) => e === undefined || e === node || e === node.parent || e === node.parent?.parent),
    clear: () => (events.length = 0),
    dispose: () => listening.dispose(),
  };
}

describe('Truthful rows: "latest" recomputed after every change; a user’s delete ends progress quietly (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 1500 });

  afterEach(async () => {
    await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 1500, failRegions: [] } });
  });

  after(async () => {
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
  });

  it('a version still being created is never called the one VMs get; once ready it takes over, and excluding it hands "latest" back, on every row at once', async () => {
    const redraws = await redrawRecorder();
    try {
      const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
      const v100 = await child(definition, '1.0.0');
      const v110 = await child(definition, '1.1.0');
      // 1.1.0 is still replicating (demo seed): it is not what "latest" gives yet.
      assert.match(await description(v110), /· latest when ready$/);
      assert.doesNotMatch(await hover(v110), /get this version/);
      assert.match(await hover(v110), /Not "latest" yet: VMs asking for "latest" get 1\.0\.0 until this version is ready/);
      assert.equal(await description(v100), 'latest');
      assert.match(await hover(v100), /New VMs asking for "latest" get this version until 1\.1\.0 is ready\./);
      assert.match(await hover(definition), /Latest: 1\.0\.0 \(what VMs asking for "latest" get\); 1\.1\.0 once it is ready\./);

      // A new, higher version: "latest when ready" while it replicates, "latest" once it is done.
      const created = await run<ImageVersion>('createImageVersion', { definition: UBUNTU_ID, version: '2.0.0', source: IMAGE_UBUNTU, targetRegions: ['eastus'], prompter: new ScriptedPrompter([]) });
      assert.ok(created, ui.errors().join(' | '));
      const v200 = await child(definition, '2.0.0');
      assert.match(await description(v200), /· latest when ready$/);
      assert.doesNotMatch(await hover(v200), /get this version/);
      await ui.waitFor('info', /^Image version 2\.0\.0 of ubuntu-22\.04-lts is ready/);
      await eventually(async () => assert.equal(await description(v200), 'latest'));
      assert.match(await hover(v200), /New VMs asking for "latest" get this version\./);
      assert.equal(await description(v100), '', '1.0.0 no longer says it is latest');
      assert.doesNotMatch(await hover(v100), /get this version/);
      assert.match(await hover(definition), /Latest: 2\.0\.0 \(what VMs asking for "latest" get\)\./);

      // Excluding it: its row, the sibling that takes over and the definition are redrawn from
      // Azure's answer as the command returns — no refresh by hand.
      redraws.clear();
      const excluded = await run<ImageVersion>('updateImageVersion', { version: created.id, excludeFromLatest: true, confirmed: true, prompter: new ScriptedPrompter([]) });
      assert.equal(excluded?.excludeFromLatest, true);
      assert.equal(await description(v200), 'excluded from latest');
      assert.match(await hover(v200), /Excluded from "latest": VMs get it only when they ask for this version by number\./);
      assert.doesNotMatch(await hover(v200), /get this version\./);
      assert.equal(await description(v100), 'latest');
      assert.match(await hover(v100), /New VMs asking for "latest" get this version until 1\.1\.0 is ready\./);
      assert.match(await hover(definition), /Latest: 1\.0\.0 /);
      for (const [name, node] of [['2.0.0', v200], ['1.0.0', v100], ['the definition', definition]] as const) assert.ok(redraws.redrawn(node), `${name} is redrawn`);

      // And back into latest.
      redraws.clear();
      await run<ImageVersion>('updateImageVersion', { version: created.id, excludeFromLatest: false, prompter: new ScriptedPrompter([]) });
      assert.equal(await description(v200), 'latest');
      assert.equal(await description(v100), '');
      assert.match(await hover(definition), /Latest: 2\.0\.0 /);
      assert.ok(redraws.redrawn(v100) && redraws.redrawn(definition));
    } finally {
      redraws.dispose();
    }
  });

  /** No wait for `id` any more, nothing remembered for a reload, no poll of it: no warning can follow. */
  async function assertProgressEnded(id: string): Promise<void> {
    const api = await extensionApi();
    const key = id.toLowerCase();
    // Within one poll interval (1 s in these tests) of the delete's end.
    await eventually(async () => assert.ok(!api.versionCreations.waitingFor.includes(key), 'the progress has ended'), 1000, 20);
    assert.ok(!api.explorer.watcher.watching.includes(key), 'nothing polls it any more');
    assert.ok(!api.explorer.globalState.get<PendingVersion[]>(PENDING_VERSIONS_KEY, []).some((p) => p.id.toLowerCase() === key), 'nothing resumes it after a reload');
  }

  it('deleting a version that is being created ends its progress at once, with no warning', async () => {
    const api = await extensionApi();
    await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 120_000, failRegions: [] } });
    const version = await run<ImageVersion>('createImageVersion', { definition: UBUNTU_ID, version: '3.0.0', source: IMAGE_UBUNTU, targetRegions: ['eastus'], prompter: new ScriptedPrompter([]) });
    assert.ok(version, ui.errors().join(' | '));
    assert.ok(api.versionCreations.waitingFor.includes(version.id.toLowerCase()), 'its progress is shown');
    await eventually(async () => assert.ok(api.explorer.watcher.watching.includes(version.id.toLowerCase()), 'the tree polls it'));
    ui.clear();

    const report = await run<DeleteReport>('deleteImageVersion', { version: version.id, confirmed: true });
    assert.deepEqual(report?.results.map((r) => r.outcome), ['deleted']);
    await assertProgressEnded(version.id);
    await ui.waitFor('info', /^Deleted image version 3\.0\.0 of ubuntu-22\.04-lts\.$/);
    assert.deepEqual(ui.notifications.filter((n) => n.kind !== 'info'), [], 'no warning that it was deleted while being created');
    assert.equal(resource(await emulatorState(), version.id), undefined);
  });

  it('a cascade that deletes a version whose update is replicating ends that progress too, quietly', async () => {
    const api = await extensionApi();
    await emulatorAdmin('POST', '/_admin/config', { replication: { durationMs: 120_000, failRegions: [] } });
    const id = `${WINDOWS_ID}/versions/2022.1.0`;
    const updated = await run<ImageVersion>('updateImageVersion', { version: id, targetRegions: ['westus2', 'eastus', 'japaneast'], prompter: new ScriptedPrompter([]) });
    assert.ok(updated, ui.errors().join(' | '));
    assert.ok(api.versionCreations.waitingFor.includes(id.toLowerCase()), 'the update’s replication is followed');
    ui.clear();

    const report = await run<DeleteReport>('deleteImageDefinition', { definition: WINDOWS_ID, cascade: true, confirmed: true });
    assert.ok(report?.results.every((r) => r.outcome === 'deleted'), JSON.stringify(report?.results.map((r) => [r.item.name, r.outcome, r.message])));
    await assertProgressEnded(id);
    await ui.waitFor('info', /^Deleted image definition windows-server-2022 and the 2 items in it\.$/);
    assert.deepEqual(ui.notifications.filter((n) => n.kind !== 'info'), [], 'no warning about the deleted version');
    assert.ok(!(await children(await nodeAt('Contoso Production', 'contoso_images'))).some((n) => (n as { resourceId?: string }).resourceId === WINDOWS_ID));
  });

  it('deleting the last versions: the definition\'s hover names the one that takes over, then says it has none, redrawn without a refresh by hand', async () => {
    const api = await extensionApi();
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    await child(definition, '2.0.0');
    assert.match(await hover(definition), /Latest: 2\.0\.0 /);
    const remove = async (version: string) => {
      const report = await run<DeleteReport>('deleteImageVersion', { version: `${UBUNTU_ID}/versions/${version}`, confirmed: true });
      assert.deepEqual(report?.results.map((r) => r.outcome), ['deleted'], version);
    };
    await remove('2.0.0');
    await eventually(async () => {
      await children(definition); // as VS Code lists it again after the delete
      assert.match(await hover(definition), /Latest: 1\.0\.0 /);
    });
    await remove('1.1.0');
    // The last one: "Latest: 1.0.0" and "none yet (no versions)" once read the same to the
    // comparison (it counted the versions after the delete), so the row was never redrawn.
    // What VS Code reads each time it is told to redraw the definition: its hover at that moment.
    const drawn: string[] = [];
    const listening = api.explorer.provider.onDidChangeTreeData((n) => {
      if (n === definition) void item(definition).then((i) => drawn.push(tooltipText(i).replace(/\\(.)/g, '$1')));
    });
    try {
      await remove('1.0.0');
      await eventually(async () => assert.ok((await children(definition)).every((n) => !(n as { resourceId?: string }).resourceId?.includes('/versions/'))));
      await eventually(async () => assert.ok(drawn.some((t) => t.includes('Latest: none yet (no versions).')), `VS Code is told to redraw it once it has no versions: ${JSON.stringify(drawn.map((t) => /Latest:[^\n]*/.exec(t)?.[0]))}`));
    } finally {
      listening.dispose();
    }
    assert.match(await hover(definition), /Latest: none yet \(no versions\)\./);
  });
});
