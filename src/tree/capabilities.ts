// What a node can do for a command, whatever its kind. Commands ask for a capability
// (`hasImageReference(node)`) instead of testing each node class, so a new kind of node (a VM
// application, a deleted version) works with Copy Resource ID, Open in Portal, … by implementing
// the capability. No `vscode` import: the tree's look-up (findNode.ts) is tested in plain Node.
import type { SoftDeletedVersion } from '../azure/softDelete';
import type { AzureTarget, ExternalResource } from '../azure/types';
import { imageReferenceFor, parseArmId, type ArmResource, type ArmResourceKind, type GalleryImageReference } from '../model/armId';
import { portalResourceUrl } from '../model/portal';
import type { RegionRow } from '../model/regionReplication';
import type { ApplicationNode } from './nodes/applicationNode';
import type { ApplicationVersionNode } from './nodes/applicationVersionNode';
import type { GalleryNode } from './nodes/galleryNode';
import type { ImageDefinitionNode } from './nodes/imageDefinitionNode';
import type { ImageVersionNode } from './nodes/imageVersionNode';
import type { ExternalGalleryNode, ExternalImageNode, ExternalVersionNode } from './nodes/sharedNodes';
import type { SubscriptionNode } from './nodes/subscriptionNode';

/** Stands for one resource Azure names by id: own (ARM id), shared or community (unique id). */
export interface HasResourceId {
  readonly resourceId: string;
}

/** Its id parsed: the kind of resource and its names. */
export interface HasArmReference extends HasResourceId {
  armReference(): ArmResource;
}

/** A resource of a signed-in subscription (not one shared with it): ARM reads and writes it through `target`. */
export interface OwnResource extends HasArmReference {
  readonly target: AzureTarget;
}

/** A gallery, image or version shared with the caller or public: read through the shared-gallery APIs with `target`. */
export interface ExternalItem extends HasResourceId {
  readonly target: AzureTarget;
  externalResource(): ExternalResource;
}

export interface HasPortalLink {
  /** Undefined when the cloud has no portal URL. */
  portalLink(): string | undefined;
}

export interface HasImageReference {
  /** What a VM's `imageReference` takes to boot from it. */
  imageReference(): GalleryImageReference | undefined;
}

/** Its tags can change (Edit Tags): the node shows new ones at once and relists what listed it before. */
export interface Tagged {
  showTags(tags: Record<string, string>): void;
}

/** Children that arrive a page at a time ("Load more…"). */
export interface Paged {
  /** Azure has more than the pages loaded so far (known once the children are listed). */
  readonly hasMore: boolean;
  loadMore(): Promise<void>;
}

/** A node without an id of its own that holds resources by id ("Shared with me", "Community"). */
export interface HoldsIds {
  holds(resourceId: string): boolean;
}

const has = (node: unknown, member: string, type: string): boolean =>
  typeof node === 'object' && node !== null && typeof (node as Record<string, unknown>)[member] === type;

export function hasResourceId<N>(node: N): node is N & HasResourceId {
  return has(node, 'resourceId', 'string');
}

export function isExternalItem<N>(node: N): node is N & ExternalItem {
  return hasResourceId(node) && has(node, 'externalResource', 'function');
}

export function hasArmReference<N>(node: N): node is N & HasArmReference {
  return hasResourceId(node) && has(node, 'armReference', 'function');
}

const OWN_KINDS: ReadonlySet<ArmResourceKind> = new Set(['subscription', 'gallery', 'imageDefinition', 'imageVersion', 'galleryApplication', 'applicationVersion']);

/** A subscription, gallery, image definition, image version, VM application or application version of the signed-in subscriptions. */
export function isOwnResource<N>(node: N, kinds: readonly ArmResourceKind[] = [...OWN_KINDS]): node is N & OwnResource {
  if (!hasArmReference(node) || !has(node, 'target', 'object')) return false;
  const kind = node.armReference().kind;
  return OWN_KINDS.has(kind) && kinds.includes(kind);
}

export function hasPortalLink<N>(node: N): node is N & HasPortalLink {
  return has(node, 'portalLink', 'function');
}

