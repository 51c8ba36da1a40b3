// Browse Community Galleries… and Create VM from This Version… in the real workbench (code-server +
// headless Chromium) against the local Azure (issue 16 items 3 and 5), by keyboard: the palette,
// type a region, the galleries grouped by publisher under separators, Enter adds one to Community;
// the version's context menu offers Create VM from This Version….
// Screenshot: test-results/screenshots/community-browse.png.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, closeChecked, expandRows, openContextMenu, openGalleryView, openWorkbench, quickInput, runFromPalette, treeRow, waitForStep, type Workbench } from './workbench';

const FABRIKAM = /^FabrikamPublic-8d1e2f3a-4b5c-4d6e-8f70-112233445566$/;

describe('Browse Community Galleries… and Create VM from This Version… by keyboard (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { replication: { durationMs: 200 } } });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await openGalleryView(page);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-community-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  it('types a region, sees the galleries under their publisher, and adds one with Enter', async () => {
    const q = quickInput(page);
    await treeRow(page, /^Community$/).waitFor();
    await runFromPalette(page, 'Azure Compute Gallery: Browse Community Galleries…');
    await waitForStep(page, /^Browse Community Galleries: Region/);
    await q.input.fill('West US');
    await q.rows.filter({ hasText: /^West US/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitForStep(page, /^Browse Community Galleries: Gallery/);
    await q.rows.filter({ hasText: 'FabrikamPublic-' }).first().waitFor();
    const texts = await q.rows.allInnerTexts();
    assert.ok(texts.some((t) => t.includes('fabrikam.example')), `the publisher's separator: ${texts.join(' | ')}`);
    assert.ok(!texts.some((t) => t.includes('ContosoPublic-')), 'Contoso publishes nothing in West US');
    assertDrawn(await workbench!.screenshot('community-browse'), 'Browse Community Galleries');
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
    await expandRows(page, /^Community$/);
    await treeRow(page, FABRIKAM).waitFor();
  });

  it('offers Create VM from This Version… on a community version', async () => {
    await expandRows(page, FABRIKAM, /^windows-2019-gen1$/);
    const items = await openContextMenu(page, treeRow(page, /^1\.0\.0$/));
    assert.ok(items.includes('Create VM from This Version…'), items.join(', '));
    await page.keyboard.press('Escape');
  });
});
