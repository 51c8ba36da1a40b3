// Issue 15: Create Image Version from VHD… against the local Azure and its Azurite: a local fixed
// VHD uploaded (only its non-zero pages) and made a version in one flow; an upload cut off by
// dropped connections, or cancelled, resumes instead of starting over; a file that is not a fixed
// VHD is refused before anything is sent; an existing blob picked through the account → container
// → blob step.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImageVersion } from '../../src/azure/types';
import { PENDING_VERSIONS_KEY } from '../../src/commands/createVersionProgress';
import { writeSparseVhd } from '../support/vhdFiles';
import { RG_BUILDS, ScriptedPrompter, UBUNTU_ID, emulatorState, resource, useDemoSession } from './createHelpers';
import { emulatorAdmin, eventually, extensionApi, nodeAt } from './helpers';

const MIB = 1024 * 1024;
const ACCOUNT = `${RG_BUILDS}/providers/Microsoft.Storage/storageAccounts/contosoimagestage`;
const CREATE = { pick: /^Create image version$/ };

async function fromVhd(...args: unknown[]): Promise<ImageVersion | undefined> {
  return vscode.commands.executeCommand<ImageVersion | undefined>('azureComputeGallery.createImageVersionFromVhd', ...args);
}

async function storage(): Promise<{ url: string; receivedBytes: number }> {
  return (await emulatorAdmin('GET', '/_admin/storage')) as { url: string; receivedBytes: number };
}

async function osSource(id: string): Promise<unknown> {
  const v = resource(await emulatorState(), id);
  assert.ok(v, `${id} is in the local Azure`);
  return (v.properties as { storageProfile: { osDiskImage?: { source?: unknown } } }).storageProfile.osDiskImage?.source;
}

