// The local Azure for F5 (.vscode/launch.json "Run Extension (local Azure)"), run by the
// preLaunchTask in .vscode/tasks.json. It starts the local Azure with the demo data (kept in
// .sandbox/f5/, as `npm start` keeps its own), and writes what the development VS Code needs to
// sign in to it through the extension's normal service-principal sign-in — the same as `npm start`
// gives code-server (localAzure.ts):
//   .sandbox/f5/local-azure.env         the environment (launch.json envFile): principal, CA
//   .sandbox/f5/workspace/.vscode/settings.json   the custom cloud (the folder F5 opens)
// It prints "[local-azure] ready" once listening (the task's problemMatcher waits for that line)
// and runs until the task is terminated.
//   npx tsx test/harness/f5LocalAzure.ts [--fresh]
// ACG_F5_DIR moves .sandbox/f5/ (the e2e test runs this script without touching a developer's own).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from './localAzure';
import { ROOT } from './paths';

export const F5_DIR = process.env.ACG_F5_DIR ?? path.join(ROOT, '.sandbox', 'f5');

async function main(): Promise<void> {
  console.log('[local-azure] starting');
  const workspaceSettings = path.join(F5_DIR, 'workspace', '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(workspaceSettings), { recursive: true });
  const dataFile = path.join(F5_DIR, 'local-azure.json');
  if (process.argv.includes('--fresh')) fs.rmSync(dataFile, { force: true });

  const emulator = await startEmulator({ seed: 'demo', dataFile, config: { lro: { durationMs: 1500, retryAfterSeconds: 1 }, replication: { durationMs: 60_000 } }, storage: { dataDir: path.join(path.dirname(dataFile), 'azurite') } });
  const env = Object.entries(extensionHostEnv(emulator)).map(([name, value]) => `${name}=${value}`);
  fs.writeFileSync(path.join(F5_DIR, 'local-azure.env'), `${env.join('\n')}\n`);
  fs.writeFileSync(workspaceSettings, `${JSON.stringify(localAzureSettings(emulator), null, 2)}\n`);
  console.log(`[local-azure] ready: ${emulator.url} (demo data in ${path.relative(ROOT, dataFile)}; signed in as service principal ${emulator.principal.clientId})`);

  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[local-azure] error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
