// Plain Node (no vscode): a raw Resource Graph client for the floor of rows 10 and 12, the figures
// of `npm run bench -- --only 10,12` (test/bench/pages.ts measures them in the extension host)
// and their description, which test/bench/run.ts prints.
import * as fs from 'node:fs';
import * as https from 'node:https';
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
  /** Inventory: the webview's share of the first paint (receiving the rows to the painted table). */
  webviewMs?: number;
}

export interface FocusedFigures {
  repeats: number;
  find: PathFigures[];
  inventory: PathFigures[];
}

function post(url: URL, body: string, headers: Record<string, string>, agent: https.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function token(): Promise<string> {
  const base = new URL(process.env.ACG_EMULATOR_URL ?? '');
  const agent = new https.Agent({ ca: fs.readFileSync(process.env.ACG_EMULATOR_CA ?? '', 'utf8') });
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: process.env.AZURE_CLIENT_ID ?? '', client_secret: process.env.AZURE_CLIENT_SECRET ?? '', scope: `${base.origin}/.default` });
  const answer = await new Promise<string>((resolve, reject) => {
    const req = https.request(new URL(`/${process.env.AZURE_TENANT_ID ?? ''}/oauth2/v2.0/token`, base), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, agent }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(form.toString());
  });
  agent.destroy();
  return (JSON.parse(answer) as { access_token: string }).access_token;
}

/** The query's pages as a plain client sends them: one after another, $skipToken from the previous page. */
export async function rawPages(query: string, subscriptions: string[], bearer: string, keepAlive: boolean): Promise<RawPages> {
  const ca = fs.readFileSync(process.env.ACG_EMULATOR_CA ?? '', 'utf8');
  const shared = new https.Agent({ keepAlive, ca });
  const url = new URL('/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', process.env.ACG_EMULATOR_URL);
  const perPage: RawPages['perPage'] = [];
  const started = performance.now();
  let skipToken: string | undefined;
  do {
    const agent = keepAlive ? shared : new https.Agent({ keepAlive: false, ca });
    const t = performance.now();
    const res = await post(url, JSON.stringify({ subscriptions, query, options: { $top: 1000, resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) } }), { authorization: `Bearer ${bearer}` }, agent);
    const ms = performance.now() - t;
    const p = performance.now();
    const body = JSON.parse(res.text) as { $skipToken?: string; data: unknown[] };
    perPage.push({ ms, bytes: res.text.length, parseMs: performance.now() - p });
    if (res.status !== 200) throw new Error(`raw page: ${res.status} ${res.text.slice(0, 200)}`);
    skipToken = body.$skipToken;
    if (!keepAlive) agent.destroy();
  } while (skipToken);
  shared.destroy();
  return { pages: perPage.length, totalMs: performance.now() - started, perPage };
}


const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One line per path: medians over the repeats. */
export function describeFocused(f: FocusedFigures): string {
  const lines: string[] = [];
  for (const runs of [f.find, f.inventory]) {
    if (runs.length === 0) continue;
    const m = (pick: (r: PathFigures) => number | null) => (median(runs.map((r) => pick(r) ?? Number.NaN)) ?? Number.NaN).toFixed(0);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const r0 = runs[0]!;
    lines.push(
      `${r0.query}: ${r0.rows} rows, ${r0.azure.pages.length} pages (medians of ${runs.length}):`,
      `  raw client, fresh connection per page: ${m((r) => r.rawFresh.totalMs)} ms (first page ${m((r) => r.rawFresh.perPage[0]!.ms)} ms, later pages ${m((r) => median(r.rawFresh.perPage.slice(1).map((p) => p.ms)))} ms each; ${m((r) => median(r.rawFresh.perPage.map((p) => p.bytes)) / 1024)} KB a page, JSON.parse ${m((r) => sum(r.rawFresh.perPage.map((p) => p.parseMs)))} ms in all)`,
      `  raw client, kept-alive connection: ${m((r) => r.rawKeepAlive.totalMs)} ms (first page ${m((r) => r.rawKeepAlive.perPage[0]!.ms)} ms, later pages ${m((r) => median(r.rawKeepAlive.perPage.slice(1).map((p) => p.ms)))} ms each)`,
      `  extension's Azure layer: ${m((r) => r.azure.totalMs)} ms (requests ${m((r) => sum(r.azure.pages.map((p) => p.requestMs)))} ms, of which the local Azure ${m((r) => sum(r.azure.pages.map((p) => p.serverMs)))} ms; rows ${m((r) => sum(r.azure.pages.map((p) => p.rowsMs)))} ms; first page ${m((r) => r.azure.pages[0]!.requestMs)} ms, server ${m((r) => r.azure.pages[0]!.serverMs)} ms; later pages ${m((r) => median(r.azure.pages.slice(1).map((p) => p.requestMs)))} ms, server ${m((r) => median(r.azure.pages.slice(1).map((p) => p.serverMs)))} ms)`,
      `  model rows: ${m((r) => r.modelMs)} ms`,
      `  command: first rows ${m((r) => r.commandFirstMs)} ms${r0.webviewMs !== undefined ? ` (painted; the webview's share ${m((r) => r.webviewMs ?? Number.NaN)} ms)` : ''}, every row ${m((r) => r.commandMs)} ms`,
    );
  }
  return lines.join('\n');
}
