import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkVhdFile, listBlobAccounts, listBlobs, listContainers, uploadFile, type BlobAccount } from '../../../src/azure/storage';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { writeSparseVhd } from '../../support/vhdFiles';
import { startLocalAzure, type LocalAzure } from './localAzure';

const MIB = 1024 * 1024;

describe('azure/storage against Azurite', function () {
  this.timeout(60_000);
  let azure: LocalAzure;
  let dir: string;
  let keyAccount: BlobAccount;
  let entraAccount: BlobAccount;
  const target = () => azure.target(PRODUCTION_SUBSCRIPTION_ID);

  before(async () => {
    azure = await startLocalAzure('demo', {}, { storage: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-storage-'));
  });
  after(async () => {
    await azure?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the accounts on Azurite with its endpoint, and which take only the identity', async () => {
    const accounts = await listBlobAccounts(target());
    keyAccount = accounts.find((a) => a.name === 'contosoimagestage')!;
    entraAccount = accounts.find((a) => a.name === 'contosoentraonly')!;
    assert.equal(keyAccount.blobEndpoint, `${azure.emu.storage!.url}/contosoimagestage/`);
    assert.equal(keyAccount.identityAccess, false);
    assert.equal(entraAccount.identityAccess, true);
  });

  it('lists containers (resource provider) and blobs (with a listKeys key, and with the identity)', async () => {
    assert.deepEqual(await listContainers(target(), keyAccount), ['packages', 'vhds']);
    const vhds = await listBlobs(target(), keyAccount, 'vhds');
    assert.deepEqual(vhds.map((b) => [b.name, b.blobType, b.bytes]), [['sample-fixed.vhd', 'PageBlob', 16 * MIB + 512]]);
    const uploads = await listBlobs(target(), entraAccount, 'uploads');
    assert.deepEqual(uploads.map((b) => b.name), ['sample-app-0.9.0.tar.gz']);
    assert.ok(azure.emu.requests.some((r) => /\/listKeys/i.test(r.path)), 'the key came from listKeys');
  });

  it('uploads a fixed VHD as a page blob, sending only its non-zero pages', async () => {
    const file = path.join(dir, 'disk.vhd');
    const nonZero = writeSparseVhd(file, 64 * MIB, 0.1, 256 * 1024);
    assert.deepEqual(await checkVhdFile(file), { ok: true, diskBytes: 64 * MIB });
    const seen: number[] = [];
    const r = await uploadFile(target(), keyAccount, 'uploads', 'disk.vhd', file, { kind: 'page', onProgress: (p) => seen.push(p.doneBytes) });
    assert.equal(r.sentBytes, nonZero);
    assert.equal(r.resumedBytes, 0);
    assert.equal(seen.at(-1), 64 * MIB + 512);
    const blobs = await listBlobs(target(), keyAccount, 'uploads');
    assert.deepEqual(blobs.map((b) => [b.name, b.blobType, b.bytes]), [['disk.vhd', 'PageBlob', 64 * MIB + 512]]);
  });

  it('resumes a page blob upload cut off by dropped connections, sending only what is missing', async () => {
    const file = path.join(dir, 'resume.vhd');
    const nonZero = writeSparseVhd(file, 64 * MIB, 0.25, 256 * 1024, 3);
    let armed = false;
    const dropAll = () => azure.emu.admin.setConfig({ faults: [{ kind: 'drop', method: 'PUT', path: '/uploads/resume\\.vhd' }] });
    await assert.rejects(
      uploadFile(target(), keyAccount, 'uploads', 'resume.vhd', file, {
        kind: 'page', concurrency: 2, maxTries: 2,
        onProgress: (p) => {
          if (!armed && p.sentBytes >= nonZero / 3) {
            armed = true;
            dropAll();
          }
        },
      }),
    );
    azure.emu.admin.setConfig({ faults: [] });
    assert.ok(armed);
    const second = await uploadFile(target(), keyAccount, 'uploads', 'resume.vhd', file, { kind: 'page' });
    assert.ok(second.resumedBytes >= nonZero / 3, `resumed ${second.resumedBytes}`);
    assert.equal(second.resumedBytes + second.sentBytes, nonZero);
  });

  it('uploads a package as a block blob with the identity, and resumes from the staged blocks', async () => {
    const file = path.join(dir, 'app.tar.gz');
    fs.writeFileSync(file, Buffer.alloc(20 * MIB + 123, 5));
    const controller = new AbortController();
    await assert.rejects(
      uploadFile(target(), entraAccount, 'uploads', 'app.tar.gz', file, {
        kind: 'block', concurrency: 1, abortSignal: controller.signal,
        onProgress: (p) => {
          if (p.sentBytes >= 8 * MIB) controller.abort();
        },
      }),
    );
    const second = await uploadFile(target(), entraAccount, 'uploads', 'app.tar.gz', file, { kind: 'block' });
    assert.ok(second.resumedBytes >= 8 * MIB, `resumed ${second.resumedBytes}`);
    assert.equal(second.resumedBytes + second.sentBytes, 20 * MIB + 123);
    const blob = (await listBlobs(target(), entraAccount, 'uploads')).find((b) => b.name === 'app.tar.gz');
    assert.deepEqual([blob?.blobType, blob?.bytes], ['BlockBlob', 20 * MIB + 123]);
  });

  it('refuses a file that is not a fixed VHD before sending anything', async () => {
    const file = path.join(dir, 'disk.qcow2');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0x51, 0x46, 0x49, 0xfb]), Buffer.alloc(4096)]));
    const r = await checkVhdFile(file);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.problem : '', /qcow2.*qemu-img convert -f qcow2 -O vpc -o subformat=fixed,force_size/);
  });
});
