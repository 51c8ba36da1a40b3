// Issue 8: faults survived. Azure throttles, fails, drops connections, never finishes, refuses a
// token or a subscription, or goes away altogether; the extension keeps working and tells the truth.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/tree/explorerProvider';
import { emulatorState, PRODUCTION, resource, RG_IMAGES, ScriptedPrompter, UBUNTU_ID, UiRecorder } from './createHelpers';
import { children, emulatorAdmin, eventually, extensionApi, item, labels, nodeAt, refreshAll, signInToLocalAzure, tooltipText } from './helpers';

const DEVELOPMENT = '00000000-0000-4000-8000-00000000a002';
const PRODUCTION_GALLERIES = ['contoso_community', 'contoso_images', 'contoso_shared'];

interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
}

const requestLog = async () => (await emulatorAdmin('GET', '/_admin/requests')) as RequestLogEntry[];
const setFaults = (faults: unknown[], more: Record<string, unknown> = {}) => emulatorAdmin('POST', '/_admin/config', { faults, ...more });

/** Reloads the whole tree and the galleries of both Contoso subscriptions. */
async function reloadTree(): Promise<{ production: ExplorerNode[]; development: ExplorerNode[] }> {
  await refreshAll();
  await children();
  return { production: await children(await nodeAt('Contoso Production')), development: await children(await nodeAt('Contoso Development')) };
}

