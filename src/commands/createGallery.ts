// Create Gallery: subscription → resource group (existing, or new — created only at the end) →
// name → region → description → sharing (Private, Direct share, Community + publisher details)
// → summary → create with progress → reveal in the tree.
import * as vscode from 'vscode';
import type { Gallery, SharingPermission } from '../azure/types';
import type { NewCommunityInfo, NewGallery } from '../azure/writeTypes';
import { legalAgreementWarning, publisherUriWarning, validateLegalAgreementUri, validatePublicNamePrefix, validatePublisherEmail, validatePublisherUri } from '../model/communityInfo';
import { validateGalleryName, validateResourceGroupName } from '../model/names';
import { describeSharingKind } from '../model/sharing';
import type { Explorer } from '../tree/explorer';
import { SubscriptionNode } from '../tree/nodes/subscriptionNode';
import { isTransient, failureMessage } from '../ui/failures';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { inputStep, pickStep, runWizard, type PickEntry, type Prompter, type Step } from '../ui/wizard';
import { tagsToText, validateTags, type Tags } from '../model/tags';
import { tagsStep } from '../ui/tagsStep';
import {
  lazyByKey,
  pollIntervalMs,
  prompterOf,
  regionLabel,
  reloadAndReveal,
  signedInSubscriptions,
  splitArguments,
  subscriptionNode,
  summaryLine,
  waitCancellably,
  type CommonCreateOptions,
  type RegionChoice,
} from './createCommon';

export const CREATE_GALLERY_COMMAND = 'azureComputeGallery.createGallery';
const TITLE = 'Create Gallery';

/** Every answer of Create Gallery; all required ones given → no prompts. */
export interface CreateGalleryOptions extends CommonCreateOptions {
  subscriptionId?: string;
  /** An existing resource group, or a new one (created in the gallery's region). */
  resourceGroup?: string;
  name?: string;
  /** Region name, e.g. eastus. */
  location?: string;
  description?: string;
  sharing?: SharingPermission;
  /** Required when sharing is Community. */
  community?: Partial<NewCommunityInfo>;
  /** Resource tags (Azure's tag rules: model/tags.ts). */
  tags?: Record<string, string>;
}

interface State {
  subscriptionId?: string;
  resourceGroup?: string;
  /** The resource group does not exist yet: it is created, in the gallery's region, at the end. */
  newResourceGroup?: boolean;
  name?: string;
  location?: string;
  description?: string;
  sharing?: SharingPermission;
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
  publicNamePrefix?: string;
  /** The user acknowledged that community publisher details are public. */
  publicNoticeSeen?: boolean;
  tags?: Tags;
  /** "Tags…" was picked in the summary. */
  editTags?: boolean;
}

type GroupChoice = { kind: 'new' } | { kind: 'existing'; name: string; location: string };
type SummaryChoice = 'create' | 'tags' | 'line';

const SHARING_LABELS: Record<SharingPermission, string> = { Private: 'Private', Groups: 'Direct share', Community: 'Community' };
const SHARING_ICONS: Record<SharingPermission, string> = { Private: 'lock', Groups: 'organization', Community: 'globe' };
const SHARING_KINDS: SharingPermission[] = ['Private', 'Groups', 'Community'];

const COMMUNITY_FIELDS = [
  { key: 'publisherUri', title: 'Publisher website', prompt: 'The publisher\'s website, shown publicly to every Azure user, e.g. https://www.contoso.com/', validate: validatePublisherUri, warn: publisherUriWarning },
  { key: 'publisherContact', title: 'Publisher e-mail', prompt: 'The publisher\'s support e-mail address, shown publicly to every Azure user, e.g. support@contoso.com', validate: validatePublisherEmail },
  { key: 'eula', title: 'Legal agreement', prompt: 'A link to the legal agreement (EULA) for the images, shown publicly to every Azure user, e.g. https://www.contoso.com/eula', validate: validateLegalAgreementUri, warn: legalAgreementWarning },
  {
    key: 'publicNamePrefix',
    title: 'Public name prefix',
    prompt: 'The prefix of the public gallery name (5–16 letters and digits); Azure appends "-" and a GUID. Shown publicly to every Azure user.',
    validate: validatePublicNamePrefix,
  },
] as const;

type CommunityKey = (typeof COMMUNITY_FIELDS)[number]['key'];

