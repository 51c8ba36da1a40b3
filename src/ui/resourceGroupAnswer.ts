// The resource group of something new: an existing group picked from the subscription's list, or a
// new one named here and created only when the user confirms (in the new resource's region).
import { validateResourceGroupName } from '../model/names';
import { mostUsedRegion } from '../model/replication';
import { sameOption, type Answer } from './answers';
import { inputStep, pickStep, type PickEntry } from './wizard';

export interface GroupInfo {
  name: string;
  location: string;
}

type GroupChoice = { kind: 'new' } | { kind: 'existing'; name: string; location: string };

/** What the state holds: the group's name, whether it is new, and the region (the group's preselects it). */
export interface ResourceGroupState {
  resourceGroup?: string;
  newResourceGroup?: boolean;
  location?: string;
  /** Where the region list starts for a new group: the region most of the subscription's groups are in. */
  usualLocation?: string;
}

export interface ResourceGroupAnswerOptions<S> {
  /** What goes in the group: "the gallery". */
  what: string;
  groupsOf(state: S): Promise<readonly GroupInfo[]>;
  groupExists(state: S, name: string): Promise<GroupInfo | undefined>;
}

export function resourceGroupAnswer<S extends ResourceGroupState, O extends { resourceGroup?: string }>(o: ResourceGroupAnswerOptions<S>): Answer<S, O> {
  return {
    key: 'resourceGroup',
    label: 'Resource group',
    required: true,
    ...sameOption<S, O, 'resourceGroup'>('resourceGroup'),
    check: (s) => validateResourceGroupName(s.resourceGroup ?? ''),
    summary: (s) => ({
      value: `${s.resourceGroup}${s.newResourceGroup ? ' (new, created first)' : ''}`,
      step: s.newResourceGroup ? 'New resource group' : 'Resource group',
    }),
    steps: [
      pickStep<S, GroupChoice>({
        title: 'Resource group',
        placeholder: `The resource group for ${o.what}: pick one, or create a new one`,
        items: async (s): Promise<PickEntry<GroupChoice>[]> => [
          { label: '$(add) Create new resource group…', detail: `Created in ${o.what}'s region when you confirm, not before`, value: { kind: 'new' } },
          { separator: 'Existing resource groups' },
          ...(await o.groupsOf(s)).map((g) => ({ label: g.name, description: g.location, value: { kind: 'existing' as const, name: g.name, location: g.location } })),
        ],
        get: (s) => (s.newResourceGroup ? { kind: 'new' } : s.resourceGroup ? { kind: 'existing', name: s.resourceGroup, location: '' } : undefined),
        same: (a, b) => a.kind === b.kind && (a.kind === 'new' || a.name.toLowerCase() === (b as { name: string }).name.toLowerCase()),
        set: async (s, choice) => {
          if (choice.kind === 'new') {
            if (!s.newResourceGroup) s.resourceGroup = undefined;
            s.newResourceGroup = true;
            s.usualLocation = mostUsedRegion((await o.groupsOf(s).catch(() => [])).map((g) => g.location));
          } else {
            s.newResourceGroup = false;
            s.resourceGroup = choice.name;
            s.location ??= choice.location;
          }
        },
      }),
      inputStep<S>({
        title: 'New resource group',
        prompt: 'Name of the new resource group (letters, digits, underscores, hyphens, periods and parentheses; up to 90)',
        placeholder: 'e.g. rg-images',
        when: (s) => s.newResourceGroup === true,
        get: (s) => s.resourceGroup,
        set: (s, v) => (s.resourceGroup = v),
        validate: validateResourceGroupName,
        validateAsync: async (v, s) =>
          (await o.groupExists(s, v).catch(() => undefined))
            ? `A resource group named "${v}" already exists in this subscription: go Back and pick it from the list, or type another name.`
            : undefined,
      }),
    ],
  };
}
