// Issue 15: an application version is followed after it is sent as an image version is — a
// progress notification that ends with the result (ready, or failed with Azure's words), from the
// tree's replication watcher — and a failed region offers Retry Region, which removes it and adds
// it back with its own settings and the package source unchanged.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Application, ApplicationVersion } from '../../src/azure/types';
import { PENDING_VERSIONS_KEY, type PendingVersion } from '../../src/commands/createVersionProgress';
import type { RegionNode } from '../../src/tree/nodes/regionNode';
import { GALLERY_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, item, nodeAt, tooltipText } from './helpers';

const APP_ID = `${GALLERY_ID}/applications/it-replication`;
const PACKAGE = 'https://contosoartifacts.blob.core.windows.net/apps/agent.tar.gz?sv=2024-01-01&sig=abcdefgh';
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`azureComputeGallery.${command}`, ...args);

async function pending(): Promise<string[]> {
  return ((await extensionApi()).explorer.globalState.get<PendingVersion[]>(PENDING_VERSIONS_KEY) ?? []).map((p) => p.id);
}

function create(name: string): Thenable<ApplicationVersion | undefined> {
  return run<ApplicationVersion>('createApplicationVersion', { application: APP_ID, name, packageUrl: PACKAGE, install: 'i', remove: 'r', targetRegions: ['eastus', 'westus2'], replicas: 'eastus=1, westus2=2' });
}

describe('Application version replication followed (extension host, local Azure)', function () {
  this.timeout(60_000);
  const ui = useDemoSession({ replicationMs: 300, cleanUp: () => emulatorAdmin('POST', '/_admin/replication-faults', { versionId: `${APP_ID}/versions/1.1.0`, failRegions: [] }).then(() => undefined) });

  before(async () => {
    assert.ok(await run<Application>('createApplication', { gallery: GALLERY_ID, name: 'it-replication', osType: 'Linux' }));
  });

  it('a progress notification follows the new version and ends with "ready"; nothing stays pending', async () => {
    const created = await create('1.0.0');
    assert.ok(created);
    await ui.waitFor('info', /^Application version 1\.0\.0 of it-replication is ready: replicated to East US, West US 2\.$/);
    await eventually(async () => assert.deepEqual(await pending(), []));
    assert.deepEqual(ui.errors(), []);
  });

  it('a region that fails ends the notification with Azure\'s words; Retry Region adds it back as it was, and it completes', async () => {
    const id = `${APP_ID}/versions/1.1.0`;
    await emulatorAdmin('POST', '/_admin/replication-faults', { versionId: id, failRegions: ['westus2'] });
    assert.ok(await create('1.1.0'));
    await ui.waitFor('error', /^Application version 1\.1\.0 of it-replication failed: Replication to region 'westus2' failed/);
    const version = await nodeAt(/^Contoso Production/, 'contoso_images', 'VM Applications', 'it-replication', '1.1.0');
    const rows = (await eventually(async () => {
      const got = (await children(version)) as RegionNode[];
      assert.equal(got.length, 2);
      return got;
    })) as RegionNode[];
    const west = rows.find((r) => r.region === 'westus2')!;
    const westItem = await item(west);
    assert.equal(westItem.contextValue, 'acg.appRegion.failed', 'Retry Region is offered on the failed region');
    assert.match(tooltipText(westItem), /Retry Region removes the region and adds it back/);

    const before = resource(await emulatorState(), id)!.properties.publishingProfile as { source: unknown; targetRegions: Record<string, unknown>[] };
    await emulatorAdmin('POST', '/_admin/replication-faults', { versionId: id, failRegions: [] });
    ui.clear();
    const after = await run<ApplicationVersion>('retryRegion', west, { confirmed: true });
    assert.ok(after, 'the command returns the version');
    await ui.waitFor('info', /^West US 2 of application version 1\.1\.0 of it-replication is replicated again: Completed\.$/);
    const stored = resource(await emulatorState(), id)!;
    const profile = stored.properties.publishingProfile as { source: unknown; targetRegions: Record<string, unknown>[] };
    assert.deepEqual(profile.source, before.source, 'the package source is sent back unchanged');
    assert.deepEqual(profile.targetRegions, before.targetRegions, 'the region is back with its own settings');
    assert.equal((stored.properties.safetyProfile as { allowDeletionOfReplicatedLocations?: boolean }).allowDeletionOfReplicatedLocations, false, 'the safety profile as it was');
    await eventually(async () => {
      const got = (await children(version)) as RegionNode[];
      assert.deepEqual(got.map((r) => `${r.region}:${r.row.state}`), ['eastus:Completed', 'westus2:Completed']);
    });
    assert.deepEqual(ui.errors(), []);
  });
});
