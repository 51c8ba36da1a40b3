import type { GalleryImageVersion as SdkGalleryImageVersion } from '@azure/arm-compute';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions, ImageVersion } from './types';
import { getImageVersion } from './versions';
import type { NewImageVersion } from './writeTypes';

/**
 * The body of PUT .../versions/{name}. Managed images and other gallery versions go in
 * storageProfile.source.id, a VM in storageProfile.source.virtualMachineId, and a disk or snapshot
 * in storageProfile.osDiskImage.source.id, as the gallery API asks.
 */
export function imageVersionBody(spec: NewImageVersion): SdkGalleryImageVersion {
  const { kind, id } = spec.source;
  const storageProfile =
    kind === 'disk' || kind === 'snapshot'
      ? { osDiskImage: { source: { id } } }
      : kind === 'virtualMachine'
        ? { source: { virtualMachineId: id } }
        : { source: { id } };
  return {
    location: spec.location,
    ...(spec.tags && Object.keys(spec.tags).length > 0 ? { tags: { ...spec.tags } } : {}),
    storageProfile,
    publishingProfile: {
      targetRegions: spec.targetRegions.map((r) => ({ name: r.name, regionalReplicaCount: r.regionalReplicaCount, storageAccountType: r.storageAccountType })),
      replicaCount: spec.replicaCount,
      storageAccountType: spec.storageAccountType,
      excludeFromLatest: spec.excludeFromLatest,
      ...(spec.endOfLifeDate ? { endOfLifeDate: spec.endOfLifeDate } : {}),
      ...(spec.replicationMode ? { replicationMode: spec.replicationMode } : {}),
    },
  };
}

/**
 * Sends the PUT and returns as soon as Azure accepted it, with the version as Azure now reports it
 * (Creating). Replication goes on in Azure: watch it with getImageVersion(..., true).
 */
export async function startImageVersion(
  target: AzureTarget,
  resourceGroup: string,
  galleryName: string,
  imageName: string,
  versionName: string,
  spec: NewImageVersion,
  options: CallOptions = {},
): Promise<ImageVersion> {
  const poller = computeClient(target).galleryImageVersions.createOrUpdate(resourceGroup, galleryName, imageName, versionName, imageVersionBody(spec), {
    abortSignal: options.abortSignal,
  });
  // Only the initial request: the poller is dropped, the caller watches the version itself (and
  // picks the watch up again after a window reload), so nothing here waits for replication.
  await azureCall(() => poller.submitted());
  const id = `/subscriptions/${target.subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/galleries/${galleryName}/images/${imageName}/versions/${versionName}`;
  return getImageVersion(target, id, true, options);
}

/** Every version name of a definition (all pages): for "unique in the definition" and the next patch. */
export async function listImageVersionNames(target: AzureTarget, resourceGroup: string, galleryName: string, imageName: string, options: CallOptions = {}): Promise<string[]> {
  return azureCall(async () => {
    const names: string[] = [];
    for await (const v of computeClient(target).galleryImageVersions.listByGalleryImage(resourceGroup, galleryName, imageName, { abortSignal: options.abortSignal })) {
      if (v.name) names.push(v.name);
    }
    return names;
  });
}
