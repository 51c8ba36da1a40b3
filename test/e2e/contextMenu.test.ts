// Commands started from a tree row's context menu in the real workbench (code-server + headless
// Chromium), against the local Azure: Edit Tags… on a definition (the tag reaches Azure and the
// row's hover shows it), Exclude from Latest… on a version (issue 14: its warning dialog, Azure's
// state and the rows after), Create Image Version… from a definition through its new Edge zones
// step, and Update Image Version… / Update Image Definition…, each changing one thing and
// nothing else Azure holds (issue 13), Show Usage on a version and Clean Up Old Versions…'s dry
// run on a definition (issue 14). Screenshots:
// test-results/screenshots/menu-*.png.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, chooseMenuItem, closeChecked, hover, openContextMenu, openWorkbench, quickInput, waitForStep, widenSideBar, type Workbench, expandRows, treeRow } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const UBUNTU = `/subscriptions/${PRODUCTION}/resourcegroups/rg-images/providers/microsoft.compute/galleries/contoso_images/images/ubuntu-22.04-lts`;
const FAST_LRO = { durationMs: 200, retryAfterSeconds: 0 };

describe('Context menu commands in the real workbench (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { lro: FAST_LRO, replication: { durationMs: 200 } } });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await page.locator('.activitybar').getByRole('tab', { name: /Azure Compute Gallery/ }).click();
    await page.locator('.sidebar .composite.title', { hasText: /Azure Compute Gallery/i }).waitFor();
    await widenSideBar(page);
    await expand(/^Contoso Production$/, /^contoso_images$/);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-menu-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
    if (await quickInput(page).widget.isVisible()) await page.keyboard.press('Escape');
    for (const close of await page.locator('.notifications-toasts .codicon-notifications-clear').all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  });

  async function shot(name: string): Promise<string> {
    const file = await workbench!.screenshot(`menu-${name}`);
    assertDrawn(file, name);
    return file;
  }

  const row = (label: RegExp): Locator => treeRow(page, label);
  const expand = (...labels: RegExp[]): Promise<void> => expandRows(page, ...labels);

  async function typeAndAccept(text: string): Promise<void> {
    await quickInput(page).input.fill(text);
    await page.keyboard.press('Enter');
  }

  it('Edit Tags… from a definition\'s context menu adds a tag: Azure holds it and the row\'s hover shows it', async () => {
    const q = quickInput(page);
    const items = await openContextMenu(page, row(/^ubuntu-22\.04-lts$/));
    assert.ok(items.includes('Edit Tags…'), `the menu offers Edit Tags… (${items.join(', ')})`);
    await shot('tags-01-context-menu');
    await chooseMenuItem(page, 'Edit Tags…');
    await waitForStep(page, /^Edit Tags: .*ubuntu-22\.04-lts/);
    const before = await q.input.inputValue();
    await typeAndAccept(before.trim() ? `${before.trim()}; reviewed=e2e` : 'reviewed=e2e');
    await q.widget.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.notifications-toasts .notification-toast-container')).some((t) => /Updated the tags of/.test(t.textContent ?? '')));
    assert.equal(emulator!.state.resources[UBUNTU]?.tags?.reviewed, 'e2e', 'Azure holds the new tag');
    const tooltip = page.locator('.monaco-hover', { hasText: /reviewed=e2e/ });
    await hover(page, row(/^ubuntu-22\.04-lts$/), tooltip);
    // The hover fades in: let it finish before the screenshot.
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.monaco-hover')).some((h) => {
        if (!/reviewed=e2e/.test(h.textContent ?? '')) return false;
        for (let e: Element | null = h; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
        return true;
      }),
    );
    await shot('tags-02-hover');
  });

  it('Show Usage from a version\'s context menu lists the VMs and scale sets that use it, pinned or following latest', async () => {
    const q = quickInput(page);
    await page.mouse.move(1200, 750);
    await expand(/^ubuntu-22\.04-lts$/);
    const items = await openContextMenu(page, row(/^1\.0\.0$/));
    assert.ok(items.includes('Show Usage'), `the menu offers Show Usage (${items.join(', ')})`);
    await chooseMenuItem(page, 'Show Usage');
    await waitForStep(page, /^Show Usage: image version 1\.0\.0 of ubuntu-22\.04-lts/);
    for (const name of ['vm-web-01', 'vmss-web', 'vm-dev-ubuntu']) await q.rows.filter({ hasText: name }).first().waitFor();
    assert.match((await q.rows.filter({ hasText: 'vmss-web' }).first().textContent()) ?? '', /Scale set · follows latest/);
    await page.mouse.move(1200, 750);
    await shot('usage-01-version');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
  });

  it('Exclude from Latest… from a version\'s context menu: the dialog warns that no version would be latest; Azure holds it and the row says so', async () => {
    await expand(/^ubuntu-22\.04-lts$/);
    const items = await openContextMenu(page, row(/^1\.0\.0$/));
    assert.ok(items.includes('Make Latest…') && items.includes('Exclude from Latest…'), `the menu offers Make Latest… and Exclude from Latest… (${items.join(', ')})`);
    await shot('latest-01-context-menu');
    await chooseMenuItem(page, 'Exclude from Latest…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, /Exclude 1\.0\.0 of ubuntu-22\.04-lts from latest\?/);
    // 1.1.0 is still replicating (demo seed): excluding 1.0.0 leaves no latest until it is ready.
    assert.match(text, /Warning: No version of the definition would be latest until 1\.1\.0 is ready/);
    assert.match(text, /This changes 1\.0\.0: excluded from latest\./);
    await shot('latest-02-warning');
    await dialog.getByRole('button', { name: 'Exclude from Latest' }).click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.notifications-toasts .notification-toast-container')).some((t) => /Exclude from Latest: 1\.0\.0: excluded from latest/.test(t.textContent ?? '')));
    const profile = emulator!.state.resources[`${UBUNTU}/versions/1.0.0`]?.properties.publishingProfile as { excludeFromLatest?: boolean } | undefined;
    assert.equal(profile?.excludeFromLatest, true, 'Azure holds 1.0.0 excluded');
    await row(/^1\.0\.0$/).locator('.label-description', { hasText: /excluded from latest/ }).waitFor();
    await shot('latest-03-rows');
  });

  it('Create Image Version… from a definition\'s context menu, through the Edge zones step: none by default, then a listed zone with replicas and storage', async () => {
    const q = quickInput(page);
    const step = (title: string) => waitForStep(page, new RegExp(`^Create Image Version: ${title} \\(step \\d+ of \\d+\\)$`));
    await page.mouse.move(1200, 750);
    assert.ok((await openContextMenu(page, row(/^ubuntu-22\.04-lts$/))).includes('Create Image Version…'));
    await chooseMenuItem(page, 'Create Image Version…');
    await step('Version');
    await typeAndAccept('9.1.0');
    await step('Source');
    await q.input.fill('snap-ubuntu-2204-os-eastus');
    await q.rows.filter({ hasText: 'snap-ubuntu-2204-os-eastus' }).first().click();
    for (const title of ['Target regions', 'Replicas', 'Storage', 'Latest']) {
      await step(title);
      await page.keyboard.press('Enter'); // the defaults
    }
    await step('Edge zones');
    // Keyboard friendly: the active row is "No edge zones", so Enter would add none.
    await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.textContent?.includes('No edge zones') === true);
    await shot('edge-01-none-by-default');
    await q.input.fill('Add edge');
    await q.rows.filter({ hasText: /Add edge zones/ }).first().click();
    await step('Edge zones — which');
    await q.rows.filter({ hasText: 'westus/microsoftlosangeles1' }).first().waitFor();
    await q.rows.filter({ hasText: 'Microsoft Los Angeles 1' }).first().click(); // ticks it
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')).some((r) => /Microsoft Los Angeles 1/.test(r.textContent ?? '') && r.getAttribute('aria-checked') === 'true'),
    );
    await page.mouse.move(1200, 750);
    await shot('edge-02-listed-zones');
    await page.keyboard.press('Enter');
    await step('Edge zone replicas');
    await q.input.fill('0');
    await q.message.getByText(/Use 1 to 100 replicas/).waitFor();
    await typeAndAccept('2');
    await step('Edge zone storage');
    await q.input.fill('StandardSSD');
    await q.rows.filter({ hasText: 'StandardSSD_LRS' }).first().click();
    await step('End of life');
    await page.keyboard.press('Enter');
    await step('Summary');
    await q.rows.filter({ hasText: /westus\/microsoftlosangeles1 ×2 \(StandardSSD_LRS\)/ }).first().waitFor();
    await page.mouse.move(1200, 750);
    await shot('edge-03-summary');
    await page.keyboard.press('Enter'); // "Create image version", the active row
    await q.widget.waitFor({ state: 'hidden' });

    const id = `${UBUNTU}/versions/9.1.0`;
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => r.querySelector('.label-name')?.textContent === '9.1.0'));
    const stored = emulator!.state.resources[id]?.properties as { publishingProfile: { targetExtendedLocations?: unknown[] } } | undefined;
    assert.ok(stored, 'the version was created');
    assert.deepEqual(stored.publishingProfile.targetExtendedLocations, [
      { name: 'westus', extendedLocation: { name: 'microsoftlosangeles1', type: 'EdgeZone' }, extendedLocationReplicaCount: 2, storageAccountType: 'StandardSSD_LRS' },
    ]);
  });

  /** What Azure holds for a resource, as a copy: the local Azure's state object changes under us. */
  const held = (id: string): Record<string, unknown> => JSON.parse(JSON.stringify(emulator!.state.resources[id] ?? null)) as Record<string, unknown>;
  /** A resource as Azure shows it: without the local Azure's bookkeeping (its state, its copies, `meta` it never shows). */
  const content = (r: Record<string, unknown>): unknown => {
    const { provisioningState: _state, replication: _replication, operationId: _operation, meta: _meta, ...rest } = r;
    return rest;
  };

  async function pickOnly(label: string): Promise<void> {
    const q = quickInput(page);
    await q.input.fill(label);
    const option = q.rows.filter({ hasText: label }).first();
    await option.click(); // ticks it
    await page.waitForFunction((l) => Array.from(document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')).some((r) => (r.textContent ?? '').includes(l) && r.getAttribute('aria-checked') === 'true'), label);
    await page.keyboard.press('Enter');
  }

  it("Update Image Version… from a version's context menu changes one region's replicas and nothing else Azure holds", async () => {
    const q = quickInput(page);
    const id = `${UBUNTU}/versions/1.0.0`;
    await expand(/^ubuntu-22\.04-lts$/);
    // 9.1.0 (the test before) becoming latest redraws the definition, and VS Code re-lists its rows:
    // a menu chosen in that moment reaches the command without its row. Let it finish first.
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => r.querySelector('.label-name')?.textContent === '9.1.0' && /^latest$/.test(r.querySelector('.label-description')?.textContent ?? '')),
      undefined,
      { timeout: 60_000 },
    );
    const before = held(id);
    const step = (title: string) => waitForStep(page, new RegExp(`^Update Image Version: .*1\\.0\\.0.*: ${title} \\(step \\d+ of \\d+\\)$`));
    await page.mouse.move(1200, 750);
    const items = await openContextMenu(page, row(/^1\.0\.0$/));
    assert.ok(items.includes('Update Image Version…'), `the menu offers Update Image Version… (${items.join(', ')})`);
    await shot('update-version-01-context-menu');
    await chooseMenuItem(page, 'Update Image Version…');
    await step('What to change');
    await pickOnly('Replicas per region');
    await step('Replicas per region');
    await q.input.fill('westus2=0');
    await q.message.getByText(/1 to 100/).waitFor();
    await typeAndAccept('westus2=3');
    await step('Summary');
    await q.rows.filter({ hasText: /westus2/i }).first().waitFor();
    await page.mouse.move(1200, 750);
    await shot('update-version-02-summary');
    await page.keyboard.press('Enter'); // "Save changes", the active row
    await q.widget.waitFor({ state: 'hidden' });

    await page.waitForFunction(() => Array.from(document.querySelectorAll('.notifications-toasts .notification-toast-container')).some((t) => /1\.0\.0/.test(t.textContent ?? '') && /Updated|ready|replicat/i.test(t.textContent ?? '')), undefined, { timeout: 30_000 });
    const after = held(id);
    type Region = { name: string; regionalReplicaCount?: number };
    const regions = (r: Record<string, unknown>) => ((r.properties as { publishingProfile: { targetRegions: Region[] } }).publishingProfile.targetRegions);
    const expected = JSON.parse(JSON.stringify(before)) as Record<string, unknown>;
    const west = regions(expected).find((r) => r.name.replace(/\s/g, '').toLowerCase() === 'westus2');
    assert.ok(west, 'the version had West US 2');
    west.regionalReplicaCount = 3;
    assert.deepEqual(content(after), content(expected), 'the only difference is West US 2\'s replica count');
    await shot('update-version-03-updated');
  });

  it("Update Image Definition… from a definition's context menu changes the description and nothing else Azure holds", async () => {
    const q = quickInput(page);
    const before = held(UBUNTU);
    const step = (title: string) => waitForStep(page, new RegExp(`^Update Image Definition: ubuntu-22\\.04-lts: ${title} \\(step \\d+ of \\d+\\)$`));
    await page.mouse.move(1200, 750);
    const items = await openContextMenu(page, row(/^ubuntu-22\.04-lts$/));
    assert.ok(items.includes('Update Image Definition…'), `the menu offers Update Image Definition… (${items.join(', ')})`);
    await chooseMenuItem(page, 'Update Image Definition…');
    await step('What to change');
    await pickOnly('Description');
    await step('Description');
    assert.equal(await q.input.inputValue(), (before.properties as { description?: string }).description ?? '', 'the current description is there to edit');
    await typeAndAccept('Ubuntu 22.04, reviewed in the workbench');
    await step('Summary');
    await q.rows.filter({ hasText: /→ Ubuntu 22\.04, reviewed in the workbench/ }).first().waitFor();
    await page.mouse.move(1200, 750);
    await shot('update-definition-01-summary');
    await page.keyboard.press('Enter');
    await q.widget.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.notifications-toasts .notification-toast-container')).some((t) => /Updated description of ubuntu-22\.04-lts/.test(t.textContent ?? '')));
    const expected = JSON.parse(JSON.stringify(before)) as { properties: { description?: string } };
    expected.properties.description = 'Ubuntu 22.04, reviewed in the workbench';
    assert.deepEqual(content(held(UBUNTU)), content(expected as unknown as Record<string, unknown>), 'the only difference is the description');
  });
  it("Clean Up Old Versions… from a definition's context menu shows the dry run: every version with its verdict and reason; Escape deletes nothing", async () => {
    const q = quickInput(page);
    const versions = () => Object.keys(emulator!.state.resources).filter((id) => id.toLowerCase().startsWith(`${UBUNTU}/versions/`)).sort();
    const before = versions();
    assert.ok(before.length >= 3, `the definition has versions to judge (${before.join(', ')})`);
    await page.mouse.move(1200, 750);
    const items = await openContextMenu(page, row(/^ubuntu-22\.04-lts$/));
    assert.ok(items.includes('Clean Up Old Versions…'), `the menu offers Clean Up Old Versions… (${items.join(', ')})`);
    await chooseMenuItem(page, 'Clean Up Old Versions…');
    await waitForStep(page, /^Clean Up Old Versions: Rules/);
    // The suggested rules (keep the newest N, never the latest, never one in use), less "in use":
    // a click on a row of a multi-select pick toggles it, as for a person.
    const inUse = q.rows.filter({ hasText: 'Never delete a version in use' }).first();
    assert.equal(await inUse.getAttribute('aria-checked'), 'true', 'suggested');
    await inUse.locator('.label-name, .monaco-icon-label').first().click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.quick-input-list .monaco-list-row')).some((r) => /Never delete a version in use/.test(r.textContent ?? '') && r.getAttribute('aria-checked') === 'false'));
    await page.keyboard.press('Enter');
    await waitForStep(page, /^Clean Up Old Versions: Keep the newest/);
    await typeAndAccept('1');
    await waitForStep(page, /^Clean Up Old Versions: Dry run/);
    await q.rows.first().filter({ hasText: /Delete 1 version, keep 2/ }).waitFor();
    const verdict = async (name: string) => ((await q.rows.filter({ hasText: new RegExp(`^\\s*${name.replace(/\./g, '\\.')}`) }).first().innerText()) ?? '').replace(/\s+/g, ' ');
    assert.match(await verdict('1.0.0'), /1\.0\.0 ?delete older than the newest 1/, 'in use no longer saves it: the newest rule deletes it, saying why');
    assert.match(await verdict('1.1.0'), /1\.1\.0 ?keep it is creating now/);
    const latest = versions().map((id) => id.split('/').pop()!).find((v) => !['1.0.0', '1.1.0'].includes(v))!;
    assert.match(await verdict(latest), /keep it is the latest/);
    await page.mouse.move(1200, 750);
    await shot('retention-01-dry-run');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden' });
    assert.deepEqual(versions(), before, 'Escape at the dry run deletes nothing');
  });
});
