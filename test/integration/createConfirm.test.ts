// Issue 5, confirmations through one function: a create flow run with VS Code's own quick input (no
// scripted prompter) asks its confirmation through confirm() (src/ui/confirm.ts), which the test
// answers with the extension's test handler. The quick input is driven with VS Code's own
// quickInput.* commands, as the keyboard would.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery } from '../../src/azure/types';
import type { CreateGalleryOptions } from '../../src/commands/createGallery';
import type { ConfirmRequest } from '../../src/ui/wizard';
import { PRODUCTION, emulatorState, inventory, resource, useDemoSession } from './createHelpers';
import { eventually, extensionApi } from './helpers';

const run = (command: string) => vscode.commands.executeCommand(command);

/**
 * Sees the quick picks the extension opens (the extension shares this `vscode.window`): the test
 * only looks at them — when one is loaded, which row is active — and answers with VS Code's own
 * quickInput.* commands, as the keyboard would.
 */
function watchQuickPicks(): { picks: vscode.QuickPick<vscode.QuickPickItem>[]; restore(): void } {
  const window = vscode.window as { createQuickPick: typeof vscode.window.createQuickPick };
  const original = window.createQuickPick;
  const picks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
  window.createQuickPick = (<T extends vscode.QuickPickItem>() => {
    const pick = original<T>();
    picks.push(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    return pick;
  }) as typeof original;
  return { picks, restore: () => (window.createQuickPick = original) };
}

/** Waits for quick pick number `index` to be loaded, moves to the row (first or last) and presses Enter. */
async function choose(picks: vscode.QuickPick<vscode.QuickPickItem>[], index: number, title: RegExp, move: 'quickInput.first' | 'quickInput.last', row: RegExp): Promise<void> {
  const pick = await eventually(async () => {
    const p = picks[index];
    assert.ok(p && title.test(p.title ?? '') && !p.busy && p.items.length > 0, `quick pick ${index} (${title}) is not loaded yet: ${picks.map((q) => q.title).join(', ')}`);
    return p;
  });
  // The active row comes back from the window: Enter only once it is the one wanted.
  await eventually(async () => {
    await run(move);
    assert.match(pick.activeItems[0]?.label ?? '', row);
  });
  await run('quickInput.accept');
}

function options(name: string, prefix: string): CreateGalleryOptions {
  // Every answer but the sharing kind: the flow asks Sharing, then shows the summary.
  return {
    subscriptionId: PRODUCTION,
    resourceGroup: 'rg-images',
    name,
    location: 'eastus',
    description: 'Asked through the quick input',
    community: { publisherUri: 'https://contoso.example/confirm', publisherContact: 'confirm@contoso.example', eula: 'https://contoso.example/confirm/eula', publicNamePrefix: prefix },
  };
}

const galleryId = (name: string) => `/subscriptions/${PRODUCTION}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/${name}`;

describe('Create: confirmations through confirm() and its test handler (extension host, VS Code quick input)', () => {
  const ui = useDemoSession();
  const asked: ConfirmRequest[] = [];
  let answers: boolean[] = [];

  beforeEach(async () => {
    asked.length = 0;
    answers = [];
    (await extensionApi()).testHooks.setConfirmHandler((request) => {
      asked.push(request);
      return answers.shift() ?? false;
    });
  });

  afterEach(async () => {
    await run('workbench.action.closeQuickOpen');
    await ui.install(); // the session's own handler back
  });

  it("Create Gallery's public notice is asked through confirm(): declined, the sharing list stays open; accepted, the gallery is created", async () => {
    answers = [false, true];
    const { picks, restore } = watchQuickPicks();
    try {
      const created = vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.createGallery', options('confirm_community', 'ConfirmPub'));
      await choose(picks, 0, /^Create Gallery: Sharing \(step 1 of 2\)$/, 'quickInput.last', /Community$/);
      await eventually(async () => assert.equal(asked.length, 1, 'the public notice is asked'));
      assert.equal(asked[0]?.message, 'A community gallery shows its publisher details publicly.');
      assert.match(asked[0]?.detail ?? '', /shown to every Azure user/);
      assert.equal(asked[0]?.confirmLabel, 'Continue');
      // Declined: the sharing list opens again.
      await choose(picks, 1, /^Create Gallery: Sharing \(step 1 of 2\)$/, 'quickInput.last', /Community$/);
      await eventually(async () => assert.equal(asked.length, 2));
      // Accepted: the summary, "Create gallery" first; Enter creates.
      await choose(picks, 2, /^Create Gallery: Summary \(step 2 of 2\)$/, 'quickInput.first', /Create gallery$/);
      const gallery = await created;
      assert.ok(gallery, `created: ${ui.errors().join(' | ')}`);
      assert.equal(gallery.permissions, 'Community');
      const stored = resource(await emulatorState(), galleryId('confirm_community'));
      assert.equal((stored?.properties.sharingProfile as { permissions?: string } | undefined)?.permissions, 'Community');
      assert.equal(asked.length, 2, 'the notice was asked twice and nothing else was confirmed');
      assert.equal(picks.length, 3);
    } finally {
      restore();
    }
  });

  it('declining the public notice and pressing Escape creates nothing', async () => {
    const before = await inventory();
    answers = [false];
    const { picks, restore } = watchQuickPicks();
    try {
      const result = vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.createGallery', options('confirm_declined', 'DeclinedPub'));
      await choose(picks, 0, /^Create Gallery: Sharing \(step 1 of 2\)$/, 'quickInput.last', /Community$/);
      await eventually(async () => assert.equal(asked.length, 1));
      assert.equal(asked[0]?.message, 'A community gallery shows its publisher details publicly.');
      await eventually(async () => assert.ok(picks[1] && !picks[1].busy, 'the sharing list is open again'));
      await run('workbench.action.closeQuickOpen');
      assert.equal(await result, undefined);
      assert.deepEqual(await inventory(), before);
    } finally {
      restore();
    }
  });
});
