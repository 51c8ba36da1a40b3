// Issue 15: an application version's package picked in a storage account or uploaded from a local
// file (Azurite behind the local Azure), and the read-only SAS the gallery reads a private blob
// through: made when the version is sent, signed with a key fetched then, masked wherever shown.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Application, ApplicationVersion } from '../../src/azure/types';
import { GALLERY_ID, RG_BUILDS, ScriptedPrompter, emulatorState, resource, useDemoSession } from './createHelpers';
import { emulatorAdmin, nodeAt, tooltipText, item } from './helpers';
import { clearRequestLog, writes } from './shareHelpers';

const ACCOUNT = `${RG_BUILDS}/providers/Microsoft.Storage/storageAccounts/contosoimagestage`;
const ENTRA_ONLY = `${RG_BUILDS}/providers/Microsoft.Storage/storageAccounts/contosoentraonly`;
const APP_ID = `${GALLERY_ID}/applications/it-packages`;
const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`azureComputeGallery.${command}`, ...args);
const DAY = 24 * 60 * 60 * 1000;

async function azuriteUrl(): Promise<string> {
  return ((await emulatorAdmin('GET', '/_admin/storage')) as { url: string }).url;
}

/** An anonymous GET, as the gallery's replication service reads the package. */
function anonymousGet(url: string): Promise<{ status: number; body: Buffer }> {
  const ca = fs.readFileSync(process.env.ACG_EMULATOR_CA ?? '', 'utf8');
  return new Promise((resolve, reject) => {
    https.get(url, { ca, headers: { 'x-ms-version': '2025-01-05' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

function mediaLinkOf(id: string, state: Awaited<ReturnType<typeof emulatorState>>): string {
  const v = resource(state, id);
  assert.ok(v, `${id} is in the local Azure`);
  return String(((v.properties.publishingProfile as { source: { mediaLink: string } }).source).mediaLink);
}

describe('Application version packages from storage (extension host, local Azure with Azurite)', function () {
  this.timeout(120_000);
  const ui = useDemoSession({ replicationMs: 300 });
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-apps-it-'));
    const app = await run<Application>('createApplication', { gallery: GALLERY_ID, name: 'it-packages', osType: 'Linux', description: 'Packages from storage' });
    assert.ok(app, 'the application was created');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('Pick from a storage account…: a private blob goes with a read-only https SAS the gallery can read, masked in the summary and the hover', async () => {
    let summary: string[] = [];
    const prompter = new ScriptedPrompter([
      '1.0.0',
      { pick: /Pick from a storage account/ },
      'contosoimagestage',
      'packages',
      'sample-app-1.0.0.tar.gz',
      { pick: /No default configuration file/ },
      './install.sh',
      './remove.sh',
      '',
      { accept: true },
      '1',
      (p) => {
        summary = (p.items ?? []).map((i) => `${String(i.label)}: ${String(i.description ?? i.detail ?? '')}`);
        return { pick: /^Create application version$/ };
      },
    ]);
    const created = await run<ApplicationVersion>('createApplicationVersion', { application: APP_ID, prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(ui.errors(), []);
    assert.ok(created);
    const year = new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10);
    const blob = `${await azuriteUrl()}/contosoimagestage/packages/sample-app-1.0.0.tar.gz`;
    assert.ok(summary.includes(`Package: ${blob}`), summary.join(' | '));
    assert.ok(summary.includes(`Package access: read-only SAS until ${year}`), summary.join(' | '));

    const sent = mediaLinkOf(created.id, await emulatorState());
    const query = new URL(sent).searchParams;
    assert.ok(sent.startsWith(`${blob}?`), sent);
    assert.equal(query.get('sp'), 'r', 'read only');
    assert.equal(query.get('spr'), 'https');
    assert.equal(query.get('sr'), 'b', 'this blob only');
    assert.equal(query.get('se')?.slice(0, 10), year);
    assert.equal(query.get('skoid'), null, 'a service SAS (the gallery cannot use a user delegation SAS)');
    const read = await anonymousGet(sent);
    assert.equal(read.status, 200, 'the SAS reads the blob with no other credential');
    assert.equal(read.body.length, 4096);
    assert.notEqual((await anonymousGet(blob)).status, 200, 'the container is private: the plain URL does not read');

    const version = await nodeAt(/^Contoso Production/, 'contoso_images', 'VM Applications', 'it-packages', '1.0.0');
    const hover = tooltipText(await item(version));
    const sig = query.get('sig')!;
    assert.ok(!hover.includes(sig) && !hover.includes(encodeURIComponent(sig)), 'the hover does not show the signature');
    assert.match(hover, /&sig=[^&\s]{4,16}…/);
  });

  it('Upload a local file…: sent as a block blob into the container picked, then the version reads it through a SAS expiring on the end of life', async () => {
    const file = path.join(dir, 'agent-2.0.0.tar.gz');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 0x5a);
    fs.writeFileSync(file, bytes);
    const endOfLife = new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10);
    const prompter = new ScriptedPrompter([
      '2.0.0',
      { pick: /Upload a local file/ },
      'contosoimagestage',
      'packages',
      { accept: true }, // blob name: the file's
      { pick: /No default configuration file/ },
      './install.sh',
      './remove.sh',
      '',
      { accept: true },
      '1',
      { pick: /More options/ },
      '',
      '',
      { accept: true },
      { accept: true },
      { accept: true },
      endOfLife,
      { accept: true }, // SAS expiry: the end of life, suggested
      { accept: true },
      '',
      { pick: /^Create application version$/ },
    ]);
    const created = await run<ApplicationVersion>('createApplicationVersion', { application: APP_ID, prompter, chooseFile: async () => file });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(ui.errors(), []);
    assert.ok(created);
    const sent = mediaLinkOf(created.id, await emulatorState());
    assert.ok(sent.startsWith(`${await azuriteUrl()}/contosoimagestage/packages/agent-2.0.0.tar.gz?`), sent);
    assert.equal(new URL(sent).searchParams.get('se')?.slice(0, 10), endOfLife);
    const read = await anonymousGet(sent);
    assert.equal(read.status, 200);
    assert.ok(read.body.equals(bytes), 'the blob holds the file');
  });

  it('an options object names the blob and its account; a SAS expiry given is used', async () => {
    const blob = `${await azuriteUrl()}/contosoimagestage/packages/sample-app-1.0.0.tar.gz`;
    const created = await run<ApplicationVersion>('createApplicationVersion', {
      application: APP_ID, name: '3.0.0', packageUrl: blob, packageStorageAccountId: ACCOUNT, sasExpiry: '2027-01-31', install: 'i', remove: 'r', prompter: new ScriptedPrompter([]),
    });
    assert.deepEqual(ui.errors(), []);
    assert.ok(created);
    const sent = mediaLinkOf(created.id, await emulatorState());
    assert.equal(new URL(sent).searchParams.get('se')?.slice(0, 10), '2027-01-31');
    assert.equal((await anonymousGet(sent)).status, 200);
  });

  it('an account that refuses keys cannot sign a SAS the gallery takes: said before anything is created', async () => {
    await clearRequestLog();
    const blob = `${await azuriteUrl()}/contosoentraonly/uploads/sample-app-0.9.0.tar.gz`;
    const created = await run('createApplicationVersion', { application: APP_ID, name: '3.1.0', packageUrl: blob, packageStorageAccountId: ENTRA_ONLY, install: 'i', remove: 'r', prompter: new ScriptedPrompter([]) });
    assert.equal(created, undefined);
    await ui.waitFor('error', /contosoentraonly refuses account keys.*user delegation SAS/s);
    assert.deepEqual((await writes()).filter((w) => /Microsoft\.Compute/i.test(w)), []);
  });
});
