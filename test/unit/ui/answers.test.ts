// The step vocabulary (src/ui/answers.ts, src/ui/commonAnswers.ts): an options object read and
// checked without prompting, the steps of given answers skipped, the summary lines, and the options
// that bring the answers back — all from one description per answer.
import assert from 'node:assert/strict';
import { askedSteps, asker, optionsOf, readAnswers, summaryLines, type Answer } from '../../../src/ui/answers';
import { endOfLifeAnswer, inputAnswer, linkAnswer, pickAnswer, tagsAnswer } from '../../../src/ui/commonAnswers';
import { ScriptedPrompter } from '../../support/scriptedPrompter';
import { runWizard } from '../../../src/ui/wizard';

interface State {
  name?: string;
  kind?: 'a' | 'b';
  endOfLifeDate?: string;
  eula?: string;
  tags?: Record<string, string>;
}
interface Options extends Omit<State, 'kind'> {
  kind?: string;
  edit?: boolean;
}

const answers = (taken = new Set<string>()): Answer<State, Options>[] => [
  inputAnswer<State, Options>({
    key: 'name',
    label: 'Name',
    required: true,
    prompt: 'Name',
    validate: (v) => (v.includes('-') ? 'Remove the dashes.' : undefined),
    validateAsync: async (v) => (taken.has(v) ? `${v} is taken: choose another name.` : undefined),
  }),
  pickAnswer<State, Options, 'a' | 'b'>({
    key: 'kind',
    label: 'Kind',
    required: true,
    allowed: { values: ['a', 'b'], hint: 'Use a or b.' },
    placeholder: 'Kind',
    items: () => [
      { label: 'A', value: 'a' },
      { label: 'B', value: 'b' },
    ],
  }),
  endOfLifeAnswer<State, Options>(),
  linkAnswer<State, Options>({ key: 'eula', label: 'EULA link', prompt: 'EULA', what: 'EULA link', example: 'https://www.contoso.com/eula' }),
  tagsAnswer<State, Options>(),
];

describe('ui/answers: steps described once', () => {
  it('reads a complete options object and asks nothing', async () => {
    const state: State = {};
    const read = await readAnswers(answers(), { name: 'web', kind: 'a', tags: { env: 'prod' } }, state);
    assert.deepEqual(read.problems, []);
    assert.equal(read.interactive, false);
    assert.deepEqual([...read.given].sort(), ['kind', 'name', 'tags']);
    assert.deepEqual(state, { name: 'web', kind: 'a', tags: { env: 'prod' } });
  });

  it('names every bad answer, in order, with what to type instead, using the prompts’ own rules', async () => {
    const read = await readAnswers(answers(new Set(['web'])), { name: 'web', kind: 'c', endOfLifeDate: '2000-01-01', eula: 'http://x', tags: { 'a<b': '1' } }, {} as State);
    assert.equal(read.problems.length, 4, read.problems.join('\n'));
    assert.equal(read.problems[0], 'Name: web is taken: choose another name.');
    assert.equal(read.problems[1], 'Kind: Use a or b.');
    assert.match(read.problems[2] ?? '', /^End-of-life date: .*future/);
    assert.match(read.problems[3] ?? '', /^Tags: Remove "<"/);
    assert.equal(read.given.has('eula'), true, 'an http:// link is a warning, not a refusal');
  });

  it('asks only what was not given, and every step (prefilled) when editing', async () => {
    const list = answers();
    const state: State = {};
    const read = await readAnswers(list, { name: 'web' }, state);
    assert.equal(read.interactive, true, 'kind is required and missing');
    const prompter = new ScriptedPrompter(['B', '', '', '']);
    assert.equal(await runWizard('Flow', askedSteps(list, asker(read, false)), state, prompter), true);
    assert.deepEqual(prompter.titles, ['Flow: Kind (step 1 of 4)', 'Flow: End-of-life date (step 2 of 4)', 'Flow: EULA link (step 3 of 4)', 'Flow: Tags (step 4 of 4)']);
    assert.equal(state.kind, 'b');
    assert.equal(state.endOfLifeDate, undefined, 'Enter with nothing leaves an optional answer out');

    const again: State = {};
    const edit = await readAnswers(list, { ...optionsOf(list, state, {}), edit: true }, again);
    const editing = new ScriptedPrompter([{ accept: true }, { accept: true }, { accept: true }, { accept: true }, { accept: true }]);
    assert.equal(await runWizard('Flow', askedSteps(list, asker(edit, true)), again, editing), true);
    assert.equal(editing.titles.length, 5, 'editing asks every step');
    assert.equal(editing.prompts[0]?.value, 'web', 'with the given answer filled in');
    assert.deepEqual(JSON.parse(JSON.stringify(again)), { name: 'web', kind: 'b', tags: {} });
  });

  it('makes the summary lines, each going back to the step that asks it; a long value on its own line', async () => {
    const lines = await summaryLines(answers(), { name: 'web', kind: 'a', endOfLifeDate: '2030-01-01', tags: {} } as State, 'line');
    assert.deepEqual(
      lines.map((l) => [l.label, l.description]),
      [
        ['Name', 'web'],
        ['Kind', 'a'],
        ['End of life', '2030-01-01'],
      ],
    );
    assert.equal(lines[2]?.goTo, 'End-of-life date');
    assert.equal(lines[2]?.refusal, undefined);
    const long = 'a description long enough to be cut off at the end of the first line';
    const [line] = await summaryLines(answers(), { name: long, kind: 'a', tags: {} } as State, 'line');
    assert.deepEqual([line?.description, line?.detail], [undefined, long], 'the long value is not cut off');
  });

  it('names an option it cannot read (not asked for), and accepts an answer checked with another only with it', async () => {
    interface Pair {
      region?: string;
      count?: string;
    }
    const known = ['eastus', 'westus'];
    const pair: Answer<Pair, { region?: string; count?: string }>[] = [
      {
        key: 'region',
        label: 'Region',
        required: true,
        read: (o, s) => {
          if (o.region === undefined) return undefined;
          if (!known.includes(o.region)) return `${o.region} is not a region here: use ${known.join(' or ')}.`;
          s.region = o.region;
          return undefined;
        },
        check: (s) => (s.count === '0' ? 'Use at least 1 replica.' : undefined),
        write: () => undefined,
        steps: [],
      },
      { key: 'count', label: 'Replicas', read: (o, s) => void (s.count = o.count), check: () => ({ sameAs: 'region' }), write: () => undefined, steps: [] },
    ];
    const unknown = await readAnswers(pair, { region: 'mars', count: '2' }, {} as Pair);
    assert.deepEqual(unknown.problems, ['Region: mars is not a region here: use eastus or westus.']);
    assert.equal(unknown.interactive, false, 'a required option that is wrong is reported, not asked');
    assert.equal(unknown.given.has('count'), false, 'checked with the region, which was not accepted');
    const bad = await readAnswers(pair, { region: 'eastus', count: '0' }, {} as Pair);
    assert.deepEqual(bad.problems, ['Region: Use at least 1 replica.'], 'one sentence for the two');
    assert.deepEqual([...bad.given], []);
    const good = await readAnswers(pair, { region: 'eastus', count: '2' }, {} as Pair);
    assert.deepEqual([...good.given].sort(), ['count', 'region']);
  });
});
