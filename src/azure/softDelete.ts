// Soft delete in a gallery (GalleryRP.json 2025-12-03: `softDeletePolicy`, the
// `softdeletedartifacttypes` list, the version's `restore`): the versions deleted from a definition
// that can still be restored, and restoring one. "Soft Delete in Azure Compute Gallery (Preview)"
// (learn.microsoft.com/azure/virtual-machines/soft-delete-gallery): deleted versions stay
// recoverable for 7 days; only images; a gallery or definition holding them cannot be deleted.
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import { rawBody } from './rawBody';
import { lroPolling } from './sharing';
import type { AzureTarget, CallOptions } from './types';
import { getImageVersion } from './versions';
import type { ImageVersion } from './types';
import type { LroOptions } from './writeTypes';

/** How long Azure keeps a soft-deleted version before deleting it for good (Microsoft Learn, above). */
export const SOFT_DELETE_RETENTION_DAYS = 7;

export interface SoftDeletedVersion {
  /** The version's own resource id (what it had before it was deleted, and has again once restored). */
  versionId: string;
  name: string;
  imageName: string;
  location: string;
  deletedAt?: Date;
  /** When Azure deletes it for good: 7 days after its deletion. */
  purgedAfter?: Date;
}

/** The soft-deleted versions of one image definition (paged; an empty list when there are none). */
export async function listSoftDeletedVersions(target: AzureTarget, resourceGroup: string, gallery: string, image: string, options: CallOptions = {}): Promise<SoftDeletedVersion[]> {
  return azureCall(async () => {
    const out: SoftDeletedVersion[] = [];
    for await (const r of computeClient(target).softDeletedResource.listByArtifactName(resourceGroup, gallery, 'Images', image, { abortSignal: options.abortSignal })) {
      const deletedAt = r.softDeletedTime ? new Date(r.softDeletedTime) : undefined;
      const valid = deletedAt && !Number.isNaN(deletedAt.getTime()) ? deletedAt : undefined;
      const versionId = r.resourceArmId ?? '';
      out.push({
        versionId,
        name: r.name ?? versionId.split('/').pop() ?? '',
        imageName: image,
        location: r.location,
        deletedAt: valid,
        purgedAfter: valid ? new Date(valid.getTime() + SOFT_DELETE_RETENTION_DAYS * 24 * 3600 * 1000) : undefined,
      });
    }
    return out;
  });
}

/**
 * Restores a soft-deleted version: a PATCH of the version with `restore: true` (the spec's example
 * GalleryImageVersion_Update_RestoreSoftDeleted sends an empty storageProfile beside it), and waits
 * until Azure reports it done. The version comes back where it was (Restore-AzGalleryImageVersion:
 * its original home region).
 */
export async function restoreImageVersion(target: AzureTarget, resourceGroup: string, gallery: string, image: string, version: string, options: LroOptions = {}): Promise<ImageVersion> {
  const body = { properties: { restore: true, storageProfile: {} } };
  await azureCall(async () => {
    await { poller: computeClient(target).galleryImageVersions.update(resourceGroup, gallery, image, version, {}, { ...lroPolling(options), ...rawBody(body) }) }.poller;
  });
  const { subscriptionId } = target;
  return getImageVersion(target, `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/galleries/${gallery}/images/${image}/versions/${version}`, true, options);
}
