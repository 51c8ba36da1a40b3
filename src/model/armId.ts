// ARM resource ids of everything the extension shows or uses as an image source, parsed into
// typed records and built back. Segment keywords ("resourceGroups", "providers",
// "Microsoft.Compute", "galleries", ...) are matched case-insensitively, as ARM does; names are
// kept exactly as given (ARM names are case-insensitive for lookup but case-preserving).
//
// Besides ordinary ids there are two families for galleries shared with the caller:
// - the ARM paths of the shared/community gallery APIs (GalleryRP.json 2025-12-03):
//   /subscriptions/{sub}/providers/Microsoft.Compute/locations/{loc}/sharedGalleries/{uniqueName}/images/{img}/versions/{ver}
//   /subscriptions/{sub}/providers/Microsoft.Compute/locations/{loc}/communityGalleries/{publicName}/images/{img}/versions/{ver}
// - the location-free unique ids those APIs return in `identifier.uniqueId`, and which a VM's
//   `imageReference.sharedGalleryImageId` / `communityGalleryImageId` take:
//   /SharedGalleries/{uniqueName}/Images/{img}/Versions/{ver}
//   /CommunityGalleries/{publicName}/Images/{img}/Versions/{ver}
//   (casing as Azure returns it and as the Azure CLI's is_shared_gallery_image_id /
//   is_community_gallery_image_id patterns expect; "latest" is accepted as the version).

export interface SubscriptionRef {
  kind: 'subscription';
  subscriptionId: string;
}
export interface ResourceGroupRef {
  kind: 'resourceGroup';
  subscriptionId: string;
  resourceGroupName: string;
}
export interface GalleryRef {
  kind: 'gallery';
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
}
export interface ImageDefinitionRef {
  kind: 'imageDefinition';
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  imageName: string;
}
export interface ImageVersionRef {
  kind: 'imageVersion';
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  imageName: string;
  versionName: string;
}
export interface GalleryApplicationRef {
  kind: 'galleryApplication';
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  applicationName: string;
}
export interface ApplicationVersionRef {
  kind: 'applicationVersion';
  subscriptionId: string;
  resourceGroupName: string;
  galleryName: string;
  applicationName: string;
  versionName: string;
}
/** Resources directly under Microsoft.Compute in a resource group that can be image sources. */
export interface ComputeResourceRef {
  kind: 'managedImage' | 'virtualMachine' | 'snapshot' | 'disk';
  subscriptionId: string;
  resourceGroupName: string;
  name: string;
}
/**
 * A gallery shared directly with the caller. With `subscriptionId` and `location` it is the ARM
 * path of the shared-gallery API; without them, the `/SharedGalleries/...` unique id.
 */
export interface SharedGalleryRef {
  kind: 'sharedGallery';
  uniqueName: string;
  subscriptionId?: string;
  location?: string;
}
export interface SharedImageRef extends Omit<SharedGalleryRef, 'kind'> {
  kind: 'sharedImage';
  imageName: string;
}
export interface SharedImageVersionRef extends Omit<SharedImageRef, 'kind'> {
  kind: 'sharedImageVersion';
  versionName: string;
}
/** A community (public) gallery; the same two forms as shared galleries. */
export interface CommunityGalleryRef {
  kind: 'communityGallery';
  publicName: string;
  subscriptionId?: string;
  location?: string;
}
export interface CommunityImageRef extends Omit<CommunityGalleryRef, 'kind'> {
  kind: 'communityImage';
  imageName: string;
}
export interface CommunityImageVersionRef extends Omit<CommunityImageRef, 'kind'> {
  kind: 'communityImageVersion';
  versionName: string;
}

export type ArmResource =
  | SubscriptionRef
  | ResourceGroupRef
  | GalleryRef
  | ImageDefinitionRef
  | ImageVersionRef
  | GalleryApplicationRef
  | ApplicationVersionRef
  | ComputeResourceRef
  | SharedGalleryRef
  | SharedImageRef
  | SharedImageVersionRef
  | CommunityGalleryRef
  | CommunityImageRef
  | CommunityImageVersionRef;

