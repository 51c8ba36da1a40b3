// `npx tsx test/bench/graphServer.ts [--latency-ms 100] [--repeats 3]`: the local Azure's own time
// for rows 10 and 12's Resource Graph pages, without VS Code: the full `scale` seed, a raw client
// over kept-alive and fresh connections, and each page's time in the local Azure's request log.
// What a page costs beyond L here is this local Azure's, not the extension's.
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator';
import { FIND_QUERY } from '../../src/azure/findResources';
import { inventoryQuery } from '../../src/azure/inventory';
import { rawPages, token } from './graphPages';

const { values } = parseArgs({ options: { 'latency-ms': { type: 'string' }, repeats: { type: 'string' } } });
const SEED = { subscriptions: 50, galleries: 20, images: 1, versions: 1, manyVersions: 10_000, replicatingVersions: 20, replicatingMs: 600_000, imageUsers: true };

async function main(): Promise<void> {
  const emulator = await startEmulator({ seed: 'scale', seedOptions: SEED, recordTraffic: false });
  try {
    Object.assign(process.env, {
      ACG_EMULATOR_URL: emulator.url, ACG_EMULATOR_CA: emulator.caPath,
      AZURE_TENANT_ID: emulator.principal.tenantId, AZURE_CLIENT_ID: emulator.principal.clientId, AZURE_CLIENT_SECRET: emulator.principal.clientSecret,
    });
    emulator.admin.setConfig({ latencyMs: Number(values['latency-ms'] ?? 100), faults: [] });
    const bearer = await token();
    const subscriptions = emulator.state.subscriptions.map((s) => s.subscriptionId);
    for (let i = 0; i < Number(values.repeats ?? 3); i++) {
      for (const [name, query] of [['find', FIND_QUERY], ['inventory', inventoryQuery()]] as const) {
        emulator.admin.clearLogs();
        const pages = await rawPages(query, subscriptions, bearer, true);
        const server = emulator.requests.filter((r) => /ResourceGraph/i.test(r.path)).map((r) => r.ms);
        const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
        console.log(`${name}: ${pages.pages} pages in ${pages.totalMs.toFixed(0)} ms; client ms ${fmt(pages.perPage.map((p) => p.ms))}; server ms ${fmt(server)}; ${(pages.perPage[0]!.bytes / 1024).toFixed(0)} KB a page`);
      }
    }
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
