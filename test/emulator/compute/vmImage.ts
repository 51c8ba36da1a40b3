// The gallery image a VM's storageProfile.imageReference names, resolved as Azure resolves it for
// Virtual Machines - Create Or Update (ImageReference: `id` of a version or of a definition — its
// latest —, `sharedGalleryImageId`, or `communityGalleryImageId`;
// https://learn.microsoft.com/rest/api/compute/virtual-machines/create-or-update#imagereference):
// - the image must exist and have a finished version replicated to the VM's region, else 404
//   GalleryImageNotFound "The gallery image … is not available in <region> region. Please contact
//   image owner to replicate to this region, or change your requested region." (Azure's answer,
//   quoted in pulumi/pulumi-aws#5129 and confidential-containers/cloud-api-adaptor#1696;
//   "Azure Compute Gallery — Replication", https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#replication);
// - an image in another subscription by `id` needs read access to it: 403 LinkedAuthorizationFailed
//   ("Resolve errors — LinkedAuthorizationFailed", https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-linked-authorization-failed);
// - a direct-shared image must be shared with the VM's subscription or the caller's tenant, a
//   community image's gallery public ("Share using … direct shared / community gallery",
//   https://learn.microsoft.com/azure/virtual-machines/share-gallery-direct, …/share-gallery-community).
import { ArmError } from '../arm/errors';
import { canAccess } from '../access';
import type { Ctx } from '../http';
import type { JsonObject } from '../json';
import { asString } from '../json';
import type { StoredResource } from '../state';
import { childrenOf, getResource } from '../state';
import { securityTypeOf, type SecurityType } from './images';
import { targetRegionNames } from './publishing';
import { normalizeRegion } from './replication';
import { VERSION_TYPE } from './versions';
import { latestVersion, resolvePublished } from './versionSources';

export interface ResolvedImage {
  version: StoredResource;
  definition: StoredResource;
  osType: 'Linux' | 'Windows';
  osState: 'Generalized' | 'Specialized';
  hyperVGeneration: 'V1' | 'V2';
  architecture: 'x64' | 'Arm64';
  securityType: SecurityType;
}

const GALLERY_IMAGE = /^\/subscriptions\/([^/]+)\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+(\/versions\/[^/]+)?$/i;

export function resolveGalleryImage(ctx: Ctx, reference: JsonObject, location: string, vmId: string): ResolvedImage {
  const id = asString(reference.id);
  const shared = asString(reference.sharedGalleryImageId);
  const community = asString(reference.communityGalleryImageId);
  const named = id ?? shared ?? community;
  const notAvailable = () =>
    new ArmError(404, 'GalleryImageNotFound', `The gallery image ${named ?? '(none)'} is not available in ${location} region. Please contact image owner to replicate to this region, or change your requested region.`, 'imageReference');
  if ([id, shared, community].filter((x) => x !== undefined).length !== 1) {
    throw new ArmError(400, 'InvalidParameter', 'The image reference must name one image: id, sharedGalleryImageId or communityGalleryImageId (publisher/offer/sku images are not served by the local Azure).', 'imageReference');
  }
  let version: StoredResource | undefined;
  if (id) {
    const m = GALLERY_IMAGE.exec(id);
    if (!m) throw new ArmError(400, 'InvalidParameter', `The image reference id ${id} is not a gallery image or image version id (the local Azure makes VMs from gallery images only).`, 'imageReference.id');
    if (!canAccess(ctx, m[1]!) && ctx.caller) {
      throw new ArmError(403, 'LinkedAuthorizationFailed', `The client '${ctx.caller.objectId}' with object id '${ctx.caller.objectId}' has permission to perform action 'Microsoft.Compute/virtualMachines/write' on scope '${vmId}'; however, it does not have permission to perform action(s) 'Microsoft.Compute/galleries/images/versions/read' on the linked scope(s) '${id}' (respectively) or the linked scope(s) are invalid.`);
    }
    const r = getResource(ctx.emu.state, id);
    if (r && m[2]) version = r;
    else if (r) version = latestVersion(childrenOf(ctx.emu.state, r.id, VERSION_TYPE).filter((v) => v.provisioningState === 'Succeeded' && targetRegionNames(v).includes(location)));
  } else {
    const wrongKind = community ? !/^\/CommunityGalleries\//i.test(community) : !/^\/SharedGalleries\//i.test(shared!);
    if (!wrongKind) version = resolvePublished(ctx, (community ?? shared)!);
  }
  if (!version || version.provisioningState !== 'Succeeded' || !targetRegionNames(version).map(normalizeRegion).includes(location)) throw notAvailable();
  const definition = getResource(ctx.emu.state, version.id.split('/versions/')[0]!)!;
  const p = definition.properties;
  return {
    version,
    definition,
    osType: asString(p.osType) === 'Windows' ? 'Windows' : 'Linux',
    osState: asString(p.osState) === 'Specialized' ? 'Specialized' : 'Generalized',
    hyperVGeneration: asString(p.hyperVGeneration) === 'V2' ? 'V2' : 'V1',
    architecture: asString(p.architecture) === 'Arm64' ? 'Arm64' : 'x64',
    securityType: securityTypeOf(definition),
  };
}

