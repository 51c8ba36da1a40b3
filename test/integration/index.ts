// Loaded by the VS Code extension host (extensionTestsPath): runs every bundled *.test.js beside it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.ACG_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0, suites: 0, tests: 0, duration: 0, start: new Date() }));
  });
  const resultsFile = process.env.ACG_RESULTS_FILE;
  if (resultsFile) {
    fs.writeFileSync(resultsFile, JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending }));
  }
  console.log(`[integration] ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} pending`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
}
