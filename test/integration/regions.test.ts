// A version region by region in the real extension host against the local Azure: a version whose
// operation Succeeded while one region failed (Azure/AgentBaker #8373) expands into region rows
// with Azure's words and details; its row's "n/m regions" is counted from the same rows; Retry
// Region, confirmed, removes the region and adds it back, and the row ends Completed once the
// local Azure no longer fails it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageVersion } from '../../src/azure/types';
import type { ExplorerNode } from '../../src/tree/explorerProvider';
import type { RegionNode } from '../../src/tree/nodes/regionNode';
import { putAndWait } from './armHelpers';
import { RG_BUILDS, ScriptedPrompter, UBUNTU_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, item, nodeAt, tooltipText } from './helpers';

const IMAGE_UBUNTU = `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;
const VERSION = `${UBUNTU_ID}/versions/7.1.0`;
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);

describe('Replication region by region (extension host, local Azure)', () => {
  const ui = useDemoSession({
    replicationMs: 800,
    cleanUp: async () => {
      await emulatorAdmin('POST', '/_admin/config', { replication: { succeedBeforeReplicated: false } });
      await emulatorAdmin('POST', '/_admin/replication-faults', { versionId: VERSION, failRegions: [] });
    },
  });

  let versionNode: ExplorerNode & { versionId: string; version: ImageVersion };
  const regionRows = async () => (await children(versionNode)) as RegionNode[];

  before(async () => {
    // Azure ends the operation Succeeded while the regions still copy; westus2 then fails.
    await emulatorAdmin('POST', '/_admin/config', { replication: { succeedBeforeReplicated: true } });
    await emulatorAdmin('POST', '/_admin/replication-faults', { versionId: VERSION, failRegions: ['westus2'] });
    await putAndWait(VERSION, {
      location: 'eastus',
      properties: {
        publishingProfile: {
          targetRegions: [
            { name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
            { name: 'westus2', regionalReplicaCount: 2, storageAccountType: 'Standard_ZRS', excludeFromLatest: true },
          ],
        },
        storageProfile: { source: { id: IMAGE_UBUNTU } },
      },
    });
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    (await extensionApi()).explorer.reload(definition);
    const found = (await children(definition)).find((n) => (n as { versionId?: string }).versionId?.toLowerCase() === VERSION.toLowerCase());
    assert.ok(found, 'the tree lists the new version');
    versionNode = found as typeof versionNode;
  });

  it("expands a version into its regions: Failed with Azure's details while the version reads Succeeded; n/m regions from the same rows", async () => {
    assert.equal((await item(versionNode)).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a version expands');
    const rows = await eventually(async () => {
      const got = await regionRows();
      assert.deepEqual(
        await Promise.all(got.map(async (n) => [(await item(n)).label, (await item(n)).description])),
        [
          ['East US', 'Completed · 1 replica · Standard_LRS'],
          ['West US 2', 'Failed · 2 replicas · Standard_ZRS'],
        ],
      );
      return got;
    });
    assert.equal(versionNode.version.provisioningState, 'Succeeded', 'Azure reports the version Succeeded while a region failed');
    const west = await item(rows[1]);
    assert.equal(west.contextValue, 'acg.region.failed', 'Retry Region is offered on the failed region');
    assert.equal((await item(rows[0])).contextValue, 'acg.region.completed', 'and not on a completed one');
    assert.match(tooltipText(west), /Azure: Replication to region 'westus2' failed/, "Azure's details, verbatim");
    assert.match(tooltipText(west), /VMs cannot be created from this version here/);
    const usable = rows.filter((r) => r.row.usable).length;
    const version = await item(versionNode);
    assert.match(String(version.description), new RegExp(`^${usable}/${rows.length} regions · Failed in West US 2`));
    assert.equal((version.iconPath as vscode.ThemeIcon).id, 'error');
  });

  it('Retry Region, confirmed, removes the region and adds it back as it was; the row ends Completed', async () => {
    const before = resource(await emulatorState(), VERSION)!;
    const westBefore = (before.properties.publishingProfile as { targetRegions: Record<string, unknown>[] }).targetRegions[1];
    // The local Azure no longer fails the region: the copy made after it is added back succeeds.
    await emulatorAdmin('POST', '/_admin/replication-faults', { versionId: VERSION, failRegions: [] });
    const west = (await regionRows()).find((n) => n.region === 'westus2')!;

    const declined = new ScriptedPrompter([{ confirm: false }]);
    assert.equal(await run('retryRegion', west, { prompter: declined }), undefined);
    assert.match(declined.prompts[0]?.title ?? '', /^Retry West US 2 for image version 7\.1\.0 of ubuntu-22\.04-lts\?$/);
    assert.match(declined.prompts[0]?.detail ?? '', /removes West US 2 .* then adds it back with the same settings \(2 replicas, Standard_ZRS/);
    assert.equal(resource(await emulatorState(), VERSION)?.properties.publishingProfile && (resource(await emulatorState(), VERSION)!.properties.publishingProfile as { targetRegions: unknown[] }).targetRegions.length, 2, 'declined: nothing sent');

    // Followed live: every poll the watcher makes of the version, as the region rows read it.
    const seen: string[] = [];
    const listening = (await extensionApi()).explorer.watcher.onDidPoll((e) => {
      if (e.node.versionId.toLowerCase() !== VERSION.toLowerCase() || !e.node.version) return;
      const v = e.node.version;
      seen.push(`${v.provisioningState}:${(v.replication?.regions ?? []).map((r) => `${r.region}=${r.state}`).join(',')}`);
    });
    let after: ImageVersion | undefined;
    try {
      after = await run<ImageVersion>('retryRegion', west);
    } finally {
      listening.dispose();
    }
    assert.ok(ui.confirmations.some((c) => /^Retry West US 2/.test(c.message)), 'asked first');
    assert.ok(after, 'the command returns the version');
    const gone = seen.findIndex((s) => !s.includes('West US 2'));
    assert.ok(gone >= 0, `the region left the list: ${seen.join(' | ')}`);
    assert.ok(seen.slice(gone).some((s) => /West US 2=(Unknown|Replicating)/.test(s)), `then came back and replicated: ${seen.join(' | ')}`);
    assert.match(seen[seen.length - 1], /West US 2=Completed/);
    await ui.waitFor('info', /^West US 2 of image version 7\.1\.0 of ubuntu-22\.04-lts is replicated again: Completed\.$/);

    const rows = await regionRows();
    assert.deepEqual(
      rows.map((r) => [r.region, r.row.description]),
      [
        ['eastus', 'Completed · 1 replica · Standard_LRS'],
        ['westus2', 'Completed · 2 replicas · Standard_ZRS'],
      ],
    );
    const stored = resource(await emulatorState(), VERSION)!;
    const westAfter = (stored.properties.publishingProfile as { targetRegions: Record<string, unknown>[] }).targetRegions[1];
    assert.deepEqual(westAfter, westBefore, 'added back with the same settings (exclusion from latest included)');
    assert.equal((stored.properties.safetyProfile as { allowDeletionOfReplicatedLocations?: boolean }).allowDeletionOfReplicatedLocations, false, 'the safety profile as it was');
    const version = await item(versionNode);
    assert.doesNotMatch(String(version.description), /regions|Failed/, 'every region usable: the row says nothing more');
    assert.deepEqual(ui.errors(), []);
  });
});
