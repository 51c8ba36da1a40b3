// Issue 13, whole images through Create Image Version: data disks, per-region storage (ZRS,
// PremiumV2), per-region exclusion and encryption with disk encryption sets, the safety profile, a
// community gallery version and a VHD as sources — created through the command (options object
// and the steps), then the stored resource read back from the local Azure and compared.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageVersion } from '../../src/azure/types';
import type { CreateImageVersionOptions } from '../../src/commands/createImageVersion';
import { PENDING_VERSIONS_KEY } from '../../src/commands/createVersionProgress';
import { COMMUNITY_BOOKMARKS_KEY } from '../../src/tree/nodes/sharedNodes';
import { GALLERY_ID, PRODUCTION, RG_BUILDS, ScriptedPrompter, UBUNTU_ID, emulatorState, inventory, resource, useDemoSession } from './createHelpers';
import { emulatorAdmin, extensionApi, nodeAt } from './helpers';

const RG = (name: string) => `/subscriptions/${PRODUCTION}/resourceGroups/${name}/providers`;
const DATA = (type: string, name: string) => `${RG('rg-image-data')}/Microsoft.Compute/${type}/${name}`;
const DES = (name: string) => `${RG('rg-security')}/Microsoft.Compute/diskEncryptionSets/${name}`;
const OS_SNAPSHOT = DATA('snapshots', 'snap-ubuntu-2204-os-eastus');
const DATA_SNAPSHOT_0 = DATA('snapshots', 'snap-data-0-eastus');
const DATA_DISK = DATA('disks', 'disk-data-eastus');
const VM_WITH_DATA = DATA('virtualMachines', 'vm-build-data');
const STORAGE = `${RG('rg-image-data')}/Microsoft.Storage/storageAccounts/contosovhds`;
const OS_VHD = 'https://contosovhds.blob.core.windows.net/vhds/ubuntu-2204-os.vhd';
const DATA_VHD = 'https://contosovhds.blob.core.windows.net/vhds/ubuntu-2204-data-0.vhd';
const COMMUNITY_DEBIAN = '/CommunityGalleries/ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b/Images/debian-12/Versions/1.0.0';
const CREATE = { pick: /^Create image version$/ };

interface Encryption {
  osDiskImage?: { diskEncryptionSetId?: string };
  dataDiskImages?: { lun: number; diskEncryptionSetId: string }[];
}
interface StoredVersion {
  publishingProfile: {
    targetRegions: { name: string; regionalReplicaCount: number; storageAccountType: string; excludeFromLatest?: boolean; encryption?: Encryption }[];
    storageAccountType?: string;
    excludeFromLatest?: boolean;
    endOfLifeDate?: string;
  };
  storageProfile: {
    source?: { id?: string; communityGalleryImageId?: string; virtualMachineId?: string };
    osDiskImage?: { source?: { id?: string; uri?: string; storageAccountId?: string } };
    dataDiskImages?: { lun: number; source?: { id?: string; uri?: string; storageAccountId?: string } }[];
  };
  safetyProfile?: { blockDeletionBeforeEndOfLife?: boolean; allowDeletionOfReplicatedLocations?: boolean };
}

async function createVersion(...args: unknown[]): Promise<ImageVersion | undefined> {
  return vscode.commands.executeCommand<ImageVersion | undefined>('azureComputeGallery.createImageVersion', ...args);
}

async function stored(id: string): Promise<StoredVersion> {
  const found = resource(await emulatorState(), id);
  assert.ok(found, `${id} is in the local Azure`);
  return found.properties as unknown as StoredVersion;
}

/** The PUT bodies the extension sent for a version (the request log keeps them). */
async function sentBodies(version: string): Promise<Record<string, unknown>[]> {
  const log = (await emulatorAdmin('GET', '/_admin/traffic')) as { liveRequest: { method: string; url: string; body?: unknown } }[];
  return log
    .filter((t) => t.liveRequest.method === 'PUT' && new URL(t.liveRequest.url).pathname.endsWith(`/versions/${version}`))
    .map((t) => t.liveRequest.body as Record<string, unknown>);
}

