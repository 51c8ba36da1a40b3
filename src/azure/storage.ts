// Blob storage: the subscription's storage accounts and containers (the Storage resource provider,
// @azure/arm-storage), the blobs in a container, and uploading a local file (@azure/storage-blob):
// a VHD as a page blob sending only its non-zero pages, a package as a block blob, both in
// parallel and both resuming an interrupted upload. The only module that uses either package.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StorageManagementClient } from '@azure/arm-storage';
import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { blockId, checkVhd, nonZeroPages, subtractRanges, VHD_FOOTER_BYTES, type ByteRange, type VhdCheck } from '../model/vhd';
import { azureCall } from './errors';
import { storageClients } from './sdkLoader';
import type { AzureTarget } from './types';

/** A storage account as the blob picker shows it. */
export interface BlobAccount {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  blobEndpoint: string;
  /**
   * Whether to reach its data with the signed-in identity rather than a key: when the account
   * refuses keys (`allowSharedKeyAccess: false`) or asks tools to default to Microsoft Entra
   * authorization (`defaultToOAuthAuthentication`, which the portal honours the same way:
   * learn.microsoft.com/azure/storage/blobs/authorize-data-operations-portal, "Default to
   * Microsoft Entra authorization in the Azure portal"). Otherwise the account key is fetched
   * with listKeys at the moment of use, as `az storage blob upload` does without --auth-mode login.
   */
  identityAccess: boolean;
}

export interface BlobInfo {
  name: string;
  url: string;
  bytes: number;
  blobType: string;
  lastModified?: string;
}

export interface UploadProgress {
  /** Bytes of the file read and dealt with (sent, found zero, or found already uploaded). */
  doneBytes: number;
  totalBytes: number;
  /** Bytes actually sent in this run. */
  sentBytes: number;
  /** Bytes per second sent, since the start of this run. */
  bytesPerSecond: number;
}

export interface UploadOptions {
  kind: 'page' | 'block';
  onProgress?: (p: UploadProgress) => void;
  abortSignal?: AbortSignal;
  /** Transfers in flight at once (default 4). */
  concurrency?: number;
  /** Tries per request before the upload fails (default 4); a failed upload resumes when run again. */
  maxTries?: number;
}

export interface UploadResult {
  url: string;
  fileBytes: number;
  sentBytes: number;
  /** Bytes already in the blob from an earlier, interrupted run. */
  resumedBytes: number;
}

const STORAGE_SCOPE = 'https://storage.azure.com/.default';
const READ_BYTES = 4 * 1024 * 1024;
/** Block blob blocks: 8 MiB (up to 50,000 blocks: 390 GiB, beyond any package). */
const BLOCK_BYTES = 8 * 1024 * 1024;
const FINGERPRINT_KEY = 'acguploadof';

function resourceGroupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

export function armClient(target: AzureTarget): StorageManagementClient {
  return new (storageClients().StorageManagementClient)(target.credential, target.subscriptionId, {
    endpoint: target.cloud.resourceManagerEndpointUrl.replace(/\/+$/, ''),
    credentialScopes: [target.cloud.resourceManagerScope],
    userAgentOptions: { userAgentPrefix: target.userAgent },
  });
}

/** The subscription's storage accounts that have a blob endpoint. */
export async function listBlobAccounts(target: AzureTarget): Promise<BlobAccount[]> {
  return azureCall(async () => {
    const out: BlobAccount[] = [];
    for await (const a of armClient(target).storageAccounts.list()) {
      const blob = a.primaryEndpoints?.blob;
      if (!a.id || !a.name || !blob) continue;
      out.push({
        id: a.id,
        name: a.name,
        resourceGroup: resourceGroupOf(a.id),
        location: a.location ?? '',
        blobEndpoint: blob,
        identityAccess: a.allowSharedKeyAccess === false || a.defaultToOAuthAuthentication === true,
      });
    }
    return out.sort((x, y) => x.name.localeCompare(y.name));
  });
}

/** The account's containers, from the resource provider (needs no data access). */
export async function listContainers(target: AzureTarget, account: BlobAccount): Promise<string[]> {
  return azureCall(async () => {
    const names: string[] = [];
    for await (const c of armClient(target).blobContainers.list(account.resourceGroup, account.name)) if (c.name) names.push(c.name);
    return names.sort();
  });
}