export type ArmResourceKind = ArmResource['kind'];

// Provider resource types directly in a resource group, by lower-cased ARM type segment.
const COMPUTE_TYPES: Record<string, ComputeResourceRef['kind']> = {
  images: 'managedImage',
  virtualmachines: 'virtualMachine',
  snapshots: 'snapshot',
  disks: 'disk',
};
const COMPUTE_TYPE_SEGMENT: Record<ComputeResourceRef['kind'], string> = {
  managedImage: 'images',
  virtualMachine: 'virtualMachines',
  snapshot: 'snapshots',
  disk: 'disks',
};

function is(segment: string | undefined, keyword: string): boolean {
  return segment !== undefined && segment.toLowerCase() === keyword.toLowerCase();
}

// Reads `images/{img}[/versions/{ver}]` after a shared or community gallery name.
function parseSharedTail(rest: string[]): { imageName?: string; versionName?: string } | undefined {
  if (rest.length === 0) return {};
  if (!is(rest[0], 'images') || rest.length < 2) return undefined;
  if (rest.length === 2) return { imageName: rest[1] };
  if (rest.length === 4 && is(rest[2], 'versions')) return { imageName: rest[1], versionName: rest[3] };
  return undefined;
}

function sharedOrCommunity(
  family: 'shared' | 'community',
  name: string,
  rest: string[],
  where: { subscriptionId?: string; location?: string },
): ArmResource | undefined {
  const tail = parseSharedTail(rest);
  if (!tail) return undefined;
  const scope = where.subscriptionId !== undefined ? { subscriptionId: where.subscriptionId, location: where.location } : {};
  if (family === 'shared') {
    const base = { uniqueName: name, ...scope };
    if (tail.imageName === undefined) return { kind: 'sharedGallery', ...base };
    if (tail.versionName === undefined) return { kind: 'sharedImage', ...base, imageName: tail.imageName };
    return { kind: 'sharedImageVersion', ...base, imageName: tail.imageName, versionName: tail.versionName };
  }
  const base = { publicName: name, ...scope };
  if (tail.imageName === undefined) return { kind: 'communityGallery', ...base };
  if (tail.versionName === undefined) return { kind: 'communityImage', ...base, imageName: tail.imageName };
  return { kind: 'communityImageVersion', ...base, imageName: tail.imageName, versionName: tail.versionName };
}

// Reads what follows /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/.
function parseComputeInGroup(subscriptionId: string, resourceGroupName: string, rest: string[]): ArmResource | undefined {
  const scope = { subscriptionId, resourceGroupName };
  const [type, name, child, childName, grandchild, grandchildName, ...extra] = rest;
  if (type === undefined || name === undefined || extra.length > 0) return undefined;
  const computeKind = COMPUTE_TYPES[type.toLowerCase()];
  if (computeKind !== undefined) return rest.length === 2 ? { kind: computeKind, ...scope, name } : undefined;
  if (!is(type, 'galleries')) return undefined;
  const gallery = { ...scope, galleryName: name };
  if (child === undefined) return { kind: 'gallery', ...gallery };
  if (childName === undefined) return undefined;
  if (is(child, 'images')) {
    if (grandchild === undefined) return { kind: 'imageDefinition', ...gallery, imageName: childName };
    if (is(grandchild, 'versions') && grandchildName !== undefined) {
      return { kind: 'imageVersion', ...gallery, imageName: childName, versionName: grandchildName };
    }
    return undefined;
  }
  if (is(child, 'applications')) {
    if (grandchild === undefined) return { kind: 'galleryApplication', ...gallery, applicationName: childName };
    if (is(grandchild, 'versions') && grandchildName !== undefined) {
      return { kind: 'applicationVersion', ...gallery, applicationName: childName, versionName: grandchildName };
    }
  }
  return undefined;
}

