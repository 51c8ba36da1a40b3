import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../emulator/index';
import { FABRIKAM_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { GALLERY_API, errorOf, raw, startFast, tokenFor } from './helpers';

const SUB = PRODUCTION_SUBSCRIPTION_ID;
const RG = 'rg-images';
const gal = (name: string, rg = RG, sub = SUB): string => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${name}`;
const q = `?api-version=${GALLERY_API}`;
const SRC = (name: string): string => `/subscriptions/${SUB}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/${name}`;

/** Azure's rules, answered with Azure's codes: each bad input rejected, each boundary accepted. */
describe('Azure rules (names, uniqueness, sources, sharing, deletes, access)', function () {
  let emu: RunningEmulator;
  let token: string;
  const put = (path: string, body: unknown) => raw(emu, 'PUT', path + q, { token, body });
  const expectError = async (path: string, body: unknown, status: number, code: string, target?: string): Promise<void> => {
    const res = await put(path, body);
    assert.equal(res.status, status, `${path}: ${res.text}`);
    assert.equal(errorOf(res).code, code, res.text);
    if (target) assert.equal(errorOf(res).target, target);
  };
  const expectOk = async (path: string, body: unknown): Promise<void> => {
    const res = await put(path, body);
    assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${res.text}`);
  };
  const image = (publisher: string, extra: Record<string, unknown> = {}) => ({
    location: 'eastus',
    properties: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', identifier: { publisher, offer: 'o', sku: 's' }, ...extra },
  });

  before(async () => {
    emu = await startFast({ seed: 'demo', config: { lro: { durationMs: 0 } } });
    token = await tokenFor(emu);
  });
  after(async () => emu?.stop());

  it('gallery names: letters, digits, dots, underscores; 1–80; no dashes; no leading _/.; no trailing dot', async () => {
    for (const bad of ['my-gallery', '_gallery', '.gallery', 'gallery.', 'a'.repeat(81), 'gal lery', 'gäl']) {
      await expectError(gal(encodeURIComponent(bad)), { location: 'eastus' }, 400, 'InvalidParameter', 'galleryName');
    }
    for (const good of ['a', 'A1', 'g.1_x', 'gallery_', 'x'.repeat(80), '9lives']) await expectOk(gal(good), { location: 'eastus' });
  });

  it('VM application versions: commands and file names up to 4096 characters, reboot behaviour None or Rerun (GalleryRP.json)', async () => {
    const app = `${gal('contoso_images')}/applications/conformance-agent`;
    await expectOk(app, { location: 'eastus', properties: { supportedOSType: 'Linux' } });
    const version = (publishing: Record<string, unknown>) => ({
      location: 'eastus',
      properties: { publishingProfile: { source: { mediaLink: 'https://a.blob.core.windows.net/c/app.zip' }, manageActions: { install: 'i', remove: 'r' }, ...publishing } },
    });
    const body = 'galleryApplicationVersion.properties.publishingProfile';
    await expectError(`${app}/versions/1.0.0`, version({ manageActions: { install: 'i', remove: 'r'.repeat(4097) } }), 400, 'InvalidParameter', `${body}.manageActions.remove`);
    await expectError(`${app}/versions/1.0.0`, version({ settings: { packageFileName: 'p'.repeat(4097) } }), 400, 'InvalidParameter', `${body}.settings.packageFileName`);
    await expectError(`${app}/versions/1.0.0`, version({ settings: { scriptBehaviorAfterReboot: 'Sometimes' } }), 400, 'InvalidParameter', `${body}.settings.scriptBehaviorAfterReboot`);
    await expectOk(`${app}/versions/1.0.0`, version({ manageActions: { install: 'i'.repeat(4096), remove: 'r' }, settings: { packageFileName: 'p'.repeat(4096), scriptBehaviorAfterReboot: 'Rerun' } }));
  });

  it('gallery names are unique within the subscription across resource groups', async () => {
    await raw(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-other?api-version=2021-04-01`, { token, body: { location: 'eastus' } });
    await expectError(gal('CONTOSO_IMAGES', 'rg-other'), { location: 'eastus' }, 409, 'GalleryNameNotUnique', 'galleryName');
    await expectOk(gal('contoso_images'), { location: 'eastus', properties: { description: 'same group: an update' } });
  });

  it('location is required, must be a region, and cannot change', async () => {
    await expectError(gal('loc1'), {}, 400, 'LocationRequired');
    await expectError(gal('loc1'), { location: 'moon' }, 400, 'LocationNotAvailableForResourceType');
    await expectError(gal('contoso_images'), { location: 'westus2' }, 409, 'InvalidResourceLocation');
  });

  it('image definition names and identifiers', async () => {
    for (const bad of ['-img', 'img-', 'img.', '_img', 'a'.repeat(81)]) {
      await expectError(`${gal('contoso_images')}/images/${bad}`, image('p1'), 400, 'InvalidParameter', 'galleryImageName');
    }
    for (const good of ['i', 'img-1.2_x', 'z'.repeat(80)]) await expectOk(`${gal('contoso_images')}/images/${good}`, image(`pub${good.length}${good[0]}`));
    await expectError(`${gal('contoso_images')}/images/bad-pub`, image('pub.'), 400, 'InvalidParameter', 'galleryImage.properties.identifier.publisher');
    await expectError(`${gal('contoso_images')}/images/bad-os`, { location: 'eastus', properties: { osType: 'Mac', osState: 'Generalized', identifier: { publisher: 'p', offer: 'o', sku: 's' } } }, 400, 'InvalidParameter', 'galleryImage.properties.osType');
    await expectError(`${gal('contoso_images')}/images/tl-gen1`, image('tl', { hyperVGeneration: 'V1', features: [{ name: 'SecurityType', value: 'TrustedLaunch' }] }), 400, 'InvalidParameter', 'galleryImage.properties.features');
  });

  it('publisher/offer/SKU are unique within a gallery; immutable properties cannot change', async () => {
    await expectOk(`${gal('contoso_images')}/images/first`, image('Uniq'));
    await expectError(`${gal('contoso_images')}/images/second`, image('UNIQ'), 409, 'Conflict');
    await expectError(`${gal('contoso_images')}/images/first`, image('Uniq', { osType: 'Windows' }), 409, 'PropertyChangeNotAllowed', 'galleryImage.properties.osType');
    await expectOk(`${gal('contoso_images')}/images/first`, image('Uniq', { description: 'updatable' }));
    await expectError(`${gal('contoso_images')}/images/eol`, image('eol', { endOfLifeDate: '2001-01-01T00:00:00Z' }), 400, 'InvalidParameter');
  });

  it('security type: absent on a new Gen2 x64 definition → TrustedLaunchSupported (Azure\'s default); Standard and every other value stored as sent', async () => {
    const get = async (name: string) => JSON.parse((await raw(emu, 'GET', `${gal('contoso_images')}/images/${name}${q}`, { token })).text).properties;
    await expectOk(`${gal('contoso_images')}/images/sec-default`, image('SecDefault'));
    assert.deepEqual((await get('sec-default')).features, [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }]);
    await expectOk(`${gal('contoso_images')}/images/sec-standard`, image('SecStandard', { features: [{ name: 'SecurityType', value: 'Standard' }] }));
    assert.deepEqual((await get('sec-standard')).features, [{ name: 'SecurityType', value: 'Standard' }]);
    await expectOk(`${gal('contoso_images')}/images/sec-gen1`, image('SecGen1', { hyperVGeneration: 'V1' }));
    assert.equal((await get('sec-gen1')).features, undefined, 'Generation 1 gets no Trusted launch default');
    // Rewriting the definition without naming a security type keeps the one it has.
    await expectOk(`${gal('contoso_images')}/images/sec-default`, image('SecDefault', { description: 'again' }));
    assert.deepEqual((await get('sec-default')).features, [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }]);
  });

  it('features change only with allowUpdateImage, and only the four Azure lets change; values are letters, digits, spaces and commas', async () => {
    const path = `${gal('contoso_images')}/images/feat-update`;
    const features = [{ name: 'SecurityType', value: 'Standard' }, { name: 'DiskControllerTypes', value: 'SCSI' }];
    await expectOk(path, image('FeatUpdate', { features }));
    const changed = [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }, { name: 'DiskControllerTypes', value: 'SCSI, NVMe' }, { name: 'IsHibernateSupported', value: 'true' }];
    await expectError(path, image('FeatUpdate', { features: changed }), 409, 'PropertyChangeNotAllowed', 'galleryImage.properties.features');
    const patch = await raw(emu, 'PATCH', path + q, { token, body: { properties: { features: changed, allowUpdateImage: true } } });
    assert.equal(patch.status, 200, patch.text);
    const stored = JSON.parse((await raw(emu, 'GET', path + q, { token })).text).properties;
    assert.deepEqual(stored.features, changed);
    assert.equal(stored.allowUpdateImage, undefined, 'allowUpdateImage is an instruction, not a stored property');
    await expectError(path, image('FeatUpdate', { features: [...changed, { name: 'Other', value: 'x' }], allowUpdateImage: true }), 400, 'InvalidParameter', 'galleryImage.properties.features');
    await expectError(`${gal('contoso_images')}/images/feat-bad`, image('FeatBad', { features: [{ name: 'DiskControllerTypes', value: 'SCSI;NVMe' }] }), 400, 'InvalidParameter', 'galleryImage.properties.features');
  });

  it('tags: reserved characters → InvalidTagNameCharacters; names over 512, values over 256, more than 50 → 400; a tags-only PATCH changes nothing else', async () => {
    const path = `${gal('contoso_images')}/images/tagged`;
    await expectError(path, { ...image('Tagged'), tags: { 'cost/center': '1' } }, 400, 'InvalidTagNameCharacters');
    await expectError(path, { ...image('Tagged'), tags: { ['n'.repeat(513)]: '1' } }, 400, 'InvalidTagNameLength');
    await expectError(path, { ...image('Tagged'), tags: { env: 'v'.repeat(257) } }, 400, 'InvalidTagValueLength');
    await expectError(path, { ...image('Tagged'), tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, ''])) }, 400, 'InvalidTagsCount');
    await expectOk(path, { ...image('Tagged', { description: 'kept' }), tags: { ['n'.repeat(512)]: 'v'.repeat(256), env: 'dev' } });
    const before = JSON.parse((await raw(emu, 'GET', path + q, { token })).text);
    const res = await raw(emu, 'PATCH', path + q, { token, body: { tags: { env: 'prod' } } });
    assert.equal(res.status, 200, res.text);
    const after = JSON.parse((await raw(emu, 'GET', path + q, { token })).text);
    assert.deepEqual(after.tags, { env: 'prod' }, 'the PATCH replaces the tag set');
    assert.deepEqual({ ...after, tags: undefined }, { ...before, tags: undefined }, 'nothing but the tags changed');
  });

  it('version names: Major.Minor.Patch, each a 32-bit signed integer', async () => {
    const base = `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/`;
    const body = { location: 'eastus', properties: { storageProfile: { source: { id: SRC('images/img-ubuntu-2204-eastus') } } } };
    for (const bad of ['1.0', '1.0.0.0', 'a.b.c', '1.0.-1', '2147483648.0.0', '1.0.0-beta']) await expectError(base + bad, body, 400, 'InvalidParameter', 'galleryImageVersionName');
    for (const good of ['0.0.0', '2147483647.2147483647.2147483647']) await expectOk(base + good, body);
  });

  it("a version's source must exist, share its region, and match OS type, generation, state and security type", async () => {
    const base = `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/`;
    const target = 'galleryImageVersion.properties.storageProfile.source.id';
    const v = (id: string, location = 'eastus', regions?: string[]) => ({
      location,
      properties: { storageProfile: { source: { id } }, ...(regions ? { publishingProfile: { targetRegions: regions.map((name) => ({ name })) } } : {}) },
    });
    await expectError(base + '3.0.0', v(SRC('images/nope')), 400, 'InvalidParameter', target);
    await expectError(base + '3.0.1', v(SRC('images/img-ubuntu-2204-eastus'), 'westus2'), 400, 'InvalidParameter', target);
    await expectError(base + '3.0.2', v(SRC('images/img-win2022-westus2'), 'westus2'), 400, 'InvalidParameter', target);
    await expectError(base + '3.0.3', v(SRC('images/img-centos-gen1-westeurope'), 'westeurope'), 400, 'InvalidParameter', target);
    await expectError(base + '3.0.4', v(SRC('virtualMachines/vm-cvm-ubuntu'), 'northeurope'), 400, 'InvalidParameter', target);
    await expectError(base + '3.0.5', v(SRC('disks/disk-debian12-os')), 400, 'InvalidParameter', target);
    await expectError(base + '3.0.6', v(SRC('images/img-ubuntu-2204-eastus'), 'eastus', ['westus2']), 400, 'InvalidParameter', 'galleryImageVersion.properties.publishingProfile.targetRegions');
    await expectError(base + '3.0.7', v(SRC('images/img-ubuntu-2204-eastus'), 'eastus', ['eastus', 'East US']), 400, 'InvalidParameter');
    await expectError(base + '3.0.8', { location: 'eastus', properties: { storageProfile: {} } }, 400, 'InvalidParameter');
    await expectError(`${gal('contoso_shared')}/images/rhel-9/versions/1.0.0`, v(`/subscriptions/${FABRIKAM_SUBSCRIPTION_ID}/resourceGroups/rg-fabrikam-images/providers/Microsoft.Compute/images/img-win2022-hardened`, 'westus2'), 403, 'LinkedAuthorizationFailed');
    // Boundary: a TrustedLaunch VM into a TrustedLaunch definition; a disk as OS-disk source.
    await expectOk(`${gal('contoso_shared')}/images/rhel-9/versions/9.5.0`, v(SRC('virtualMachines/vm-build-rhel9'), 'eastus', ['eastus', 'westeurope']));
    await expectOk(base + '3.1.0', { location: 'eastus', properties: { storageProfile: { osDiskImage: { source: { id: SRC('disks/disk-debian12-os') } } } } });
    await expectError(base + '3.1.0', v(SRC('images/img-ubuntu-2204-eastus')), 409, 'PropertyChangeNotAllowed');
  });

  it("a VM source's generation is its OS disk's: a V1 VM (or one whose disk states none) only goes into a V1 definition", async () => {
    const target = 'galleryImageVersion.properties.storageProfile.source.id';
    const v = (id: string) => ({ location: 'eastus', properties: { storageProfile: { source: { id } } } });
    const gen2 = `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/`;
    for (const [i, vm] of ['vm-build-centos7-gen1', 'vm-legacy-ubuntu1804'].entries()) {
      const res = await put(`${gen2}4.0.${i}`, v(SRC(`virtualMachines/${vm}`)));
      assert.equal(res.status, 400, res.text);
      assert.equal(errorOf(res).code, 'InvalidParameter');
      assert.equal(errorOf(res).target, target);
      assert.match(errorOf(res).message, /different Hypervisor generation \['V1'\] than the parent gallery image Hypervisor generation \['V2'\]/);
    }
    await expectOk(`${gal('contoso_images')}/images/centos-gen1`, image('gen1', { hyperVGeneration: 'V1' }));
    await expectOk(`${gal('contoso_images')}/images/centos-gen1/versions/1.0.0`, v(SRC('virtualMachines/vm-build-centos7-gen1')));
    await expectOk(`${gal('contoso_images')}/images/centos-gen1/versions/1.0.1`, v(SRC('virtualMachines/vm-legacy-ubuntu1804')));
    await expectOk(`${gen2}4.1.0`, v(SRC('virtualMachines/vm-build-rhel9')));
  });

  it('sharing: Add needs permissions Groups; EnableCommunity needs communityGalleryInfo', async () => {
    const share = (name: string, body: unknown) => raw(emu, 'POST', `${gal(name)}/share${q}`, { token, body });
    let res = await share('contoso_images', { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [FABRIKAM_SUBSCRIPTION_ID] }] });
    assert.equal(res.status, 400);
    assert.equal(errorOf(res).code, 'InvalidParameter');
    res = await share('contoso_images', { operationType: 'EnableCommunity' });
    assert.equal(res.status, 400);
    await expectError(gal('comm_bad'), { location: 'eastus', properties: { sharingProfile: { permissions: 'Community' } } }, 400, 'InvalidParameter', 'sharingProfile.communityGalleryInfo');
    await expectError(gal('comm_bad'), { location: 'eastus', properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { publisherUri: 'u', publisherContact: 'c', eula: 'e' } } } }, 400, 'InvalidParameter');
    res = await share('contoso_shared', { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: ['not-a-guid'] }] });
    assert.equal(res.status, 400);
    res = await share('contoso_shared', { operationType: 'Share' });
    assert.equal(errorOf(res).target, 'sharingUpdate.operationType');
  });

  it('community info: links are any non-empty text (the spec\'s example sends "uri" and "eula"); the e-mail format is the extension\'s, refused with InvalidParameter and the field as target; definition links take any text', async () => {
    const info = { publisherUri: 'https://www.contoso.com/', publisherContact: 'support@contoso.com', eula: 'https://www.contoso.com/eula', publicNamePrefix: 'Contoso1' };
    const community = (change: Record<string, string>) => ({ location: 'eastus', properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { ...info, ...change } } } });
    const target = 'sharingProfile.communityGalleryInfo';
    for (const text of ['http://www.contoso.com/', 'www.contoso.com', 'https://intranet/', 'uri', 'eula']) {
      await expectOk(gal('comm_links'), community({ publisherUri: text, eula: text }));
    }
    for (const field of ['publisherUri', 'eula']) await expectError(gal('comm_links_empty'), community({ [field]: ' ' }), 400, 'InvalidParameter', `${target}.${field}`);
    for (const bad of ['support', 'support@contoso', 'a@b@contoso.com', 'sup port@contoso.com', '.support@contoso.com', `${'a'.repeat(65)}@contoso.com`]) {
      await expectError(gal('comm_links'), community({ publisherContact: bad }), 400, 'InvalidParameter', `${target}.publisherContact`);
    }
    await expectOk(gal('comm_links'), community({ publisherUri: 'https://bücher.de', publisherContact: "o'brien+images@mail.contoso.example" }));

    const definition = `${gal('contoso_images')}/images/links-check`;
    // Definition links are plain strings Azure stores as sent: the spec's own examples use http://
    // links and a plain-text EULA (the extension warns, and sends them).
    for (const field of ['eula', 'privacyStatementUri', 'releaseNoteUri']) {
      for (const text of ['http://www.contoso.com/x', 'Plain-text EULA: use at your own risk', 'www.contoso.com']) {
        await expectOk(definition, image('LinksCheck', { [field]: text }));
      }
      await expectError(definition, image('LinksCheck', { [field]: 42 }), 400, 'InvalidRequestContent');
    }
    // Definitions may link to any host (no public-host rule); an empty link is no link.
    await expectOk(definition, image('LinksCheck', { eula: 'https://intranet/eula', privacyStatementUri: '', releaseNoteUri: 'https://www.contoso.com/notes' }));
  });

  it('deleting a gallery or definition with children → 409 CannotDeleteResource; safety profile blocks early deletes', async () => {
    let res = await raw(emu, 'DELETE', gal('contoso_images') + q, { token });
    assert.equal(res.status, 409);
    assert.equal(errorOf(res).code, 'CannotDeleteResource');
    res = await raw(emu, 'DELETE', `${gal('contoso_images')}/images/ubuntu-22.04-lts${q}`, { token });
    assert.equal(errorOf(res).code, 'CannotDeleteResource');
    const eol = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const path = `${gal('contoso_images')}/images/ubuntu-22.04-lts/versions/4.0.0`;
    await expectError(path, { location: 'eastus', properties: { storageProfile: { source: { id: SRC('images/img-ubuntu-2204-eastus') } }, safetyProfile: { blockDeletionBeforeEndOfLife: true } } }, 400, 'InvalidParameter');
    await expectOk(path, { location: 'eastus', properties: { publishingProfile: { endOfLifeDate: eol }, storageProfile: { source: { id: SRC('images/img-ubuntu-2204-eastus') } }, safetyProfile: { blockDeletionBeforeEndOfLife: true } } });
    res = await raw(emu, 'DELETE', path + q, { token });
    assert.equal(res.status, 409);
    assert.equal(errorOf(res).code, 'OperationNotAllowed');
  });

  it('404 ResourceNotFound / ParentResourceNotFound / ResourceGroupNotFound; delete of nothing is 204', async () => {
    let res = await raw(emu, 'GET', gal('nope') + q, { token });
    assert.equal(errorOf(res).code, 'ResourceNotFound');
    assert.match(errorOf(res).message, /Microsoft\.Compute\/galleries\/nope' under resource group 'rg-images'/);
    res = await raw(emu, 'GET', `${gal('nope')}/images/x${q}`, { token });
    assert.equal(errorOf(res).code, 'ParentResourceNotFound');
    res = await raw(emu, 'PUT', `${gal('contoso_images')}/images/nope/versions/1.0.0${q}`, { token, body: { location: 'eastus', properties: { storageProfile: { source: { id: SRC('images/img-ubuntu-2204-eastus') } } } } });
    assert.equal(res.status, 404);
    assert.equal(errorOf(res).code, 'ParentResourceNotFound');
    res = await raw(emu, 'GET', gal('x', 'rg-missing') + q, { token });
    assert.equal(errorOf(res).code, 'ResourceGroupNotFound');
    res = await raw(emu, 'DELETE', gal('never_was') + q, { token });
    assert.equal(res.status, 204);
  });

  it('403 AuthorizationFailed outside the caller’s subscriptions; 404 SubscriptionNotFound for unknown ones', async () => {
    let res = await raw(emu, 'GET', `/subscriptions/${FABRIKAM_SUBSCRIPTION_ID}/providers/Microsoft.Compute/galleries${q}`, { token });
    assert.equal(res.status, 403);
    assert.equal(errorOf(res).code, 'AuthorizationFailed');
    assert.match(errorOf(res).message, /Microsoft\.Compute\/galleries\/read/);
    res = await raw(emu, 'PUT', gal('x', 'rg-fabrikam-images', FABRIKAM_SUBSCRIPTION_ID) + q, { token, body: { location: 'westus2' } });
    assert.equal(res.status, 403);
    res = await raw(emu, 'GET', `/subscriptions/11111111-2222-4333-8444-555555555555/providers/Microsoft.Compute/galleries${q}`, { token });
    assert.equal(res.status, 404);
    assert.equal(errorOf(res).code, 'SubscriptionNotFound');
  });

  it('paths are matched case-insensitively (az relies on it)', async () => {
    const res = await raw(emu, 'GET', `/SUBSCRIPTIONS/${SUB}/resourcegroups/RG-IMAGES/providers/microsoft.compute/Galleries/CONTOSO_IMAGES${q}`, { token });
    assert.equal(res.status, 200);
    assert.equal((res.body as { name: string }).name, 'contoso_images');
  });
});
