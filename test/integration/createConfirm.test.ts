// Issue 5, confirmations through one function, in VS Code's own quick input (no scripted prompter):
// the one confirmation a create flow asks (Create Gallery's public notice for a community gallery)
// goes through confirm() (src/ui/confirm.ts), which the test answers with the extension's test
// handler; the summary before anything is sent is the flow's last quick-pick step, not a second
// dialog, and Escape there creates nothing. The quick input is driven with VS Code's own
// quickInput.* commands, as the keyboard would.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gallery } from '../../src/azure/types';
import type { CreateGalleryOptions } from '../../src/commands/createGallery';
import type { ConfirmRequest } from '../../src/ui/wizard';
import { GALLERY_ID, PRODUCTION, RG_BUILDS, UBUNTU_ID, emulatorState, inventory, resource, useDemoSession } from './createHelpers';
import { PENDING_VERSIONS_KEY } from '../../src/commands/createVersionProgress';
import { eventually, extensionApi } from './helpers';

const run = (command: string) => vscode.commands.executeCommand(command);

type Opened = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/**
 * Sees the quick picks and input boxes the extension opens (the extension shares this
 * `vscode.window`), in order: the test only looks at them — when one is loaded, which row is
 * active — and answers with VS Code's own quickInput.* commands, as the keyboard would.
 */
function watchQuickInput(): { opened: Opened[]; restore(): void } {
  const window = vscode.window as { createQuickPick: typeof vscode.window.createQuickPick; createInputBox: typeof vscode.window.createInputBox };
  const { createQuickPick, createInputBox } = window;
  const opened: Opened[] = [];
  window.createQuickPick = (<T extends vscode.QuickPickItem>() => {
    const pick = createQuickPick<T>();
    opened.push(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    return pick;
  }) as typeof createQuickPick;
  window.createInputBox = () => {
    const box = createInputBox();
    opened.push(box);
    return box;
  };
  return {
    opened,
    restore: () => {
      window.createQuickPick = createQuickPick;
      window.createInputBox = createInputBox;
    },
  };
}

const isPick = (o: Opened | undefined): o is vscode.QuickPick<vscode.QuickPickItem> => o !== undefined && 'items' in o;

/** Waits for quick pick number `index` to be open and loaded. */
async function loadedPick(opened: Opened[], index: number, title: RegExp): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  return eventually(async () => {
    const p = opened[index];
    assert.ok(isPick(p) && title.test(p.title ?? '') && !p.busy && p.items.length > 0, `quick pick ${index} (${title}) is not loaded yet: ${opened.map((q) => q.title).join(', ')}`);
    return p;
  });
}

/** Waits for quick pick number `index`, moves to the row (first or last) and presses Enter. */
async function choose(opened: Opened[], index: number, title: RegExp, move: 'quickInput.first' | 'quickInput.last', row: RegExp): Promise<void> {
  const pick = await loadedPick(opened, index, title);
  // The active row comes back from the window: Enter only once it is the one wanted.
  await eventually(async () => {
    await run(move);
    assert.match(pick.activeItems[0]?.label ?? '', row);
  });
  await run('quickInput.accept');
}

