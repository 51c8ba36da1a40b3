// Stop Sharing with Subscriptions or Tenants: the groups picked (or named in the options) lose
// the gallery's images, after a confirmation naming who loses access.
import type { Gallery } from '../../azure/types';
import { parseGuidList } from '../../model/guids';
import { sharedIds, type SharingGroupType } from '../../model/sharing';
import { countOf, idsNotShared, listInWords } from '../../model/sharingChanges';
import type { Explorer } from '../../tree/explorer';
import { attempt, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { pickManyStep, runWizard, type PickEntry, type Step } from '../../ui/wizard';
import { pollIntervalMs } from '../createCommon';
import type { SubjectUser } from '../../model/usage';
import { warningUnlessConfirmed } from '../imageUsage';
import { galleryCommand, knownTenants, showGalleryUpdate, subscriptionLabel, subscriptionNames, tenantLabel, withProgress } from '../manageCommon';
import { REMOVE_TITLE, TYPE_WORDS, idsAnswer, profileOf, readSharing, type DirectShareOptions, type TypedIds } from './common';
import { askedSteps, asker, optionsOf, readAnswers, type Answer } from '../../ui/answers';

const NOTHING_CHANGED = 'Nothing was changed.';

export type RemoveSharingOptions = DirectShareOptions;

type Group = { type: SharingGroupType; id: string };

interface RemoveState extends TypedIds {
  chosen?: Group[];
}

const idsOf = (chosen: readonly Group[] | undefined, type: SharingGroupType) => (chosen ?? []).filter((g) => g.type === type).map((g) => g.id);

/**
 * The ids given as options (checked before anything is read or sent) stand for the pick; the pick
 * (its step built once the gallery's groups are known) is what Edit and Try Again gives back.
 */
function removeAnswers(pick?: Step<RemoveState>): Answer<RemoveState, RemoveSharingOptions>[] {
  const chosen: Answer<RemoveState, RemoveSharingOptions> = {
    key: 'chosen',
    label: 'Stop sharing with',
    required: true,
    read: (_o, s) => {
      if (s.subscriptionIds === undefined && s.tenantIds === undefined) return;
      s.chosen = [
        ...parseGuidList(s.subscriptionIds ?? '').ids.map((id) => ({ type: 'Subscriptions' as const, id })),
        ...parseGuidList(s.tenantIds ?? '').ids.map((id) => ({ type: 'AADTenants' as const, id })),
      ];
    },
    write: () => undefined,
    steps: pick ? [pick] : [],
  };
  const text = (type: SharingGroupType) => (s: RemoveState) => idsOf(s.chosen, type).join(', ') || undefined;
  return [idsAnswer('Subscriptions', [], text('Subscriptions')), idsAnswer('AADTenants', [], text('AADTenants')), chosen];
}

export async function removeSharingGroups(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const command = await galleryCommand<RemoveSharingOptions>(explorer, args, REMOVE_TITLE);
  if (!command) return undefined;
  const { node, options, prompter, azure, target, name } = command;
  const names = subscriptionNames(explorer);
  let tenantNames = new Map<string, string>();
  const label = (type: SharingGroupType, id: string) => `${TYPE_WORDS[type].one} ${type === 'Subscriptions' ? subscriptionLabel(names, id) : tenantLabel(tenantNames, id)}`;

  const state: RemoveState = {};
  const read = await readAnswers(removeAnswers(), options, state);
  if (read.problems.length > 0) throw inputFailure(REMOVE_TITLE, read.problems, NOTHING_CHANGED);

  const gallery = await readSharing(explorer, node);
  const profile = profileOf(gallery);
  const current = sharedIds(profile);
  if (current.tenants.length > 0) tenantNames = await knownTenants(explorer, target);
  const all = [
    ...current.subscriptions.map((id) => ({ type: 'Subscriptions' as const, id })),
    ...current.tenants.map((id) => ({ type: 'AADTenants' as const, id })),
  ];
  const sharedWith = all.length > 0 ? `It is shared with ${listInWords(all.map((g) => label(g.type, g.id)))}.` : `It is not shared with any subscription or tenant (sharing: ${gallery.permissions === 'Groups' ? 'direct share, nobody added' : gallery.permissions}).`;

  const { interactive } = read;
  if (!interactive) {
    const notThere = (['Subscriptions', 'AADTenants'] as const).flatMap((type) => idsNotShared(profile, type, idsOf(state.chosen, type)).map((id) => label(type, id)));
    if (notThere.length > 0) throw inputFailure(REMOVE_TITLE, [`${name} is not shared with ${listInWords(notThere)}.`, sharedWith], NOTHING_CHANGED);
  } else if (all.length === 0) {
    void notify('info', `${name} is not shared with any subscription or tenant: there is nothing to stop. ${gallery.permissions === 'Community' ? 'It is a community gallery: Reset Sharing… takes it off the public listing.' : ''}`.trim());
    return gallery;
  }

  const answers = removeAnswers(
    pickManyStep<RemoveState, Group>({
      title: 'Stop sharing with',
      placeholder: `Select the subscriptions and tenants that should lose access to ${name}`,
      items: () => {
        const out: PickEntry<Group>[] = [];
        for (const type of ['Subscriptions', 'AADTenants'] as const) {
          const list = all.filter((g) => g.type === type);
          if (list.length === 0) continue;
          out.push({ separator: type === 'Subscriptions' ? 'Subscriptions' : 'Tenants' });
          for (const g of list) {
            const known = type === 'Subscriptions' ? names.get(g.id) : tenantNames.get(g.id.toLowerCase());
            out.push({ label: known ?? g.id, description: known ? g.id : TYPE_WORDS[type].one, value: g });
          }
        }
        return out;
      },
      get: (s) => s.chosen,
      same: (a, b) => a.type === b.type && a.id === b.id,
      set: (s, v) => (s.chosen = v),
    }),
  );
  if (interactive) {
    for (;;) {
      if (!(await runWizard(REMOVE_TITLE, askedSteps(answers, asker(read, options.edit)), state, prompter))) return undefined;
      if ((state.chosen ?? []).length > 0) break;
    }
  }
  const chosen = state.chosen ?? [];
  // VMs and scale sets in the subscriptions losing access that use its images through the share.
  const tenantOf = new Map(explorer.root.subscriptions.map((s) => [s.subscription.subscriptionId.toLowerCase(), s.subscription.tenantId.toLowerCase()]));
  const losing = (u: SubjectUser) =>
    u.form === 'shared' && chosen.some((g) => g.id.toLowerCase() === (g.type === 'Subscriptions' ? u.subscriptionId.toLowerCase() : tenantOf.get(u.subscriptionId.toLowerCase())));
  const users = await warningUnlessConfirmed(explorer, node, 'stopSharing', options.confirmed, losing);
  if (!options.confirmed) {
    const ok = await prompter.confirm({
      message: `Stop sharing ${name} with ${countOf(chosen.length, 'subscription or tenant', 'subscriptions and tenants')}?`,
      detail: `Who loses access:\n${chosen.map((g) => `• everyone in ${label(g.type, g.id)}`).join('\n')}\n\nThey keep access they have through Azure RBAC (Manage Access…).${users ? `\n\n${users}` : ''}`,
      confirmLabel: 'Stop Sharing',
    });
    if (!ok) return undefined;
  }
  const removals = (['Subscriptions', 'AADTenants'] as const).map((type) => ({ type, ids: idsOf(chosen, type) })).filter((g) => g.ids.length > 0);
  // The same removal again (Retry), or the pick again with it checked (Edit and Try Again).
  const again = { answers: optionsOf(answers, state, { gallery: node.resourceId, confirmed: options.confirmed, prompter: options.prompter } satisfies RemoveSharingOptions), edit: true };
  const updated = await attempt(
    `stop sharing ${name}`,
    () =>
      explorer.busyWhile(node, 'Stopping sharing…', () =>
        withProgress(`Stopping sharing of ${name}`, () => azure.updateSharing(target, gallery.resourceGroup, name, 'Remove', removals, { pollIntervalMs: pollIntervalMs() })),
      ),
    again,
  );
  showGalleryUpdate(explorer, node, updated);
  log().info(`${REMOVE_TITLE}: ${node.resourceId} − ${JSON.stringify(removals)}`);
  void notify('info', `${name} is no longer shared with ${listInWords(chosen.map((g) => label(g.type, g.id)))}.`);
  return updated;
}
