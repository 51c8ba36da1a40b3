// A version's target regions in the real workbench (code-server + headless Chromium), against the
// local Azure: a version whose westus2 copy failed expands into its region rows (state, replicas,
// storage; Azure's details on hover) and the failed row offers Retry Region… in its context menu.
// Screenshots: test-results/screenshots/regions-*.png.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, closeChecked, openContextMenu, openWorkbench, widenSideBar, type Workbench, expandRows, treeRow } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const VERSION = `/subscriptions/${PRODUCTION}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images/images/ubuntu-22.04-lts/versions/1.0.0`;

describe('Region rows in the real workbench (e2e)', () => {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', config: { lro: { durationMs: 200, retryAfterSeconds: 0 }, replication: { durationMs: 200 } } });
    // 1.0.0 (eastus, westus2): its westus2 copy fails.
    emulator.admin.setReplicationFaults(VERSION, ['westus2']);
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await page.locator('.activitybar').getByRole('tab', { name: /Azure Compute Gallery/ }).click();
    await page.locator('.sidebar .composite.title', { hasText: /Azure Compute Gallery/i }).waitFor();
    await widenSideBar(page);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-regions-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  const row = (label: RegExp): Locator => treeRow(page, label);
  const expand = (...labels: RegExp[]): Promise<void> => expandRows(page, ...labels);

  it('a version expands into its regions: Completed and Failed rows with replicas and storage; Retry Region… on the failed one', async () => {
    await expand(/^Contoso Production$/, /^contoso_images$/, /^ubuntu-22\.04-lts$/, /^1\.0\.0$/);
    const west = row(/^West US 2$/);
    await west.waitFor();
    // No named functions inside: the page runs this source as it is (no bundler helpers there).
    await page.waitForFunction(() =>
      ['West US 2', 'East US'].every((label, i) =>
        (i === 0 ? /^Failed · \d+ replicas? · \w+/ : /^Completed · \d+ replicas? · \w+/).test(
          Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).find((r) => r.querySelector('.label-name')?.textContent === label)?.querySelector('.label-description')?.textContent ?? '',
        ),
      ),
    );
    // The row is redrawn once the poll that brought the region rows is answered.
    const version = row(/^1\.0\.0$/).locator('.label-description');
    await version.filter({ hasText: /^1\/2 regions · Failed in West US 2/ }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    assert.match((await version.textContent()) ?? '', /^1\/2 regions · Failed in West US 2/, 'the version row counts from the same rows');
    await page.mouse.move(1200, 750);
    const file = await workbench!.screenshot('regions-01-expanded');
    assertDrawn(file, 'regions-01-expanded');
    const items = await openContextMenu(page, west);
    assert.ok(items.includes('Retry Region…'), `the failed region offers Retry Region… (${items.join(', ')})`);
    await workbench!.screenshot('regions-02-context-menu');
    await page.keyboard.press('Escape');
    const east = await openContextMenu(page, row(/^East US$/)).catch(() => [] as string[]);
    assert.ok(!east.includes('Retry Region…'), 'a completed region does not');
    await page.keyboard.press('Escape');
  });
});
