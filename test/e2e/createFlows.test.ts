// The create flows' behaviour that only the real workbench shows: Back keeping answers, validation
// as the user types, the busy bar while a list loads, Escape creating nothing, the progress
// notification while Azure creates, Cancel on the wait for a new image version, and the wait picked
// up again after a window reload — in VS Code's own quick input and notifications (code-server +
// headless Chromium), against the local Azure. Screenshots: test-results/screenshots/flows-*.png.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type EmulatorState, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { SCREENSHOTS_DIR, countColor, openWorkbench, pngStats, quickInput, runFromPalette, toasts, waitForStep, widenSideBar, type Workbench, closeChecked, openContextMenu, chooseMenuItem, assertDrawn, expandRows, treeRow } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const RG_IMAGES = `/subscriptions/${PRODUCTION}/resourcegroups/rg-images`;
const UBUNTU = `${RG_IMAGES}/providers/microsoft.compute/galleries/contoso_images/images/ubuntu-22.04-lts`;
const FAST_LRO = { durationMs: 200, retryAfterSeconds: 0 };

/** What a test can check "nothing was created" against: every resource id and resource group. */
function inventory(state: EmulatorState): { resources: string[]; groups: string[] } {
  return {
    resources: Object.keys(state.resources).sort(),
    groups: state.resourceGroups.map((g) => `${g.subscriptionId}/${g.name}`.toLowerCase()).sort(),
  };
}

