// The real Prompter (VS Code's quick input) driven by the wizard engine, against a fake of the
// `vscode` quick input (fakeQuickInput.ts, imported first so that 'vscode' resolves to it).
import { fakeCommands, fakeWindow, type FakeInputBox, type FakeQuickPick } from './fakeQuickInput';
import assert from 'node:assert/strict';
import { mock } from 'node:test';
import { registerCommands } from '../../../src/commands/commandTable';
import { whyRegionCannotBeRemoved } from '../../../src/model/replication';
import { setNotificationListener, type Notification } from '../../../src/ui/notify';
import { ASYNC_VALIDATION_DEBOUNCE_MS, VsCodePrompter } from '../../../src/ui/vscodePrompter';
import { BACK, CANCEL, goTo, inputStep, pickManyStep, pickStep, runWizard, type InputRequest, type PickEntry, type PickRequest, type Step } from '../../../src/ui/wizard';

interface State {
  name?: string;
  kind?: 'a' | 'b';
  regions?: string[];
  description?: string;
}

const nameRule = (v: string) => (v.length === 0 ? 'Enter a name.' : v.includes('-') ? 'No dashes.' : undefined);

const SOURCE_REGION = 'eastus';
const regionItems = async (): Promise<PickEntry<string>[]> => [
  { label: 'East US', description: 'eastus · source region', value: 'eastus', locked: whyRegionCannotBeRemoved('eastus', SOURCE_REGION) },
  { label: 'West Europe', value: 'westeurope' },
  { label: 'Japan East', value: 'japaneast' },
];

function flow(): Step<State>[] {
  return [
    inputStep<State>({ title: 'Name', prompt: 'Name', get: (s) => s.name, set: (s, v) => (s.name = v), validate: nameRule }),
    pickStep<State, 'a' | 'b'>({
      title: 'Kind',
      placeholder: 'Pick a kind',
      items: () => [
        { label: 'A', value: 'a' },
        { label: 'B', value: 'b' },
      ],
      get: (s) => s.kind,
      suggest: () => 'a',
      set: (s, v) => {
        s.kind = v;
      },
    }),
    pickManyStep<State, string>({ title: 'Regions', placeholder: 'Regions', items: regionItems, get: (s) => s.regions, set: (s, v) => (s.regions = v) }),
    inputStep<State>({ title: 'Description', prompt: 'Description', get: (s) => s.description, set: (s, v) => (s.description = v) }),
  ];
}

/** Lets pending promise callbacks and event handlers run (one turn of the event loop, no waiting). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Whether a promise has settled yet, and how. */
function watch<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/** An async check whose answers the test gives, one call at a time. */
function controlledCheck() {
  const calls: { value: string; answer: Deferred<string | undefined> }[] = [];
  const check = (value: string) => {
    const answer = deferred<string | undefined>();
    calls.push({ value, answer });
    return answer.promise;
  };
  return { calls, check };
}

const header = (name: string) => ({ title: `Create Thing: ${name} (step 1 of 1)`, step: 1, totalSteps: 1, canGoBack: false });

function inputRequest(extra: Partial<InputRequest> = {}): InputRequest {
  return { ...header('Name'), prompt: 'Name', value: '', validate: nameRule, ...extra };
}

function pickRequest<T>(items: PickRequest<T>['items'], extra: Partial<PickRequest<T>> = {}): PickRequest<T> {
  return { ...header('Source'), placeholder: 'Pick a source', items, ...extra };
}

async function answerName(value: string): Promise<void> {
  const box = await fakeWindow.nextInputBox();
  box.type(value);
  box.accept();
}

async function answerKind(label: 'A' | 'B'): Promise<void> {
  const pick = await fakeWindow.nextQuickPick();
  pick.activate(label);
  pick.accept();
}

async function answerRegions(...labels: string[]): Promise<void> {
  const pick = await fakeWindow.nextQuickPick();
  await settle(); // the list loads asynchronously
  for (const label of labels) pick.toggle(label);
  pick.accept();
}

