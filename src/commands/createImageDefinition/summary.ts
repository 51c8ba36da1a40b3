// The summary: Create (or Advanced… the first time), then a line per answer, each going back to its step.
import { summaryLines } from '../../ui/answers';
import { asCodeEntries, isAsCodeChoice, type AsCodeChoice } from '../../ui/asCodeItems';
import { pickStep, type PickEntry, type Step } from '../../ui/wizard';
import type { DefinitionAnswers } from './options';
import type { State, SummaryChoice } from './types';

async function summary(s: State, answers: DefinitionAnswers, withAdvancedItem: boolean): Promise<PickEntry<SummaryChoice>[]> {
  const entries: PickEntry<SummaryChoice>[] = [{ label: '$(check) Create image definition', detail: `${s.name} in ${s.gallery?.gallery.name} (${s.gallery?.gallery.location})`, value: 'create' }];
  if (withAdvancedItem) {
    entries.push({
      label: '$(settings-gear) Advanced…',
      detail: 'Description, EULA, privacy and release-notes links, end of life, recommended vCPUs and memory, disallowed disk types, purchase plan, features, tags',
      value: 'advanced',
    });
  }
  entries.push({ separator: 'Summary' }, ...(await summaryLines([...answers.basic, ...answers.advanced], s, 'line' as const)), ...asCodeEntries());
  return entries;
}

/** The summary after the basic steps: Create, or Advanced… for the optional settings. */
/** Copies what the answers would send as code (the summary's "Copy as …"). */
export type CopyAsCode = (state: State, choice: AsCodeChoice) => Promise<unknown>;

export function firstSummaryStep(answers: DefinitionAnswers, interactive: () => boolean, asCode: CopyAsCode): Step<State> {
  return pickStep<State, SummaryChoice>({
    title: 'Summary',
    placeholder: 'Pick Create, or Advanced… for optional settings',
    when: () => interactive(),
    items: (s) => summary(s, answers, true),
    get: () => 'create',
    set: async (s, choice) => {
      if (isAsCodeChoice(choice)) return asCode(s, choice).then(() => 'again' as const);
      s.advanced = choice === 'advanced';
      return undefined;
    },
  });
}

/** The summary after the advanced steps, shown only when Advanced… was picked. */
export function finalSummaryStep(answers: DefinitionAnswers, interactive: () => boolean, asCode: CopyAsCode): Step<State> {
  return pickStep<State, SummaryChoice>({
    title: 'Summary',
    placeholder: 'Pick Create, or pick a line to change its answer',
    when: (s) => interactive() && s.advanced === true,
    items: (s) => summary(s, answers, false),
    get: () => 'create',
    set: async (s, choice) => (isAsCodeChoice(choice) ? asCode(s, choice).then(() => 'again' as const) : undefined),
  });
}
