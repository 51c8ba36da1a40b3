// One full Create Gallery run through VS Code's real quick input, against the local Azure, with a
// screenshot of every step (test-results/screenshots/create-gallery-*.png).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { openGalleryView, openWorkbench, type Workbench, quickInput, closeChecked, assertDrawn } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';

describe('Create Gallery through the real quick input (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let shot = 0;
  const screenshot = async (name: string) => {
    const file = await workbench!.screenshot(`create-gallery-${String(++shot).padStart(2, '0')}-${name}`);
    assertDrawn(file, name);
    return file;
  };

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { lro: { durationMs: 200, retryAfterSeconds: 0 } } });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  /** Waits until the quick input shows the step whose title contains `step`. */
  async function atStep(page: Page, step: RegExp): Promise<void> {
    const q = quickInput(page);
    await q.widget.waitFor({ state: 'visible' });
    await page.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''),
      step.source,
    );
    // Lists load asynchronously: wait until the busy indicator has gone and the input has focus again.
    await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-progress.active, .quick-input-widget .monaco-progress-container.active'));
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget .quick-input-box') !== null && !(document.activeElement as HTMLInputElement).disabled);
    // The widget fades between steps: let it finish before a screenshot.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.quick-input-widget')!).opacity === '1');
  }

  async function typeAndAccept(page: Page, text: string): Promise<void> {
    const q = quickInput(page);
    await q.input.fill(text);
    await page.keyboard.press('Enter');
  }

  it('asks every step in the real quick input, checks the name as it is typed, creates the gallery and reveals it', async () => {
    const { page } = workbench!;
    await openGalleryView(page);
    const tree = page.locator('.sidebar .monaco-list');
    await tree.getByText('Contoso Production', { exact: true }).waitFor();
    await screenshot('tree');

    await page.locator('.sidebar').hover();
    await page.locator('.sidebar').getByRole('button', { name: 'Create Gallery…' }).click();
    await page.mouse.move(900, 700); // no hover tooltips in the screenshots
    const q = quickInput(page);

    await atStep(page, /Create Gallery: Subscription \(step 1 of 7\)/);
    await q.rows.filter({ hasText: 'Contoso Production' }).first().waitFor();
    await screenshot('subscription');
    await typeAndAccept(page, 'Contoso Production');

    await atStep(page, /Create Gallery: Resource group \(step 2 of 7\)/);
    await q.rows.filter({ hasText: 'rg-images' }).first().waitFor();
    await screenshot('resource-group');
    await typeAndAccept(page, 'rg-images');

    await atStep(page, /Create Gallery: Name \(step 3 of 7\)/);
    await q.input.fill('e2e-gallery');
    await q.message.getByText(/dashes are not allowed in gallery names/).waitFor();
    await screenshot('name-invalid');
    await q.input.fill('contoso_images');
    await q.message.getByText(/already exists in this subscription/).waitFor();
    await screenshot('name-taken');
    await typeAndAccept(page, 'e2e_gallery');

    await atStep(page, /Create Gallery: Region \(step 4 of 7\)/);
    await screenshot('region');
    await typeAndAccept(page, 'West Europe');

    await atStep(page, /Create Gallery: Description \(step 5 of 7\)/);
    await screenshot('description');
    await typeAndAccept(page, 'Created through the quick input');

    await atStep(page, /Create Gallery: Sharing \(step 6 of 7\)/);
    await screenshot('sharing');
    await typeAndAccept(page, 'Direct share');

    await atStep(page, /Create Gallery: Summary \(step 7 of 7\)/);
    await q.rows.filter({ hasText: 'e2e_gallery' }).first().waitFor();
    await screenshot('summary');
    // Picking a summary line goes back to its step with the answer kept; the later steps follow.
    await typeAndAccept(page, 'Description');
    await atStep(page, /Create Gallery: Description \(step 5 of 7\)/);
    assert.equal(await q.input.inputValue(), 'Created through the quick input', 'the step shows its answer');
    await screenshot('summary-line-picked');
    await typeAndAccept(page, 'Changed from the summary');
    await atStep(page, /Create Gallery: Sharing \(step 6 of 7\)/);
    await page.keyboard.press('Enter'); // Direct share, kept
    await atStep(page, /Create Gallery: Summary \(step 7 of 7\)/);
    await q.rows.filter({ hasText: 'Changed from the summary' }).first().waitFor();
    // The first row is "Create gallery", active when the summary opens.
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });

    const row = tree.locator('.monaco-list-row', { hasText: 'e2e_gallery' });
    await row.waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.sidebar .monaco-list-row.selected')).some((r) => r.textContent?.includes('e2e_gallery')));
    const toast = page.locator('.notifications-toasts .notification-toast-container', { hasText: /Created gallery e2e_gallery \(Direct share\) in West Europe/ });
    await toast.waitFor();
    await toast.getByRole('button', { name: 'Share…' }).waitFor();
    await screenshot('created');

    const stored = emulator!.state.resources[`/subscriptions/${PRODUCTION}/resourcegroups/rg-images/providers/microsoft.compute/galleries/e2e_gallery`];
    assert.ok(stored, 'the gallery exists in the local Azure');
    assert.equal(stored.location, 'westeurope');
    assert.equal(stored.properties.description, 'Changed from the summary', 'the answer changed from the summary is the one sent');
    assert.deepEqual(stored.properties.sharingProfile, { permissions: 'Groups' });
    assert.match(await row.innerText(), /westeurope · Direct share/);
  });
});
