// Update Image Definition's wizard: what to change → each value (the current one shown) → summary
// (before → after). The value steps and summary lines come from the answers (answers.ts).
import { askedSteps, summaryLines } from '../../ui/answers';
import { asCodeEntries, isAsCodeChoice, type AsCodeChoice } from '../../ui/asCodeItems';
import { pickManyStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { fieldOf, type UpdateAnswer } from './answers';
import { FIELDS, LABELS, shown, type Field, type State, type Values } from './fields';

export interface StepContext {
  name: string;
  current: Values;
  answers: UpdateAnswer[];
  /** Copies what the changes would send as code (the summary's "Copy as …"). */
  asCode?: (state: State, choice: AsCodeChoice) => Promise<unknown>;
}

function summaryStep({ name, answers, asCode }: StepContext): Step<State> {
  return pickStep<State, 'save' | 'line' | AsCodeChoice>({
    title: 'Summary',
    placeholder: 'Pick Save, or pick a line to change its value',
    items: async (s): Promise<PickEntry<'save' | 'line' | AsCodeChoice>[]> => [
      { label: `$(check) Save changes to ${name}`, detail: `${(s.fields ?? []).length} change${(s.fields ?? []).length === 1 ? '' : 's'}`, value: 'save' },
      { separator: 'Before → after' },
      ...(await summaryLines(
        answers.filter((a) => s.fields?.includes(a.key as Field)),
        s,
        'line' as const,
      )),
      ...asCodeEntries(),
    ],
    get: () => 'save',
    set: async (s, choice) => (isAsCodeChoice(choice) ? asCode?.(s, choice).then(() => 'again' as const) : undefined),
  });
}

export function updateDefinitionSteps(ctx: StepContext): Step<State>[] {
  const { name, current } = ctx;
  return [
    pickManyStep<State, Field>({
      title: 'What to change',
      placeholder: `Select what to change on ${name} (its OS, generation and publisher/offer/SKU cannot change)`,
      items: () => FIELDS.map((f) => ({ label: LABELS[f], description: shown(f, current), value: f })),
      get: (s) => s.fields,
      set: (s, v) => (s.fields = v),
    }),
    // Each value is asked when its field was picked.
    ...askedSteps(ctx.answers, (key, s) => s.fields?.includes(fieldOf(key)) ?? false),
    summaryStep(ctx),
  ];
}
