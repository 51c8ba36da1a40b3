import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applicationVersionArmId,
  buildArmId,
  communityGalleryArmId,
  communityImageArmId,
  communityImageVersionArmId,
  diskArmId,
  galleryApplicationArmId,
  galleryArmId,
  imageDefinitionArmId,
  imageReferenceFor,
  imageVersionArmId,
  managedImageArmId,
  parentArmResource,
  parseArmId,
  resourceGroupArmId,
  sameArmId,
  sharedGalleryArmId,
  sharedImageArmId,
  sharedImageVersionArmId,
  snapshotArmId,
  subscriptionArmId,
  virtualMachineArmId,
  type ArmResource,
} from '../../../src/model/armId';

const SUB = '00000000-1111-2222-3333-444444444444';
const RG = 'my-rg';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const COMPUTE = `${RG_ID}/providers/Microsoft.Compute`;
const scope = { subscriptionId: SUB, resourceGroupName: RG };
const gallery = { ...scope, galleryName: 'myGallery' };

describe('model/armId', () => {
  describe('parseArmId', () => {
    const cases: [string, ArmResource][] = [
      [`/subscriptions/${SUB}`, { kind: 'subscription', subscriptionId: SUB }],
      [RG_ID, { kind: 'resourceGroup', ...scope }],
      [`${COMPUTE}/galleries/myGallery`, { kind: 'gallery', ...gallery }],
      [`${COMPUTE}/galleries/myGallery/images/ubuntu`, { kind: 'imageDefinition', ...gallery, imageName: 'ubuntu' }],
      [`${COMPUTE}/galleries/myGallery/images/ubuntu/versions/1.0.0`, { kind: 'imageVersion', ...gallery, imageName: 'ubuntu', versionName: '1.0.0' }],
      [`${COMPUTE}/galleries/myGallery/applications/app`, { kind: 'galleryApplication', ...gallery, applicationName: 'app' }],
      [`${COMPUTE}/galleries/myGallery/applications/app/versions/2.0.1`, { kind: 'applicationVersion', ...gallery, applicationName: 'app', versionName: '2.0.1' }],
      [`${COMPUTE}/images/golden`, { kind: 'managedImage', ...scope, name: 'golden' }],
      [`${COMPUTE}/virtualMachines/vm1`, { kind: 'virtualMachine', ...scope, name: 'vm1' }],
      [`${COMPUTE}/snapshots/snap`, { kind: 'snapshot', ...scope, name: 'snap' }],
      [`${COMPUTE}/disks/osdisk`, { kind: 'disk', ...scope, name: 'osdisk' }],
      [
        `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGalleries/abc-MYGALLERY`,
        { kind: 'sharedGallery', uniqueName: 'abc-MYGALLERY', subscriptionId: SUB, location: 'westus' },
      ],
      [
        `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGalleries/abc-MYGALLERY/images/img/versions/1.0.0`,
        { kind: 'sharedImageVersion', uniqueName: 'abc-MYGALLERY', subscriptionId: SUB, location: 'westus', imageName: 'img', versionName: '1.0.0' },
      ],
      [
        `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/eastus/communityGalleries/Contoso-1234/images/img`,
        { kind: 'communityImage', publicName: 'Contoso-1234', subscriptionId: SUB, location: 'eastus', imageName: 'img' },
      ],
      ['/SharedGalleries/abc-MYGALLERY', { kind: 'sharedGallery', uniqueName: 'abc-MYGALLERY' }],
      ['/SharedGalleries/abc-MYGALLERY/Images/img', { kind: 'sharedImage', uniqueName: 'abc-MYGALLERY', imageName: 'img' }],
      [
        '/SharedGalleries/abc-MYGALLERY/Images/img/Versions/latest',
        { kind: 'sharedImageVersion', uniqueName: 'abc-MYGALLERY', imageName: 'img', versionName: 'latest' },
      ],
      ['/CommunityGalleries/Contoso-1234', { kind: 'communityGallery', publicName: 'Contoso-1234' }],
      [
        '/CommunityGalleries/Contoso-1234/Images/img/Versions/1.2.3',
        { kind: 'communityImageVersion', publicName: 'Contoso-1234', imageName: 'img', versionName: '1.2.3' },
      ],
    ];
    for (const [id, expected] of cases) {
      it(`reads ${expected.kind} from ${id.length > 70 ? `…${id.slice(-60)}` : id}`, () => {
        assert.deepEqual(parseArmId(id), expected);
      });
    }

    it('matches keywords case-insensitively and keeps the names as written', () => {
      const id = `/SUBSCRIPTIONS/${SUB}/resourcegroups/My-RG/PROVIDERS/microsoft.compute/Galleries/G1/IMAGES/Img/Versions/1.0.0`;
      assert.deepEqual(parseArmId(id), {
        kind: 'imageVersion',
        subscriptionId: SUB,
        resourceGroupName: 'My-RG',
        galleryName: 'G1',
        imageName: 'Img',
        versionName: '1.0.0',
      });
      assert.equal(parseArmId('/sharedgalleries/u/images/i/versions/1.0.0')?.kind, 'sharedImageVersion');
      assert.equal(parseArmId(`${COMPUTE}/VIRTUALMACHINES/vm`)?.kind, 'virtualMachine');
    });

    it('tolerates surrounding whitespace and one trailing slash', () => {
      assert.equal(parseArmId(`  ${COMPUTE}/galleries/g/  `)?.kind, 'gallery');
    });

    it('refuses what is not a known id', () => {
      const bad = [
        '',
        '/',
        'subscriptions/x',
        `/subscriptions/${SUB}/`.concat('/'),
        `/subscriptions`,
        `/subscriptions/${SUB}/resourceGroups`,
        `/subscriptions//resourceGroups/rg`,
        `${RG_ID}/providers`,
        `${RG_ID}/providers/Microsoft.Storage/storageAccounts/sa`,
        `${COMPUTE}/galleries`,
        `${COMPUTE}/galleries/g/images`,
        `${COMPUTE}/galleries/g/images/i/versions`,
        `${COMPUTE}/galleries/g/images/i/versions/1.0.0/extra`,
        `${COMPUTE}/galleries/g/images/i/snapshots/1`,
        `${COMPUTE}/galleries/g/applications/a/releases/1`,
        `${COMPUTE}/galleries/g/scripts/s`,
        `${COMPUTE}/virtualMachines/vm/extensions/ext`,
        `${COMPUTE}/virtualMachineScaleSets/ss`,
        `${COMPUTE}//galleries/g`,
        `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/galleries/g`,
        `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGalleries`,
        `/subscriptions/${SUB}/providers/Microsoft.Network/locations/westus/sharedGalleries/u`,
        `/subscriptions/${SUB}/providers/Microsoft.Compute/regions/westus/sharedGalleries/u`,
        '/SharedGalleries',
        '/SharedGalleries/u/Images',
        '/SharedGalleries/u/Versions/1.0.0',
        '/SharedGalleries/u/Images/i/Versions',
        '/SharedGalleries/u/Images/i/Versions/1/x',
        '/CommunityGalleries/p/Images/i/Tags/1',
        '/Galleries/g',
      ];
      for (const id of bad) assert.equal(parseArmId(id), undefined, id);
    });
  });

  describe('builders', () => {
    it('build the canonical casing of each kind', () => {
      assert.equal(subscriptionArmId({ subscriptionId: SUB }), `/subscriptions/${SUB}`);
      assert.equal(resourceGroupArmId(scope), RG_ID);
      assert.equal(galleryArmId(gallery), `${COMPUTE}/galleries/myGallery`);
      assert.equal(imageDefinitionArmId({ ...gallery, imageName: 'i' }), `${COMPUTE}/galleries/myGallery/images/i`);
      assert.equal(imageVersionArmId({ ...gallery, imageName: 'i', versionName: '1.0.0' }), `${COMPUTE}/galleries/myGallery/images/i/versions/1.0.0`);
      assert.equal(galleryApplicationArmId({ ...gallery, applicationName: 'a' }), `${COMPUTE}/galleries/myGallery/applications/a`);
      assert.equal(
        applicationVersionArmId({ ...gallery, applicationName: 'a', versionName: '1.0.0' }),
        `${COMPUTE}/galleries/myGallery/applications/a/versions/1.0.0`,
      );
      assert.equal(managedImageArmId({ ...scope, name: 'm' }), `${COMPUTE}/images/m`);
      assert.equal(virtualMachineArmId({ ...scope, name: 'v' }), `${COMPUTE}/virtualMachines/v`);
      assert.equal(snapshotArmId({ ...scope, name: 's' }), `${COMPUTE}/snapshots/s`);
      assert.equal(diskArmId({ ...scope, name: 'd' }), `${COMPUTE}/disks/d`);
    });

    it('build shared and community ids in ARM form with a location, unique form without', () => {
      const arm = { subscriptionId: SUB, location: 'westus' };
      assert.equal(sharedGalleryArmId({ uniqueName: 'u', ...arm }), `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGalleries/u`);
      assert.equal(sharedImageArmId({ uniqueName: 'u', imageName: 'i' }), '/SharedGalleries/u/Images/i');
      assert.equal(sharedImageVersionArmId({ uniqueName: 'u', imageName: 'i', versionName: '1.0.0' }), '/SharedGalleries/u/Images/i/Versions/1.0.0');
      assert.equal(
        sharedImageVersionArmId({ uniqueName: 'u', imageName: 'i', versionName: '1.0.0', ...arm }),
        `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGalleries/u/images/i/versions/1.0.0`,
      );
      assert.equal(communityGalleryArmId({ publicName: 'p' }), '/CommunityGalleries/p');
      assert.equal(communityImageArmId({ publicName: 'p', imageName: 'i', ...arm }), `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/communityGalleries/p/images/i`);
      assert.equal(communityImageVersionArmId({ publicName: 'p', imageName: 'i', versionName: 'latest' }), '/CommunityGalleries/p/Images/i/Versions/latest');
    });

    it('throw on empty names, names with "/" and half an ARM scope', () => {
      assert.throws(() => galleryArmId({ ...scope, galleryName: '' }), /galleryName/);
      assert.throws(() => galleryArmId({ ...scope, galleryName: 'a/b' }), /"a\/b"/);
      assert.throws(() => imageVersionArmId({ ...gallery, imageName: 'i', versionName: '' }), /versionName/);
      assert.throws(() => resourceGroupArmId({ subscriptionId: SUB, resourceGroupName: '' }), /resourceGroupName/);
      assert.throws(() => sharedGalleryArmId({ uniqueName: 'u', subscriptionId: SUB }), /location is missing/);
      assert.throws(() => communityGalleryArmId({ publicName: 'p/q' }), /publicName/);
    });

    it('round-trip: parseArmId(buildArmId(r)) gives r back (property)', () => {
      const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._()-]{0,12}$/);
      const armScope = fc.option(fc.record({ subscriptionId: name, location: name }), { nil: undefined });
      const withScope = <T extends object>(base: T, s: { subscriptionId: string; location: string } | undefined): T => (s ? { ...base, ...s } : base);
      const resource: fc.Arbitrary<ArmResource> = fc.oneof(
        fc.record({ kind: fc.constant('subscription' as const), subscriptionId: name }),
        fc.record({ kind: fc.constant('resourceGroup' as const), subscriptionId: name, resourceGroupName: name }),
        fc.record({ kind: fc.constant('gallery' as const), subscriptionId: name, resourceGroupName: name, galleryName: name }),
        fc.record({ kind: fc.constant('imageDefinition' as const), subscriptionId: name, resourceGroupName: name, galleryName: name, imageName: name }),
        fc.record({
          kind: fc.constant('imageVersion' as const),
          subscriptionId: name,
          resourceGroupName: name,
          galleryName: name,
          imageName: name,
          versionName: name,
        }),
        fc.record({ kind: fc.constant('galleryApplication' as const), subscriptionId: name, resourceGroupName: name, galleryName: name, applicationName: name }),
        fc.record({
          kind: fc.constant('applicationVersion' as const),
          subscriptionId: name,
          resourceGroupName: name,
          galleryName: name,
          applicationName: name,
          versionName: name,
        }),
        fc.record({
          kind: fc.constantFrom('managedImage' as const, 'virtualMachine' as const, 'snapshot' as const, 'disk' as const),
          subscriptionId: name,
          resourceGroupName: name,
          name,
        }),
        fc.tuple(name, armScope).map(([uniqueName, s]) => withScope({ kind: 'sharedGallery' as const, uniqueName }, s)),
        fc.tuple(name, name, armScope).map(([uniqueName, imageName, s]) => withScope({ kind: 'sharedImage' as const, uniqueName, imageName }, s)),
        fc
          .tuple(name, name, name, armScope)
          .map(([uniqueName, imageName, versionName, s]) => withScope({ kind: 'sharedImageVersion' as const, uniqueName, imageName, versionName }, s)),
        fc.tuple(name, armScope).map(([publicName, s]) => withScope({ kind: 'communityGallery' as const, publicName }, s)),
        fc.tuple(name, name, armScope).map(([publicName, imageName, s]) => withScope({ kind: 'communityImage' as const, publicName, imageName }, s)),
        fc
          .tuple(name, name, name, armScope)
          .map(([publicName, imageName, versionName, s]) => withScope({ kind: 'communityImageVersion' as const, publicName, imageName, versionName }, s)),
      );
      fc.assert(
        fc.property(resource, (r) => {
          const id = buildArmId(r);
          assert.deepEqual(parseArmId(id), { ...r }, id);
          // ARM compares ids without regard to case: so must the parser.
          assert.deepEqual(parseArmId(id.toUpperCase())?.kind, r.kind);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('parentArmResource', () => {
    it('walks version → definition → gallery → group → subscription', () => {
      const chain: (string | undefined)[] = [];
      let r: ArmResource | undefined = parseArmId(`${COMPUTE}/galleries/g/images/i/versions/1.0.0`);
      while (r) {
        chain.push(r.kind);
        r = parentArmResource(r);
      }
      assert.deepEqual(chain, ['imageVersion', 'imageDefinition', 'gallery', 'resourceGroup', 'subscription']);
    });

    it('walks application versions, compute resources and shared/community ids', () => {
      assert.equal(parentArmResource(parseArmId(`${COMPUTE}/galleries/g/applications/a/versions/1.0.0`) as ArmResource)?.kind, 'galleryApplication');
      assert.equal(parentArmResource(parseArmId(`${COMPUTE}/galleries/g/applications/a`) as ArmResource)?.kind, 'gallery');
      assert.deepEqual(parentArmResource(parseArmId(`${COMPUTE}/disks/d`) as ArmResource), { kind: 'resourceGroup', ...scope });
      assert.deepEqual(parentArmResource(parseArmId('/SharedGalleries/u/Images/i/Versions/1.0.0') as ArmResource), {
        kind: 'sharedImage',
        uniqueName: 'u',
        imageName: 'i',
      });
      assert.deepEqual(parentArmResource(parseArmId('/SharedGalleries/u/Images/i') as ArmResource), { kind: 'sharedGallery', uniqueName: 'u' });
      assert.deepEqual(parentArmResource(parseArmId('/CommunityGalleries/p/Images/i/Versions/1.0.0') as ArmResource), {
        kind: 'communityImage',
        publicName: 'p',
        imageName: 'i',
      });
      assert.deepEqual(parentArmResource(parseArmId('/CommunityGalleries/p/Images/i') as ArmResource), { kind: 'communityGallery', publicName: 'p' });
      assert.equal(parentArmResource(parseArmId('/CommunityGalleries/p') as ArmResource), undefined);
      assert.equal(parentArmResource(parseArmId('/SharedGalleries/u') as ArmResource), undefined);
    });
  });

  it('sameArmId ignores case and a trailing slash only', () => {
    assert.ok(sameArmId(`${COMPUTE}/galleries/G`, `${COMPUTE.toLowerCase()}/GALLERIES/g/`));
    assert.ok(!sameArmId(`${COMPUTE}/galleries/g1`, `${COMPUTE}/galleries/g2`));
  });

  describe('imageReferenceFor', () => {
    it('uses the ARM id for private versions, definitions (latest) and managed images', () => {
      const version = `${COMPUTE}/galleries/g/images/i/versions/1.0.0`;
      assert.deepEqual(imageReferenceFor(parseArmId(version) as ArmResource), { id: version });
      assert.deepEqual(imageReferenceFor(parseArmId(`${COMPUTE}/galleries/g/images/i`) as ArmResource), { id: `${COMPUTE}/galleries/g/images/i` });
      assert.deepEqual(imageReferenceFor(parseArmId(`${COMPUTE}/images/m`) as ArmResource), { id: `${COMPUTE}/images/m` });
    });

    it('uses /SharedGalleries/… whichever form the shared image came in, latest when no version', () => {
      const arm = `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGalleries/u-G/images/i/versions/2.0.0`;
      assert.deepEqual(imageReferenceFor(parseArmId(arm) as ArmResource), { sharedGalleryImageId: '/SharedGalleries/u-G/Images/i/Versions/2.0.0' });
      assert.deepEqual(imageReferenceFor(parseArmId('/SharedGalleries/u-G/Images/i') as ArmResource), {
        sharedGalleryImageId: '/SharedGalleries/u-G/Images/i/Versions/latest',
      });
    });

    it('uses /CommunityGalleries/… for community images', () => {
      const arm = `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/communityGalleries/pub-1/images/i/versions/3.0.0`;
      assert.deepEqual(imageReferenceFor(parseArmId(arm) as ArmResource), { communityGalleryImageId: '/CommunityGalleries/pub-1/Images/i/Versions/3.0.0' });
      assert.deepEqual(imageReferenceFor({ kind: 'communityImage', publicName: 'pub-1', imageName: 'i' }), {
        communityGalleryImageId: '/CommunityGalleries/pub-1/Images/i/Versions/latest',
      });
    });

    it('gives nothing for resources a VM cannot boot from', () => {
      for (const id of [`${COMPUTE}/galleries/g`, `${COMPUTE}/disks/d`, `${COMPUTE}/snapshots/s`, `${COMPUTE}/virtualMachines/v`, RG_ID, '/SharedGalleries/u']) {
        assert.equal(imageReferenceFor(parseArmId(id) as ArmResource), undefined, id);
      }
    });
  });
});
