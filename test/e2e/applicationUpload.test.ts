// Issue 15 in the real workbench (code-server + headless Chromium) against the local Azure with
// Azurite: a VM application created from the gallery's "VM Applications" row, then — from the
// notification's own button — an application version whose package is a local file uploaded
// through VS Code's open dialog into a storage account's container; the summary says a read-only
// SAS is made when sent, the version appears in the tree and its package is the uploaded blob,
// readable through that SAS. Screenshots: test-results/screenshots/apps-*.png.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { packageVsix } from '../harness/vsix';
import { assertDrawn, chooseMenuItem, closeChecked, expandRows, openContextMenu, openWorkbench, quickInput, toasts, treeRow, waitForStep, widenSideBar, type Workbench } from './workbench';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const APP = `/subscriptions/${PRODUCTION}/resourcegroups/rg-images/providers/microsoft.compute/galleries/contoso_images/applications/e2e-agent`;
const FAST_LRO = { durationMs: 200, retryAfterSeconds: 0 };

describe('Create Application Version from a local file in the real workbench (e2e)', function () {
  this.timeout(180_000);
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  let page: Page;
  let dir: string;
  let file: string;
  let bytes: Buffer;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-e2e-app-'));
    file = path.join(dir, 'e2e-agent-1.0.0.tar.gz');
    bytes = Buffer.alloc(1536 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
    fs.writeFileSync(file, bytes);
    emulator = await startEmulator({ seed: 'demo', config: { lro: FAST_LRO, replication: { durationMs: 200 } }, storage: true });
    workbench = await openWorkbench({ installVsix: [packageVsix()], env: extensionHostEnv(emulator), userSettings: localAzureSettings(emulator) });
    page = workbench.page;
    await page.locator('.activitybar').getByRole('tab', { name: /Azure Compute Gallery/ }).click();
    await page.locator('.sidebar .composite.title', { hasText: /Azure Compute Gallery/i }).waitFor();
    await widenSideBar(page);
    await expandRows(page, /^Contoso Production$/, /^contoso_images$/);
  });

  after(async () => {
    await closeChecked(workbench);
    await emulator?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-apps-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  async function shot(name: string): Promise<string> {
    const file = await workbench!.screenshot(`apps-${name}`);
    assertDrawn(file, name);
    return file;
  }

  const row = (label: RegExp): Locator => treeRow(page, label);
  const q = () => quickInput(page);

  async function enter(title: RegExp, text?: string): Promise<void> {
    await waitForStep(page, title);
    if (text !== undefined) await q().input.fill(text);
    await page.keyboard.press('Enter');
  }

  async function choose(title: RegExp, label: string | RegExp): Promise<void> {
    await waitForStep(page, title);
    await q().rows.filter({ hasText: label }).first().click();
  }

  it('creates a VM application, then a version from a local file: uploaded, sent with a read-only SAS, shown in the tree', async () => {
    // The application, from the gallery's "VM Applications" row.
    const items = await openContextMenu(page, row(/^VM Applications$/));
    assert.ok(items.includes('Create VM Application…'), `the row offers Create VM Application… (${items.join(', ')})`);
    await chooseMenuItem(page, 'Create VM Application…');
    await enter(/^Create VM Application: Name/, 'e2e-agent');
    await choose(/^Create VM Application: OS type/, /^Linux$/);
    for (const step of [/Description/, /EULA/, /Privacy statement/, /Release notes/, /End-of-life date/, /Tags/]) await enter(new RegExp(`^Create VM Application: ${step.source}`));
    await choose(/^Create VM Application: Summary/, /Create VM application/);
    const created = await toasts(page).settled(/Created VM application e2e-agent/);
    assert.ok(emulator!.state.resources[APP], 'Azure holds the application');

    // The version, from the notification's button.
    await created.getByRole('button', { name: 'Create Application Version' }).click();
    await enter(/^Create Application Version: e2e-agent: Version/);
    await waitForStep(page, /: Package \(step/);
    const sources = (await q().rows.allInnerTexts()).map((t) => t.split('\n')[0]);
    assert.deepEqual(sources.map((s) => s.replace(/^\S*\s*/, '').trim()).slice(0, 3), ['Pick from a storage account…', 'Upload a local file…', 'Paste a blob URL…'], sources.join(' | '));
    await shot('01-package-sources');
    await choose(/: Package \(step/, 'Upload a local file…');
    await choose(/Package \(step \d+ of \d+\) — storage account/, 'contosoimagestage');
    await choose(/Package \(step \d+ of \d+\) — container/, 'packages');
    // VS Code's own open dialog (in the browser: the quick input's file dialog): type the path.
    await q().widget.waitFor({ state: 'visible' });
    await page.waitForFunction(() => /Upload a local package/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
    // The dialog fills in its starting folder once it has listed it: type the path after that, or
    // the two end up joined.
    await page.waitForFunction(() => /\/$/.test((document.querySelector('.quick-input-widget .quick-input-box input') as HTMLInputElement | null)?.value ?? ''));
    await q().rows.first().waitFor();
    for (let tries = 0; tries < 5 && (await q().input.inputValue()) !== file; tries++) {
      await q().input.fill(file);
      await page.waitForTimeout(300);
    }
    assert.equal(await q().input.inputValue(), file, 'the open dialog holds the path typed');
    await page.keyboard.press('Enter');
    await enter(/Package \(step \d+ of \d+\) — blob name/);
    await choose(/Default configuration \(step/, /No default configuration file/);
    await enter(/Install command/, './install.sh');
    await enter(/Remove command/, './remove.sh');
    await enter(/Update command/);
    await enter(/Target regions/);
    await enter(/Replicas/);
    await waitForStep(page, /Summary/);
    const summary = (await q().rows.allInnerTexts()).join('\n');
    const year = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    assert.match(summary, /Package[\s\S]*contosoimagestage\/packages\/e2e-agent-1\.0\.0\.tar\.gz/);
    assert.match(summary, new RegExp(`Package access\\s*read-only SAS until ${year}`), 'the expiry is on its own summary line');
    assert.doesNotMatch(summary, /sig=/, 'no signature before anything is sent');
    await shot('02-summary');
    await choose(/Summary/, /Create application version/);

    // Azure holds the version, its package is the uploaded blob, readable through the SAS sent.
    const versionId = `${APP}/versions/1.0.0`;
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.notifications-toasts .notification-toast-container')).some((t) => /Application version 1\.0\.0 of e2e-agent is ready/.test(t.textContent ?? '')), undefined, { timeout: 60_000 });
    const version = emulator!.state.resources[versionId];
    assert.ok(version, 'Azure holds the version');
    const mediaLink = String((version.properties.publishingProfile as { source: { mediaLink: string } }).source.mediaLink);
    assert.ok(mediaLink.startsWith(`${emulator!.storage!.url}/contosoimagestage/packages/e2e-agent-1.0.0.tar.gz?`), mediaLink);
    assert.equal(new URL(mediaLink).searchParams.get('sp'), 'r');
    const blob = await emulator!.storage!.request('GET', '/contosoimagestage/packages/e2e-agent-1.0.0.tar.gz');
    assert.equal(blob.status, 200);
    assert.equal(Number(blob.headers['content-length']), bytes.length, 'the blob holds the whole file');

    // The tree shows the application and its version.
    await expandRows(page, /^VM Applications$/, /^e2e-agent$/);
    await row(/^1\.0\.0$/).waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((r) => /^1\.0\.0$/.test(r.querySelector('.label-name')?.textContent ?? '') && /latest/.test(r.querySelector('.label-description')?.textContent ?? '')));
    await page.mouse.move(1200, 750);
    const file2 = await shot('03-version-in-tree');
    assert.ok(file2.endsWith('.png'));
  });
});
