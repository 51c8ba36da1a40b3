// Issue 8, security: runs last in the extension host, after every other suite has signed in and
// run every command. Nothing secret may have reached the log channel, settings, global state or
// what the user was told; only https:// endpoints are accepted.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UiRecorder } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, item, refreshAll, signInToLocalAzure } from './helpers';

const CLIENT_SECRET = process.env.AZURE_CLIENT_SECRET ?? '';
// A JWT (what Azure AD issues), a bearer header, or the secret itself.
const LEAKS = [/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, /Bearer\s+[A-Za-z0-9._-]{16,}/i, /authorization["']?\s*[:=]/i];

function findLeaks(where: string, text: string): string[] {
  const found: string[] = [];
  if (CLIENT_SECRET && text.includes(CLIENT_SECRET)) found.push(`${where}: the client secret`);
  for (const pattern of LEAKS) {
    const m = pattern.exec(text);
    if (m) found.push(`${where}: ${m[0].slice(0, 24)}…`);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('security: nothing leaked, https only', () => {
  const ui = new UiRecorder();
  before(async () => {
    assert.ok(CLIENT_SECRET.length > 8, 'the run signs in with a real client secret');
    await signInToLocalAzure();
    await ui.install();
  });
  after(() => ui.uninstall());

  it('the scanner itself finds a token, a bearer header and the secret when they are there', () => {
    assert.equal(findLeaks('probe', `Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig ${CLIENT_SECRET}`).length, 4);
  });

  it('the log channel never holds a token, the secret or an Authorization header', async () => {
    const api = await extensionApi();
    // Make sure failures were logged in this very session too.
    await emulatorAdmin('POST', '/_admin/config', { faults: [{ kind: 'error', status: 401, code: 'InvalidAuthenticationToken', times: 4, path: 'galleries/contoso_images$', method: 'GET' }] });
    await vscode.commands.executeCommand('azureComputeGallery.viewProperties', (await children((await children())[1]))[1]);
    await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    const logDir = path.dirname(api.logUri.fsPath);
    const logs = filesUnder(logDir).filter((f) => f.endsWith('.log'));
    const ours = logs.filter((f) => /Azure Compute Gallery/.test(path.basename(f)) || f.includes('azure-compute-gallery'));
    assert.ok(ours.length > 0, `the output channel has a log file under ${logDir}: ${logs.map((f) => path.basename(f)).join(', ')}`);
    const text = ours.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    assert.match(text, /InvalidAuthenticationToken/, 'the failure was logged');
    assert.deepEqual(findLeaks('log', text), []);
  });

  it('what the user was told (notifications, tree rows, tooltips) holds no secret', async () => {
    const rows: string[] = [];
    for (const node of await children()) {
      const i = await item(node);
      rows.push(String(i.label), String(i.description ?? ''), typeof i.tooltip === 'string' ? i.tooltip : (i.tooltip?.value ?? ''));
    }
    const told = [...ui.notifications.map((n) => n.message), ...rows].join('\n');
    assert.deepEqual(findLeaks('ui', told), []);
  });

  it('settings and global state hold no secret (the service principal comes from the environment)', async () => {
    const api = await extensionApi();
    const settings = JSON.stringify({
      own: vscode.workspace.getConfiguration('azureComputeGallery'),
      filter: vscode.workspace.getConfiguration('azureResourceGroups').get('selectedSubscriptions'),
    });
    assert.doesNotMatch(settings, /clientSecret|client_secret/i);
    assert.deepEqual(findLeaks('settings', settings), []);
    const state = JSON.stringify(Object.fromEntries(api.explorer.globalState.keys().map((k) => [k, api.explorer.globalState.get(k)])));
    assert.deepEqual(findLeaks('globalState', state), []);
  });

  it('a custom cloud with an http:// endpoint is refused before anything is sent', async () => {
    const config = vscode.workspace.getConfiguration('azureComputeGallery');
    const original = config.get<Record<string, string>>('customEnvironment') ?? {};
    await emulatorAdmin('DELETE', '/_admin/requests');
    try {
      await config.update('customEnvironment', { ...original, resourceManagerEndpointUrl: original.resourceManagerEndpointUrl.replace('https://', 'http://') }, vscode.ConfigurationTarget.Global);
      const row = await eventually(async () => {
        await refreshAll();
        const i = await item((await children())[0]);
        assert.match(String(i.label), /Could not load your sign-in settings: .*https:\/\/.*clear text/);
        return i;
      });
      assert.equal(row.contextValue, 'acg.error');
      const sent = (await emulatorAdmin('GET', '/_admin/requests')) as unknown[];
      assert.equal(sent.length, 0, 'no request reached the local Azure');
    } finally {
      await config.update('customEnvironment', original, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => {
      await refreshAll();
      assert.equal((await item((await children())[0])).contextValue, 'acg.subscription');
    });
  });
});