describe('Create flows in the real quick input and notifications (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { lro: FAST_LRO } });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await showGalleryView();
    await widenSideBar(page);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-flows-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
    emulator?.admin.setConfig({ latencyMs: 0, lro: FAST_LRO });
    if (await quickInput(page).widget.isVisible()) await page.keyboard.press('Escape');
    await dismissToasts();
  });

  /** A full-window screenshot, checked to show something (not a blank or one-colour page). */
  async function shot(name: string): Promise<string> {
    const file = await workbench!.screenshot(`flows-${name}`);
    assertDrawn(file, name);
    return file;
  }

  /** Opens the extension's view unless it is already showing (clicking its tab again would close it). */
  async function showGalleryView(): Promise<void> {
    const title = page.locator('.sidebar .composite.title', { hasText: /Azure Compute Gallery/i });
    if (!(await title.isVisible())) await page.locator('.activitybar').getByRole('tab', { name: /Azure Compute Gallery/ }).click();
    await title.waitFor();
  }

  const row = (label: RegExp): Locator => treeRow(page, label);
  const expand = (...labels: RegExp[]): Promise<void> => expandRows(page, ...labels);

  async function typeAndAccept(text: string): Promise<void> {
    await quickInput(page).input.fill(text);
    await page.keyboard.press('Enter');
  }

  async function dismissToasts(): Promise<void> {
    for (const close of await page.locator('.notifications-toasts .codicon-notifications-clear').all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  }

  async function startCreateGallery(): Promise<void> {
    await page.locator('.sidebar').hover();
    await page.locator('.sidebar').getByRole('button', { name: 'Create Gallery…' }).click();
    await page.mouse.move(900, 700); // no hover tooltips in the screenshots
  }

  /** Create Gallery's steps with an existing resource group, in order. */
  const GALLERY_STEPS = ['Subscription', 'Resource group', 'Name', 'Region', 'Description', 'Sharing', 'Summary'];

  /** Waits for a Create Gallery step, titled "step n of 7". */
  const atGalleryStep = (title: string) => waitForStep(page, new RegExp(`^Create Gallery: ${title} \\(step ${GALLERY_STEPS.indexOf(title) + 1} of 7\\)$`));

  /** Answers Create Gallery's first steps in order, each once it is shown. */
  async function answerGallerySteps(...answers: string[]): Promise<void> {
    for (const [i, answer] of answers.entries()) {
      await atGalleryStep(GALLERY_STEPS[i]);
      await typeAndAccept(answer);
    }
  }

  /** Walks Create Image Version for ubuntu-22.04-lts from the palette, taking every default but the version number. */
  async function createUbuntuVersion(version: string, screenshotPrefix?: string): Promise<void> {
    const q = quickInput(page);
    await runFromPalette(page, 'Create Image Version…');
    await waitForStep(page, /Create Image Version: Definition \(step 1 of \d+\)/);
    await q.rows.filter({ hasText: 'ubuntu-22.04-lts' }).first().waitFor();
    await typeAndAccept('ubuntu-22.04-lts');
    await waitForStep(page, /Create Image Version: Version \(step 2 of \d+\)/);
    await typeAndAccept(version);
    await waitForStep(page, /Create Image Version: Source \(step 3 of \d+\)/);
    await q.input.fill('img-ubuntu-2204-eastus');
    await q.rows.filter({ hasText: 'img-ubuntu-2204-eastus', hasNotText: 'img-ubuntu-2204-eastus-v2' }).first().click();
    await waitForStep(page, /Create Image Version: Target regions \(step 4 of \d+\)/);
    await page.keyboard.press('Enter'); // the source region, preselected
    for (const step of ['Replicas', 'Storage', 'Latest', 'Edge zones', 'End of life']) {
      await waitForStep(page, new RegExp(`Create Image Version: ${step} \\(step \\d+ of \\d+\\)`));
      await page.keyboard.press('Enter'); // the suggestion
    }
    await waitForStep(page, /Create Image Version: Summary \(step \d+ of \d+\)/);
    await q.rows.filter({ hasText: version }).first().waitFor();
    if (screenshotPrefix) await shot(`${screenshotPrefix}-summary`);
    await page.keyboard.press('Enter'); // "Create image version", the active row
    await q.widget.waitFor({ state: 'hidden' });
  }

  it('Back returns to the previous step with its answer prefilled, and the title counts the steps', async () => {
    const before = inventory(emulator!.state);
    const q = quickInput(page);
    await startCreateGallery();
    await answerGallerySteps('Contoso Production', 'rg-images', 'e2e_back_gallery');
    await atGalleryStep('Region');
    assert.equal(await q.input.inputValue(), '', 'the Region step starts with an empty filter');

    // The Back button in the quick input's title bar.
    const back = q.widget.locator('.quick-input-titlebar .action-label[aria-label^="Back"]');
    await back.click();
    await waitForStep(page, /^Create Gallery: Name \(step 3 of 7\)$/);
    assert.equal(await q.input.inputValue(), 'e2e_back_gallery', 'the name typed before is still in the box');
    await shot('back-01-name-kept');

    // Back again, with VS Code's keybinding for it this time (Ctrl+Alt+- on Linux): the group picked before is the active row.
    await page.keyboard.press('Control+Alt+Minus');
    await waitForStep(page, /^Create Gallery: Resource group \(step 2 of 7\)$/);
    await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.textContent?.includes('rg-images') === true);
    await shot('back-02-group-kept');

    // And forward again: the name is offered once more.
    await page.keyboard.press('Enter');
    await waitForStep(page, /^Create Gallery: Name \(step 3 of 7\)$/);
    assert.equal(await q.input.inputValue(), 'e2e_back_gallery');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
    assert.deepEqual(inventory(emulator!.state), before, 'going Back and Escape created nothing');
  });

  it('shows the name rule as the user types, sends nothing for a bad name, and accepts a good one', async () => {
    const q = quickInput(page);
    await startCreateGallery();
    await answerGallerySteps('Contoso Production', 'rg-images');
    await atGalleryStep('Name');

    const sentBefore = emulator!.requests.length;
    await q.input.pressSequentially('e2e-bad-name', { delay: 20 }); // typed key by key, as a person does
    const message = q.message.getByText(/dashes are not allowed in gallery names/);
    await message.waitFor();
    assert.match(await q.message.innerText(), /Use only letters, digits, periods and underscores/, 'the message says what to type instead');
    // The box wears the error colour: compare the element's screenshot with the colour the DOM gives its border.
    const box = q.widget.locator('.quick-input-box .monaco-inputbox').first();
    const errorColor = await cssColor(box, 'borderTopColor');
    const errorPixels = await pixelsOf(box, 'validation-01-bad-name-box', errorColor);
    assert.ok(errorPixels > 200, `the error border is drawn (${errorPixels} pixels of ${errorColor})`);
    await shot('validation-01-bad-name');
    await page.keyboard.press('Enter');
    // Enter does not get past a bad name.
    assert.match((await q.title.innerText()).trim(), /Name \(step 3 of 7\)/);
    await message.waitFor();
    const sent = emulator!.requests.slice(sentBefore);
    assert.deepEqual(sent.filter((r) => r.method !== 'GET' && r.method !== 'POST'), [], 'nothing is written to Azure');
    assert.deepEqual(sent.filter((r) => /e2e-bad-name/i.test(r.path)), [], 'the bad name is never sent');

    await q.input.fill('e2e_valid_gallery');
    await message.waitFor({ state: 'hidden' });
    assert.notEqual(await cssColor(box, 'borderTopColor'), errorColor);
    const okPixels = await pixelsOf(box, 'validation-02-good-name-box', errorColor);
    assert.ok(okPixels < errorPixels / 4, `no error colour once the name is valid (${okPixels} pixels of ${errorColor})`);
    await page.keyboard.press('Enter');
    await waitForStep(page, /^Create Gallery: Region \(step 4 of 7\)$/);
    await shot('validation-02-accepted');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
    assert.equal(emulator!.state.resources[`${RG_IMAGES}/providers/microsoft.compute/galleries/e2e_valid_gallery`], undefined, 'Escape after the name created nothing');
  });

  /** A CSS colour the DOM gives an element now, e.g. the input box's border. */
  async function cssColor(target: Locator, property: 'borderTopColor' | 'backgroundColor'): Promise<string> {
    return target.evaluate((e, p) => getComputedStyle(e)[p], property);
  }

  /**
   * An element's screenshot, checked to be that element (its size), and how many of its pixels
   * have `color` (a CSS rgb() colour read from the DOM): what the picture shows agrees with the page.
   */
  async function pixelsOf(target: Locator, name: string, color: string): Promise<number> {
    const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(color)?.slice(1).map(Number);
    assert.ok(rgb?.length === 3, `a colour: ${color}`);
    const file = path.join(SCREENSHOTS_DIR, `flows-${name}.png`);
    // A live element (a toast whose progress text changes) can resize while the picture is taken:
    // take it again until the element kept one size across the shot, then check the picture is it.
    const fits = (a: { width: number; height: number } | null, b: { width: number; height: number } | null) =>
      !!a && !!b && Math.abs(a.width - b.width) <= 1 && Math.abs(a.height - b.height) <= 1;
    let stats: ReturnType<typeof pngStats> = { width: 0, height: 0, colors: 0, nonBackground: 0 };
    let bounds: { width: number; height: number } | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await target.boundingBox();
      await target.screenshot({ path: file });
      bounds = await target.boundingBox();
      stats = pngStats(file);
      if (fits(before, bounds)) break;
    }
    assert.ok(fits(bounds, stats), `${name}: the screenshot is the element (${stats.width}×${stats.height}, element ${bounds?.width}×${bounds?.height})`);
    assert.ok(stats.colors > 2, `${name}: not a blank picture`);
    return countColor(file, [rgb[0], rgb[1], rgb[2]], 24);
  }

  it('shows the busy bar while a list loads slowly, then the items', async () => {
    const q = quickInput(page);
    await startCreateGallery();
    await waitForStep(page, /^Create Gallery: Subscription \(step 1 of 7\)$/);
    // Every answer of the local Azure now takes 4 s: the resource groups load slowly.
    emulator!.admin.setConfig({ latencyMs: 4000 });
    await typeAndAccept('Contoso Production');
    await page.waitForFunction(() => /Resource group \(step 2 of 7\)/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
    const busy = q.widget.locator('.quick-input-progress.active, .monaco-progress-container.active').first();
    await busy.waitFor({ state: 'visible' });
    assert.equal(await q.input.getAttribute('placeholder'), 'Loading…');
    assert.equal(await q.rows.filter({ hasText: 'rg-images' }).count(), 0, 'no items yet');
    await shot('busy-01-loading');

    await q.rows.filter({ hasText: 'rg-images' }).first().waitFor({ timeout: 30_000 });
    await busy.waitFor({ state: 'hidden' });
    assert.match((await q.input.getAttribute('placeholder')) ?? '', /resource group for the gallery/);
    await shot('busy-02-loaded');
    emulator!.admin.setConfig({ latencyMs: 0 });
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
  });

  it('Escape at a mid-step of Create Gallery (new resource group) creates neither the group nor the gallery', async () => {
    const before = inventory(emulator!.state);
    const q = quickInput(page);
    await startCreateGallery();
    await waitForStep(page, /^Create Gallery: Subscription \(step 1 of \d+\)$/);
    await typeAndAccept('Contoso Production');
    await waitForStep(page, /^Create Gallery: Resource group \(step 2 of \d+\)$/);
    await typeAndAccept('Create new resource group');
    await waitForStep(page, /^Create Gallery: New resource group \(step 3 of \d+\)$/);
    await typeAndAccept('rg-e2e-escape');
    await waitForStep(page, /^Create Gallery: Name \(step 4 of \d+\)$/);
    await typeAndAccept('e2e_escape_gallery');
    await waitForStep(page, /^Create Gallery: Region \(step 5 of \d+\)$/);
    await shot('escape-01-gallery-region');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
    // No notification either: Escape is not a failure.
    assert.equal(await toasts(page).withText(/e2e_escape_gallery|rg-e2e-escape/).count(), 0);
    assert.deepEqual(inventory(emulator!.state), before, 'no new resource group, no new gallery');
    assert.ok(!emulator!.state.resourceGroups.some((g) => g.name.toLowerCase() === 'rg-e2e-escape'));
    assert.ok(!emulator!.requests.some((r) => /rg-e2e-escape|e2e_escape_gallery/i.test(r.path) && r.method !== 'GET'), 'nothing was sent to create them');
  });

  it('starts each create where users look for it: the palette, and the subscription, gallery and definition rows (menu and inline button)', async () => {
    const before = inventory(emulator!.state);
    const q = quickInput(page);
    const escape = async () => {
      await page.keyboard.press('Escape');
      await q.widget.waitFor({ state: 'hidden' });
    };

    // The palette: nothing is known yet, so the first step asks for the subscription.
    await runFromPalette(page, 'Create Gallery…');
    await atGalleryStep('Subscription');
    await escape();

    // A subscription's menu: its subscription is the answer, so the flow starts at the resource group.
    await showGalleryView();
    assert.ok((await openContextMenu(page, row(/^Contoso Production$/))).includes('Create Gallery…'));
    await chooseMenuItem(page, 'Create Gallery…');
    await waitForStep(page, /^Create Gallery: Resource group \(step 1 of 6\)$/);
    await escape();

    // A gallery's menu and its inline button: the flow starts at the definition's name.
    await expand(/^Contoso Production$/);
    assert.ok((await openContextMenu(page, row(/^contoso_images$/))).includes('Create Image Definition…'));
    await chooseMenuItem(page, 'Create Image Definition…');
    await waitForStep(page, /^Create Image Definition: Name \(step 1 of \d+\)$/);
    await escape();
    await row(/^contoso_images$/).hover();
    await row(/^contoso_images$/).getByRole('button', { name: 'Create Image Definition…' }).click();
    await waitForStep(page, /^Create Image Definition: Name \(step 1 of \d+\)$/);
    await escape();

    // A definition's menu and its inline button: the flow starts at the version number.
    await expand(/^contoso_images$/);
    assert.ok((await openContextMenu(page, row(/^ubuntu-22\.04-lts$/))).includes('Create Image Version…'));
    await chooseMenuItem(page, 'Create Image Version…');
    await waitForStep(page, /^Create Image Version: Version \(step 1 of \d+\)$/);
    await escape();
    await row(/^ubuntu-22\.04-lts$/).hover();
    await row(/^ubuntu-22\.04-lts$/).getByRole('button', { name: 'Create Image Version…' }).click();
    await waitForStep(page, /^Create Image Version: Version \(step 1 of \d+\)$/);
    await shot('entry-01-version-from-inline-button');
    await escape();

    assert.deepEqual(inventory(emulator!.state), before, 'starting and leaving each flow created nothing');
  });

  it('Escape at a mid-step of Create Image Definition creates no definition', async () => {
    const before = inventory(emulator!.state);
    const q = quickInput(page);
    await runFromPalette(page, 'Create Image Definition…');
    await waitForStep(page, /^Create Image Definition: Gallery \(step 1 of \d+\)$/);
    await q.rows.filter({ hasText: 'contoso_images' }).first().waitFor();
    await typeAndAccept('contoso_images');
    await waitForStep(page, /^Create Image Definition: Name \(step 2 of \d+\)$/);
    await typeAndAccept('e2e-escape-definition');
    await waitForStep(page, /^Create Image Definition: OS type \(step 3 of \d+\)$/);
    await shot('escape-02-definition-os-type');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
    assert.deepEqual(inventory(emulator!.state), before, 'no new image definition');
    assert.ok(!emulator!.requests.some((r) => /e2e-escape-definition/i.test(r.path) && r.method !== 'GET'), 'nothing was sent to create it');
  });

  it('shows a progress notification while Azure creates the gallery, then the result', async () => {
    const q = quickInput(page);
    await startCreateGallery();
    await answerGallerySteps('Contoso Production', 'rg-images', 'e2e_progress_gallery', 'East US', '');
    await atGalleryStep('Sharing');
    await page.keyboard.press('Enter'); // Private, suggested
    await atGalleryStep('Summary');
    await q.rows.filter({ hasText: 'e2e_progress_gallery' }).first().waitFor();
    // Azure takes its time: the create finishes only when the test says so (no race with a slow machine).
    emulator!.admin.setConfig({ lro: { durationMs: 600_000, retryAfterSeconds: 0 } });
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });

    const progress = toasts(page).withText(/Creating gallery e2e_progress_gallery/);
    await progress.waitFor();
    await progress.getByText(/waiting for Azure/).waitFor();
    await toasts(page).settled(/Creating gallery e2e_progress_gallery/);
    assert.ok(await progress.getByRole('button', { name: 'Cancel' }).isVisible(), 'the wait can be cancelled');
    assert.equal(emulator!.state.resources[`${RG_IMAGES}/providers/microsoft.compute/galleries/e2e_progress_gallery`]?.provisioningState, 'Creating', 'the notification shows while Azure is still creating');
    await shot('progress-01-creating-gallery');

    emulator!.admin.finishOperations();
    await toasts(page).withText(/Created gallery e2e_progress_gallery \(Private\) in East US/).waitFor({ timeout: 60_000 });
    await toasts(page).settled(/Created gallery e2e_progress_gallery/);
    await progress.waitFor({ state: 'hidden' });
    assert.equal(emulator!.state.resources[`${RG_IMAGES}/providers/microsoft.compute/galleries/e2e_progress_gallery`]?.provisioningState, 'Succeeded');
    await row(/^e2e_progress_gallery$/).waitFor();
    await shot('progress-02-created-gallery');
  });

  it('Create Image Version: the new version shows replicating; Cancel on the wait stops waiting, not Azure', async () => {
    emulator!.admin.setConfig({ replication: { durationMs: 120_000 } });
    await createUbuntuVersion('7.7.1', 'cancel-01');
    const id = `${UBUNTU}/versions/7.7.1`;

    const wait = toasts(page).withText(/Image version 7\.7\.1 of ubuntu-22\.04-lts/);
    await wait.waitFor();
    await wait.getByText(/Creating|Replicating/).waitFor();
    await toasts(page).settled(/Image version 7\.7\.1 of ubuntu-22\.04-lts/);
    const versionRow = row(/^7\.7\.1$/);
    await versionRow.waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => r.querySelector('.label-name')?.textContent === '7.7.1' && /Creating|Replicating/.test(r.querySelector('.label-description')?.textContent ?? '')),
    );
    await shot('cancel-02-replicating');

    const cancel = wait.getByRole('button', { name: 'Cancel' });
    // The toast's picture shows the button: its background colour, read from the DOM, covers a button-sized patch.
    const buttonColor = await cssColor(cancel, 'backgroundColor');
    const buttonBox = await cancel.boundingBox();
    const buttonPixels = await pixelsOf(wait, 'cancel-02-toast', buttonColor);
    assert.ok(buttonBox && buttonPixels > buttonBox.width * buttonBox.height * 0.4, `the Cancel button is in the toast's screenshot (${buttonPixels} pixels of ${buttonColor})`);
    await cancel.click();
    await toasts(page).settled(/Stopped waiting for image version 7\.7\.1 of ubuntu-22\.04-lts\. Azure goes on creating it/);
    await wait.filter({ has: page.getByRole('button', { name: 'Cancel' }) }).waitFor({ state: 'hidden' });
    await shot('cancel-03-stopped');
    const stored = emulator!.state.resources[id];
    assert.ok(stored, 'Azure still has the version');
    assert.notEqual(stored.provisioningState, 'Failed');
    assert.ok(!emulator!.requests.some((r) => r.method === 'DELETE' && r.path.toLowerCase().includes('/versions/7.7.1')), 'Cancel deleted nothing');

    // Azure finishes on its own; the tree follows it, and no "ready" notification comes from the stopped wait.
    emulator!.admin.finishOperations();
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some(
          (r) => r.querySelector('.label-name')?.textContent === '7.7.1' && !/Creating|Replicating/.test(r.querySelector('.label-description')?.textContent ?? ''),
        ),
      undefined,
      { timeout: 90_000 },
    );
    assert.equal(emulator!.state.resources[id]?.provisioningState, 'Succeeded');
    assert.equal(await toasts(page).withText(/7\.7\.1 of ubuntu-22\.04-lts is ready/).count(), 0, 'the stopped wait reports nothing');
  });

  it('Create Image Version with a data disk and a customer-managed key per disk, through the real quick input (issue 13)', async () => {
    const q = quickInput(page);
    const step = (title: string) => waitForStep(page, new RegExp(`Create Image Version: ${title}`));
    const pick = async (title: string, filter: string, row: RegExp) => {
      await step(title);
      await q.input.fill(filter);
      await q.rows.filter({ hasText: row }).first().click();
    };
    await runFromPalette(page, 'Create Image Version…');
    await step('Definition \\(step 1 of \\d+\\)');
    await q.rows.filter({ hasText: 'ubuntu-22.04-lts' }).first().waitFor();
    await typeAndAccept('ubuntu-22.04-lts');
    await step('Version \\(');
    await typeAndAccept('8.8.0');
    await pick('Source \\(', 'snap-ubuntu-2204-os-eastus', /snap-ubuntu-2204-os-eastus/);
    for (const title of ['Target regions', 'Replicas']) {
      await step(`${title} \\(`);
      await page.keyboard.press('Enter'); // the source region; one replica
    }
    await pick('Storage \\(', 'Standard_ZRS', /Standard_ZRS/);
    for (const title of ['Latest', 'Edge zones', 'End of life']) {
      await step(`${title} \\(`);
      await page.keyboard.press('Enter');
    }
    await pick('Summary \\(', 'Advanced', /Advanced…/);
    await pick('Data disks \\(', 'Add a data disk', /Add a data disk…/);
    await pick('Data disks \\(.*— source', 'snap-data-0-eastus', /snap-data-0-eastus/);
    await step('Data disks \\(.*— LUN');
    assert.equal(await q.input.inputValue(), '0', 'the first free LUN is suggested');
    await q.input.fill('64');
    // Azure takes LUN 64 for an image; VMs could not attach it, so the box warns without refusing.
    await q.message.getByText(/LUN 64 is above 63: VMs attach data disks at LUN 0–63/).waitFor();
    await q.input.fill('x');
    await q.message.getByText(/Enter the LUN as a whole number/).waitFor();
    await typeAndAccept('0');
    await step('Data disks \\(');
    await q.rows.filter({ hasText: /LUN 0: snap-data-0-eastus/ }).first().waitFor();
    await shot('datadisk-01-data-disks');
    await pick('Data disks \\(', 'Done', /Done/);
    await pick('Encryption \\(', 'Customer-managed', /Customer-managed keys…/);
    await pick('Encryption \\(.*the OS disk', 'des-eastus', /des-eastus(?!-data)/);
    await pick('Encryption \\(.*LUN 0', 'des-eastus-data', /des-eastus-data/);
    for (const title of ['Safety', 'Replication mode', 'Tags']) {
      await step(`${title} \\(`);
      await page.keyboard.press('Enter'); // no tags
    }
    await step('Summary \\(');
    await q.rows.filter({ hasText: /LUN 0: snap-data-0-eastus \(snapshot\)/ }).first().waitFor();
    await q.rows.filter({ hasText: /OS disk des-eastus, LUN 0 des-eastus-data/ }).first().waitFor();
    await page.mouse.move(900, 700);
    await shot('datadisk-02-summary');
    await page.keyboard.press('Enter'); // "Create image version", the active row
    await q.widget.waitFor({ state: 'hidden' });

    const id = `${UBUNTU}/versions/8.8.0`;
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => r.querySelector('.label-name')?.textContent === '8.8.0'));
    const stored = emulator!.state.resources[id]?.properties as
      | { storageProfile: { dataDiskImages?: { lun: number; source?: { id?: string } }[] }; publishingProfile: { targetRegions: { storageAccountType?: string; encryption?: unknown }[] } }
      | undefined;
    assert.ok(stored, 'the version was created');
    assert.deepEqual(stored.storageProfile.dataDiskImages?.map((d) => [d.lun, d.source?.id?.split('/').pop()]), [[0, 'snap-data-0-eastus']]);
    const [east] = stored.publishingProfile.targetRegions;
    assert.equal(east.storageAccountType, 'Standard_ZRS');
    const des = (name: string) => `/subscriptions/${PRODUCTION}/resourceGroups/rg-security/providers/Microsoft.Compute/diskEncryptionSets/${name}`;
    assert.deepEqual(east.encryption, { osDiskImage: { diskEncryptionSetId: des('des-eastus') }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: des('des-eastus-data') }] });
    await dismissToasts();
  });

  it('a window reload picks up the wait for a version still replicating', async () => {
    // Replication finishes only when the test says so, after the reload (no race with a slow machine).
    emulator!.admin.setConfig({ replication: { durationMs: 600_000 } });
    await createUbuntuVersion('8.8.1'); // above 8.8.0 (the test before): a lower number would ask again
    const id = `${UBUNTU}/versions/8.8.1`;
    await toasts(page).withText(/Image version 8\.8\.1 of ubuntu-22\.04-lts/).waitFor();
    assert.ok(emulator!.state.resources[id], 'the version was submitted');

    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runFromPalette(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor();
    await showGalleryView();
    await expand(/^Contoso Production$/, /^contoso_images$/, /^ubuntu-22\.04-lts$/);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => r.querySelector('.label-name')?.textContent === '8.8.1' && /Creating|Replicating/.test(r.querySelector('.label-description')?.textContent ?? '')),
    );
    // The wait is back: its notification shows again in the new window.
    const wait = toasts(page).withText(/Image version 8\.8\.1 of ubuntu-22\.04-lts/);
    await wait.waitFor({ timeout: 60_000 });
    await toasts(page).settled(/Image version 8\.8\.1 of ubuntu-22\.04-lts/);
    assert.ok(await wait.getByRole('button', { name: 'Cancel' }).isVisible());
    await shot('reload-01-resumed');
    assert.notEqual(emulator!.state.resources[id]?.provisioningState, 'Succeeded', 'still replicating after the reload');

    emulator!.admin.finishOperations();

    await toasts(page).withText(/Image version 8\.8\.1 of ubuntu-22\.04-lts is ready: replicated to East US\./).waitFor({ timeout: 120_000 });
    await toasts(page).settled(/8\.8\.1 of ubuntu-22\.04-lts is ready/);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => r.querySelector('.label-name')?.textContent === '8.8.1' && !/Creating|Replicating/.test(r.querySelector('.label-description')?.textContent ?? '')),
    );
    await shot('reload-02-ready');
    assert.equal(emulator!.state.resources[id]?.provisioningState, 'Succeeded');
  });
});
