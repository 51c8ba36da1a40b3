// Retry Region's two updates under plain Node against the in-process local Azure: step 1 sends the
// target regions without the failed one (allowing removal of replicated regions if the version did
// not), step 2 sends Azure's list with the region's own object back (members the SDK does not know
// survive) and the safety profile as it was; the region then replicates to Completed.
import assert from 'node:assert/strict';
import { AzureError } from '../../../src/azure/errors';
import { getResourceJson } from '../../../src/azure/resourceJson';
import { startRegionReAdd, startRegionRemoval } from '../../../src/azure/retryRegion';
import { getImageVersion } from '../../../src/azure/versions';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

const VERSION = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images/images/ubuntu-22.04-lts/versions/1.0.0`;
type Json = Record<string, unknown>;

describe('Azure layer: Retry Region (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  beforeEach(async () => {
    azure = await startLocalAzure('demo');
  });
  afterEach(() => azure?.stop());
  const target = () => azure.target(PRODUCTION_SUBSCRIPTION_ID);
  const patches = (from: number) => azure.emu.traffic.slice(from).filter((t) => t.liveRequest.method === 'PATCH').map((t) => t.liveRequest.body as { properties: Json });
  const settled = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(await done(), 'settled');
  };

  it('removes the region, then adds Azure\'s own object back; the region ends Completed', async () => {
    const stored = azure.emu.state.resources[VERSION.toLowerCase()];
    const regions = (stored.properties.publishingProfile as { targetRegions: Json[] }).targetRegions;
    assert.ok(regions.length >= 2, 'the seed version has a second region');
    regions[1] = { ...regions[1], futureMember: 'kept' };
    const before = (await getResourceJson(target(), VERSION)) as { properties: { publishingProfile: { targetRegions: Json[] } } };
    const second = before.properties.publishingProfile.targetRegions[1];
    const region = String(second.name);
    const from = azure.emu.traffic.length;

    const removal = await startRegionRemoval(target(), VERSION, region);
    assert.equal(removal.allowedDeletion, true);
    await settled(async () => (await getImageVersion(target(), VERSION, true)).provisioningState === 'Succeeded');
    await startRegionReAdd(target(), VERSION, removal);
    await settled(async () => (await getImageVersion(target(), VERSION, true)).replication?.regions.find((r) => r.region === region)?.state === 'Completed');

    const [step1, step2] = patches(from);
    const names = (b: { properties: Json }) => ((b.properties.publishingProfile as { targetRegions: Json[] }).targetRegions).map((r) => r.name);
    assert.deepEqual(names(step1), before.properties.publishingProfile.targetRegions.filter((_, i) => i !== 1).map((r) => r.name));
    assert.deepEqual(step1.properties.safetyProfile, { allowDeletionOfReplicatedLocations: true });
    assert.deepEqual((step2.properties.publishingProfile as { targetRegions: Json[] }).targetRegions[1], second, "the region's own object, futureMember included");
    assert.deepEqual(step2.properties.safetyProfile, { allowDeletionOfReplicatedLocations: false }, 'put back as it was');
    const after = (await getResourceJson(target(), VERSION)) as { properties: { publishingProfile: { targetRegions: Json[] } } };
    assert.equal(after.properties.publishingProfile.targetRegions[1].futureMember, 'kept');
  });

  it("refuses the version's own region before sending anything", async () => {
    const from = azure.emu.traffic.length;
    const location = String(azure.emu.state.resources[VERSION.toLowerCase()].location);
    await assert.rejects(startRegionRemoval(target(), VERSION, location), (e: unknown) => e instanceof AzureError && /own region/.test(e.message));
    assert.equal(patches(from).length, 0);
  });
});