const encryption = (os: string, lun0: string, lun1: string): Encryption => ({
  osDiskImage: { diskEncryptionSetId: os },
  dataDiskImages: [
    { lun: 0, diskEncryptionSetId: lun0 },
    { lun: 1, diskEncryptionSetId: lun1 },
  ],
});

describe('Create Image Version, whole images (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 1000 });

  after(async () => {
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
  });

  it('creates a version with data disks, per-region encryption, ZRS and PremiumV2 storage, per-region exclusion and a safety profile from an options object', async () => {
    const options: CreateImageVersionOptions = {
      definition: UBUNTU_ID,
      version: '5.0.0',
      source: OS_SNAPSHOT,
      dataDisks: [
        { lun: 0, source: DATA_SNAPSHOT_0 },
        { lun: 1, source: DATA_DISK },
      ],
      targetRegions: [
        { name: 'eastus', storageAccountType: 'Standard_ZRS', osDiskEncryptionSetId: DES('des-eastus'), dataDiskEncryptionSetIds: encryption('', DES('des-eastus-data'), DES('des-eastus-data')).dataDiskImages },
        {
          name: 'westeurope',
          replicas: 2,
          storageAccountType: 'PremiumV2_LRS',
          excludeFromLatest: true,
          osDiskEncryptionSetId: DES('des-westeurope'),
          dataDiskEncryptionSetIds: encryption('', DES('des-westeurope'), DES('des-westeurope')).dataDiskImages,
        },
      ],
      endOfLifeDate: '2031-01-01',
      blockDeletionBeforeEndOfLife: true,
      allowDeletionOfReplicatedLocations: true,
    };
    const version = await createVersion(options);
    assert.deepEqual(ui.errors(), []);
    assert.ok(version, 'created');
    const v = await stored(version.id);
    assert.equal(v.storageProfile.osDiskImage?.source?.id, OS_SNAPSHOT);
    assert.deepEqual(
      v.storageProfile.dataDiskImages?.map((d) => [d.lun, d.source?.id]),
      [
        [0, DATA_SNAPSHOT_0],
        [1, DATA_DISK],
      ],
    );
    const regions = v.publishingProfile.targetRegions;
    assert.deepEqual(
      regions.map((r) => [r.name, r.regionalReplicaCount, r.storageAccountType, r.excludeFromLatest ?? false]),
      [
        ['East US', 1, 'Standard_ZRS', false],
        ['West Europe', 2, 'PremiumV2_LRS', true],
      ],
    );
    assert.deepEqual(regions[0].encryption, encryption(DES('des-eastus'), DES('des-eastus-data'), DES('des-eastus-data')));
    assert.deepEqual(regions[1].encryption, encryption(DES('des-westeurope'), DES('des-westeurope'), DES('des-westeurope')));
    assert.equal(v.publishingProfile.excludeFromLatest, false);
    assert.equal(v.safetyProfile?.blockDeletionBeforeEndOfLife, true);
    assert.equal(v.safetyProfile?.allowDeletionOfReplicatedLocations, true);
    const [body] = await sentBodies('5.0.0');
    const profile = (body?.properties as { publishingProfile?: Record<string, unknown> } | undefined)?.publishingProfile;
    assert.ok(profile, 'the PUT was recorded');
    assert.equal(profile.storageAccountType, undefined, 'no version-wide type is sent when regions have their own');
  });

  it('sends edge zones given in the options object (publishingProfile.targetExtendedLocations)', async () => {
    const version = await createVersion({
      definition: UBUNTU_ID,
      version: '5.0.2',
      source: OS_SNAPSHOT,
      targetExtendedLocations: [{ name: 'eastus', edgeZone: 'microsoftnewyork1', replicas: 2, storageAccountType: 'StandardSSD_LRS' }],
    });
    assert.deepEqual(ui.errors(), []);
    assert.ok(version);
    const profile = (await stored(version.id)).publishingProfile as unknown as { targetExtendedLocations?: unknown[] };
    assert.deepEqual(profile.targetExtendedLocations, [
      { name: 'eastus', extendedLocation: { name: 'microsoftnewyork1', type: 'EdgeZone' }, extendedLocationReplicaCount: 2, storageAccountType: 'StandardSSD_LRS' },
    ]);
    ui.clear();
    assert.equal(await createVersion({ definition: UBUNTU_ID, version: '5.0.3', source: OS_SNAPSHOT, targetExtendedLocations: [{ name: 'eastus', edgeZone: 'z', replicas: 101 }] }), undefined);
    await ui.waitFor('error', /Edge zones: Use 1 to 100 replicas in z \(not 101\)\./);
  });

  it('sends no storage type for Azure\'s default, and the local Azure applies ZRS where the region has zones, else LRS', async () => {
    const version = await createVersion({ definition: UBUNTU_ID, version: '5.0.1', source: OS_SNAPSHOT, targetRegions: ['eastus', 'westus'] });
    assert.ok(version);
    const [body] = await sentBodies('5.0.1');
    const profile = (body?.properties as { publishingProfile: { storageAccountType?: string; targetRegions: Record<string, unknown>[] } }).publishingProfile;
    assert.equal(profile.storageAccountType, undefined);
    assert.ok(profile.targetRegions.every((r) => r.storageAccountType === undefined), 'no type in any region');
    const v = await stored(version.id);
    assert.deepEqual(
      v.publishingProfile.targetRegions.map((r) => [r.name, r.storageAccountType]),
      [
        ['East US', 'Standard_ZRS'],
        ['West US', 'Standard_LRS'],
      ],
    );
  });

  it('creates the same through the steps: per-region storage and exclusion, data disks and encryption under Advanced…, with a duplicate LUN refused as typed', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([
      '5.1.0',
      'snap-ubuntu-2204-os-eastus',
      { pickMany: ['West Europe'] },
      '1',
      'Different per region…',
      'Standard_ZRS',
      'PremiumV2_LRS',
      'Exclude it in some regions only…',
      { pickMany: [/^West Europe/] },
      { accept: true }, // Edge zones: none
      '2031-06-30',
      { pick: /^Advanced…$/ },
      // Data disks: a snapshot at LUN 0, then a disk whose LUN 0 is refused as typed, at LUN 1.
      'Add a data disk…',
      'snap-data-0-eastus',
      { probe: ['64', 'x'] },
      { accept: true },
      'Add a data disk…',
      'disk-data-eastus',
      { probe: ['0'] },
      '1',
      'Done',
      // Encryption: the OS disk and LUN 0 with a set in each region; LUN 1 with platform keys.
      'Customer-managed keys…',
      'des-eastus',
      'des-westeurope',
      'des-eastus-data',
      'des-westeurope',
      'Not encrypted with my key',
      'Both',
      { accept: true },
      { accept: true }, // Tags
      CREATE,
    ]);
    const version = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(ui.errors(), []);
    const lun = prompter.messagesFor('— LUN');
    assert.equal(lun.get('64'), undefined, 'Azure takes LUN 64 for an image');
    assert.match(prompter.warningsFor('— LUN').get('64') ?? '', /LUN 64 is above 63: VMs attach data disks at LUN 0–63/);
    assert.match(lun.get('x') ?? '', /^Enter the LUN as a whole number/);
    assert.match(lun.get('0') ?? '', /^Use another LUN than 0: a data disk already has it \(1 is free\)/);
    const summary = prompter.prompts.filter((p) => p.title.includes('Summary')).pop();
    // A value too long for the first line is on the line below (the detail), not cut off.
    const row = (label: string) => summary?.items?.find((i) => i.label === label)?.[label === 'Data disks' || label === 'Storage' || label === 'Exclude from latest' || label === 'Encryption' || label === 'Safety' ? 'detail' : 'description'];
    assert.equal(row('Data disks'), 'LUN 0: snap-data-0-eastus (snapshot), LUN 1: disk-data-eastus (disk)');
    assert.equal(row('Storage'), 'East US (eastus): Standard_ZRS; West Europe (westeurope): PremiumV2_LRS');
    assert.equal(row('Exclude from latest'), 'East US (eastus): No; West Europe (westeurope): Yes');
    assert.equal(row('Encryption'), 'East US (eastus): OS disk des-eastus, LUN 0 des-eastus-data; West Europe (westeurope): OS disk des-westeurope, LUN 0 des-westeurope');
    assert.equal(row('Safety'), 'deletion blocked before end of life; replicated regions may be removed');

    assert.ok(version);
    const v = await stored(version.id);
    assert.deepEqual(
      v.storageProfile.dataDiskImages?.map((d) => [d.lun, d.source?.id]),
      [
        [0, DATA_SNAPSHOT_0],
        [1, DATA_DISK],
      ],
    );
    const [east, west] = v.publishingProfile.targetRegions;
    assert.deepEqual([east.storageAccountType, east.excludeFromLatest ?? false, west.storageAccountType, west.excludeFromLatest], ['Standard_ZRS', false, 'PremiumV2_LRS', true]);
    assert.deepEqual(east.encryption, { osDiskImage: { diskEncryptionSetId: DES('des-eastus') }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: DES('des-eastus-data') }] });
    assert.deepEqual(west.encryption, { osDiskImage: { diskEncryptionSetId: DES('des-westeurope') }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: DES('des-westeurope') }] });
    assert.equal(v.publishingProfile.endOfLifeDate?.slice(0, 10), '2031-06-30');
    assert.deepEqual([v.safetyProfile?.blockDeletionBeforeEndOfLife, v.safetyProfile?.allowDeletionOfReplicatedLocations], [true, true]);
  });

  it('lists the data disks a VM source brings in the summary, and Azure copies them', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter(['5.2.0', 'vm-build-data', { pickMany: [] }, '1', { accept: true }, { accept: true }, { accept: true }, '', CREATE]);
    const version = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    const summary = prompter.prompts.find((p) => p.title.includes('Summary'));
    assert.match(summary?.items?.find((i) => i.label === 'Data disks')?.detail ?? '', /^LUN 0: .*\(128 GB\), LUN 1: .*\(256 GB\) — copied from the source, as Azure does$/);
    assert.ok(version);
    const v = await stored(version.id);
    assert.equal(v.storageProfile.source?.virtualMachineId ?? v.storageProfile.source?.id, VM_WITH_DATA);
    assert.deepEqual(v.storageProfile.dataDiskImages?.map((d) => d.lun), [0, 1]);
  });

  it('creates a version from a community gallery version, from an options object and from a pasted id', async () => {
    const version = await createVersion({ definition: UBUNTU_ID, version: '5.3.0', source: COMMUNITY_DEBIAN, sourceLocation: 'westeurope' });
    assert.deepEqual(ui.errors(), []);
    assert.ok(version);
    assert.equal(version.location, 'westeurope');
    assert.equal((await stored(version.id)).storageProfile.source?.communityGalleryImageId, COMMUNITY_DEBIAN);

    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([
      '5.3.1',
      'A community or shared gallery version…',
      'Paste a version id…',
      { probe: ['/CommunityGalleries/x/Images/y'] },
      // Pasted with the path's words in other case: sent as Azure spells them.
      COMMUNITY_DEBIAN.replace('/CommunityGalleries/', '/communitygalleries/').replace('/Images/', '/images/').replace('/Versions/', '/VERSIONS/'),
      'East US',
      { pickMany: [] },
      '1',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      '',
      CREATE,
    ]);
    const pasted = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.match(prompter.messagesFor('— version id').get('/CommunityGalleries/x/Images/y') ?? '', /^Enter a community or shared gallery version id, for example/);
    assert.ok(pasted);
    assert.equal((await stored(pasted.id)).storageProfile.source?.communityGalleryImageId, COMMUNITY_DEBIAN, 'sent as Azure spells it');
  });

  it('creates a version from a VHD (storage account picked, URL checked as typed) with a VHD data disk', async () => {
    const definition = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const prompter = new ScriptedPrompter([
      '5.4.0',
      'A VHD in a storage account…',
      'contosovhds',
      { probe: ['http://contosovhds.blob.core.windows.net/vhds/a.vhd', 'https://other.blob.core.windows.net/vhds/a.vhd', 'https://contosovhds.blob.core.windows.net/', 'https://contosovhds.blob.core.windows.net/vhds/a.vhdx'] },
      OS_VHD,
      { pickMany: [] },
      '1',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      '',
      { pick: /^Advanced…$/ },
      'Add a data disk…',
      'A VHD in a storage account…',
      'contosovhds',
      DATA_VHD,
      { accept: true },
      'Done',
      { accept: true }, // Encryption: platform-managed keys
      { accept: true }, // Safety
      { accept: true }, // Replication mode
      { accept: true }, // Tags
      CREATE,
    ]);
    const version = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(ui.errors(), []);
    const url = prompter.messagesFor('— VHD URL');
    assert.match(url.get('http://contosovhds.blob.core.windows.net/vhds/a.vhd') ?? '', /^Use an https:\/\/ URL/);
    assert.match(url.get('https://other.blob.core.windows.net/vhds/a.vhd') ?? '', /storage account picked/);
    assert.match(url.get('https://contosovhds.blob.core.windows.net/') ?? '', /blob's name/);
    assert.equal(url.get('https://contosovhds.blob.core.windows.net/vhds/a.vhdx'), undefined, 'only Azure can tell what the blob holds');
    assert.match(prompter.warningsFor('— VHD URL').get('https://contosovhds.blob.core.windows.net/vhds/a.vhdx') ?? '', /not named \.vhd/);
    assert.ok(prompter.titles.some((t) => t.includes(': Encryption (')), "customer-managed keys are offered for a VHD source too (the spec's GalleryImageVersion_Create_WithVHD example encrypts one)");
    assert.ok(version);
    const v = await stored(version.id);
    assert.deepEqual(v.storageProfile.osDiskImage?.source, { uri: OS_VHD, storageAccountId: STORAGE });
    assert.deepEqual(v.storageProfile.dataDiskImages?.map((d) => [d.lun, d.source?.uri, d.source?.storageAccountId]), [[0, DATA_VHD, STORAGE]]);

    const fromOptions = await createVersion({ definition: UBUNTU_ID, version: '5.4.1', source: OS_VHD, storageAccountId: STORAGE });
    assert.ok(fromOptions);
    assert.deepEqual((await stored(fromOptions.id)).storageProfile.osDiskImage?.source, { uri: OS_VHD, storageAccountId: STORAGE });
  });

  it('refuses a duplicate LUN, a set of another region, encryption in one region only and blocked deletion without an end of life before sending anything', async () => {
    const before = await inventory();
    const cases: [CreateImageVersionOptions, RegExp][] = [
      [
        { dataDisks: [{ lun: 0, source: DATA_SNAPSHOT_0 }, { lun: 0, source: DATA_DISK }] },
        /Data disks: Use another LUN than 0: each data disk needs its own LUN\./,
      ],
      [{ dataDisks: [{ lun: -1, source: DATA_SNAPSHOT_0 }] }, /Data disks: Use a whole-number LUN|Data disks: Enter the LUN as a whole number/],
      [{ targetRegions: [{ name: 'eastus', osDiskEncryptionSetId: DES('des-westeurope') }] }, /Encryption: Use a disk encryption set in eastus for the OS disk there: des-westeurope is in westeurope\./],
      [
        { targetRegions: [{ name: 'eastus', osDiskEncryptionSetId: DES('des-eastus') }, 'westeurope'] },
        /Encryption: Choose a disk encryption set for the OS disk in westeurope too/,
      ],
      [{ blockDeletionBeforeEndOfLife: true }, /Safety: Add an end-of-life date to block deletion before end of life/],
      [{ targetRegions: [{ name: 'eastus', storageAccountType: 'Ultra_LRS' as never }] }, /Storage type: Ultra_LRS is not a storage type\. Use AzureDefault/],
    ];
    for (const [extra, message] of cases) {
      ui.clear();
      assert.equal(await createVersion({ definition: UBUNTU_ID, version: '5.9.0', source: OS_SNAPSHOT, ...extra }), undefined);
      await ui.waitFor('error', message);
      assert.match(ui.errors()[0] ?? '', /^Create Image Version: .* Nothing was created\.$/);
    }
    assert.deepEqual(await inventory(), before, 'nothing was created');
    assert.deepEqual(await sentBodies('5.9.0'), [], 'nothing was sent');
  });
});

