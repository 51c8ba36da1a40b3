import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../harness/paths';

// The docs name files (`src/azure/tags.ts`) and link them ([…](docs/performance.md)); a file moved
// or renamed without its docs would send the next reader nowhere. Names are checked from the
// repository root; links from the document's folder.
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const NAMED = /`((?:src|test|docs|scripts|media|\.vscode)\/[^`\s]*)`/g;
const LINKED = /\]\((?!https?:|#|mailto:)([^)\s#]+)(?:#[^)]*)?\)/g;

describe('paths the docs name', () => {
  for (const doc of DOCS) {
    it(`${doc}: every file or folder it names or links exists`, () => {
      const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
      const named = [...text.matchAll(NAMED)].map((m) => m[1].replace(/[.,:;]+$/, ''));
      const linked = [...text.matchAll(LINKED)].map((m) => path.relative(ROOT, path.resolve(ROOT, path.dirname(doc), m[1])));
      const missing = [...new Set([...named, ...linked])].filter((p) => !fs.existsSync(path.join(ROOT, p.replace(/\/\*.*$/, ''))));
      assert.deepEqual(missing, [], `${doc} names files that are not there: fix the doc or the path`);
    });
  }
});
