import { ArmError, invalidParameter } from '../arm/errors';
import { GALLERY_API_VERSIONS } from '../arm/apiVersions';
import { attach, lroHeaders, startOperation } from '../arm/lro';
import { page } from '../arm/paging';
import type { Emulator } from '../emulator';
import type { Ctx } from '../http';
import type { Json, JsonObject } from '../json';
import { asArray, asObject, compact, isObject } from '../json';
import type { EmulatorState, StoredResource } from '../state';
import { childrenOf, resourcesOfType } from '../state';
import { loadExisting } from './artifacts';
import type { Sharing, SharingGroup } from './galleries';
import { GALLERY_TYPE, galleryKind, setSharing, sharingOf, uniqueNameOf } from './galleries';
import { IMAGE_TYPE } from './images';
import { normalizeRegion } from './replication';
import { oneOf, requireObject } from './rules';
import { VERSION_TYPE } from './versions';
import { targetRegionNames } from './publishing';
import { renderSoftDeleted, softDeletedUnder } from './softDelete';

const OPERATIONS = ['Add', 'Remove', 'Reset', 'EnableCommunity'] as const;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseGroups(value: Json | undefined): SharingGroup[] {
  return (asArray(value) ?? []).filter(isObject).map((g, i) => {
    const type = oneOf(g.type, ['Subscriptions', 'AADTenants'] as const, `sharingUpdate.groups[${i}].type`, true)!;
    const ids = (asArray(g.ids) ?? []).filter((x): x is string => typeof x === 'string');
    for (const id of ids) if (!GUID.test(id)) throw invalidParameter(`The id '${id}' in sharingUpdate.groups[${i}].ids is not a valid ${type === 'Subscriptions' ? 'subscription' : 'tenant'} id.`, `sharingUpdate.groups[${i}].ids`);
    return { type, ids };
  });
}

function merge(into: SharingGroup[], add: SharingGroup[]): SharingGroup[] {
  const out = into.map((g) => ({ type: g.type, ids: [...g.ids] }));
  for (const g of add) {
    let target = out.find((x) => x.type === g.type);
    if (!target) out.push((target = { type: g.type, ids: [] }));
    for (const id of g.ids) if (!target.ids.some((x) => x.toLowerCase() === id.toLowerCase())) target.ids.push(id);
  }
  return out.filter((g) => g.ids.length > 0);
}

function subtract(from: SharingGroup[], remove: SharingGroup[]): SharingGroup[] {
  return from
    .map((g) => {
      const drop = new Set(remove.filter((r) => r.type === g.type).flatMap((r) => r.ids.map((x) => x.toLowerCase())));
      return { type: g.type, ids: g.ids.filter((id) => !drop.has(id.toLowerCase())) };
    })
    .filter((g) => g.ids.length > 0);
}

