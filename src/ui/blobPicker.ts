// One step for any flow that needs a blob (a VHD for an image version, a package for a VM
// application): storage account → container → blob, or paste the blob's URL, or upload a local
// file into the container picked. Azure is reached through the `BlobStore` the command gives, so
// this module needs no Azure code; the upload shows a progress notification with bytes, rate and
// Cancel, and a cancelled or failed upload resumes when run again with the same file and blob.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AzureTarget } from '../azure/types';
import type { BlobAccount, BlobInfo, UploadOptions, UploadResult } from '../azureChunk';
import { formatBytes, validateBlobName, validateContainerName, type VhdCheck } from '../model/vhd';
import { validateVhdUrl } from '../model/versionContent';
import { inputFailure } from './failures';
import { BACK, CANCEL, isNavigation, type Navigation, type PickEntry, type Prompter, type StepHeader } from './wizard';

/** What the picker needs from Azure (a command builds it from `azure()` and a subscription's target). */
export interface BlobStore {
  accounts(): Promise<BlobAccount[]>;
  containers(account: BlobAccount): Promise<string[]>;
  blobs(account: BlobAccount, container: string): Promise<BlobInfo[]>;
  checkVhd(file: string): Promise<VhdCheck>;
  upload(account: BlobAccount, container: string, blobName: string, file: string, o: UploadOptions): Promise<UploadResult>;
}

export type BlobKind = 'vhd' | 'package';

export interface PickedBlob {
  account: BlobAccount;
  url: string;
  /** Set when the blob was uploaded by this step. */
  uploaded?: UploadResult;
}

export interface BlobPickOptions {
  kind: BlobKind;
  /** Asks for the local file (VS Code's open dialog by default; tests give a path). */
  chooseFile?: () => Promise<string | undefined>;
  /** Stops an upload as the notification's Cancel does. */
  abortSignal?: AbortSignal;
  /** 'upload': a container is picked to upload into (no blob list, no pasted URL). */
  mode?: 'pick' | 'upload';
  /** What the blob is called in prompts ("default configuration file"); the kind's word by default. */
  noun?: string;
}

const nounOf = (o: Pick<BlobPickOptions, 'kind' | 'noun'>): string => o.noun ?? KIND_WORDS[o.kind].noun;

const sub = (header: StepHeader, what: string): StepHeader => ({ ...header, title: `${header.title} — ${what}`, canGoBack: true });
const UPLOAD = Symbol('upload');
const PASTE = Symbol('paste');
const NEW = Symbol('new');

const KIND_WORDS: Record<BlobKind, { noun: string; filters: Record<string, string[]> }> = {
  vhd: { noun: 'VHD', filters: { 'Fixed-size VHD': ['vhd'], 'All files': ['*'] } },
  package: { noun: 'package', filters: { 'All files': ['*'] } },
};

async function defaultChooseFile(kind: BlobKind): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Upload', title: `Upload a local ${KIND_WORDS[kind].noun}`, filters: KIND_WORDS[kind].filters });
  return picked?.[0]?.fsPath;
}

/** Storage account → container → blob (or upload, or paste a URL). Back walks back up the chain. */
export async function pickBlob(store: BlobStore, prompter: Prompter, header: StepHeader, o: BlobPickOptions): Promise<PickedBlob | Navigation> {
  const accounts = await store.accounts();
  if (accounts.length === 0) throw new Error('This subscription has no storage account with blob storage: create one first (Azure portal or az storage account create).');
  for (;;) {
    const account = await prompter.pick({
      ...sub(header, 'storage account'),
      placeholder: `The storage account for the ${nounOf(o)}`,
      items: accounts.map((a) => ({ label: a.name, description: `${a.location} · ${a.resourceGroup}`, detail: a.identityAccess ? `${a.blobEndpoint} · your sign-in` : `${a.blobEndpoint} · account key`, value: a })),
    });
    if (isNavigation(account)) return account;
    const picked = await pickInAccount(store, prompter, header, o, account);
    if (picked === BACK) continue;
    return picked;
  }
}

