// The target regions and replicas steps Create and Update Image Version share: the source region
// first and locked, the picks normalized with the source first, and each flow's own wording.
import assert from 'node:assert/strict';
import { regionsAndReplicasSteps, replicaPrompt } from '../../../src/ui/regionsAndReplicas';
import type { Prompter } from '../../../src/ui/wizard';

interface S {
  regions?: string[];
  replicas?: string;
}

const steps = regionsAndReplicasSteps<S>({
  titles: { regions: 'Target regions', replicas: 'Replicas' },
  placeholder: 'Regions to replicate to',
  source: () => 'West US 2',
  offers: () => [
    { name: 'eastus', label: 'East US' },
    { name: 'westus2', label: 'West US 2' },
  ],
  getRegions: (s) => s.regions,
  setRegions: (s, r) => (s.regions = r),
  targets: (s) => s.regions ?? [],
  onlyRegion: () => 'the source region',
  unnamed: 'get 1',
  getReplicas: (s) => s.replicas,
  setReplicas: (s, t) => (s.replicas = t),
  validateReplicas: (v) => (/^\d+$/.test(v.trim()) ? undefined : 'Type a number.'),
});

describe('regions and replicas steps', () => {
  it("words the replicas prompt with the flow's rule for regions left out", () => {
    assert.equal(replicaPrompt(['westus2', 'eastus'], 'x', 'keep their count'), 'Replicas per region (1–100): one number for every region, or region=count pairs such as westus2=2, eastus=1 (regions not named keep their count)');
    assert.equal(replicaPrompt([], 'the source region', 'get 1'), 'Replicas in the source region (1–100)');
  });

  it('offers the source region first and locked, and keeps it first in the answer', async () => {
    let offered: { label: string; description?: string; locked?: string }[] = [];
    const prompter = {
      pickMany: async (r: { items: Promise<typeof offered> | typeof offered }) => {
        offered = await r.items;
        return ['eastus', 'westus2'];
      },
    } as unknown as Prompter;
    const s: S = {};
    await steps.regions.ask(s, prompter, { title: 'Target regions', step: 1, totalSteps: 2, canGoBack: false });
    assert.deepEqual(offered.map((i) => [i.label, i.description]), [['West US 2', 'westus2 · source region'], ['East US', 'eastus']]);
    assert.ok(offered[0]?.locked, 'the source region cannot be unselected');
    assert.deepEqual(s.regions, ['westus2', 'eastus']);
  });

  it('keeps the replicas trimmed, checked by the flow', async () => {
    let validate: ((v: string) => string | undefined) | undefined;
    const prompter = {
      input: async (r: { validate?: (v: string) => string | undefined }) => {
        validate = r.validate;
        return ' 2 ';
      },
    } as unknown as Prompter;
    const s: S = { regions: ['westus2', 'eastus'] };
    await steps.replicas.ask(s, prompter, { title: 'Replicas', step: 2, totalSteps: 2, canGoBack: true });
    assert.equal(s.replicas, '2');
    assert.equal(validate?.('two'), 'Type a number.');
  });
});
