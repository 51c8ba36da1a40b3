import assert from 'node:assert/strict';
import {
  excludeChanges,
  latestInRegion,
  latestLosses,
  latestOutcomeLines,
  makeLatestChanges,
  regionDifferenceLines,
  regionMiss,
  resolveLatestByRegion,
  withChanges,
  type RegionalCandidate,
} from '../../../src/model/latestByRegion';

/** A version Azure reports done, replicated to `regions` (never polled unless `status` is given). */
const v = (name: string, regions: string[], extra: Partial<RegionalCandidate> = {}): RegionalCandidate => ({
  name,
  provisioningState: 'Succeeded',
  targetRegions: regions.map((r) => ({ name: r })),
  ...extra,
});
const completed = (...regions: string[]) => regions.map((region) => ({ region, state: 'Completed', progress: 100 }));

describe('model/latestByRegion', () => {
  it('every region gets the definition\'s latest when it is replicated everywhere: no differences', () => {
    const r = resolveLatestByRegion([v('1.0.0', ['eastus', 'westus2']), v('1.1.0', ['eastus', 'westus2'])]);
    assert.equal(r.latest, '1.1.0');
    assert.deepEqual(r.regions.map((x) => [x.region, x.latest]), [['eastus', '1.1.0'], ['westus2', '1.1.0']]);
    assert.deepEqual(r.differences, []);
  });

  it('exclusion at version level: the next highest everywhere; at region level: only in that region', () => {
    const whole = resolveLatestByRegion([v('1.0.0', ['eastus']), v('1.1.0', ['eastus'], { excludeFromLatest: true })]);
    assert.equal(whole.latest, '1.0.0');
    assert.deepEqual(whole.differences, []);
    const regional = resolveLatestByRegion([
      v('1.0.0', ['eastus', 'westus2']),
      v('1.1.0', ['eastus', 'westus2'], { targetRegions: [{ name: 'eastus' }, { name: 'westus2', excludeFromLatest: true }] }),
    ]);
    assert.equal(regional.latest, '1.1.0');
    assert.deepEqual(regionDifferenceLines(regional), ['westus2: 1.0.0 (1.1.0 is excluded from latest in this region)']);
  });

  it('a region where the newer version is still replicating, failed, or not a target keeps the older one', () => {
    const r = resolveLatestByRegion([
      v('1.0.0', ['eastus', 'westus2', 'westeurope', 'japaneast']),
      v('1.1.0', ['eastus', 'westus2', 'westeurope'], {
        provisioningState: 'Updating',
        replicationState: 'Failed',
        regionStatus: [
          { region: 'East US', state: 'Completed', progress: 100 },
          { region: 'West US 2', state: 'Replicating', progress: 42 },
          { region: 'West Europe', state: 'Failed', details: 'boom' },
        ],
      }),
    ]);
    // A region failed: latest.ts does not count the version usable for the definition as a whole.
    assert.equal(r.latest, '1.0.0');
    assert.deepEqual(r.regions.map((x) => [x.region, x.latest]), [['eastus', '1.1.0'], ['japaneast', '1.0.0'], ['westeurope', '1.0.0'], ['westus2', '1.0.0']]);
    assert.deepEqual(regionDifferenceLines(r), ['East US: 1.1.0 (1.1.0 is replicated here, though not usable in every region)']);

    const replicating = resolveLatestByRegion([
      v('1.0.0', ['eastus', 'westus2', 'japaneast']),
      v('1.1.0', ['eastus', 'westus2'], { provisioningState: 'Succeeded', regionStatus: [{ region: 'East US', state: 'Completed' }, { region: 'West US 2', state: 'Replicating', progress: 42 }] }),
    ]);
    assert.equal(replicating.latest, '1.1.0');
    assert.deepEqual(regionDifferenceLines(replicating), [
      'japaneast: 1.0.0 (1.1.0 is not replicated to this region (not a target region))',
      'West US 2: 1.0.0 (1.1.0 is not replicated here yet (42 %))',
    ]);
    assert.equal(regionMiss(v('1.2.0', ['westus2'], { regionStatus: [{ region: 'westus2', state: 'Failed' }] }), 'westus2'), 'failedHere');
  });

  it('a version being created is latest nowhere yet; a failed or deleting one nowhere at all', () => {
    const versions = [v('1.0.0', ['eastus']), v('1.1.0', ['eastus'], { provisioningState: 'Creating' }), v('1.2.0', ['eastus'], { provisioningState: 'Failed' })];
    assert.equal(latestInRegion(versions, 'eastus'), '1.0.0');
    assert.equal(regionMiss(versions[1], 'eastus'), 'replicating');
    assert.equal(regionMiss(versions[2], 'eastus'), 'notUsable');
    assert.equal(regionMiss(v('1.3.0', ['eastus'], { provisioningState: 'Deleting' }), 'eastus'), 'notUsable');
  });

  it('no latest anywhere, and a region with no latest while the definition has one', () => {
    const none = resolveLatestByRegion([v('1.0.0', ['eastus'], { excludeFromLatest: true })]);
    assert.equal(none.latest, undefined);
    assert.deepEqual(none.regions, [{ region: 'eastus', label: 'eastus', latest: undefined }]);
    assert.deepEqual(none.differences, []);
    assert.deepEqual(resolveLatestByRegion([]), { latest: undefined, next: undefined, regions: [], differences: [] });

    const hole = resolveLatestByRegion([v('1.0.0', ['eastus', 'westus2'], { targetRegions: [{ name: 'eastus' }, { name: 'westus2', excludeFromLatest: true }] })]);
    assert.equal(hole.latest, '1.0.0');
    assert.deepEqual(regionDifferenceLines(hole), ['westus2: none (1.0.0 is excluded from latest in this region)']);
  });

  it('a region named differently by the targets and the status is one region, labelled as Azure reports it', () => {
    const r = resolveLatestByRegion([v('1.0.0', ['westus2'], { regionStatus: [{ region: 'West US 2', state: 'Completed' }] })]);
    assert.deepEqual(r.regions, [{ region: 'westus2', label: 'West US 2', latest: '1.0.0' }]);
    // Polled, and the region is not reported yet (just added): not replicated there.
    assert.equal(regionMiss(v('1.0.0', ['westus2', 'eastus'], { regionStatus: completed('westus2') }), 'eastus'), 'replicating');
  });

  it('Make Latest: the version back in latest first, then every higher one not yet excluded, highest first', () => {
    const versions = [v('9.0.0', ['eastus']), v('10.0.0', ['eastus']), v('2.0.0', ['eastus'], { excludeFromLatest: true }), v('11.0.0', ['eastus'], { excludeFromLatest: true }), v('1.0.0', ['eastus'])];
    assert.deepEqual(makeLatestChanges(versions, '2.0.0'), [
      { name: '2.0.0', excludeFromLatest: false },
      { name: '10.0.0', excludeFromLatest: true },
      { name: '9.0.0', excludeFromLatest: true },
    ]);
    assert.deepEqual(makeLatestChanges(versions, '10.0.0'), [], 'already the highest candidate');
    assert.deepEqual(makeLatestChanges(versions, '3.0.0'), [], 'unknown version');
    const after = withChanges(versions, makeLatestChanges(versions, '2.0.0'));
    assert.equal(resolveLatestByRegion(after).latest, '2.0.0');
  });

  it('Exclude from Latest: the version alone; the losses name the definition and each region left without a latest', () => {
    const versions = [v('1.0.0', ['eastus']), v('1.1.0', ['eastus', 'westus2'])];
    assert.deepEqual(excludeChanges(versions, '1.1.0'), [{ name: '1.1.0', excludeFromLatest: true }]);
    assert.deepEqual(excludeChanges(withChanges(versions, [{ name: '1.1.0', excludeFromLatest: true }]), '1.1.0'), []);
    const before = resolveLatestByRegion(versions);
    const after = resolveLatestByRegion(withChanges(versions, excludeChanges(versions, '1.1.0')));
    assert.equal(after.latest, '1.0.0');
    assert.deepEqual(latestLosses(before, after), ['No version would be latest in westus2: VMs and scale sets asking for "latest" there would fail to deploy.']);

    const only = [v('1.0.0', ['eastus'])];
    const gone = latestLosses(resolveLatestByRegion(only), resolveLatestByRegion(withChanges(only, excludeChanges(only, '1.0.0'))));
    assert.equal(gone.length, 2);
    assert.match(gone[0], /^No version of the definition would be latest: /);
    assert.match(gone[1], /^No version would be latest in eastus/);
    assert.deepEqual(latestOutcomeLines(resolveLatestByRegion(withChanges(only, excludeChanges(only, '1.0.0')))), ['No version would be latest.']);
    const waiting = [v('1.0.0', ['eastus']), v('1.1.0', ['eastus'], { provisioningState: 'Creating' })];
    assert.deepEqual(latestOutcomeLines(resolveLatestByRegion(withChanges(waiting, excludeChanges(waiting, '1.0.0')))), ['No version would be latest until 1.1.0 is ready.']);
    assert.deepEqual(latestOutcomeLines(resolveLatestByRegion(waiting)), ['VMs asking for "latest" would get 1.0.0 (1.1.0 once it is ready).']);
    // Nothing lost: no warning.
    assert.deepEqual(latestLosses(before, before), []);
  });
});
