// The summary: Create, Tags… (then the tags step and the summary again, without Tags…), and a line
// per answer that goes back to its step.
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { tagsToText } from '../../model/tags';
import { tagsStep } from '../../ui/tagsStep';
import { pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { regionLabel, summaryLine, type RegionChoice } from '../createCommon';
import { SHARING_LABELS, type State, type StepContext, type SummaryChoice } from './types';

export function summarySteps(subscriptions: SubscriptionNode[], { lookups, interactive }: StepContext): Step<State>[] {
  const { regionsOf } = lookups;
  return [
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: 'Pick Create, Tags… to add tags, or go Back to change an answer',
      when: () => interactive,
      items: async (s) => summary(s, subscriptions, await regionsOf(s.subscriptionId ?? '').catch(() => []), true),
      get: () => 'create',
      set: (s, choice) => {
        s.editTags = choice === 'tags';
      },
    }),
    tagsStep<State>({
      when: (s) => interactive && s.editTags === true,
      get: (s) => s.tags,
      set: (s, t) => (s.tags = t),
    }),
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: 'Pick Create, or go Back to change an answer',
      when: (s) => interactive && s.editTags === true,
      items: async (s) => summary(s, subscriptions, await regionsOf(s.subscriptionId ?? '').catch(() => []), false),
      get: () => 'create',
      set: () => undefined,
    }),
  ];
}

function summary(s: State, subscriptions: SubscriptionNode[], regions: RegionChoice[], withTagsItem: boolean): PickEntry<SummaryChoice>[] {
  const sub = subscriptions.find((n) => n.subscription.subscriptionId.toLowerCase() === s.subscriptionId?.toLowerCase());
  const sharing = s.sharing ?? 'Private';
  const lines: PickEntry<SummaryChoice>[] = [
    { label: '$(check) Create gallery', detail: `${s.name} in ${regionLabel(regions, s.location ?? '')}, ${SHARING_LABELS[sharing].toLowerCase()}`, value: 'create' },
    ...(withTagsItem ? [{ label: '$(tag) Tags…', detail: 'Resource tags as name=value pairs', value: 'tags' as const }] : []),
    { separator: 'Summary' },
    summaryLine('Subscription', sub?.subscription.name ?? s.subscriptionId ?? '', 'Subscription', 'line' as const),
    summaryLine('Resource group', `${s.resourceGroup}${s.newResourceGroup ? ' (new, created first)' : ''}`, s.newResourceGroup ? 'New resource group' : 'Resource group', 'line' as const),
    summaryLine('Name', s.name ?? '', 'Name', 'line' as const),
    summaryLine('Region', regionLabel(regions, s.location ?? ''), 'Region', 'line' as const),
    summaryLine('Description', s.description ?? '(none)', 'Description', 'line' as const),
    summaryLine('Sharing', SHARING_LABELS[sharing], 'Sharing', 'line' as const),
  ];
  if (s.tags && Object.keys(s.tags).length > 0) lines.push(summaryLine('Tags', tagsToText(s.tags), 'Tags', 'line' as const));
  if (sharing === 'Community') {
    lines.push(
      summaryLine('Publisher website', s.publisherUri ?? '', 'Publisher website', 'line' as const),
      summaryLine('Publisher e-mail', s.publisherContact ?? '', 'Publisher e-mail', 'line' as const),
      summaryLine('Legal agreement', s.eula ?? '', 'Legal agreement', 'line' as const),
      summaryLine('Public name', `${s.publicNamePrefix ?? ''}-<GUID Azure adds>`, 'Public name prefix', 'line' as const),
      {
        label: '$(warning) Shown publicly',
        description: 'publisher details and public name, once community sharing is enabled',
        value: 'line',
        refusal: 'The publisher details are public once community sharing is enabled: pick Create, or go Back to change them.',
      },
    );
  }
  return lines;
}
