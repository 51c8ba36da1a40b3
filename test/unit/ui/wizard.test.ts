import assert from 'node:assert/strict';
import { ScriptedPrompter } from '../../support/scriptedPrompter';
import { BACK, CANCEL, goTo, inputStep, pickManyStep, pickStep, runWizard, validateAnswer, type Step } from '../../../src/ui/wizard';

interface State {
  name?: string;
  kind?: 'a' | 'b';
  extra?: string;
  colours?: string[];
}

const nameRule = (v: string) => (v.length === 0 ? 'Enter a name.' : v.includes('-') ? 'No dashes.' : undefined);

function steps(taken = new Set<string>()): Step<State>[] {
  return [
    inputStep<State>({
      title: 'Name',
      prompt: 'Name',
      get: (s) => s.name,
      set: (s, v) => (s.name = v),
      validate: nameRule,
      validateAsync: async (v) => (taken.has(v) ? `${v} is taken.` : undefined),
    }),
    pickStep<State, 'a' | 'b'>({
      title: 'Kind',
      placeholder: 'Pick a kind',
      items: () => [
        { label: 'A', value: 'a' },
        { label: 'B', detail: 'adds a step', value: 'b' },
      ],
      get: (s) => s.kind,
      suggest: () => 'a',
      set: (s, v) => {
        s.kind = v;
      },
    }),
    inputStep<State>({ title: 'Extra', prompt: 'Only for B', when: (s) => s.kind === 'b', get: (s) => s.extra, set: (s, v) => (s.extra = v) }),
    pickManyStep<State, string>({
      title: 'Colours',
      placeholder: 'Colours',
      items: async () => [
        { label: 'Red', value: 'red', locked: 'Red is always in.' },
        { label: 'Green', value: 'green' },
        { label: 'Blue', value: 'blue', refusal: 'Blue is sold out.' },
      ],
      get: (s) => s.colours,
      set: (s, v) => (s.colours = v),
    }),
  ];
}

