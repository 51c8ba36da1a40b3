// What Azurite holds when the local Azure starts: the accounts on it (named with the keys listKeys
// gives) and the seed's sample blobs — a small fixed VHD (a page blob whose data is only at the
// start and its footer) and an application package (a block blob).
import { vhdFooter } from '../../support/vhdFiles';
import { accountKeys, STORAGE_ACCOUNT_TYPE } from '../compute/keysAndStorage';
import type { EmulatorState, StoredResource } from '../state';
import type { AzuriteAccount, RunningAzurite } from './azurite';

function azuriteResources(state: EmulatorState): StoredResource[] {
  return Object.values(state.resources).filter((r) => r.type.toLowerCase() === STORAGE_ACCOUNT_TYPE.toLowerCase() && r.meta?.azurite === true);
}

export function azuriteAccounts(state: EmulatorState): AzuriteAccount[] {
  return azuriteResources(state).map((r) => ({ name: r.name, keys: accountKeys(r) }));
}

function sampleBytes(bytes: number, seed: number): Buffer {
  const b = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

async function ok(step: string, r: Promise<{ status: number; body: string }>, accepted: number[]): Promise<number> {
  const res = await r;
  if (!accepted.includes(res.status)) throw new Error(`Azurite sample blobs, ${step}: ${res.status} ${res.body.slice(0, 300)}`);
  return res.status;
}

/** Puts each account's samples (`meta.samples`) unless already there (a sandbox keeps its blobs). */
export async function putSampleBlobs(state: EmulatorState, azurite: RunningAzurite): Promise<void> {
  for (const account of azuriteResources(state)) {
    const samples = (account.meta?.samples ?? {}) as Record<string, { kind: 'vhd' | 'package'; bytes: number }>;
    for (const [where, sample] of Object.entries(samples)) {
      const [container, ...rest] = where.split('/');
      const blobPath = `/${account.name}/${container}/${rest.join('/')}`;
      await ok('create container', azurite.request('PUT', `/${account.name}/${container}?restype=container`), [201, 409]);
      if ((await azurite.request('HEAD', blobPath)).status === 200) continue;
      if (sample.kind === 'package') {
        await ok('put package', azurite.request('PUT', blobPath, { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/gzip' }, sampleBytes(sample.bytes, 7)), [201]);
        continue;
      }
      // A fixed VHD: `bytes` of disk (a whole number of MiB), its first 64 KiB data, then the footer.
      const disk = sample.bytes;
      await ok('create page blob', azurite.request('PUT', blobPath, { 'x-ms-blob-type': 'PageBlob', 'x-ms-blob-content-length': String(disk + 512) }), [201]);
      const head = sampleBytes(64 * 1024, 11);
      await ok('put pages', azurite.request('PUT', `${blobPath}?comp=page`, { 'x-ms-page-write': 'update', 'x-ms-range': `bytes=0-${head.length - 1}` }, head), [201]);
      await ok('put footer', azurite.request('PUT', `${blobPath}?comp=page`, { 'x-ms-page-write': 'update', 'x-ms-range': `bytes=${disk}-${disk + 511}` }, vhdFooter(disk)), [201]);
    }
  }
}
