import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  child,
  children,
  emulatorAdmin,
  eventually,
  extensionApi,
  item,
  labels,
  nodeAt,
  refreshAll,
  signInToLocalAzure,
  tooltipText,
} from './helpers';
import { UiRecorder } from './createHelpers';

const PRODUCTION = '00000000-0000-4000-8000-00000000a001';
const DEVELOPMENT = '00000000-0000-4000-8000-00000000a002';
const TENANT = 'a1b2c3d4-0000-4000-a000-000000000001';
const COMMUNITY_NAME = 'ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b';
/** A tooltip's Markdown with its escapes removed: the text the user reads. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
const GALLERY_ID = `/subscriptions/${PRODUCTION}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images`;

describe('the explorer against the local Azure (demo seed)', () => {
  before(async () => {
    await emulatorAdmin('POST', '/_admin/reset', { seed: 'demo' });
    await extensionApi();
    assert.deepEqual(await children(), [], 'signed out first: the welcome view shows');
    await signInToLocalAzure();
  });

  afterEach(async () => {
    await emulatorAdmin('POST', '/_admin/config', { faults: [], pageSize: 100 });
  });

  it('lists the subscriptions the service principal can see, then Shared with me and Community', async () => {
    const roots = await children();
    assert.deepEqual(await labels(roots), ['Contoso Development', 'Contoso Production', 'Shared with me', 'Community']);
    const sub = await item(roots[1]);
    assert.equal(sub.contextValue, 'acg.subscription');
    assert.equal(sub.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(sub.description, undefined, 'one account: no account in the description');
    assert.match(tooltipText(sub), new RegExp(PRODUCTION));
    assert.equal((await item(roots[2])).contextValue, 'acg.shared.root');
    assert.equal((await item(roots[3])).contextValue, 'acg.community.root');
  });

  it('shows each gallery with its location, sharing kind, icon and tooltip', async () => {
    const galleries = await children(await nodeAt('Contoso Production'));
    assert.deepEqual(await labels(galleries), ['contoso_community', 'contoso_images', 'contoso_shared']);
    const [community, priv] = await Promise.all(galleries.map(item));
    const api = await extensionApi();
    // Sharing groups are not in Azure's list answer: the tooltip fetches them when hovered.
    const shared = await api.explorer.provider.resolveTreeItem(await item(galleries[2]), galleries[2], new vscode.CancellationTokenSource().token);
    assert.equal(priv.description, 'eastus · Private');
    assert.equal(shared.description, 'eastus · Direct share');
    assert.equal(community.description, 'eastus · Community');
    assert.deepEqual([priv.contextValue, shared.contextValue, community.contextValue], ['acg.gallery.private', 'acg.gallery.groups', 'acg.gallery.community']);
    assert.deepEqual([priv, shared, community].map((i) => (i.iconPath as vscode.ThemeIcon).id), ['lock', 'organization', 'globe']);
    assert.match(tooltipText(shared), /Resource group: rg\\-images/);
    assert.ok(plain(tooltipText(shared)).includes(`Shared with subscription: Contoso Development (\`${DEVELOPMENT}\`)`), tooltipText(shared));
    assert.match(plain(tooltipText(shared)), /Shared with tenant: /);
    assert.match(tooltipText(community), new RegExp(`Public names: \`${COMMUNITY_NAME}\``));
    assert.match(tooltipText(priv), /Golden images for Contoso production workloads/);
  });

  it('shows image definitions with OS, state, generation, architecture and security type', async () => {
    const images = await children(await nodeAt('Contoso Production', 'contoso_images'));
    assert.deepEqual(await labels(images), ['ubuntu-22.04-lts', 'windows-server-2022', 'VM Applications']);
    const ubuntu = await item(images[0]);
    assert.equal(ubuntu.description, 'Linux · Gen2 · Trusted launch supported');
    assert.match(plain(tooltipText(ubuntu)), /OS: Linux \(Generalized\) · Gen2 · x64 · Trusted launch supported/);
    assert.equal(ubuntu.contextValue, 'acg.image');
    assert.match(tooltipText(ubuntu), /Publisher: Contoso/);
    assert.match(tooltipText(ubuntu), /SKU: 22\\_04\\-lts\\-gen2/);
    const windows = await item(images[1]);
    assert.equal((windows.iconPath as vscode.ThemeIcon).id, 'window');
  });

  it('shows versions newest first, marks latest, and live replication progress for the one still replicating', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const versions = await children(definition);
    assert.deepEqual(await labels(versions), ['1.1.0', '1.0.0']);
    const done = await item(versions[1]);
    assert.equal(done.contextValue, 'acg.version');
    assert.match(tooltipText(done), /East US: 1 replica · Standard\\_LRS {2}\n· West US 2: 1 replica/);
    // 1.1.0 replicates slowly in the demo seed: the watcher fetches its per-region status.
    await eventually(async () => {
      const fresh = await item((await children(definition))[0]);
      // Still being created: not what "latest" gives yet, but what takes over once it is ready.
      assert.match(String(fresh.description), /^Replicating (\d\/3|to 3) regions, \d+% · latest when ready$/);
      assert.equal(fresh.contextValue, 'acg.version.busy');
      assert.equal((fresh.iconPath as vscode.ThemeIcon).id, 'sync~spin');
      assert.match(tooltipText(fresh), /Japan East: Replicating \d+%/);
    });
    const api = await extensionApi();
    assert.ok(api.explorer.watcher.watching.some((id) => id.endsWith('/versions/1.1.0')), '1.1.0 is watched');
    assert.ok(!api.explorer.watcher.watching.some((id) => id.endsWith('/versions/1.0.0')), 'a finished version is not watched');
  });

  it('loads every subscription’s galleries with one Resource Graph query; ARM where it cannot tell or has failed', async () => {
    type Logged = { method: string; path: string };
    const requests = async () => (await emulatorAdmin('GET', '/_admin/requests')) as Logged[];
    const graphQueries = (log: Logged[]) => log.filter((r) => r.method === 'POST' && /Microsoft\.ResourceGraph\/resources$/i.test(r.path.split('?')[0]));
    const armLists = (log: Logged[]) => log.filter((r) => /\/providers\/Microsoft\.Compute\/galleries$/i.test(r.path.split('?')[0]));
    const loadBoth = async () => {
      await refreshAll();
      await children();
      const api = await extensionApi();
      await api.explorer.root.prefetchGalleries();
      return [await labels(await children(await nodeAt('Contoso Production'))), await labels(await children(await nodeAt('Contoso Development')))];
    };
    const expected = [['contoso_community', 'contoso_images', 'contoso_shared'], ['dev_gallery']];
    const root = (await extensionApi()).explorer.root;
    const lag = root.resourceGraphLagMs;
    // Earlier suites wrote to both subscriptions minutes ago: forget that for the first part.
    root.resourceGraphLagMs = 0;

    await emulatorAdmin('DELETE', '/_admin/requests');
    assert.deepEqual(await loadBoth(), expected);
    let log = await requests();
    assert.equal(graphQueries(log).length, 1, 'one query for both subscriptions');
    assert.deepEqual(armLists(log), [], 'no per-subscription list');

    // Resource Graph refuses: each subscription is listed through ARM, and the tree is the same.
    await emulatorAdmin('POST', '/_admin/config', { faults: [{ kind: 'error', status: 400, code: 'BadRequest', message: 'Injected: query refused', path: 'Microsoft.ResourceGraph/resources$' }] });
    await emulatorAdmin('DELETE', '/_admin/requests');
    assert.deepEqual(await loadBoth(), expected);
    log = await requests();
    assert.equal(armLists(log).length, 2);
    await emulatorAdmin('POST', '/_admin/config', { faults: [] });

    // A subscription refreshed by the user (or written to) is listed through ARM for a while:
    // Resource Graph may not have caught up with the change yet.
    root.resourceGraphLagMs = lag;
    const changedEarlier = root.subscriptions.filter((s) => s.galleries.changedWithin(lag)).map((s) => s.subscription.subscriptionId);
    await vscode.commands.executeCommand('azureComputeGallery.refresh', await nodeAt('Contoso Development'));
    await emulatorAdmin('DELETE', '/_admin/requests');
    assert.deepEqual(await loadBoth(), expected);
    log = await requests();
    const viaArm = [...new Set([...changedEarlier, DEVELOPMENT])].sort();
    assert.equal(graphQueries(log).length, viaArm.length < 2 ? 1 : 0);
    assert.deepEqual(armLists(log).map((r) => r.path.split('/')[2]).sort(), viaArm);
  });

  it('a failure in one subscription shows on that node only, with Retry that works', async () => {
    await emulatorAdmin('POST', '/_admin/config', {
      faults: [{ kind: 'error', status: 500, code: 'InternalServerError', message: 'Injected failure', subscriptionId: DEVELOPMENT, path: 'providers/Microsoft.Compute/galleries' }],
    });
    await refreshAll();
    await children();
    const development = await nodeAt('Contoso Development');
    const [errorNode] = await children(development);
    const errorItem = await item(errorNode);
    assert.equal(errorItem.contextValue, 'acg.error');
    assert.match(String(errorItem.label), /Could not load galleries: Injected failure/);
    assert.equal(errorItem.description, 'InternalServerError');
    assert.equal(errorItem.command?.command, 'azureComputeGallery.retry');
    assert.deepEqual(await labels(await children(await nodeAt('Contoso Production'))), ['contoso_community', 'contoso_images', 'contoso_shared']);

    await emulatorAdmin('POST', '/_admin/config', { faults: [] });
    await vscode.commands.executeCommand(errorItem.command!.command, ...(errorItem.command!.arguments ?? []));
    assert.deepEqual(await labels(await children(development)), ['dev_gallery']);
  });

  it('pages long version lists with "Load more…", one page per click', async () => {
    await emulatorAdmin('POST', '/_admin/config', { pageSize: 1 });
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022');
    await vscode.commands.executeCommand('azureComputeGallery.refresh', definition);
    let nodes = await children(definition);
    assert.equal(nodes.length, 2);
    const more = await item(nodes[1]);
    assert.equal(more.label, 'Load more…');
    assert.equal(more.contextValue, 'acg.loadMore');
    await vscode.commands.executeCommand('azureComputeGallery.loadMore', definition);
    nodes = await children(definition);
    assert.deepEqual(await labels(nodes), ['2022.2.0', '2022.1.0']);
  });

  it('finds galleries shared directly with my subscriptions under "Shared with me", browsable to versions', async () => {
    const shared = await children(await nodeAt('Shared with me'));
    const names = await labels(shared);
    const fabrikam = shared[names.findIndex((n) => /fabrikam_partner_images/i.test(n))];
    assert.ok(fabrikam, `Fabrikam's gallery is shared with Contoso Production: ${names.join(', ')}`);
    const fi = await item(fabrikam);
    assert.equal(fi.contextValue, 'acg.shared.gallery');
    // Azure lists it in every region it is replicated to: one row names them all, and its owner.
    assert.equal(fi.label, 'FABRIKAM_PARTNER_IMAGES');
    assert.equal(fi.description, 'subscription 00000000… · eastus, westus2');
    const image = await child(fabrikam, 'windows-2022-hardened');
    assert.equal((await item(image)).contextValue, 'acg.shared.image');
    const [version] = await children(image);
    assert.equal((await item(version)).label, '3.2.1');
    const reference = await vscode.commands.executeCommand<string>('azureComputeGallery.copyImageReference', version);
    assert.match(reference, /^\/SharedGalleries\/[^/]*fabrikam_partner_images\/Images\/windows-2022-hardened\/Versions\/3\.2\.1$/i);
    assert.equal(await vscode.env.clipboard.readText(), reference);
  });

  it('adds a community gallery by public name, remembers it, and browses it read-only', async () => {
    const empty = await children(await nodeAt('Community'));
    assert.equal((await item(empty[0])).command?.command, 'azureComputeGallery.addCommunityGallery');
    await vscode.commands.executeCommand('azureComputeGallery.addCommunityGallery', COMMUNITY_NAME, 'eastus');
    const gallery = await nodeAt('Community', COMMUNITY_NAME);
    assert.equal((await item(gallery)).contextValue, 'acg.community.gallery');
    const version = await nodeAt('Community', COMMUNITY_NAME, 'debian-12', '1.0.0');
    const reference = await vscode.commands.executeCommand<string>('azureComputeGallery.copyImageReference', version);
    assert.equal(reference, `/CommunityGalleries/${COMMUNITY_NAME}/Images/debian-12/Versions/1.0.0`);
    const api = await extensionApi();
    assert.deepEqual(api.explorer.globalState.get('azureComputeGallery.communityGalleries'), [{ publicName: COMMUNITY_NAME, location: 'eastus' }]);
    await vscode.commands.executeCommand('azureComputeGallery.removeCommunityGallery', gallery);
    assert.equal((await item((await children(await nodeAt('Community')))[0])).command?.command, 'azureComputeGallery.addCommunityGallery');
  });

  it('Copy Resource ID and Copy Image Reference put the ARM ids on the clipboard', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    assert.equal(await vscode.commands.executeCommand('azureComputeGallery.copyResourceId', gallery), GALLERY_ID);
    assert.equal(await vscode.env.clipboard.readText(), GALLERY_ID);
    const version = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts', '1.0.0');
    const reference = await vscode.commands.executeCommand<string>('azureComputeGallery.copyImageReference', version);
    assert.equal(reference, `${GALLERY_ID}/images/ubuntu-22.04-lts/versions/1.0.0`);
  });

  it('View Properties opens Azure\'s JSON of the resource in a read-only editor', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_shared');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('azureComputeGallery.viewProperties', gallery);
    assert.equal(editor.document.uri.scheme, 'azure-compute-gallery');
    assert.equal(editor.document.languageId, 'json');
    const json = JSON.parse(editor.document.getText()) as { id: string; properties: { sharingProfile: { permissions: string; groups: unknown[] } } };
    assert.match(json.id, /galleries\/contoso_shared$/);
    assert.equal(json.properties.sharingProfile.permissions, 'Groups');
    assert.equal(json.properties.sharingProfile.groups.length, 2);
  });

  it('Open in Portal builds the portal link for the resource in its tenant', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    const url = await vscode.commands.executeCommand<string>('azureComputeGallery.openInPortal', gallery);
    assert.equal(url, `https://portal.azure.com/#@${TENANT}/resource${GALLERY_ID}`);
  });

  it('the subscription filter shows only the selected subscriptions, and clearing it shows all again', async () => {
    const config = vscode.workspace.getConfiguration('azureComputeGallery');
    await config.update('selectedSubscriptions', [`${TENANT}/${PRODUCTION}`], vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => assert.deepEqual(await labels(await children()), ['Contoso Production', 'Shared with me', 'Community']));
    } finally {
      await config.update('selectedSubscriptions', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => assert.deepEqual(await labels(await children()), ['Contoso Development', 'Contoso Production', 'Shared with me', 'Community']));
  });

  it('Show Sign-in Status says who is signed in where (and never the secret)', async () => {
    const text = await vscode.commands.executeCommand<string>('azureComputeGallery.showSignInStatus');
    assert.match(text, new RegExp(`^Signed in — Service principal c0ffee00-0000-4000-8000-000000000001 in tenant ${TENANT}, on the custom cloud https://127\\.0\\.0\\.1:\\d+/$`));
    assert.ok(!text.includes(process.env.AZURE_CLIENT_SECRET ?? '<none>'));
  });

  it('Select Subscriptions chooses what the tree shows; all of them clears the filter; an unknown id changes nothing', async () => {
    const ui = new UiRecorder();
    await ui.install();
    try {
      assert.deepEqual(await vscode.commands.executeCommand('azureComputeGallery.selectSubscriptions', { subscriptionIds: [PRODUCTION] }), [`${TENANT}/${PRODUCTION}`]);
      await eventually(async () => assert.deepEqual(await labels(await children()), ['Contoso Production', 'Shared with me', 'Community']));
      assert.equal(await vscode.commands.executeCommand('azureComputeGallery.selectSubscriptions', { subscriptionIds: ['00000000-0000-0000-0000-000000000bad'] }), undefined);
      await ui.waitFor('error', /Choose among your subscriptions: 00000000-0000-0000-0000-000000000bad is not one of them/);
      assert.deepEqual(vscode.workspace.getConfiguration('azureComputeGallery').get('selectedSubscriptions'), [`${TENANT}/${PRODUCTION}`]);
      await vscode.commands.executeCommand('azureComputeGallery.selectSubscriptions', { subscriptionIds: [PRODUCTION, DEVELOPMENT] });
      assert.deepEqual(vscode.workspace.getConfiguration('azureComputeGallery').get('selectedSubscriptions'), []);
      await eventually(async () => assert.deepEqual(await labels(await children()), ['Contoso Development', 'Contoso Production', 'Shared with me', 'Community']));
    } finally {
      await ui.uninstall();
    }
  });

  it('Select Cloud switches clouds (the status says which), refuses http:// custom endpoints, and switches back', async () => {
    const ui = new UiRecorder();
    await ui.install();
    const config = () => vscode.workspace.getConfiguration('azureComputeGallery');
    const original = config().get<{ resourceManagerEndpointUrl: string; activeDirectoryEndpointUrl: string }>('customEnvironment')!;
    try {
      assert.equal(await vscode.commands.executeCommand('azureComputeGallery.selectCloud', { cloud: 'AzureUSGovernment' }), 'AzureUSGovernment');
      assert.equal(config().get('environment'), 'AzureUSGovernment');
      assert.match(await vscode.commands.executeCommand<string>('azureComputeGallery.showSignInStatus'), /on AzureUSGovernment$/);
      const refused = await vscode.commands.executeCommand('azureComputeGallery.selectCloud', {
        cloud: 'Custom', resourceManagerEndpointUrl: 'http://127.0.0.1:1/', activeDirectoryEndpointUrl: original.activeDirectoryEndpointUrl,
      });
      assert.equal(refused, undefined);
      await ui.waitFor('error', /https:\/\/.*clear text.*Nothing was changed/);
      assert.equal(config().get('environment'), 'AzureUSGovernment', 'nothing changed');
    } finally {
      await vscode.commands.executeCommand('azureComputeGallery.selectCloud', { cloud: 'Custom', ...original });
      await ui.uninstall();
    }
    assert.equal(config().get('environment'), 'Custom');
    await eventually(async () => assert.ok((await labels(await children())).includes('Contoso Production')));
  });

  it('View Properties can be cancelled: the read stops and nothing opens', async () => {
    const gallery = await nodeAt('Contoso Production', 'contoso_images');
    await emulatorAdmin('POST', '/_admin/config', { latencyMs: 5000 });
    try {
      const stop = new AbortController();
      const started = Date.now();
      const pending = vscode.commands.executeCommand('azureComputeGallery.viewProperties', gallery, { abortSignal: stop.signal });
      setTimeout(() => stop.abort(), 200);
      assert.equal(await pending, undefined);
      assert.ok(Date.now() - started < 4000, 'the command returned without waiting for Azure');
    } finally {
      await emulatorAdmin('POST', '/_admin/config', { latencyMs: 0 });
    }
  });

  it('refreshing the whole tree keeps node ids stable (so expanded nodes stay expanded)', async () => {
    const before = (await item(await nodeAt('Contoso Production', 'contoso_images'))).id;
    await refreshAll();
    const after = (await item(await nodeAt('Contoso Production', 'contoso_images'))).id;
    assert.ok(before);
    assert.equal(after, before);
  });
});
