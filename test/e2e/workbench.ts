import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
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

/** Drags the side bar's edge so descriptions are readable in screenshots. */
export async function widenSideBar(page: Page, width = 560): Promise<void> {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar || sidebar.width >= width) return;
  const edge = sidebar.x + sidebar.width + 1;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(edge, y);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Hovers a row the way a person does: the pointer arrives from elsewhere and rests. VS Code does
 * not always show a hover on the first arrival (right after a click), so leave and come back.
 */
export async function hover(page: Page, row: Locator, expected: Locator, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // Aim at the label: on nested rows the left edge is indentation, which shows no hover.
    const box = (await row.locator('.label-name').first().boundingBox()) ?? (await row.boundingBox());
    if (!box) throw new Error('the row is not visible');
    await page.mouse.move(box.x + box.width + 300, box.y + 200);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
    try {
      await expected.waitFor({ timeout: 4000 });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

/** The quick input (command palette, quick picks, input boxes) and its parts. */
export function quickInput(page: Page) {
  const widget = page.locator('.quick-input-widget');
  return {
    widget,
    title: widget.locator('.quick-input-title'),
    input: widget.locator('.quick-input-box input'),
    message: widget.locator('.quick-input-message'),
    rows: widget.locator('.quick-input-list .monaco-list-row'),
  };
}
