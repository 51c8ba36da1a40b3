import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_BIN, NODE24_BIN } from '../harness/paths';
import { ensureCodeServer } from '../harness/setup';
import { packageVsix, packagingOutput, zipEntries } from '../harness/vsix';

// What runs, and the files the Marketplace requires; anything else in the .vsix is a leak.
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/[\w.-]+\.js$/,
  // The inventory webview's script, loaded by the webview itself (its CSP allows only dist/webview).
  /^extension\/dist\/webview\/[\w.-]+\.js$/,
  /^extension\/media\/[\w.-]+\.(svg|png)$/,
  /^extension\/media\/walkthrough\/[\w.-]+\.md$/,
];

describe('the .vsix', () => {
  let vsix = '';
  before(() => {
    vsix = packageVsix();
  });

  it('is packaged without a warning from vsce', () => {
    const out = packagingOutput();
    assert.match(out, /DONE.*Packaged/, 'vsce reported the package');
    assert.doesNotMatch(out, /WARNING|warn/i, out);
  });

  it('holds only dist/, media/, the manifest and its strings, README, CHANGELOG and LICENSE', () => {
    const entries = zipEntries(vsix);
    const unexpected = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
    assert.deepEqual(unexpected, []);
    for (const required of ['extension/package.json', 'extension/package.nls.json', 'extension/dist/extension.js', 'extension/dist/commands.js', 'extension/dist/azure.js', 'extension/dist/sdk.js', 'extension/dist/storage.js', 'extension/dist/webview/inventory.js', 'extension/readme.md', 'extension/LICENSE.txt']) {
      assert.ok(entries.includes(required), `${required} is in the .vsix`);
    }
    assert.ok(!entries.some((e) => e.endsWith('.map')), 'no source maps ship');
  });

  it('installs into the test VS Code with --install-extension', () => {
    ensureCodeServer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-install-'));
    try {
      const env = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`, XDG_CONFIG_HOME: path.join(dir, 'xdg') };
      const args = ['--extensions-dir', path.join(dir, 'ext'), '--user-data-dir', path.join(dir, 'data')];
      execFileSync(CODE_SERVER_BIN, [...args, '--install-extension', vsix], { env, stdio: 'pipe' });
      const listed = execFileSync(CODE_SERVER_BIN, [...args, '--list-extensions', '--show-versions'], { env, encoding: 'utf8' });
      assert.match(listed, /^azure-compute-gallery-vscode\.azure-compute-gallery@0\.1\.0$/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
