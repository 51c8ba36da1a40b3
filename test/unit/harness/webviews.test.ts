import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../harness/paths';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('webviews', () => {
  it('the extension opens one, the inventory, and no webview view or custom editor', () => {
    const uses = sources(path.join(ROOT, 'src'))
      .filter((f) => /createWebviewPanel|registerWebviewViewProvider|registerCustomEditorProvider/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    assert.deepEqual(uses, ['src/ui/inventoryPanel.ts']);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };
    assert.ok(!('customEditors' in manifest.contributes), 'no custom editors');
  });

  it('the inventory has a strict Content-Security-Policy, loads only its own script, and nothing remote', () => {
    const panel = fs.readFileSync(path.join(ROOT, 'src', 'ui', 'inventoryPanel.ts'), 'utf8');
    const csp = /const csp = \[(.*?)\]\.join/s.exec(panel)?.[1] ?? '';
    assert.match(csp, /`default-src 'none'`/);
    assert.match(csp, /`script-src 'nonce-\$\{nonce\}'`/, 'scripts by nonce only');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/, 'no inline script or style, no eval, no remote source');
    assert.match(panel, /localResourceRoots: \[root\]/);
    assert.match(panel, /const root = vscode\.Uri\.joinPath\(extensionUri, 'dist', 'webview'\)/, 'the webview reads dist/webview and nothing else');
    // Every <script> carries the nonce; the page names no remote address.
    const html = /return `<!DOCTYPE html>(.*?)<\/html>`/s.exec(panel)?.[1] ?? '';
    assert.ok(html.length > 0, 'the HTML template');
    for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.match(tag, /nonce="\$\{nonce\}"/, tag);
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  });
});
