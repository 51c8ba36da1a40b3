// Where the gallery goes: subscription → resource group (existing, or new — created only at the
// end) → name → region.
import { validateGalleryName } from '../../model/names';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { sameOption, type Answer } from '../../ui/answers';
import { inputAnswer, pickAnswer } from '../../ui/commonAnswers';
import { resourceGroupAnswer } from '../../ui/resourceGroupAnswer';
import { regionLabel } from '../createCommon';
import type { CreateGalleryOptions, State, StepContext } from './types';

type GalleryAnswer = Answer<State, CreateGalleryOptions>;

export function placementAnswers(subscriptions: SubscriptionNode[], { lookups, given }: StepContext): GalleryAnswer[] {
  const { groupsOf, regionsOf, nameTaken, groupExists } = lookups;
  const subscriptionOf = (id: string | undefined) => subscriptions.find((s) => s.subscription.subscriptionId.toLowerCase() === id?.toLowerCase());
  return [
    pickAnswer<State, CreateGalleryOptions, string>({
      key: 'subscriptionId',
      label: 'Subscription',
      required: true,
      check: (s) =>
        subscriptionOf(s.subscriptionId) ? undefined : `${s.subscriptionId} is not one of the signed-in subscriptions (${subscriptions.map((n) => n.subscription.name).join(', ')}).`,
      summary: (s) => subscriptionOf(s.subscriptionId)?.subscription.name ?? s.subscriptionId ?? '',
      placeholder: 'The subscription the gallery is billed to',
      items: () => subscriptions.map((s) => ({ label: s.subscription.name, description: s.subscription.subscriptionId, detail: s.subscription.accountLabel, value: s.subscription.subscriptionId })),
      same: (a, b) => a.toLowerCase() === b.toLowerCase(),
      set: (s, id) => {
        if (s.subscriptionId?.toLowerCase() !== id.toLowerCase() && !given.has('resourceGroup')) {
          s.resourceGroup = undefined;
          s.newResourceGroup = undefined;
        }
        s.subscriptionId = id;
      },
    }),
    resourceGroupAnswer<State, CreateGalleryOptions>({
      what: 'the gallery',
      groupsOf: (s) => groupsOf(s.subscriptionId ?? ''),
      groupExists: (s, name) => groupExists(s.subscriptionId ?? '', name),
    }),
    inputAnswer<State, CreateGalleryOptions>({
      key: 'name',
      label: 'Name',
      required: true,
      prompt: 'Gallery name: letters, digits, periods and underscores (no dashes); up to 80; starts with a letter or digit; unique in the subscription',
      placeholder: 'e.g. contoso_images',
      validate: validateGalleryName,
      validateAsync: (v, s) => nameTaken(s.subscriptionId, v, s.newResourceGroup ? undefined : s.resourceGroup),
      // Given up front, the name is looked up only in a subscription that was accepted.
      check: async (s, accepted) => validateGalleryName(s.name ?? '') ?? (accepted.has('subscriptionId') ? await nameTaken(s.subscriptionId, s.name ?? '', s.resourceGroup) : undefined),
    }),
    pickAnswer<State, CreateGalleryOptions, string>({
      key: 'location',
      label: 'Region',
      required: true,
      option: sameOption<State, CreateGalleryOptions, 'location'>('location', (v) => v?.replace(/\s+/g, '').toLowerCase()),
      check: (s) => (s.location === '' ? 'Enter a region name such as eastus.' : undefined),
      summary: async (s) => regionLabel(await regionsOf(s.subscriptionId ?? '').catch(() => []), s.location ?? ''),
      placeholder: 'The region the gallery (and its image definitions) live in',
      items: async (s) => (await regionsOf(s.subscriptionId ?? '')).map((r) => ({ label: r.displayName, description: r.name, value: r.name })),
      // An existing group's region is already the answer; a new group's list starts on the usual one.
      suggest: (s) => s.usualLocation,
      same: (a, b) => a.toLowerCase() === b.toLowerCase(),
    }),
  ];
}
