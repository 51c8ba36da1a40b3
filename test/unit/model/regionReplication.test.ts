import assert from 'node:assert/strict';
import { versionRegionsText, isUsableInRegion, regionAddedBack, regionRows, regionsCount, retryRegionPlan, whyRegionCannotBeRetried, type RawRegion } from '../../../src/model/regionReplication';

describe('model/regionReplication', () => {
  const targets = [
    { name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS' },
    { name: 'West US', regionalReplicaCount: 2, storageAccountType: 'Standard_LRS' },
    { name: 'North Europe', regionalReplicaCount: 1 },
  ];

  it('words each region: Unknown is Queued, Replicating with its percent, Failed with Azure details', () => {
    const rows = regionRows(
      targets,
      [
        { region: 'East US', state: 'Completed', progress: 100 },
        { region: 'West US', state: 'Failed', progress: 50, details: 'Replication to region West US failed.' },
        { region: 'North Europe', state: 'Unknown', progress: 0 },
      ],
      'Premium_LRS',
    );
    assert.deepEqual(
      rows.map((r) => [r.region, r.label, r.state, r.description, r.usable]),
      [
        ['eastus', 'East US', 'Completed', 'Completed · 1 replica · Standard_ZRS', true],
        ['westus', 'West US', 'Failed', 'Failed · 2 replicas · Standard_LRS', false],
        ['northeurope', 'North Europe', 'Queued', 'Queued · 1 replica · Premium_LRS', false],
      ],
    );
    assert.equal(rows[1].details, 'Replication to region West US failed.');
    assert.equal(regionsCount(rows), '1/3 regions');
  });

  it('shows progress of a replicating region, clamped, and lists a reported region no longer targeted', () => {
    const rows = regionRows([{ name: 'eastus', regionalReplicaCount: 3 }], [
      { region: 'East US', state: 'Replicating', progress: 42.4 },
      { region: 'Japan East', state: 'Replicating', progress: 140 },
    ]);
    assert.equal(rows[0].description, 'Replicating 42 % · 3 replicas');
    assert.equal(rows[1].region, 'japaneast');
    assert.equal(rows[1].description, 'Replicating 100 %');
    assert.equal(regionsCount(rows), '', 'no "0/2 regions": nothing is usable yet');
  });

  it('a target Azure does not report yet is Queued', () => {
    const rows = regionRows([{ name: 'westus2', regionalReplicaCount: 1 }], []);
    assert.equal(rows[0].state, 'Queued');
    assert.equal(regionsCount(rows), '');
  });

  it('counts a version usable in a region only when that region is Completed', () => {
    const status = [
      { region: 'East US', state: 'Completed', progress: 100 },
      { region: 'West US', state: 'Replicating', progress: 99 },
      { region: 'North Europe', state: 'Failed', progress: 50 },
    ];
    assert.equal(isUsableInRegion(status, 'eastus'), true);
    assert.equal(isUsableInRegion(status, 'westus'), false);
    assert.equal(isUsableInRegion(status, 'northeurope'), false);
    assert.equal(isUsableInRegion(status, 'japaneast'), false);
    assert.equal(isUsableInRegion(undefined, 'eastus'), false);
  });

  describe('Retry Region plan', () => {
    const raw: RawRegion[] = [
      { name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS', excludeFromLatest: false },
      { name: 'West US', regionalReplicaCount: 2, storageAccountType: 'Standard_LRS', encryption: { osDiskImage: { diskEncryptionSetId: '/x/des' } }, futureMember: 7 },
      { name: 'North Europe', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS' },
    ];

    it('removes the region in step 1 and puts Azure\'s own object back where it stood in step 2', () => {
      const plan = retryRegionPlan(raw, 'westus');
      assert.deepEqual(plan.withoutRegion.map((r) => r.name), ['East US', 'North Europe']);
      assert.deepEqual(plan.removed, raw[1]);
      const back = regionAddedBack(plan.withoutRegion, plan);
      assert.deepEqual(back, raw);
    });

    it('step 2 keeps what changed in Azure meanwhile and never lists the region twice', () => {
      const plan = retryRegionPlan(raw, 'West US');
      const now: RawRegion[] = [{ ...raw[0], regionalReplicaCount: 5 }, { name: 'West US', regionalReplicaCount: 9 }];
      const back = regionAddedBack(now, plan);
      assert.deepEqual(back, [{ ...raw[0], regionalReplicaCount: 5 }, raw[1]]);
    });

    it('refuses the source region and a region that is not a target', () => {
      assert.match(whyRegionCannotBeRetried(raw, 'eastus', 'East US') ?? '', /own region/);
      assert.match(whyRegionCannotBeRetried(raw, 'japaneast', 'eastus') ?? '', /not a target region/);
      assert.equal(whyRegionCannotBeRetried(raw, 'westus', 'eastus'), undefined);
      assert.throws(() => retryRegionPlan(raw, 'japaneast'));
    });
  });

  it("words the version row from the same rows: n/m regions, failed regions by name, nothing once all are Completed", () => {
    const rows = (states: string[]) => regionRows(targets, states.map((state, i) => ({ region: targets[i].name, state, progress: state === 'Replicating' ? 40 : state === 'Failed' ? 50 : state === 'Unknown' ? 0 : 100 })));
    assert.deepEqual(versionRegionsText(rows(['Completed', 'Failed', 'Completed'])), { text: '2/3 regions · Failed in West US', state: 'failed' });
    assert.deepEqual(versionRegionsText(rows(['Completed', 'Replicating', 'Unknown'])), { text: 'Replicating 1/3 regions, 46%', state: 'progress' });
    assert.deepEqual(versionRegionsText(rows(['Completed', 'Completed', 'Completed'])), { text: '', state: 'ok' });
    assert.deepEqual(versionRegionsText([]), { text: '', state: 'ok' });
    // Nothing replicated yet: plain words, never "0/1 regions" or "0/3 regions".
    assert.deepEqual(versionRegionsText(rows(['Replicating', 'Replicating', 'Unknown'])), { text: 'Replicating to 3 regions, 26%', state: 'progress' });
    assert.deepEqual(versionRegionsText(rows(['Failed', 'Replicating', 'Unknown'])), { text: 'Failed in East US', state: 'failed' });
    const one = regionRows([{ name: 'westus2', regionalReplicaCount: 1 }], [{ region: 'West US 2', state: 'Replicating', progress: 40 }]);
    assert.deepEqual(versionRegionsText(one), { text: 'Replicating, 40%', state: 'progress' });
  });
});
