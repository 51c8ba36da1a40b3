import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM_BIN, CODE_SERVER_BIN, CODE_SERVER_DIR, ROOT } from './paths';

/** Installs code-server (+ its Node 24) on first use; a no-op once cached. */
export function ensureCodeServer(): void {
  if (fs.existsSync(path.join(CODE_SERVER_DIR, '.complete')) && fs.existsSync(CODE_SERVER_BIN)) {
    return;
  }
  execFileSync('bash', [path.join(ROOT, 'test', 'harness', 'install-code-server.sh')], { stdio: 'inherit' });
}

export function ensureChromium(): void {
  if (!fs.existsSync(CHROMIUM_BIN)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_BIN}. Install Debian's package (sudo apt-get install -y chromium) ` +
        'or point CHROMIUM_PATH at a Chromium binary. .ci/run installs it on CI machines.',
    );
  }
}

/** Builds the extension bundle the way the .vsix ships it (development build keeps source maps). */
export function buildExtension(production = false): void {
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs'), ...(production ? ['--production'] : [])], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