async function pickInAccount(store: BlobStore, prompter: Prompter, header: StepHeader, o: BlobPickOptions, account: BlobAccount): Promise<PickedBlob | Navigation> {
  for (;;) {
    const container = await prompter.pick<string | typeof NEW | typeof PASTE>({
      ...sub(header, 'container'),
      placeholder: o.mode === 'upload' ? `The container of ${account.name} to upload into` : `A container of ${account.name}`,
      items: store.containers(account).then((names): PickEntry<string | typeof NEW | typeof PASTE>[] => [
        ...(o.mode === 'upload' ? [] : [{ label: '$(link) Paste a blob URL…', value: PASTE } as const]),
        { label: '$(add) New container…', detail: 'Upload into a container made for it', value: NEW },
        ...names.map((n) => ({ label: n, value: n })),
      ]),
    });
    if (isNavigation(container)) return container;
    if (container === PASTE) {
      const url = await pasteUrl(prompter, header, o, account);
      if (url === BACK) continue;
      return isNavigation(url) ? url : { account, url };
    }
    if (container === NEW) {
      const name = await prompter.input({ ...sub(header, 'new container'), prompt: 'The new container’s name (made when the upload starts)', value: o.kind === 'vhd' ? 'vhds' : 'packages', validate: validateContainerName });
      if (name === BACK) continue;
      if (isNavigation(name)) return name;
      const uploaded = await uploadStep(store, prompter, header, o, account, name);
      if (uploaded === BACK) continue;
      return uploaded;
    }
    const picked =
      o.mode === 'upload'
        ? await uploadStep(store, prompter, header, o, account, container, new Set((await store.blobs(account, container)).map((b) => b.name)))
        : await pickInContainer(store, prompter, header, o, account, container);
    if (picked === BACK) continue;
    return picked;
  }
}

async function pickInContainer(store: BlobStore, prompter: Prompter, header: StepHeader, o: BlobPickOptions, account: BlobAccount, container: string): Promise<PickedBlob | Navigation> {
  for (;;) {
    const listed = store.blobs(account, container);
    const blob = await prompter.pick<BlobInfo | typeof UPLOAD>({
      ...sub(header, 'blob'),
      placeholder: `A ${nounOf(o)} in ${account.name}/${container}, or upload one`,
      items: listed.then((blobs): PickEntry<BlobInfo | typeof UPLOAD>[] => [
        { label: `$(cloud-upload) Upload a local ${nounOf(o)}…`, detail: o.kind === 'vhd' ? 'A fixed-size VHD, sent as a page blob (only its non-zero pages)' : 'Sent as a block blob', value: UPLOAD },
        ...blobs.map((b) => ({
          label: b.name,
          description: `${formatBytes(b.bytes)} · ${b.blobType}`,
          value: b,
          refusal: refusalOf(o.kind, b),
        })),
      ]),
    });
    if (isNavigation(blob)) return blob;
    if (blob !== UPLOAD) return { account, url: blob.url };
    const existing = new Set((await listed).map((b) => b.name));
    const uploaded = await uploadStep(store, prompter, header, o, account, container, existing);
    if (uploaded === BACK) continue;
    return uploaded;
  }
}

/**
 * A VHD must be a page blob; a package may be a block blob or a page blob (a page blob takes more
 * than three replicas per region: model/applications APPLICATION_BLOCK_BLOB_REPLICA_MAX).
 */
function refusalOf(kind: BlobKind, b: BlobInfo): string | undefined {
  if (kind === 'vhd') return b.blobType !== 'PageBlob' ? `Pick a page blob: ${b.name} is a ${b.blobType}.` : undefined;
  return b.blobType === 'BlockBlob' || b.blobType === 'PageBlob' ? undefined : `Pick a block or page blob: ${b.name} is a ${b.blobType}.`;
}

