// Where the gallery goes: subscription → resource group (existing, or new — created only at the
// end) → name → region.
import { validateGalleryName, validateResourceGroupName } from '../../model/names';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { inputStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import type { GroupChoice, State, StepContext } from './types';

export function placementSteps(subscriptions: SubscriptionNode[], { lookups, given, ask }: StepContext): Step<State>[] {
  const { groupsOf, regionsOf, nameTaken, groupExists } = lookups;
  return [
    pickStep<State, string>({
      title: 'Subscription',
      placeholder: 'The subscription the gallery is billed to',
      when: () => ask('subscriptionId'),
      items: () => subscriptions.map((s) => ({ label: s.subscription.name, description: s.subscription.subscriptionId, detail: s.subscription.accountLabel, value: s.subscription.subscriptionId })),
      get: (s) => s.subscriptionId,
      same: (a, b) => a.toLowerCase() === b.toLowerCase(),
      set: (s, id) => {
        if (s.subscriptionId?.toLowerCase() !== id.toLowerCase() && !given.has('resourceGroup')) {
          s.resourceGroup = undefined;
          s.newResourceGroup = undefined;
        }
        s.subscriptionId = id;
      },
    }),
    pickStep<State, GroupChoice>({
      title: 'Resource group',
      placeholder: 'The resource group for the gallery: pick one, or create a new one',
      when: () => ask('resourceGroup'),
      items: async (s): Promise<PickEntry<GroupChoice>[]> => {
        const groups = await groupsOf(s.subscriptionId ?? '');
        return [
          { label: '$(add) Create new resource group…', detail: 'Created in the gallery\'s region when you confirm, not before', value: { kind: 'new' } },
          { separator: 'Existing resource groups' },
          ...groups.map((g) => ({ label: g.name, description: g.location, value: { kind: 'existing' as const, name: g.name, location: g.location } })),
        ];
      },
      get: (s) => (s.newResourceGroup ? { kind: 'new' } : s.resourceGroup ? { kind: 'existing', name: s.resourceGroup, location: '' } : undefined),
      same: (a, b) => a.kind === b.kind && (a.kind === 'new' || a.name.toLowerCase() === (b as { name: string }).name.toLowerCase()),
      set: (s, choice) => {
        if (choice.kind === 'new') {
          if (!s.newResourceGroup) s.resourceGroup = undefined;
          s.newResourceGroup = true;
        } else {
          s.newResourceGroup = false;
          s.resourceGroup = choice.name;
          s.location ??= choice.location;
        }
      },
    }),
    inputStep<State>({
      title: 'New resource group',
      prompt: 'Name of the new resource group (letters, digits, underscores, hyphens, periods and parentheses; up to 90)',
      placeholder: 'e.g. rg-images',
      when: (s) => ask('resourceGroup') && s.newResourceGroup === true,
      get: (s) => s.resourceGroup,
      set: (s, v) => (s.resourceGroup = v),
      validate: validateResourceGroupName,
      validateAsync: async (v, s) =>
        (await groupExists(s.subscriptionId ?? '', v).catch(() => undefined))
          ? `A resource group named "${v}" already exists in this subscription: go Back and pick it from the list, or type another name.`
          : undefined,
    }),
    inputStep<State>({
      title: 'Name',
      prompt: 'Gallery name: letters, digits, periods and underscores (no dashes); up to 80; starts with a letter or digit; unique in the subscription',
      placeholder: 'e.g. contoso_images',
      when: () => ask('name'),
      get: (s) => s.name,
      set: (s, v) => (s.name = v),
      validate: validateGalleryName,
      validateAsync: (v, s) => nameTaken(s.subscriptionId, v, s.newResourceGroup ? undefined : s.resourceGroup),
    }),
    pickStep<State, string>({
      title: 'Region',
      placeholder: 'The region the gallery (and its image definitions) live in',
      when: () => ask('location'),
      items: async (s) => (await regionsOf(s.subscriptionId ?? '')).map((r) => ({ label: r.displayName, description: r.name, value: r.name })),
      get: (s) => s.location,
      same: (a, b) => a.toLowerCase() === b.toLowerCase(),
      set: (s, v) => {
        s.location = v;
      },
    }),
  ];
}
