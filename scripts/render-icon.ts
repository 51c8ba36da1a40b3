// Renders media/extension-icon.png (the Marketplace icon, 128×128) from the SVG below. Run after editing it:
// `npx tsx scripts/render-icon.ts`.
import * as path from 'node:path';
import { launchBrowser } from '../test/harness/browser';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 24 24">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2f8fe8"/><stop offset="1" stop-color="#0a5bb5"/></linearGradient></defs>
  <rect x="0.5" y="0.5" width="23" height="23" rx="4.5" fill="url(#g)"/>
  <g fill="none" stroke="#fff" stroke-width="1.3" stroke-linejoin="round" transform="translate(0.3 0.6)">
    <rect x="7" y="3.6" width="13" height="9.8" rx="1.3" fill="#1c73cf"/>
    <path d="M5.2 6.6v7.6a1.3 1.3 0 0 0 1.3 1.3h11.6" opacity="0.85"/>
    <path d="M3.4 9.4v7.6a1.3 1.3 0 0 0 1.3 1.3h11.6" opacity="0.7"/>
    <path d="M8.8 11.6l3.1-3.6 2.2 2.5 1.4-1.6 2.6 2.7" stroke-linecap="round"/>
    <circle cx="17" cy="6.4" r="1" fill="#fff" stroke="none"/>
  </g>
</svg>`;

async function main(): Promise<void> {
  const browser = await launchBrowser({ width: 128, height: 128 });
  try {
    const page = await browser.context.newPage();
    await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(__dirname, '..', 'media', 'extension-icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
}

void main();