/** POST .../galleries/{g}/share: Add / Remove / Reset / EnableCommunity. */
function share(ctx: Ctx) {
  const body = requireObject(ctx.body, 'sharingUpdate');
  const gallery = loadExisting(ctx, galleryKind);
  const operationType = oneOf(body.operationType, OPERATIONS, 'sharingUpdate.operationType', true)!;
  const groups = parseGroups(body.groups);
  const current: Sharing = sharingOf(gallery);
  let next: Sharing;
  switch (operationType) {
    case 'Add':
    case 'Remove':
      if (current.permissions !== 'Groups') {
        throw invalidParameter(
          `The gallery '${gallery.name}' has sharing permission '${current.permissions}'. Groups can be added or removed only when sharingProfile.permissions is 'Groups'.`,
          'sharingUpdate.operationType',
        );
      }
      if (groups.length === 0 || groups.every((g) => g.ids.length === 0)) {
        throw invalidParameter(`Required parameter 'sharingUpdate.groups' is missing (null).`, 'sharingUpdate.groups');
      }
      next = { ...current, groups: operationType === 'Add' ? merge(current.groups, groups) : subtract(current.groups, groups) };
      break;
    case 'Reset':
      next = { permissions: 'Private', groups: [] };
      break;
    case 'EnableCommunity':
      if (current.permissions !== 'Community' || !current.community) {
        throw invalidParameter(
          `Community sharing can be enabled only on a gallery created with sharingProfile.permissions 'Community' and sharingProfile.communityGalleryInfo (publisherUri, publisherContact, eula, publicNamePrefix).`,
          'sharingProfile.communityGalleryInfo',
        );
      }
      next = { ...current, community: { ...current.community, communityGalleryEnabled: true } };
      break;
  }
  setSharing(gallery, next);
  const result = compact({ operationType, groups: groups.length > 0 ? groups.map((g): Json => ({ type: g.type, ids: g.ids })) : undefined });
  const op = startOperation(ctx.emu, {
    kind: 'action',
    resourceId: gallery.id,
    subscriptionId: ctx.params.subscriptionId,
    location: gallery.location,
    method: ctx.method,
    path: ctx.path,
    resultBody: result,
  });
  attach(gallery, op, 'Updating');
  return { status: 200, body: result, headers: lroHeaders(ctx.emu, op, ctx.query.get('api-version') ?? '2025-12-03', true) };
}

/** Where a gallery can be seen from: its own region and every region its versions replicate to. */
function regionsOf(ctx: Ctx, gallery: StoredResource): Set<string> {
  return regionsOfIn(ctx.emu.state, gallery);
}

function regionsOfIn(state: EmulatorState, gallery: StoredResource): Set<string> {
  const out = new Set([normalizeRegion(gallery.location)]);
  for (const image of childrenOf(state, gallery.id, IMAGE_TYPE)) {
    for (const v of childrenOf(state, image.id, VERSION_TYPE)) for (const r of targetRegionNames(v)) out.add(r);
  }
  return out;
}

function sharedWith(ctx: Ctx, gallery: StoredResource, mode: 'subscription' | 'tenant' | 'either'): boolean {
  const s = sharingOf(gallery);
  if (s.permissions !== 'Groups') return false;
  const sub = ctx.params.subscriptionId.toLowerCase();
  const tenant = ctx.caller?.tenantId.toLowerCase() ?? '';
  const toSub = s.groups.some((g) => g.type === 'Subscriptions' && g.ids.some((id) => id.toLowerCase() === sub));
  const toTenant = s.groups.some((g) => g.type === 'AADTenants' && g.ids.some((id) => id.toLowerCase() === tenant));
  return mode === 'subscription' ? toSub : mode === 'tenant' ? toTenant : toSub || toTenant;
}

function findShared(ctx: Ctx): StoredResource {
  const unique = ctx.params.galleryUniqueName.toLowerCase();
  const g = resourcesOfType(ctx.emu.state, GALLERY_TYPE).find((x) => uniqueNameOf(x).toLowerCase() === unique && sharedWith(ctx, x, 'either'));
  if (!g || !regionsOf(ctx, g).has(normalizeRegion(ctx.params.location))) {
    throw new ArmError(404, 'ResourceNotFound', `The shared gallery '${ctx.params.galleryUniqueName}' was not found in location '${ctx.params.location}', or it is not shared with subscription '${ctx.params.subscriptionId}'.`);
  }
  return g;
}

/** Whether a gallery is public: created for community sharing and the sharing enabled. */
function isPublic(g: StoredResource): boolean {
  const s = sharingOf(g);
  return s.permissions === 'Community' && s.community?.communityGalleryEnabled === true;
}

/** A community gallery's `communityMetadata`, as its GET and Resource Graph row carry it. */
function communityMetadata(g: StoredResource): JsonObject {
  const info = sharingOf(g).community ?? {};
  return compact({ publisherUri: info.publisherUri, publisherContact: info.publisherContact ?? '', eula: info.eula, publicNames: info.publicNames ?? [] });
}