describe('reliability: faults survived', () => {
  const ui = new UiRecorder();

  before(async () => {
    await emulatorAdmin('POST', '/_admin/reset', { seed: 'demo' });
    await signInToLocalAzure();
    await ui.install();
  });

  afterEach(async () => {
    ui.clear();
    await setFaults([], { lro: { fail: null, neverFinish: null }, tokenLifetimeSeconds: 3600 });
  });

  after(() => ui.uninstall());

  it('429 with Retry-After on every third request: browsing and creating still succeed', async () => {
    await emulatorAdmin('DELETE', '/_admin/requests');
    await setFaults([{ kind: 'throttle', every: 3, retryAfterSeconds: 1 }]);
    const { production, development } = await reloadTree();
    assert.deepEqual(await labels(production), PRODUCTION_GALLERIES);
    assert.deepEqual(await labels(development), ['dev_gallery']);
    const created = await vscode.commands.executeCommand<{ id: string } | undefined>('azureComputeGallery.createGallery', {
      subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'throttled_gallery', location: 'eastus', sharing: 'Private',
    });
    assert.ok(created, `the create succeeded within the retry budget; the user was told: ${JSON.stringify(ui.errors())}`);
    assert.ok((await requestLog()).some((r) => r.status === 429), 'Azure did throttle');
    assert.deepEqual(ui.errors(), []);
  });

  it('beyond the retry budget: "Azure is throttling requests" on that subscription, not a stack', async () => {
    await setFaults([{ kind: 'throttle', subscriptionId: DEVELOPMENT, path: 'Microsoft.Compute/galleries', retryAfterSeconds: 1 }]);
    const { production, development } = await reloadTree();
    assert.deepEqual(await labels(production), [...PRODUCTION_GALLERIES, 'throttled_gallery']);
    const row = await item(development[0]);
    assert.match(String(row.label), /^Azure is throttling requests: galleries not loaded yet$/);
    assert.equal(row.description, 'TooManyRequests');
    const tooltip = tooltipText(row).replace(/&nbsp;/g, ' ');
    assert.match(tooltip, /wait a minute, then try again/);
    assert.doesNotMatch(tooltip, /\n\s+at /);
  });

  it('500, 503 and dropped connections on reads are retried', async () => {
    await emulatorAdmin('DELETE', '/_admin/requests');
    await setFaults([
      { kind: 'error', status: 503, times: 2, method: 'GET', path: 'Microsoft.Compute/galleries$' },
      { kind: 'error', status: 500, times: 1, method: 'GET', path: '/images$' },
      { kind: 'drop', times: 1, method: 'GET', path: 'ubuntu-22.04-lts/versions$' },
    ]);
    const { production } = await reloadTree();
    assert.deepEqual(await labels(production), [...PRODUCTION_GALLERIES, 'throttled_gallery']);
    assert.deepEqual(await labels(await children(await nodeAt('Contoso Production', 'contoso_images'))), ['ubuntu-22.04-lts', 'windows-server-2022', 'VM Applications']);
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    await vscode.commands.executeCommand('azureComputeGallery.refresh', definition);
    assert.deepEqual(await labels(await children(definition)), ['1.1.0', '1.0.0']);
    const statuses = (await requestLog()).map((r) => r.status);
    assert.ok(statuses.includes(503) && statuses.includes(500) && statuses.includes(0), `every fault fired: ${[...new Set(statuses)].join(', ')}`);
  });

  it('a create whose answer is lost: the extension looks at what exists instead of repeating the write', async () => {
    // Azure makes the gallery, but every answer to the PUT is lost (the SDK's own retries included).
    await setFaults([{ kind: 'drop', afterProcessing: true, method: 'PUT', path: 'galleries/lost_answer_gallery$' }]);
    const created = await vscode.commands.executeCommand<{ id: string } | undefined>('azureComputeGallery.createGallery', {
      subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'lost_answer_gallery', location: 'eastus', sharing: 'Private',
    });
    assert.ok(created, 'reported as created: Azure has it');
    assert.match(created.id, /galleries\/lost_answer_gallery$/);
    assert.deepEqual(ui.errors(), []);
    assert.ok(resource(await emulatorState(), `${RG_IMAGES}/providers/Microsoft.Compute/galleries/lost_answer_gallery`));
    assert.ok((await labels(await children(await nodeAt('Contoso Production')))).includes('lost_answer_gallery'));
  });

  it('a create whose request never reached Azure: looked for, then offered again (Retry or Edit) with the answers kept, nothing half-made', async () => {
    await emulatorAdmin('DELETE', '/_admin/requests');
    await setFaults([{ kind: 'drop', method: 'PUT', path: 'galleries/never_arrived$' }]);
    const created = await vscode.commands.executeCommand('azureComputeGallery.createGallery', {
      subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'never_arrived', location: 'eastus', sharing: 'Private',
    });
    assert.equal(created, undefined);
    const error = await ui.waitFor('error', /Could not create gallery "never_arrived"/);
    assert.match(error.message, /could not be reached|connection/i);
    assert.match(error.message, / Azure has no gallery "never_arrived": nothing was created\.$/);
    assert.deepEqual(error.actions, ['Retry', 'Edit and Try Again']);
    assert.equal(resource(await emulatorState(), `${RG_IMAGES}/providers/Microsoft.Compute/galleries/never_arrived`), undefined);
    // It looked (a GET of the gallery, not found) after the last lost PUT, before offering Retry.
    const trail = (await requestLog()).filter((r) => /galleries\/never_arrived$/.test(r.path)).map((r) => `${r.method} ${r.status}`);
    assert.deepEqual(trail.slice(-2), ['PUT 0', 'GET 404'], trail.join(', '));
  });

  it('Retry after an unknown outcome sends the same answers again, without a prompt, once Azure has nothing', async () => {
    // As many lost PUTs as one run makes (the SDK retries a dropped request itself), then none.
    await emulatorAdmin('DELETE', '/_admin/requests');
    await setFaults([{ kind: 'drop', method: 'PUT', path: 'galleries/retried_gallery$' }]);
    const options = { subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'retried_gallery', location: 'eastus', sharing: 'Private', description: 'kept' };
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.createGallery', options), undefined);
    const lost = (await requestLog()).filter((r) => r.method === 'PUT' && /retried_gallery$/.test(r.path)).length;
    assert.ok(lost > 0);
    ui.clear();
    await emulatorAdmin('DELETE', '/_admin/requests');
    await setFaults([{ kind: 'drop', method: 'PUT', path: 'galleries/retried_gallery$', times: lost }]);
    const prompter = new ScriptedPrompter([]);
    ui.respond = (n) => (n.actions.includes('Retry') ? 'Retry' : undefined);
    const created = await vscode.commands.executeCommand<{ id: string; description?: string } | undefined>('azureComputeGallery.createGallery', { ...options, prompter });
    assert.match(created?.id ?? '', /galleries\/retried_gallery$/, 'the call answers what Retry created');
    assert.equal(prompter.prompts.length, 0, 'Retry asks nothing');
    assert.equal(ui.errors().length, 1, `one failure shown: ${ui.errors().join(' | ')}`);
    const trail = (await requestLog()).filter((r) => /galleries\/retried_gallery$/.test(r.path)).map((r) => `${r.method} ${r.status}`);
    const look = trail.indexOf('GET 404');
    assert.ok(look > 0 && trail.slice(look + 1).some((t) => /^PUT 20[01]$/.test(t)), `looked before the second PUT: ${trail.join(', ')}`);
    assert.equal(resource(await emulatorState(), `${RG_IMAGES}/providers/Microsoft.Compute/galleries/retried_gallery`)?.properties.description, 'kept');
  });

  it('an image definition and an image version whose answers are lost: looked up, reported as created, not sent again', async () => {
    await emulatorAdmin('DELETE', '/_admin/requests');
    await setFaults([
      { kind: 'drop', afterProcessing: true, method: 'PUT', path: 'images/lost-answer-def$' },
      { kind: 'drop', afterProcessing: true, method: 'PUT', path: 'ubuntu-22.04-lts/versions/7.2.0$' },
    ]);
    const definition = await vscode.commands.executeCommand<{ id: string } | undefined>('azureComputeGallery.createImageDefinition', {
      gallery: `${RG_IMAGES}/providers/Microsoft.Compute/galleries/contoso_images`, name: 'lost-answer-def', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2',
      architecture: 'x64', publisher: 'Contoso', offer: 'LostAnswer', sku: 'lost', securityType: 'Standard',
    });
    assert.match(definition?.id ?? '', /images\/lost-answer-def$/, `reported as created; the user was told: ${ui.errors().join(' | ')}`);
    const version = await vscode.commands.executeCommand<{ id: string } | undefined>('azureComputeGallery.createImageVersion', {
      definition: UBUNTU_ID, version: '7.2.0', source: `/subscriptions/${PRODUCTION}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`,
    });
    assert.match(version?.id ?? '', /versions\/7\.2\.0$/, `reported as submitted; the user was told: ${ui.errors().join(' | ')}`);
    assert.deepEqual(ui.errors(), []);
    const log = await requestLog();
    const versionTrail = log.filter((r) => /versions\/7\.2\.0$/.test(r.path)).map((r) => `${r.method} ${r.status}`);
    const firstGet = versionTrail.findIndex((t) => t.startsWith('GET'));
    assert.ok(firstGet > 0 && versionTrail.slice(0, firstGet).every((t) => t === 'PUT 0'), `the lost PUTs, then the look: ${versionTrail.join(', ')}`);
    assert.ok(!versionTrail.slice(firstGet).some((t) => t.startsWith('PUT')), 'not sent again after the look');
    assert.ok(log.some((r) => r.method === 'GET' && /galleries\/contoso_images\/images$/.test(r.path)), 'the definition was looked up in the gallery');
  });

  it("a long-running operation that fails: Azure's code and message, and the tree matches Azure", async () => {
    await setFaults([], { lro: { fail: { code: 'InternalOperationError', message: 'Injected: the gallery could not be provisioned.', path: 'galleries/failing_gallery' } } });
    const created = await vscode.commands.executeCommand('azureComputeGallery.createGallery', {
      subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'failing_gallery', location: 'eastus', sharing: 'Private',
    });
    assert.equal(created, undefined);
    const error = await ui.waitFor('error', /failing_gallery/);
    assert.match(error.message, /Injected: the gallery could not be provisioned\. \(code InternalOperationError\)/);
    // No phantom: a node only if Azure kept the resource, and then showing its failed state.
    const kept = resource(await emulatorState(), `${RG_IMAGES}/providers/Microsoft.Compute/galleries/failing_gallery`);
    const { production } = await reloadTree();
    const node = (await Promise.all(production.map(item))).find((i) => i.label === 'failing_gallery');
    if (kept) assert.match(String(node?.description), /Failed/);
    else assert.equal(node, undefined);
  });

  it('one that never ends: the user stops waiting, Azure goes on, and Refresh shows the true state', async () => {
    await setFaults([], { lro: { neverFinish: { path: 'galleries/endless_gallery' } } });
    const stop = new AbortController();
    const pending = vscode.commands.executeCommand('azureComputeGallery.createGallery', {
      subscriptionId: PRODUCTION, resourceGroup: 'rg-images', name: 'endless_gallery', location: 'eastus', sharing: 'Private', abortSignal: stop.signal,
    });
    await eventually(async () => assert.ok(resource(await emulatorState(), `${RG_IMAGES}/providers/Microsoft.Compute/galleries/endless_gallery`)));
    stop.abort();
    assert.equal(await pending, undefined);
    await ui.waitFor('info', /Stopped waiting for gallery endless_gallery\. Azure goes on creating it/);
    const { production } = await reloadTree();
    const node = (await Promise.all(production.map(item))).find((i) => i.label === 'endless_gallery');
    assert.match(String(node?.description), /eastus · Private · Creating/);
  });

  it('a 401 mid-session: the node asks to sign in again, and after sign-in the same view loads', async () => {
    await setFaults([{ kind: 'error', status: 401, code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.', subscriptionId: DEVELOPMENT }]);
    const { development } = await reloadTree();
    const row = await item(development[0]);
    assert.equal(row.label, 'Sign in again to load galleries');
    assert.equal(row.contextValue, 'acg.error.signIn');
    assert.equal(row.command?.command, 'azureComputeGallery.signIn');
    await setFaults([]);
    assert.equal(await vscode.commands.executeCommand(row.command!.command), true);
    assert.deepEqual(await labels(await children(await nodeAt('Contoso Development'))), ['dev_gallery']);
  });

  it('a command refused with 401 offers "Sign In and Retry", which signs in and runs it again', async () => {
    await setFaults([{ kind: 'error', status: 401, code: 'InvalidAuthenticationToken', message: 'The access token is invalid.', times: 4, path: 'galleries/contoso_images$', method: 'GET' }]);
    ui.respond = (n) => (n.actions.includes('Sign In and Retry') ? 'Sign In and Retry' : undefined);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('azureComputeGallery.viewProperties', await nodeAt('Contoso Production', 'contoso_images'));
    const offered = await ui.waitFor('error', /Could not view properties: The access token is invalid\. \(code InvalidAuthenticationToken\) .*sign in again/);
    assert.deepEqual(offered.actions, ['Sign In and Retry']);
    assert.ok(editor, 'the retried command opened the properties');
    assert.match(editor.document.getText(), /"name": "contoso_images"/);
  });

  it('a token that expires mid-session is renewed without the user noticing', async () => {
    // Short enough to expire during the test, long enough not to expire in flight on a busy machine.
    await setFaults([], { tokenLifetimeSeconds: 5 });
    // A new session, so that the token in use is one of the short-lived ones.
    (await extensionApi()).explorer.resetSession();
    await reloadTree();
    await new Promise<void>((resolve) => setTimeout(resolve, 5500)); // the token must really expire
    await emulatorAdmin('DELETE', '/_admin/requests');
    const { production } = await reloadTree();
    assert.ok((await labels(production)).includes('contoso_images'));
    const log = await requestLog();
    assert.ok(log.some((r) => r.method === 'POST' && /oauth2\/v2\.0\/token/.test(r.path)), 'a new token was fetched');
    assert.ok(!log.some((r) => r.status === 401), 'no request went out with the expired token');
    assert.deepEqual(ui.errors(), []);
  });

  it('403 on one subscription: that node says so, the others work', async () => {
    await setFaults([{ kind: 'error', status: 403, code: 'AuthorizationFailed', message: "The client does not have authorization to perform action 'Microsoft.Compute/galleries/read'.", subscriptionId: DEVELOPMENT }]);
    const { production, development } = await reloadTree();
    const row = await item(development[0]);
    assert.match(String(row.label), /^No access to galleries: The client does not have authorization/);
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'lock');
    assert.ok((await labels(production)).includes('contoso_images'));
  });

  it('the local Azure restarts mid-operation: no crash, and a refresh recovers the true state', async () => {
    const created = await vscode.commands.executeCommand<{ id: string } | undefined>('azureComputeGallery.createImageVersion', {
      definition: UBUNTU_ID, version: '7.0.0', source: `/subscriptions/${PRODUCTION}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`,
    });
    assert.ok(created);
    // Longer than the SDK's own retries (which ride out a short outage unnoticed).
    await emulatorAdmin('POST', '/_admin/restart', { downMs: 8000 });
    const down = await eventually(async () => {
      await refreshAll();
      const row = await item((await children())[0]);
      assert.match(String(row.label), /^Could not reach Azure to load subscriptions$/);
      return row;
    }, 30_000);
    assert.equal(down.contextValue, 'acg.error');
    await eventually(async () => {
      await refreshAll();
      assert.ok((await labels(await children(await nodeAt('Contoso Production')))).includes('contoso_images'));
    }, 30_000);
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    await eventually(async () => {
      await vscode.commands.executeCommand('azureComputeGallery.refresh', definition);
      assert.ok((await labels(await children(definition))).includes('7.0.0'));
    });
  });
});
