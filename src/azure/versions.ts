import type { GalleryImageVersion } from '@azure/arm-compute';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions, ImageVersion, Page } from './types';

export function toImageVersion(v: GalleryImageVersion): ImageVersion {
  const id = v.id ?? '';
  const { subscriptionId, resourceGroup, gallery, image } = idParts(id);
  const profile = v.publishingProfile;
  const source = v.storageProfile?.source;
  const replication = v.replicationStatus;
  return {
    id,
    name: v.name ?? '',
    imageName: image,
    galleryName: gallery,
    resourceGroup,
    subscriptionId,
    location: v.location,
    tags: v.tags ?? {},
    provisioningState: v.provisioningState,
    excludeFromLatest: profile?.excludeFromLatest ?? false,
    endOfLifeDate: profile?.endOfLifeDate,
    publishedDate: profile?.publishedDate,
    replicaCount: profile?.replicaCount,
    storageAccountType: profile?.storageAccountType,
    targetRegions: (profile?.targetRegions ?? []).map((r) => ({
      name: r.name,
      regionalReplicaCount: r.regionalReplicaCount ?? profile?.replicaCount ?? 1,
      storageAccountType: r.storageAccountType ?? profile?.storageAccountType,
      excludeFromLatest: r.excludeFromLatest,
    })),
    sourceId: source?.id ?? source?.virtualMachineId ?? source?.communityGalleryImageId ?? v.storageProfile?.osDiskImage?.source?.id,
    replication: replication
      ? {
          aggregatedState: replication.aggregatedState ?? 'Unknown',
          regions: (replication.summary ?? []).map((r) => ({ region: r.region ?? '', state: r.state ?? 'Unknown', progress: r.progress ?? 0, details: r.details })),
        }
      : undefined,
    blockDeletionBeforeEndOfLife: v.safetyProfile?.blockDeletionBeforeEndOfLife ?? false,
  };
}

/**
 * One page of a definition's versions. Lists never carry replication status; ask for it only for
 * versions still in progress (getImageVersionReplication).
 */
export async function listImageVersionsPage(
  target: AzureTarget,
  resourceGroup: string,
  galleryName: string,
  imageName: string,
  continuationToken?: string,
  options: CallOptions = {},
): Promise<Page<ImageVersion>> {
  return azureCall(async () => {
    const pages = computeClient(target)
      .galleryImageVersions.listByGalleryImage(resourceGroup, galleryName, imageName, { abortSignal: options.abortSignal })
      .byPage(continuationToken ? { continuationToken } : undefined);
    const first = await pages.next();
    if (first.done) return { items: [] };
    return { items: first.value.map(toImageVersion), continuationToken: first.value.continuationToken };
  });
}

export async function getImageVersion(target: AzureTarget, id: string, withReplication: boolean, options: CallOptions = {}): Promise<ImageVersion> {
  const { resourceGroup, gallery, image, version } = idParts(id);
  return azureCall(async () =>
    toImageVersion(
      await computeClient(target).galleryImageVersions.get(resourceGroup, gallery, image, version, {
        ...(withReplication ? { expand: 'ReplicationStatus' } : {}),
        abortSignal: options.abortSignal,
      }),
    ),
  );
}