/**
 * The rows of Resource Graph's `communitygalleryresources` table of type
 * `microsoft.compute/locations/communitygalleries`: one per public gallery and region it can be
 * seen in, `location` in lower case, and under `properties` the GET's properties plus its
 * `identifier` (the Azure CLI's `az sig list-community` reads `name`, `location`,
 * `properties.communityMetadata` and `properties.identifier.uniqueId` from them, and filters on
 * `location == '<region in lower case>'` "since the location data in table
 * communitygalleryresources is in lowercase": Azure/azure-cli
 * src/azure-cli/azure/cli/command_modules/vm/custom.py `sig_community_gallery_list`,
 * `_transform_community_gallery_list_output`; the table and its types:
 * https://learn.microsoft.com/azure/governance/resource-graph/reference/supported-tables-resources
 * "communitygalleryresources"). Public: not tied to the caller's subscriptions.
 */
export function communityGalleryRows(state: EmulatorState): JsonObject[] {
  const rows: JsonObject[] = [];
  for (const g of resourcesOfType(state, GALLERY_TYPE).filter(isPublic)) {
    const metadata = communityMetadata(g);
    for (const name of (asArray(metadata.publicNames) ?? []).map(String)) {
      for (const location of [...regionsOfIn(state, g)].sort()) {
        rows.push({
          // The row's id is the gallery's unique id (the extension reads name, location and properties).
          id: `/CommunityGalleries/${name}`,
          name,
          type: 'microsoft.compute/locations/communitygalleries',
          location,
          tenantId: '',
          kind: '',
          resourceGroup: '',
          subscriptionId: '',
          managedBy: '',
          sku: null,
          plan: null,
          properties: { identifier: { uniqueId: `/CommunityGalleries/${name}` }, communityMetadata: metadata, disclaimer: '', artifactTags: {} },
          tags: {},
          identity: null,
          zones: null,
          extendedLocation: null,
        });
      }
    }
  }
  return rows;
}

function findCommunity(ctx: Ctx): StoredResource {
  const wanted = ctx.params.publicGalleryName.toLowerCase();
  const g = resourcesOfType(ctx.emu.state, GALLERY_TYPE).find((x) => {
    const s = sharingOf(x);
    const names = (asArray(s.community?.publicNames) ?? []).map((n) => String(n).toLowerCase());
    return s.permissions === 'Community' && s.community?.communityGalleryEnabled === true && names.includes(wanted);
  });
  if (!g || !regionsOf(ctx, g).has(normalizeRegion(ctx.params.location))) {
    throw new ArmError(404, 'ResourceNotFound', `The community gallery '${ctx.params.publicGalleryName}' was not found in location '${ctx.params.location}'.`);
  }
  return g;
}

function childByName(ctx: Ctx, parent: StoredResource, type: string, name: string, what: string): StoredResource {
  const c = childrenOf(ctx.emu.state, parent.id, type).find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!c) throw new ArmError(404, 'ResourceNotFound', `The ${what} '${name}' was not found.`);
  return c;
}

function imageProperties(image: StoredResource, community: boolean): JsonObject {
  const p = image.properties;
  const out: JsonObject = compact({
    osType: p.osType,
    osState: p.osState,
    endOfLifeDate: p.endOfLifeDate,
    identifier: p.identifier,
    recommended: p.recommended,
    disallowed: p.disallowed,
    hyperVGeneration: p.hyperVGeneration,
    features: p.features,
    purchasePlan: p.purchasePlan,
    architecture: p.architecture,
    privacyStatementUri: p.privacyStatementUri,
    eula: p.eula,
  });
  if (community) out.disclaimer = '';
  out.artifactTags = {};
  return out;
}

