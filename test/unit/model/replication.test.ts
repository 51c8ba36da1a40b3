import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isStorageAccountType,
  MAX_REPLICA_COUNT,
  mostUsedRegion,
  normalizeRegionName,
  sameRegion,
  STORAGE_ACCOUNT_TYPES,
  summariseReplication,
  validateTargetRegions,
  whyRegionCannotBeRemoved,
  withSourceRegion,
  type StorageAccountType,
  type TargetRegion,
} from '../../../src/model/replication';

const done = (region: string): { region: string; state: string; progress: number } => ({ region, state: 'Completed', progress: 100 });

describe('model/replication', () => {
  it("starts a new resource group's regions on the subscription's most used region, not the alphabetically first", () => {
    assert.equal(mostUsedRegion(['westeurope', 'East US', 'eastus', 'australiaeast']), 'eastus', 'any spelling counts');
    assert.equal(mostUsedRegion(['westus2', 'eastus']), 'westus2', 'a tie: the first listed');
    assert.equal(mostUsedRegion([]), undefined);
  });

  describe('summariseReplication', () => {
    it('labels a version still replicating with regions done and mean progress', () => {
      const s = summariseReplication({
        summary: [done('westus'), done('eastus'), done('northeurope'), { region: 'westeurope', state: 'Replicating', progress: 10 }, { region: 'japaneast', state: 'Replicating', progress: 0 }],
      });
      assert.equal(s.state, 'Replicating');
      assert.equal(s.completed, 3);
      assert.equal(s.total, 5);
      assert.equal(s.percent, 62);
      assert.equal(s.label, 'Replicating 3/5 regions, 62%');
    });

    it('labels a failure with the failed regions, whatever else is going on', () => {
      assert.equal(
        summariseReplication({ summary: [done('eastus'), { region: 'westus', state: 'Failed', details: 'quota' }, { region: 'x', state: 'Replicating', progress: 50 }] }).label,
        'Failed in westus',
      );
      assert.equal(
        summariseReplication({ summary: ['a', 'b', 'c'].map((region) => ({ region, state: 'Failed' })) }).label,
        'Failed in a, b, c',
      );
      const many = summariseReplication({ summary: ['a', 'b', 'c', 'd', 'e'].map((region) => ({ region, state: 'failed' })) });
      assert.equal(many.label, 'Failed in a, b and 3 more regions');
      assert.deepEqual(many.failedRegions, ['a', 'b', 'c', 'd', 'e']);
    });

    it('labels complete replication with the region count', () => {
      assert.equal(summariseReplication({ summary: ['a', 'b', 'c', 'd', 'e'].map(done) }).label, 'Replicated to 5 regions');
      const one = summariseReplication({ summary: [done('westus')] });
      assert.equal(one.label, 'Replicated to 1 region');
      assert.equal(one.percent, 100);
    });

    it('falls back to the aggregated state when there is no per-region detail', () => {
      assert.equal(summariseReplication({ aggregatedState: 'Completed' }).label, 'Replicated');
      assert.equal(summariseReplication({ aggregatedState: 'Failed' }).state, 'Failed');
      assert.equal(summariseReplication({ aggregatedState: 'InProgress' }).state, 'Replicating');
      assert.equal(summariseReplication({ aggregatedState: 'Unknown' }).label, 'Replication status unknown');
      assert.equal(summariseReplication(undefined).label, 'Replication status unknown');
      assert.equal(summariseReplication({ summary: [{ region: 'x', state: 'Unknown' }], aggregatedState: 'Completed' }).state, 'Completed');
    });

    it('clamps odd progress values and treats unknown states as not done', () => {
      const s = summariseReplication({ summary: [{ region: 'a', state: 'Replicating', progress: 250 }, { region: 'b', state: 'Weird', progress: -5 }] });
      assert.equal(s.percent, 50);
      assert.equal(s.label, 'Replicating to 2 regions, 50%', 'no "0/2 regions"');
    });

    it('keeps percent within 0..100 and completed within 0..total (property)', () => {
      const region = fc.record({
        region: fc.constantFrom('a', 'b', 'c'),
        state: fc.constantFrom('Unknown', 'Replicating', 'Completed', 'Failed', 'odd', undefined),
        progress: fc.option(fc.integer({ min: -50, max: 500 }), { nil: undefined }),
      });
      fc.assert(
        fc.property(fc.array(region, { maxLength: 8 }), (summary) => {
          const s = summariseReplication({ summary });
          assert.ok(s.percent >= 0 && s.percent <= 100);
          assert.ok(s.completed >= 0 && s.completed <= s.total);
          assert.equal(s.state === 'Completed', summary.length > 0 && summary.every((r) => r.state === 'Completed'));
        }),
      );
    });
  });

  describe('target regions', () => {
    it('normalises region names as ARM compares them', () => {
      assert.equal(normalizeRegionName('West US 2'), 'westus2');
      assert.ok(sameRegion('East US', 'eastus'));
      assert.ok(!sameRegion('eastus', 'eastus2'));
    });

    it('never remove the source region', () => {
      assert.match(whyRegionCannotBeRemoved('westus', 'West US') ?? '', /westus is the source region/);
      assert.equal(whyRegionCannotBeRemoved('eastus', 'westus'), undefined);
    });

    it('withSourceRegion puts the source first, adding it when missing and keeping its settings', () => {
      const t: TargetRegion[] = [
        { name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
        { name: 'westus', regionalReplicaCount: 4, storageAccountType: 'Premium_LRS' },
      ];
      assert.deepEqual(withSourceRegion(t, 'westus').map((r) => [r.name, r.regionalReplicaCount]), [['westus', 4], ['eastus', 1]]);
      // An added source region names no storage type, so Azure applies its default.
      assert.deepEqual(withSourceRegion([], 'West Europe'), [{ name: 'westeurope', regionalReplicaCount: 1 }]);
    });

    it('storage account types are the four the API takes (GalleryRP.json StorageAccountType)', () => {
      assert.deepEqual([...STORAGE_ACCOUNT_TYPES], ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS']);
      assert.ok(isStorageAccountType('Premium_LRS'));
      assert.ok(!isStorageAccountType('premium_lrs'));
      assert.ok(isStorageAccountType('PremiumV2_LRS'));
      assert.ok(!isStorageAccountType('StandardSSD_LRS'));
    });
  });

  describe('validateTargetRegions', () => {
    it("refuses a region the subscription does not offer, when its regions are known", () => {
      const known = ['westus', 'eastus', 'westeurope'];
      assert.equal(validateTargetRegions([region('westus'), region('West Europe')], 'westus', known), undefined);
      assert.equal(validateTargetRegions([region('westus'), region('marsnorth')], 'westus', known), "Use one of the subscription's regions, not marsnorth.");
      assert.equal(validateTargetRegions([region('westus'), region('marsnorth')], 'westus'), undefined, 'without the list only the shape is checked');
    });

    const source = 'westus';
    const region = (name: string, regionalReplicaCount = 1, storageAccountType: StorageAccountType = 'Standard_LRS'): TargetRegion => ({
      name,
      regionalReplicaCount,
      storageAccountType,
    });

    it('accepts a list with the source region and sane settings', () => {
      assert.equal(validateTargetRegions([region('westus'), region('eastus', MAX_REPLICA_COUNT, 'Premium_LRS')], source), undefined);
      assert.equal(validateTargetRegions([region('West US')], source), undefined);
    });

    it('requires the source region', () => {
      assert.match(validateTargetRegions([], source) ?? '', /source region \(westus\)/);
      assert.match(validateTargetRegions([region('eastus')], source) ?? '', /Add the source region westus/);
    });

    it('refuses duplicates, bad names, replica counts outside 1..100 and unknown storage types', () => {
      assert.match(validateTargetRegions([region('westus'), region('West US')], source) ?? '', /westus only once/);
      assert.match(validateTargetRegions([region('westus'), region('')], source) ?? '', /name/);
      assert.match(validateTargetRegions([region('westus'), region('west-us')], source) ?? '', /region name such as westus/);
      assert.match(validateTargetRegions([region('westus', 0)], source) ?? '', /1 to 100 replicas in westus \(not 0\)/);
      assert.match(validateTargetRegions([region('westus', MAX_REPLICA_COUNT + 1)], source) ?? '', /not 101/);
      assert.match(validateTargetRegions([region('westus', 1.5)], source) ?? '', /not 1\.5/);
      const odd = { name: 'westus', regionalReplicaCount: 1, storageAccountType: 'Ultra' } as unknown as TargetRegion;
      assert.match(validateTargetRegions([odd], source) ?? '', /Standard_LRS, Standard_ZRS, Premium_LRS, PremiumV2_LRS.*not Ultra/);
    });
  });
});
