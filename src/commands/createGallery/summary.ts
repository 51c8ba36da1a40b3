// The summary: Create, Tags… (then the tags step and the summary again, without Tags…), and a line
// per answer that goes back to its step.
import { summaryLines } from '../../ui/answers';
import { asCodeEntries, isAsCodeChoice } from '../../ui/asCodeItems';
import { pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { regionLabel } from '../createCommon';
import type { GalleryAnswers } from './options';
import { SHARING_LABELS, type State, type StepContext, type SummaryChoice } from './types';

export function summarySteps(answers: GalleryAnswers, context: StepContext): Step<State>[] {
  const { lookups, interactive } = context;
  const summaryStep = (withTagsItem: boolean) =>
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: withTagsItem ? 'Pick Create, Tags… to add tags, or pick a line to change its answer' : 'Pick Create, or go Back to change an answer',
      when: (s) => interactive && (withTagsItem || s.editTags === true),
      items: async (s) => summary(s, answers, regionLabel(await lookups.regionsOf(s.subscriptionId ?? '').catch(() => []), s.location ?? ''), withTagsItem),
      get: () => 'create',
      set: async (s, choice) => {
        if (isAsCodeChoice(choice)) {
          await context.asCode?.(s, choice);
          return 'again';
        }
        if (withTagsItem) s.editTags = choice === 'tags';
        return undefined;
      },
    });
  return [summaryStep(true), ...answers.tags.steps, summaryStep(false)];
}

async function summary(s: State, answers: GalleryAnswers, region: string, withTagsItem: boolean): Promise<PickEntry<SummaryChoice>[]> {
  const sharing = s.sharing ?? 'Private';
  const lines: PickEntry<SummaryChoice>[] = [
    { label: '$(check) Create gallery', detail: `${s.name} in ${region}, ${SHARING_LABELS[sharing].toLowerCase()}`, value: 'create' },
    ...(withTagsItem ? [{ label: '$(tag) Tags…', detail: 'Resource tags as name=value pairs', value: 'tags' as const }] : []),
    { separator: 'Summary' },
    ...(await summaryLines([...answers.placement, answers.description, answers.sharing, answers.tags, answers.softDelete, ...answers.community], s, 'line' as const)),
  ];
  lines.push(...asCodeEntries());
  if (sharing === 'Community') {
    lines.push({
      label: '$(warning) Shown publicly',
      description: 'publisher details and public name, once community sharing is enabled',
      value: 'line',
      refusal: 'The publisher details are public once community sharing is enabled: pick Create, or go Back to change them.',
    });
  }
  return lines;
}
