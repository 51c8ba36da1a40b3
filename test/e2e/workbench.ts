import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../harness/browser';
import { startCodeServer, type CodeServer, type CodeServerOptions } from '../harness/codeServer';
import { RESULTS_DIR, ROOT } from '../harness/paths';
import { processesInGroup } from '../harness/processes';
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

/** Closes a suite's workbench and checks that no code-server process outlives it. */
export async function closeChecked(workbench: Workbench | undefined): Promise<void> {
  if (!workbench) return;
  const pid = workbench.server.pid;
  const survivors = await workbench.close();
  assert.deepEqual(survivors, [], 'no code-server process survives stop()');
  assert.deepEqual(processesInGroup(pid), []);
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

/**
 * Waits until the quick input shows the step whose title matches, settled and ready for keys: the
 * list has loaded (no busy bar), the input has focus again and the fade between steps is over.
 */
export async function waitForStep(page: Page, title: RegExp): Promise<void> {
  const q = quickInput(page);
  await q.widget.waitFor({ state: 'visible' });
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''), title.source);
  await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-progress.active, .quick-input-widget .monaco-progress-container.active'));
  await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget .quick-input-box') !== null && !(document.activeElement as HTMLInputElement).disabled);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.quick-input-widget')!).opacity === '1');
}

/** The Galleries view's row whose label matches (the first, if several do). */
export function treeRow(page: Page, label: RegExp): Locator {
  return page.locator('.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();
}

/** Expands the rows one after the other (a path down the tree), each once it is drawn expanded. */
export async function expandRows(page: Page, ...labels: RegExp[]): Promise<void> {
  for (const label of labels) {
    const r = treeRow(page, label);
    await r.waitFor();
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.locator('.label-name').click();
    await page.waitForFunction(
      (source) => Array.from(document.querySelectorAll('.sidebar .monaco-list-row')).some((e) => e.getAttribute('aria-expanded') === 'true' && new RegExp(source).test(e.querySelector('.label-name')?.textContent ?? '')),
      label.source,
    );
  }
}

/** Right-clicks a row and returns the context menu's item names, once the menu has faded in. */
export async function openContextMenu(page: Page, row: Locator): Promise<string[]> {
  await row.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  await menu.waitFor();
  // The menu fades in: let it finish before a screenshot.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.context-view, .context-view .monaco-menu-container')).every((e) => getComputedStyle(e).opacity === '1'));
  return (await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
}

/** Chooses an item of the open context menu. */
export async function chooseMenuItem(page: Page, name: string): Promise<void> {
  // The menu ignores a click that comes too soon after it opened: point at the item until it is
  // highlighted (as a person's pointer does), then click.
  const menu = page.locator('.context-view .monaco-menu');
  const entry = menu.locator('.action-item', { has: page.getByRole('menuitem', { name, exact: true }) });
  await entry.hover();
  await menu.locator('.action-item.focused', { hasText: name }).waitFor();
  await entry.click();
  await menu.waitFor({ state: 'hidden' });
  await page.mouse.move(1200, 750);
}

/** Checks a full-window screenshot shows a drawn workbench, not a blank or one-colour page. */
/** `minDrawn`: the share of pixels that differ from the background (a high-contrast theme is mostly black). */
export function assertDrawn(file: string, name: string, minDrawn = 0.1): void {
  const stats = pngStats(file);
  assert.deepEqual([stats.width, stats.height], [1400, 900], `${name}: the whole window`);
  assert.ok(stats.colors > 40, `${name}: ${stats.colors} colours, expected a drawn workbench`);
  assert.ok(stats.nonBackground > minDrawn, `${name}: only ${(stats.nonBackground * 100).toFixed(1)} % differs from the background`);
}

/** Runs a command from the command palette (F1), by its title as the palette shows it. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const q = quickInput(page);
  await page.keyboard.press('F1');
  await q.widget.waitFor({ state: 'visible' });
  await q.input.fill(`>${title}`);
  await q.rows.filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The notification toasts shown in the bottom-right corner. */
export function toasts(page: Page) {
  const container = page.locator('.notifications-toasts');
  return {
    container,
    /** The toast whose text matches. */
    withText: (text: RegExp) => container.locator('.notification-toast-container', { hasText: text }).first(),
    /** Waits until the toast whose text matches has finished fading in (for a screenshot), and returns it. */
    async settled(text: RegExp): Promise<Locator> {
      const toast = container.locator('.notification-toast-container', { hasText: text }).first();
      await toast.locator('.notification-toast.notification-fade-in-done').waitFor();
      return toast;
    },
  };
}

/** Pixels of a PNG file, decoded with Node's zlib (8-bit RGB or RGBA, not interlaced: what Chromium writes). */
export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Buffer;
}

export function decodePng(file: string): DecodedPng {
  const data = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG file`);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (bitDepth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) throw new Error(`${file}: unsupported PNG (depth ${bitDepth}, color type ${colorType}, interlace ${interlace})`);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`${file}: bad PNG filter ${filter}`);
      pixels[y * stride + x] = value & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = pixels[i * channels];
    rgba[i * 4 + 1] = pixels[i * channels + 1];
    rgba[i * 4 + 2] = pixels[i * channels + 2];
    rgba[i * 4 + 3] = channels === 4 ? pixels[i * channels + 3] : 255;
  }
  return { width, height, rgba };
}

/** How varied a PNG is: its size, how many distinct colours, and the share of pixels not of the commonest colour. */
export function pngStats(file: string): { width: number; height: number; colors: number; nonBackground: number } {
  const { width, height, rgba } = decodePng(file);
  const counts = new Map<number, number>();
  for (let i = 0; i < width * height; i++) {
    const key = rgba.readUInt32BE(i * 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const commonest = Math.max(...counts.values());
  return { width, height, colors: counts.size, nonBackground: 1 - commonest / (width * height) };
}

/** How many pixels of a PNG are within `tolerance` (per channel) of an RGB colour. */
export function countColor(file: string, rgb: [number, number, number], tolerance = 0): number {
  const { width, height, rgba } = decodePng(file);
  let count = 0;
  for (let i = 0; i < width * height; i++) {
    if (Math.abs(rgba[i * 4] - rgb[0]) <= tolerance && Math.abs(rgba[i * 4 + 1] - rgb[1]) <= tolerance && Math.abs(rgba[i * 4 + 2] - rgb[2]) <= tolerance) count++;
  }
  return count;
}
