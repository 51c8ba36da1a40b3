// Share with Subscriptions or Tenants: whole subscriptions and tenants get the gallery's images
// (sharingProfile.permissions Groups). Azure adds groups only on a gallery whose permissions are
// Groups: a private gallery is switched first (a gallery update Azure allows, after the user
// agrees); a community gallery must be reset first.
import type { Gallery } from '../../azure/types';
import { sharedIds, sharingKindOf, whatMustChangeBeforeAdd, type SharingGroupType } from '../../model/sharing';
import { countOf } from '../../model/sharingChanges';
import type { Explorer } from '../../tree/explorer';
import { azureFailure, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { runWizard } from '../../ui/wizard';
import { addAnswers, addSummaryStep, additionsOf, whomText, type AddContext, type AddState } from './addSteps';
import { askedSteps, asker, optionsOf, readAnswers } from '../../ui/answers';
import { pollIntervalMs } from '../createCommon';
import { copyAsCode } from '../asCode';
import { galleryCommand, showGalleryUpdate, subscriptionLabel, subscriptionNames, withProgress } from '../manageCommon';
import { resetSharingFirst } from '../shareReset';
import { ADD_TITLE, TYPE_WORDS, freshGallery, profileOf, readSharing, type AddSharingOptions } from './common';

const NOTHING_CHANGED = 'Nothing was changed.';

export type { AddSharingOptions };

export async function addSharingGroups(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const command = await galleryCommand<AddSharingOptions>(explorer, args, ADD_TITLE);
  if (!command) return undefined;
  const { node, options, prompter, azure, target, name } = command;
  const names = subscriptionNames(explorer);
  const subscriptions = explorer.root.subscriptions.map((n) => n.subscription);
  const ownTenants = new Set(subscriptions.map((sub) => sub.tenantId.toLowerCase()));
  const label = (type: SharingGroupType, id: string) =>
    type === 'Subscriptions' ? subscriptionLabel(names, id.toLowerCase()) : ownTenants.has(id.toLowerCase()) ? `Your tenant (${id})` : id;

  // What was given up front is checked before anything is asked or sent.
  const state: AddState = {};
  const read = await readAnswers(addAnswers(), options, state);
  if (read.problems.length > 0) throw inputFailure(ADD_TITLE, read.problems, 'Nothing was shared.');

  const gallery = await readSharing(explorer, node);
  const kind = sharingKindOf({ permissions: gallery.permissions });
  const mustChange = whatMustChangeBeforeAdd(profileOf(gallery));
  if (kind === 'Community') throw inputFailure(ADD_TITLE, [`${name}: ${mustChange}`], NOTHING_CHANGED, resetSharingFirst(node));
  const switchFirst = kind === 'Private';
  if (switchFirst && options.switchToGroups === false) throw inputFailure(ADD_TITLE, [`${name}: ${mustChange}`], NOTHING_CHANGED);

  const { interactive } = read;
  const current = sharedIds(profileOf(gallery));
  const ctx: AddContext = {
    name,
    subscriptions: subscriptions.map((sub) => ({ id: sub.subscriptionId, name: sub.name })),
    tenants: [...ownTenants],
    current: { Subscriptions: current.subscriptions, AADTenants: current.tenants },
    label,
    nameOf: (type, id) => (type === 'Subscriptions' ? names.get(id.toLowerCase()) : ownTenants.has(id.toLowerCase()) ? 'your tenant' : undefined),
    switchFirst,
    asCode: (s, choice) =>
      copyAsCode(explorer, target, choice, async () => {
        const picked = additionsOf(s, ctx).filter((g) => g.ids.length > 0).map(({ type, ids }) => ({ type, ids }));
        return [
          ...(switchFirst ? [await azure.previewRequest(() => azure.updateGallery(target, gallery.resourceGroup, name, { sharing: 'Groups' }))] : []),
          await azure.previewRequest(() => azure.updateSharing(target, gallery.resourceGroup, name, 'Add', picked)),
        ];
      }),
  };

  const answers = addAnswers(ctx);
  if (interactive && !(await runWizard(ADD_TITLE, [...askedSteps(answers, asker(read, options.edit)), addSummaryStep(ctx)], state, prompter))) return undefined;
  const additions = additionsOf(state, ctx)
    .filter((g) => g.ids.length > 0)
    .map(({ type, ids }) => ({ type, ids }));
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

  const what = whomText(additions, ctx);
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
      // The same sharing again (Retry), or the steps again with it filled in (Edit and Try Again).
      answers: optionsOf(answers, state, { gallery: node.resourceId, switchToGroups: options.switchToGroups, prompter: options.prompter } satisfies AddSharingOptions),
      edit: true,
    });
  }
}
