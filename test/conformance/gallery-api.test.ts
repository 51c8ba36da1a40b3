import { strict as assert } from 'node:assert';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { RunningEmulator } from '../emulator/index';
import { DEMO_COMMUNITY_PUBLIC_NAME, DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, PARTNER_PRINCIPAL, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { POLL, armCode, computeClient, startFast } from './helpers';
import { isGalleryPair, validateWithOav } from './oav';

/**
 * Drives every operation of GalleryRP.json (2025-12-03) through the real @azure/arm-compute 25
 * against the emulator, then validates every recorded request/response pair with Azure's oav.
 */
describe('gallery API through @azure/arm-compute, validated with oav', function () {
  let emu: RunningEmulator;
  let prod: ComputeManagementClient;
  let dev: ComputeManagementClient;
  let fabrikam: ComputeManagementClient;
  const rg = 'rg-images';
  const g = 'conf_gallery';
  const sourceId = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/img-ubuntu-2204-eastus`;

  before(async () => {
    emu = await startFast({ seed: 'demo', config: { pageSize: 2 } });
    prod = computeClient(emu, PRODUCTION_SUBSCRIPTION_ID);
    dev = computeClient(emu, DEVELOPMENT_SUBSCRIPTION_ID);
    fabrikam = computeClient(emu, FABRIKAM_SUBSCRIPTION_ID, PARTNER_PRINCIPAL);
  });
  after(async () => emu?.stop());

  const all = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };

  it('galleries: create, get ($select, $expand), update, list by subscription and group', async () => {
    const created = await prod.galleries.createOrUpdate(rg, g, { location: 'eastus', description: 'conformance', tags: { suite: 'conformance' } }, POLL);
    assert.equal(created.provisioningState, 'Succeeded');
    assert.equal(created.identifier?.uniqueName, `${PRODUCTION_SUBSCRIPTION_ID}-${g.toUpperCase()}`);
    await prod.galleries.get(rg, g);
    await prod.galleries.get(rg, 'contoso_shared', { select: 'Permissions' });
    const expanded = await prod.galleries.get(rg, 'contoso_shared', { expand: 'SharingProfile/Groups' });
    assert.equal(expanded.sharingProfile?.groups?.[0]?.ids?.[0], DEVELOPMENT_SUBSCRIPTION_ID);
    const updated = await prod.galleries.update(rg, g, { description: 'updated' }, POLL);
    assert.equal(updated.description, 'updated');
    const bySub = await all(prod.galleries.list());
    assert.ok(bySub.length >= 4, 'paged through nextLink');
    assert.ok((await all(prod.galleries.listByResourceGroup(rg))).some((x) => x.name === g));
  });

  it('image definitions and versions (with $expand=ReplicationStatus)', async () => {
    await prod.galleryImages.createOrUpdate(rg, g, 'conf-image', {
      location: 'eastus',
      osType: 'Linux',
      osState: 'Generalized',
      hyperVGeneration: 'V2',
      identifier: { publisher: 'Conformance', offer: 'Test', sku: 'gen2' },
      features: [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }],
      recommended: { vCPUs: { min: 2, max: 8 } },
    }, POLL);
    await prod.galleryImages.get(rg, g, 'conf-image');
    await prod.galleryImages.update(rg, g, 'conf-image', { description: 'updated', osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'Conformance', offer: 'Test', sku: 'gen2' } }, POLL);
    await all(prod.galleryImages.listByGallery(rg, g));
    const v = await prod.galleryImageVersions.createOrUpdate(rg, g, 'conf-image', '1.0.0', {
      location: 'eastus',
      publishingProfile: { targetRegions: [{ name: 'eastus' }, { name: 'westus2', regionalReplicaCount: 2 }] },
      storageProfile: { source: { id: sourceId } },
      safetyProfile: { allowDeletionOfReplicatedLocations: false },
    }, POLL);
    assert.equal(v.provisioningState, 'Succeeded');
    const withStatus = await prod.galleryImageVersions.get(rg, g, 'conf-image', '1.0.0', { expand: 'ReplicationStatus' });
    assert.equal(withStatus.replicationStatus?.aggregatedState, 'Completed');
    await prod.galleryImageVersions.get(rg, g, 'conf-image', '1.0.0');
    await prod.galleryImageVersions.update(rg, g, 'conf-image', '1.0.0', { publishingProfile: { excludeFromLatest: true }, storageProfile: {} }, POLL);
    await all(prod.galleryImageVersions.listByGalleryImage(rg, g, 'conf-image'));
    await all(prod.softDeletedResource.listByArtifactName(rg, g, 'images', 'conf_image'));
  });

  it('applications and application versions', async () => {
    await prod.galleryApplications.createOrUpdate(rg, g, 'conf-app', { location: 'eastus', supportedOSType: 'Linux', description: 'agent' }, POLL);
    await prod.galleryApplications.get(rg, g, 'conf-app');
    await prod.galleryApplications.update(rg, g, 'conf-app', { supportedOSType: 'Linux', description: 'agent 2' }, POLL);
    await all(prod.galleryApplications.listByGallery(rg, g));
    await prod.galleryApplicationVersions.createOrUpdate(rg, g, 'conf-app', '1.0.0', {
      location: 'eastus',
      publishingProfile: {
        source: { mediaLink: 'https://contoso.blob.core.windows.net/apps/agent.tar.gz' },
        manageActions: { install: 'tar xf agent.tar.gz', remove: 'rm -rf agent' },
      },
    }, POLL);
    await prod.galleryApplicationVersions.get(rg, g, 'conf-app', '1.0.0', { expand: 'ReplicationStatus' });
    await prod.galleryApplicationVersions.update(rg, g, 'conf-app', '1.0.0', {
      publishingProfile: { source: { mediaLink: 'https://contoso.blob.core.windows.net/apps/agent.tar.gz' }, endOfLifeDate: new Date(Date.now() + 86_400_000 * 365) },
    }, POLL);
    await all(prod.galleryApplicationVersions.listByGalleryApplication(rg, g, 'conf-app'));
  });

  it('scripts and in-VM access control profiles', async () => {
    await prod.galleryScripts.createOrUpdate(rg, g, 'confscript', { location: 'eastus', properties: { supportedOSType: 'Linux', description: 'boot' } }, POLL);
    await prod.galleryScripts.get(rg, g, 'confscript');
    await prod.galleryScripts.update(rg, g, 'confscript', { supportedOSType: 'Linux', description: 'boot 2' }, POLL);
    await all(prod.galleryScripts.listByGallery(rg, g));
    await prod.galleryScriptVersions.createOrUpdate(rg, g, 'confscript', '1.0.0', {
      location: 'eastus',
      properties: { publishingProfile: { source: { scriptLink: 'https://contoso.blob.core.windows.net/scripts/boot.sh' } } },
    }, POLL);
    await prod.galleryScriptVersions.get(rg, g, 'confscript', '1.0.0');
    await prod.galleryScriptVersions.update(rg, g, 'confscript', '1.0.0', {
      publishingProfile: { source: { scriptLink: 'https://contoso.blob.core.windows.net/scripts/boot2.sh' } },
    }, POLL);
    await all(prod.galleryScriptVersions.listByGalleryScript(rg, g, 'confscript'));
    await prod.galleryScriptVersions.delete(rg, g, 'confscript', '1.0.0', POLL);
    await prod.galleryScripts.delete(rg, g, 'confscript', POLL);

    await prod.galleryInVMAccessControlProfiles.createOrUpdate(rg, g, 'conf-profile', { location: 'eastus', properties: { osType: 'Linux', applicableHostEndpoint: 'WireServer' } }, POLL);
    await prod.galleryInVMAccessControlProfiles.get(rg, g, 'conf-profile');
    await prod.galleryInVMAccessControlProfiles.update(rg, g, 'conf-profile', { properties: { osType: 'Linux', applicableHostEndpoint: 'WireServer', description: 'x' } }, POLL);
    await all(prod.galleryInVMAccessControlProfiles.listByGallery(rg, g));
    await prod.galleryInVMAccessControlProfileVersions.createOrUpdate(rg, g, 'conf-profile', '1.0.0', { location: 'eastus', mode: 'Audit', defaultAccess: 'Allow' }, POLL);
    await prod.galleryInVMAccessControlProfileVersions.get(rg, g, 'conf-profile', '1.0.0');
    await prod.galleryInVMAccessControlProfileVersions.update(rg, g, 'conf-profile', '1.0.0', { mode: 'Enforce', defaultAccess: 'Deny' }, POLL);
    await all(prod.galleryInVMAccessControlProfileVersions.listByGalleryInVMAccessControlProfile(rg, g, 'conf-profile'));
    await prod.galleryInVMAccessControlProfileVersions.delete(rg, g, 'conf-profile', '1.0.0', POLL);
    await prod.galleryInVMAccessControlProfiles.delete(rg, g, 'conf-profile', POLL);
  });

  it('sharing: Add, Remove, Reset and EnableCommunity', async () => {
    await prod.galleries.createOrUpdate(rg, 'conf_groups', { location: 'eastus', sharingProfile: { permissions: 'Groups' } }, POLL);
    const added = await prod.gallerySharingProfile.update(rg, 'conf_groups', { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [DEVELOPMENT_SUBSCRIPTION_ID] }, { type: 'AADTenants', ids: [FABRIKAM_TENANT_ID] }] }, POLL);
    assert.equal(added.operationType, 'Add');
    const seen = await all(dev.sharedGalleries.list('eastus'));
    assert.ok(seen.some((x) => x.name === `${PRODUCTION_SUBSCRIPTION_ID}-CONF_GROUPS`));
    await prod.gallerySharingProfile.update(rg, 'conf_groups', { operationType: 'Remove', groups: [{ type: 'AADTenants', ids: [FABRIKAM_TENANT_ID] }] }, POLL);
    await prod.gallerySharingProfile.update(rg, 'conf_groups', { operationType: 'Reset' }, POLL);
    await prod.galleries.createOrUpdate(rg, 'conf_community', {
      location: 'eastus',
      sharingProfile: {
        permissions: 'Community',
        communityGalleryInfo: { publisherUri: 'https://contoso.example', publisherContact: 'x@contoso.example', eula: 'https://contoso.example/eula', publicNamePrefix: 'ConfTest' },
      },
    }, POLL);
    await prod.gallerySharingProfile.update(rg, 'conf_community', { operationType: 'EnableCommunity' }, POLL);
    const community = await prod.galleries.get(rg, 'conf_community');
    assert.equal(community.sharingProfile?.communityGalleryInfo?.communityGalleryEnabled, true);
    assert.match(community.sharingProfile?.communityGalleryInfo?.publicNames?.[0] ?? '', /^ConfTest-[0-9a-f-]{36}$/);
  });

  it('direct-shared galleries, images and versions (sharedTo subscription and tenant)', async () => {
    const unique = `${PRODUCTION_SUBSCRIPTION_ID}-CONTOSO_SHARED`;
    assert.ok((await all(dev.sharedGalleries.list('eastus'))).some((x) => x.name === unique));
    const byTenant = await all(fabrikam.sharedGalleries.list('eastus', { sharedTo: 'tenant' }));
    assert.ok(byTenant.some((x) => x.name === unique));
    await dev.sharedGalleries.get('eastus', unique);
    await all(dev.sharedGalleryImages.list('eastus', unique));
    await dev.sharedGalleryImages.get('eastus', unique, 'rhel-9');
    await all(dev.sharedGalleryImageVersions.list('eastus', unique, 'rhel-9'));
    await dev.sharedGalleryImageVersions.get('eastus', unique, 'rhel-9', '9.4.0');
    const fromPartner = await all(prod.sharedGalleries.list('westus2'));
    assert.ok(fromPartner.some((x) => x.name === `${FABRIKAM_SUBSCRIPTION_ID}-FABRIKAM_PARTNER_IMAGES`));
    await prod.sharedGalleryInvites.gallerySharingAccept('eastus', FABRIKAM_SUBSCRIPTION_ID, 'fabrikam_partner_images', POLL);
    await prod.sharedGalleryInvites.gallerySharingReject('eastus', FABRIKAM_SUBSCRIPTION_ID, 'fabrikam_partner_images', POLL);
    await prod.tenantLevelSharedGalleryInvites.tenantLevelGallerySharingAccept('eastus', FABRIKAM_SUBSCRIPTION_ID, 'fabrikam_partner_images', POLL);
    await prod.tenantLevelSharedGalleryInvites.tenantLevelGallerySharingReject('eastus', FABRIKAM_SUBSCRIPTION_ID, 'fabrikam_partner_images', POLL);
  });

  it('community galleries, images and versions by public name', async () => {
    const gallery = await fabrikam.communityGalleries.get('eastus', DEMO_COMMUNITY_PUBLIC_NAME);
    assert.deepEqual(gallery.communityMetadata?.publicNames, [DEMO_COMMUNITY_PUBLIC_NAME]);
    const images = await all(fabrikam.communityGalleryImages.list('eastus', DEMO_COMMUNITY_PUBLIC_NAME));
    assert.deepEqual(images.map((i) => i.name), ['debian-12']);
    await fabrikam.communityGalleryImages.get('eastus', DEMO_COMMUNITY_PUBLIC_NAME, 'debian-12');
    await all(fabrikam.communityGalleryImageVersions.list('eastus', DEMO_COMMUNITY_PUBLIC_NAME, 'debian-12'));
    await fabrikam.communityGalleryImageVersions.get('eastus', DEMO_COMMUNITY_PUBLIC_NAME, 'debian-12', '1.0.0');
  });

  it('errors are CloudError bodies (404, 409 nested, 400 bad source)', async () => {
    await assert.rejects(prod.galleries.get(rg, 'no_such_gallery'), (e) => armCode(e).statusCode === 404);
    await assert.rejects(prod.galleries.delete(rg, g, POLL), (e) => armCode(e).statusCode === 409);
    await assert.rejects(
      prod.galleryImageVersions.createOrUpdate(rg, g, 'conf-image', '2.0.0', { location: 'westus2', storageProfile: { source: { id: sourceId } } }, POLL),
      (e) => armCode(e).statusCode === 400,
    );
  });

  it('deletes everything it created (LRO deletes)', async () => {
    await prod.galleryImageVersions.delete(rg, g, 'conf-image', '1.0.0', POLL);
    await prod.galleryImages.delete(rg, g, 'conf-image', POLL);
    await prod.galleryApplicationVersions.delete(rg, g, 'conf-app', '1.0.0', POLL);
    await prod.galleryApplications.delete(rg, g, 'conf-app', POLL);
    await prod.galleries.delete(rg, g, POLL);
    await prod.galleries.delete(rg, 'conf_groups', POLL);
    await prod.galleries.delete(rg, 'conf_community', POLL);
    await assert.rejects(prod.galleries.get(rg, g), (e) => armCode(e).statusCode === 404);
  });

  it('every recorded gallery pair validates against GalleryRP.json with oav (0 errors, 0 unmatched)', async () => {
    const pairs = emu.traffic.filter(isGalleryPair);
    const summary = await validateWithOav(pairs);
    const uncovered = summary.operationsInSpec.filter((o) => !summary.covered.has(o));
    console.log(
      `      oav: ${summary.pairs} pairs validated; ${summary.covered.size}/${summary.operationsInSpec.length} operations covered; ${summary.failures.length} errors` +
        (uncovered.length ? `; uncovered: ${uncovered.join(', ')}` : ''),
    );
    assert.ok(summary.operationsInSpec.length > 0, 'the spec loaded operations');
    assert.deepEqual(summary.failures, []);
    assert.deepEqual(uncovered, []);
  });

  it('oav is not blind: an unknown response property fails validation', async () => {
    const pair = emu.traffic.find((p) => p.liveRequest.method === 'GET' && /\/galleries\/contoso_shared\?/i.test(p.liveRequest.url));
    assert.ok(pair);
    const body = structuredClone(pair.liveResponse.body) as { properties: Record<string, unknown> };
    body.properties.notInTheSpec = true;
    const summary = await validateWithOav([{ ...pair, liveResponse: { ...pair.liveResponse, body: body as unknown as typeof pair.liveResponse.body } }]);
    assert.equal(summary.failures.length, 1);
  });
});