/**
 * Parses an ARM id (or a /SharedGalleries/... or /CommunityGalleries/... unique id) into a typed
 * record; undefined for anything else, including ids of resource types this module does not know.
 * Surrounding whitespace and one trailing slash are tolerated, as pasted ids often carry them.
 */
export function parseArmId(id: string): ArmResource | undefined {
  let text = id.trim();
  if (text.length > 1 && text.endsWith('/')) text = text.slice(0, -1);
  if (!text.startsWith('/')) return undefined;
  const s = text.slice(1).split('/');
  if (s.some((segment) => segment.length === 0)) return undefined;

  if (is(s[0], 'SharedGalleries') && s[1] !== undefined) return sharedOrCommunity('shared', s[1], s.slice(2), {});
  if (is(s[0], 'CommunityGalleries') && s[1] !== undefined) return sharedOrCommunity('community', s[1], s.slice(2), {});
  if (!is(s[0], 'subscriptions') || s[1] === undefined) return undefined;
  const subscriptionId = s[1];
  if (s.length === 2) return { kind: 'subscription', subscriptionId };

  // Subscription-level: /providers/Microsoft.Compute/locations/{loc}/(shared|community)Galleries/{name}/...
  if (is(s[2], 'providers')) {
    if (!is(s[3], 'Microsoft.Compute') || !is(s[4], 'locations') || s[5] === undefined || s[7] === undefined) return undefined;
    const where = { subscriptionId, location: s[5] };
    if (is(s[6], 'sharedGalleries')) return sharedOrCommunity('shared', s[7], s.slice(8), where);
    if (is(s[6], 'communityGalleries')) return sharedOrCommunity('community', s[7], s.slice(8), where);
    return undefined;
  }

  if (!is(s[2], 'resourceGroups') || s[3] === undefined) return undefined;
  const resourceGroupName = s[3];
  if (s.length === 4) return { kind: 'resourceGroup', subscriptionId, resourceGroupName };
  if (!is(s[4], 'providers') || !is(s[5], 'Microsoft.Compute')) return undefined;
  return parseComputeInGroup(subscriptionId, resourceGroupName, s.slice(6));
}

// A name that would change the shape of the id is a programming error, not user input.
function seg(value: string | undefined, field: string): string {
  if (value === undefined || value.length === 0 || value.includes('/')) {
    throw new Error(`Cannot build an ARM id: ${field} ${value === undefined ? 'is missing' : `"${value}" is not a single path segment`}.`);
  }
  return value;
}

const EXTERNAL_COLLECTIONS = {
  shared: { arm: 'sharedGalleries', unique: 'SharedGalleries' },
  community: { arm: 'communityGalleries', unique: 'CommunityGalleries' },
} as const;

/** A shared or community gallery, image or version: ARM's form when it has a subscription or location, else the unique-id form. */
function externalPath(r: { subscriptionId?: string; location?: string; imageName?: string; versionName?: string }, family: keyof typeof EXTERNAL_COLLECTIONS, name: string): string {
  const armForm = r.subscriptionId !== undefined || r.location !== undefined;
  const { arm, unique } = EXTERNAL_COLLECTIONS[family];
  let id = armForm ? `/subscriptions/${seg(r.subscriptionId, 'subscriptionId')}/providers/Microsoft.Compute/locations/${seg(r.location, 'location')}/${arm}/${name}` : `/${unique}/${name}`;
  if (r.imageName !== undefined) id += `/${armForm ? 'images' : 'Images'}/${seg(r.imageName, 'imageName')}`;
  if (r.versionName !== undefined) id += `/${armForm ? 'versions' : 'Versions'}/${seg(r.versionName, 'versionName')}`;
  return id;
}

