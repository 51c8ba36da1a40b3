import * as crypto from 'node:crypto';
import { conflict, invalidParameter } from '../arm/errors';
import { GALLERY_API_VERSIONS } from '../arm/apiVersions';
import { page } from '../arm/paging';
import type { Emulator } from '../emulator';
import type { Ctx } from '../http';
import type { Json, JsonObject } from '../json';
import { asArray, asObject, asString, compact, isObject } from '../json';
import type { StoredResource } from '../state';
import { resourcesOfType } from '../state';
import type { ArtifactKind } from './artifacts';
import { envelope, registerArtifact } from './artifacts';
import { refuseWhileSoftDeleted } from './softDelete';
import { displayRegion } from './replication';
import { checkEmail, checkGalleryName, oneOf } from './rules';

export const GALLERY_TYPE = 'Microsoft.Compute/galleries';
const PERMISSIONS = ['Private', 'Groups', 'Community'] as const;
export type Permissions = (typeof PERMISSIONS)[number];

export interface SharingGroup {
  type: 'Subscriptions' | 'AADTenants';
  ids: string[];
}

/** What a gallery's stored sharingProfile says, normalized. */
export interface Sharing {
  permissions: Permissions;
  groups: SharingGroup[];
  community?: JsonObject;
}

export function sharingOf(gallery: StoredResource): Sharing {
  const sp = asObject(gallery.properties.sharingProfile);
  const permissions = (asString(sp?.permissions) as Permissions | undefined) ?? 'Private';
  const groups: SharingGroup[] = (asArray(sp?.groups) ?? []).filter(isObject).map((g) => ({
    type: g.type === 'AADTenants' ? 'AADTenants' : 'Subscriptions',
    ids: (asArray(g.ids) ?? []).filter((x): x is string => typeof x === 'string'),
  }));
  return { permissions, groups, community: asObject(sp?.communityGalleryInfo) };
}

function sharingJson(sharing: Sharing): JsonObject {
  const sp: JsonObject = { permissions: sharing.permissions };
  if (sharing.groups.length > 0) sp.groups = sharing.groups.map((g) => ({ type: g.type, ids: g.ids }));
  if (sharing.community) sp.communityGalleryInfo = sharing.community;
  return sp;
}

export function setSharing(gallery: StoredResource, sharing: Sharing): void {
  gallery.properties = { ...gallery.properties, sharingProfile: sharingJson(sharing) };
}

/** `{subscriptionId}-{GALLERYNAME}`: the name other subscriptions see a direct-shared gallery by. */
export function uniqueNameOf(gallery: StoredResource): string {
  const sub = gallery.id.split('/')[2];
  return `${sub}-${gallery.name.toUpperCase()}`;
}

export function checkCommunityInfo(info: JsonObject | undefined, before: JsonObject | undefined): JsonObject {
  const target = 'sharingProfile.communityGalleryInfo';
  if (!info) throw invalidParameter(`Required parameter '${target}' is missing (null). A community gallery needs publisherUri, publisherContact, eula and publicNamePrefix.`, target);
  for (const f of ['publisherUri', 'publisherContact', 'eula', 'publicNamePrefix']) {
    if (typeof info[f] !== 'string' || (info[f] as string).trim() === '') {
      throw invalidParameter(`Required parameter '${target}.${f}' is missing (null).`, `${target}.${f}`);
    }
  }
  const prefix = info.publicNamePrefix as string;
  if (!/^[A-Za-z0-9]{5,16}$/.test(prefix)) {
    throw invalidParameter(`The public name prefix '${prefix}' is invalid. It must be 5 to 16 letters or digits.`, `${target}.publicNamePrefix`);
  }
  // The publisher website and legal agreement are any non-empty text: the spec's own
  // CommunityGallery_Create example sends publisherUri "uri" and eula "eula". The e-mail format is
  // the extension's rule, stricter than real Azure may be (see rules.ts and the README). Only values
  // being set are checked, so that a gallery stored earlier can still be changed otherwise.
  const changed = (f: string) => before?.[f] !== info[f];
  if (changed('publisherContact')) checkEmail(info.publisherContact as string, `${target}.publisherContact`);
  return info;
}