/** A data-plane client for this account: the identity, or a key fetched now and kept only in this client. */
async function blobService(target: AzureTarget, account: BlobAccount, maxTries = 4): Promise<BlobServiceClient> {
  const sdk = storageClients();
  const options = { userAgentOptions: { userAgentPrefix: target.userAgent }, retryOptions: { maxTries, retryDelayInMs: 500, maxRetryDelayInMs: 4000 } };
  if (account.identityAccess) {
    const credential = { getToken: (scopes: string | string[], o?: { abortSignal?: AbortSignal }) => target.credential.getToken(scopes, o) };
    return new sdk.BlobServiceClient(account.blobEndpoint, credential, { ...options, audience: STORAGE_SCOPE });
  }
  const keys = await azureCall(() => armClient(target).storageAccounts.listKeys(account.resourceGroup, account.name));
  const key = keys.keys?.find((k) => k.value)?.value;
  if (!key) throw new Error(`Azure gave no key for ${account.name}: allow key access on the account, or ask for a data role (Storage Blob Data Contributor) and set it to default to Microsoft Entra authorization.`);
  return new sdk.BlobServiceClient(account.blobEndpoint, new sdk.StorageSharedKeyCredential(account.name, key), options);
}

function container(service: BlobServiceClient, name: string): ContainerClient {
  return service.getContainerClient(name);
}

/** The blobs of a container (first `max`), newest first. */
export async function listBlobs(target: AzureTarget, account: BlobAccount, containerName: string, max = 500): Promise<BlobInfo[]> {
  return azureCall(async () => {
    const client = container(await blobService(target, account), containerName);
    const out: BlobInfo[] = [];
    for await (const b of client.listBlobsFlat()) {
      out.push({ name: b.name, url: client.getBlobClient(b.name).url, bytes: b.properties.contentLength ?? 0, blobType: b.properties.blobType ?? '', lastModified: b.properties.lastModified?.toISOString() });
      if (out.length >= max) break;
    }
    return out.sort((x, y) => (y.lastModified ?? '').localeCompare(x.lastModified ?? ''));
  });
}

/** Reads a file's first 8 and last 512 bytes and checks it is a VHD Azure takes (model/vhd). */
export async function checkVhdFile(file: string): Promise<VhdCheck> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(8);
    const footer = Buffer.alloc(VHD_FOOTER_BYTES);
    await handle.read(head, 0, Math.min(8, size), 0);
    if (size >= VHD_FOOTER_BYTES) await handle.read(footer, 0, VHD_FOOTER_BYTES, size - VHD_FOOTER_BYTES);
    return checkVhd(head, footer, size, path.basename(file));
  } finally {
    await handle.close();
  }
}

/** Which file an upload is of: size and modification time, so a changed file starts over. */
function fingerprintOf(stat: fs.Stats): string {
  return crypto.createHash('sha256').update(`${stat.size}:${Math.floor(stat.mtimeMs)}`).digest('hex').slice(0, 32);
}

/** Runs tasks with at most `limit` in flight; the first failure stops new ones and is thrown. */
class Pool {
  private readonly running = new Set<Promise<void>>();
  private failure: unknown;
  constructor(private readonly limit: number) {}
  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    if (this.failure !== undefined) throw this.failure;
    const p = task().then(
      () => void this.running.delete(p),
      (e: unknown) => {
        this.failure ??= e;
        this.running.delete(p);
      },
    );
    this.running.add(p);
  }
  async drain(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure !== undefined) throw this.failure;
  }
}

function progressMeter(totalBytes: number, onProgress?: (p: UploadProgress) => void) {
  const started = Date.now();
  let doneBytes = 0;
  let sentBytes = 0;
  let last = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!onProgress || (!force && now - last < 200)) return;
    last = now;
    onProgress({ doneBytes, totalBytes, sentBytes, bytesPerSecond: sentBytes / Math.max(0.001, (now - started) / 1000) });
  };
  return {
    done: (n: number) => ((doneBytes += n), report()),
    sent: (n: number) => ((sentBytes += n), report()),
    finish: () => report(true),
    get sentBytes() {
      return sentBytes;
    },
  };
}

/**
 * Uploads a local file to `container/blobName`. A page blob sends only the file's non-zero pages;
 * run again after a failure, it reads the pages the blob already has and sends the rest. A block
 * blob stages blocks and commits the list at the end; run again, it reuses the staged
 * (uncommitted) blocks of the same file. Cancelling (abortSignal) leaves the same resumable state.
 */
