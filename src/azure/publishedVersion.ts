// What an image version and a VM application version share, mapped once: where it is published
// (target regions, replicas, storage type, end of life, excluded from latest), how far it has
// replicated, and its safety profile's replicated-locations switch. Both kinds come from the same
// Azure shapes (GalleryArtifactPublishingProfileBase, ReplicationStatus), so one mapper serves both.
import type { GalleryArtifactPublishingProfileBase, ReplicationStatus, TargetRegion } from '@azure/arm-compute';
import type { PublishedVersion, TargetRegionSetting } from './types';

interface PublishedShape {
  id?: string;
  name?: string;
  location: string;
  provisioningState?: string;
  tags?: Record<string, string>;
  publishingProfile?: GalleryArtifactPublishingProfileBase;
  replicationStatus?: ReplicationStatus;
  safetyProfile?: { allowDeletionOfReplicatedLocations?: boolean };
}

/** The published fields of a version; `perRegion` adds what only one kind carries per region (an image's encryption). */
export function toPublishedVersion(v: PublishedShape, perRegion: (r: TargetRegion) => Partial<TargetRegionSetting> = () => ({})): PublishedVersion {
  const profile = v.publishingProfile;
  const replication = v.replicationStatus;
  return {
    id: v.id ?? '',
    name: v.name ?? '',
    location: v.location,
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
      ...perRegion(r),
    })),
    replication: replication
      ? {
          aggregatedState: replication.aggregatedState ?? 'Unknown',
          regions: (replication.summary ?? []).map((r) => ({ region: r.region ?? '', state: r.state ?? 'Unknown', progress: r.progress ?? 0, details: r.details })),
        }
      : undefined,
    allowDeletionOfReplicatedLocations: v.safetyProfile?.allowDeletionOfReplicatedLocations ?? false,
    tags: { ...(v.tags ?? {}) },
  };
}
