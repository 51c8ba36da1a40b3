// The Azure layer's reads under plain Node against the in-process local Azure (demo seed): what
// the tree and View Properties rely on — lists in the project's own types, one page at a time,
// a version with Azure's own JSON from the same response, and Azure's errors as AzureError.
import assert from 'node:assert/strict';
import { AzureError } from '../../../src/azure/errors';
import { getGallery, listGalleries } from '../../../src/azure/galleries';
import { listImageDefinitions } from '../../../src/azure/images';
import { getResourceJson } from '../../../src/azure/resourceJson';
import { listSubscriptions, listTenants } from '../../../src/azure/subscriptions';
import { getImageVersion, getImageVersionAndJson, listImageVersionsPage } from '../../../src/azure/versions';
import { DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

const GALLERIES = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries`;
const UBUNTU = `${GALLERIES}/contoso_images/images/ubuntu-22.04-lts`;

describe('Azure layer: reads (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  before(async () => {
    azure = await startLocalAzure('demo');
  });
  after(() => azure?.stop());

  it('lists the subscriptions the service principal can see', async () => {
    const subscriptions = await listSubscriptions(azure.cloud, azure.target(PRODUCTION_SUBSCRIPTION_ID).credential, 'acg-unit-tests');
    const ids = subscriptions.map((s) => s.subscriptionId);
    assert.ok(ids.includes(PRODUCTION_SUBSCRIPTION_ID) && ids.includes(DEVELOPMENT_SUBSCRIPTION_ID), ids.join(', '));
    assert.ok(subscriptions.every((s) => s.name !== '' && s.state === 'Enabled'));
  });

  it('lists the tenants the principal belongs to, by the names Azure gives them', async () => {
    const tenants = await listTenants(azure.cloud, azure.target(PRODUCTION_SUBSCRIPTION_ID).credential, 'acg-unit-tests');
    assert.deepEqual(tenants.find((t) => t.id === FABRIKAM_TENANT_ID), { id: FABRIKAM_TENANT_ID, name: 'Fabrikam' });
    assert.ok(tenants.some((t) => t.name === 'Contoso'), JSON.stringify(tenants));
  });

  it("lists a subscription's galleries sorted by name, with each sharing kind", async () => {
    const galleries = await listGalleries(azure.target(PRODUCTION_SUBSCRIPTION_ID));
    assert.deepEqual(
      galleries.map((g) => [g.name, g.permissions, g.resourceGroup]),
      [
        ['contoso_community', 'Community', 'rg-images'],
        ['contoso_images', 'Private', 'rg-images'],
        ['contoso_shared', 'Groups', 'rg-images'],
      ],
    );
    const community = galleries.find((g) => g.name === 'contoso_community');
    assert.equal(community?.community?.publicNamePrefix, 'ContosoPublic');
    assert.equal(community?.community?.enabled, true);
  });

  it('gets one gallery with its sharing groups', async () => {
    const shared = await getGallery(azure.target(PRODUCTION_SUBSCRIPTION_ID), 'rg-images', 'contoso_shared');
    assert.deepEqual(
      shared.groups.map((g) => [g.type, g.ids]),
      [
        ['Subscriptions', [DEVELOPMENT_SUBSCRIPTION_ID]],
        ['AADTenants', [FABRIKAM_TENANT_ID]],
      ],
    );
  });

  it("lists a gallery's image definitions in the project's terms", async () => {
    const definitions = await listImageDefinitions(azure.target(PRODUCTION_SUBSCRIPTION_ID), 'rg-images', 'contoso_images');
    assert.deepEqual(
      definitions.map((d) => [d.name, d.osType, d.publisher, d.offer, d.securityType]),
      [
        ['ubuntu-22.04-lts', 'Linux', 'Contoso', 'UbuntuServer', 'TrustedLaunchSupported'],
        ['windows-server-2022', 'Windows', 'Contoso', 'WindowsServer', 'TrustedLaunchSupported'],
      ],
    );
  });

  it('reads versions one page per request, following the continuation token', async () => {
    azure.emu.admin.setConfig({ pageSize: 1 });
    try {
      const target = azure.target(PRODUCTION_SUBSCRIPTION_ID);
      const before = azure.emu.requests.length;
      const first = await listImageVersionsPage(target, 'rg-images', 'contoso_images', 'ubuntu-22.04-lts');
      assert.equal(first.items.length, 1);
      assert.ok(first.continuationToken, 'a first page of one says where the next starts');
      const second = await listImageVersionsPage(target, 'rg-images', 'contoso_images', 'ubuntu-22.04-lts', first.continuationToken);
      assert.deepEqual([...first.items, ...second.items].map((v) => v.name).sort(), ['1.0.0', '1.1.0']);
      assert.equal(second.continuationToken, undefined);
      const lists = azure.emu.requests.slice(before).filter((r) => r.method === 'GET' && r.path.includes('/versions'));
      assert.equal(lists.length, 2, 'one request per page, none per version');
    } finally {
      azure.emu.admin.setConfig({ pageSize: 100 });
    }
  });

  it("gets a version with its replication, and Azure's own JSON from the same response", async () => {
    const target = azure.target(PRODUCTION_SUBSCRIPTION_ID);
    const id = `${UBUNTU}/versions/1.0.0`;
    const version = await getImageVersion(target, id, true);
    assert.deepEqual(version.targetRegions.map((r) => r.name).sort(), ['East US', 'West US 2'].sort());
    assert.equal(version.replication?.aggregatedState, 'Completed');

    const before = azure.emu.requests.length;
    const both = await getImageVersionAndJson(target, id);
    assert.equal(azure.emu.requests.length - before, 1, 'one GET for the version and its JSON');
    type VersionJson = { name: string; properties: { publishingProfile: { targetRegions: { name: string }[] }; replicationStatus?: unknown } };
    const json = both.json as VersionJson;
    // The raw JSON keeps ARM's shape (properties nested), which the SDK's model flattens.
    assert.equal(json.name, '1.0.0');
    assert.deepEqual(
      json.properties.publishingProfile.targetRegions.map((r) => r.name),
      both.version.targetRegions.map((r) => r.name),
    );
    // View Properties asks for the same JSON with the replication status expanded.
    const viewed = (await getResourceJson(target, id)) as VersionJson;
    assert.deepEqual(viewed.properties.publishingProfile, json.properties.publishingProfile);
    assert.equal(json.properties.replicationStatus, undefined);
    assert.ok(viewed.properties.replicationStatus);
  });

  it("turns Azure's errors into AzureError with Azure's code, status and message", async () => {
    const error = await getGallery(azure.target(PRODUCTION_SUBSCRIPTION_ID), 'rg-images', 'no_such_gallery').then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof AzureError, String(error));
    assert.equal(error.code, 'ResourceNotFound');
    assert.equal(error.statusCode, 404);
    assert.ok(error.isNotFound);
    assert.match(error.message, /no_such_gallery/);
  });
});