export const galleryKind: ArtifactKind = {
  type: GALLERY_TYPE,
  typeName: 'galleries',
  bodyName: 'gallery',
  template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}',
  nameParam: 'galleryName',
  childTypes: [
    'Microsoft.Compute/galleries/images',
    'Microsoft.Compute/galleries/applications',
    'Microsoft.Compute/galleries/scripts',
    'Microsoft.Compute/galleries/inVMAccessControlProfiles',
  ],
  checkName: checkGalleryName,
  prepare({ ctx, name, properties, existing }) {
    if (!existing) {
      const sub = ctx.params.subscriptionId.toLowerCase();
      const clash = resourcesOfType(ctx.emu.state, GALLERY_TYPE, `/subscriptions/${sub}`).find((g) => g.name.toLowerCase() === name.toLowerCase());
      if (clash) {
        throw conflict('GalleryNameNotUnique', `The gallery name '${name}' is not unique within the subscription '${ctx.params.subscriptionId}'. Please pick another gallery name.`, 'galleryName');
      }
    }
    const out: JsonObject = {};
    if (properties.description !== undefined) out.description = properties.description;
    if (properties.softDeletePolicy !== undefined) out.softDeletePolicy = properties.softDeletePolicy;
    const given = asObject(properties.sharingProfile);
    // A gallery that never had a sharing profile does not get one from an unrelated update.
    const before = existing && asObject(existing.properties.sharingProfile) ? sharingOf(existing) : undefined;
    if (given || before) {
      const permissions = oneOf(given?.permissions, PERMISSIONS, 'sharingProfile.permissions', false) ?? before?.permissions ?? 'Private';
      const sharing: Sharing = { permissions, groups: before?.groups ?? [] };
      const info = asObject(given?.communityGalleryInfo) ?? before?.community;
      if (permissions === 'Community') {
        const checked = checkCommunityInfo(info, before?.community);
        const prefix = checked.publicNamePrefix as string;
        const oldNames = asArray(before?.community?.publicNames);
        sharing.community = compact({
          publisherUri: checked.publisherUri,
          publisherContact: checked.publisherContact,
          eula: checked.eula,
          publicNamePrefix: prefix,
          communityGalleryEnabled: before?.community?.communityGalleryEnabled ?? false,
          publicNames: oldNames && oldNames.length > 0 ? oldNames : [`${prefix}-${crypto.randomUUID()}`],
        });
      }
      out.sharingProfile = sharingJson(sharing);
    }
    return out;
  },
  extra(body, existing) {
    const identity = asObject(body.identity);
    if (!identity) return existing?.extra;
    const type = asString(identity.type) ?? 'None';
    const out: JsonObject = { type };
    if (type.includes('SystemAssigned')) {
      out.principalId = crypto.randomUUID();
      out.tenantId = crypto.randomUUID();
    }
    const uai = asObject(identity.userAssignedIdentities);
    if (uai && type.includes('UserAssigned')) {
      const ids: JsonObject = {};
      for (const k of Object.keys(uai)) ids[k] = { principalId: crypto.randomUUID(), clientId: crypto.randomUUID() };
      out.userAssignedIdentities = ids;
    }
    return { identity: out };
  },
  beforeDelete(ctx, resource) {
    refuseWhileSoftDeleted(ctx, resource, 'gallery');
  },
  render(ctx, r) {
    return renderGallery(ctx, r);
  },
};

export function renderGallery(ctx: Ctx, r: StoredResource): JsonObject {
  const props: JsonObject = {};
  if (r.properties.description !== undefined) props.description = r.properties.description;
  props.identifier = { uniqueName: uniqueNameOf(r) };
  props.provisioningState = r.provisioningState;
  const sharing = asObject(r.properties.sharingProfile) ? sharingOf(r) : undefined;
  if (sharing) {
    const showGroups = ctx.query.get('$select')?.toLowerCase() === 'permissions' || ctx.query.get('$expand')?.toLowerCase() === 'sharingprofile/groups';
    const sp: JsonObject = { permissions: sharing.permissions };
    if (showGroups && sharing.groups.length > 0) sp.groups = sharing.groups.map((g): Json => ({ type: g.type, ids: g.ids }));
    if (sharing.community) sp.communityGalleryInfo = sharing.community;
    props.sharingProfile = sp;
    if (sharing.permissions !== 'Private') {
      const busy = r.provisioningState === 'Updating';
      props.sharingStatus = {
        aggregatedState: busy ? 'InProgress' : 'Succeeded',
        summary: [{ region: displayRegion(r.location), state: busy ? 'InProgress' : 'Succeeded', details: '' }],
      };
    }
  }
  if (r.properties.softDeletePolicy !== undefined) props.softDeletePolicy = r.properties.softDeletePolicy;
  return envelope(r, props);
}

export function registerGalleries(emu: Emulator): void {
  registerArtifact(
    emu,
    galleryKind,
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries',
    'Microsoft.Compute/galleries',
  );
  emu.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/galleries',
    { auth: 'arm', family: 'provider', apiVersions: GALLERY_API_VERSIONS, typeName: 'galleries', action: 'Microsoft.Compute/galleries/read' },
    (ctx) => {
      const items = resourcesOfType(ctx.emu.state, GALLERY_TYPE, `/subscriptions/${ctx.params.subscriptionId}`);
      return { status: 200, body: page(ctx, items.map((g) => renderGallery(ctx, g))) };
    },
  );
}