/** Waits for input box number `index` to show `value`, and presses Enter. */
async function enter(opened: Opened[], index: number, title: RegExp, value: string): Promise<void> {
  await eventually(async () => {
    const box = opened[index];
    assert.ok(box && !isPick(box) && title.test(box.title ?? '') && box.value === value, `input box ${index} (${title}, ${value}) is not open yet`);
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
    const { opened: picks, restore } = watchQuickInput();
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
    const { opened: picks, restore } = watchQuickInput();
    try {
      const result = vscode.commands.executeCommand<Gallery | undefined>('azureComputeGallery.createGallery', options('confirm_declined', 'DeclinedPub'));
      await choose(picks, 0, /^Create Gallery: Sharing \(step 1 of 2\)$/, 'quickInput.last', /Community$/);
      await eventually(async () => assert.equal(asked.length, 1));
      assert.equal(asked[0]?.message, 'A community gallery shows its publisher details publicly.');
      await loadedPick(picks, 1, /^Create Gallery: Sharing \(step 1 of 2\)$/); // the sharing list, open again
      await run('workbench.action.closeQuickOpen');
      assert.equal(await result, undefined);
      assert.deepEqual(await inventory(), before);
    } finally {
      restore();
    }
  });

  it("with VS Code's own quick input each flow's summary is its confirmation: Escape there creates nothing, Enter on Create creates, and no confirm() dialog is added", async () => {
    const flows: { command: string; options: Record<string, unknown>; first: (opened: Opened[], index: number) => Promise<void>; summary: RegExp; create: RegExp; id: string }[] = [
      {
        command: 'azureComputeGallery.createGallery',
        options: { subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'quick_summary', location: 'westeurope', description: 'Summary in the quick input' },
        first: (o, i) => choose(o, i, /^Create Gallery: Sharing \(step 1 of 2\)$/, 'quickInput.first', /Private$/),
        summary: /^Create Gallery: Summary \(step 2 of 2\)$/,
        create: /Create gallery$/,
        id: galleryId('quick_summary'),
      },
      {
        command: 'azureComputeGallery.createImageDefinition',
        options: { gallery: GALLERY_ID, name: 'quick-summary-def', osType: 'Linux', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'Standard', publisher: 'Contoso', offer: 'QuickSummary', sku: 'qs-1' },
        first: (o, i) => choose(o, i, /^Create Image Definition: OS state \(step 1 of 2\)$/, 'quickInput.first', /^Generalized$/),
        summary: /^Create Image Definition: Summary \(step 2 of 2\)$/,
        create: /Create image definition$/,
        id: `${GALLERY_ID}/images/quick-summary-def`,
      },
      {
        command: 'azureComputeGallery.createImageVersion',
        options: {
          definition: UBUNTU_ID,
          source: `${RG_BUILDS}/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`,
          targetRegions: ['eastus'],
          storageAccountType: 'Standard_LRS',
          excludeFromLatest: false,
          endOfLifeDate: '2040-01-01',
        },
        first: (o, i) => enter(o, i, /^Create Image Version: Version \(step 1 of 2\)$/, '1.1.1'),
        summary: /^Create Image Version: Summary \(step 2 of 2\)$/,
        create: /Create image version$/,
        id: `${UBUNTU_ID}/versions/1.1.1`,
      },
    ];
    const { opened, restore } = watchQuickInput();
    try {
      for (const flow of flows) {
        // Escape at the summary: nothing is sent.
        const before = await inventory();
        let at = opened.length;
        const declined = vscode.commands.executeCommand(flow.command, flow.options);
        await flow.first(opened, at);
        await loadedPick(opened, at + 1, flow.summary);
        await run('workbench.action.closeQuickOpen');
        assert.equal(await declined, undefined, `${flow.command}: Escape at the summary`);
        assert.deepEqual(await inventory(), before, `${flow.command}: nothing created`);
        // Enter on the summary's first row: created.
        at = opened.length;
        const accepted = vscode.commands.executeCommand<{ id: string } | undefined>(flow.command, flow.options);
        await flow.first(opened, at);
        await choose(opened, at + 1, flow.summary, 'quickInput.first', flow.create);
        const created = await accepted;
        assert.equal(created?.id.toLowerCase(), flow.id.toLowerCase(), `${flow.command}: created from the summary: ${ui.errors().join(' | ')}`);
        assert.ok(resource(await emulatorState(), flow.id), `${flow.command}: in the local Azure`);
      }
      assert.deepEqual(asked, [], 'the summary is the confirmation: no confirm() dialog on top of it');
    } finally {
      restore();
      await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
    }
  });
});
