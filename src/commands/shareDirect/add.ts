// Share with Subscriptions or Tenants: whole subscriptions and tenants get the gallery's images
// (sharingProfile.permissions Groups). Azure adds groups only on a gallery whose permissions are
// Groups: a private gallery is switched first (a gallery update Azure allows, after the user
// agrees); a community gallery must be reset first.
import type { Gallery } from '../../azure/types';
import { parseGuidList, validateGuidList } from '../../model/guids';
import { idsNotYetShared, sharedIds, sharingKindOf, whatMustChangeBeforeAdd, type SharingGroupType } from '../../model/sharing';
import { countOf, listInWords } from '../../model/sharingChanges';
import type { Explorer } from '../../tree/explorer';
import { azureFailure, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { inputStep, pickStep, runWizard, type PickEntry, type Step } from '../../ui/wizard';
import { pollIntervalMs } from '../createCommon';
import { galleryCommand, idList, showGalleryUpdate, subscriptionLabel, subscriptionNames, withProgress } from '../manageCommon';
import { resetSharingFirst } from '../shareReset';
import { ADD_TITLE, TYPE_WORDS, freshGallery, guidProblems, profileOf, readSharing, type DirectShareOptions } from './common';

const NOTHING_CHANGED = 'Nothing was changed.';

export interface AddSharingOptions extends DirectShareOptions {
  /**
   * A private gallery must be switched to direct sharing first: true switches it without asking,
   * false refuses (nothing is sent); not given asks.
   */
  switchToGroups?: boolean;
}

interface AddState {
  type?: SharingGroupType;
  ids?: string;
}

export async function addSharingGroups(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const command = await galleryCommand<AddSharingOptions>(explorer, args, ADD_TITLE);
  if (!command) return undefined;
  const { node, options, prompter, azure, target, name } = command;
  const names = subscriptionNames(explorer);
  const label = (type: SharingGroupType, id: string) => (type === 'Subscriptions' ? subscriptionLabel(names, id) : id);

  // What was given up front is checked before anything is asked or sent.
  const given: Partial<Record<SharingGroupType, string>> = {};
  const subscriptionsText = idList(options.subscriptionIds);
  const tenantsText = idList(options.tenantIds);
  const problems = guidProblems(subscriptionsText, tenantsText);
  if (problems.length > 0) throw inputFailure(ADD_TITLE, problems, 'Nothing was shared.');
  if (subscriptionsText !== undefined) given.Subscriptions = subscriptionsText;
  if (tenantsText !== undefined) given.AADTenants = tenantsText;

  const gallery = await readSharing(explorer, node);
  const kind = sharingKindOf({ permissions: gallery.permissions });
  const mustChange = whatMustChangeBeforeAdd(profileOf(gallery));
  if (kind === 'Community') throw inputFailure(ADD_TITLE, [`${name}: ${mustChange}`], NOTHING_CHANGED, resetSharingFirst(node));
  const switchFirst = kind === 'Private';
  if (switchFirst && options.switchToGroups === false) throw inputFailure(ADD_TITLE, [`${name}: ${mustChange}`], NOTHING_CHANGED);

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
    if (stage === 'add' && switchFirst) {
      // The switch went through: show it, so the tree does not claim the gallery is still private.
      void freshGallery(explorer, node).then((g) => showGalleryUpdate(explorer, node, g), () => undefined);
    }
    throw azureFailure(stage === 'switch' ? `switch ${name} to direct sharing` : `share ${name} with ${what}`, error, {
      outcome: stage === 'add' && switchFirst ? `${name} was switched to direct sharing; nobody was added.` : undefined,
    });
  }
}
