// Create Image Version's answers → the request (src/commands/createImageVersion/spec.ts and
// src/azure/createImageVersion.ts imageVersionBody), and Edit and Try Again: the options object
// made from the answers (answers.ts optionsOf) reads back (readAnswers) to the same request. Pure: no VS Code, no Azure.
import assert from 'node:assert/strict';
import { imageVersionBody } from '../../../src/azure/createImageVersion';
import type { VersionSource } from '../../../src/azure/writeTypes';
import { versionAnswers } from '../../../src/commands/createImageVersion/answers';
import { readOptions } from '../../../src/commands/createImageVersion/options';
import { buildSpec, problemsOf } from '../../../src/commands/createImageVersion/spec';
import type { Lookups, State } from '../../../src/commands/createImageVersion/types';
import type { ImageDefinitionNode } from '../../../src/tree/nodes/imageDefinitionNode';
import { optionsOf } from '../../../src/ui/answers';

const SUB = '00000000-0000-4000-8000-00000000a001';
const arm = (type: string, name: string) => `/subscriptions/${SUB}/resourceGroups/rg/providers/${type}/${name}`;
const DES = (name: string) => arm('Microsoft.Compute/diskEncryptionSets', name);
const SNAPSHOT: VersionSource = { id: arm('Microsoft.Compute/snapshots', 'os'), name: 'os', kind: 'snapshot', location: 'eastus', resourceGroup: 'rg', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' };
const DEFINITION = {
  resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/ubuntu`,
  image: { name: 'ubuntu', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' },
  parent: { gallery: { name: 'g' }, parent: { subscription: { subscriptionId: SUB } } },
} as unknown as ImageDefinitionNode;
const LOOKUPS: Lookups = {
  sources: async () => [SNAPSHOT],
  regions: async () => [
    { name: 'eastus', displayName: 'East US', zones: true },
    { name: 'westus', displayName: 'West US', zones: false },
    { name: 'westeurope', displayName: 'West Europe', zones: true },
  ],
  versionNames: async () => ['1.0.0'],
  edgeZones: async () => [{ name: 'microsoftlosangeles1', displayName: 'Microsoft Los Angeles 1', region: 'westus' }],
  dataDiskCandidates: async () => [
    { id: arm('Microsoft.Compute/snapshots', 'data0'), name: 'data0', kind: 'snapshot', location: 'eastus', resourceGroup: 'rg' },
    { id: arm('Microsoft.Compute/disks', 'data1'), name: 'data1', kind: 'disk', location: 'eastus', resourceGroup: 'rg' },
  ],
  encryptionSets: async () => [
    { id: DES('des-east'), name: 'des-east', location: 'eastus', resourceGroup: 'rg' },
    { id: DES('des-weu'), name: 'des-weu', location: 'westeurope', resourceGroup: 'rg' },
  ],
  storageAccounts: async () => [],
};

function richState(): State {
  return {
    definition: DEFINITION,
    version: '2.0.0',
    source: SNAPSHOT,
    dataDisks: [
      { lun: 0, source: { id: arm('Microsoft.Compute/snapshots', 'data0') }, label: 'data0 (snapshot)' },
      { lun: 1, source: { id: arm('Microsoft.Compute/disks', 'data1') }, label: 'data1 (disk)' },
    ],
    regions: ['eastus', 'westeurope'],
    replicas: 'eastus=1, westeurope=2',
    regionStorage: { eastus: 'Standard_ZRS', westeurope: 'PremiumV2_LRS' },
    excludedRegions: ['westeurope'],
    encryption: 'customer',
    regionEncryption: {
      eastus: { osDiskImage: { diskEncryptionSetId: DES('des-east') }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: DES('des-east') }] },
      westeurope: { osDiskImage: { diskEncryptionSetId: DES('des-weu') }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: DES('des-weu') }] },
    },
    endOfLifeDate: '2031-01-01',
    blockDeletion: true,
    allowReplicatedDeletion: true,
  };
}

describe('Create Image Version: answers to request, and Edit and Try Again', () => {
  it('sends every answer where the API takes it, and no storage type where Azure should choose', () => {
    const body = imageVersionBody(buildSpec(richState(), false));
    assert.deepEqual(body.storageProfile, {
      osDiskImage: { source: { id: SNAPSHOT.id } },
      dataDiskImages: [
        { lun: 0, source: { id: arm('Microsoft.Compute/snapshots', 'data0') } },
        { lun: 1, source: { id: arm('Microsoft.Compute/disks', 'data1') } },
      ],
    });
    assert.deepEqual(body.publishingProfile?.targetRegions, [
      { name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS', encryption: richState().regionEncryption!.eastus },
      { name: 'westeurope', regionalReplicaCount: 2, storageAccountType: 'PremiumV2_LRS', excludeFromLatest: true, encryption: richState().regionEncryption!.westeurope },
    ]);
    assert.equal(body.publishingProfile?.storageAccountType, undefined);
    assert.equal(body.publishingProfile?.excludeFromLatest, false);
    assert.deepEqual(body.safetyProfile, { blockDeletionBeforeEndOfLife: true, allowDeletionOfReplicatedLocations: true });

    const plain = imageVersionBody(buildSpec({ definition: DEFINITION, version: '2.0.1', source: SNAPSHOT }, false));
    assert.deepEqual(plain.publishingProfile?.targetRegions, [{ name: 'eastus', regionalReplicaCount: 1 }], "Azure's default: nothing sent");
    assert.equal(plain.publishingProfile?.storageAccountType, undefined);
    assert.equal(plain.safetyProfile, undefined);
  });

  it('puts a community version in communityGalleryImageId, a shared one in id, a VHD in osDiskImage.source', () => {
    const community = '/CommunityGalleries/pub-1/Images/i/Versions/1.0.0';
    const shared = '/SharedGalleries/u-1/Images/i/Versions/1.0.0';
    const vhd = 'https://a.blob.core.windows.net/vhds/os.vhd';
    const body = (source: VersionSource) => imageVersionBody(buildSpec({ definition: DEFINITION, version: '3.0.0', source }, false)).storageProfile;
    assert.deepEqual(body({ ...SNAPSHOT, kind: 'communityGalleryImageVersion', id: community }), { source: { communityGalleryImageId: community } });
    assert.deepEqual(body({ ...SNAPSHOT, kind: 'sharedGalleryImageVersion', id: shared }), { source: { id: shared } });
    assert.deepEqual(body({ ...SNAPSHOT, kind: 'vhd', id: vhd, storageAccountId: arm('Microsoft.Storage/storageAccounts', 'a') }), {
      osDiskImage: { source: { uri: vhd, storageAccountId: arm('Microsoft.Storage/storageAccounts', 'a') } },
    });
  });

  it('checks the whole answer before sending: ZRS where there are no zones, encryption in one region only, blocked deletion without an end of life', async () => {
    const labels = await LOOKUPS.regions(DEFINITION);
    assert.deepEqual(problemsOf(richState(), SUB, await LOOKUPS.encryptionSets(DEFINITION), labels), []);
    const zrsWest: State = { ...richState(), regions: ['eastus', 'westus'], replicas: '1', regionStorage: { eastus: 'Standard_ZRS', westus: 'Standard_ZRS' }, regionEncryption: undefined, encryption: 'platform' };
    assert.match(problemsOf(zrsWest, SUB, undefined, labels).join(' '), /^Storage: Use Standard_LRS, Premium_LRS or PremiumV2_LRS in westus/);
    const oneRegion: State = { ...richState(), regionEncryption: { eastus: richState().regionEncryption!.eastus } };
    assert.match(problemsOf(oneRegion, SUB).join(' '), /^Encryption: Choose a disk encryption set for the OS disk in westeurope too/);
    assert.match(problemsOf({ ...richState(), endOfLifeDate: undefined }, SUB).join(' '), /^Safety: Add an end-of-life date/);
  });

  it('Edit and Try Again: the options object made from the answers reads back to the same request', async () => {
    const state = richState();
    const spec = buildSpec(state, false);
    // The answers with what they look up; the prompts that browse the tree are not needed here.
    const answers = versionAnswers({
      lookups: LOOKUPS,
      given: new Set(),
      definitionOf: async () => DEFINITION,
      definitionItems: async () => [],
      sourceStep: { title: 'Source', ask: async () => undefined },
      versionTaken: async () => undefined,
    });
    const retry = optionsOf(answers.all, state, { edit: true });
    assert.equal(retry.definition, DEFINITION.resourceId);
    assert.equal(retry.source, SNAPSHOT.id);
    const read = await readOptions(answers.all, retry, DEFINITION);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(imageVersionBody(buildSpec(read.state, false)), imageVersionBody(spec));
  });
});
