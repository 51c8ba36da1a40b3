import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery, ImageVersion } from '../../src/azure/types';
import { PENDING_VERSIONS_KEY } from '../../src/commands/createVersionProgress';
import { RG_BUILDS, ScriptedPrompter, UBUNTU_ID, WINDOWS_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, labels, nodeAt } from './helpers';
import { PRIVATE_ID } from './shareHelpers';

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
const IMAGE_UBUNTU = `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;

interface Logged {
  method: string;
  path: string;
  at: number;
}
const requestLog = async () => (await emulatorAdmin('GET', '/_admin/requests')) as Logged[];
/** GETs of the version itself (not its definition's list, not an operation). */
const versionReads = (log: readonly Logged[], id: string) => log.filter((r) => r.method === 'GET' && (r.path.split('?')[0] ?? '').toLowerCase() === id.toLowerCase());

describe('The tree owns its nodes: look-up by id, capabilities, busy state, one poller (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 2500 });

  afterEach(async () => {
    await emulatorAdmin('POST', '/_admin/config', { pageSize: 100, latencyMs: 0 });
  });

  after(async () => {
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
  });

  it('a create followed with progress: the tree’s watcher is the only loop that reads the version', async () => {
    const api = await extensionApi();
    const id = `${UBUNTU_ID}/versions/8.0.0`;
    const polls: boolean[] = [];
    const listening = api.explorer.watcher.onDidPoll((e) => {
      if (e.node.versionId.toLowerCase() === id.toLowerCase()) polls.push(e.done);
    });
    try {
      await emulatorAdmin('DELETE', '/_admin/requests');
      const version = await run<ImageVersion>('createImageVersion', { definition: UBUNTU_ID, version: '8.0.0', source: IMAGE_UBUNTU, targetRegions: ['eastus', 'westus2'], prompter: new ScriptedPrompter([]) });
      assert.equal(version?.id.toLowerCase(), id.toLowerCase());
      assert.ok(api.versionCreations.waitingFor.includes(id.toLowerCase()), 'the progress follows it');
      await ui.waitFor('info', /^Image version 8\.0\.0 of ubuntu-22\.04-lts is ready: replicated to East US, West US 2\.$/, 30_000);
      assert.ok(polls.length >= 2, `the replication took several polls (${polls.length})`);
      const reads = versionReads(await requestLog(), id);
      // One read answers the submission (the version as Azure reports it once accepted); every
      // other one is a poll of the watcher. A second loop would add reads no poll accounts for.
      assert.equal(reads.length, polls.length + 1, `reads of the version: ${reads.length}, watcher polls: ${polls.length}`);
      const gaps = reads.slice(2).map((r, i) => r.at - reads[i + 1]!.at);
      assert.ok(
        gaps.every((g) => g >= 900),
        `polls are at least the poll interval (1 s) apart, never two at once: ${gaps.join(', ')} ms`,
      );
    } finally {
      listening.dispose();
    }
  });

  it('an update that replicates: the progress follows the same watch, no loop of its own', async () => {
    const api = await extensionApi();
    const id = `${WINDOWS_ID}/versions/2022.1.0`;
    const polls: number[] = [];
    const listening = api.explorer.watcher.onDidPoll((e) => {
      if (e.node.versionId.toLowerCase() === id.toLowerCase()) polls.push(Date.now());
    });
    try {
      const updated = await run<ImageVersion>('updateImageVersion', { version: id, targetRegions: ['westus2', 'eastus', 'japaneast'], prompter: new ScriptedPrompter([]) });
      assert.ok(updated, ui.errors().join(' | '));
      assert.ok(api.versionCreations.waitingFor.includes(id.toLowerCase()));
      // From here on (the update's own reads are done) every read of the version is a poll.
      await emulatorAdmin('DELETE', '/_admin/requests');
      polls.length = 0;
      await ui.waitFor('info', /^Image version 2022\.1\.0 of windows-server-2022 is ready: replicated to /, 30_000);
      const reads = versionReads(await requestLog(), id);
      // A poll whose request was under way when the log was cleared is heard, not logged.
      assert.ok(polls.length >= 2, `the replication took several polls (${polls.length})`);
      assert.ok(reads.length === polls.length || reads.length === polls.length - 1, `reads of the version: ${reads.length}, watcher polls: ${polls.length}`);
    } finally {
      listening.dispose();
    }
  });

  it('commands take a version by id from a later page: findNode follows "Load more…" to the tree’s own node', async () => {
    const api = await extensionApi();
    await emulatorAdmin('POST', '/_admin/config', { pageSize: 1 });
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022');
    await run('refresh', definition);
    const first = await children(definition);
    assert.equal((await labels(first)).at(-1), 'Load more…', 'one version per page');
    const shown = (first[0] as unknown as { resourceId: string }).resourceId;
    const other = [`${WINDOWS_ID}/versions/2022.1.0`, `${WINDOWS_ID}/versions/2022.2.0`].find((v) => v.toLowerCase() !== shown.toLowerCase())!;

    const found = await api.explorer.findNode(other, 'imageVersion');
    assert.ok(found, 'found on the next page');
    assert.equal(found.resourceId.toLowerCase(), other.toLowerCase());
    assert.ok((await children(definition)).includes(found), 'the tree’s own node, now shown after a second page');
    assert.equal(await api.explorer.findNode(other, 'gallery'), undefined, 'asked for another kind: nothing');

    assert.equal(await run('copyResourceId', found), found.resourceId);
    assert.equal(await run('copyImageReference', found), found.resourceId, 'a private version is referenced by its ARM id');
    const url = await run<string>('openInPortal', found);
    assert.ok(url?.endsWith(`/resource${found.resourceId}`), url);

    // By id, with one version per page (2022.2.0 replicates for minutes: a write waits for that).
    const settled = `${WINDOWS_ID}/versions/2022.1.0`;
    const tags = await run<Record<string, string>>('editTags', { resource: settled, tags: { owner: 'platform' }, confirmed: true });
    assert.deepEqual(tags, { owner: 'platform' });
    assert.deepEqual(resource(await emulatorState(), settled)?.tags, { owner: 'platform' });
  });

  it('finds shared images by their unique id under "Shared with me"', async () => {
    const api = await extensionApi();
    const shared = await children(await nodeAt('Shared with me'));
    const gallery = shared.find((n) => /fabrikam_partner_images/i.test((n as { resourceId?: string }).resourceId ?? '')) as { resourceId: string } | undefined;
    assert.ok(gallery, 'Fabrikam’s gallery is shared with Contoso Production');
    const image = await api.explorer.findNode(`${gallery.resourceId}/Images/windows-2022-hardened`);
    assert.match((image as { resourceId?: string } | undefined)?.resourceId ?? '', /\/Images\/windows-2022-hardened$/i);
    assert.match(String(await run('copyImageReference', image)), /^\/SharedGalleries\/.*\/Images\/windows-2022-hardened\/Versions\/latest$/i);
  });

  it('draws "Updating…" over the node while an update runs, and nothing after', async () => {
    const api = await extensionApi();
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    await emulatorAdmin('POST', '/_admin/config', { latencyMs: 400 });
    const running = run<Gallery>('updateGallery', { gallery: PRIVATE_ID, description: 'Busy while updating' });
    await eventually(async () => {
      const drawn = await api.explorer.provider.getTreeItem(gallery);
      assert.equal(drawn.description, 'Updating…');
      assert.equal(drawn.contextValue, 'acg.busy', 'no menu actions while it runs');
    });
    assert.equal((await running)?.description, 'Busy while updating');
    const drawn = await api.explorer.provider.getTreeItem(gallery);
    assert.notEqual(drawn.description, 'Updating…');
    assert.equal(drawn.contextValue, 'acg.gallery.private');
  });
});
