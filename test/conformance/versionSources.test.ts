import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../emulator/index';
import { FABRIKAM_COMMUNITY_PUBLIC_NAME, FABRIKAM_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID, RICH_IDS } from '../emulator/index';
import { GALLERY_API, errorOf, raw, startFast, tokenFor } from './helpers';
import { isGalleryPair, validateWithOav } from './oav';

// Image versions with every kind of source, storage type and encryption, and the refusals of
// troubleshooting-shared-images.md (https://learn.microsoft.com/azure/virtual-machines/troubleshooting-shared-images).
// Sources: test/emulator/SOURCES.md.

const SUB = PRODUCTION_SUBSCRIPTION_ID;
const GALLERY = `/subscriptions/${SUB}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_images`;
const q = (api = GALLERY_API): string => `?api-version=${api}`;
type Json = Record<string, unknown>;

interface Stored {
  properties: {
    storageProfile: Json & { source?: Json; osDiskImage?: Json; dataDiskImages?: Json[] };
    publishingProfile: Json & { targetRegions: Array<Json & { name: string; storageAccountType: string }> };
    safetyProfile: Json;
  };
}

describe('image versions: sources, storage types, encryption (troubleshooting-shared-images.md)', function () {
  let emu: RunningEmulator;
  let token: string;
  let n = 0;
  const def = (name: string): string => `${GALLERY}/images/${name}`;
  const put = (path: string, body: unknown, api?: string) => raw(emu, 'PUT', path + q(api), { token, body });
  const get = async (path: string, api?: string): Promise<Stored> => (await raw(emu, 'GET', path + q(api), { token })).body as Stored;
  /** A fresh version name per request, so each case stands alone. */
  const next = (): string => `1.${++n}.0`;
  const version = (properties: Json, location = 'eastus'): Json => ({ location, properties });
  const ok = async (definition: string, body: Json, api?: string): Promise<{ id: string; stored: Stored }> => {
    const id = `${def(definition)}/versions/${next()}`;
    const res = await put(id, body, api);
    assert.ok(res.status === 200 || res.status === 201, `${id}: ${res.status} ${res.text}`);
    return { id, stored: await get(id, api) };
  };
  const refused = async (definition: string, body: Json, message: RegExp | string, status = 400, code = 'InvalidParameter'): Promise<void> => {
    const res = await put(`${def(definition)}/versions/${next()}`, body);
    assert.equal(res.status, status, res.text);
    assert.equal(errorOf(res).code, code, res.text);
    if (typeof message === 'string') assert.equal(errorOf(res).message, message);
    else assert.match(errorOf(res).message, message);
  };
  const regions = (...names: string[]): Json => ({ targetRegions: names.map((name) => ({ name })) });

  before(async () => {
    emu = await startFast({ seed: 'demo', config: { lro: { durationMs: 0 }, replication: { durationMs: 0 } } });
    token = await tokenFor(emu);
    const image = (osType: string, hyperVGeneration: string, osState: string, securityType?: string): Json => ({
      location: 'eastus',
      properties: {
        osType,
        osState,
        hyperVGeneration,
        identifier: { publisher: 'Conf', offer: `${osType}${hyperVGeneration}${osState}`, sku: securityType ?? 'Standard' },
        ...(securityType ? { features: [{ name: 'SecurityType', value: securityType }] } : {}),
      },
    });
    for (const [name, body] of [
      ['data-lin', image('Linux', 'V2', 'Generalized')],
      ['cvm-lin', { ...image('Linux', 'V2', 'Specialized', 'ConfidentialVMSupported'), location: 'northeurope' }],
      ['win-gen1', image('Windows', 'V1', 'Generalized')],
      ['win-tl', image('Windows', 'V2', 'Generalized', 'TrustedLaunch')],
    ] as const) {
      const res = await put(def(name), body);
      assert.ok(res.status < 300, res.text);
    }
  });
  after(async () => emu?.stop());

  it('a VM source stays virtualMachineId and brings its data disks; Azure picks ZRS where the region has zones (2025-03-03 on), LRS before', async () => {
    const body = version({ storageProfile: { source: { virtualMachineId: RICH_IDS.vmWithDataDisks } }, publishingProfile: regions('eastus', 'westus') });
    const { stored } = await ok('data-lin', body);
    const sp = stored.properties.storageProfile;
    assert.deepEqual(sp.source, { virtualMachineId: RICH_IDS.vmWithDataDisks }, 'echoed in the member sent');
    assert.deepEqual(sp.dataDiskImages, [
      { lun: 0, hostCaching: 'None', sizeInGB: 128 },
      { lun: 1, hostCaching: 'None', sizeInGB: 256 },
    ]);
    const pp = stored.properties.publishingProfile;
    assert.deepEqual(pp.targetRegions.map((r) => [r.name, r.storageAccountType]), [['East US', 'Standard_ZRS'], ['West US', 'Standard_LRS']]);
    assert.equal(pp.storageAccountStrategy, 'PreferStandard_ZRS');
    assert.equal(pp.storageAccountType, undefined, 'not both');
    const old = await ok('data-lin', body, '2022-03-03');
    assert.deepEqual(old.stored.properties.publishingProfile.targetRegions.map((r) => r.storageAccountType), ['Standard_LRS', 'Standard_LRS']);
    assert.equal(old.stored.properties.publishingProfile.storageAccountStrategy, undefined, '2022-03-03 has no storageAccountStrategy');
    assert.equal(old.stored.properties.publishingProfile.storageAccountType, 'Standard_LRS');
  });

  it('takes every storage type per region, the profile type as the regions’ default, and DefaultStandard_LRS', async () => {
    const targetRegions = [
      { name: 'eastus', storageAccountType: 'PremiumV2_LRS' },
      { name: 'westus2', storageAccountType: 'Standard_ZRS', excludeFromLatest: true },
      { name: 'westeurope', storageAccountType: 'Premium_LRS' },
      { name: 'japaneast' },
    ];
    const { stored } = await ok('data-lin', version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks } }, publishingProfile: { targetRegions, storageAccountType: 'Standard_LRS' } }));
    const pp = stored.properties.publishingProfile;
    assert.deepEqual(pp.targetRegions.map((r) => r.storageAccountType), ['PremiumV2_LRS', 'Standard_ZRS', 'Premium_LRS', 'Standard_LRS']);
    assert.deepEqual(pp.targetRegions.map((r) => r.excludeFromLatest), [false, true, false, false]);
    const lrs = await ok('data-lin', version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks } }, publishingProfile: { ...regions('eastus'), storageAccountStrategy: 'DefaultStandard_LRS' } }));
    assert.equal(lrs.stored.properties.publishingProfile.targetRegions[0].storageAccountType, 'Standard_LRS');
  });

  it('refuses ZRS where the region has no zones, a storage type and a strategy together, and an unknown type', async () => {
    const source = { storageProfile: { source: { id: RICH_IDS.imageWithDataDisks } } };
    await refused('data-lin', version({ ...source, publishingProfile: { targetRegions: [{ name: 'eastus' }, { name: 'westus', storageAccountType: 'Standard_ZRS' }] } }), 'ZRS storage account type is not supported in this region.');
    await refused('data-lin', version({ ...source, publishingProfile: { ...regions('eastus'), storageAccountType: 'Standard_LRS', storageAccountStrategy: 'PreferStandard_ZRS' } }), /cannot be specified together/);
    await refused('data-lin', version({ ...source, publishingProfile: { targetRegions: [{ name: 'eastus', storageAccountType: 'UltraSSD_LRS' }] } }), /Allowed values are: Standard_LRS, Standard_ZRS, Premium_LRS, PremiumV2_LRS/);
  });

  it('target regions must include the version’s own region, once each; replica counts 1–100', async () => {
    const source = { storageProfile: { source: { id: RICH_IDS.imageWithDataDisks } } };
    await refused('data-lin', version({ ...source, publishingProfile: regions('westus2', 'westeurope') }), "Gallery image version publishing profile regions 'West US 2, West Europe' must contain the location of image version 'East US'.");
    await refused('data-lin', version({ ...source, publishingProfile: regions('eastus', 'East US') }), 'Duplicate regions are not allowed in target publishing regions.');
    await refused('data-lin', version({ ...source, publishingProfile: { targetRegions: [{ name: 'eastus', regionalReplicaCount: 101 }] } }), /^The value 101 of parameter .*regionalReplicaCount is out of range\. The value must be between 1 and 100, inclusive\.$/);
  });

  it('disks and snapshots per LUN: echoed with their caching; duplicate LUNs, duplicate sources, wrong kinds and regions refused', async () => {
    const storageProfile = {
      osDiskImage: { source: { id: RICH_IDS.osSnapshot }, hostCaching: 'ReadOnly' },
      dataDiskImages: [
        { lun: 0, source: { id: RICH_IDS.dataSnapshotLun0 }, hostCaching: 'ReadOnly' },
        { lun: 3, source: { id: RICH_IDS.dataDisk } },
      ],
    };
    const { stored } = await ok('data-lin', version({ storageProfile }));
    const sp = stored.properties.storageProfile;
    assert.equal(sp.source, undefined);
    assert.deepEqual(sp.osDiskImage, { source: { id: RICH_IDS.osSnapshot }, hostCaching: 'ReadOnly', sizeInGB: 30 });
    assert.deepEqual(sp.dataDiskImages, [
      { lun: 0, source: { id: RICH_IDS.dataSnapshotLun0 }, hostCaching: 'ReadOnly', sizeInGB: 128 },
      { lun: 3, source: { id: RICH_IDS.dataDisk }, hostCaching: 'None', sizeInGB: 32 },
    ]);
    const os = { source: { id: RICH_IDS.osSnapshot } };
    await refused('data-lin', version({ storageProfile: { osDiskImage: os, dataDiskImages: [{ lun: 1, source: { id: RICH_IDS.dataSnapshotLun0 } }, { lun: 1, source: { id: RICH_IDS.dataSnapshotLun1 } }] } }), 'Duplicated lun numbers have been detected in the input data disks. Lun number must be unique for each data disk.');
    await refused('data-lin', version({ storageProfile: { osDiskImage: os, dataDiskImages: [{ lun: 0, source: { id: RICH_IDS.dataSnapshotLun0 } }, { lun: 1, source: { id: RICH_IDS.dataSnapshotLun0 } }] } }), 'Duplicated source ids are found in the input disks. Source id should be unique for each disk');
    await refused('data-lin', version({ storageProfile: { osDiskImage: os, dataDiskImages: [{ lun: 0, source: { id: RICH_IDS.imageWithDataDisks } }] } }), `The source id: ${RICH_IDS.imageWithDataDisks} must be a managed disk or snapshot`);
    await refused('data-lin', version({ storageProfile: { osDiskImage: { source: { id: RICH_IDS.dataSnapshotLun1 } } } }), `The source id: ${RICH_IDS.dataSnapshotLun1} must be a managed disk or snapshot`);
    await refused('data-lin', version({ storageProfile: { osDiskImage: os, dataDiskImages: [{ lun: 0, source: { id: RICH_IDS.dataSnapshotWestus2 } }] } }), /is not found\. Please check source exists, and is in the same region as gallery image version being created\.$/);
    await refused('data-lin', version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks }, dataDiskImages: [{ lun: 0, source: { id: RICH_IDS.dataSnapshotLun0 } }] } }), /^The gallery artifact version source can only be specified either directly under storageProfile or within individual OS or data disks/);
    await refused('data-lin', version({ storageProfile: { dataDiskImages: [{ lun: 0, source: { id: RICH_IDS.dataSnapshotLun0 } }] } }), /One and only one source type/);
    await refused('data-lin', version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks, virtualMachineId: RICH_IDS.vmWithDataDisks } } }), /One and only one source type/);
  });

  it('VHDs: storageAccountId + uri (and the older id + uri) echoed; the same blob twice, a blob of another account, another region refused', async () => {
    const vhd = (uri: string, account: string = RICH_IDS.storageAccount): Json => ({ storageAccountId: account, uri });
    const { stored } = await ok('data-lin', version({ storageProfile: { osDiskImage: { source: vhd(RICH_IDS.osVhdUri) }, dataDiskImages: [{ lun: 0, source: vhd(RICH_IDS.dataVhdUri) }] } }));
    assert.deepEqual(stored.properties.storageProfile.osDiskImage?.source, vhd(RICH_IDS.osVhdUri));
    assert.deepEqual(stored.properties.storageProfile.dataDiskImages?.[0].source, vhd(RICH_IDS.dataVhdUri));
    const older = await ok('data-lin', version({ storageProfile: { osDiskImage: { source: { id: RICH_IDS.storageAccount, uri: RICH_IDS.osVhdUri } } } }));
    assert.deepEqual(older.stored.properties.storageProfile.osDiskImage?.source, { id: RICH_IDS.storageAccount, uri: RICH_IDS.osVhdUri }, 'as az sends it');
    await refused('data-lin', version({ storageProfile: { osDiskImage: { source: vhd(RICH_IDS.osVhdUri) }, dataDiskImages: [{ lun: 0, source: vhd(RICH_IDS.osVhdUri) }] } }), `OSDiskImage and DataDiskImage cannot point to same blob ${RICH_IDS.osVhdUri}`);
    await refused('data-lin', version({ storageProfile: { osDiskImage: { source: vhd('https://elsewhere.blob.core.windows.net/vhds/x.vhd') } } }), /is not a blob of the storage account/);
    await refused('data-lin', version({ storageProfile: { osDiskImage: { source: vhd('https://contosovhdswest.blob.core.windows.net/vhds/windows-2022-os.vhd', RICH_IDS.storageAccountWestus2) } } }), /same region as gallery image version/);
    await refused('data-lin', version({ storageProfile: { osDiskImage: { source: vhd(RICH_IDS.osVhdUri, RICH_IDS.storageAccount.replace('contosovhds', 'nosuchaccount')) } } }), /^Source was not found: .*nosuchaccount\. Please make sure the source exists\.$/);
  });

  it('community and direct-shared gallery versions as sources: echoed as sent; an image id means its latest version', async () => {
    const community = `/CommunityGalleries/${FABRIKAM_COMMUNITY_PUBLIC_NAME}/Images/windows-2019-gen1/Versions/1.0.0`;
    const a = await ok('win-gen1', version({ storageProfile: { source: { communityGalleryImageId: community } } }));
    assert.deepEqual(a.stored.properties.storageProfile.source, { communityGalleryImageId: community });
    assert.deepEqual(a.stored.properties.storageProfile.dataDiskImages?.map((d) => d.lun), [0, 1], "the community version's data disks");
    const latest = community.replace('/Versions/1.0.0', '');
    await ok('win-gen1', version({ storageProfile: { source: { communityGalleryImageId: latest } } }));
    await refused('win-gen1', version({ storageProfile: { source: { communityGalleryImageId: latest.replace('windows-2019-gen1', 'nope') } } }), /^Source was not found: /);
    const shared = `/SharedGalleries/${FABRIKAM_SUBSCRIPTION_ID}-FABRIKAM_PARTNER_IMAGES/Images/windows-2022-hardened/Versions/3.2.1`;
    const b = await ok('win-tl', version({ storageProfile: { source: { id: shared } } }));
    assert.deepEqual(b.stored.properties.storageProfile.source, { id: shared });
    await refused('win-gen1', version({ storageProfile: { source: { communityGalleryImageId: community } } }, 'westeurope'), /same region as gallery image version/);
  });

  it('a VM with an Ultra disk, an ephemeral or an unmanaged OS disk is refused; so is a source that does not fit the definition', async () => {
    await refused('data-lin', version({ storageProfile: { source: { virtualMachineId: RICH_IDS.vmWithEphemeralOsDisk } } }), `Source virtual machine ${RICH_IDS.vmWithEphemeralOsDisk} cannot contain an ephemeral OS disk`);
    await refused('data-lin', version({ storageProfile: { source: { id: RICH_IDS.vmWithUnmanagedDisk } } }), `Source virtual machine ${RICH_IDS.vmWithUnmanagedDisk} must be created from Managed Disks`);
    const vm = RICH_IDS.vmWithUltraDisk;
    await refused('data-lin', version({ storageProfile: { source: { virtualMachineId: vm } } }), new RegExp(`^Source virtual machine ${vm} cannot contain disk \\['.*_DataDisk_0_.*'\\] stored in an UltraSSD account type$`));
    await refused('win-gen1', version({ storageProfile: { source: { virtualMachineId: RICH_IDS.vmWithDataDisks } } }), /has a different OS type \['Linux'\] than the parent gallery image OS type generation \['Windows'\]/);
  });

  it('encryption per region: each disk encryption set in the region, in the subscription, existing, well formed; LUNs of the version; every region alike', async () => {
    const source = { storageProfile: { source: { virtualMachineId: RICH_IDS.vmWithDataDisks } } };
    const enc = (os: string, ...data: Array<[number, string]>): Json => ({ osDiskImage: { diskEncryptionSetId: os }, dataDiskImages: data.map(([lun, id]) => ({ lun, diskEncryptionSetId: id })) });
    const good = {
      targetRegions: [
        { name: 'eastus', encryption: enc(RICH_IDS.desEastus, [0, RICH_IDS.desEastusData], [1, RICH_IDS.desEastus]) },
        { name: 'westus2', encryption: enc(RICH_IDS.desWestus2, [0, RICH_IDS.desWestus2], [1, RICH_IDS.desWestus2]), storageAccountType: 'PremiumV2_LRS' },
      ],
    };
    const { id, stored } = await ok('data-lin', version({ ...source, publishingProfile: good, safetyProfile: { allowDeletionOfReplicatedLocations: true } }));
    assert.deepEqual(stored.properties.publishingProfile.targetRegions[0].encryption, good.targetRegions[0].encryption);
    assert.equal(stored.properties.safetyProfile.allowDeletionOfReplicatedLocations, true);
    const one = (encryption: Json, name = 'eastus'): Json => version({ ...source, publishingProfile: { targetRegions: [{ name, encryption }] } });
    await refused('data-lin', one(enc(RICH_IDS.desWestus2)), /^The disk encryption set '.*des-westus2' is in region 'West US 2' and cannot encrypt the copy in target region 'East US'/);
    await refused('data-lin', one(enc(RICH_IDS.desOtherSubscription)), `The disk encryption set '${RICH_IDS.desOtherSubscription}' must be in the same subscription '${SUB}' as the gallery resource`);
    await refused('data-lin', one(enc(`${RICH_IDS.desEastus}-missing`)), `The disk encryption set ${RICH_IDS.desEastus}-missing was not found`);
    await refused('data-lin', one(enc(RICH_IDS.desEastus.replace('diskEncryptionSets', 'diskEncryptionSet'))), 'The value of parameter galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId is invalid');
    await refused('data-lin', one({ dataDiskImages: [{ lun: 0, diskEncryptionSetId: 'not-an-id' }] }), 'The value of parameter galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.dataDiskImages.diskEncryptionSetId is invalid');
    await refused('data-lin', one(enc(RICH_IDS.desEastus, [7, RICH_IDS.desEastus])), "An invalid lun [7] was specified in encryption.dataDiskImages. The lun must be one of the following values ['0,1']");
    await refused('data-lin', one(enc(RICH_IDS.desEastus, [0, RICH_IDS.desEastus], [0, RICH_IDS.desEastusData])), "Duplicate luns '0' were specified in target region 'East US' encryption.dataDiskImages");
    const partial = { targetRegions: [{ name: 'eastus', encryption: enc(RICH_IDS.desEastus) }, { name: 'westus2' }] };
    await refused('data-lin', version({ ...source, publishingProfile: partial }), `A disk encryption set is required for disk 'galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId' in target region 'West US 2' since disk encryption set '${RICH_IDS.desEastus}' is used for the corresponding disk in region 'East US'`);
    const lunOnly = { targetRegions: [{ name: 'eastus', encryption: { dataDiskImages: [{ lun: 1, diskEncryptionSetId: RICH_IDS.desEastus }] } }, { name: 'westus2', encryption: {} }] };
    await refused('data-lin', version({ ...source, publishingProfile: lunOnly }), `A disk encryption set is required for disk 'LUN 1' in target region 'West US 2' since disk encryption set '${RICH_IDS.desEastus}' is used for the corresponding disk in region 'East US'`);
    // An update cannot add a data disk's key to a region that has its copy.
    const noLunKeys = { targetRegions: [{ name: 'eastus', encryption: enc(RICH_IDS.desEastus) }] };
    const plain = await ok('data-lin', version({ ...source, publishingProfile: noLunKeys }));
    const res = await put(plain.id, version({ ...source, publishingProfile: { targetRegions: [{ name: 'eastus', encryption: enc(RICH_IDS.desEastus, [0, RICH_IDS.desEastus], [1, RICH_IDS.desEastus]) }] } }));
    assert.equal(res.status, 400, res.text);
    assert.match(errorOf(res).message, /^Cannot specify new data disk image encryption lun \[0\] with a disk encryption set in region \[East US\] for update gallery image version request\./);
    // The stored version is unchanged by the refused update, and writing back what GET returned
    // (read-only members left out, as oav requires of a request) is taken and changes nothing.
    const back = await get(id);
    const writable = structuredClone(back.properties) as unknown as Record<string, Json>;
    delete writable.provisioningState;
    delete writable.publishingProfile.publishedDate;
    delete writable.safetyProfile.reportedForPolicyViolation;
    for (const d of [writable.storageProfile.osDiskImage, ...((writable.storageProfile.dataDiskImages as Json[] | undefined) ?? [])] as Json[]) delete d.sizeInGB;
    assert.equal((await put(id, { location: 'eastus', properties: writable })).status, 200);
    assert.deepEqual(await get(id), back);
  });

  it('confidential VM encryption only for confidential definitions; EncryptedWithCmk needs its disk encryption set', async () => {
    const cvm = `/subscriptions/${SUB}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/virtualMachines/vm-cvm-ubuntu`;
    const securityProfile = { confidentialVMEncryptionType: 'EncryptedWithCmk', secureVMDiskEncryptionSetId: RICH_IDS.desConfidentialNortheurope };
    const body = (sp: Json): Json => version({ storageProfile: { source: { virtualMachineId: cvm } }, publishingProfile: { targetRegions: [{ name: 'northeurope', encryption: { osDiskImage: { securityProfile: sp } } }] } }, 'northeurope');
    const { stored } = await ok('cvm-lin', body(securityProfile));
    assert.deepEqual((stored.properties.publishingProfile.targetRegions[0].encryption as Json).osDiskImage, { securityProfile });
    await refused('cvm-lin', body({ confidentialVMEncryptionType: 'EncryptedWithCmk' }), /EncryptedWithCmk' needs a disk encryption set/);
    await refused('data-lin', version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks } }, publishingProfile: { targetRegions: [{ name: 'eastus', encryption: { osDiskImage: { securityProfile: { confidentialVMEncryptionType: 'EncryptedWithPmk' } } } }] } }), /can only be used for an image whose SecurityType is ConfidentialVM/);
  });

  it('updates keep the sources: a changed source, a new data disk are refused; an empty storageProfile keeps everything', async () => {
    const { id } = await ok('data-lin', version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks } }, publishingProfile: regions('eastus') }));
    let res = await put(id, version({ storageProfile: { source: { id: RICH_IDS.vmWithDataDisks } } }));
    assert.equal(res.status, 409, res.text);
    assert.equal(errorOf(res).message, "Changing property 'galleryImageVersion.properties.storageProfile.source.id' is not allowed.");
    res = await put(id, version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks }, dataDiskImages: [{ lun: 5, hostCaching: 'None' }] } }));
    assert.equal(errorOf(res).message, 'Adding new Data Disks or changing the LUN of a Data Disk in an existing Image is not allowed');
    res = await put(id, version({ storageProfile: {}, publishingProfile: { targetRegions: [{ name: 'eastus', regionalReplicaCount: 3 }, { name: 'westeurope' }] } }));
    assert.equal(res.status, 200, res.text);
    const after = await get(id);
    assert.deepEqual(after.properties.storageProfile.source, { id: RICH_IDS.imageWithDataDisks });
    assert.deepEqual(after.properties.publishingProfile.targetRegions.map((r) => [r.name, r.regionalReplicaCount, r.storageAccountType]), [['East US', 3, 'Standard_ZRS'], ['West Europe', 1, 'Standard_ZRS']]);
  });

  it('target extended locations are echoed', async () => {
    const targetExtendedLocations = [{ name: 'westus', extendedLocation: { name: 'microsoftlosangeles1', type: 'EdgeZone' }, extendedLocationReplicaCount: 1, storageAccountType: 'StandardSSD_LRS' }];
    const { stored } = await ok('data-lin', version({ storageProfile: { source: { id: RICH_IDS.imageWithDataDisks } }, publishingProfile: { ...regions('eastus'), targetExtendedLocations } }));
    assert.deepEqual(stored.properties.publishingProfile.targetExtendedLocations, targetExtendedLocations);
  });

  it('disk encryption sets and storage accounts are listed by subscription and resource group', async () => {
    const list = async (path: string, api: string): Promise<string[]> => ((await raw(emu, 'GET', `${path}?api-version=${api}`, { token })).body as { value: Array<{ id: string }> }).value.map((x) => x.id);
    const des = await list(`/subscriptions/${SUB}/providers/Microsoft.Compute/diskEncryptionSets`, '2026-03-02');
    assert.ok(des.includes(RICH_IDS.desEastus) && des.includes(RICH_IDS.desConfidentialNortheurope));
    assert.ok(!des.includes(RICH_IDS.desOtherSubscription));
    const accounts = await list(`/subscriptions/${SUB}/resourceGroups/rg-image-data/providers/Microsoft.Storage/storageAccounts`, '2023-05-01');
    assert.deepEqual(accounts.sort(), [RICH_IDS.storageAccount, RICH_IDS.storageAccountWestus2].sort());
    const one = (await raw(emu, 'GET', `${RICH_IDS.storageAccount}?api-version=2023-05-01`, { token })).body as { properties: { primaryEndpoints: { blob: string } } };
    assert.equal(one.properties.primaryEndpoints.blob, 'https://contosovhds.blob.core.windows.net/');
  });

  it('every recorded 2025-12-03 gallery pair validates against GalleryRP.json with oav', async () => {
    const pairs = emu.traffic.filter((p) => isGalleryPair(p) && p.liveRequest.url.includes(`api-version=${GALLERY_API}`));
    const summary = await validateWithOav(pairs);
    assert.ok(summary.pairs > 20);
    assert.deepEqual(summary.failures, []);
  });
});