export async function createGallery(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const { node, options } = splitArguments<SubscriptionNode, CreateGalleryOptions>(args, (v): v is SubscriptionNode => v instanceof SubscriptionNode);
  const prompter = prompterOf(options);
  const subscriptions = await signedInSubscriptions(explorer);
  const azure = explorer.azure();

  const targetOf = (subscriptionId: string) => {
    const sub = subscriptionNode(explorer, subscriptionId);
    if (!sub) throw new Error(`Subscription ${subscriptionId} is not among the signed-in subscriptions.`);
    return sub.subscription.target;
  };
  const groupsOf = lazyByKey((id) => azure.listResourceGroups(targetOf(id)));
  const galleriesOf = lazyByKey((id) => azure.listGalleries(targetOf(id)));
  const regionsOf = lazyByKey(async (id): Promise<RegionChoice[]> => {
    const t = targetOf(id);
    return azure.listLocations(t.cloud, t.credential, t.userAgent, t.subscriptionId);
  });

  const nameTaken = async (subscriptionId: string | undefined, name: string, resourceGroup?: string): Promise<string | undefined> => {
    if (!subscriptionId) return undefined;
    try {
      const clash = (await galleriesOf(subscriptionId)).find((g) => g.name.toLowerCase() === name.toLowerCase());
      // A create that failed leaves a Failed gallery behind: creating it again in its group repairs it.
      if (clash?.provisioningState === 'Failed' && clash.resourceGroup.toLowerCase() === resourceGroup?.toLowerCase()) return undefined;
      return clash
        ? `A gallery named "${clash.name}" already exists in this subscription (resource group ${clash.resourceGroup}). Gallery names are unique per subscription: choose another name.`
        : undefined;
    } catch (error) {
      log().warn(`Create Gallery: could not check whether "${name}" is free: ${(error as Error).message}`);
      return undefined; // Azure checks again when the gallery is created
    }
  };
  const groupExists = async (subscriptionId: string, name: string) =>
    (await groupsOf(subscriptionId)).find((g) => g.name.toLowerCase() === name.toLowerCase());

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
  check('name', 'Name', state.name === undefined ? undefined : validateGalleryName(state.name) ?? (given.has('subscriptionId') ? await nameTaken(state.subscriptionId, state.name, state.resourceGroup) : undefined));
  check('location', 'Region', state.location === '' ? 'Enter a region name such as eastus.' : undefined);
  check('description', 'Description', undefined);
  check('sharing', 'Sharing', state.sharing === undefined || SHARING_KINDS.includes(state.sharing) ? undefined : 'Use Private, Groups (direct share) or Community.');
  for (const f of COMMUNITY_FIELDS) check(f.key, f.title, state[f.key] === undefined ? undefined : f.validate(state[f.key] ?? ''));
  check('tags', 'Tags', state.tags === undefined ? undefined : validateTags(state.tags));
  if (!interactive && problems.length > 0) {
    void notify('error', `Create Gallery: fix these answers, nothing was created. ${problems.join(' ')}`);
    return undefined;
  }
  if (interactive) for (const p of problems) log().info(`Create Gallery: asking again, ${p}`);
  if (state.sharing === 'Community' && given.has('publisherUri')) state.publicNoticeSeen = true;
  const ask = (key: keyof State) => interactive && (options.edit === true || !given.has(key));

  const steps: Step<State>[] = [
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
    inputStep<State>({
      title: 'Description',
      prompt: 'Optional: what the gallery holds (leave it empty for none)',
      placeholder: 'e.g. Golden images for production workloads',
      when: () => ask('description'),
      get: (s) => s.description,
      set: (s, v) => (s.description = v.trim() || undefined),
    }),
    pickStep<State, SharingPermission>({
      title: 'Sharing',
      placeholder: 'Who besides people you grant access with Azure RBAC can use the images?',
      when: () => ask('sharing'),
      items: () => SHARING_KINDS.map((k) => ({ label: `$(${SHARING_ICONS[k]}) ${SHARING_LABELS[k]}`, detail: sentence(describeSharingKind(k).replace(/^[^:]*:\s*/, '')), value: k })),
      get: (s) => s.sharing,
      suggest: () => 'Private',
      set: async (s, kind, p: Prompter) => {
        if (kind === 'Community' && !s.publicNoticeSeen) {
          const ok = await p.confirm({
            message: 'A community gallery shows its publisher details publicly.',
            detail:
              'The publisher website, e-mail address, legal agreement link and public name you enter next are shown to every Azure user once community sharing is enabled on the gallery. Continue with a community gallery?',
            confirmLabel: 'Continue',
          });
          if (!ok) return 'again';
          s.publicNoticeSeen = true;
        }
        s.sharing = kind;
        return undefined;
      },
    }),
    ...COMMUNITY_FIELDS.map((f) =>
      inputStep<State>({
        title: f.title,
        prompt: f.prompt,
        when: (s) => s.sharing === 'Community' && ask(f.key),
        get: (s) => s[f.key as CommunityKey],
        set: (s, v) => (s[f.key as CommunityKey] = v),
        validate: f.validate,
        warn: 'warn' in f ? f.warn : undefined,
      }),
    ),
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

  if (interactive && !(await runWizard(TITLE, steps, state, prompter))) return undefined;
  // Without prompts, "does the resource group exist?" is decided here.
  const subscriptionId = state.subscriptionId!;
  const sub = subscriptionNode(explorer, subscriptionId)!;
  const target = sub.subscription.target;
  const name = state.name!;
  const location = state.location!;
  let resourceGroup = state.resourceGroup!;
  let newResourceGroup = state.newResourceGroup ?? false;
  if (!interactive) {
    const existing = await groupExists(subscriptionId, resourceGroup).catch(() => undefined);
    newResourceGroup = !existing;
    if (existing) resourceGroup = existing.name;
  }
  const spec: NewGallery = { location, description: state.description, sharing: state.sharing ?? 'Private', tags: state.tags };
  if (spec.sharing === 'Community') {
    spec.community = { publisherUri: state.publisherUri!, publisherContact: state.publisherContact!, eula: state.eula!, publicNamePrefix: state.publicNamePrefix! };
  }

  let created: Gallery | undefined;
  let failure: unknown;
  try {
    const outcome = await waitCancellably(`Creating gallery ${name}`, options.abortSignal, async (signal, progress) => {
      if (newResourceGroup) {
        progress.report({ message: `creating resource group ${resourceGroup} in ${location}…` });
        await azure.createResourceGroup(target, resourceGroup, location);
      }
      progress.report({ message: 'waiting for Azure…' });
      return azure.createGallery(target, resourceGroup, name, spec, { pollIntervalMs: pollIntervalMs(), abortSignal: signal });
    });
    if (!outcome) {
      // Cancel stops the waiting only: Azure carries on, and the tree shows where it stands.
      explorer.reload(sub);
      void notify('info', `Stopped waiting for gallery ${name}. Azure goes on creating it: refresh the subscription to see its state.`);
      return undefined;
    }
    created = outcome.value;
  } catch (error) {
    failure = error;
    logFailure(`Create Gallery ${name}`, error);
    // The connection dropped or Azure failed mid-way: the gallery may exist all the same. Look
    // before offering to try again, so a write is never repeated blindly.
    created = isTransient(error) ? await azure.getGallery(target, resourceGroup, name).catch(() => undefined) : undefined;
    if (created) log().info(`Create Gallery ${name}: the answer was lost, but Azure has the gallery (${created.provisioningState ?? 'unknown state'}).`);
  }
  if (!created) {
    const retry: CreateGalleryOptions = {
      subscriptionId,
      resourceGroup,
      name,
      location,
      description: state.description,
      sharing: spec.sharing,
      community: spec.community,
      tags: state.tags,
      edit: true,
      prompter: options.prompter,
    };
    void notify('error', failureMessage(`create gallery "${name}"`, failure), 'Edit and Try Again').then((action) =>
      action ? vscode.commands.executeCommand(CREATE_GALLERY_COMMAND, retry) : undefined,
    );
    return undefined;
  }
  log().info(`Created gallery ${created.id}`);
  const galleryNode = await reloadAndReveal(explorer, sub, created.id);
  const regionName = (await regionsOf(subscriptionId).catch(() => [])).find((r) => r.name === location)?.displayName ?? location;
  void notify('info', `Created gallery ${created.name} (${SHARING_LABELS[spec.sharing]}) in ${regionName}.`, 'Create Image Definition').then((action) =>
    action ? vscode.commands.executeCommand('azureComputeGallery.createImageDefinition', galleryNode) : undefined,
  );
  return created;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
