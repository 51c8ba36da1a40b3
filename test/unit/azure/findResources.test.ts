// Find… under plain Node against the in-process local Azure: one Resource Graph request returns
// every gallery, definition, version and VM application of the subscriptions asked, mapped to the
// model's FoundResource; Resource Graph's refusal comes back as an AzureError.
import assert from 'node:assert/strict';
import { AzureError } from '../../../src/azure/errors';
import { findGalleryResources } from '../../../src/azure/findResources';
import { findRows } from '../../../src/model/findRows';
import { DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

const SUBSCRIPTIONS = [PRODUCTION_SUBSCRIPTION_ID, DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_SUBSCRIPTION_ID];

describe('Azure layer: Find… over every gallery resource (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  before(async () => {
    azure = await startLocalAzure('demo');
  });
  after(() => azure?.stop());
  const target = () => azure.target(PRODUCTION_SUBSCRIPTION_ID);
  const graphRequests = (from: number) => azure.emu.traffic.slice(from).filter((t) => /Microsoft\.ResourceGraph\/resources/i.test(t.liveRequest.url));

  it('finds galleries, definitions, versions and applications of the readable subscriptions with one request', async () => {
    const from = azure.emu.traffic.length;
    const found = await findGalleryResources(target(), SUBSCRIPTIONS);
    assert.equal(graphRequests(from).length, 1);
    const names = (kind: string) => found.filter((r) => r.kind === kind).map((r) => r.name).sort();
    // The local principal cannot read Fabrikam's subscription: Resource Graph leaves it out.
    assert.deepEqual(names('gallery'), ['contoso_community', 'contoso_images', 'contoso_shared', 'dev_gallery']);
    assert.deepEqual(names('imageDefinition'), ['app-base', 'debian-12', 'rhel-9', 'ubuntu-22.04-lts', 'windows-server-2022']);
    assert.deepEqual(names('application'), ['monitoring-agent']);
    const version = found.find((r) => r.kind === 'imageVersion' && r.definition === 'ubuntu-22.04-lts' && r.name === '1.1.0')!;
    assert.equal(version.gallery, 'contoso_images');
    assert.equal(version.resourceGroup.toLowerCase(), 'rg-images');
    assert.equal(version.subscriptionId, PRODUCTION_SUBSCRIPTION_ID);
    assert.deepEqual([...(version.regions ?? [])].sort(), ['East US', 'Japan East', 'West Europe']);
    const definition = found.find((r) => r.kind === 'imageDefinition' && r.name === 'ubuntu-22.04-lts')!;
    assert.deepEqual([definition.publisher, definition.offer, definition.sku, definition.osType], ['Contoso', 'UbuntuServer', '22_04-lts-gen2', 'Linux']);
    assert.equal(found.find((r) => r.kind === 'application')!.osType, 'Linux');
    // No version of an application is a row: Find… lists what the tree shows.
    assert.ok(!found.some((r) => /\/applications\/[^/]+\/versions\//i.test(r.id)));
  });

  it('the rows: a version carries its definition’s publisher, offer and SKU, and says where it lives', async () => {
    const found = await findGalleryResources(target(), SUBSCRIPTIONS);
    const rows = findRows(found, new Map([[PRODUCTION_SUBSCRIPTION_ID.toLowerCase(), 'Contoso Production']]));
    const row = rows.find((r) => r.kind === 'imageVersion' && r.label === 'ubuntu-22.04-lts 1.1.0')!;
    assert.equal(row.description, 'Image version · Contoso Production · rg-images · contoso_images › ubuntu-22.04-lts');
    assert.match(row.detail, /Contoso \/ UbuntuServer \/ 22_04-lts-gen2 · Linux · East US, West Europe, Japan East/);
  });

  it('reports each page as it arrives, with the resources found so far', async () => {
    const pages: Array<{ index: number; last: boolean; rows: number; found: number }> = [];
    const found = await findGalleryResources(target(), SUBSCRIPTIONS, { onPage: (p, sofar) => pages.push({ index: p.index, last: p.last, rows: p.rows, found: sofar.length }) });
    assert.deepEqual(pages, [{ index: 0, last: true, rows: found.length, found: found.length }]);
  });

  it('no subscriptions sends nothing; a refusal is an AzureError with Resource Graph’s code', async () => {
    const from = azure.emu.traffic.length;
    assert.deepEqual(await findGalleryResources(target(), []), []);
    assert.equal(graphRequests(from).length, 0);
    azure.emu.admin.setConfig({ faults: [{ kind: 'error', status: 400, code: 'BadRequest', message: 'Injected: query refused', path: 'Microsoft.ResourceGraph/resources$' }] });
    try {
      await assert.rejects(findGalleryResources(target(), SUBSCRIPTIONS), (e: unknown) => e instanceof AzureError && e.code === 'BadRequest' && /Injected/.test(e.message));
    } finally {
      azure.emu.admin.setConfig({ faults: [] });
    }
  });
});