async function pasteUrl(prompter: Prompter, header: StepHeader, o: BlobPickOptions, account: BlobAccount): Promise<string | Navigation> {
  const url = await prompter.input({
    ...sub(header, 'blob URL'),
    prompt: `The ${nounOf(o)}'s blob URL in ${account.name}`,
    placeholder: `${account.blobEndpoint.replace(/\/*$/, '/')}${o.kind === 'vhd' ? 'vhds/disk.vhd' : 'packages/app.tar.gz'}`,
    value: '',
    validate: (v) => validateVhdUrl(v, account.blobEndpoint),
  });
  return isNavigation(url) ? url : url.trim();
}

async function uploadStep(
  store: BlobStore, prompter: Prompter, header: StepHeader, o: BlobPickOptions, account: BlobAccount, container: string, existing: ReadonlySet<string> = new Set(),
): Promise<PickedBlob | Navigation> {
  const file = await (o.chooseFile ?? (() => defaultChooseFile(o.kind)))();
  if (!file) return BACK;
  if (o.kind === 'vhd') {
    const check = await store.checkVhd(file);
    if (!check.ok) throw inputFailure('Upload', [check.problem], 'Nothing was uploaded.');
  }
  const name = await prompter.input({
    ...sub(header, 'blob name'),
    prompt: `The blob's name in ${account.name}/${container}`,
    value: path.basename(file),
    validate: validateBlobName,
    // Not refused: the same file's interrupted upload resumes into it; another blob is replaced.
    warn: (v) => (existing.has(v.trim()) ? `${v.trim()} exists in ${container}: an interrupted upload of this same file resumes; anything else replaces it.` : undefined),
  });
  if (isNavigation(name)) return name;
  const uploaded = await uploadWithProgress(store, account, container, name.trim(), file, o);
  return uploaded ? { account, url: uploaded.url, uploaded } : CANCEL;
}

/**
 * Uploads with a notification: bytes done of the file, what was sent, the rate, Cancel. Returns
 * undefined when cancelled (the blob keeps what was sent: the same upload resumes from there).
 */
export async function uploadWithProgress(store: BlobStore, account: BlobAccount, container: string, blobName: string, file: string, o: Pick<BlobPickOptions, 'kind' | 'abortSignal'>): Promise<UploadResult | undefined> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  o.abortSignal?.addEventListener('abort', abort);
  if (o.abortSignal?.aborted) abort();
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Uploading ${path.basename(file)} to ${account.name}/${container}`, cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(abort);
      let reported = 0;
      try {
        return await store.upload(account, container, blobName, file, {
          kind: o.kind === 'vhd' ? 'page' : 'block',
          abortSignal: controller.signal,
          onProgress: (p) => {
            const percent = p.totalBytes > 0 ? (p.doneBytes / p.totalBytes) * 100 : 100;
            progress.report({
              increment: percent - reported,
              message: `${formatBytes(p.doneBytes)} of ${formatBytes(p.totalBytes)} · ${formatBytes(p.sentBytes)} sent · ${formatBytes(Math.round(p.bytesPerSecond))}/s`,
            });
            reported = percent;
          },
        });
      } catch (error) {
        if (controller.signal.aborted) return undefined;
        throw error;
      }
    });
  } finally {
    o.abortSignal?.removeEventListener('abort', abort);
  }
}

/** A BlobStore over the Azure layer for one subscription. */
export function blobStoreOf(
  azure: {
    listBlobAccounts(t: T): Promise<BlobAccount[]>;
    listContainers(t: T, a: BlobAccount): Promise<string[]>;
    listBlobs(t: T, a: BlobAccount, c: string): Promise<BlobInfo[]>;
    checkVhdFile(file: string): Promise<VhdCheck>;
    uploadFile(t: T, a: BlobAccount, c: string, n: string, f: string, o: UploadOptions): Promise<UploadResult>;
  },
  target: T,
): BlobStore {
  return {
    accounts: () => azure.listBlobAccounts(target),
    containers: (a) => azure.listContainers(target, a),
    blobs: (a, c) => azure.listBlobs(target, a, c),
    checkVhd: (f) => azure.checkVhdFile(f),
    upload: (a, c, n, f, o) => azure.uploadFile(target, a, c, n, f, o),
  };
}
type T = AzureTarget;
