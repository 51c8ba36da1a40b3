// VM applications in the tree and their create, update and delete flows (issue 15, items 1–2),
// in the real extension host against the local Azure.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Application, ApplicationVersion } from '../../src/azure/types';
import { CANCEL, ScriptedPrompter, emulatorState, resource, useDemoSession } from './createHelpers';
import { children, eventually, extensionApi, item, labels, nodeAt, tooltipText } from './helpers';
import { DEV_GALLERY_ID, clearRequestLog, writes } from './shareHelpers';

const APP_ID = `${DEV_GALLERY_ID}/applications/monitoring-agent`;
const PACKAGE = 'https://contosoartifacts.blob.core.windows.net/apps/agent-2.0.0.tar.gz?sv=2024-01-01&sig=x';
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`azureComputeGallery.${command}`, ...args);

describe('VM applications (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 300 });

  it('a gallery lists its VM Applications after its image definitions; an application lists its versions and their regions', async () => {
    assert.deepEqual(await labels(await children(await nodeAt('Contoso Development', 'dev_gallery'))), ['app-base', 'VM Applications']);
    assert.deepEqual(await labels(await children(await nodeAt('Contoso Production', 'contoso_shared'))).then((l) => l.slice(-1)), ['VM Applications']);
    const app = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent');
    const appItem = await item(app);
    assert.equal(appItem.contextValue, 'acg.application');
    assert.match(String(appItem.description), /Linux/);
    const version = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent', '1.0.0');
    const versionItem = await item(version);
    assert.equal(versionItem.contextValue, 'acg.applicationVersion');
    assert.match(String(versionItem.description), /latest/);
    assert.match(tooltipText(versionItem), /Install: install\\?\.sh/);
    const regions = await children(version);
    assert.equal(regions.length, 1);
    assert.match(String((await item(regions[0]!)).description ?? ''), /Completed|1 replica/);
    assert.equal((await item(regions[0]!)).contextValue, 'acg.region.completed');
    const spoken = await Promise.all([app, version].map(async (n) => (await (await extensionApi()).explorer.provider.getTreeItem(n)).accessibilityInformation?.label ?? ''));
    assert.match(spoken[0]!, /^monitoring-agent, VM application, Linux/);
    assert.match(spoken[1]!, /^1\.0\.0, VM application version/);
  });

  it('Create VM Application asks every answer, summary first line creates; the application shows in the tree', async () => {
    const group = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications');
    const prompter = new ScriptedPrompter(['nginx-conf', 'Linux', 'Nginx configuration', '', '', '', '', { accept: true }, { pick: /^Create VM application$/ }]);
    const created = await run<Application>('createApplication', group, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.equal(prompter.titles.at(-1), 'Create VM Application: Summary (step 9 of 9)');
    assert.ok(created);
    const stored = resource(await emulatorState(), created.id);
    assert.equal(stored?.properties.supportedOSType, 'Linux');
    assert.equal(stored?.properties.description, 'Nginx configuration');
    assert.equal(stored?.location, 'westeurope');
    assert.ok((await labels(await children(group))).includes('nginx-conf'));
    await ui.waitFor('info', /^Created VM application nginx-conf \(Linux\) in dev_gallery\.$/);
  });

  it('an options object is checked before anything is sent: a bad name and OS type are named, nothing is created', async () => {
    await clearRequestLog();
    assert.equal(await run('createApplication', { gallery: DEV_GALLERY_ID, name: '-bad', osType: 'Solaris', prompter: new ScriptedPrompter([]) }), undefined);
    await ui.waitFor('error', /Name: Start the name with a letter or digit\..*OS type: Use Linux or Windows\./s);
    assert.deepEqual(await writes(), []);
  });

  it('Escape at the summary sends nothing', async () => {
    await clearRequestLog();
    const prompter = new ScriptedPrompter(['never-sent', 'Windows', '', '', '', '', '', { accept: true }, CANCEL]);
    assert.equal(await run('createApplication', { gallery: DEV_GALLERY_ID, prompter }), undefined);
    assert.deepEqual(await writes(), []);
  });

  it('Create Application Version: package URL, commands, regions; More options… sets reboot behaviour and file names; it replicates in the tree', async () => {
    const app = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent');
    const prompter = new ScriptedPrompter([
      { accept: true }, // version: the next patch (1.0.1)
      { pick: /Paste a blob URL/ },
      PACKAGE,
      { pick: /No default configuration file/ },
      'tar -xzf agent && ./agent/install.sh',
      './agent/uninstall.sh',
      '',
      { pickMany: [/westeurope/, /East US \(eastus\)/] },
      'westeurope=2, eastus=1',
      { pick: /More options/ },
      'agent.tar.gz',
      '',
      'Rerun',
      { accept: true },
      { accept: true },
      '',
      { accept: true },
      'team=ops',
      { pick: /^Create application version$/ },
    ]);
    const created = await run<ApplicationVersion>('createApplicationVersion', app, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.ok(created);
    assert.equal(created.name, '1.0.1');
    const stored = resource(await emulatorState(), created.id)!;
    const profile = stored.properties.publishingProfile as Record<string, unknown>;
    assert.deepEqual(profile.source, { mediaLink: PACKAGE });
    assert.deepEqual(profile.manageActions, { install: 'tar -xzf agent && ./agent/install.sh', remove: './agent/uninstall.sh' });
    assert.deepEqual(profile.settings, { packageFileName: 'agent.tar.gz', scriptBehaviorAfterReboot: 'Rerun' });
    assert.deepEqual((profile.targetRegions as { name: string; regionalReplicaCount: number }[]).map((t) => `${t.name.toLowerCase().replace(/\s/g, '')}=${t.regionalReplicaCount}`), ['westeurope=2', 'eastus=1']);
    assert.deepEqual(stored.tags, { team: 'ops' });
    const version = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent', '1.0.1');
    await eventually(async () => {
      const rows = await children(version);
      assert.equal(rows.length, 2);
      for (const r of rows) assert.equal((await item(r)).contextValue, 'acg.region.completed');
    });
    await eventually(async () => assert.match(String((await item(version)).description), /latest/));
  });

  it('a command longer than 4096 characters and a non-https package are refused before anything is sent', async () => {
    await clearRequestLog();
    assert.equal(await run('createApplicationVersion', { application: APP_ID, name: '3.0.0', packageUrl: 'http://example.com/a.zip', install: 'x'.repeat(4097), remove: 'r', prompter: new ScriptedPrompter([]) }), undefined);
    await ui.waitFor('error', /Package: Use an https:\/\/ address for the package.*Install command: Use at most 4,?096 characters \(this has 4097\)\./s);
    assert.deepEqual(await writes(), []);
  });

  it('Update VM Application and Update Application Version send only what changed', async () => {
    await clearRequestLog();
    await run('updateApplication', { application: APP_ID, description: 'Contoso monitoring agent.', releaseNoteUri: 'https://contoso.example/notes' });
    const app = resource(await emulatorState(), APP_ID)!;
    assert.equal(app.properties.releaseNoteUri, 'https://contoso.example/notes');
    assert.deepEqual(await writes(), [`PATCH ${APP_ID}`]);
    await clearRequestLog();
    const versionId = `${APP_ID}/versions/1.0.0`;
    const updated = await run<ApplicationVersion>('updateApplicationVersion', { version: versionId, excludeFromLatest: true, endOfLifeDate: '2031-01-31' });
    assert.equal(updated?.excludeFromLatest, true);
    assert.deepEqual(await writes(), [`PATCH ${versionId}`]);
    const profile = resource(await emulatorState(), versionId)!.properties.publishingProfile as Record<string, unknown>;
    assert.equal(profile.excludeFromLatest, true);
    assert.match(String(profile.endOfLifeDate), /^2031-01-31/);
  });

  it('Copy Application Reference gives the applicationProfile entry of a version, and versions/latest of an application', async () => {
    const versionId = `${APP_ID}/versions/1.0.0`;
    assert.deepEqual(await run('copyApplicationReference', { id: versionId, order: 2 }), { packageReferenceId: versionId, order: 2 });
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), { packageReferenceId: versionId, order: 2 });
    assert.deepEqual(await run('copyApplicationReference', { id: APP_ID }), { packageReferenceId: `${APP_ID}/versions/latest` });
  });

  it('Edit Tags on a VM application and on an application version: only tags are sent, and the rows show them', async () => {
    const versionId = `${APP_ID}/versions/1.0.0`;
    const before = resource(await emulatorState(), versionId)!.properties.publishingProfile;
    await clearRequestLog();
    assert.deepEqual(await run('editTags', { resource: APP_ID, tags: { owner: 'ops' } }), { owner: 'ops' });
    const app = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent');
    assert.match(tooltipText(await item(app)), /Tags: owner=ops/);
    const version = await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications', 'monitoring-agent', '1.0.0');
    const prompter = new ScriptedPrompter(['stage=canary']);
    assert.deepEqual(await run('editTags', version, { prompter }), { stage: 'canary' });
    assert.deepEqual(prompter.problems, []);
    assert.equal(prompter.titles[0]?.startsWith('Edit Tags: application version 1.0.0 of monitoring-agent'), true, prompter.titles[0]);
    assert.deepEqual(await writes(), [`PATCH ${APP_ID}`, `PATCH ${versionId}`]);
    assert.deepEqual(resource(await emulatorState(), APP_ID)!.tags, { owner: 'ops' });
    assert.deepEqual(resource(await emulatorState(), versionId)!.tags, { stage: 'canary' });
    assert.deepEqual(resource(await emulatorState(), versionId)!.properties.publishingProfile, before, 'nothing but the tags changed');
    assert.match(tooltipText(await item(version)), /Tags: stage=canary/);
    await ui.waitFor('info', /Updated the tags of application version 1\.0\.0 of monitoring-agent/);
  });

  it('Delete VM Application lists its versions first and deletes them, then the application', async () => {
    let listed: string[] = [];
    const prompter = new ScriptedPrompter([
      (p) => {
        listed = (p.items ?? []).map((i) => String(i.label)).filter((l) => /1\.0\.\d$/.test(l));
        return { pick: /^Delete the 2 versions below/ };
      },
      'monitoring-agent',
    ]);
    const report = await run<{ results: { outcome: string }[] }>('deleteApplication', { id: APP_ID, prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(listed.map((l) => l.replace(/^\$\(tag\) /, '')), ['1.0.1', '1.0.0']);
    assert.deepEqual(report?.results.map((r) => r.outcome), ['deleted', 'deleted', 'deleted']);
    assert.equal(resource(await emulatorState(), APP_ID), undefined);
    await eventually(async () => assert.ok(!(await labels(await children(await nodeAt('Contoso Development', 'dev_gallery', 'VM Applications')))).includes('monitoring-agent')));
  });
});
