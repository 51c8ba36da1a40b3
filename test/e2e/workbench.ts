import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../harness/browser';
import { startCodeServer, type CodeServer, type CodeServerOptions } from '../harness/codeServer';
import { RESULTS_DIR, ROOT } from '../harness/paths';
import { ensureChromium, ensureCodeServer } from '../harness/setup';

export const SCREENSHOTS_DIR = path.join(RESULTS_DIR, 'screenshots');

/** A real workbench (code-server + headless Chromium) with the extension installed like a user's. */
export interface Workbench {
  server: CodeServer;
  browser: Browser;
  page: Page;
  screenshot(name: string): Promise<string>;
  /** Closes the browser and stops code-server; resolves with pids that survived (should be none). */
  close(): Promise<number[]>;
}

export async function openWorkbench(options: CodeServerOptions = {}): Promise<Workbench> {
  ensureCodeServer();
  ensureChromium();
  const server = await startCodeServer({ smokeTestDriver: false, ...options });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(server.workbenchUrl({ folder: ROOT }));
  await page.locator('.monaco-workbench').waitFor();
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return {
    server,
    browser,
    page,
    async screenshot(name) {
      const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await browser.close();
      return server.stop();
    },
  };
}

/** Opens the extension's view container from the activity bar. */
export async function openGalleryView(page: Page): Promise<void> {
  await page.locator('.activitybar').getByRole('tab', { name: /Azure Compute Gallery/ }).click();
  // With one view in the container VS Code hides the pane header and titles the side bar instead.
  await page.locator('.sidebar .composite.title', { hasText: /Azure Compute Gallery/i }).waitFor();
}
