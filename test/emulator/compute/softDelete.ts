// Soft delete of image versions (GalleryRP.json 2025-12-03: Gallery `softDeletePolicy.isSoftDeleteEnabled`,
// `softdeletedartifacttypes/{artifactType}/artifacts/{artifactName}/versions`, the version's
// `restore` property; example GalleryImageVersion_Update_RestoreSoftDeleted: PATCH with
// `{"properties": {"restore": true, "storageProfile": {}}}`).
//
// Behaviour from "Soft Delete in Azure Compute Gallery (Preview)" (learn.microsoft.com/azure/
// virtual-machines/soft-delete-gallery): a version deleted in a gallery with soft delete stays
// recoverable for 7 days, then the platform deletes it for good; only images (not VM applications);
// "Deleting a gallery or image definition with Soft Deleted resources isn't supported." And
// Restore-AzGalleryImageVersion (Az.Compute): restoring is a write of the version at its original
// home region. The refusal's wording and the soft-deleted resource's own id and type are this local
// Azure's (no published example of either).
import { conflict } from '../arm/errors';
import type { Ctx } from '../http';
import type { JsonObject } from '../json';
import { asObject } from '../json';
import type { StoredResource } from '../state';
import { getResource, putResource } from '../state';

export const SOFT_DELETE_RETENTION_MS = 7 * 24 * 3600 * 1000;

export interface SoftDeleted {
  resource: StoredResource;
  deletedAt: string;
}

function store(ctx: Ctx): Record<string, SoftDeleted> {
  const all = (ctx.emu.state.softDeleted ??= {});
  // Past the retention the platform deletes them for good.
  for (const [k, v] of Object.entries(all)) if (Date.now() - Date.parse(v.deletedAt) > SOFT_DELETE_RETENTION_MS) delete all[k];
  return all;
}

function galleryIdOf(versionId: string): string {
  return versionId.split('/').slice(0, -4).join('/');
}

export function softDeleteEnabled(ctx: Ctx, galleryId: string): boolean {
  return asObject(getResource(ctx.emu.state, galleryId)?.properties.softDeletePolicy)?.isSoftDeleteEnabled === true;
}

/** A version being deleted in a gallery with soft delete is kept, recoverable, from now on. */
export function keepIfSoftDeleted(ctx: Ctx, version: StoredResource): void {
  if (!softDeleteEnabled(ctx, galleryIdOf(version.id))) return;
  store(ctx)[version.id.toLowerCase()] = { resource: structuredClone({ ...version, operationId: undefined, provisioningState: 'Succeeded' }), deletedAt: new Date().toISOString() };
}

/** The soft-deleted versions under a definition or a gallery (once their delete has finished). */
export function softDeletedUnder(ctx: Ctx, parentId: string): SoftDeleted[] {
  const prefix = `${parentId.toLowerCase()}/`;
  return Object.entries(store(ctx))
    .filter(([k]) => k.startsWith(prefix) && !getResource(ctx.emu.state, k))
    .map(([, v]) => v);
}

/** Deleting a definition or a gallery that still holds soft-deleted versions is refused. */
export function refuseWhileSoftDeleted(ctx: Ctx, resource: StoredResource, what: 'gallery' | 'gallery image'): void {
  const held = softDeletedUnder(ctx, resource.id);
  if (held.length === 0) return;
  throw conflict(
    'OperationNotAllowed',
    `The ${what} '${resource.name}' cannot be deleted while it holds soft-deleted image versions (${held.map((h) => h.resource.name).join(', ')}). Restore them, or wait until they are permanently deleted 7 days after their deletion.`,
  );
}

/**
 * A write with `properties.restore: true` of a version that is soft-deleted brings it back as it
 * was (the rest of the body applies on top, as any PATCH). Returns the restored resource, already
 * stored, or undefined when nothing is to be restored.
 */
export function restoreIfAsked(ctx: Ctx, id: string, body: JsonObject): StoredResource | undefined {
  const properties = asObject(body.properties);
  if (properties?.restore !== true) return undefined;
  const kept = store(ctx)[id.toLowerCase()];
  if (!kept || getResource(ctx.emu.state, id)) return undefined;
  // `restore` is an instruction for this one request, not a property of the version.
  delete properties.restore;
  delete store(ctx)[id.toLowerCase()];
  const resource = structuredClone(kept.resource);
  putResource(ctx.emu.state, resource);
  return resource;
}

/** GallerySoftDeletedResource: a TrackedResource whose properties name the deleted version. */
export function renderSoftDeleted(galleryId: string, imageName: string, kept: SoftDeleted): JsonObject {
  return {
    id: `${galleryId}/softdeletedartifacttypes/Images/artifacts/${imageName}/versions/${kept.resource.name}`,
    name: kept.resource.name,
    type: 'Microsoft.Compute/galleries/softdeletedartifacttypes/artifacts/versions',
    location: kept.resource.location,
    ...(kept.resource.tags ? { tags: kept.resource.tags } : {}),
    properties: { resourceArmId: kept.resource.id, softDeletedArtifactType: 'Images', softDeletedTime: kept.deletedAt },
  };
}
