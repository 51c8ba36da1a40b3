import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { LOCAL_PRINCIPAL } from '../emulator';
import { launchBrowser, type Browser } from '../harness/browser';
import { ROOT } from '../harness/paths';
import { processesInGroup } from '../harness/processes';
import { ensureChromium } from '../harness/setup';
import { hover, openGalleryView, SCREENSHOTS_DIR, widenSideBar } from './workbench';

interface SandboxInfo {
  url: string;
  emulator: string;
  codeServerPid: number;
}

/** Runs the real `npm start` and resolves with what it prints once VS Code is up. */
function startSandbox(stateDir: string): { child: ChildProcess; ready: Promise<SandboxInfo>; output: () => string } {
  const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, ACG_SANDBOX_DIR: stateDir }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<SandboxInfo>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /\[sandbox\] (\{.*\})/.exec(output);
      if (m) resolve(JSON.parse(m[1]) as SandboxInfo);
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, ready, output: () => output };
}

/** The sandbox's local Azure admin API (its CA is the one cached in .emulator/). */
function sandboxAdmin(url: string, method: string, route: string): Promise<unknown> {
  const ca = fs.readFileSync(path.join(ROOT, '.emulator', 'ca.pem'), 'utf8');
  return new Promise((resolve, reject) => {
    https
      .request(new URL(route, url), { method, ca }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text ? (JSON.parse(text) as unknown) : undefined));
      })
      .on('error', reject)
      .end();
  });
}

async function treeItem(page: Page, label: RegExp) {
  const item = page.getByRole('treeitem', { name: label }).first();
  await item.waitFor();
  return item;
}

describe('npm start (the sandbox)', () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-sandbox-'));
  let sandbox: ReturnType<typeof startSandbox> | undefined;
  let info: SandboxInfo | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    this.timeout(240_000);
    ensureChromium();
    sandbox = startSandbox(stateDir);
    info = await sandbox.ready;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}.png`) });
    }
  });

  after(async () => {
    await browser?.close();
    if (sandbox?.child.pid) {
      const exited = new Promise((r) => sandbox!.child.once('exit', r));
      process.kill(-sandbox.child.pid, 'SIGINT');
      await exited;
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
    if (info) assert.deepEqual(processesInGroup(info.codeServerPid), [], 'Ctrl-C stops code-server and everything it started');
  });

  it('prints a URL where the view shows the demo subscriptions, signed in to the local Azure', async () => {
    assert.match(info!.url, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    assert.match(sandbox!.output(), /Local Azure: +https:\/\/127\.0\.0\.1:\d+ \(demo seed/);
    await page.goto(info!.url);
    await page.locator('.monaco-workbench').waitFor();
    await openGalleryView(page);
    await widenSideBar(page);
    await treeItem(page, /^Contoso Production/);
    await treeItem(page, /^Contoso Development/);
    await treeItem(page, /^Shared with me/);
  });

  it('expands to image versions, showing descriptions and live replication state', async () => {
    await (await treeItem(page, /^Contoso Production/)).click();
    await (await treeItem(page, /^contoso_images/)).click();
    await (await treeItem(page, /^ubuntu-22\.04-lts/)).click();
    await treeItem(page, /^1\.0\.0/);
    const replicating = await treeItem(page, /^1\.1\.0/);
    await page.getByText(/Replicating (\d\/3|to 3) regions, \d+%/).first().waitFor();
    assert.match((await replicating.innerText()).replace(/\s+/g, ' '), /1\.1\.0 ?Replicating (\d\/3|to 3) regions, \d+% · latest when ready/, "still being created: what takes over once ready, not what VMs get now");
    const shot = path.join(SCREENSHOTS_DIR, '02-tree-expanded.png');
    await page.screenshot({ path: shot });
    assert.ok(fs.statSync(shot).size > 10_000);
  });

  it('Refresh on the view title reloads the tree and keeps expanded nodes expanded', async () => {
    await sandboxAdmin(info!.emulator, 'DELETE', '/_admin/requests');
    await page.locator('.sidebar .title-actions').getByRole('button', { name: /^Refresh/ }).click();
    // It did reload: the subscriptions and galleries (Resource Graph, or ARM) were asked for again.
    for (let i = 0; ; i++) {
      const paths = ((await sandboxAdmin(info!.emulator, 'GET', '/_admin/requests')) as { path: string }[]).map((r) => r.path);
      if (paths.some((p) => /^\/subscriptions$/.test(p)) && paths.some((p) => /Microsoft\.Compute\/galleries$|Microsoft\.ResourceGraph\/resources$/.test(p))) break;
      if (i > 100) assert.fail(`no reload seen: ${paths.join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Still expanded down to the versions after the reload, with live state.
    await treeItem(page, /^1\.0\.0/);
    await page.getByText(/Replicating (\d\/3|to 3) regions, \d+%/).first().waitFor();
    assert.equal(await page.getByRole('treeitem', { name: /^ubuntu-22\.04-lts/ }).first().getAttribute('aria-expanded'), 'true');
  });

  it('shows a tooltip with the definition\'s publisher, offer and SKU', async () => {
    const tooltip = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Publisher' }).first();
    await hover(page, await treeItem(page, /^windows-server-2022/), tooltip);
    const text = await tooltip.innerText();
    assert.match(text, /Publisher: Contoso/);
    assert.match(text, /SKU: 2022-datacenter-azure-edition/);
    assert.match(text, /Trusted launch supported/);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, '03-tooltip.png') });
  });

  it('the page behind the screenshots shows no secret or token', async () => {
    const html = await page.content();
    assert.ok(!html.includes(LOCAL_PRINCIPAL.clientSecret), 'the client secret is not on screen');
    assert.doesNotMatch(html, /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'no token is on screen');
  });
});