function versionProperties(v: StoredResource, community: boolean): JsonObject {
  const pp = asObject(v.properties.publishingProfile) ?? {};
  const sp = asObject(v.properties.storageProfile) ?? {};
  const os = asObject(sp.osDiskImage);
  const storageProfile: JsonObject = { osDiskImage: compact({ diskSizeGB: os?.sizeInGB, hostCaching: os?.hostCaching }) };
  const data = (asArray(sp.dataDiskImages) ?? []).filter(isObject);
  if (data.length > 0) storageProfile.dataDiskImages = data.map((d): Json => compact({ diskSizeGB: d.sizeInGB, hostCaching: d.hostCaching, lun: d.lun }));
  const out: JsonObject = compact({
    publishedDate: pp.publishedDate,
    endOfLifeDate: pp.endOfLifeDate,
    excludeFromLatest: pp.excludeFromLatest ?? false,
    storageProfile,
  });
  if (community) out.disclaimer = '';
  out.artifactTags = {};
  return out;
}

/** Shared galleries and versions show only what finished publishing. */
const published = (v: StoredResource): boolean => v.provisioningState === 'Succeeded';

/** The gallery api-version that added `artifactTags` to shared galleries, images and versions. */
const ARTIFACT_TAGS_SINCE = '2022-08-03';

/**
 * A shared gallery / image / version as the requested api-version shapes it. Before 2022-08-03 there
 * is no `artifactTags`, and a shared gallery has no `properties` at all (see the 2022-03-03
 * SharedGallery_List example). az 2.45 lists shared galleries with 2022-03-03 and prints members its
 * model does not know, so answering the newest shape made `az sig list-shared` print a `properties`
 * block Azure does not send.
 */
function sharedBody(ctx: Ctx, name: string, location: string, uniqueId: string, properties: JsonObject): JsonObject {
  const body: JsonObject = { name, location: normalizeRegion(location), identifier: { uniqueId } };
  const props: JsonObject = { ...properties };
  // ISO dates compare as strings.
  if ((ctx.query.get('api-version') ?? ARTIFACT_TAGS_SINCE) < ARTIFACT_TAGS_SINCE) delete props.artifactTags;
  if (Object.keys(props).length > 0) body.properties = props;
  return body;
}

function communityBody(name: string, location: string, type: string, uniqueId: string, properties: JsonObject): JsonObject {
  return { name, location: normalizeRegion(location), type, identifier: { uniqueId }, properties };
}

