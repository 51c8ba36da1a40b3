// The figures of `npm run bench -- --only 10,12` (test/bench/pages.ts measures them in the
// extension host) and their description, read by test/bench/run.ts in plain Node.
import type { PageDone } from '../../src/azure/resourceGraph';

export interface RawPages {
  pages: number;
  totalMs: number;
  /** Per page: the round trip, the body's size, JSON.parse of it. */
  perPage: Array<{ ms: number; bytes: number; parseMs: number }>;
}

export interface PathFigures {
  query: string;
  rows: number;
  rawFresh: RawPages;
  rawKeepAlive: RawPages;
  /** The extension's Azure layer alone: each page's request (send → parsed), its rows, and the local Azure's time for it. */
  azure: { totalMs: number; pages: Array<PageDone & { serverMs: number }> };
  /** The model's rows from what the Azure layer returned (sort, labels). */
  modelMs: number;
  /** The command as the user runs it: to the first rows shown, to all of them. */
  commandFirstMs: number;
  commandMs: number;
  /** Inventory: the webview's share (receiving the rows to the painted table). */
  webviewMs?: number;
}

export interface FocusedFigures {
  repeats: number;
  find: PathFigures[];
  inventory: PathFigures[];
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One line per path: medians over the repeats. */
export function describeFocused(f: FocusedFigures): string {
  const lines: string[] = [];
  for (const runs of [f.find, f.inventory]) {
    if (runs.length === 0) continue;
    const m = (pick: (r: PathFigures) => number) => median(runs.map(pick)).toFixed(0);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const r0 = runs[0]!;
    lines.push(
      `${r0.query}: ${r0.rows} rows, ${r0.azure.pages.length} pages (medians of ${runs.length}):`,
      `  raw client, fresh connection per page: ${m((r) => r.rawFresh.totalMs)} ms (first page ${m((r) => r.rawFresh.perPage[0]!.ms)} ms, later pages ${m((r) => median(r.rawFresh.perPage.slice(1).map((p) => p.ms)))} ms each; ${m((r) => median(r.rawFresh.perPage.map((p) => p.bytes)) / 1024)} KB a page, JSON.parse ${m((r) => sum(r.rawFresh.perPage.map((p) => p.parseMs)))} ms in all)`,
      `  raw client, kept-alive connection: ${m((r) => r.rawKeepAlive.totalMs)} ms (first page ${m((r) => r.rawKeepAlive.perPage[0]!.ms)} ms, later pages ${m((r) => median(r.rawKeepAlive.perPage.slice(1).map((p) => p.ms)))} ms each)`,
      `  extension's Azure layer: ${m((r) => r.azure.totalMs)} ms (requests ${m((r) => sum(r.azure.pages.map((p) => p.requestMs)))} ms, of which the local Azure ${m((r) => sum(r.azure.pages.map((p) => p.serverMs)))} ms; rows ${m((r) => sum(r.azure.pages.map((p) => p.rowsMs)))} ms; first page ${m((r) => r.azure.pages[0]!.requestMs)} ms, server ${m((r) => r.azure.pages[0]!.serverMs)} ms; later pages ${m((r) => median(r.azure.pages.slice(1).map((p) => p.requestMs)))} ms, server ${m((r) => median(r.azure.pages.slice(1).map((p) => p.serverMs)))} ms)`,
      `  model rows: ${m((r) => r.modelMs)} ms`,
      `  command: first rows ${m((r) => r.commandFirstMs)} ms, all ${m((r) => r.commandMs)} ms${r0.webviewMs !== undefined ? ` (webview ${m((r) => r.webviewMs ?? Number.NaN)} ms)` : ''}`,
    );
  }
  return lines.join('\n');
}
