import assert from 'node:assert/strict';
import {
  describeTargetChanges,
  hasTargetChanges,
  mergeTargetRegions,
  replicaText,
  targetChanges,
  updatedTargets,
  whyTargetEditsRefused,
  type RawTargetRegion,
} from '../../../src/model/updateRules';

describe('model/updateRules: target regions', () => {
  const current = [
    { name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
    { name: 'westeurope', regionalReplicaCount: 2, storageAccountType: 'PremiumV2_LRS', excludeFromLatest: true },
  ];

  it('keeps the source region first and always in; only added regions get a storage type, and only when one was chosen', () => {
    const list = updatedTargets(current, ['westus2', 'westeurope'], (r) => (r === 'westeurope' ? 3 : 1), 'eastus', (r) => (r === 'westus2' ? 'Standard_ZRS' : 'Premium_LRS'));
    assert.deepEqual(list, [
      { name: 'eastus', regionalReplicaCount: 1 },
      { name: 'westus2', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS' },
      { name: 'westeurope', regionalReplicaCount: 3 },
    ]);
    assert.deepEqual(updatedTargets(current, ['japaneast'], () => 1, 'eastus')[1], { name: 'japaneast', regionalReplicaCount: 1 }, "Azure's default: no storage type sent");
  });

  it('describes what a new list changes, per-region latest and added storage included', () => {
    const c = targetChanges(current, [
      { name: 'eastus', regionalReplicaCount: 2, excludeFromLatest: true },
      { name: 'westus2', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS' },
    ]);
    assert.deepEqual(c, {
      added: ['westus2'],
      removed: ['westeurope'],
      counts: [{ region: 'eastus', from: 1, to: 2 }],
      latest: [{ region: 'eastus', excluded: true }],
      storage: [{ region: 'westus2', type: 'Standard_ZRS' }],
    });
    assert.equal(describeTargetChanges(c), 'adds westus2 (Standard_ZRS); removes westeurope (its replicas are deleted); eastus 1 → 2 replicas; eastus excluded from latest');
    assert.equal(hasTargetChanges(targetChanges(current, [{ name: 'eastus', regionalReplicaCount: 1 }, { name: 'West Europe', regionalReplicaCount: 2 }])), false);
    assert.equal(hasTargetChanges(targetChanges(current, [{ name: 'eastus', regionalReplicaCount: 1 }, { name: 'West Europe', regionalReplicaCount: 2, excludeFromLatest: false }])), true);
  });

  it('shows current replicas compactly', () => {
    assert.equal(replicaText(current), 'eastus=1, westeurope=2');
    assert.equal(replicaText([{ name: 'a', regionalReplicaCount: 3 }, { name: 'b', regionalReplicaCount: 3 }]), '3');
  });

  describe('mergeTargetRegions: what Azure returned is written back, with only the change', () => {
    const encryption = {
      osDiskImage: { diskEncryptionSetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des-eastus' },
      dataDiskImages: [{ lun: 0, diskEncryptionSetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des-eastus' }],
    };
    const raw: RawTargetRegion[] = [
      { name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS', encryption, excludeFromLatest: false },
      { name: 'West Europe', storageAccountType: 'PremiumV2_LRS', excludeFromLatest: true, additionalReplicaSets: [{ storageAccountType: 'PremiumV2_LRS', regionalReplicaCount: 1 }], aMemberNewerThanThisCode: { x: 1 } },
    ];

    it('changing one replica count keeps every other member of every region, byte for byte', () => {
      const merged = mergeTargetRegions(raw, [{ name: 'eastus', regionalReplicaCount: 3 }, { name: 'westeurope', regionalReplicaCount: 2 }], 2);
      assert.deepEqual(merged, [{ ...raw[0], regionalReplicaCount: 3 }, raw[1]], 'West Europe has no count of its own and keeps the version default of 2: unchanged');
      assert.equal(merged[0]!.name, 'East US', "Azure's spelling of the name is kept");
    });

    it('a region without its own count gets one only when the user changes it', () => {
      const merged = mergeTargetRegions(raw, [{ name: 'eastus', regionalReplicaCount: 1 }, { name: 'westeurope', regionalReplicaCount: 4 }], 2);
      assert.deepEqual(merged, [raw[0], { ...raw[1], regionalReplicaCount: 4 }]);
    });

    it('per-region exclusion from latest changes only that member', () => {
      const merged = mergeTargetRegions(raw, [{ name: 'eastus', regionalReplicaCount: 1, excludeFromLatest: true }, { name: 'westeurope', regionalReplicaCount: 2, excludeFromLatest: true }], 2);
      assert.deepEqual(merged, [{ ...raw[0], excludeFromLatest: true }, raw[1]]);
    });

    it('added regions are built from the edit, removed ones are left out', () => {
      const merged = mergeTargetRegions(raw, [
        { name: 'eastus', regionalReplicaCount: 1 },
        { name: 'westus2', regionalReplicaCount: 2, storageAccountType: 'PremiumV2_LRS', encryption: { osDiskImage: { diskEncryptionSetId: 'des2' } } },
        { name: 'japaneast', regionalReplicaCount: 1 },
      ]);
      assert.deepEqual(merged, [
        raw[0],
        { name: 'westus2', regionalReplicaCount: 2, storageAccountType: 'PremiumV2_LRS', encryption: { osDiskImage: { diskEncryptionSetId: 'des2' } } },
        { name: 'japaneast', regionalReplicaCount: 1 },
      ]);
    });
  });

  it("refuses a storage type change of a replicated region (Azure: not updatable), and unknown types for added ones", () => {
    assert.match(whyTargetEditsRefused(current, [{ name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Premium_LRS' }]) ?? '', /eastus keeps its storage type Standard_LRS.*remove the region, save, then add it back/);
    assert.equal(whyTargetEditsRefused(current, [{ name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' }]), undefined);
    assert.match(whyTargetEditsRefused(current, [{ name: 'westus2', regionalReplicaCount: 1, storageAccountType: 'Premium_ZRS' }]) ?? '', /not Premium_ZRS.*Azure's default/);
  });
});