describe('Create Image Version from what the tree lists under Shared with me and Community (extension host, local Azure)', () => {
  useDemoSession({ replicationMs: 1000 });

  after(async () => {
    const api = await extensionApi();
    await api.explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
    await api.explorer.globalState.update(COMMUNITY_BOOKMARKS_KEY, undefined);
  });

  it('picks a directly-shared gallery version and a community gallery version through the tree\'s galleries, images and versions', async () => {
    const api = await extensionApi();
    await api.explorer.globalState.update(COMMUNITY_BOOKMARKS_KEY, [{ publicName: 'ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b', location: 'westeurope' }]);
    const windows = await nodeAt('Contoso Production', 'contoso_images', 'windows-server-2022');
    const shared = new ScriptedPrompter([
      '2022.9.0',
      'A community or shared gallery version…',
      { pick: /FABRIKAM_PARTNER_IMAGES/i },
      'windows-2022-hardened',
      '3.2.1',
      { pickMany: [] },
      '1',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      '',
      CREATE,
    ]);
    const fromShared = await createVersion(windows, { prompter: shared });
    assert.deepEqual(shared.problems, []);
    assert.ok(fromShared, 'created from the shared version');
    const galleries = shared.prompts.find((p) => p.title.endsWith('— gallery'))?.items ?? [];
    const fabrikam = galleries.find((i) => /FABRIKAM_PARTNER_IMAGES/i.test(i.label));
    assert.equal(fabrikam?.label, '$(organization) FABRIKAM_PARTNER_IMAGES', 'by the gallery\'s name, as the Shared with me row: not its unique name');
    assert.match(fabrikam?.detail ?? '', /^Unique name [0-9a-f-]{36}-FABRIKAM_PARTNER_IMAGES$/i);
    const sharedSource = (await stored(fromShared.id)).storageProfile.source?.id ?? '';
    assert.match(sharedSource, /^\/SharedGalleries\/[^/]+-FABRIKAM_PARTNER_IMAGES\/Images\/windows-2022-hardened\/Versions\/3\.2\.1$/i);

    const ubuntu = await nodeAt('Contoso Production', 'contoso_images', 'ubuntu-22.04-lts');
    const community = new ScriptedPrompter([
      '5.5.0',
      'A community or shared gallery version…',
      { pick: /ContosoPublic-/ },
      'debian-12',
      '1.0.0',
      { pickMany: [] },
      '1',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      '',
      CREATE,
    ]);
    const fromCommunity = await createVersion(ubuntu, { prompter: community });
    assert.deepEqual(community.problems, []);
    assert.ok(fromCommunity);
    assert.equal(fromCommunity.location, 'westeurope', 'made where the community gallery was looked up');
    assert.equal((await stored(fromCommunity.id)).storageProfile.source?.communityGalleryImageId, COMMUNITY_DEBIAN);
    const sourceRow = community.prompts.find((p) => p.title.includes('Summary'))?.items?.find((i) => i.label === 'Source');
    assert.match(sourceRow?.description ?? sourceRow?.detail ?? '', /debian-12\/1\.0\.0 \(community gallery version, westeurope/);
  });
});

describe('Create Image Version for a confidential VM definition (extension host, local Azure)', () => {
  const ui = useDemoSession({ replicationMs: 1000 });
  const CVM_DEFINITION = `${GALLERY_ID}/images/cvm-ubuntu-specialized`;
  const VM_CVM = `${RG_BUILDS}/providers/Microsoft.Compute/virtualMachines/vm-cvm-ubuntu`;

  before(async () => {
    const created = await vscode.commands.executeCommand('azureComputeGallery.createImageDefinition', {
      gallery: GALLERY_ID,
      name: 'cvm-ubuntu-specialized',
      osType: 'Linux',
      osState: 'Specialized',
      hyperVGeneration: 'V2',
      architecture: 'x64',
      securityType: 'ConfidentialVM',
      publisher: 'Contoso',
      offer: 'ConfidentialUbuntu',
      sku: 'cvm-1',
    });
    assert.ok(created, 'the confidential definition exists');
  });

  after(async () => {
    await (await extensionApi()).explorer.globalState.update(PENDING_VERSIONS_KEY, undefined);
  });

  it('sends the confidential-VM encryption type, with a disk encryption set per region for EncryptedWithCmk, from an options object and from the steps', async () => {
    const cmk = await createVersion({
      definition: CVM_DEFINITION,
      version: '1.0.0',
      source: VM_CVM,
      confidentialVMEncryptionType: 'EncryptedWithCmk',
      targetRegions: [{ name: 'northeurope', secureVMDiskEncryptionSetId: DES('des-cvm-northeurope') }],
    });
    assert.deepEqual(ui.errors(), []);
    assert.ok(cmk);
    assert.deepEqual((await stored(cmk.id)).publishingProfile.targetRegions[0].encryption, {
      osDiskImage: { securityProfile: { confidentialVMEncryptionType: 'EncryptedWithCmk', secureVMDiskEncryptionSetId: DES('des-cvm-northeurope') } },
    });

    const definition = await nodeAt('Contoso Production', 'contoso_images', 'cvm-ubuntu-specialized');
    const prompter = new ScriptedPrompter([
      '1.0.1',
      'vm-cvm-ubuntu',
      { pickMany: [] },
      '1',
      { accept: true },
      { accept: true },
      { accept: true }, // Edge zones: none
      '',
      { pick: /^Advanced…$/ },
      { accept: true }, // Encryption: platform-managed keys
      'EncryptedWithPmk',
      { accept: true }, // Safety
      { accept: true }, // Replication mode
      { accept: true }, // Tags
      CREATE,
    ]);
    const pmk = await createVersion(definition, { prompter });
    assert.deepEqual(prompter.problems, []);
    assert.ok(pmk);
    assert.deepEqual((await stored(pmk.id)).publishingProfile.targetRegions[0].encryption, { osDiskImage: { securityProfile: { confidentialVMEncryptionType: 'EncryptedWithPmk' } } });
  });

  it('refuses a confidential-VM encryption type for a definition that is not for confidential VMs, before sending', async () => {
    assert.equal(await createVersion({ definition: UBUNTU_ID, version: '5.8.0', source: OS_SNAPSHOT, confidentialVMEncryptionType: 'EncryptedWithPmk' }), undefined);
    await ui.waitFor('error', /Confidential VM encryption: Remove it: the definition is not for confidential VMs\./);
  });
});