export function registerSharing(emu: Emulator): void {
  const r = emu.router;
  const opts = (typeName: string, action: string) => ({ auth: 'arm' as const, family: 'provider' as const, apiVersions: GALLERY_API_VERSIONS, typeName, action });
  r.add('POST', `${galleryKind.template}/share`, opts('galleries/share', 'Microsoft.Compute/galleries/share/action'), share);

  const sharedBase = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/sharedGalleries';
  const read = 'Microsoft.Compute/locations/sharedGalleries/read';
  r.add('GET', sharedBase, opts('locations/sharedGalleries', read), (ctx) => {
    const mode = ctx.query.get('sharedTo')?.toLowerCase() === 'tenant' ? 'tenant' : 'subscription';
    const loc = normalizeRegion(ctx.params.location);
    const items = resourcesOfType(ctx.emu.state, GALLERY_TYPE)
      .filter((g) => sharedWith(ctx, g, mode) && regionsOf(ctx, g).has(loc))
      .map((g) => sharedBody(ctx, uniqueNameOf(g), loc, `/SharedGalleries/${uniqueNameOf(g)}`, { artifactTags: {} }));
    return { status: 200, body: page(ctx, items) };
  });
  r.add('GET', `${sharedBase}/{galleryUniqueName}`, opts('locations/sharedGalleries', read), (ctx) => {
    const g = findShared(ctx);
    return { status: 200, body: sharedBody(ctx, uniqueNameOf(g), ctx.params.location, `/SharedGalleries/${uniqueNameOf(g)}`, { artifactTags: {} }) };
  });
  r.add('GET', `${sharedBase}/{galleryUniqueName}/images`, opts('locations/sharedGalleries/images', read), (ctx) => {
    const g = findShared(ctx);
    const base = `/SharedGalleries/${uniqueNameOf(g)}/Images/`;
    const items = childrenOf(ctx.emu.state, g.id, IMAGE_TYPE).map((i) => sharedBody(ctx, i.name, ctx.params.location, base + i.name, imageProperties(i, false)));
    return { status: 200, body: page(ctx, items) };
  });
  r.add('GET', `${sharedBase}/{galleryUniqueName}/images/{galleryImageName}`, opts('locations/sharedGalleries/images', read), (ctx) => {
    const g = findShared(ctx);
    const i = childByName(ctx, g, IMAGE_TYPE, ctx.params.galleryImageName, 'shared gallery image');
    return { status: 200, body: sharedBody(ctx, i.name, ctx.params.location, `/SharedGalleries/${uniqueNameOf(g)}/Images/${i.name}`, imageProperties(i, false)) };
  });
  r.add('GET', `${sharedBase}/{galleryUniqueName}/images/{galleryImageName}/versions`, opts('locations/sharedGalleries/images/versions', read), (ctx) => {
    const g = findShared(ctx);
    const i = childByName(ctx, g, IMAGE_TYPE, ctx.params.galleryImageName, 'shared gallery image');
    const base = `/SharedGalleries/${uniqueNameOf(g)}/Images/${i.name}/Versions/`;
    const items = childrenOf(ctx.emu.state, i.id, VERSION_TYPE)
      .filter(published)
      .map((v) => sharedBody(ctx, v.name, ctx.params.location, base + v.name, versionProperties(v, false)));
    return { status: 200, body: page(ctx, items) };
  });
  r.add('GET', `${sharedBase}/{galleryUniqueName}/images/{galleryImageName}/versions/{galleryImageVersionName}`, opts('locations/sharedGalleries/images/versions', read), (ctx) => {
    const g = findShared(ctx);
    const i = childByName(ctx, g, IMAGE_TYPE, ctx.params.galleryImageName, 'shared gallery image');
    const v = childByName(ctx, i, VERSION_TYPE, ctx.params.galleryImageVersionName, 'shared gallery image version');
    return { status: 200, body: sharedBody(ctx, v.name, ctx.params.location, `/SharedGalleries/${uniqueNameOf(g)}/Images/${i.name}/Versions/${v.name}`, versionProperties(v, false)) };
  });

  const communityBase = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/communityGalleries/{publicGalleryName}';
  const cread = 'Microsoft.Compute/locations/communityGalleries/read';
  r.add('GET', communityBase, opts('locations/communityGalleries', cread), (ctx) => {
    const g = findCommunity(ctx);
    const info = sharingOf(g).community ?? {};
    const name = ctx.params.publicGalleryName;
    const metadata: JsonObject = compact({
      publisherUri: info.publisherUri,
      publisherContact: info.publisherContact ?? '',
      eula: info.eula,
      publicNames: info.publicNames ?? [],
    });
    return {
      status: 200,
      body: communityBody(name, ctx.params.location, 'Microsoft.Compute/Locations/CommunityGallery', `/CommunityGalleries/${name}`, {
        disclaimer: '',
        artifactTags: {},
        communityMetadata: metadata,
      }),
    };
  });
  r.add('GET', `${communityBase}/images`, opts('locations/communityGalleries/images', cread), (ctx) => {
    const g = findCommunity(ctx);
    const name = ctx.params.publicGalleryName;
    const items = childrenOf(ctx.emu.state, g.id, IMAGE_TYPE).map((i) =>
      communityBody(i.name, ctx.params.location, 'Microsoft.Compute/Locations/CommunityGalleryImage', `/CommunityGalleries/${name}/Images/${i.name}`, imageProperties(i, true)),
    );
    return { status: 200, body: page(ctx, items) };
  });
  r.add('GET', `${communityBase}/images/{galleryImageName}`, opts('locations/communityGalleries/images', cread), (ctx) => {
    const g = findCommunity(ctx);
    const i = childByName(ctx, g, IMAGE_TYPE, ctx.params.galleryImageName, 'community gallery image');
    const name = ctx.params.publicGalleryName;
    return {
      status: 200,
      body: communityBody(i.name, ctx.params.location, 'Microsoft.Compute/Locations/CommunityGalleryImage', `/CommunityGalleries/${name}/Images/${i.name}`, imageProperties(i, true)),
    };
  });
  r.add('GET', `${communityBase}/images/{galleryImageName}/versions`, opts('locations/communityGalleries/images/versions', cread), (ctx) => {
    const g = findCommunity(ctx);
    const i = childByName(ctx, g, IMAGE_TYPE, ctx.params.galleryImageName, 'community gallery image');
    const name = ctx.params.publicGalleryName;
    const items = childrenOf(ctx.emu.state, i.id, VERSION_TYPE)
      .filter(published)
      .map((v) =>
        communityBody(v.name, ctx.params.location, 'Microsoft.Compute/Locations/CommunityGalleryImageVersion', `/CommunityGalleries/${name}/Images/${i.name}/Versions/${v.name}`, versionProperties(v, true)),
      );
    return { status: 200, body: page(ctx, items) };
  });
  r.add('GET', `${communityBase}/images/{galleryImageName}/versions/{galleryImageVersionName}`, opts('locations/communityGalleries/images/versions', cread), (ctx) => {
    const g = findCommunity(ctx);
    const i = childByName(ctx, g, IMAGE_TYPE, ctx.params.galleryImageName, 'community gallery image');
    const v = childByName(ctx, i, VERSION_TYPE, ctx.params.galleryImageVersionName, 'community gallery image version');
    const name = ctx.params.publicGalleryName;
    return {
      status: 200,
      body: communityBody(v.name, ctx.params.location, 'Microsoft.Compute/Locations/CommunityGalleryImageVersion', `/CommunityGalleries/${name}/Images/${i.name}/Versions/${v.name}`, versionProperties(v, true)),
    };
  });

  // Invitations to tenant-level sharing: accepted or rejected at once (nothing to wait for here).
  const invite = () => ({ status: 204 });
  r.add('POST', '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/sharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}/accept', opts('locations/sharedGallerySubscriptions', 'Microsoft.Compute/locations/sharedGallerySubscriptions/action'), invite);
  r.add('POST', '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/sharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}/reject', opts('locations/sharedGallerySubscriptions', 'Microsoft.Compute/locations/sharedGallerySubscriptions/action'), invite);
  r.add('POST', '/providers/Microsoft.Compute/locations/{location}/tenantLevelSharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}/accept', opts('locations/tenantLevelSharedGallerySubscriptions', 'action'), invite);
  r.add('POST', '/providers/Microsoft.Compute/locations/{location}/tenantLevelSharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}/reject', opts('locations/tenantLevelSharedGallerySubscriptions', 'action'), invite);

  // The soft-deleted versions of one image (compute/softDelete.ts); only images can be soft-deleted.
  r.add('GET', `${galleryKind.template}/softdeletedartifacttypes/{artifactType}/artifacts/{artifactName}/versions`, opts('galleries/softdeletedartifacttypes', 'Microsoft.Compute/galleries/read'), (ctx) => {
    const gallery = loadExisting(ctx, galleryKind);
    if (ctx.params.artifactType.toLowerCase() !== 'images') return { status: 200, body: { value: [] } };
    const image = ctx.params.artifactName;
    const kept = softDeletedUnder(ctx, `${gallery.id}/images/${image}`).sort((a, b) => a.resource.name.localeCompare(b.resource.name));
    return { status: 200, body: page(ctx, kept.map((k) => renderSoftDeleted(gallery.id, image, k))) };
  });
}
