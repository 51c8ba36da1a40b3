import type { SourceSpec } from '../compute/sources';
import type { SeedBuilder } from './builder';
import { DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from './wellKnown';

// What images with data disks, per-region encryption and VHDs are made from (issue 13): VMs with
// data disks, data-disk snapshots and disks, a storage account holding VHDs, and disk encryption sets
// in several regions. None of it is a gallery, so the explorer's tree is unchanged; the extension
// finds these through its source and disk-encryption-set pickers.

const P = PRODUCTION_SUBSCRIPTION_ID;
const arm = (sub: string, rg: string, type: string, name: string): string => `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`;

/** Resource groups the rich sources live in. */
export const RICH_GROUPS = { data: 'rg-image-data', security: 'rg-security', examples: 'myResourceGroup' } as const;

/** Ids the extension side and tests can name (all in Contoso Production unless the name says otherwise). */
export const RICH_IDS = {
  /** Linux, Gen2, Generalized, Standard security, eastus; data disks at LUN 0 (128 GB) and 1 (256 GB). */
  vmWithDataDisks: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/virtualMachines', 'vm-build-data'),
  /** Linux Gen2 eastus with an UltraSSD_LRS data disk at LUN 0: Azure refuses it as a source. */
  vmWithUltraDisk: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/virtualMachines', 'vm-build-ultra'),
  /** Linux Gen2 eastus VMs Azure refuses as sources: an ephemeral OS disk; an unmanaged (VHD) OS disk. */
  vmWithEphemeralOsDisk: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/virtualMachines', 'vm-build-ephemeral'),
  vmWithUnmanagedDisk: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/virtualMachines', 'vm-build-unmanaged'),
  /** Managed image, Linux Gen2 eastus, data disks at LUN 0 and 1. */
  imageWithDataDisks: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/images', 'img-ubuntu-2204-data-eastus'),
  /** OS snapshot, Linux Gen2 Generalized, eastus. */
  osSnapshot: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/snapshots', 'snap-ubuntu-2204-os-eastus'),
  /** Data-disk snapshots (no OS) in eastus, and one in westus2 (wrong region for an eastus version). */
  dataSnapshotLun0: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/snapshots', 'snap-data-0-eastus'),
  dataSnapshotLun1: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/snapshots', 'snap-data-1-eastus'),
  dataSnapshotWestus2: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/snapshots', 'snap-data-westus2'),
  /** A data managed disk (unattached) in eastus. */
  dataDisk: arm(P, RICH_GROUPS.data, 'Microsoft.Compute/disks', 'disk-data-eastus'),
  /** Storage account in eastus; any blob uri under https://contosovhds.blob.core.windows.net/ is accepted. */
  storageAccount: arm(P, RICH_GROUPS.data, 'Microsoft.Storage/storageAccounts', 'contosovhds'),
  osVhdUri: 'https://contosovhds.blob.core.windows.net/vhds/ubuntu-2204-os.vhd',
  dataVhdUri: 'https://contosovhds.blob.core.windows.net/vhds/ubuntu-2204-data-0.vhd',
  /** A storage account in westus2 (wrong region for an eastus version). */
  storageAccountWestus2: arm(P, RICH_GROUPS.data, 'Microsoft.Storage/storageAccounts', 'contosovhdswest'),
  /** Disk encryption sets (EncryptionAtRestWithCustomerKey), one or two per region. */
  desEastus: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-eastus'),
  desEastusData: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-eastus-data'),
  desWestus2: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-westus2'),
  desWesteurope: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-westeurope'),
  desNortheurope: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-northeurope'),
  desJapaneast: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-japaneast'),
  /** ConfidentialVmEncryptedWithCustomerKey, for confidential VM images (secureVMDiskEncryptionSetId). */
  desConfidentialNortheurope: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-cvm-northeurope'),
  desConfidentialEastus: arm(P, RICH_GROUPS.security, 'Microsoft.Compute/diskEncryptionSets', 'des-cvm-eastus'),
  /** In Contoso Development: another subscription than Production's galleries. */
  desOtherSubscription: arm(DEVELOPMENT_SUBSCRIPTION_ID, 'rg-dev', 'Microsoft.Compute/diskEncryptionSets', 'des-dev-eastus'),
} as const;

export function addRichSources(b: SeedBuilder): void {
  const data = b.group(P, RICH_GROUPS.data, 'eastus');
  const security = b.group(P, RICH_GROUPS.security, 'eastus');
  const src = (kind: 'image' | 'vm' | 'disk' | 'snapshot', spec: Omit<SourceSpec, 'subscriptionId' | 'resourceGroup'>) =>
    b.source(kind, { subscriptionId: P, resourceGroup: data.name, ...spec });
  src('vm', { name: 'vm-build-data', location: 'eastus', osType: 'Linux', dataDisks: [{ lun: 0, sizeGB: 128 }, { lun: 1, sizeGB: 256, storageAccountType: 'StandardSSD_LRS' }] });
  src('vm', { name: 'vm-build-ultra', location: 'eastus', osType: 'Linux', dataDisks: [{ lun: 0, sizeGB: 512, storageAccountType: 'UltraSSD_LRS' }] });
  src('vm', { name: 'vm-build-ephemeral', location: 'eastus', osType: 'Linux', osDiskKind: 'ephemeral' });
  src('vm', { name: 'vm-build-unmanaged', location: 'eastus', osType: 'Linux', osDiskKind: 'unmanaged' });
  src('image', { name: 'img-ubuntu-2204-data-eastus', location: 'eastus', osType: 'Linux', dataDisks: [{ lun: 0, sizeGB: 128 }, { lun: 1, sizeGB: 64 }] });
  src('snapshot', { name: 'snap-ubuntu-2204-os-eastus', location: 'eastus', osType: 'Linux' });
  src('snapshot', { name: 'snap-data-0-eastus', location: 'eastus', osType: 'Linux', dataDisk: true, sizeGB: 128 });
  src('snapshot', { name: 'snap-data-1-eastus', location: 'eastus', osType: 'Linux', dataDisk: true, sizeGB: 64 });
  src('snapshot', { name: 'snap-data-westus2', location: 'westus2', osType: 'Linux', dataDisk: true });
  src('disk', { name: 'disk-data-eastus', location: 'eastus', osType: 'Linux', dataDisk: true, sizeGB: 32 });
  b.storageAccount({ subscriptionId: P, resourceGroup: data.name, name: 'contosovhds', location: 'eastus', vhds: ['vhds/ubuntu-2204-os.vhd', 'vhds/ubuntu-2204-data-0.vhd'] });
  b.storageAccount({ subscriptionId: P, resourceGroup: data.name, name: 'contosovhdswest', location: 'westus2', vhds: ['vhds/windows-2022-os.vhd'] });
  for (const [name, location] of [
    ['des-eastus', 'eastus'],
    ['des-eastus-data', 'eastus'],
    ['des-westus2', 'westus2'],
    ['des-westeurope', 'westeurope'],
    ['des-northeurope', 'northeurope'],
    ['des-japaneast', 'japaneast'],
  ]) {
    b.diskEncryptionSet({ subscriptionId: P, resourceGroup: security.name, name, location });
  }
  b.diskEncryptionSet({ subscriptionId: P, resourceGroup: security.name, name: 'des-cvm-northeurope', location: 'northeurope', encryptionType: 'ConfidentialVmEncryptedWithCustomerKey' });
  b.diskEncryptionSet({ subscriptionId: P, resourceGroup: security.name, name: 'des-cvm-eastus', location: 'eastus', encryptionType: 'ConfidentialVmEncryptedWithCustomerKey' });
  b.diskEncryptionSet({ subscriptionId: DEVELOPMENT_SUBSCRIPTION_ID, resourceGroup: 'rg-dev', name: 'des-dev-eastus', location: 'eastus' });
}

/** Public name of Fabrikam's community gallery (holds a Windows Gen1 image the spec examples can use). */
export const FABRIKAM_COMMUNITY_PUBLIC_NAME = 'FabrikamPublic-8d1e2f3a-4b5c-4d6e-8f70-112233445566';

/**
 * What the official spec examples (test/fixtures/spec-examples) refer to, in Production's
 * `myResourceGroup` (westus, like the examples): a Windows Gen1 managed image and VM with data disks at
 * LUN 0 and 1, an OS snapshot, a data disk, a storage account with VHDs, and the examples' disk
 * encryption sets by their names. Fabrikam publishes a community gallery whose Windows Gen1 image
 * replicates to westus (the community-source example).
 */
export function addSpecExampleSources(b: SeedBuilder): void {
  const rg = b.group(P, RICH_GROUPS.examples, 'westus');
  const src = (kind: 'image' | 'vm' | 'disk' | 'snapshot', spec: Omit<SourceSpec, 'subscriptionId' | 'resourceGroup' | 'location' | 'osType' | 'hyperVGeneration'>) =>
    b.source(kind, { subscriptionId: P, resourceGroup: rg.name, location: 'westus', osType: 'Windows', hyperVGeneration: 'V1', ...spec });
  src('image', { name: 'myImage', dataDisks: [{ lun: 0 }, { lun: 1 }] });
  src('vm', { name: 'myVM', dataDisks: [{ lun: 0 }, { lun: 1 }] });
  src('snapshot', { name: 'myOsSnapshot' });
  src('disk', { name: 'myDataDisk', dataDisk: true });
  b.storageAccount({ subscriptionId: P, resourceGroup: rg.name, name: 'gallerysourcencus', location: 'westus', vhds: ['myvhds/Windows-Server-2012-R2-20171216-en.us-128GB.vhd', 'myvhds/data-disk-lun1.vhd'] });
  for (const [name, location] of [
    ['myWestUSDiskEncryptionSet', 'westus'],
    ['myOtherWestUSDiskEncryptionSet', 'westus'],
    ['myDiskEncryptionSet', 'westus'],
    ['myOtherDiskEncryptionSet', 'westus'],
    ['myEastUSDiskEncryptionSet', 'eastus'],
    ['myOtherEastUSDiskEncryptionSet', 'eastus'],
  ]) {
    b.diskEncryptionSet({ subscriptionId: P, resourceGroup: rg.name, name, location });
  }

  const partner = b.group(FABRIKAM_SUBSCRIPTION_ID, 'rg-fabrikam-community', 'westus');
  const fabImage = b.source('image', { subscriptionId: FABRIKAM_SUBSCRIPTION_ID, resourceGroup: partner.name, name: 'img-win2019-gen1', location: 'westus', osType: 'Windows', hyperVGeneration: 'V1', dataDisks: [{ lun: 0 }, { lun: 1 }] });
  const community = b.gallery(partner, 'fabrikam_community', {
    description: 'Public images published by Fabrikam.',
    permissions: 'Community',
    community: {
      publisherUri: 'https://fabrikam.example/images',
      publisherContact: 'images@fabrikam.example',
      eula: 'https://fabrikam.example/images/eula',
      publicNamePrefix: 'FabrikamPublic',
      publicName: FABRIKAM_COMMUNITY_PUBLIC_NAME,
      enabled: true,
    },
  });
  const win = b.image(community, 'windows-2019-gen1', { osType: 'Windows', hyperVGeneration: 'V1', publisher: 'Fabrikam', offer: 'WindowsServer', sku: '2019-gen1' });
  b.version(win, '1.0.0', { source: fabImage, regions: ['westus', 'eastus'] });
}
