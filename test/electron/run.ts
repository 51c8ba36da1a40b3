// `npm run test:electron`: the integration suite in a desktop VS Code downloaded by @vscode/test-electron,
// for contributors with a display and internet. The offline machines here use code-server instead
// (`npm test -- integration`), which runs the same bundled suite.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildExtensionHostCode } from '../harness/buildTests';
import { ROOT } from '../harness/paths';
import { buildExtension } from '../harness/setup';

async function main(): Promise<void> {
  buildExtension();
  const testsDir = await buildExtensionHostCode('integration');
  await runTests({
    version: '1.105.0',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(testsDir, 'index.js'),
    launchArgs: [ROOT, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