export function hasImageReference<N>(node: N): node is N & HasImageReference {
  return has(node, 'imageReference', 'function');
}

export function isPaged<N>(node: N): node is N & Paged {
  return has(node, 'loadMore', 'function') && has(node, 'hasMore', 'boolean');
}

export function holdsIds<N>(node: N): node is N & HoldsIds {
  return has(node, 'holds', 'function');
}

/** The node of each kind of resource (the kind its id names). */
export interface NodeOfKind {
  subscription: SubscriptionNode;
  gallery: GalleryNode;
  imageDefinition: ImageDefinitionNode;
  imageVersion: ImageVersionNode;
  galleryApplication: ApplicationNode;
  applicationVersion: ApplicationVersionNode;
  sharedGallery: ExternalGalleryNode;
  communityGallery: ExternalGalleryNode;
  sharedImage: ExternalImageNode;
  communityImage: ExternalImageNode;
  sharedImageVersion: ExternalVersionNode;
  communityImageVersion: ExternalVersionNode;
}

/** A node of one of these kinds, told by the kind of resource its id names (not by its class). */
export function isNodeOf<K extends keyof NodeOfKind>(node: unknown, ...kinds: K[]): node is NodeOfKind[K] {
  return hasArmReference(node) && (kinds as readonly ArmResourceKind[]).includes(node.armReference().kind);
}

/** `isNodeOf` as a guard for filter() and splitArguments(). */
export function nodeOf<K extends keyof NodeOfKind>(...kinds: K[]): (node: unknown) => node is NodeOfKind[K] {
  return (node): node is NodeOfKind[K] => isNodeOf(node, ...kinds);
}

/** A target region of a version (a row under it, with no id of its own): the region and its version. */
export interface RegionOfVersion<P> {
  /** Normalized region name ("westus2"). */
  readonly region: string;
  readonly row: RegionRow;
  readonly parent: P;
}

/** A region row under a version of one of these kinds (Retry Region takes both). */
export function isRegionOf<N, K extends 'imageVersion' | 'applicationVersion'>(node: N, ...kinds: K[]): node is N & RegionOfVersion<NodeOfKind[K]> {
  return has(node, 'region', 'string') && has(node, 'row', 'object') && isNodeOf((node as { parent?: unknown }).parent, ...kinds);
}

/** A row that lists one kind of a gallery's children ("VM Applications"): a create of that kind runs on it as on its gallery. */
export interface GalleryGroup {
  readonly gallery: GalleryNode;
  readonly groups: ArmResourceKind;
}

export function isGalleryGroup<N>(node: N, kind: ArmResourceKind): node is N & GalleryGroup {
  return has(node, 'groups', 'string') && (node as { groups: string }).groups === kind && isNodeOf((node as { gallery?: unknown }).gallery, 'gallery');
}

/** A soft-deleted image version (under a gallery's Recently Deleted): what Restore brings back, in its gallery. */
export interface DeletedVersion {
  readonly deleted: SoftDeletedVersion;
  readonly gallery: GalleryNode;
}

export function isDeletedVersion<N>(node: N): node is N & DeletedVersion {
  return has(node, 'deleted', 'object') && isNodeOf((node as { gallery?: unknown }).gallery, 'gallery');
}

/** A resource id the nodes got from Azure, parsed; a malformed one is a bug, not user input. */
export function armReferenceOf(resourceId: string): ArmResource {
  const ref = parseArmId(resourceId);
  if (!ref) throw new Error(`Not a resource id Azure Compute Gallery knows: "${resourceId}".`);
  return ref;
}

/** The portal link of an own resource (the portal opens in the resource's directory). */
export function portalLinkOf(resourceId: string, target: AzureTarget): string | undefined {
  return target.cloud.portalUrl ? portalResourceUrl(resourceId, target.tenantId, target.cloud.portalUrl) : undefined;
}

/** The image reference of anything a VM boots from: definitions, versions, shared and community images. */
export function imageReferenceOf(node: HasArmReference): GalleryImageReference | undefined {
  return imageReferenceFor(node.armReference());
}