describe('Create Image Version from VHD (extension host, local Azure with Azurite)', function () {
  this.timeout(120_000);
  const ui = useDemoSession({ replicationMs: 500 });
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-vhd-it-'));
  });
  after(async () => {
    await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a local fixed VHD (its non-zero pages only) and creates the version from it, in one flow', async () => {
    const file = path.join(dir, 'it-one.vhd');
    const nonZero = writeSparseVhd(file, 64 * MIB, 0.1, 512 * 1024);
    const before = (await storage()).receivedBytes;
    const version = await fromVhd({ definition: UBUNTU_ID, file, storageAccountId: ACCOUNT, container: 'vhds', blobName: 'it-one.vhd', version: '30.0.0' });
    assert.deepEqual(ui.errors(), []);
    assert.ok(version, 'a version was created');
    const sent = (await storage()).receivedBytes - before;
    assert.equal(sent, nonZero, `sent ${sent} bytes of a ${64 * MIB + 512}-byte file holding ${nonZero} non-zero bytes`);
    const url = `${(await storage()).url}/contosoimagestage/vhds/it-one.vhd`;
    assert.deepEqual(await osSource(`${UBUNTU_ID}/versions/30.0.0`), { uri: url, storageAccountId: ACCOUNT });
  });

  it('refuses a file that is not a fixed-size VHD, saying how to convert it, and sends nothing', async () => {
    const file = path.join(dir, 'disk.qcow2');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3]), Buffer.alloc(64 * 1024)]));
    const before = (await storage()).receivedBytes;
    assert.equal(await fromVhd({ definition: UBUNTU_ID, file, storageAccountId: ACCOUNT, version: '30.0.1' }), undefined);
    assert.match(ui.errors().join(' | '), /disk\.qcow2 is a qcow2 image, not a VHD: .*qemu-img convert -f qcow2 -O vpc -o subformat=fixed,force_size disk\.qcow2 disk-fixed\.vhd/);
    assert.equal((await storage()).receivedBytes, before);
    assert.equal(resource(await emulatorState(), `${UBUNTU_ID}/versions/30.0.1`), undefined);
  });

  it('resumes an upload cut off by dropped connections: the second run sends only the missing pages', async () => {
    const file = path.join(dir, 'it-resume.vhd');
    const nonZero = writeSparseVhd(file, 64 * MIB, 0.25, 256 * 1024, 5);
    // The blob's creation and a few page writes get through; then every write's connection drops.
    await emulatorAdmin('POST', '/_admin/config', { faults: [{ kind: 'drop', method: 'PUT', path: '/vhds/it-resume\\.vhd$', after: 6 }] });
    const options = { definition: UBUNTU_ID, file, storageAccountId: ACCOUNT, blobName: 'it-resume.vhd', version: '30.1.0' };
    assert.equal(await fromVhd(options), undefined);
    assert.equal(ui.errors().length, 1, 'the failed upload is reported');
    ui.clear();
    assert.equal(resource(await emulatorState(), `${UBUNTU_ID}/versions/30.1.0`), undefined, 'no version from a half-uploaded VHD');
    await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    const before = (await storage()).receivedBytes;
    assert.ok(await fromVhd(options));
    const second = (await storage()).receivedBytes - before;
    assert.ok(second < nonZero && second >= nonZero - 6 * 256 * 1024, `the second run sent ${second} of ${nonZero} non-zero bytes`);
  });

  it('Cancel stops the upload and creates nothing; started again, it resumes', async () => {
    const file = path.join(dir, 'it-cancel.vhd');
    const nonZero = writeSparseVhd(file, 64 * MIB, 0.5, 256 * 1024, 9);
    const controller = new AbortController();
    const start = (await storage()).receivedBytes;
    const options = { definition: UBUNTU_ID, file, storageAccountId: ACCOUNT, blobName: 'it-cancel.vhd', version: '30.2.0' };
    const watcher = eventually(async () => {
      assert.ok((await storage()).receivedBytes - start >= 2 * MIB);
      controller.abort();
    }, 60_000, 5);
    const cancelled = await fromVhd({ ...options, abortSignal: controller.signal });
    await watcher;
    assert.equal(cancelled, undefined);
    assert.equal(resource(await emulatorState(), `${UBUNTU_ID}/versions/30.2.0`), undefined);
    const first = (await storage()).receivedBytes - start;
    assert.ok(first < nonZero, `cancelled after ${first} of ${nonZero} bytes`);
    assert.ok(await fromVhd(options));
    const total = (await storage()).receivedBytes - start;
    // Pages in flight when Cancel came may be sent twice; nothing else is.
    assert.ok(total < nonZero + 8 * MIB, `${total} bytes sent over both runs for ${nonZero} non-zero bytes`);
    assert.deepEqual(ui.errors(), []);
  });

  it('picks an existing VHD blob through storage account → container → blob, then asks the version steps', async () => {
    const definition = await nodeAt(/^Contoso Production/, 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([
      'contosoimagestage',
      'vhds',
      'sample-fixed.vhd',
      '31.0.0',
      { pickMany: [] },
      '1',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      '',
      CREATE,
    ]);
    const version = await fromVhd(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(ui.errors(), []);
    assert.ok(version);
    assert.deepEqual(await osSource(`${UBUNTU_ID}/versions/31.0.0`), { uri: `${(await storage()).url}/contosoimagestage/vhds/sample-fixed.vhd`, storageAccountId: ACCOUNT });
  });

  it('uploads through the blob step into a new container, then asks the version steps', async () => {
    const file = path.join(dir, 'it-step.vhd');
    const nonZero = writeSparseVhd(file, 32 * MIB, 0.1, 256 * 1024, 13);
    const definition = await nodeAt(/^Contoso Production/, 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([
      'contosoimagestage',
      'New container…',
      { probe: ['Bad--Name', 'ab'] },
      'it-step',
      { accept: true }, // blob name: the file's
      '31.1.0',
      { pickMany: [] },
      '1',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      '',
      CREATE,
    ]);
    const before = (await storage()).receivedBytes;
    const version = await fromVhd(definition, { prompter, chooseFile: async () => file });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(ui.errors(), []);
    assert.ok(version);
    const probes = prompter.messagesFor('— new container');
    assert.match(probes.get('Bad--Name') ?? '', /lowercase/);
    assert.match(probes.get('ab') ?? '', /3 to 63 characters/);
    assert.equal((await storage()).receivedBytes - before, nonZero);
    assert.deepEqual(await osSource(`${UBUNTU_ID}/versions/31.1.0`), { uri: `${(await storage()).url}/contosoimagestage/it-step/it-step.vhd`, storageAccountId: ACCOUNT });
  });
});
