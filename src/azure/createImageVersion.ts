import type { ConfidentialVMEncryptionType, EdgeZoneStorageAccountType, GalleryImageVersion as SdkGalleryImageVersion, StorageAccountType } from '@azure/arm-compute';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions, ImageVersion } from './types';
import { getImageVersion } from './versions';
import type { NewDiskImageSource, NewExtendedLocation, NewImageVersion, NewRegionEncryption, NewTargetRegion } from './writeTypes';

/** A disk image's source as the API spells it: { id } for a disk or snapshot, { uri, storageAccountId } for a VHD. */
function diskImageSource(source: NewDiskImageSource): { id?: string; uri?: string; storageAccountId?: string } {
  return 'id' in source ? { id: source.id } : { uri: source.uri, storageAccountId: source.storageAccountId };
}

/** storageProfile: where each kind of source goes (GalleryRP.json 2025-12-03 GalleryImageVersionStorageProfile). */
function storageProfileOf(spec: NewImageVersion): NonNullable<SdkGalleryImageVersion['storageProfile']> {
  const { kind, id, storageAccountId } = spec.source;
  const dataDiskImages = spec.dataDisks?.length ? spec.dataDisks.map((d) => ({ lun: d.lun, source: diskImageSource(d.source) })) : undefined;
  switch (kind) {
    case 'disk':
    case 'snapshot':
      return { osDiskImage: { source: { id } }, ...(dataDiskImages ? { dataDiskImages } : {}) };
    case 'vhd':
      return { osDiskImage: { source: { uri: id, storageAccountId } }, ...(dataDiskImages ? { dataDiskImages } : {}) };
    case 'virtualMachine':
      return { source: { virtualMachineId: id } };
    case 'communityGalleryImageVersion':
      return { source: { communityGalleryImageId: id } };
    default:
      // Managed images, this tenant's gallery versions and directly-shared versions (/SharedGalleries/…).
      return { source: { id } };
  }
}

/** Only what was chosen: a region without its own storage type, exclusion or encryption leaves them to Azure. */
function targetRegionBody(r: NewTargetRegion) {
  return {
    name: r.name,
    regionalReplicaCount: r.regionalReplicaCount,
    ...(r.storageAccountType ? { storageAccountType: r.storageAccountType as StorageAccountType } : {}),
    ...(r.excludeFromLatest ? { excludeFromLatest: true } : {}),
    ...(r.encryption ? { encryption: encryptionBody(r.encryption) } : {}),
  };
}

/** A region's encryption as the API takes it (the confidential-VM members under osDiskImage.securityProfile). */
export function encryptionBody(e: NewRegionEncryption) {
  const os = e.osDiskImage;
  const securityProfile =
    os?.confidentialVMEncryptionType || os?.secureVMDiskEncryptionSetId
      ? {
          ...(os.confidentialVMEncryptionType ? { confidentialVMEncryptionType: os.confidentialVMEncryptionType as ConfidentialVMEncryptionType } : {}),
          ...(os.secureVMDiskEncryptionSetId ? { secureVMDiskEncryptionSetId: os.secureVMDiskEncryptionSetId } : {}),
        }
      : undefined;
  return {
    ...(os?.diskEncryptionSetId || securityProfile ? { osDiskImage: { ...(os?.diskEncryptionSetId ? { diskEncryptionSetId: os.diskEncryptionSetId } : {}), ...(securityProfile ? { securityProfile } : {}) } } : {}),
    ...(e.dataDiskImages?.length ? { dataDiskImages: e.dataDiskImages.map((d) => ({ lun: d.lun, diskEncryptionSetId: d.diskEncryptionSetId })) } : {}),
  };
}

function extendedLocationBody(l: NewExtendedLocation) {
  return {
    name: l.name,
    extendedLocation: { name: l.edgeZone, type: 'EdgeZone' as const },
    ...(l.replicas !== undefined ? { extendedLocationReplicaCount: l.replicas } : {}),
    ...(l.storageAccountType ? { storageAccountType: l.storageAccountType as EdgeZoneStorageAccountType } : {}),
    ...(l.encryption ? { encryption: encryptionBody(l.encryption) } : {}),
  };
}

/**
 * The body of PUT .../versions/{name}. Managed images and other gallery versions go in
 * storageProfile.source.id, a VM in storageProfile.source.virtualMachineId, a community version in
 * storageProfile.source.communityGalleryImageId, and a disk, snapshot or VHD in
 * storageProfile.osDiskImage.source (with data disks beside it), as the gallery API asks. No
 * storage type is sent unless one was chosen, so Azure applies its default.
 */
export function imageVersionBody(spec: NewImageVersion): SdkGalleryImageVersion {
  return {
    location: spec.location,
    ...(spec.tags && Object.keys(spec.tags).length > 0 ? { tags: { ...spec.tags } } : {}),
    storageProfile: storageProfileOf(spec),
    publishingProfile: {
      targetRegions: spec.targetRegions.map(targetRegionBody),
      replicaCount: spec.replicaCount,
      ...(spec.storageAccountType ? { storageAccountType: spec.storageAccountType as StorageAccountType } : {}),
      excludeFromLatest: spec.excludeFromLatest,
      ...(spec.endOfLifeDate ? { endOfLifeDate: spec.endOfLifeDate } : {}),
      ...(spec.replicationMode ? { replicationMode: spec.replicationMode } : {}),
      ...(spec.targetExtendedLocations?.length ? { targetExtendedLocations: spec.targetExtendedLocations.map(extendedLocationBody) } : {}),
    },
    ...(spec.safetyProfile && Object.values(spec.safetyProfile).some((v) => v !== undefined) ? { safetyProfile: spec.safetyProfile } : {}),
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
