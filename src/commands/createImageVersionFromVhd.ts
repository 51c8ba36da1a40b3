// Create Image Version from VHD…: a VHD blob first — uploaded from a local file (checked to be a
// fixed-size VHD, sent as a page blob, resumable), or picked in a storage account, or pasted —
// then the Create Image Version flow with that VHD as its source, in one flow.
import * as path from 'node:path';
import type { ImageVersion } from '../azure/types';
import type { Explorer } from '../tree/explorer';
import { isNodeOf, nodeOf } from '../tree/capabilities';
import type { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import { blobStoreOf, pickBlob, uploadWithProgress, type PickedBlob } from '../ui/blobPicker';
import { inputFailure } from '../ui/failures';
import { log } from '../ui/log';
import { isNavigation } from '../ui/wizard';
import { validateBlobName, validateContainerName } from '../model/vhd';
import { prompterOf, splitArguments } from './createCommon';
import { createImageVersion, type CreateImageVersionOptions } from './createImageVersion';
import type { VersionCreations } from './createVersionProgress';
import { resolveNode } from './manageCommon';

export const CREATE_VERSION_FROM_VHD_COMMAND = 'azureComputeGallery.createImageVersionFromVhd';
const TITLE = 'Create Image Version from VHD';

export interface CreateImageVersionFromVhdOptions extends CreateImageVersionOptions {
  /** A local fixed-size VHD to upload (then storageAccountId, and optionally container and blobName). */
  file?: string;
  /** Container to upload into (made if missing). Default: vhds. */
  container?: string;
  /** Blob name. Default: the file's name. */
  blobName?: string;
  /** Who picks the local file to upload in the blob step; VS Code's open dialog by default (tests give one). */
  chooseFile?: () => Promise<string | undefined>;
}

/** Uploads the file the options name, asking nothing. */
async function uploadGiven(explorer: Explorer, definition: ImageDefinitionNode, o: CreateImageVersionFromVhdOptions, file: string): Promise<PickedBlob | undefined> {
  const store = blobStoreOf(explorer.azure(), definition.parent.parent.subscription.target);
  const container = o.container ?? 'vhds';
  const blobName = o.blobName ?? path.basename(file);
  const problems = [validateContainerName(container), validateBlobName(blobName)].filter((p): p is string => p !== undefined);
  if (!o.storageAccountId) problems.push('Give storageAccountId: the storage account to upload the VHD to.');
  const check = await store.checkVhd(file).catch((e: Error) => ({ ok: false as const, problem: `${file} cannot be read: ${e.message}` }));
  if (!check.ok) problems.push(check.problem);
  const account = o.storageAccountId ? (await store.accounts()).find((a) => a.id.toLowerCase() === o.storageAccountId!.toLowerCase()) : undefined;
  if (o.storageAccountId && !account) problems.push(`${o.storageAccountId} is not a storage account of this subscription with blob storage.`);
  if (problems.length > 0 || !account) throw inputFailure(TITLE, problems, 'Nothing was uploaded or created.');
  const uploaded = await uploadWithProgress(store, account, container, blobName, file, { kind: 'vhd', abortSignal: o.abortSignal });
  return uploaded && { account, url: uploaded.url, uploaded };
}

export async function createImageVersionFromVhd(explorer: Explorer, creations: VersionCreations, ...args: unknown[]): Promise<ImageVersion | undefined> {
  const { node, options } = splitArguments<ImageDefinitionNode, CreateImageVersionFromVhdOptions>(args, nodeOf('imageDefinition'));
  const definition = await resolveNode(explorer, node, options.definition, ['imageDefinition'], TITLE);
  if (!isNodeOf(definition, 'imageDefinition')) return undefined;
  const { file, container: _container, blobName: _blobName, chooseFile, ...versionOptions } = options;
  let source: { url: string; storageAccountId: string } | undefined = options.source && options.storageAccountId ? { url: options.source, storageAccountId: options.storageAccountId } : undefined;
  if (!source) {
    let picked: PickedBlob | undefined;
    if (file) picked = await uploadGiven(explorer, definition, options, file);
    else {
      const store = blobStoreOf(explorer.azure(), definition.parent.parent.subscription.target);
      const header = { title: `${TITLE}: VHD`, step: 1, totalSteps: 1, canGoBack: false };
      const answer = await pickBlob(store, prompterOf(options), header, { kind: 'vhd', abortSignal: options.abortSignal, chooseFile });
      picked = isNavigation(answer) ? undefined : answer;
    }
    if (!picked) {
      log().info(`${TITLE}: stopped before the image version; an interrupted upload resumes when started again with the same file and blob.`);
      return undefined;
    }
    if (picked.uploaded) log().info(`${TITLE}: ${picked.url}: sent ${picked.uploaded.sentBytes} of ${picked.uploaded.fileBytes} bytes (${picked.uploaded.resumedBytes} already there).`);
    source = { url: picked.url, storageAccountId: picked.account.id };
  }
  return createImageVersion(explorer, creations, definition, { ...versionOptions, source: source.url, storageAccountId: source.storageAccountId });
}
