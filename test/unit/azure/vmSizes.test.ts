// The VM sizes "Create VM from This Version…" offers, from Resource SKUs against the in-process
// local Azure: one region's virtual machine sizes with their generations, architecture and
// Trusted launch / confidential VM capabilities.
import assert from 'node:assert/strict';
import { listVmSizes } from '../../../src/azure/vmSizes';
import { sizeProblem } from '../../../src/model/vmFromVersion';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

describe('Azure layer: VM sizes of a region from Resource SKUs (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  before(async () => {
    azure = await startLocalAzure('demo');
  });
  after(() => azure?.stop());

  it('reads the capabilities a gallery image needs, for the region asked only', async () => {
    const from = azure.emu.traffic.length;
    const sizes = await listVmSizes(azure.target(PRODUCTION_SUBSCRIPTION_ID), 'East US');
    const sent = azure.emu.traffic.slice(from).map((t) => decodeURIComponent(t.liveRequest.url));
    assert.equal(sent.length, 1);
    assert.match(sent[0]!, /\/providers\/Microsoft\.Compute\/skus\?api-version=2021-07-01&\$filter=location eq 'eastus'/);
    const byName = new Map(sizes.map((s) => [s.name, s]));
    assert.deepEqual(byName.get('Standard_A2_v2'), { name: 'Standard_A2_v2', vCPUs: 2, memoryGB: 4, generations: ['V1'], architecture: 'x64', trustedLaunch: false, confidential: undefined, restricted: false });
    assert.equal(byName.get('Standard_DC2as_v5')?.confidential, 'SNP');
    assert.equal(byName.get('Standard_D2ps_v5')?.architecture, 'Arm64');
    const gen2 = { hyperVGeneration: 'V2' as const, architecture: 'x64' as const };
    assert.deepEqual(sizes.filter((s) => !sizeProblem(s, gen2, 'ConfidentialVM')).map((s) => s.name), ['Standard_DC2as_v5', 'Standard_DC2es_v5']);
  });
});
