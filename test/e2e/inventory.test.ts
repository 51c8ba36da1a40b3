// Inventory… (issue 16, item 2) in the real workbench (code-server + headless Chromium) against the
// local Azure's demo seed: the palette opens the webview, its table draws in the theme's colours
// (light, then dark), the filter box filters, and a selected row's Reveal in Tree selects the
// version in the tree. Screenshots: test-results/screenshots/inventory-*.png.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, closeChecked, countColor, openGalleryView, openWorkbench, pngStats, quickInput, runFromPalette, SCREENSHOTS_DIR, type Workbench } from './workbench';

describe('Inventory… in the real workbench, light and dark (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;
  let frame: FrameLocator;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { replication: { durationMs: 200 } } });
    workbench = await openWorkbench({
      installVsix: [packageVsix()],
      env: extensionHostEnv(emulator),
      userSettings: { ...localAzureSettings(emulator), 'workbench.colorTheme': 'Default Light Modern' },
    });
    page = workbench.page;
    await openGalleryView(page);
    // The webview's document is two frames down: VS Code's host frame, then the content frame.
    frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-inventory-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  const rows = () => frame.locator('vscode-table-body vscode-table-row');

  /** An element's picture and how many of its pixels have the CSS colour `color` (read from the page). */
  async function pixelsOf(target: Locator, name: string, color: string): Promise<{ share: number; file: string }> {
    const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(color)?.slice(1).map(Number);
    assert.ok(rgb?.length === 3, `a colour: ${color}`);
    const file = path.join(SCREENSHOTS_DIR, `inventory-${name}.png`);
    await target.screenshot({ path: file });
    const stats = pngStats(file);
    assert.ok(stats.colors > 8, `${name}: a drawn picture, not a blank one`);
    return { share: countColor(file, [rgb[0]!, rgb[1]!, rgb[2]!], 8) / (stats.width * stats.height), file };
  }

  const luminance = (color: string) => {
    const [r, g, b] = (/rgba?\((\d+), (\d+), (\d+)/.exec(color)?.slice(1).map(Number) ?? [0, 0, 0]) as [number, number, number];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };

  /** The webview's background and text colours, as the theme set them. */
  async function themeColors(): Promise<{ background: string; foreground: string }> {
    return frame.locator('body').evaluate((body) => ({ background: getComputedStyle(body).backgroundColor, foreground: getComputedStyle(body).color }));
  }

  it('opens from the palette with every version of the demo seed, drawn in the light theme', async () => {
    await runFromPalette(page, 'Azure Compute Gallery: Inventory…');
    await frame.locator('#status').filter({ hasText: /^Rows 1–\d+ of \d+$/ }).waitFor();
    const count = await rows().count();
    assert.ok(count >= 6, `${count} rows`);
    assert.match(await frame.locator('#summary').innerText(), /^\d+ image versions in \d+ galleries/);
    const headings = await frame.locator('vscode-table-header-cell').allInnerTexts();
    assert.deepEqual(headings.slice(0, 5).map((h) => h.trim()), ['Subscription', 'Resource group', 'Gallery', 'Definition', 'Version']);
    const colors = await themeColors();
    assert.ok(luminance(colors.background) > 0.8, `a light background: ${colors.background}`);
    await page.mouse.move(1300, 880);
    assertDrawn(await workbench!.screenshot('inventory-light'), 'inventory, light');
    const table = await pixelsOf(frame.locator('vscode-table'), 'light-table', colors.background);
    assert.ok(table.share > 0.4, `the table is drawn on the theme's background (${(table.share * 100).toFixed(0)} %)`);
  });

  it('filters as the user types, and sorts by a heading', async () => {
    const input = frame.locator('#filter input');
    await input.fill('windows-server');
    await frame.locator('#status').filter({ hasText: /^Rows 1–2 of 2 \(filtered from \d+\)$/ }).waitFor();
    assert.equal(await rows().count(), 2);
    await frame.locator('button.sort[data-column="version"]').click();
    await frame.locator('vscode-table-header-cell[aria-sort="ascending"]').waitFor();
    const versions = await rows().evaluateAll((els) => els.map((e) => e.children[4]?.textContent ?? ''));
    assert.deepEqual(versions, ['2022.1.0', '2022.2.0']);
  });

  it('a selected row’s Reveal in Tree selects the version in the tree', async () => {
    await rows().first().click();
    await frame.locator('#selection:not([hidden])').waitFor();
    await frame.locator('#action-reveal').click();
    const selected = page.locator('.sidebar .monaco-list-row.selected', { hasText: '2022.1.0' });
    await selected.waitFor();
  });

  it('draws in the dark theme after switching theme', async () => {
    const q = quickInput(page);
    await page.keyboard.press('F1');
    await q.widget.waitFor({ state: 'visible' });
    await q.input.fill('>Preferences: Color Theme');
    // Not "Browse Color Themes in Marketplace", which the same words also find.
    await q.rows.filter({ hasText: /Preferences: Color Theme/, hasNotText: /Browse|Marketplace|Product Icon|File Icon/ }).first().click();
    await q.input.fill('Dark Modern');
    await q.rows.filter({ hasText: /^Dark Modern/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') ?? false);
    // Focus back on the inventory, with the filter the user typed still applied.
    await page.locator('.tabs-container .tab', { hasText: /^Inventory/ }).first().click();
    await frame.locator('#status').filter({ hasText: /^Rows 1–2 of 2/ }).waitFor();
    let colors = await themeColors();
    for (let i = 0; i < 50 && luminance(colors.background) > 0.3; i++) {
      await page.waitForTimeout(100);
      colors = await themeColors();
    }
    assert.ok(luminance(colors.background) < 0.3, `a dark background: ${colors.background}`);
    assert.ok(luminance(colors.foreground) > 0.6, `light text: ${colors.foreground}`);
    await page.mouse.move(1300, 880);
    assertDrawn(await workbench!.screenshot('inventory-dark'), 'inventory, dark', 0.05);
    const table = await pixelsOf(frame.locator('vscode-table'), 'dark-table', colors.background);
    assert.ok(table.share > 0.4, `the table is drawn on the theme's background (${(table.share * 100).toFixed(0)} %)`);
  });
});
