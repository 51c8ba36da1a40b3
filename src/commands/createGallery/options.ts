// An options object read into the flow's state: each answer checked with the same rules as the
// steps, so a complete object creates without a prompt, and a wrong answer is named before
// anything is sent.
import { validateGalleryName, validateResourceGroupName } from '../../model/names';
import { validateTags } from '../../model/tags';
import type { Explorer } from '../../tree/explorer';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { subscriptionNode } from '../createCommon';
import { COMMUNITY_FIELDS, SHARING_KINDS, type CreateGalleryOptions, type Lookups, type State } from './types';

export interface ReadOptions {
  state: State;
  /** Some required answer is missing, or editing was asked for: the wizard runs. */
  interactive: boolean;
  given: Set<keyof State>;
  problems: string[];
}

export async function readOptions(
  explorer: Explorer,
  node: SubscriptionNode | undefined,
  options: CreateGalleryOptions,
  subscriptions: SubscriptionNode[],
  lookups: Lookups,
): Promise<ReadOptions> {
  // Answers given up front: valid ones are kept (and, unless editing, not asked again).
  const state: State = {
    subscriptionId: node?.subscription.subscriptionId ?? options.subscriptionId,
    resourceGroup: options.resourceGroup,
    name: options.name,
    location: options.location?.replace(/\s+/g, '').toLowerCase(),
    description: options.description,
    sharing: options.sharing,
    ...options.community,
    tags: options.tags,
  };
  const required: (keyof State)[] = ['subscriptionId', 'resourceGroup', 'name', 'location', 'sharing'];
  if (state.sharing === 'Community') required.push(...COMMUNITY_FIELDS.map((f) => f.key));
  const interactive = options.edit === true || required.some((k) => state[k] === undefined);
  const given = new Set<keyof State>();
  const problems: string[] = [];
  const check = (key: keyof State, label: string, message: string | undefined) => {
    if (state[key] === undefined) return;
    if (message === undefined) given.add(key);
    else problems.push(`${label}: ${message}`);
  };
  if (state.subscriptionId !== undefined) {
    check('subscriptionId', 'Subscription', subscriptionNode(explorer, state.subscriptionId) ? undefined : `${state.subscriptionId} is not one of the signed-in subscriptions (${subscriptions.map((s) => s.subscription.name).join(', ')}).`);
  }
  check('resourceGroup', 'Resource group', state.resourceGroup === undefined ? undefined : validateResourceGroupName(state.resourceGroup));
  check('name', 'Name', state.name === undefined ? undefined : validateGalleryName(state.name) ?? (given.has('subscriptionId') ? await lookups.nameTaken(state.subscriptionId, state.name, state.resourceGroup) : undefined));
  check('location', 'Region', state.location === '' ? 'Enter a region name such as eastus.' : undefined);
  check('description', 'Description', undefined);
  check('sharing', 'Sharing', state.sharing === undefined || SHARING_KINDS.includes(state.sharing) ? undefined : 'Use Private, Groups (direct share) or Community.');
  for (const f of COMMUNITY_FIELDS) check(f.key, f.title, state[f.key] === undefined ? undefined : f.validate(state[f.key] ?? ''));
  check('tags', 'Tags', state.tags === undefined ? undefined : validateTags(state.tags));
  return { state, interactive, given, problems };
}
