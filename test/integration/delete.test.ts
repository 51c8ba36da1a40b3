import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeleteReport } from '../../src/commands/deleteResource';
import { validateTypedName } from '../../src/model/deletion';
import { CANCEL, ScriptedPrompter, UBUNTU_ID, WINDOWS_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { children, emulatorAdmin, eventually, labels, nodeAt } from './helpers';
import { DEV_GALLERY_ID, PRIVATE_ID, SHARED_ID, assertNoProblems, azureSnapshot, clearRequestLog, requestLog, setSetting, shownItem, writes } from './shareHelpers';

const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<DeleteReport | undefined>(`azureComputeGallery.${command}`, ...args);
const exists = async (id: string) => resource(await emulatorState(), id) !== undefined;
const outcomes = (report: DeleteReport | undefined) => Object.fromEntries((report?.results ?? []).map((r) => [`${r.item.kind} ${r.item.name}`, r.outcome]));

describe('Delete: versions, definitions and galleries (extension host, local Azure)', () => {
  const ui = useDemoSession({
    cleanUp: async () => {
      await setSetting('deleteConfirmation', undefined);
      await emulatorAdmin('POST', '/_admin/config', { lro: { durationMs: 100, fail: null }, faults: [] });
    },
  });

  it('deletes a version once its name is typed; a wrong name is refused, Escape changes nothing, and the node says "Deleting…" meanwhile', async () => {
    const id = `${WINDOWS_ID}/versions/2022.2.0`;
    const node = await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022', '2022.2.0');
    const before = await azureSnapshot();
    const escaped = new ScriptedPrompter([{ probe: ['', '2022.2', '2022.2.0 ', 'windows-server-2022'] }, CANCEL]);
    assert.equal(await run('deleteImageVersion', node, { prompter: escaped }), undefined);
    assertNoProblems(escaped);
    assert.deepEqual(escaped.titles, ['Delete Image Version: Confirm (step 1 of 1)']);
    assert.equal(escaped.prompts[0]?.prompt, 'Type 2022.2.0 to delete image version 2022.2.0 of windows-server-2022. Azure cannot undo this.');
    for (const [value, message] of escaped.messagesFor('Confirm')) assert.equal(message, validateTypedName('2022.2.0', value), value);
    assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');

    await emulatorAdmin('POST', '/_admin/config', { lro: { durationMs: 1500 } });
    try {
      const pending = run('deleteImageVersion', node, { prompter: new ScriptedPrompter(['2022.2.0']) });
      await eventually(async () => {
        const shown = await shownItem(node);
        assert.equal(shown.description, 'Deleting…');
        assert.equal(shown.contextValue, 'acg.busy', 'no menu offers anything on it meanwhile');
      });
      const report = await pending;
      assert.deepEqual(outcomes(report), { 'imageVersion 2022.2.0': 'deleted' });
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { lro: { durationMs: 100 } });
    }
    assert.equal(await exists(id), false);
    await ui.waitFor('info', /^Deleted image version 2022\.2\.0 of windows-server-2022\.$/);
    assert.deepEqual(await labels(await children(await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022'))), ['2022.1.0'], 'the tree no longer shows it');
  });

  it('with the ClickButton setting, confirms with a button instead; dismissing it changes nothing', async () => {
    await setSetting('deleteConfirmation', 'ClickButton');
    try {
      const before = await azureSnapshot();
      const prompter = new ScriptedPrompter([{ confirm: false }]);
      assert.equal(await run('deleteImageVersion', { version: `${UBUNTU_ID}/versions/1.1.0`, prompter }), undefined);
      assertNoProblems(prompter);
      assert.deepEqual(prompter.prompts.map((p) => [p.kind, p.title]), [['confirm', 'Delete image version 1.1.0 of ubuntu-22.04-lts?']]);
      assert.match(prompter.prompts[0]?.detail ?? '', /Azure cannot undo this/);
      assert.equal(await azureSnapshot(), before, 'nothing changed in the local Azure');
    } finally {
      await setSetting('deleteConfirmation', undefined);
    }
  });

  it("deleting a definition that has versions, without deleting them, shows Azure's refusal and what to do", async () => {
    const before = await azureSnapshot();
    const report = await run('deleteImageDefinition', { definition: UBUNTU_ID, cascade: false, confirmed: true });
    assert.deepEqual(outcomes(report), { 'imageDefinition ubuntu-22.04-lts': 'failed' });
    const error = await ui.waitFor('error', /CannotDeleteResource/);
    assert.equal(
      error.message,
      'Could not delete image definition ubuntu-22.04-lts: Can not delete resource before nested resources are deleted. (code CannotDeleteResource) Delete what it contains first, or run Delete again and choose to delete everything in it.',
    );
    assert.equal(await azureSnapshot(), before);
  });

  it('says clearly that a version blocked until its end of life cannot be deleted yet, and sends nothing', async () => {
    const id = `${SHARED_ID}/images/rhel-9/versions/9.4.0`;
    await vscode.commands.executeCommand('azureComputeGallery.updateImageVersion', { version: id, endOfLifeDate: '2099-12-31', blockDeletionBeforeEndOfLife: true, confirmed: true });
    assert.equal((resource(await emulatorState(), id)?.properties.safetyProfile as { blockDeletionBeforeEndOfLife?: boolean }).blockDeletionBeforeEndOfLife, true);
    await clearRequestLog();
    const report = await run('deleteImageVersion', { version: id, confirmed: true });
    assert.equal(report?.results[0]?.outcome, 'failed');
    await ui.waitFor(
      'error',
      /^Could not delete image version 9\.4\.0 of rhel-9: Image version 9\.4\.0 cannot be deleted before its end-of-life date 2099-12-31: its safety profile blocks deletion until then \(blockDeletionBeforeEndOfLife\)\. Wait until 2099-12-31, or turn the block off first .* Nothing was deleted\.$/,
    );
    assert.deepEqual(await writes(), []);
    assert.equal(await exists(id), true);
  });

  it('a gallery with items: lists each one, deletes bottom-up; one failing version stops nothing else, and every result is reported', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const failing = `${UBUNTU_ID}/versions/1.0.0`;
    await emulatorAdmin('POST', '/_admin/config', { lro: { fail: { code: 'InternalOperationError', message: 'Deleting the replica in westus2 failed.', path: 'ubuntu-22\\.04-lts/versions/1\\.0\\.0$', method: 'DELETE' } } });
    await clearRequestLog();
    let report: DeleteReport | undefined;
    const prompter = new ScriptedPrompter([{ pick: /^windows-server-2022$/ }, { pick: /^Delete all 5 items below, then contoso_images$/ }, 'contoso_images']);
    try {
      report = await run('deleteGallery', gallery, { prompter });
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { lro: { fail: null } });
    }
    assertNoProblems(prompter);
    const contents = prompter.prompts[0];
    assert.equal(contents?.title, 'Delete Gallery: Contents (step 1 of 2)');
    assert.deepEqual(contents?.items?.slice(1).map((i) => `${i.label} · ${i.description}`), [
      '$(file-media) ubuntu-22.04-lts · image definition',
      '$(tag) 1.0.0 · image version of ubuntu-22.04-lts',
      '$(tag) 1.1.0 · image version of ubuntu-22.04-lts',
      '$(file-media) windows-server-2022 · image definition',
      '$(tag) 2022.1.0 · image version of windows-server-2022',
    ]);
    assert.match(prompter.refusals[0]?.reason ?? '', /This list shows what would be deleted/, 'picking a listed item only explains');
    assert.match(
      prompter.prompts[1]?.prompt ?? '',
      /^Type contoso_images to delete gallery contoso_images and the 5 items in it\. Azure cannot undo this\. 3 VMs and 1 scale set in the \d+ selected subscriptions use gallery contoso_images \(2 pin it, 2 follow latest\)\. Once it is deleted, scale sets among them will fail to scale out/,
      'who uses its images is said before it is deleted',
    );
    assert.deepEqual(outcomes(report), {
      'imageDefinition ubuntu-22.04-lts': 'skipped',
      'imageDefinition windows-server-2022': 'deleted',
      'imageVersion 1.0.0': 'failed',
      'imageVersion 1.1.0': 'deleted',
      'imageVersion 2022.1.0': 'deleted',
      'gallery contoso_images': 'skipped',
    });
    const deletes = (await writes()).filter((w) => w.startsWith('DELETE'));
    const position = (part: string) => deletes.findIndex((d) => d.endsWith(part));
    assert.ok(position('/versions/2022.1.0') < position('/images/windows-server-2022'), `a version goes before its definition: ${deletes.join(', ')}`);
    assert.equal(position('/images/ubuntu-22.04-lts'), -1, 'a definition that still has a version is not sent');
    assert.equal(position('/galleries/contoso_images'), -1, 'nor is the gallery');
    const error = await ui.waitFor('error', /^Deleted 3 of 6 items; gallery contoso_images is still there: could not delete /);
    assert.match(error.message, /could not delete image version 1\.0\.0 of ubuntu-22\.04-lts: Deleting the replica in westus2 failed\. \(code InternalOperationError\)\./);
    assert.match(error.message, /Kept: image definition ubuntu-22\.04-lts \(Not deleted because image version 1\.0\.0 of ubuntu-22\.04-lts is still there\.\); gallery contoso_images \(Not deleted because image definition ubuntu-22\.04-lts is still there\.\)/);
    assert.equal(await exists(failing), true);
    assert.equal(await exists(UBUNTU_ID), true);
    assert.equal(await exists(PRIVATE_ID), true);
    assert.equal(await exists(WINDOWS_ID), false);
    assert.deepEqual(await labels(await children(gallery)), ['ubuntu-22.04-lts', 'VM Applications'], 'the tree shows what is left');

    // The failure was transient: delete what is left, from options alone.
    const again = await run('deleteGallery', { gallery: PRIVATE_ID, cascade: true, confirmed: true });
    assert.ok(again?.results.every((r) => r.outcome === 'deleted'));
    await ui.waitFor('info', /^Deleted gallery contoso_images and the 2 items in it\.$/);
    assert.equal(await exists(PRIVATE_ID), false);
    assert.ok(!(await labels(await children(await nodeAt('Contoso Production')))).includes('contoso_images'));
  });

  it("retries the gallery with a backoff while Azure still counts the items it has just deleted (VM applications included)", async () => {
    await emulatorAdmin('POST', '/_admin/config', {
      faults: [{ kind: 'error', status: 409, code: 'CannotDeleteResource', message: 'Can not delete resource before nested resources are deleted.', path: 'galleries/dev_gallery$', method: 'DELETE', times: 1 }],
    });
    await clearRequestLog();
    let report: DeleteReport | undefined;
    try {
      report = await run('deleteGallery', { gallery: DEV_GALLERY_ID, cascade: true, confirmed: true });
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    }
    assert.deepEqual(outcomes(report), {
      'imageDefinition app-base': 'deleted',
      'application monitoring-agent': 'deleted',
      'applicationVersion 1.0.0': 'deleted',
      'gallery dev_gallery': 'deleted',
    });
    assert.equal(report?.results.find((r) => r.item.kind === 'gallery')?.attempts, 2);
    const galleryDeletes = (await requestLog()).filter((r) => r.method === 'DELETE' && /galleries\/dev_gallery$/.test(r.path)).map((r) => r.status);
    assert.deepEqual(galleryDeletes, [409, 202]);
    await ui.waitFor('info', /^Deleted gallery dev_gallery and the 3 items in it\.$/);
    assert.equal(await exists(DEV_GALLERY_ID), false);
  });
});
