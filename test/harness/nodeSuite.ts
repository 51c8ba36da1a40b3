// Runs one plain-Node Mocha suite (unit, conformance, e2e): `tsx test/harness/nodeSuite.ts <suite> <dir> [timeoutMs]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { ROOT } from './paths';
import { writeResult } from './results';

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(full));
    else if (entry.name.endsWith('.test.ts')) found.push(full);
  }
  return found.sort();
}

async function main(): Promise<void> {
  const [suite, dir, timeout] = process.argv.slice(2);
  if (!suite || !dir) throw new Error('usage: nodeSuite.ts <suite> <dir> [timeoutMs]');
  const mocha = new Mocha({ ui: 'bdd', timeout: Number(timeout ?? 20_000), reporter: 'spec', color: process.stdout.isTTY });
  const grep = process.env.ACG_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(path.resolve(ROOT, dir))) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats | undefined>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  const result = { suite, passed: stats?.passes ?? 0, failed: stats?.failures ?? 1, pending: stats?.pending ?? 0 };
  writeResult(result);
  console.log(`[${suite}] ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
  process.exitCode = result.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  const [suite = 'unknown'] = process.argv.slice(2);
  writeResult({ suite, passed: 0, failed: 1, pending: 0, error: String(error) });
  console.error(error);
  process.exitCode = 1;
});
