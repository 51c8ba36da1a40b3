// `npm start`: the sandbox. Builds the extension, starts the local Azure with the demo seed
// (persisted in .sandbox/, so what you create survives a restart), starts VS Code (code-server)
// with the extension installed and signed in to the local Azure through its normal
// service-principal sign-in, prints the URL to open, and stops everything on Ctrl-C.
//   npm start -- [--port 8080] [--fresh]    (--fresh: start again from the demo seed)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator';
import { startCodeServer } from './codeServer';
import { extensionHostEnv, localAzureSettings } from './localAzure';
import { ROOT } from './paths';
import { buildExtension, ensureCodeServer } from './setup';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  ensureCodeServer();
  buildExtension();
  // ACG_SANDBOX_DIR: tests run the real `npm start` without touching the user's own sandbox state.
  const sandboxDir = process.env.ACG_SANDBOX_DIR ?? path.join(ROOT, '.sandbox');
  fs.mkdirSync(sandboxDir, { recursive: true });
  const dataFile = path.join(sandboxDir, 'local-azure.json');
  if (process.argv.includes('--fresh')) fs.rmSync(dataFile, { force: true });

  const emulator = await startEmulator({ seed: 'demo', dataFile, config: { lro: { durationMs: 1500, retryAfterSeconds: 1 }, replication: { durationMs: 60_000 } }, storage: { dataDir: path.join(path.dirname(dataFile), 'azurite') } });
  const server = await startCodeServer({
    port: Number(flag('--port') ?? process.env.PORT ?? 0) || undefined,
    linkExtensions: [ROOT],
    env: extensionHostEnv(emulator),
    userSettings: localAzureSettings(emulator),
  });
  const url = `${server.base}/?folder=${encodeURIComponent(ROOT)}`;
  console.log(`Local Azure:     ${emulator.url} (demo seed, state in ${path.relative(ROOT, dataFile)})`);
  console.log(`Signed in as:    service principal ${emulator.principal.clientId}`);
  console.log(`Open VS Code at: ${url}`);
  console.log(`Press Ctrl-C to stop. [sandbox] ${JSON.stringify({ url, emulator: emulator.url, codeServerPid: server.pid })}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    const survivors = await server.stop();
    await emulator.stop();
    if (survivors.length > 0) console.error(`Processes that would not stop: ${survivors.join(', ')}`);
    process.exit(survivors.length > 0 ? 1 : 0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
