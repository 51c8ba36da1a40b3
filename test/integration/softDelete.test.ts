// Soft delete in the real extension host against the local Azure (issue 14 item 5): Soft Delete…
// turns it on, a deleted version then shows under the gallery's "Recently Deleted" with when it was
// deleted and when Azure purges it, the delete confirmation says it can be restored, Restore
// brings it back as it was, and deleting the definition meanwhile explains Azure's refusal.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/tree/explorerProvider';
import { ScriptedPrompter, emulatorState, resource, useDemoSession } from './createHelpers';
import { children, eventually, item, labels, nodeAt } from './helpers';
import { COMMUNITY_ID as COMMUNITY, assertNoProblems } from './shareHelpers';

const DEBIAN = `${COMMUNITY}/images/debian-12`;
const VERSION = `${DEBIAN}/versions/1.0.0`;
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`azureComputeGallery.${command}`, ...args);

async function recentlyDeleted(): Promise<ExplorerNode> {
  const gallery = await nodeAt('Contoso Production', 'contoso_community');
  for (const n of await children(gallery)) if ((await item(n)).label === 'Recently Deleted') return n;
  throw new Error('no Recently Deleted row under contoso_community');
}

describe('Soft delete (extension host, local Azure)', () => {
  const ui = useDemoSession();

  it('Soft Delete… turns it on from the menu pick, and the gallery shows Recently Deleted (empty at first)', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_community');
    assert.ok(!(await labels(await children(gallery))).includes('Recently Deleted'), 'no such row without soft delete');
    const prompter = new ScriptedPrompter(['On']);
    await run('setSoftDelete', gallery, { prompter });
    assertNoProblems(prompter);
    assert.equal(prompter.prompts[0]?.placeholder, 'Soft delete is off for contoso_community');
    const stored = resource(await emulatorState(), COMMUNITY)?.properties as { softDeletePolicy?: { isSoftDeleteEnabled?: boolean } };
    assert.equal(stored.softDeletePolicy?.isSoftDeleteEnabled, true);
    await ui.waitFor('info', /^Soft delete is on for contoso_community: image versions deleted from now on can be restored for 7 days/);
    await eventually(async () => assert.deepEqual(await labels(await children(await recentlyDeleted())), ['No deleted image versions']));
  });

  it('a deleted version can be restored: the confirmation says so, it shows under Recently Deleted, and Restore brings it back as it was', async () => {
    const before = resource(await emulatorState(), VERSION)?.properties;
    const node = await nodeAt('Contoso Production', 'contoso_community', 'debian-12', '1.0.0');
    const prompter = new ScriptedPrompter(['1.0.0']);
    await run('deleteImageVersion', node, { prompter });
    assertNoProblems(prompter);
    assert.match(prompter.prompts[0]?.prompt ?? '', /Soft delete is on: the version stays under Recently Deleted for 7 days, where Restore brings it back/);
    assert.equal(resource(await emulatorState(), VERSION), undefined, 'Azure deleted it');

    const rows = await children(await recentlyDeleted());
    assert.deepEqual(await labels(rows), ['1.0.0']);
    const row = await item(rows[0]);
    assert.equal(row.contextValue, 'acg.softDeletedVersion');
    assert.match(String(row.description), /^debian-12 · deleted \d{4}-\d\d-\d\d \d\d:\d\d$/);
    assert.match((row.tooltip as vscode.MarkdownString).value, /Deleted for good after: \d{4}-/);

    // Deleting the definition now: Azure refuses while it holds the soft-deleted version, and says why.
    const definition = await nodeAt('Contoso Production', 'contoso_community', 'debian-12');
    await run('deleteImageDefinition', definition, { prompter: new ScriptedPrompter(['debian-12']) });
    await ui.waitFor('error', /debian-12.*cannot be deleted while it holds soft-deleted image versions \(1\.0\.0\)/s);
    assert.ok(resource(await emulatorState(), DEBIAN), 'the definition is still there');

    const confirm = new ScriptedPrompter([{ confirm: true }]);
    const restored = await run<{ name: string } | undefined>('restoreImageVersion', rows[0], { prompter: confirm });
    assertNoProblems(confirm);
    assert.equal(confirm.prompts[0]?.title, 'Restore image version 1.0.0 of debian-12?');
    assert.equal(restored?.name, '1.0.0');
    await ui.waitFor('info', /^Restored image version 1\.0\.0 of debian-12\.$/);
    assert.deepEqual(resource(await emulatorState(), VERSION)?.properties.publishingProfile, (before as { publishingProfile: unknown }).publishingProfile, 'back as it was');
    await eventually(async () => assert.deepEqual(await labels(await children(await recentlyDeleted())), ['No deleted image versions']));
    await eventually(async () => assert.ok((await labels(await children(await nodeAt('Contoso Production', 'contoso_community', 'debian-12')))).includes('1.0.0')));
  });

  it('Create Gallery takes softDelete as an option and refuses anything but true or false before sending', async () => {
    const base = { subscriptionId: '00000000-0000-4000-8000-00000000a001', resourceGroup: 'rg-images', location: 'eastus', sharing: 'Private' };
    const refused = new ScriptedPrompter([]);
    assert.equal(await run('createGallery', { ...base, name: 'soft_gallery_bad', softDelete: 'yes', prompter: refused }), undefined);
    await ui.waitFor('error', /Soft delete: Give softDelete as true or false\./);
    assert.equal(resource(await emulatorState(), `${COMMUNITY.replace(/contoso_community$/, 'soft_gallery_bad')}`), undefined, 'nothing was sent');

    const prompter = new ScriptedPrompter([]);
    await run('createGallery', { ...base, name: 'soft_gallery', softDelete: true, prompter });
    const stored = resource(await emulatorState(), COMMUNITY.replace(/contoso_community$/, 'soft_gallery'))?.properties as { softDeletePolicy?: { isSoftDeleteEnabled?: boolean } } | undefined;
    assert.equal(stored?.softDeletePolicy?.isSoftDeleteEnabled, true);
    await eventually(async () => assert.ok((await labels(await children(await nodeAt('Contoso Production', 'soft_gallery')))).includes('Recently Deleted')));
  });
});
