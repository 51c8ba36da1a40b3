// Issue 19 item 4 in the real workbench: one create and one share with the keyboard alone (the
// palette, the quick input, the tree's own keys and its context menu by Shift+F10), and the tree in
// the high-contrast theme, each row carrying the words a screen reader says. Screenshots:
// test-results/screenshots/a11y-*.png.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, closeChecked, countColor, openWorkbench, quickInput, runFromPalette, toasts, waitForStep, widenSideBar, type Workbench } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const GALLERY_KEY = `/subscriptions/${PRODUCTION}/resourcegroups/rg-images/providers/microsoft.compute/galleries/kbd_gallery`;

describe('Keyboard alone and high contrast in the real workbench (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { lro: { durationMs: 200, retryAfterSeconds: 0 }, replication: { durationMs: 200 } } });
    workbench = await openWorkbench({
      installVsix: [packageVsix()],
      env: extensionHostEnv(emulator),
      userSettings: { ...localAzureSettings(emulator), 'workbench.colorTheme': 'Default High Contrast' },
    });
    page = workbench.page;
    // The palette lists the commands known when it opens: wait until the extension's are.
    await page.locator('.activitybar').getByRole('tab', { name: /Azure Compute Gallery/ }).waitFor();
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-a11y-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  async function shot(name: string): Promise<string> {
    const file = await workbench!.screenshot(`a11y-${name}`);
    // High contrast draws on black: a few percent of the window differs from it.
    assertDrawn(file, name, 0.02);
    return file;
  }

  async function typeAndEnter(text: string): Promise<void> {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  /** The focused row of the tree, as the DOM has it (its aria-label is what a screen reader says). */
  const focusedRow = () => page.locator('.sidebar .monaco-list-row.focused');

  it('Create Gallery with the keyboard alone: the palette, then typed answers and Enter', async () => {
    const q = quickInput(page);
    await runFromPalette(page, 'Create Gallery…');
    await waitForStep(page, /Create Gallery: Subscription \(step 1 of 7\)/);
    await q.rows.filter({ hasText: 'Contoso Production' }).first().waitFor();
    await typeAndEnter('Contoso Production');
    await waitForStep(page, /Create Gallery: Resource group \(step 2 of 7\)/);
    await q.rows.filter({ hasText: 'rg-images' }).first().waitFor();
    await typeAndEnter('rg-images');
    await waitForStep(page, /Create Gallery: Name \(step 3 of 7\)/);
    await typeAndEnter('kbd_gallery');
    await waitForStep(page, /Create Gallery: Region \(step 4 of 7\)/);
    await typeAndEnter('East US');
    await waitForStep(page, /Create Gallery: Description \(step 5 of 7\)/);
    await typeAndEnter('Made with the keyboard');
    await waitForStep(page, /Create Gallery: Sharing \(step 6 of 7\)/);
    await typeAndEnter('Private');
    await waitForStep(page, /Create Gallery: Summary \(step 7 of 7\)/);
    await q.rows.filter({ hasText: 'kbd_gallery' }).first().waitFor();
    await shot('01-create-summary');
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
    await toasts(page).withText(/Created gallery kbd_gallery \(Private\) in East US/).waitFor({ timeout: 60_000 });
    assert.equal(emulator!.state.resources[GALLERY_KEY]?.properties.description, 'Made with the keyboard');
  });

  it('the tree in high contrast: the new gallery is focused and reads as "kbd_gallery, gallery, eastus, Private"', async () => {
    await widenSideBar(page);
    // The keyboard's way into the tree: the view's focus command, then the arrow keys to the new gallery.
    await runFromPalette(page, 'Focus on Galleries View');
    await page.locator('.sidebar .monaco-list:focus-within').waitFor();
    const row = focusedRow();
    for (let i = 0; i < 12 && !((await row.textContent().catch(() => '')) ?? '').includes('kbd_gallery'); i++) await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('.sidebar .monaco-list-row.focused')?.textContent?.includes('kbd_gallery') === true);
    assert.equal(await row.getAttribute('aria-label'), 'kbd_gallery, gallery, eastus, Private');
    for (const label of await page.locator('.sidebar .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''))) {
      assert.ok(label.length > 0, 'every row has words');
      assert.doesNotMatch(label, /·|\d+\/\d+|%|×/, label);
    }
    await page.mouse.move(1200, 750);
    const file = await shot('02-high-contrast-tree');
    // The high-contrast theme draws on black, with the text white: both dominate the picture.
    const black = countColor(file, [0, 0, 0], 8);
    const white = countColor(file, [255, 255, 255], 24);
    assert.ok(black > 1400 * 900 * 0.5, `mostly black (${black} pixels)`);
    assert.ok(white > 2000, `white text is drawn (${white} pixels)`);
    assert.equal(await page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('hc-black') ?? false), true, 'the workbench is in the high-contrast theme');
  });

  it('Grant Access with the keyboard alone: Shift+F10 on the focused gallery, the menu by arrow keys, then the quick input', async () => {
    const q = quickInput(page);
    // The tree kept the keyboard focus on kbd_gallery (the test before).
    await page.keyboard.press('Shift+F10');
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const items = await menu.locator('.action-item:not(.disabled) .action-label').evaluateAll((es) => es.map((e) => e.textContent?.trim() ?? '').filter(Boolean));
    const index = items.indexOf('Grant Access…');
    assert.ok(index >= 0, `the menu offers Grant Access… (${items.join(', ')})`);
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('.context-view .monaco-menu .action-item.focused')?.textContent?.includes('Grant Access') === true);
    await shot('03-menu-by-keys');
    await page.keyboard.press('Enter');
    await waitForStep(page, /Grant Access: Role \(step 1 of 3\)/);
    await q.rows.filter({ hasText: 'Reader' }).first().waitFor();
    await page.keyboard.press('Enter'); // Reader, the default
    await waitForStep(page, /Grant Access: Who \(step 2 of 3\)/);
    await typeAndEnter('ada.lovelace@contoso.com');
    await waitForStep(page, /Grant Access: Summary \(step 3 of 3\)/);
    await q.rows.filter({ hasText: 'Ada Lovelace' }).first().waitFor();
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
    await toasts(page).withText(/Granted Reader on gallery kbd_gallery to Ada Lovelace/).waitFor();
    await shot('04-granted');
    assert.ok(emulator!.state.roleAssignments.some((a) => a.scope.toLowerCase() === GALLERY_KEY && a.principalId === 'd0d0d0d0-0000-4000-8000-000000000001'));
  });
});
