// `npm test`: every suite, each in its own process, each printing its counts; fails if any suite
// fails or runs no test. `npm test -- unit e2e` runs only the named suites.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadOrCreateTls } from './emulator/tls';
import { CODE_SERVER_DIR, ROOT } from './harness/paths';
import { readResult, writeResult, type SuiteResult } from './harness/results';

interface Suite {
  name: string;
  /** Arguments for tsx. */
  command: string[];
  /** Needs of test/harness/system-packages.sh beyond npm. */
  needs?: string[];
  /** Environment the suite's process must start with. */
  env?: () => Promise<Record<string, string>>;
}

/**
 * The unit suite runs src/azure against the local Azure in its own process; Node reads
 * NODE_EXTRA_CA_CERTS only at start, so the local Azure's (cached) CA is named here, before.
 */
async function localAzureCa(): Promise<Record<string, string>> {
  return { NODE_EXTRA_CA_CERTS: (await loadOrCreateTls()).caPath };
}

const SUITES: Suite[] = [
  { name: 'unit', command: ['test/harness/nodeSuite.ts', 'unit', 'test/unit', '20000'], env: localAzureCa },
  { name: 'conformance', command: ['test/harness/nodeSuite.ts', 'conformance', 'test/conformance', '120000'] },
  // A real client nobody here wrote: Debian's Azure CLI against the local Azure.
  // Its process also runs the extension's Azure CLI credential and SDK against the local Azure.
  { name: 'cli', command: ['test/harness/nodeSuite.ts', 'cli', 'test/cli', '180000'], needs: ['azure-cli'], env: localAzureCa },
  { name: 'integration', command: ['test/integration/run.ts'], needs: ['codeServer'] },
  { name: 'e2e', command: ['test/harness/nodeSuite.ts', 'e2e', 'test/e2e', '180000'], needs: ['codeServer', 'chromium'] },
];

/**
 * Installs (or names, in one line) the Debian packages the selected suites need, before the first
 * suite starts rather than minutes into the run. The build tools only matter while code-server is
 * still to be compiled.
 */
function systemPackagesReady(selected: readonly Suite[]): boolean {
  const needs = new Set(selected.flatMap((s) => s.needs ?? []));
  if (needs.delete('codeServer') && !fs.existsSync(path.join(CODE_SERVER_DIR, '.complete'))) needs.add('build');
  if (needs.size === 0) return true;
  const run = spawnSync('bash', [path.join(ROOT, 'test', 'harness', 'system-packages.sh'), ...needs], { stdio: 'inherit' });
  return run.status === 0;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w));
  if (unknown.length > 0) {
    console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const selected = wanted.length > 0 ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;
  if (!systemPackagesReady(selected)) return 1;
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const summary: (SuiteResult & { ms: number })[] = [];
  for (const suite of selected) {
    console.log(`\n=== ${suite.name} ===`);
    const started = Date.now();
    // A stale result from an earlier run must not count for this one.
    writeResult({ suite: suite.name, passed: 0, failed: 0, pending: 0, error: 'did not report' });
    const env = { ...process.env, ...(await suite.env?.()) };
    const run = spawnSync(tsx, suite.command, { cwd: ROOT, stdio: 'inherit', env });
    const result = readResult(suite.name) ?? { suite: suite.name, passed: 0, failed: 0, pending: 0, error: 'no result file' };
    if (run.status !== 0 && result.failed === 0) result.error ??= `exited with ${run.status ?? run.signal}`;
    summary.push({ ...result, ms: Date.now() - started });
  }
  console.log('\n=== summary ===');
  let ok = true;
  for (const r of summary) {
    const noTests = r.passed + r.failed === 0;
    const bad = r.failed > 0 || noTests || r.error !== undefined;
    ok &&= !bad;
    const note = r.error ? ` — ${r.error}` : noTests ? ' — ran no test' : '';
    console.log(`${bad ? 'FAIL' : 'ok  '} ${r.suite.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.pending} pending (${(r.ms / 1000).toFixed(1)} s)${note}`);
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
