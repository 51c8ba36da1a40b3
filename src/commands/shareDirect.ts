// Direct sharing (sharingProfile.permissions Groups): share a gallery with whole subscriptions and
// tenants, stop sharing with some, and show whom it is shared with. Azure adds and removes groups
// only on a gallery whose permissions are Groups: a private gallery is switched first (a gallery
// update Azure allows, after the user agrees); a community gallery must be reset first.
import * as vscode from 'vscode';
import type { Gallery } from '../azure/types';
import { parseGuidList, validateGuidList } from '../model/guids';
import { idsNotYetShared, sharedIds, sharingKindOf, whatMustChangeBeforeAdd, type SharingGroupType } from '../model/sharing';
import { countOf, idsNotShared, listInWords } from '../model/sharingChanges';
import type { Explorer } from '../tree/explorer';
import type { GalleryNode } from '../tree/nodes/galleryNode';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { inputStep, pickManyStep, pickStep, runWizard, type PickEntry, type Step } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { failureMessage } from '../ui/failures';
import {
  idList,
  prompterFor,
  resolveGallery,
  showGalleryUpdate,
  splitArgs,
  subscriptionLabel,
  subscriptionNames,
  targetOf,
  withProgress,
  withQuietProgress,
  type ManageOptions,
} from './manageCommon';

export const ADD_SHARING_COMMAND = 'azureComputeGallery.addSharingGroups';
export const REMOVE_SHARING_COMMAND = 'azureComputeGallery.removeSharingGroups';
export const SHOW_SHARING_COMMAND = 'azureComputeGallery.showSharing';
export const RESET_SHARING_COMMAND = 'azureComputeGallery.resetSharing';
const ADD_TITLE = 'Share with Subscriptions or Tenants';
const REMOVE_TITLE = 'Stop Sharing with Subscriptions or Tenants';
const SHOW_TITLE = 'Show Sharing';

export interface DirectShareOptions extends ManageOptions {
  /** The gallery's resource id. */
  gallery?: string;
  /** Subscription ids: a list, or one string with several (commas, spaces or new lines between). */
  subscriptionIds?: string | string[];
  /** Tenant (directory) ids, the same way. */
  tenantIds?: string | string[];
}

export interface AddSharingOptions extends DirectShareOptions {
  /**
   * A private gallery must be switched to direct sharing first: true switches it without asking,
   * false refuses (nothing is sent); not given asks.
   */
  switchToGroups?: boolean;
}

const TYPE_WORDS: Record<SharingGroupType, { one: string; many: string }> = {
  Subscriptions: { one: 'subscription', many: 'subscriptions' },
  AADTenants: { one: 'tenant', many: 'tenants' },
};

/** The gallery as Azure has it now, with its sharing groups (lists leave them out). */
async function freshGallery(explorer: Explorer, node: GalleryNode): Promise<Gallery> {
  return explorer.azure().getGallery(targetOf(node), node.gallery.resourceGroup, node.gallery.name);
}

function profileOf(g: Gallery) {
  return { permissions: g.permissions, groups: g.groups, communityGalleryInfo: g.community ? { communityGalleryEnabled: g.community.enabled, publicNames: g.community.publicNames, publicNamePrefix: g.community.publicNamePrefix } : undefined };
}

interface AddState {
  type?: SharingGroupType;
  ids?: string;
}

