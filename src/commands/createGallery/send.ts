// Sending the answers: the resource group first when it is new, then the gallery, with progress.
// A failure offers "Edit and Try Again" with every answer filled in; success reveals the gallery.
import * as vscode from 'vscode';
import type { Gallery } from '../../azure/types';
import type { NewGallery } from '../../azure/writeTypes';
import type { Explorer } from '../../tree/explorer';
import { isTransient, failureMessage } from '../../ui/failures';
import { log, logFailure } from '../../ui/log';
import { notify } from '../../ui/notify';
import { pollIntervalMs, reloadAndReveal, subscriptionNode, waitCancellably } from '../createCommon';
import { CREATE_GALLERY_COMMAND, SHARING_LABELS, type CreateGalleryOptions, type Lookups, type State } from './types';

export async function sendGallery(
  explorer: Explorer,
  state: State,
  interactive: boolean,
  options: CreateGalleryOptions,
  lookups: Lookups,
  /** The options object that asks again with these answers (Edit and Try Again). */
  retryOf: (state: State) => CreateGalleryOptions,
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
    const retry = retryOf({ ...state, resourceGroup, sharing: spec.sharing });
    void notify('error', failureMessage(`create gallery "${name}"`, failure), 'Edit and Try Again').then((action) =>
      action ? vscode.commands.executeCommand(CREATE_GALLERY_COMMAND, retry) : undefined,
    );
    return undefined;
  }
  log().info(`Created gallery ${created.id}`);
  const galleryNode = await reloadAndReveal(explorer, sub, created.id);
  const regionName = (await lookups.regionsOf(subscriptionId).catch(() => [])).find((r) => r.name === location)?.displayName ?? location;
  void notify('info', `Created gallery ${created.name} (${SHARING_LABELS[spec.sharing]}) in ${regionName}.`, 'Create Image Definition').then((action) =>
    action ? vscode.commands.executeCommand('azureComputeGallery.createImageDefinition', galleryNode) : undefined,
  );
  return created;
}