/** Builds the id of a parsed or hand-made record; throws if a name is empty or contains '/'. */
export function buildArmId(r: ArmResource): string {
  switch (r.kind) {
    case 'sharedGallery':
    case 'sharedImage':
    case 'sharedImageVersion':
      return externalPath(r, 'shared', seg(r.uniqueName, 'uniqueName'));
    case 'communityGallery':
    case 'communityImage':
    case 'communityImageVersion':
      return externalPath(r, 'community', seg(r.publicName, 'publicName'));
    case 'subscription':
      return `/subscriptions/${seg(r.subscriptionId, 'subscriptionId')}`;
    default:
      break;
  }
  const group = `/subscriptions/${seg(r.subscriptionId, 'subscriptionId')}/resourceGroups/${seg(r.resourceGroupName, 'resourceGroupName')}`;
  if (r.kind === 'resourceGroup') return group;
  const compute = `${group}/providers/Microsoft.Compute`;
  switch (r.kind) {
    case 'managedImage':
    case 'virtualMachine':
    case 'snapshot':
    case 'disk':
      return `${compute}/${COMPUTE_TYPE_SEGMENT[r.kind]}/${seg(r.name, 'name')}`;
    default:
      break;
  }
  const gallery = `${compute}/galleries/${seg(r.galleryName, 'galleryName')}`;
  switch (r.kind) {
    case 'gallery':
      return gallery;
    case 'imageDefinition':
      return `${gallery}/images/${seg(r.imageName, 'imageName')}`;
    case 'imageVersion':
      return `${gallery}/images/${seg(r.imageName, 'imageName')}/versions/${seg(r.versionName, 'versionName')}`;
    case 'galleryApplication':
      return `${gallery}/applications/${seg(r.applicationName, 'applicationName')}`;
    case 'applicationVersion':
      return `${gallery}/applications/${seg(r.applicationName, 'applicationName')}/versions/${seg(r.versionName, 'versionName')}`;
  }
}

// Convenience builders: one per kind, taking the record without its `kind`.
type Fields<K extends ArmResourceKind> = Omit<Extract<ArmResource, { kind: K }>, 'kind'>;

export const subscriptionArmId = (f: Fields<'subscription'>): string => buildArmId({ kind: 'subscription', ...f });
export const resourceGroupArmId = (f: Fields<'resourceGroup'>): string => buildArmId({ kind: 'resourceGroup', ...f });
export const galleryArmId = (f: Fields<'gallery'>): string => buildArmId({ kind: 'gallery', ...f });
export const imageDefinitionArmId = (f: Fields<'imageDefinition'>): string => buildArmId({ kind: 'imageDefinition', ...f });
export const imageVersionArmId = (f: Fields<'imageVersion'>): string => buildArmId({ kind: 'imageVersion', ...f });
export const galleryApplicationArmId = (f: Fields<'galleryApplication'>): string =>
  buildArmId({ kind: 'galleryApplication', ...f });
export const applicationVersionArmId = (f: Fields<'applicationVersion'>): string =>
  buildArmId({ kind: 'applicationVersion', ...f });
export const managedImageArmId = (f: Omit<ComputeResourceRef, 'kind'>): string => buildArmId({ kind: 'managedImage', ...f });
export const virtualMachineArmId = (f: Omit<ComputeResourceRef, 'kind'>): string => buildArmId({ kind: 'virtualMachine', ...f });
export const snapshotArmId = (f: Omit<ComputeResourceRef, 'kind'>): string => buildArmId({ kind: 'snapshot', ...f });
export const diskArmId = (f: Omit<ComputeResourceRef, 'kind'>): string => buildArmId({ kind: 'disk', ...f });
export const sharedGalleryArmId = (f: Fields<'sharedGallery'>): string => buildArmId({ kind: 'sharedGallery', ...f });
export const sharedImageArmId = (f: Fields<'sharedImage'>): string => buildArmId({ kind: 'sharedImage', ...f });
export const sharedImageVersionArmId = (f: Fields<'sharedImageVersion'>): string =>
  buildArmId({ kind: 'sharedImageVersion', ...f });
