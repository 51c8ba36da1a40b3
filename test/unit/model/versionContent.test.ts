import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  dataDisksAllowedWith,
  MAX_LUN,
  nextFreeLun,
  parseGalleryVersionReference,
  validateDataDisks,
  validateExtendedLocations,
  validateGalleryVersionReference,
  validateLun,
  validateNewLun,
  validateRegionEncryption,
  validateSafety,
  validateVhdUrl,
  vhdUrlWarning,
  lunWarning,
  type RegionEncryptionInput,
} from '../../../src/model/versionContent';

const SUB = '00000000-0000-0000-0000-000000000001';
const des = (name: string, sub = SUB) => `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/${name}`;
const SETS = [
  { id: des('des-west'), location: 'westus' },
  { id: des('des-east'), location: 'East US' },
];
const disk = (name: string) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/disks/${name}` });

describe('model/versionContent', () => {
  describe('LUNs', () => {
    it('take whole numbers from 0 (Azure bounds an image LUN no further); above 63 is only a warning', () => {
      assert.equal(validateLun('0'), undefined);
      assert.equal(validateLun(' 63 '), undefined);
      assert.equal(validateLun('64'), undefined);
      assert.equal(MAX_LUN, 63);
      for (const bad of ['-1', '1.5', 'a', '', '1e1', '2147483648']) assert.match(validateLun(bad) ?? '', /^(Use|Enter)/, bad);
      fc.assert(fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => (validateLun(String(n)) === undefined) === n >= 0));
      fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => (lunWarning(String(n)) !== undefined) === n > 63));
      assert.match(lunWarning('64') ?? '', /VMs attach data disks at LUN 0–63/);
    });
    it('refuse a LUN already taken and suggest a free one', () => {
      assert.match(validateNewLun('1', [0, 1]) ?? '', /another LUN than 1.*2 is free/);
      assert.equal(validateNewLun('2', [0, 1]), undefined);
      assert.equal(nextFreeLun([0, 1, 3]), 2);
      assert.equal(nextFreeLun([...Array(64).keys()]), undefined);
    });
  });

  describe('data disks', () => {
    it('refuse duplicate LUNs, duplicate sources and the OS disk again', () => {
      assert.equal(validateDataDisks([{ lun: 0, source: disk('a') }, { lun: 1, source: disk('b') }], disk('os')), undefined);
      assert.match(validateDataDisks([{ lun: 0, source: disk('a') }, { lun: 0, source: disk('b') }]) ?? '', /another LUN than 0/);
      assert.match(validateDataDisks([{ lun: 0, source: disk('a') }, { lun: 1, source: disk('A') }]) ?? '', /another data disk/);
      assert.match(validateDataDisks([{ lun: 0, source: disk('os') }], disk('os')) ?? '', /OS disk's source/);
      assert.equal(validateDataDisks([{ lun: 64, source: disk('a') }]), undefined, 'Azure takes LUN 64 for an image (a VM could not attach it: a warning where typed)');
      assert.match(validateDataDisks([{ lun: -1, source: disk('a') }]) ?? '', /whole number/);
      const vhd = { uri: 'https://a.blob.core.windows.net/v/a.vhd', storageAccountId: 'x' };
      assert.match(validateDataDisks([{ lun: 2, source: vhd }], vhd) ?? '', /OS disk's source/);
    });
    it('are listed only with disk, snapshot or VHD sources', () => {
      assert.deepEqual(['disk', 'snapshot', 'vhd', 'image', 'virtualMachine', 'galleryImageVersion'].map(dataDisksAllowedWith), [true, true, true, false, false, false]);
    });
  });

  describe('VHD URLs', () => {
    const endpoint = 'https://contoso.blob.core.windows.net/';
    it('take an https .vhd blob in a container of the account picked', () => {
      assert.equal(validateVhdUrl('https://contoso.blob.core.windows.net/vhds/os.vhd', endpoint), undefined);
      assert.equal(validateVhdUrl(' https://CONTOSO.blob.core.windows.net/vhds/dir/os.VHD ', endpoint), undefined);
      assert.equal(validateVhdUrl('https://contoso.blob.core.windows.net/os.vhd', endpoint), undefined, 'a blob of the $root container');
    });
    it('refuse other schemes, other accounts, no blob and other blob types, showing an example', () => {
      const cases: [string, RegExp][] = [
        ['', /^Enter/],
        ['not a url', /^Enter a full blob URL/],
        ['http://contoso.blob.core.windows.net/vhds/os.vhd', /https/],
        ['https://fabrikam.blob.core.windows.net/vhds/os.vhd', /storage account picked/],
        ['https://contoso.blob.core.windows.net/', /blob's name/],
      ];
      for (const [url, re] of cases) {
        const m = validateVhdUrl(url, endpoint) ?? '';
        assert.match(m, re, url);
        assert.ok(m.includes('for example https://contoso.blob.core.windows.net/vhds/disk.vhd'), m);
      }
    });
    it('warn, without refusing, about a blob not named .vhd (only Azure can tell what the blob holds)', () => {
      assert.equal(validateVhdUrl('https://contoso.blob.core.windows.net/vhds/os.vhdx', endpoint), undefined);
      assert.match(vhdUrlWarning('https://contoso.blob.core.windows.net/vhds/os.vhdx') ?? '', /not named \.vhd/);
      assert.equal(vhdUrlWarning('https://contoso.blob.core.windows.net/vhds/os.VHD?sv=x'), undefined);
    });
    it('respect an endpoint with a path (the local storage emulator: https://127.0.0.1:10000/account/)', () => {
      const local = 'https://127.0.0.1:10000/devstoreaccount1/';
      assert.equal(validateVhdUrl('https://127.0.0.1:10000/devstoreaccount1/vhds/os.vhd', local), undefined);
      assert.match(validateVhdUrl('https://127.0.0.1:10000/other/vhds/os.vhd', local) ?? '', /storage account picked/);
    });
  });

  describe('community and shared gallery versions', () => {
    it('parse both kinds, case-insensitively, and spell them as Azure does', () => {
      assert.deepEqual(parseGalleryVersionReference(' /communitygalleries/Pub-1/images/ubuntu/versions/1.0.0/ '), {
        kind: 'community',
        gallery: 'Pub-1',
        image: 'ubuntu',
        version: '1.0.0',
        id: '/CommunityGalleries/Pub-1/Images/ubuntu/Versions/1.0.0',
      });
      assert.equal(parseGalleryVersionReference('/SharedGalleries/u-1/Images/i/Versions/2.0.0')?.kind, 'shared');
      for (const bad of ['/CommunityGalleries/p/Images/i', '/subscriptions/x/resourceGroups/r/providers/Microsoft.Compute/galleries/g/images/i/versions/1.0.0', '']) {
        assert.equal(parseGalleryVersionReference(bad), undefined, bad);
        assert.match(validateGalleryVersionReference(bad) ?? '', /^Enter .*for example \/CommunityGalleries\//);
      }
    });
  });

  describe('encryption per region', () => {
    const regions = (w?: RegionEncryptionInput['encryption'], e?: RegionEncryptionInput['encryption']): RegionEncryptionInput[] => [
      { region: 'westus', encryption: w },
      { region: 'eastus', encryption: e },
    ];
    it('takes a set per region for the OS disk and each LUN', () => {
      const input = regions(
        { osDiskImage: { diskEncryptionSetId: des('des-west') }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: des('des-west') }] },
        { osDiskImage: { diskEncryptionSetId: des('des-east') }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: des('des-east') }] },
      );
      assert.equal(validateRegionEncryption(input, [0], SUB, SETS), undefined);
      assert.equal(validateRegionEncryption(regions(), [0], SUB, SETS), undefined);
    });
    it('refuses a set of another region or subscription, an unknown set, a malformed id', () => {
      assert.match(validateRegionEncryption(regions({ osDiskImage: { diskEncryptionSetId: des('des-east') } }, { osDiskImage: { diskEncryptionSetId: des('des-east') } }), [], SUB, SETS) ?? '', /in westus .*des-east is in eastus/);
      assert.match(validateRegionEncryption([{ region: 'westus', encryption: { osDiskImage: { diskEncryptionSetId: des('x', 'other') } } }], [], SUB) ?? '', /gallery's subscription/);
      assert.match(validateRegionEncryption([{ region: 'westus', encryption: { osDiskImage: { diskEncryptionSetId: des('nope') } } }], [], SUB, SETS) ?? '', /was not found/);
      assert.match(validateRegionEncryption([{ region: 'westus', encryption: { osDiskImage: { diskEncryptionSetId: 'des-west' } } }], [], SUB) ?? '', /^Use a disk encryption set's resource id/);
    });
    it('refuses a LUN the version has not, a LUN twice, and a disk encrypted in one region only', () => {
      assert.match(validateRegionEncryption([{ region: 'westus', encryption: { dataDiskImages: [{ lun: 3, diskEncryptionSetId: des('des-west') }] } }], [0], SUB) ?? '', /Remove the encryption for LUN 3/);
      assert.match(
        validateRegionEncryption([{ region: 'westus', encryption: { dataDiskImages: [{ lun: 0, diskEncryptionSetId: des('des-west') }, { lun: 0, diskEncryptionSetId: des('des-west') }] } }], [0], SUB) ?? '',
        /LUN 0 only once/,
      );
      assert.match(validateRegionEncryption(regions({ osDiskImage: { diskEncryptionSetId: des('des-west') } }), [], SUB, SETS) ?? '', /OS disk in eastus too/);
      assert.match(validateRegionEncryption(regions(undefined, { dataDiskImages: [{ lun: 0, diskEncryptionSetId: des('des-east') }] }), [0], SUB, SETS) ?? '', /LUN 0 in westus too/);
    });
    it('needs a set for confidential VMs encrypted with a customer-managed key', () => {
      assert.match(validateRegionEncryption([{ region: 'westus', encryption: { osDiskImage: { confidentialVMEncryptionType: 'EncryptedWithCmk' } } }], [], SUB) ?? '', /confidential VM key in westus/);
      assert.equal(
        validateRegionEncryption([{ region: 'westus', encryption: { osDiskImage: { confidentialVMEncryptionType: 'EncryptedWithCmk', secureVMDiskEncryptionSetId: des('des-west') } } }], [], SUB, SETS),
        undefined,
      );
      assert.equal(validateRegionEncryption([{ region: 'westus', encryption: { osDiskImage: { confidentialVMEncryptionType: 'EncryptedWithPmk' } } }], [], SUB), undefined);
    });
  });

  describe('safety profile', () => {
    it('blocks deletion before end of life only with an end-of-life date', () => {
      assert.equal(validateSafety(true, '2030-01-01'), undefined);
      assert.equal(validateSafety(false, undefined), undefined);
      assert.match(validateSafety(true, undefined) ?? '', /^Add an end-of-life date/);
      assert.match(validateSafety(true, '  ') ?? '', /^Add an end-of-life date/);
    });
  });
});

describe('model/replication validateStorageInRegion', () => {
  it('refuses Standard_ZRS only in a region known to have no availability zones', async () => {
    const { validateStorageInRegion } = await import('../../../src/model/replication');
    assert.match(validateStorageInRegion('Standard_ZRS', 'West US', false) ?? '', /^Use Standard_LRS.*westus.*no availability zones/);
    assert.equal(validateStorageInRegion('Standard_ZRS', 'eastus', true), undefined);
    assert.equal(validateStorageInRegion('Standard_ZRS', 'eastus', undefined), undefined, 'unknown: left to Azure');
    for (const t of ['Standard_LRS', 'Premium_LRS', 'PremiumV2_LRS', undefined]) assert.equal(validateStorageInRegion(t, 'westus', false), undefined);
  });
});

describe('model/versionContent edge zones', () => {
  it('take a region, an edge zone, 1-100 replicas and an edge storage type', () => {
    assert.equal(validateExtendedLocations([{ name: 'westus', edgeZone: 'microsoftlosangeles1', replicas: 2, storageAccountType: 'StandardSSD_LRS' }]), undefined);
    assert.equal(validateExtendedLocations([]), undefined);
    assert.match(validateExtendedLocations([{ name: '', edgeZone: 'z' }]) ?? '', /^Give edge zone 1 its region/);
    assert.match(validateExtendedLocations([{ name: 'westus', edgeZone: ' ' }]) ?? '', /^Give edge zone 1 its edge zone/);
    assert.match(validateExtendedLocations([{ name: 'westus', edgeZone: 'z', replicas: 0 }]) ?? '', /^Use 1 to 100 replicas in z/);
    assert.match(validateExtendedLocations([{ name: 'westus', edgeZone: 'z', storageAccountType: 'PremiumV2_LRS' }]) ?? '', /^Use Standard_LRS, Standard_ZRS, StandardSSD_LRS, Premium_LRS/);
  });
});