describe('VsCodePrompter: the wizard in VS Code quick input (fake vscode)', () => {
  afterEach(() => fakeWindow.reset());

  /** Every prompt shown is closed again: a step that is over disposes its quick input. */
  const assertAllClosed = () => {
    assert.deepEqual(
      fakeWindow.open().map((i) => i.title),
      [],
    );
    assert.ok(fakeWindow.opened.every((i) => i.disposed));
  };

  it('1. titles every step "step n of m", with Back on every step but the first', async () => {
    const state: State = {};
    const run = runWizard('Create Thing', flow(), state, new VsCodePrompter());
    await answerName('alpha');
    await answerKind('B');
    await answerRegions('Japan East');
    const last = await fakeWindow.nextInputBox();
    last.type('hello');
    last.accept();
    assert.equal(await run, true);
    assertAllClosed();
    assert.deepEqual(
      fakeWindow.opened.map((i) => i.title),
      ['Create Thing: Name (step 1 of 4)', 'Create Thing: Kind (step 2 of 4)', 'Create Thing: Regions (step 3 of 4)', 'Create Thing: Description (step 4 of 4)'],
    );
    assert.deepEqual(
      fakeWindow.opened.map((i) => i.buttons.length),
      [0, 1, 1, 1],
      'Back on every step but the first',
    );
    for (const input of fakeWindow.opened) {
      assert.equal(input.ignoreFocusOut, true, `${input.title}: clicking elsewhere keeps the answers`);
      // The counter is in the title text; VS Code's own "n/m" would show it a second time.
      assert.equal(input.step, undefined);
      assert.equal(input.totalSteps, undefined);
    }
    assert.equal((fakeWindow.opened[0] as FakeInputBox).prompt, 'Name');
    assert.deepEqual(state, { name: 'alpha', kind: 'b', regions: ['eastus', 'japaneast'], description: 'hello' });
  });

  it('2. Back goes to the previous step and shows its earlier answer (input value, active item, selected items)', async () => {
    const state: State = {};
    const run = runWizard('Create Thing', flow(), state, new VsCodePrompter());
    await answerName('alpha');
    await answerKind('B');
    await answerRegions('Japan East');

    (await fakeWindow.nextInputBox()).back(); // Description → Regions
    const regions = await fakeWindow.nextQuickPick();
    await settle();
    assert.equal(regions.title, 'Create Thing: Regions (step 3 of 4)');
    assert.deepEqual(regions.labels(regions.selectedItems).sort(), ['East US', 'Japan East'], 'the regions chosen before are ticked');
    regions.back(); // → Kind
    const kind = await fakeWindow.nextQuickPick();
    await settle();
    assert.equal(kind.title, 'Create Thing: Kind (step 2 of 4)');
    assert.deepEqual(kind.labels(kind.activeItems), ['B'], 'the kind picked before is highlighted, not the suggested A');
    kind.back(); // → Name
    const name = await fakeWindow.nextInputBox();
    assert.equal(name.title, 'Create Thing: Name (step 1 of 4)');
    assert.equal(name.value, 'alpha', 'the typed name is still there');
    assert.equal(name.validationMessage, undefined, 'a prefilled answer is checked at once');
    assert.deepEqual(name.buttons, [], 'no Back on the first step');

    // Going forward again keeps every answer; Enter alone confirms each.
    name.accept();
    const kindAgain = await fakeWindow.nextQuickPick();
    await settle();
    kindAgain.accept();
    const regionsAgain = await fakeWindow.nextQuickPick();
    await settle();
    regionsAgain.accept();
    const description = await fakeWindow.nextInputBox();
    assert.equal(description.value, '');
    description.type('x');
    description.accept();
    assert.equal(await run, true, 'Back did not end the flow (disposing a step is not Escape)');
    assertAllClosed();
    assert.deepEqual(state, { name: 'alpha', kind: 'b', regions: ['eastus', 'japaneast'], description: 'x' });
  });

  describe('3. Escape ends the flow with nothing created', () => {
    const answers = [() => answerName('alpha'), () => answerKind('A'), () => answerRegions('West Europe')];
    for (const [at, where] of [
      [0, 'the first step (Name)'],
      [2, 'a middle step (Regions)'],
      [3, 'the last step (Description)'],
    ] as const) {
      it(`at ${where}`, async () => {
        const created: State[] = [];
        // As the create commands do: send nothing until the last step is answered.
        const command = async () => {
          const state: State = {};
          if (!(await runWizard('Create Thing', flow(), state, new VsCodePrompter()))) return undefined;
          created.push(state);
          return state;
        };
        const run = command();
        for (const answer of answers.slice(0, at)) await answer();
        const current = await fakeWindow.next();
        assert.match(current.title ?? '', new RegExp(`step ${at + 1} of 4`));
        current.escape();
        assert.equal(await run, undefined, 'the wizard reports it was cancelled');
        assertAllClosed();
        assert.deepEqual(created, []);
        assert.equal(fakeWindow.opened.length, at + 1, 'no further step is shown');
      });
    }

    it('a single prompt answers CANCEL on Escape and BACK on the Back button', async () => {
      const prompter = new VsCodePrompter();
      const escaped = prompter.input(inputRequest());
      (await fakeWindow.nextInputBox()).escape();
      assert.equal(await escaped, CANCEL);
      const backed = prompter.pick(pickRequest([{ label: 'A', value: 1 }], { canGoBack: true }));
      (await fakeWindow.nextQuickPick()).back();
      assert.equal(await backed, BACK);
    });
  });

  describe('4. validation while typing', () => {
    it("sets the rule's message for bad input, clears it for good input, and refuses Enter while invalid", async () => {
      const answer = watch(new VsCodePrompter().input(inputRequest()));
      const box = await fakeWindow.nextInputBox();
      assert.equal(box.validationMessage, undefined, 'an empty box waits for typing');
      box.type('a-b');
      assert.equal(box.validationMessage, 'No dashes.');
      box.type('ab');
      assert.equal(box.validationMessage, undefined);
      box.type('');
      assert.equal(box.validationMessage, 'Enter a name.');
      box.accept();
      await settle();
      assert.equal(answer.settled, false, 'Enter on an empty name is refused');
      assert.equal(box.visible, true);
      box.type('x-y');
      box.accept();
      await settle();
      assert.equal(answer.settled, false, 'Enter on an invalid name is refused');
      assert.equal(box.validationMessage, 'No dashes.');
      box.type('xy');
      box.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: 'xy' });
      assert.equal(box.disposed, true);
    });

    it('checks a prefilled value at once', async () => {
      const answer = new VsCodePrompter().input(inputRequest({ value: 'a-b' }));
      const box = await fakeWindow.nextInputBox();
      assert.equal(box.value, 'a-b');
      assert.equal(box.validationMessage, 'No dashes.');
      box.escape();
      assert.equal(await answer, CANCEL);
    });
  });

  describe('5. async checks: debounced, never stale, busy while running', () => {
    beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
    afterEach(() => mock.timers.reset());

    it('several keystrokes in quick succession lead to one check, of the last value, with busy shown', async () => {
      const { calls, check } = controlledCheck();
      const answer = new VsCodePrompter().input(inputRequest({ validateAsync: check }));
      const box = await fakeWindow.nextInputBox();
      for (const value of ['n', 'na', 'nam', 'name']) {
        box.type(value);
        mock.timers.tick(ASYNC_VALIDATION_DEBOUNCE_MS / 3);
      }
      mock.timers.tick(ASYNC_VALIDATION_DEBOUNCE_MS - ASYNC_VALIDATION_DEBOUNCE_MS / 3 - 1);
      assert.equal(calls.length, 0, 'no check while typing goes on');
      assert.equal(box.busy, false);
      mock.timers.tick(1);
      assert.deepEqual(
        calls.map((c) => c.value),
        ['name'],
      );
      assert.equal(box.busy, true, 'busy while the check runs');
      calls[0].answer.resolve('name is taken.');
      await settle();
      assert.equal(box.validationMessage, 'name is taken.');
      assert.equal(box.busy, false);
      mock.timers.tick(10 * ASYNC_VALIDATION_DEBOUNCE_MS);
      assert.equal(calls.length, 1, 'exactly one check');
      box.escape();
      assert.equal(await answer, CANCEL);
    });

    it("a value the quick rule refuses never reaches the slow check; the rule's message shows at once", async () => {
      const { calls, check } = controlledCheck();
      const answer = new VsCodePrompter().input(inputRequest({ validateAsync: check }));
      const box = await fakeWindow.nextInputBox();
      box.type('bad-name');
      assert.ok(box.validationMessage, 'the quick rule answers without waiting for the debounce');
      mock.timers.tick(10 * ASYNC_VALIDATION_DEBOUNCE_MS);
      assert.equal(calls.length, 0, 'no slow check for a value the quick rule refused');
      assert.equal(box.busy, false);
      box.escape();
      assert.equal(await answer, CANCEL);
    });

    it("a stale check's answer never overwrites the message of a newer value", async () => {
      const { calls, check } = controlledCheck();
      const answer = new VsCodePrompter().input(inputRequest({ validateAsync: check }));
      const box = await fakeWindow.nextInputBox();
      box.type('old');
      mock.timers.tick(ASYNC_VALIDATION_DEBOUNCE_MS);
      box.type('new');
      mock.timers.tick(ASYNC_VALIDATION_DEBOUNCE_MS);
      assert.deepEqual(
        calls.map((c) => c.value),
        ['old', 'new'],
      );
      calls[0].answer.resolve('old is taken.'); // the old check answers first: ignored, still busy
      await settle();
      assert.equal(box.validationMessage, undefined);
      assert.equal(box.busy, true, 'the check of "new" still runs');
      calls[1].answer.resolve(undefined);
      await settle();
      assert.equal(box.validationMessage, undefined);
      assert.equal(box.busy, false);

      box.type('newer');
      mock.timers.tick(ASYNC_VALIDATION_DEBOUNCE_MS);
      box.type('newest');
      mock.timers.tick(ASYNC_VALIDATION_DEBOUNCE_MS);
      calls[3].answer.resolve('newest is taken.');
      await settle();
      calls[2].answer.resolve(undefined); // the stale check answers last: ignored
      await settle();
      assert.equal(box.validationMessage, 'newest is taken.');
      assert.equal(box.busy, false);

      box.type('bad-name'); // the sync rule fails: no async check, and the pending one is dropped
      mock.timers.tick(10 * ASYNC_VALIDATION_DEBOUNCE_MS);
      assert.equal(calls.length, 4);
      assert.equal(box.validationMessage, 'No dashes.');
      box.escape();
      assert.equal(await answer, CANCEL);
    });

    it('Enter runs the check at once (busy, input disabled) and a check still waiting for its debounce is dropped', async () => {
      const { calls, check } = controlledCheck();
      const answer = watch(new VsCodePrompter().input(inputRequest({ validateAsync: check })));
      const box = await fakeWindow.nextInputBox();
      box.type('taken');
      box.accept(); // before the debounce is over
      assert.deepEqual(
        calls.map((c) => c.value),
        ['taken'],
      );
      assert.equal(box.busy, true);
      assert.equal(box.enabled, false, 'no typing while Enter is being checked');
      calls[0].answer.resolve('taken is taken.');
      await settle();
      assert.equal(answer.settled, false, 'refused');
      assert.equal(box.validationMessage, 'taken is taken.');
      assert.equal(box.busy, false);
      assert.equal(box.enabled, true);
      mock.timers.tick(10 * ASYNC_VALIDATION_DEBOUNCE_MS);
      assert.equal(calls.length, 1, 'the debounced check of the same value does not run as well');
      assert.equal(box.busy, false, 'and does not leave the box busy');

      box.type('free');
      box.accept();
      calls[1].answer.resolve(undefined);
      await settle();
      assert.deepEqual(answer, { settled: true, value: 'free' });
      assert.equal(calls.length, 2);
      assertAllClosed();
    });
  });

  describe('6. pick lists loaded asynchronously', () => {
    it('shows Loading… and busy (still enabled, so Back and Escape work) until the items come, then the items', async () => {
      const items = deferred<PickEntry<string>[]>();
      const answer = watch(new VsCodePrompter().pick(pickRequest(items.promise, { selected: ['disk'] })));
      const pick = await fakeWindow.nextQuickPick();
      assert.equal(pick.busy, true);
      assert.equal(pick.enabled, true);
      assert.equal(pick.placeholder, 'Loading…');
      assert.deepEqual(pick.items, []);
      pick.accept();
      await settle();
      assert.equal(answer.settled, false, 'Enter is ignored while loading');
      items.resolve([{ separator: 'Disks' }, { label: 'disk-1', value: 'disk' }, { separator: 'VMs' }, { label: 'vm-1', value: 'vm' }]);
      await settle();
      assert.equal(pick.busy, false);
      assert.equal(pick.placeholder, 'Pick a source');
      assert.deepEqual(pick.labels(), ['Disks', 'disk-1', 'VMs', 'vm-1']);
      assert.deepEqual(pick.labels(pick.activeItems), ['disk-1'], 'the earlier answer is highlighted');
      pick.activate('vm-1');
      pick.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: 'vm' });
    });

    it('shows the entries known so far while loading (still busy, Enter ignored); the whole list replaces them', async () => {
      const items = deferred<PickEntry<string>[]>();
      let show: (entries: readonly PickEntry<string>[]) => void = () => undefined;
      const answer = watch(new VsCodePrompter().pick({ ...pickRequest(items.promise), partial: (s) => (show = s) }));
      const pick = await fakeWindow.nextQuickPick();
      show([{ label: 'disk-1', value: 'disk' }]);
      await settle();
      assert.deepEqual(pick.labels(), ['disk-1']);
      assert.equal(pick.busy, true);
      pick.accept();
      await settle();
      assert.equal(answer.settled, false, 'Enter is ignored until the whole list is there');
      items.resolve([{ label: 'disk-1', value: 'disk' }, { label: 'vm-1', value: 'vm' }]);
      await settle();
      show([{ label: 'stale', value: 'stale' }]);
      assert.equal(pick.busy, false);
      assert.deepEqual(pick.labels(), ['disk-1', 'vm-1'], 'entries offered after the whole list are ignored');
      pick.activate('vm-1');
      pick.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: 'vm' });
    });

    it('a multi-select ignores Enter while loading (it would answer "none")', async () => {
      const items = deferred<PickEntry<string>[]>();
      const answer = watch(new VsCodePrompter().pickMany(pickRequest(items.promise)));
      const pick = await fakeWindow.nextQuickPick();
      assert.equal(pick.canSelectMany, true);
      pick.accept();
      await settle();
      assert.equal(answer.settled, false);
      items.resolve([
        { label: 'Red', value: 'red' },
        { label: 'Green', value: 'green' },
      ]);
      await settle();
      pick.toggle('Green');
      pick.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: ['green'] });
    });

    it('Back while loading leaves at once; the list arriving later changes nothing', async () => {
      const items = deferred<PickEntry<string>[]>();
      const answer = new VsCodePrompter().pick(pickRequest(items.promise, { canGoBack: true }));
      const pick = await fakeWindow.nextQuickPick();
      pick.back();
      assert.equal(await answer, BACK);
      items.resolve([{ label: 'late', value: 'late' }]);
      await settle();
      assert.deepEqual(pick.items, []);
      assert.equal(pick.disposed, true);
    });

    it('a list that fails to load closes the pick and the user is told why', async () => {
      const error = Object.assign(new Error('The client does not have authorization to list disks.'), { code: 'AuthorizationFailed' });
      const failing = new VsCodePrompter().pick(pickRequest(Promise.reject(error)));
      const pick = await fakeWindow.nextQuickPick();
      await assert.rejects(failing, {
        message: 'Could not load the list for "Create Thing: Source (step 1 of 1)": The client does not have authorization to list disks.',
        code: 'AuthorizationFailed',
      });
      assert.equal(pick.disposed, true);

      // Through a registered command, as the user meets it: an error notification.
      const seen: Notification[] = [];
      setNotificationListener((n) => void seen.push(n));
      try {
        const context = { subscriptions: [] as { dispose(): void }[] };
        const steps: Step<State>[] = [
          pickStep<State, string>({
            title: 'Source',
            placeholder: 'Pick a source',
            items: () => Promise.reject(error),
            get: () => undefined,
            set: () => undefined,
          }),
        ];
        registerCommands(context as never, { 'azureComputeGallery.createImageVersion': () => runWizard('Create Image Version', steps, {}, new VsCodePrompter()) });
        assert.equal(await fakeCommands.executeCommand('azureComputeGallery.createImageVersion'), undefined);
        assert.equal(seen.length, 1);
        assert.equal(seen[0].kind, 'error');
        assert.match(seen[0].message, /^Could not create image version: Could not load the list for "Create Image Version: Source \(step 1 of 1\)": The client does not have authorization to list disks\./);
        assert.match(seen[0].message, /\(code AuthorizationFailed\) Ask an owner of the subscription/, "Azure's code and the next step that fits it");
        assert.deepEqual(seen[0].actions, []);

        // A failure that may pass by itself offers Retry.
        error.code = 'ECONNRESET';
        await fakeCommands.executeCommand('azureComputeGallery.createImageVersion');
        assert.equal(seen.length, 2);
        assert.deepEqual(seen[1].actions, ['Retry']);
        for (const d of context.subscriptions) d.dispose();
      } finally {
        setNotificationListener(undefined);
      }
    });
  });

  describe('7. refused and locked items', () => {
    const misfit = 'vm-gen1 does not fit ubuntu-gen2: the source is Hyper-V generation V1, the definition V2. Pick another source, or use a definition that matches it.';
    const sources: PickEntry<string>[] = [
      { label: 'vm-gen1', detail: '$(circle-slash) Does not fit: generation V1', value: 'vm-gen1', refusal: misfit },
      { label: 'vm-gen2', value: 'vm-gen2' },
    ];

    it('a summary line picked answers goTo(its step), which the wizard returns to', async () => {
      const summary: PickEntry<string>[] = [
        { label: 'Create', value: 'create' },
        { label: 'Name', description: 'web', value: 'line', goTo: 'Name' },
      ];
      const answer = watch(new VsCodePrompter().pick(pickRequest(Promise.resolve(summary))));
      const pick = (await fakeWindow.nextQuickPick()) as FakeQuickPick;
      await settle();
      pick.activate('Name');
      pick.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: goTo('Name') });
      assert.equal(pick.visible, false, 'the summary closes: the step opens instead');
    });

    it('a misfit item stays in the list, but picking it is refused with its reason', async () => {
      const answer = watch(new VsCodePrompter().pick(pickRequest(Promise.resolve(sources))));
      const pick = (await fakeWindow.nextQuickPick()) as FakeQuickPick;
      await settle();
      assert.equal(pick.item('vm-gen1').detail, '$(circle-slash) Does not fit: generation V1', 'the list already says why');
      pick.type('gen1'); // filtering
      pick.activate('vm-gen1');
      pick.accept();
      await settle();
      assert.equal(answer.settled, false, 'refused');
      assert.equal(pick.visible, true);
      assert.equal(pick.placeholder, `⚠ ${misfit}`);
      assert.equal(pick.value, '', 'the filter is cleared so that the reason is visible');
      pick.activate('vm-gen2');
      pick.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: 'vm-gen2' });
    });

    it('in a multi-select, a refused item blocks Enter until it is unticked', async () => {
      const answer = watch(new VsCodePrompter().pickMany(pickRequest(Promise.resolve(sources))));
      const pick = await fakeWindow.nextQuickPick();
      await settle();
      pick.toggle('vm-gen1');
      pick.toggle('vm-gen2');
      pick.accept();
      await settle();
      assert.equal(answer.settled, false);
      assert.equal(pick.placeholder, `⚠ ${misfit}`);
      pick.toggle('vm-gen1');
      pick.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: ['vm-gen2'] });
    });

    it('the source region is always ticked, cannot be unticked, and says why', async () => {
      const why = whyRegionCannotBeRemoved('eastus', SOURCE_REGION)!;
      assert.match(why, /source region/);
      const answer = watch(new VsCodePrompter().pickMany(pickRequest(regionItems(), { selected: ['japaneast'] })));
      const pick = await fakeWindow.nextQuickPick();
      await settle();
      assert.deepEqual(pick.labels(pick.selectedItems).sort(), ['East US', 'Japan East'], 'ticked although not among the earlier answers');
      assert.equal(pick.item('East US').alwaysShow, true, 'filtering never hides it');
      pick.toggle('East US');
      assert.deepEqual(pick.labels(pick.selectedItems).sort(), ['East US', 'Japan East'], 'ticked again');
      assert.equal(pick.placeholder, `⚠ ${why}`);
      pick.toggle('Japan East');
      pick.accept();
      await settle();
      assert.deepEqual(answer, { settled: true, value: ['eastus'] });
    });

    it('a locked item without its own description is marked "always included"', async () => {
      const answer = new VsCodePrompter().pickMany(pickRequest([{ label: 'Red', value: 'red', locked: 'Red is always in.' }, { label: 'Green', value: 'green' }]));
      const pick = await fakeWindow.nextQuickPick();
      await settle();
      assert.equal(pick.item('Red').description, 'always included');
      assert.equal(pick.item('Green').description, undefined);
      pick.accept();
      assert.deepEqual(await answer, ['red']);
    });
  });
});
