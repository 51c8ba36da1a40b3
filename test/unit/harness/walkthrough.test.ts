import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STEP_DONE_WHEN, WALKTHROUGH_ID } from '../../../src/commands/walkthroughSteps';
import { CONTEXT_SIGNED_IN } from '../../../src/constants';
import { ROOT } from '../../harness/paths';

// The Get Started walkthrough as package.json contributes it: every step opens a real command,
// shows a page that exists, and completes on a context key the extension sets once the user has
// done it (the command table sets STEP_DONE_WHEN's key after a command answers).
interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents: string[];
}
interface Manifest {
  contributes: { commands: { command: string }[]; walkthroughs: { id: string; title: string; steps: Step[] }[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const strings = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const text = (value: string) => strings[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;

describe('the Get Started walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);

  it('walks sign in, subscriptions, gallery, definition, version and sharing, in that order', () => {
    assert.ok(walkthrough, `package.json contributes walkthrough ${WALKTHROUGH_ID}`);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['signIn', 'selectSubscriptions', 'createGallery', 'createImageDefinition', 'createImageVersion', 'share'],
    );
    assert.match(text(walkthrough.title), /Get Started/);
  });

  it('each step opens a contributed command and shows a page that exists', () => {
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const step of walkthrough!.steps) {
      const links = [...text(step.description).matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const link of links) assert.ok(commands.has(link), `${step.id} opens ${link}, which is contributed`);
      assert.ok(step.media.markdown && fs.existsSync(path.join(ROOT, step.media.markdown)), `${step.id} shows ${step.media.markdown}`);
      assert.ok(text(step.title).length > 0 && !text(step.title).startsWith('%'), `${step.id} has a title`);
    }
  });

  it('each step completes on a key the extension sets when its command has been done, not merely run', () => {
    const setKeys = new Set([CONTEXT_SIGNED_IN, ...Object.values(STEP_DONE_WHEN)]);
    for (const step of walkthrough!.steps) {
      assert.equal(step.completionEvents.length, 1, step.id);
      const [kind, key] = step.completionEvents[0].split(':');
      assert.equal(kind, 'onContext', `${step.id} completes on a context key, not onCommand (which fires on Escape too)`);
      assert.ok(setKeys.has(key), `${step.id} completes on ${key}, which the extension sets`);
      const buttons = [...text(step.description).matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      if (key !== CONTEXT_SIGNED_IN) assert.ok(buttons.every((b) => STEP_DONE_WHEN[b] === key), `${step.id}: every button's command completes it`);
    }
  });
});