export async function uploadFile(target: AzureTarget, account: BlobAccount, containerName: string, blobName: string, file: string, o: UploadOptions): Promise<UploadResult> {
  const stat = await fs.promises.stat(file);
  const service = await blobService(target, account, o.maxTries);
  const containerClient = container(service, containerName);
  const fingerprint = fingerprintOf(stat);
  const meter = progressMeter(stat.size, o.onProgress);
  const pool = new Pool(Math.max(1, o.concurrency ?? 4));
  const handle = await fs.promises.open(file, 'r');
  try {
    const upload = o.kind === 'page' ? uploadPages : uploadBlocks;
    const { url, resumedBytes } = await azureCall(() => upload(containerClient, blobName, handle, stat.size, fingerprint, meter, pool, o.abortSignal));
    meter.finish();
    return { url, fileBytes: stat.size, sentBytes: meter.sentBytes, resumedBytes };
  } finally {
    await pool.drain().catch(() => undefined);
    await handle.close();
  }
}

type Meter = ReturnType<typeof progressMeter>;

async function readAt(handle: fs.promises.FileHandle, offset: number, bytes: number): Promise<Buffer> {
  const buffer = Buffer.alloc(bytes);
  let read = 0;
  while (read < bytes) {
    const { bytesRead } = await handle.read(buffer, read, bytes - read, offset + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer;
}

async function uploadPages(
  containerClient: ContainerClient, blobName: string, handle: fs.promises.FileHandle, size: number, fingerprint: string, meter: Meter, pool: Pool, abortSignal?: AbortSignal,
): Promise<{ url: string; resumedBytes: number }> {
  const blob = containerClient.getPageBlobClient(blobName);
  let existing: ByteRange[] = [];
  const props = await blob.getProperties({ abortSignal }).catch((e: { statusCode?: number }) => {
    if (e.statusCode === 404) return undefined;
    throw e;
  });
  if (props && props.blobType === 'PageBlob' && props.contentLength === size && props.metadata?.[FINGERPRINT_KEY] === fingerprint) {
    for await (const page of blob.listPageRanges(0, undefined, { abortSignal }).byPage()) for (const r of page.pageRange ?? []) existing.push({ offset: r.start, count: r.end - r.start + 1 });
  } else {
    if (!props) await containerClient.createIfNotExists({ abortSignal });
    await blob.create(size, { metadata: { [FINGERPRINT_KEY]: fingerprint }, abortSignal });
    existing = [];
  }
  const resumedBytes = existing.reduce((n, r) => n + r.count, 0);
  for (let offset = 0; offset < size; offset += READ_BYTES) {
    abortSignal?.throwIfAborted();
    const bytes = Math.min(READ_BYTES, size - offset);
    const chunk = await readAt(handle, offset, bytes);
    const todo = subtractRanges(nonZeroPages(chunk, offset), existing);
    const todoBytes = todo.reduce((n, r) => n + r.count, 0);
    meter.done(bytes - todoBytes);
    for (const r of todo) {
      await pool.add(async () => {
        await blob.uploadPages(chunk.subarray(r.offset - offset, r.offset - offset + r.count), r.offset, r.count, { abortSignal });
        meter.sent(r.count);
        meter.done(r.count);
      });
    }
  }
  await pool.drain();
  return { url: blob.url, resumedBytes };
}

async function uploadBlocks(
  containerClient: ContainerClient, blobName: string, handle: fs.promises.FileHandle, size: number, fingerprint: string, meter: Meter, pool: Pool, abortSignal?: AbortSignal,
): Promise<{ url: string; resumedBytes: number }> {
  const blob = containerClient.getBlockBlobClient(blobName);
  const staged = new Map<string, number>();
  try {
    const list = await blob.getBlockList('uncommitted', { abortSignal });
    for (const b of list.uncommittedBlocks ?? []) staged.set(b.name, b.size);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
    await containerClient.createIfNotExists({ abortSignal });
  }
  const ids: string[] = [];
  let resumedBytes = 0;
  for (let offset = 0, index = 0; offset < size || index === 0; offset += BLOCK_BYTES, index++) {
    abortSignal?.throwIfAborted();
    const bytes = Math.min(BLOCK_BYTES, size - offset);
    const id = blockId(fingerprint, index);
    ids.push(id);
    if (staged.get(id) === bytes) {
      resumedBytes += bytes;
      meter.done(bytes);
      continue;
    }
    if (bytes === 0) break;
    await pool.add(async () => {
      const body = await readAt(handle, offset, bytes);
      await blob.stageBlock(id, body, bytes, { abortSignal });
      meter.sent(bytes);
      meter.done(bytes);
    });
  }
  await pool.drain();
  await blob.commitBlockList(size === 0 ? [] : ids, { metadata: { [FINGERPRINT_KEY]: fingerprint }, abortSignal });
  return { url: blob.url, resumedBytes };
}
