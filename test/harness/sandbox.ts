// `npm start`: the sandbox. Builds the extension, starts the local Azure with the demo seed
// (persisted in .sandbox/, so what you create survives a restart), starts VS Code (code-server)
// with the extension installed and signed in to the local Azure through its normal
// service-principal sign-in, prints the URL to open, and stops everything on Ctrl-C.
//   npm start -- [--port 8080] [--fresh] [--account]
//   --fresh: start again from the demo seed.
//   --account: sign in with the VS Code account instead (the default sign-in): the test accounts
//   extension (test/accounts) stands in for VS Code's Microsoft authentication, with the local
//   Azure as the sovereign cloud and ada.lovelace@contoso.com already signed in to VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator';
import { startCodeServer } from './codeServer';
import { BUILTIN_MICROSOFT_AUTHENTICATION, buildAccountsExtension, sovereignCloudSettings } from './accountsExtension';
import { extensionHostEnv, localAzureSettings } from './localAzure';
import { ROOT } from './paths';
import { USERS } from '../emulator/seeds/wellKnown';
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

  const emulator = await startEmulator({ seed: 'demo', dataFile, config: { lro: { durationMs: 1500, retryAfterSeconds: 1 }, replication: { durationMs: 60_000 } } });
  const account = process.argv.includes('--account');
  const signedIn = `microsoft-sovereign-cloud:${USERS.ada.mail}`;
  const server = await startCodeServer({
    port: Number(flag('--port') ?? process.env.PORT ?? 0) || undefined,
    linkExtensions: account ? [ROOT, await buildAccountsExtension()] : [ROOT],
    skipBuiltinExtensions: account ? [BUILTIN_MICROSOFT_AUTHENTICATION] : undefined,
    env: { ...extensionHostEnv(emulator), ...(account ? { ACG_ACCOUNTS_SIGNED_IN: signedIn } : {}) },
    userSettings: account ? sovereignCloudSettings(emulator) : localAzureSettings(emulator),
  });
  const url = `${server.base}/?folder=${encodeURIComponent(ROOT)}`;
  console.log(`Local Azure:     ${emulator.url} (demo seed, state in ${path.relative(ROOT, dataFile)})`);
  if (account) {
    console.log(`Signed in as:    VS Code account ${USERS.ada.mail} (the local Azure is the sovereign cloud);`);
    console.log('                 Sign in to Azure in the view, Allow, and pick the account (or another one)');
  } else {
    console.log(`Signed in as:    service principal ${emulator.principal.clientId}`);
  }
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