export const communityGalleryArmId = (f: Fields<'communityGallery'>): string => buildArmId({ kind: 'communityGallery', ...f });
export const communityImageArmId = (f: Fields<'communityImage'>): string => buildArmId({ kind: 'communityImage', ...f });
export const communityImageVersionArmId = (f: Fields<'communityImageVersion'>): string =>
  buildArmId({ kind: 'communityImageVersion', ...f });

/** The resource one level up (version → definition → gallery → group → subscription), if any. */
export function parentArmResource(r: ArmResource): ArmResource | undefined {
  switch (r.kind) {
    case 'subscription':
      return undefined;
    case 'resourceGroup':
      return { kind: 'subscription', subscriptionId: r.subscriptionId };
    case 'gallery':
    case 'managedImage':
    case 'virtualMachine':
    case 'snapshot':
    case 'disk':
      return { kind: 'resourceGroup', subscriptionId: r.subscriptionId, resourceGroupName: r.resourceGroupName };
    case 'imageDefinition':
    case 'galleryApplication': {
      const { subscriptionId, resourceGroupName, galleryName } = r;
      return { kind: 'gallery', subscriptionId, resourceGroupName, galleryName };
    }
    case 'imageVersion': {
      const { subscriptionId, resourceGroupName, galleryName, imageName } = r;
      return { kind: 'imageDefinition', subscriptionId, resourceGroupName, galleryName, imageName };
    }
    case 'applicationVersion': {
      const { subscriptionId, resourceGroupName, galleryName, applicationName } = r;
      return { kind: 'galleryApplication', subscriptionId, resourceGroupName, galleryName, applicationName };
    }
    case 'sharedGallery':
    case 'communityGallery':
      return undefined;
    case 'sharedImage': {
      const { imageName: _image, ...rest } = r;
      return { ...rest, kind: 'sharedGallery' };
    }
    case 'sharedImageVersion': {
      const { versionName: _version, ...rest } = r;
      return { ...rest, kind: 'sharedImage' };
    }
    case 'communityImage': {
      const { imageName: _image, ...rest } = r;
      return { ...rest, kind: 'communityGallery' };
    }
    case 'communityImageVersion': {
      const { versionName: _version, ...rest } = r;
      return { ...rest, kind: 'communityImage' };
    }
  }
}

/** ARM ids compare case-insensitively (and a trailing slash does not matter). */
export function sameArmId(a: string, b: string): boolean {
  const norm = (s: string): string => s.trim().replace(/\/$/, '').toLowerCase();
  return norm(a) === norm(b);
}

/** What a VM's `imageReference` carries to boot from a gallery image: exactly one of these. */
export type GalleryImageReference = { id: string } | { sharedGalleryImageId: string } | { communityGalleryImageId: string };

/**
 * The image reference a VM would use for this resource: the ARM `id` for a private gallery image
 * version, a definition (meaning its latest version) or a managed image; the
 * `/SharedGalleries/...` or `/CommunityGalleries/...` unique id for shared and community images
 * (an image without a version means "latest"). Undefined for things a VM cannot boot from.
 */
export function imageReferenceFor(r: ArmResource): GalleryImageReference | undefined {
  switch (r.kind) {
    case 'imageVersion':
    case 'imageDefinition':
    case 'managedImage':
      return { id: buildArmId(r) };
    case 'sharedImage':
    case 'sharedImageVersion':
      return {
        sharedGalleryImageId: buildArmId({
          kind: 'sharedImageVersion',
          uniqueName: r.uniqueName,
          imageName: r.imageName,
          versionName: r.kind === 'sharedImageVersion' ? r.versionName : 'latest',
        }),
      };
    case 'communityImage':
    case 'communityImageVersion':
      return {
        communityGalleryImageId: buildArmId({
          kind: 'communityImageVersion',
          publicName: r.publicName,
          imageName: r.imageName,
          versionName: r.kind === 'communityImageVersion' ? r.versionName : 'latest',
        }),
      };
    default:
      return undefined;
  }
}
