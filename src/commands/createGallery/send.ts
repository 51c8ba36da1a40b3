// Sending the answers: the resource group first when it is new, then the gallery, with progress.
// A failure (thrown, shown by the command table) offers Edit and Try Again with every answer
// filled in; an unknown outcome is looked at first (createOrLook); success reveals the gallery.
import * as vscode from 'vscode';
import type { Gallery } from '../../azure/types';
import type { NewGallery } from '../../azure/writeTypes';
import type { Explorer } from '../../tree/explorer';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { pollIntervalMs, reloadAndReveal, subscriptionNode, waitCancellably } from '../createCommon';
import { createOrLook } from '../createOrLook';
import { SHARING_LABELS, type CreateGalleryOptions, type Lookups, type State } from './types';

const SHARE = 'Share…';
const SHARE_NEXT: Partial<Record<NewGallery['sharing'], string>> = { Groups: 'azureComputeGallery.addSharingGroups', Community: 'azureComputeGallery.sharePublicly' };

/** What the answers send as the gallery (the same for the create and its "Copy as …" preview). */
export function gallerySpec(state: State): NewGallery {
  const spec: NewGallery = { location: state.location!, description: state.description, sharing: state.sharing ?? 'Private', tags: state.tags, softDelete: state.softDelete };
  if (spec.sharing === 'Community') {
    spec.community = { publisherUri: state.publisherUri!, publisherContact: state.publisherContact!, eula: state.eula!, publicNamePrefix: state.publicNamePrefix! };
  }
  return spec;
}

export async function sendGallery(
  explorer: Explorer,
  state: State,
  interactive: boolean,
  options: CreateGalleryOptions,
  lookups: Lookups,
  /** The options object that asks for these answers again (Retry, Edit and Try Again): from the answers. */
  answersOf: (state: State) => CreateGalleryOptions,
): Promise<Gallery | undefined> {
  const azure = explorer.azure();
  // Without prompts, "does the resource group exist?" is decided here.
  const subscriptionId = state.subscriptionId!;
  const sub = subscriptionNode(explorer, subscriptionId)!;
  const target = sub.subscription.target;
  const name = state.name!;
  const location = state.location!;
  let resourceGroup = state.resourceGroup!;
  let newResourceGroup = state.newResourceGroup ?? false;
  if (!interactive) {
    const existing = await lookups.groupExists(subscriptionId, resourceGroup).catch(() => undefined);
    newResourceGroup = !existing;
    if (existing) resourceGroup = existing.name;
  }
  const spec = gallerySpec(state);

  // The answers that ask for this create again (Retry), or reopen the wizard with them (Edit and Try Again).
  const answers = answersOf({ ...state, resourceGroup, sharing: spec.sharing });
  const say = (line: string) => log().info(line);
  const outcome = await waitCancellably(`Creating gallery ${name}`, options.abortSignal, async (signal, progress) => {
    if (newResourceGroup) {
      progress.report({ message: `creating resource group ${resourceGroup} in ${location}…` });
      await createOrLook({
        resource: `resource group "${resourceGroup}"`,
        create: () => azure.createResourceGroup(target, resourceGroup, location),
        look: async () => (await azure.listResourceGroups(target)).find((g) => g.name.toLowerCase() === resourceGroup.toLowerCase()),
        answers,
        log: say,
      });
    }
    progress.report({ message: 'waiting for Azure…' });
    return createOrLook({
      resource: `gallery "${name}"`,
      create: () => azure.createGallery(target, resourceGroup, name, spec, { pollIntervalMs: pollIntervalMs(), abortSignal: signal }),
      look: () => azure.getGallery(target, resourceGroup, name),
      answers,
      log: say,
    });
  });
  const created = outcome?.value;
  if (!created) {
    // Cancel stops the waiting only: Azure carries on, and the tree shows where it stands.
    explorer.reload(sub);
    void notify('info', `Stopped waiting for gallery ${name}. Azure goes on creating it: refresh the subscription to see its state.`);
    return undefined;
  }
  log().info(`Created gallery ${created.id}`);
  const galleryNode = await reloadAndReveal(explorer, sub, created.id);
  const regionName = (await lookups.regionsOf(subscriptionId).catch(() => [])).find((r) => r.name === location)?.displayName ?? location;
  // A gallery made to be shared is shared next: Share… goes there (publishing, for a community gallery).
  const share = SHARE_NEXT[spec.sharing];
  const notPublic = spec.sharing === 'Community' ? ' It is not public until it is published: Share… publishes it.' : '';
  const actions = [...(share ? [SHARE] : []), 'Create Image Definition'];
  void notify('info', `Created gallery ${created.name} (${SHARING_LABELS[spec.sharing]}) in ${regionName}.${notPublic}`, ...actions).then((action) =>
    action === SHARE && share ? vscode.commands.executeCommand(share, galleryNode) : action ? vscode.commands.executeCommand('azureComputeGallery.createImageDefinition', galleryNode) : undefined,
  );
  return created;
}
