// `npm run bench -- --only 10,12`: rows 10 (Find…) and 12 (Inventory…) alone, each repeated, with
// where a Resource Graph page's time goes — a raw client's pages over fresh and kept-alive
// connections (the floor: what any client pays for the same query at the same latency), the
// local Azure's own time per page (its request log), the extension's requests, row building and
// model, and the command as the user runs it. Nothing is judged: the full run judges.
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FindReport } from '../../src/commands/find';
import type { InventoryView } from '../../src/commands/inventory';
import { FIND_QUERY } from '../../src/azure/findResources';
import { inventoryQuery } from '../../src/azure/inventory';
import type { PageDone } from '../../src/azure/resourceGraph';
import { rawPages, token, type FocusedFigures } from './graphPages';
import { findRows } from '../../src/model/findRows';
import { inventoryRows } from '../../src/model/inventory';
import { CANCEL } from '../../src/ui/wizard';
import { ScriptedPrompter } from '../support/scriptedPrompter';
import { emulatorAdmin } from '../integration/helpers';

interface LogEntry {
  method: string;
  path: string;
  status: number;
  ms: number;
  at: number;
}

async function graphLog(): Promise<LogEntry[]> {
  return ((await emulatorAdmin('GET', '/_admin/requests')) as LogEntry[]).filter((r) => /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0]!));
}

export async function focusedRun(api: ExtensionApi, latencyMs: number, repeats: number, only: number[]): Promise<FocusedFigures> {
  const subscriptions = api.explorer.root.subscriptions;
  const target = subscriptions[0]!.subscription.target;
  const ids = subscriptions.map((s) => s.subscription.subscriptionId);
  const names = new Map(subscriptions.map((s) => [s.subscription.subscriptionId.toLowerCase(), s.subscription.name]));
  const bearer = await token();
  const azure = api.explorer.azure();
  const out: FocusedFigures = { repeats, find: [], inventory: [] };
  await emulatorAdmin('POST', '/_admin/config', { latencyMs });
  for (let i = 0; i < repeats; i++) {
    if (only.includes(10)) {
      const rawFresh = await rawPages(FIND_QUERY, ids, bearer, false);
      const rawKeepAlive = await rawPages(FIND_QUERY, ids, bearer, true);
      await emulatorAdmin('DELETE', '/_admin/requests');
      const pages: PageDone[] = [];
      let t = performance.now();
      const found = await azure.findGalleryResources(target, ids, { onPage: (p) => pages.push(p) });
      const azureMs = performance.now() - t;
      const log = await graphLog();
      t = performance.now();
      const rows = findRows(found, names);
      const modelMs = performance.now() - t;
      const prompter = new ScriptedPrompter([CANCEL]);
      t = performance.now();
      const report = await vscode.commands.executeCommand<FindReport | undefined>('azureComputeGallery.find', { prompter });
      const commandMs = performance.now() - t;
      if (!report || report.rows.length !== rows.length) throw new Error(`find: ${report?.rows.length} rows, expected ${rows.length}`);
      out.find.push({
        query: 'find', rows: rows.length, rawFresh, rawKeepAlive, modelMs, commandMs, commandFirstMs: (prompter.prompts[0]?.partials?.[0]?.at ?? prompter.prompts[0]?.itemsAt ?? Number.NaN) - t,
        azure: { totalMs: azureMs, pages: pages.map((p, k) => ({ ...p, serverMs: log[k]?.ms ?? Number.NaN })) },
      });
    }
    if (only.includes(12)) {
      const query = inventoryQuery();
      const rawFresh = await rawPages(query, ids, bearer, false);
      const rawKeepAlive = await rawPages(query, ids, bearer, true);
      await emulatorAdmin('DELETE', '/_admin/requests');
      const pages: PageDone[] = [];
      let t = performance.now();
      const found = await azure.inventoryResources(target, ids, { onPage: (p) => pages.push(p) });
      const azureMs = performance.now() - t;
      const log = await graphLog();
      t = performance.now();
      const rows = inventoryRows(found.versions, found.definitions, names, new Date());
      const modelMs = performance.now() - t;
      t = performance.now();
      const view = await vscode.commands.executeCommand<InventoryView | undefined>('azureComputeGallery.inventory');
      const commandMs = performance.now() - t;
      if (!view) throw new Error('inventory answered nothing');
      const first = view.firstShown();
      view.panel.dispose();
      out.inventory.push({
        query: 'inventory', rows: rows.length, rawFresh, rawKeepAlive, modelMs, commandMs, commandFirstMs: (first?.receivedAt ?? Number.NaN) - t, webviewMs: first?.renderMs,
        azure: { totalMs: azureMs, pages: pages.map((p, k) => ({ ...p, serverMs: log[k]?.ms ?? Number.NaN })) },
      });
    }
  }
  await emulatorAdmin('POST', '/_admin/config', { latencyMs: 0 });
  return out;
}
