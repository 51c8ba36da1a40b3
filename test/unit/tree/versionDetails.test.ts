import assert from 'node:assert/strict';
import type { ImageVersion } from '../../../src/azure/types';
import { regionLine, versionDetailLines } from '../../../src/tree/nodes/versionDetails';

const DES = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/';

function version(overrides: Partial<ImageVersion>): ImageVersion {
  return {
    id: 'id',
    name: '1.0.0',
    imageName: 'img',
    galleryName: 'g',
    resourceGroup: 'rg',
    subscriptionId: 's',
    location: 'eastus',
    excludeFromLatest: false,
    targetRegions: [],
    blockDeletionBeforeEndOfLife: false,
    allowDeletionOfReplicatedLocations: false,
    dataDiskImages: [],
    extendedLocations: [],
    tags: {},
    ...overrides,
  };
}

describe('tree/versionDetails: what a version hover says about the image', () => {
  it("a region's replicas, storage (its own, the version's, or Azure's default), exclusion and encryption per disk", () => {
    assert.equal(regionLine({ name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS' }, undefined), 'East US: 1 replica · Standard_ZRS');
    assert.equal(regionLine({ name: 'West US', regionalReplicaCount: 2 }, 'Premium_LRS'), 'West US: 2 replicas · Premium_LRS');
    assert.equal(regionLine({ name: 'West US', regionalReplicaCount: 2 }, undefined), "West US: 2 replicas · Azure's default storage");
    assert.equal(
      regionLine(
        {
          name: 'West Europe',
          regionalReplicaCount: 1,
          storageAccountType: 'PremiumV2_LRS',
          excludeFromLatest: true,
          encryption: { osDiskEncryptionSetId: `${DES}des-we`, dataDisks: [{ lun: 0, diskEncryptionSetId: `${DES}des-we-data` }, { lun: 1 }] },
        },
        undefined,
      ),
      'West Europe: 1 replica · PremiumV2_LRS · excluded from latest here · encrypted with OS disk: des-we, LUN 0: des-we-data',
    );
    assert.equal(
      regionLine({ name: 'East US', regionalReplicaCount: 1, encryption: { confidentialVmEncryptionType: 'EncryptedWithCmk', secureVmDiskEncryptionSetId: `${DES}des-cvm`, dataDisks: [] } }, 'Standard_LRS'),
      'East US: 1 replica · Standard_LRS · encrypted with confidential VM: EncryptedWithCmk (des-cvm)',
    );
  });

  it('data disks by LUN with size, caching and source; edge zones, safety and tags', () => {
    const lines = versionDetailLines(
      version({
        targetRegions: [{ name: 'eastus', regionalReplicaCount: 1 }],
        osDiskImage: { source: 'https://acct.blob.core.windows.net/vhds/os.vhd' },
        dataDiskImages: [
          { lun: 2, sizeInGB: 128, source: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/snapshots/data2` },
          { lun: 0, hostCaching: 'ReadOnly' },
        ],
        extendedLocations: ['westus/microsoftlosangeles1'],
        blockDeletionBeforeEndOfLife: true,
        allowDeletionOfReplicatedLocations: true,
        tags: { team: 'platform', empty: '' },
      }),
    );
    assert.deepEqual(lines, [
      'Target regions:',
      "· eastus: 1 replica · Azure's default storage",
      'Edge zone: westus/microsoftlosangeles1',
      'OS disk from: https://acct.blob.core.windows.net/vhds/os.vhd',
      'Data disks: 2',
      '· LUN 0, caching ReadOnly',
      '· LUN 2, 128 GB from data2',
      'Safety: deletion blocked before end of life; replicated regions may be removed',
      'Tags: team=platform; empty=',
    ]);
  });

  it('says nothing about what a version does not have', () => {
    assert.deepEqual(versionDetailLines(version({})), []);
  });
});
