import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../harness/paths';

// Every command title and category, the view and its container name their text in
// package.nls.json (%key%), so a translation (package.nls.<locale>.json) covers all of them.
interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string; name: string; contextualTitle?: string }[]>;
    viewsContainers: { activitybar: { id: string; title: string }[] };
  };
}

const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;

describe('manifest strings (package.nls.json)', () => {
  const manifest = read<Manifest>('package.json');
  const strings = read<Record<string, string>>('package.nls.json');
  const placeholder = /^%([\w.-]+)%$/;

  it('names every command title and category, view and view container by a key that package.nls.json defines', () => {
    const texts: [string, string | undefined][] = [
      ...manifest.contributes.commands.flatMap((c): [string, string | undefined][] => [
        [`${c.command} title`, c.title],
        [`${c.command} category`, c.category],
      ]),
      ...Object.values(manifest.contributes.views).flatMap((views) => views.flatMap((v): [string, string | undefined][] => [[`view ${v.id} name`, v.name], [`view ${v.id} contextualTitle`, v.contextualTitle]])),
      ...manifest.contributes.viewsContainers.activitybar.map((c): [string, string | undefined] => [`view container ${c.id} title`, c.title]),
    ];
    const wrong = texts.filter(([, text]) => {
      const key = text === undefined ? undefined : placeholder.exec(text)?.[1];
      return key === undefined || typeof strings[key] !== 'string' || strings[key] === '';
    });
    assert.deepEqual(wrong.map(([what, text]) => `${what}: ${text ?? '(none)'}`), [], 'write "%key%" in package.json and the text under that key in package.nls.json');
  });

  it('keeps no string nothing refers to', () => {
    const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const unused = Object.keys(strings).filter((key) => !text.includes(`"%${key}%"`));
    assert.deepEqual(unused, []);
  });

  it('gives the palette titles the tests and users look commands up by', () => {
    const title = (id: string) => strings[placeholder.exec(manifest.contributes.commands.find((c) => c.command === id)?.title ?? '')?.[1] ?? ''];
    assert.equal(title('azureComputeGallery.createGallery'), 'Create Gallery…');
    assert.equal(strings['command.category'], 'Azure Compute Gallery');
  });
});
