// "As code" in the Azure layer against the in-process local Azure: a previewed write is the request
// the same call sends, and an exported gallery deployed as its ARM template elsewhere comes out the same.
import assert from 'node:assert/strict';
import { deployTemplate, exportRequestsOf, previewRequest } from '../../../src/azure/asCode';
import { createGallery } from '../../../src/azure/createGallery';
import type { AzureError } from '../../../src/azure/errors';
import { getResourceJson } from '../../../src/azure/resourceJson';
import { createResourceGroup } from '../../../src/azure/resourceGroups';
import { updateImageVersion } from '../../../src/azure/updates';
import { armTemplateOf, parseRequest, parseResourcePath, writableBody } from '../../../src/model/asCode';
import { DEVELOPMENT_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

const GALLERY = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images`;

describe('Azure layer: as code (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  beforeEach(async () => {
    azure = await startLocalAzure('demo');
  });
  afterEach(() => azure?.stop());
  const prod = () => azure.target(PRODUCTION_SUBSCRIPTION_ID);
  const dev = () => azure.target(DEVELOPMENT_SUBSCRIPTION_ID);

  it('previews a create as exactly the request the same call then sends, and sends nothing meanwhile', async () => {
    const spec = { location: 'eastus', description: 'As code', sharing: 'Private' as const, tags: { team: 'images' }, softDelete: true };
    const before = azure.emu.traffic.length;
    const preview = await previewRequest(() => createGallery(prod(), 'rg-images', 'as_code', spec));
    assert.equal(azure.emu.traffic.length, before, 'nothing reached Azure');
    await createGallery(prod(), 'rg-images', 'as_code', spec, { pollIntervalMs: 20 });
    const sent = azure.emu.traffic.slice(before).find((t) => t.liveRequest.method === 'PUT')!;
    assert.equal(preview.method, 'PUT');
    assert.equal(preview.url.replace(/^https:\/\/[^/]+/, ''), sent.liveRequest.url.replace(/^https:\/\/[^/]+/, ''));
    assert.deepEqual(preview.body, sent.liveRequest.body);
    assert.deepEqual(preview.body, { location: 'eastus', tags: { team: 'images' }, properties: { description: 'As code', softDeletePolicy: { isSoftDeleteEnabled: true } } });
  });

  it('previews an update that reads first: the PATCH it would send, the read done for real', async () => {
    const id = `${GALLERY}/images/ubuntu-22.04-lts/versions/1.0.0`;
    const preview = await previewRequest(() => updateImageVersion(prod(), id, { excludeFromLatest: true }, { pollIntervalMs: 20 }));
    assert.equal(preview.method, 'PATCH');
    assert.equal(parseRequest(preview).path, id);
    assert.deepEqual((preview.body as { properties: unknown }).properties, { publishingProfile: { excludeFromLatest: true } });
    const json = (await getResourceJson(prod(), id)) as { properties: { publishingProfile: { excludeFromLatest: boolean } } };
    assert.equal(json.properties.publishingProfile.excludeFromLatest, false, 'not sent');
  });

  it('exports a gallery with its definitions and versions; deployed elsewhere as ARM JSON, it comes out the same', async () => {
    const requests = await exportRequestsOf(prod(), GALLERY);
    const paths = requests.map((r) => parseRequest(r).path);
    assert.equal(paths[0], GALLERY);
    assert.ok(paths.some((p) => p.endsWith('/images/ubuntu-22.04-lts')));
    assert.ok(paths.some((p) => p.endsWith('/images/ubuntu-22.04-lts/versions/1.0.0')));
    assert.ok(requests.every((r) => r.method === 'PUT' && !JSON.stringify(r.body).includes('provisioningState')));

    await createResourceGroup(dev(), 'rg-images', 'eastus');
    const outcome = await deployTemplate(dev(), 'rg-images', 'export-contoso', armTemplateOf(requests), {}, { pollIntervalMs: 20 });
    assert.equal(outcome.provisioningState, 'Succeeded', JSON.stringify(outcome.error));
    assert.equal(outcome.outputResources.length, requests.length);
    for (const path of paths) {
      const copy = path.replace(PRODUCTION_SUBSCRIPTION_ID, DEVELOPMENT_SUBSCRIPTION_ID);
      const typeName = parseResourcePath(path)!.type;
      assert.deepEqual(writableBody(typeName, await getResourceJson(dev(), copy)), writableBody(typeName, await getResourceJson(prod(), path)), copy);
    }
  });

  it('exports a gallery with its VM applications and their versions; deployed elsewhere as ARM JSON, they come out the same', async () => {
    const DEV_GALLERY = `/subscriptions/${DEVELOPMENT_SUBSCRIPTION_ID}/resourceGroups/rg-dev/providers/Microsoft.Compute/galleries/dev_gallery`;
    const requests = await exportRequestsOf(dev(), DEV_GALLERY);
    const paths = requests.map((r) => parseRequest(r).path);
    assert.ok(paths.includes(`${DEV_GALLERY}/applications/monitoring-agent`), paths.join('\n'));
    assert.ok(paths.includes(`${DEV_GALLERY}/applications/monitoring-agent/versions/1.0.0`), paths.join('\n'));
    assert.ok(paths.indexOf(`${DEV_GALLERY}/applications/monitoring-agent`) < paths.indexOf(`${DEV_GALLERY}/applications/monitoring-agent/versions/1.0.0`), 'parents first');
    const version = requests.find((r) => parseRequest(r).path.endsWith('/versions/1.0.0') && parseRequest(r).path.includes('/applications/'))!;
    assert.ok(!/provisioningState|publishedDate|replicationStatus/.test(JSON.stringify(version.body)), JSON.stringify(version.body));
    // Exporting the application alone gives it and its versions.
    const one = await exportRequestsOf(dev(), `${DEV_GALLERY}/applications/monitoring-agent`);
    assert.deepEqual(one.map((r) => parseRequest(r).path.split('/dev_gallery/')[1]), ['applications/monitoring-agent', 'applications/monitoring-agent/versions/1.0.0']);

    await createResourceGroup(prod(), 'rg-dev', 'westeurope');
    const outcome = await deployTemplate(prod(), 'rg-dev', 'export-dev', armTemplateOf(requests), {}, { pollIntervalMs: 20 });
    assert.equal(outcome.provisioningState, 'Succeeded', JSON.stringify(outcome.error));
    for (const path of paths) {
      const copy = path.replace(DEVELOPMENT_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID);
      const typeName = parseResourcePath(path)!.type;
      assert.deepEqual(writableBody(typeName, await getResourceJson(prod(), copy)), writableBody(typeName, await getResourceJson(dev(), path)), copy);
    }
  });

  it('deploys with parameters, and reports a resource Azure refuses as DeploymentFailed with its error', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { name: { type: 'string' }, location: { type: 'string', defaultValue: '[resourceGroup().location]' } },
      resources: [{ type: 'Microsoft.Compute/galleries', apiVersion: '2025-12-03', name: "[parameters('name')]", location: "[parameters('location')]", properties: { description: '[[literal]' } }],
    };
    const ok = await deployTemplate(prod(), 'rg-images', 'params', template, { name: 'from_params' }, { pollIntervalMs: 20 });
    assert.equal(ok.provisioningState, 'Succeeded', JSON.stringify(ok.error));
    const json = (await getResourceJson(prod(), `${GALLERY.replace('contoso_images', 'from_params')}`)) as { location: string; properties: { description: string } };
    assert.equal(json.properties.description, '[literal]');
    const failed = await deployTemplate(prod(), 'rg-images', 'bad', template, { name: 'bad-name' }, { pollIntervalMs: 20 });
    assert.equal(failed.provisioningState, 'Failed');
    assert.equal(failed.error?.code, 'DeploymentFailed');
    await assert.rejects(deployTemplate(prod(), 'rg-images', 'missing', template, {}, { pollIntervalMs: 20 }), (e: AzureError) => e.code === 'InvalidTemplate');
  });
});