describe('the multi-step input (wizard engine and scripted prompter)', () => {
  it('goes back to the step a picked summary line names, keeping the answers, then on through the steps after it', async () => {
    const summary = pickStep<State, 'done' | 'line'>({
      title: 'Summary',
      placeholder: 'Pick Done, or a line to change its answer',
      items: (s) => [
        { label: 'Done', value: 'done' },
        { label: 'Name', description: s.name, value: 'line', goTo: 'Name' },
        { label: 'Given up front', description: 'x', value: 'line', goTo: 'Not asked' },
      ],
      get: () => 'done',
      set: () => undefined,
    });
    const prompter = new ScriptedPrompter(['alpha', 'B', 'more', { pickMany: ['Green'] }, 'Given up front', 'Name', 'beta', { accept: true }, { accept: true }, { accept: true }, 'Done']);
    const state: State = {};
    assert.equal(await runWizard('Create Thing', [...steps(), summary], state, prompter), true);
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(
      prompter.titles.map((t) => t.replace(/^Create Thing: | \(step.*$/g, '')),
      ['Name', 'Kind', 'Extra', 'Colours', 'Summary', 'Summary', 'Name', 'Kind', 'Extra', 'Colours', 'Summary'],
      'a step not asked in this run leaves the summary open; a line goes to its step, then on',
    );
    assert.equal(prompter.prompts[6]?.value, 'alpha', 'the step shows its answer');
    assert.equal(prompter.prompts[6]?.canGoBack, false, 'the first step still has no Back');
    assert.deepEqual(prompter.prompts[7]?.selected, ['B'], 'the later answers are kept');
    assert.deepEqual(state, { name: 'beta', kind: 'b', extra: 'more', colours: ['red', 'green'] });
    assert.deepEqual(goTo('Name'), goTo('Name'), 'two bundles see the same value');
  });

  it('titles each step "step n of m", counting only the steps that apply', async () => {
    const prompter = new ScriptedPrompter(['alpha', 'A', { pickMany: ['Green'] }]);
    const state: State = {};
    assert.equal(await runWizard('Create Thing', steps(), state, prompter), true);
    assert.deepEqual(prompter.titles, ['Create Thing: Name (step 1 of 3)', 'Create Thing: Kind (step 2 of 3)', 'Create Thing: Colours (step 3 of 3)']);
    assert.deepEqual(state, { name: 'alpha', kind: 'a', colours: ['red', 'green'] }, 'the locked item stays selected');
    assert.deepEqual(prompter.problems, []);
  });

  it('grows m when an answer adds a step', async () => {
    const prompter = new ScriptedPrompter(['alpha', 'B', 'more', { pickMany: ['Red'] }]);
    const state: State = {};
    await runWizard('Create Thing', steps(), state, prompter);
    assert.deepEqual(prompter.titles.slice(1), ['Create Thing: Kind (step 2 of 3)', 'Create Thing: Extra (step 3 of 4)', 'Create Thing: Colours (step 4 of 4)']);
    assert.equal(state.extra, 'more');
  });

  it('Back returns to the previous step with its answer kept, and there is no Back on the first step', async () => {
    const prompter = new ScriptedPrompter(['alpha', 'B', BACK, BACK, { accept: true }, { accept: true }, { accept: true }, { pickMany: ['Red'] }]);
    const state: State = {};
    assert.equal(await runWizard('Create Thing', steps(), state, prompter), true);
    const [name1, kind1, extra1, kind2, name2, kind3, extra2] = prompter.prompts;
    assert.equal(name1.canGoBack, false);
    assert.equal(kind1.canGoBack, true);
    assert.equal(extra1.title, 'Create Thing: Extra (step 3 of 4)');
    assert.deepEqual(kind2.selected, ['B'], 'going back shows the answer given');
    assert.equal(name2.value, 'alpha', 'the typed name is still there');
    assert.deepEqual(kind3.selected, ['B']);
    assert.equal(extra2.value, '', 'Extra was never answered');
    assert.deepEqual(state, { name: 'alpha', kind: 'b', extra: '', colours: ['red'] });
  });

  it('Back on the first step asks it again; Escape at any step ends the flow unfinished', async () => {
    const first = new ScriptedPrompter([BACK, CANCEL]);
    assert.equal(await runWizard('Create Thing', steps(), {}, first), false);
    assert.equal(first.prompts.length, 2);
    for (let at = 0; at < 3; at++) {
      const answers = ['alpha', 'A', { pickMany: ['Red'] }] as const;
      const prompter = new ScriptedPrompter([...answers.slice(0, at), CANCEL]);
      assert.equal(await runWizard('Create Thing', steps(), {}, prompter), false, `cancel at step ${at + 1}`);
      assert.equal(prompter.remaining, 0);
    }
  });

  it('refuses Enter on an invalid value (sync, then async) and records each message', async () => {
    const prompter = new ScriptedPrompter([{ probe: ['', 'a-b', 'taken', 'fine'] }, 'a-b', 'taken', 'fine', 'A', { pickMany: [] }]);
    const state: State = {};
    await runWizard('Create Thing', steps(new Set(['taken'])), state, prompter);
    const messages = prompter.messagesFor('Name');
    assert.equal(messages.get(''), 'Enter a name.');
    assert.equal(messages.get('a-b'), 'No dashes.');
    assert.equal(messages.get('taken'), 'taken is taken.');
    assert.equal(messages.get('fine'), undefined);
    assert.equal(state.name, 'fine');
  });

  it('keeps a list open when a refused item is picked, and says why', async () => {
    const prompter = new ScriptedPrompter(['alpha', 'A', { pickMany: ['Blue'] }, { pickMany: ['Green'] }]);
    const state: State = {};
    await runWizard('Create Thing', steps(), state, prompter);
    assert.deepEqual(prompter.refusals.map((r) => r.reason), ['Red is always in.', 'Blue is sold out.', 'Red is always in.']);
    assert.deepEqual(state.colours, ['red', 'green']);
  });

  it('a pick step can refuse its answer and ask again (a declined confirmation)', async () => {
    const confirmSteps: Step<State>[] = [
      pickStep<State, 'a' | 'b'>({
        title: 'Kind',
        placeholder: 'Pick',
        items: () => [
          { label: 'A', value: 'a' },
          { label: 'B', value: 'b' },
        ],
        get: (s) => s.kind,
        set: async (s, v, p) => {
          if (v === 'b' && !(await p.confirm({ message: 'Sure?', confirmLabel: 'Yes' }))) return 'again';
          s.kind = v;
          return undefined;
        },
      }),
    ];
    const prompter = new ScriptedPrompter(['B', { confirm: false }, 'B', { confirm: true }]);
    const state: State = {};
    assert.equal(await runWizard('Create Thing', confirmSteps, state, prompter), true);
    assert.equal(state.kind, 'b');
    assert.deepEqual(prompter.prompts.map((p) => p.kind), ['pick', 'confirm', 'pick', 'confirm']);
  });

  it('reports script mistakes instead of hanging', async () => {
    const prompter = new ScriptedPrompter(['alpha', 'C']);
    assert.equal(await runWizard('Create Thing', steps(), {}, prompter), false);
    assert.match(prompter.problems[0] ?? '', /No item "?C"? in "Create Thing: Kind/);
    const empty = new ScriptedPrompter([]);
    assert.equal(await runWizard('Create Thing', steps(), {}, empty), false);
    assert.match(empty.problems[0] ?? '', /No scripted answer left/);
  });

  it('validateAnswer runs the async check only when the sync one passes', async () => {
    let asyncRuns = 0;
    const request = { validate: nameRule, validateAsync: async () => (asyncRuns++, 'async says no') };
    assert.equal(await validateAnswer(request, 'a-b'), 'No dashes.');
    assert.equal(asyncRuns, 0);
    assert.equal(await validateAnswer(request, 'ab'), 'async says no');
    assert.equal(asyncRuns, 1);
  });
});
