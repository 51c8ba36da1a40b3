import { strict as assert } from 'node:assert';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { RunningEmulator } from '../emulator/index';
import { DEVELOPMENT_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { FIND_QUERY } from '../../src/azure/findResources';
import { imageUsersQuery } from '../../src/azure/imageUsers';
import { communityGalleriesQuery } from '../../src/model/communityDiscovery';
import { armCode, computeClient, credentialFor, startFast } from './helpers';

const GALLERIES = "resources | where type =~ 'microsoft.compute/galleries' | project id, name, location, tags, properties";
const SUBSCRIPTIONS = [PRODUCTION_SUBSCRIPTION_ID, DEVELOPMENT_SUBSCRIPTION_ID];

interface Row {
  id: string;
  name: string;
  location: string;
  properties: { provisioningState?: string; identifier?: { uniqueName?: string } };
}

/** Resource Graph, as the tree's all-subscriptions load uses it: one query, rows shaped like ARM's GET. */
describe('Resource Graph (resources query)', function () {
  let emu: RunningEmulator;
  let client: ResourceGraphClient;
  before(async () => {
    emu = await startFast({ seed: 'demo' });
    client = new ResourceGraphClient(credentialFor(emu), { endpoint: emu.url, tlsOptions: { ca: emu.caCertPem } });
  });
  after(async () => emu?.stop());

  async function armGalleries(): Promise<string[]> {
    const ids: string[] = [];
    for (const sub of SUBSCRIPTIONS) for await (const g of computeClient(emu, sub).galleries.list()) ids.push(g.id!.toLowerCase());
    return ids.sort();
  }

  it('returns every gallery of the asked subscriptions in one answer, as ARM lists them', async () => {
    const page = await client.resources({ subscriptions: SUBSCRIPTIONS, query: GALLERIES, options: { top: 1000, resultFormat: 'objectArray' } });
    const rows = page.data as Row[];
    const expected = await armGalleries();
    assert.ok(expected.length >= 2, 'the demo seed has galleries');
    assert.deepEqual(rows.map((r) => r.id.toLowerCase()).sort(), expected);
    assert.equal(page.totalRecords, expected.length);
    assert.equal(page.count, expected.length);
    assert.equal(page.skipToken, undefined);
    const first = rows[0];
    const [, , sub, , rg] = first.id.split('/');
    const arm = await computeClient(emu, sub).galleries.get(rg, first.name);
    assert.equal(first.location, arm.location);
    assert.equal(first.properties.provisioningState, arm.provisioningState);
    assert.equal(first.properties.identifier?.uniqueName, arm.identifier?.uniqueName);
  });

  it('pages with $top and $skipToken, every row once', async () => {
    const seen: string[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.resources({ subscriptions: SUBSCRIPTIONS, query: GALLERIES, options: { top: 1, skipToken } });
      seen.push(...(page.data as Row[]).map((r) => r.id.toLowerCase()));
      skipToken = page.skipToken;
      pages++;
    } while (skipToken);
    const expected = await armGalleries();
    assert.equal(pages, expected.length);
    assert.deepEqual(seen.sort(), expected);
  });

  it('leaves out subscriptions the caller cannot read, without failing', async () => {
    const page = await client.resources({ subscriptions: ['00000000-0000-4000-9000-0000000000ff', PRODUCTION_SUBSCRIPTION_ID], query: GALLERIES });
    const rows = page.data as Row[];
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.id.toLowerCase().startsWith(`/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/`)));
  });

  it('answers the usage query for VMs and scale sets with the image reference ARM’s GET shows', async () => {
    const gallery = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images`;
    const query = imageUsersQuery({ id: gallery.toUpperCase(), imageName: 'ubuntu-22.04-lts' });
    const page = await client.resources({ subscriptions: SUBSCRIPTIONS, query, options: { top: 1000, resultFormat: 'objectArray' } });
    const rows = page.data as Array<{ name: string; type: string; resourceGroup: string; imageId: string; sharedImageId: string }>;
    assert.deepEqual(rows.map((r) => r.name).sort(), ['vm-dev-ubuntu', 'vm-web-01', 'vmss-web']);
    const vm = rows.find((r) => r.name === 'vm-web-01')!;
    assert.equal(vm.type, 'microsoft.compute/virtualmachines');
    assert.equal(vm.sharedImageId, '', 'tostring() of a missing member is an empty string');
    const arm = await computeClient(emu, PRODUCTION_SUBSCRIPTION_ID).virtualMachines.get('rg-workloads', 'vm-web-01');
    assert.equal(vm.imageId, arm.storageProfile?.imageReference?.id);
    assert.equal(rows.find((r) => r.name === 'vmss-web')!.type, 'microsoft.compute/virtualmachinescalesets');
  });

  it('answers Find…’s query: every gallery, definition, version and application, as ARM lists them', async () => {
    const page = await client.resources({ subscriptions: SUBSCRIPTIONS, query: FIND_QUERY, options: { top: 1000, resultFormat: 'objectArray' } });
    const rows = page.data as Array<{ id: string; type: string; publisher: string; sku: string; osType: string; supportedOSType: string; targetRegions: Array<{ name: string }> | null }>;
    const ids = (type: string) => rows.filter((r) => r.type === type).map((r) => r.id.toLowerCase()).sort();
    const expected = { galleries: [] as string[], images: [] as string[], versions: [] as string[], applications: [] as string[] };
    for (const sub of SUBSCRIPTIONS) {
      const compute = computeClient(emu, sub);
      for await (const g of compute.galleries.list()) {
        expected.galleries.push(g.id!.toLowerCase());
        const rg = g.id!.split('/')[4]!;
        for await (const d of compute.galleryImages.listByGallery(rg, g.name!)) {
          expected.images.push(d.id!.toLowerCase());
          for await (const v of compute.galleryImageVersions.listByGalleryImage(rg, g.name!, d.name!)) expected.versions.push(v.id!.toLowerCase());
        }
        for await (const a of compute.galleryApplications.listByGallery(rg, g.name!)) expected.applications.push(a.id!.toLowerCase());
      }
    }
    assert.deepEqual(ids('microsoft.compute/galleries'), expected.galleries.sort());
    assert.deepEqual(ids('microsoft.compute/galleries/images'), expected.images.sort());
    assert.deepEqual(ids('microsoft.compute/galleries/images/versions'), expected.versions.sort());
    assert.deepEqual(ids('microsoft.compute/galleries/applications'), expected.applications.sort());
    assert.ok(expected.versions.length > 0 && expected.applications.length > 0, 'the demo seed has versions and applications');
    assert.equal(rows.length, page.totalRecords);
    // The projected members are ARM's: the definition's identifier and osType, the version's target regions.
    const ubuntu = rows.find((r) => r.id.endsWith('/images/ubuntu-22.04-lts'))!;
    const arm = await computeClient(emu, PRODUCTION_SUBSCRIPTION_ID).galleryImages.get('rg-images', 'contoso_images', 'ubuntu-22.04-lts');
    assert.deepEqual([ubuntu.publisher, ubuntu.sku, ubuntu.osType], [arm.identifier?.publisher, arm.identifier?.sku, arm.osType]);
    const version = rows.find((r) => r.id.endsWith('/images/ubuntu-22.04-lts/versions/1.0.0'))!;
    const armVersion = await computeClient(emu, PRODUCTION_SUBSCRIPTION_ID).galleryImageVersions.get('rg-images', 'contoso_images', 'ubuntu-22.04-lts', '1.0.0');
    assert.deepEqual(version.targetRegions?.map((r) => r.name), armVersion.publishingProfile?.targetRegions?.map((r) => r.name));
    assert.equal(rows.find((r) => r.type === 'microsoft.compute/galleries/applications')!.supportedOSType, 'Linux');
    assert.equal(version.publisher, '', 'a version has no identifier of its own');
  });

  it('lists public galleries in communitygalleryresources, each row one the community GET answers in its region', async () => {
    const page = await client.resources({ subscriptions: SUBSCRIPTIONS, query: communityGalleriesQuery(), options: { top: 1000, resultFormat: 'objectArray' } });
    const rows = page.data as Array<{ name: string; location: string; properties: { communityMetadata?: { publisherContact?: string } } }>;
    assert.ok(rows.length >= 2, 'the demo seed has public galleries');
    for (const row of rows) {
      assert.equal(row.location, row.location.toLowerCase(), 'locations are lower case in this table');
      const arm = await computeClient(emu, PRODUCTION_SUBSCRIPTION_ID).communityGalleries.get(row.location, row.name);
      assert.equal(arm.communityMetadata?.publisherContact, row.properties.communityMetadata?.publisherContact);
    }
    // Public: a gallery in a subscription the caller cannot read is listed too.
    assert.ok(rows.some((r) => /^FabrikamPublic-/.test(r.name)));
    const west = await client.resources({ subscriptions: SUBSCRIPTIONS, query: communityGalleriesQuery('westus') });
    assert.ok((west.data as typeof rows).every((r) => r.location === 'westus'));
    await assert.rejects(client.resources({ subscriptions: SUBSCRIPTIONS, query: "communitygalleryresources | where type =~ 'microsoft.compute/galleries'" }), (e: unknown) => armCode(e).statusCode === 400);
  });

  it('refuses a query it does not understand with Resource Graph’s BadRequest, and a $top over 1000', async () => {
    await assert.rejects(client.resources({ subscriptions: SUBSCRIPTIONS, query: 'resources | summarize count() by type' }), (e: unknown) => {
      assert.equal(armCode(e).statusCode, 400);
      assert.equal(armCode(e).code, 'BadRequest');
      return true;
    });
    await assert.rejects(client.resources({ subscriptions: SUBSCRIPTIONS, query: GALLERIES, options: { top: 1001 } }), (e: unknown) => armCode(e).statusCode === 400);
  });
});
