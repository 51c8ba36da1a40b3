import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../emulator/index';
import { PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { GALLERY_API, POLL, armCode, computeClient, errorOf, raw, sleep, startFast, tokenFor } from './helpers';

const gal = (name: string): string => `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/${name}`;
const q = `?api-version=${GALLERY_API}`;
const SOURCE = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;

interface OpStatus {
  startTime: string;
  endTime?: string;
  status: string;
  name: string;
  error?: { code: string; message: string };
}

/** Long-running operations as Azure runs them (what oav cannot see). */
describe('long-running operations and replication', function () {
  let emu: RunningEmulator;
  let token: string;
  before(async () => {
    emu = await startFast({ seed: 'demo', config: { lro: { durationMs: 150, retryAfterSeconds: 1 } } });
    token = await tokenFor(emu);
  });
  after(async () => emu?.stop());
  afterEach(() => emu.admin.setConfig({ lro: { durationMs: 150, retryAfterSeconds: 1, fail: null, neverFinish: null }, replication: { durationMs: 80, failRegions: [], succeedBeforeReplicated: false } }));

  const status = async (url: string): Promise<{ body: OpStatus; retryAfter?: string }> => {
    const res = await raw(emu, 'GET', url, { token });
    assert.equal(res.status, 200);
    return { body: res.body as OpStatus, retryAfter: res.headers['retry-after'] as string | undefined };
  };

  it('the demo seed has versions still replicating (slowly)', async () => {
    const res = await raw(emu, 'GET', `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/1.1.0?api-version=${GALLERY_API}&$expand=ReplicationStatus`, { token });
    const v = res.body as { properties: { provisioningState: string; replicationStatus: { aggregatedState: string } } };
    assert.equal(v.properties.provisioningState, 'Creating');
    assert.equal(v.properties.replicationStatus.aggregatedState, 'InProgress');
    void errorOf;
  });

  it('PUT answers 201 + Azure-AsyncOperation (no Location); status goes InProgress → Succeeded; provisioningState Creating → Succeeded', async () => {
    const res = await raw(emu, 'PUT', gal('lro_put') + q, { token, body: { location: 'eastus' } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.location, undefined);
    const op = res.headers['azure-asyncoperation'] as string;
    assert.match(op, new RegExp(`^${emu.url}/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft\\.Compute/locations/eastus/capsOperations/[0-9a-f-]+\\?api-version=${GALLERY_API}$`));
    assert.equal((res.body as { properties: { provisioningState: string } }).properties.provisioningState, 'Creating');
    const first = await status(op);
    assert.equal(first.body.status, 'InProgress');
    assert.ok(Number(first.retryAfter) >= 1);
    assert.equal(first.body.endTime, undefined);
    const during = await raw(emu, 'GET', gal('lro_put') + q, { token });
    assert.equal((during.body as { properties: { provisioningState: string } }).properties.provisioningState, 'Creating');
    await sleep(200);
    const done = await status(op);
    assert.equal(done.body.status, 'Succeeded');
    assert.ok(done.body.endTime && done.body.startTime && done.body.name);
    assert.equal(done.retryAfter, undefined);
    const after = await raw(emu, 'GET', gal('lro_put') + q, { token });
    assert.equal((after.body as { properties: { provisioningState: string } }).properties.provisioningState, 'Succeeded');
  });

  it('PATCH answers 200 + Azure-AsyncOperation with provisioningState Updating', async () => {
    const res = await raw(emu, 'PATCH', gal('contoso_images') + q, { token, body: { properties: { description: 'patched' } } });
    assert.equal(res.status, 200);
    assert.ok(res.headers['azure-asyncoperation']);
    assert.equal((res.body as { properties: { provisioningState: string; description: string } }).properties.provisioningState, 'Updating');
  });

  it('DELETE answers 202 with Location and Azure-AsyncOperation; Deleting meanwhile; Location polls 202 then 200', async () => {
    await raw(emu, 'PUT', gal('lro_del') + q, { token, body: { location: 'eastus' } });
    emu.admin.finishOperations();
    const res = await raw(emu, 'DELETE', gal('lro_del') + q, { token });
    assert.equal(res.status, 202);
    const location = res.headers.location as string;
    assert.ok(res.headers['azure-asyncoperation']);
    assert.match(location, /monitor=true/);
    const during = await raw(emu, 'GET', gal('lro_del') + q, { token });
    assert.equal((during.body as { properties: { provisioningState: string } }).properties.provisioningState, 'Deleting');
    assert.equal((await raw(emu, 'GET', location, { token })).status, 202);
    await sleep(200);
    assert.equal((await raw(emu, 'GET', location, { token })).status, 200);
    assert.equal((await raw(emu, 'GET', gal('lro_del') + q, { token })).status, 404);
  });

  it('Retry-After is configurable (0 lets @azure/core-lro poll at updateIntervalInMs)', async () => {
    emu.admin.setConfig({ lro: { retryAfterSeconds: 0 } });
    const res = await raw(emu, 'PUT', gal('lro_ra0') + q, { token, body: { location: 'eastus' } });
    assert.equal(res.headers['retry-after'], '0');
    const client = computeClient(emu, PRODUCTION_SUBSCRIPTION_ID);
    const t = Date.now();
    await client.galleries.createOrUpdate('rg-images', 'lro_sdk', { location: 'eastus' }, POLL);
    assert.ok(Date.now() - t < 1500, 'no 1 s sleeps between polls');
  });

  it('a failing LRO knob: status Failed with the given error; provisioningState Failed; the SDK throws it', async () => {
    emu.admin.setConfig({ lro: { retryAfterSeconds: 0, durationMs: 20, fail: { code: 'AllocationFailed', message: 'Simulated failure.', path: 'lro_fail' } } });
    const client = computeClient(emu, PRODUCTION_SUBSCRIPTION_ID);
    await assert.rejects(client.galleries.createOrUpdate('rg-images', 'lro_fail', { location: 'eastus' }, POLL), (e) => /Simulated failure/.test(armCode(e).message));
    const g = await raw(emu, 'GET', gal('lro_fail') + q, { token });
    assert.equal((g.body as { properties: { provisioningState: string } }).properties.provisioningState, 'Failed');
    // Other paths are not affected.
    await client.galleries.createOrUpdate('rg-images', 'lro_ok', { location: 'eastus' }, POLL);
  });

  it('a never-finishing LRO knob keeps InProgress', async () => {
    emu.admin.setConfig({ lro: { durationMs: 0, neverFinish: { path: 'lro_hang' } } });
    const res = await raw(emu, 'PUT', gal('lro_hang') + q, { token, body: { location: 'eastus' } });
    await sleep(50);
    assert.equal((await status(res.headers['azure-asyncoperation'] as string)).body.status, 'InProgress');
  });

  it('image versions stay Creating until every region replicated; $expand=ReplicationStatus shows per-region progress', async () => {
    emu.admin.setConfig({ lro: { durationMs: 0 }, replication: { durationMs: 300 } });
    const path = `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/5.0.0`;
    const res = await raw(emu, 'PUT', path + q, { token, body: { location: 'eastus', properties: { publishingProfile: { targetRegions: [{ name: 'eastus' }, { name: 'westus2' }] }, storageProfile: { source: { id: SOURCE } } } } });
    assert.equal(res.status, 201);
    await sleep(100);
    let v = (await raw(emu, 'GET', `${path}?api-version=${GALLERY_API}&$expand=ReplicationStatus`, { token })).body as {
      properties: { provisioningState: string; replicationStatus: { aggregatedState: string; summary: Array<{ region: string; state: string; progress: number }> } };
    };
    assert.equal(v.properties.provisioningState, 'Creating');
    assert.equal(v.properties.replicationStatus.aggregatedState, 'InProgress');
    assert.deepEqual(v.properties.replicationStatus.summary.map((s) => s.region), ['East US', 'West US 2']);
    assert.ok(v.properties.replicationStatus.summary.every((s) => s.state === 'Replicating' && s.progress > 0 && s.progress < 100));
    assert.equal((await status(res.headers['azure-asyncoperation'] as string)).body.status, 'InProgress');
    await sleep(400);
    v = (await raw(emu, 'GET', `${path}?api-version=${GALLERY_API}&$expand=ReplicationStatus`, { token })).body as typeof v;
    assert.equal(v.properties.provisioningState, 'Succeeded');
    assert.ok(v.properties.replicationStatus.summary.every((s) => s.state === 'Completed' && s.progress === 100));
  });

  it('succeedBeforeReplicated: the operation ends Succeeded while a region still replicates, then that region fails (Azure/AgentBaker #8373)', async () => {
    emu.admin.setConfig({ lro: { durationMs: 0 }, replication: { durationMs: 300, succeedBeforeReplicated: true } });
    const path = `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/5.3.0`;
    const versionId = path.replace(/^.*?(\/subscriptions\/)/i, '$1');
    emu.admin.setReplicationFaults(versionId, ['westus2']);
    const res = await raw(emu, 'PUT', path + q, { token, body: { location: 'eastus', properties: { publishingProfile: { targetRegions: [{ name: 'eastus' }, { name: 'westus2' }] }, storageProfile: { source: { id: SOURCE } } } } });
    assert.equal(res.status, 201);
    await sleep(60);
    assert.equal((await status(res.headers['azure-asyncoperation'] as string)).body.status, 'Succeeded');
    type V = { properties: { provisioningState: string; replicationStatus: { aggregatedState: string; summary: Array<{ region: string; state: string; details?: string }> } } };
    const read = async () => (await raw(emu, 'GET', `${path}?api-version=${GALLERY_API}&$expand=ReplicationStatus`, { token })).body as V;
    let v = await read();
    assert.equal(v.properties.provisioningState, 'Succeeded');
    assert.notEqual(v.properties.replicationStatus.aggregatedState, 'Completed', 'still replicating after the operation succeeded');
    await sleep(500);
    v = await read();
    assert.equal(v.properties.provisioningState, 'Succeeded', 'the version stays Succeeded');
    const west = v.properties.replicationStatus.summary.find((s) => s.region === 'West US 2');
    assert.equal(west?.state, 'Failed');
    assert.ok(west?.details);
    assert.equal(v.properties.replicationStatus.summary.find((s) => s.region === 'East US')?.state, 'Completed', 'only the chosen region fails');
    // Cleared: the region removed and added back replicates to Completed.
    emu.admin.setReplicationFaults(versionId, []);
    emu.admin.setConfig({ replication: { durationMs: 40 } });
    const patch = (targetRegions: object[]) => raw(emu, 'PATCH', path + q, { token, body: { properties: { publishingProfile: { targetRegions } } } });
    assert.equal((await patch([{ name: 'eastus' }])).status, 200);
    assert.equal((await patch([{ name: 'eastus' }, { name: 'westus2' }])).status, 200);
    await sleep(150);
    v = await read();
    assert.equal(v.properties.replicationStatus.summary.find((s) => s.region === 'West US 2')?.state, 'Completed');
  });

  it('a region set to fail makes replication Failed and the version Failed', async () => {
    emu.admin.setConfig({ lro: { durationMs: 0 }, replication: { durationMs: 60, failRegions: ['westus2'] } });
    const path = `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/5.1.0`;
    const res = await raw(emu, 'PUT', path + q, { token, body: { location: 'eastus', properties: { publishingProfile: { targetRegions: [{ name: 'eastus' }, { name: 'westus2' }] }, storageProfile: { source: { id: SOURCE } } } } });
    await sleep(150);
    const op = await status(res.headers['azure-asyncoperation'] as string);
    assert.equal(op.body.status, 'Failed');
    assert.equal(op.body.error?.code, 'ReplicationFailed');
    const v = (await raw(emu, 'GET', `${path}?api-version=${GALLERY_API}&$expand=ReplicationStatus`, { token })).body as {
      properties: { provisioningState: string; replicationStatus: { aggregatedState: string; summary: Array<{ region: string; state: string }> } };
    };
    assert.equal(v.properties.provisioningState, 'Failed');
    assert.equal(v.properties.replicationStatus.aggregatedState, 'Failed');
    assert.equal(v.properties.replicationStatus.summary.find((s) => s.region === 'West US 2')?.state, 'Failed');
  });

});