export async function addSharingGroups(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const { node: fromTree, options } = splitArgs<AddSharingOptions>(args, ['gallery']);
  const node = await resolveGallery(explorer, fromTree, options.gallery, ADD_TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const azure = explorer.azure();
  const target = targetOf(node);
  const name = node.gallery.name;
  const names = subscriptionNames(explorer);
  const label = (type: SharingGroupType, id: string) => (type === 'Subscriptions' ? subscriptionLabel(names, id) : id);

  // What was given up front is checked before anything is asked or sent.
  const given: Partial<Record<SharingGroupType, string>> = {};
  const subscriptionsText = idList(options.subscriptionIds);
  const tenantsText = idList(options.tenantIds);
  const problems = guidProblems(subscriptionsText, tenantsText);
  if (problems.length > 0) {
    void notify('error', `${ADD_TITLE}: ${problems.join(' ')} Nothing was shared.`);
    return undefined;
  }
  if (subscriptionsText !== undefined) given.Subscriptions = subscriptionsText;
  if (tenantsText !== undefined) given.AADTenants = tenantsText;

  const gallery = await readSharing(explorer, node, ADD_TITLE, name);
  if (!gallery) return undefined;
  const kind = sharingKindOf({ permissions: gallery.permissions });
  const mustChange = whatMustChangeBeforeAdd(profileOf(gallery));
  if (kind === 'Community') {
    void notify('warning', `${name}: ${mustChange}`, 'Reset Sharing…').then((a) => (a ? vscode.commands.executeCommand(RESET_SHARING_COMMAND, node) : undefined));
    return undefined;
  }
  const switchFirst = kind === 'Private';
  if (switchFirst && options.switchToGroups === false) {
    void notify('error', `${ADD_TITLE}: ${name}: ${mustChange} Nothing was changed.`);
    return undefined;
  }

  const state: AddState = {};
  const givenTypes = Object.keys(given) as SharingGroupType[];
  const interactive = givenTypes.length === 0;
  const current = sharedIds(profileOf(gallery));
  const currentOf = (type: SharingGroupType) => (type === 'Subscriptions' ? current.subscriptions : current.tenants);
  const newIds = (type: SharingGroupType, text: string) => idsNotYetShared(profileOf(gallery), type, parseGuidList(text).ids);

  const steps: Step<AddState>[] = [
    pickStep<AddState, SharingGroupType>({
      title: 'Share with',
      placeholder: `Share ${name} with everyone in whole subscriptions, or in whole tenants (directories)?`,
      items: () =>
        (['Subscriptions', 'AADTenants'] as const).map((t) => ({
          label: t === 'Subscriptions' ? '$(key) Subscriptions' : '$(organization) Tenants',
          description: `shared with ${countOf(currentOf(t).length, TYPE_WORDS[t].one, TYPE_WORDS[t].many)} now`,
          detail: t === 'Subscriptions' ? 'Everyone with access to these subscriptions can use the images' : 'Everyone in these Microsoft Entra tenants can use the images',
          value: t,
        })),
      get: (s) => s.type,
      suggest: () => 'Subscriptions',
      set: (s, t) => {
        if (s.type !== t) s.ids = undefined;
        s.type = t;
      },
    }),
    inputStep<AddState>({
      title: 'Ids',
      prompt: (s) => {
        const t = s.type ?? 'Subscriptions';
        const now = currentOf(t);
        return `${TYPE_WORDS[t].one.replace(/^./, (c) => c.toUpperCase())} ids to add, several separated by commas, spaces or new lines${now.length > 0 ? ` (already shared with ${now.length})` : ''}`;
      },
      placeholder: 'e.g. 00000000-0000-0000-0000-000000000000, 11111111-1111-1111-1111-111111111111',
      get: (s) => s.ids,
      set: (s, v) => (s.ids = v),
      validate: (v, s) => {
        const t = s.type ?? 'Subscriptions';
        const problem = validateGuidList(v, `${TYPE_WORDS[t].one} ids`);
        if (problem) return problem;
        return newIds(t, v).length === 0 ? `${name} is already shared with ${parseGuidList(v).ids.length === 1 ? 'this' : 'all of these'}: type other ids, or press Escape.` : undefined;
      },
    }),
    pickStep<AddState, 'share' | 'line'>({
      title: 'Summary',
      placeholder: 'Pick Share, or go Back to change the ids',
      items: (s) => {
        const t = s.type ?? 'Subscriptions';
        const fresh = newIds(t, s.ids ?? '');
        const already = parseGuidList(s.ids ?? '').ids.filter((id) => !fresh.includes(id));
        const lines: PickEntry<'share' | 'line'>[] = [
          { label: `$(check) Share with ${countOf(fresh.length, TYPE_WORDS[t].one, TYPE_WORDS[t].many)}`, detail: `Everyone in them can use the images of ${name}`, value: 'share' },
        ];
        if (switchFirst) {
          lines.push({ label: '$(info) First: switch to direct sharing', detail: `${name} is private; its sharing becomes "RBAC + direct share" (permissions Groups) first`, value: 'line', refusal: 'Switching to direct sharing is part of sharing a private gallery: pick Share, or press Escape.' });
        }
        lines.push({ separator: 'Added' }, ...fresh.map((id) => ({ label: label(t, id), value: 'line' as const, refusal: 'To change the ids, go Back.' })));
        if (already.length > 0) lines.push({ separator: 'Already shared (left as they are)' }, ...already.map((id) => ({ label: label(t, id), value: 'line' as const, refusal: 'To change the ids, go Back.' })));
        return lines;
      },
      get: () => 'share',
      set: () => undefined,
    }),
  ];

  if (interactive) {
    if (!(await runWizard(ADD_TITLE, steps, state, prompter))) return undefined;
    given[state.type!] = state.ids!;
  }
  const additions = (Object.keys(given) as SharingGroupType[])
    .map((t) => ({ type: t, ids: newIds(t, given[t] ?? '') }))
    .filter((g) => g.ids.length > 0);
  if (additions.length === 0) {
    void notify('info', `${name} is already shared with all of them: nothing was changed.`);
    return gallery;
  }
  if (switchFirst && options.switchToGroups !== true && !interactive) {
    const ok = await prompter.confirm({
      message: `Switch ${name} to direct sharing?`,
      detail: `${name} is private. ${mustChange}\n\nAzure allows this change: the gallery's sharing becomes "RBAC + direct share" (permissions Groups), then the ${additions.map((g) => countOf(g.ids.length, TYPE_WORDS[g.type].one, TYPE_WORDS[g.type].many)).join(' and ')} you named are added.`,
      confirmLabel: 'Switch and Share',
    });
    if (!ok) return undefined;
  }

  const what = additions.map((g) => `${TYPE_WORDS[g.type].many} ${listInWords(g.ids.map((id) => label(g.type, id)))}`).join(' and ');
  let stage = switchFirst ? 'switch' : 'add';
  try {
    const updated = await explorer.busyWhile(node, 'Sharing…', () =>
      withProgress(`Sharing ${name}`, async (report) => {
        if (switchFirst) {
          report('switching to direct sharing…');
          await azure.updateGallery(target, gallery.resourceGroup, name, { sharing: 'Groups' }, { pollIntervalMs: pollIntervalMs() });
          log().info(`${ADD_TITLE}: ${node.resourceId} switched to Groups`);
          stage = 'add';
        }
        report(`adding ${additions.map((g) => countOf(g.ids.length, TYPE_WORDS[g.type].one, TYPE_WORDS[g.type].many)).join(' and ')}…`);
        return azure.updateSharing(target, gallery.resourceGroup, name, 'Add', additions, { pollIntervalMs: pollIntervalMs() });
      }),
    );
    showGalleryUpdate(explorer, node, updated);
    log().info(`${ADD_TITLE}: ${node.resourceId} + ${JSON.stringify(additions)}`);
    void notify('info', `${name} is now shared with ${what}${switchFirst ? ' (its sharing was switched from private to direct share)' : ''}.`);
    return updated;
  } catch (error) {
    logFailure(`${ADD_TITLE} ${node.resourceId}`, error);
    if (stage === 'add' && switchFirst) {
      // The switch went through: show it, so the tree does not claim the gallery is still private.
      void freshGallery(explorer, node).then((g) => showGalleryUpdate(explorer, node, g), () => undefined);
    }
    void notify('error', failureMessage(stage === 'switch' ? `switch ${name} to direct sharing` : `share ${name} with ${what}`, error));
    return undefined;
  }
}

export type RemoveSharingOptions = DirectShareOptions;

interface RemoveState {
  chosen?: { type: SharingGroupType; id: string }[];
}

export async function removeSharingGroups(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const { node: fromTree, options } = splitArgs<RemoveSharingOptions>(args, ['gallery']);
  const node = await resolveGallery(explorer, fromTree, options.gallery, REMOVE_TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const azure = explorer.azure();
  const target = targetOf(node);
  const name = node.gallery.name;
  const names = subscriptionNames(explorer);
  const label = (type: SharingGroupType, id: string) => `${TYPE_WORDS[type].one} ${type === 'Subscriptions' ? subscriptionLabel(names, id) : id}`;

  const subscriptionsText = idList(options.subscriptionIds);
  const tenantsText = idList(options.tenantIds);
  const problems = guidProblems(subscriptionsText, tenantsText);
  if (problems.length > 0) {
    void notify('error', `${REMOVE_TITLE}: ${problems.join(' ')} Nothing was changed.`);
    return undefined;
  }

  const gallery = await readSharing(explorer, node, REMOVE_TITLE, name);
  if (!gallery) return undefined;
  const profile = profileOf(gallery);
  const current = sharedIds(profile);
  const all = [
    ...current.subscriptions.map((id) => ({ type: 'Subscriptions' as const, id })),
    ...current.tenants.map((id) => ({ type: 'AADTenants' as const, id })),
  ];
  const sharedWith = all.length > 0 ? `It is shared with ${listInWords(all.map((g) => label(g.type, g.id)))}.` : `It is not shared with any subscription or tenant (sharing: ${gallery.permissions === 'Groups' ? 'direct share, nobody added' : gallery.permissions}).`;

  const state: RemoveState = {};
  const interactive = subscriptionsText === undefined && tenantsText === undefined;
  if (!interactive) {
    const wanted = [
      ...parseGuidList(subscriptionsText ?? '').ids.map((id) => ({ type: 'Subscriptions' as const, id })),
      ...parseGuidList(tenantsText ?? '').ids.map((id) => ({ type: 'AADTenants' as const, id })),
    ];
    const notThere = [
      ...idsNotShared(profile, 'Subscriptions', wanted.filter((w) => w.type === 'Subscriptions').map((w) => w.id)).map((id) => label('Subscriptions', id)),
      ...idsNotShared(profile, 'AADTenants', wanted.filter((w) => w.type === 'AADTenants').map((w) => w.id)).map((id) => label('AADTenants', id)),
    ];
    if (notThere.length > 0) {
      void notify('error', `${REMOVE_TITLE}: ${name} is not shared with ${listInWords(notThere)}. ${sharedWith} Nothing was changed.`);
      return undefined;
    }
    state.chosen = wanted;
  } else if (all.length === 0) {
    void notify('info', `${name} is not shared with any subscription or tenant: there is nothing to stop. ${gallery.permissions === 'Community' ? 'It is a community gallery: Reset Sharing… takes it off the public listing.' : ''}`.trim());
    return gallery;
  }

  const steps: Step<RemoveState>[] = [
    pickManyStep<RemoveState, { type: SharingGroupType; id: string }>({
      title: 'Stop sharing with',
      placeholder: `Select the subscriptions and tenants that should lose access to ${name}`,
      items: () => {
        const out: PickEntry<{ type: SharingGroupType; id: string }>[] = [];
        for (const type of ['Subscriptions', 'AADTenants'] as const) {
          const list = all.filter((g) => g.type === type);
          if (list.length === 0) continue;
          out.push({ separator: type === 'Subscriptions' ? 'Subscriptions' : 'Tenants' });
          for (const g of list) out.push({ label: type === 'Subscriptions' && names.has(g.id) ? names.get(g.id)! : g.id, description: type === 'Subscriptions' && names.has(g.id) ? g.id : TYPE_WORDS[type].one, value: g });
        }
        return out;
      },
      get: (s) => s.chosen,
      same: (a, b) => a.type === b.type && a.id === b.id,
      set: (s, v) => (s.chosen = v),
    }),
  ];
  if (interactive) {
    for (;;) {
      if (!(await runWizard(REMOVE_TITLE, steps, state, prompter))) return undefined;
      if ((state.chosen ?? []).length > 0) break;
    }
  }
  const chosen = state.chosen ?? [];
  if (!options.confirmed) {
    const ok = await prompter.confirm({
      message: `Stop sharing ${name} with ${countOf(chosen.length, 'subscription or tenant', 'subscriptions and tenants')}?`,
      detail: `Who loses access:\n${chosen.map((g) => `• everyone in ${label(g.type, g.id)}`).join('\n')}\n\nThey keep access they have through Azure RBAC (Manage Access…).`,
      confirmLabel: 'Stop Sharing',
    });
    if (!ok) return undefined;
  }
  const removals = (['Subscriptions', 'AADTenants'] as const)
    .map((type) => ({ type, ids: chosen.filter((g) => g.type === type).map((g) => g.id) }))
    .filter((g) => g.ids.length > 0);
  try {
    const updated = await explorer.busyWhile(node, 'Stopping sharing…', () =>
      withProgress(`Stopping sharing of ${name}`, () => azure.updateSharing(target, gallery.resourceGroup, name, 'Remove', removals, { pollIntervalMs: pollIntervalMs() })),
    );
    showGalleryUpdate(explorer, node, updated);
    log().info(`${REMOVE_TITLE}: ${node.resourceId} − ${JSON.stringify(removals)}`);
    void notify('info', `${name} is no longer shared with ${listInWords(chosen.map((g) => label(g.type, g.id)))}.`);
    return updated;
  } catch (error) {
    logFailure(`${REMOVE_TITLE} ${node.resourceId}`, error);
    void notify('error', failureMessage(`stop sharing ${name}`, error));
    return undefined;
  }
}

/** Whom a gallery is shared with, as Show Sharing reports it. */
export interface SharingReport {
  permissions: string;
  subscriptions: string[];
  tenants: string[];
  publicNames: string[];
  communityEnabled: boolean;
}

type ShowChoice = 'add' | 'remove' | 'reset' | 'public' | 'line';

export async function showSharing(explorer: Explorer, ...args: unknown[]): Promise<SharingReport | undefined> {
  const { node: fromTree, options } = splitArgs<{ gallery?: string } & ManageOptions>(args, ['gallery']);
  const node = await resolveGallery(explorer, fromTree, options.gallery, SHOW_TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const names = subscriptionNames(explorer);
  let gallery: Gallery;
  try {
    gallery = await withQuietProgress(`Reading the sharing of ${node.gallery.name}`, () => freshGallery(explorer, node));
  } catch (error) {
    logFailure(`${SHOW_TITLE} ${node.resourceId}`, error);
    void notify('error', failureMessage(`read the sharing of gallery ${node.gallery.name}`, error));
    return undefined;
  }
  showGalleryUpdate(explorer, node, gallery);
  const { subscriptions, tenants } = sharedIds(profileOf(gallery));
  const report: SharingReport = {
    permissions: gallery.permissions,
    subscriptions,
    tenants,
    publicNames: gallery.community?.publicNames ?? [],
    communityEnabled: gallery.community?.enabled ?? false,
  };
  const kind = gallery.permissions;
  const info = (label: string, description?: string): PickEntry<ShowChoice> => ({ label, description, value: 'line', refusal: 'This line only informs: pick an action, or press Escape.' });
  const items: PickEntry<ShowChoice>[] = [];
  if (kind !== 'Community') items.push({ label: '$(add) Share with subscriptions or tenants…', value: 'add' });
  if (subscriptions.length + tenants.length > 0) items.push({ label: '$(remove) Stop sharing with some…', value: 'remove' });
  if (kind !== 'Community' || !report.communityEnabled) items.push({ label: '$(globe) Share publicly…', value: 'public' });
  if (kind !== 'Private') items.push({ label: '$(discard) Reset sharing…', detail: 'Back to private: only Azure RBAC gives access', value: 'reset' });
  items.push({ separator: kind === 'Private' ? 'Private: only people with Azure RBAC access' : kind === 'Groups' ? 'Direct share' : 'Community' });
  for (const id of subscriptions) items.push(info(`$(key) ${names.get(id) ?? id}`, names.has(id) ? `subscription ${id}` : 'subscription'));
  for (const id of tenants) items.push(info(`$(organization) ${id}`, 'tenant'));
  if (kind === 'Groups' && subscriptions.length + tenants.length === 0) items.push(info('Not shared with any subscription or tenant yet'));
  for (const n of report.publicNames) items.push(info(`$(globe) ${n}`, report.communityEnabled ? 'public name' : 'public name (not published yet)'));
  const answer = await prompter.pick<ShowChoice>({ title: `${SHOW_TITLE}: ${gallery.name}`, step: 1, totalSteps: 1, canGoBack: false, placeholder: `Whom ${gallery.name} is shared with`, items });
  const next: Partial<Record<ShowChoice, string>> = { add: ADD_SHARING_COMMAND, remove: REMOVE_SHARING_COMMAND, reset: RESET_SHARING_COMMAND, public: 'azureComputeGallery.sharePublicly' };
  if (typeof answer === 'string' && next[answer]) await vscode.commands.executeCommand(next[answer]!, node, { prompter: options.prompter });
  return report;
}

/** What is wrong with the subscription and tenant ids given as options (nothing is sent if any). */
function guidProblems(subscriptionsText: string | undefined, tenantsText: string | undefined): string[] {
  const problems: string[] = [];
  const subscriptions = subscriptionsText === undefined ? undefined : validateGuidList(subscriptionsText, 'subscription ids');
  if (subscriptions) problems.push(`Subscriptions: ${subscriptions}`);
  const tenants = tenantsText === undefined ? undefined : validateGuidList(tenantsText, 'tenant ids');
  if (tenants) problems.push(`Tenants: ${tenants}`);
  return problems;
}

/** The gallery with its current sharing groups, or undefined after telling the user why not. */
async function readSharing(explorer: Explorer, node: GalleryNode, title: string, name: string): Promise<Gallery | undefined> {
  try {
    return await freshGallery(explorer, node);
  } catch (error) {
    logFailure(`${title} ${node.resourceId}`, error);
    void notify('error', failureMessage(`read the sharing of gallery ${name}`, error));
    return undefined;
  }
}
