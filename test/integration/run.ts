// Builds the extension and runs test/integration inside a real VS Code extension host, against the
// local Azure (demo seed). The extension starts signed out; the suites sign in through settings.
import { startEmulator } from '../emulator';
import { extensionHostEnv, localAzureSettings } from '../harness/localAzure';
import { writeResult } from '../harness/results';
import { buildExtension, ensureChromium, ensureCodeServer } from '../harness/setup';
import { runInExtensionHost } from '../harness/extensionHostSuite';
import { BUILTIN_MICROSOFT_AUTHENTICATION, buildAccountsExtension } from '../harness/accountsExtension';

async function main(): Promise<void> {
  ensureCodeServer();
  ensureChromium();
  buildExtension();
  // The VS Code account path (microsoftSignIn.test.ts) signs in through these providers.
  const accounts = await buildAccountsExtension();
  const emulator = await startEmulator({ seed: 'demo', config: { lro: { durationMs: 100, retryAfterSeconds: 0 }, replication: { durationMs: 4000 } } });
  let run;
  try {
    run = await runInExtensionHost({
      folder: 'integration',
      env: { ...extensionHostEnv(emulator), ACG_ACCOUNTS_ANSWERS: 'test' },
      userSettings: localAzureSettings(emulator, false),
      linkExtensions: [accounts],
      skipBuiltinExtensions: [BUILTIN_MICROSOFT_AUTHENTICATION],
    });
  } finally {
    await emulator.stop();
  }
  const counts = (run.results as { passed: number; failed: number; pending: number } | undefined) ?? { passed: 0, failed: 1, pending: 0 };
  const result = { suite: 'integration', ...counts };
  if (run.survivors.length > 0) {
    console.error(`[integration] processes survived the run: ${run.survivors.join(', ')}`);
    result.failed += 1;
  }
  writeResult(result);
  console.log(`[integration] ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
  process.exitCode = result.failed > 0 || run.exitCode !== 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  writeResult({ suite: 'integration', passed: 0, failed: 1, pending: 0, error: String(error) });
  console.error(error);
  process.exitCode = 1;
});
