import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../harness/paths';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('webviews', () => {
  it('the extension opens none (so no Content-Security-Policy or remote content to get wrong)', () => {
    const uses = sources(path.join(ROOT, 'src')).filter((f) => /createWebviewPanel|registerWebviewViewProvider|registerCustomEditorProvider/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(uses, []);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };
    assert.ok(!('customEditors' in manifest.contributes), 'no custom editors');
  });
});
