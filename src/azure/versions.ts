import type { EncryptionImages, GalleryDiskImage, GalleryImageVersion } from '@azure/arm-compute';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import { toPublishedVersion } from './publishedVersion';
import type { AzureTarget, CallOptions, ImageVersion, Page, RegionEncryption, VersionDiskImage } from './types';

function toDiskImage(d: GalleryDiskImage & { lun?: number }): VersionDiskImage {
  return { lun: d.lun, sizeInGB: d.sizeInGB, hostCaching: d.hostCaching, source: d.source?.id ?? d.source?.uri };
}

function toEncryption(e: EncryptionImages | undefined): RegionEncryption | undefined {
  if (!e) return undefined;
  const os = e.osDiskImage;
  return {
    osDiskEncryptionSetId: os?.diskEncryptionSetId,
    confidentialVmEncryptionType: os?.securityProfile?.confidentialVMEncryptionType,
    secureVmDiskEncryptionSetId: os?.securityProfile?.secureVMDiskEncryptionSetId,
    dataDisks: (e.dataDiskImages ?? []).map((d) => ({ lun: d.lun, diskEncryptionSetId: d.diskEncryptionSetId })),
  };
}

export function toImageVersion(v: GalleryImageVersion): ImageVersion {
  const published = toPublishedVersion(v, (r) => ({ encryption: toEncryption(r.encryption) }));
  const { subscriptionId, resourceGroup, gallery, image } = idParts(published.id);
  const source = v.storageProfile?.source;
  return {
    ...published,
    imageName: image,
    galleryName: gallery,
    resourceGroup,
    subscriptionId,
    sourceId:
      source?.id ?? source?.virtualMachineId ?? source?.communityGalleryImageId ?? v.storageProfile?.osDiskImage?.source?.id ?? v.storageProfile?.osDiskImage?.source?.uri,
    blockDeletionBeforeEndOfLife: v.safetyProfile?.blockDeletionBeforeEndOfLife ?? false,
    osDiskImage: v.storageProfile?.osDiskImage ? toDiskImage(v.storageProfile.osDiskImage) : undefined,
    dataDiskImages: (v.storageProfile?.dataDiskImages ?? []).map(toDiskImage),
    extendedLocations: (v.publishingProfile?.targetExtendedLocations ?? []).map((l) => `${l.name ?? ''}/${l.extendedLocation?.name ?? ''}`),
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

/**
 * The version in the project's terms and, from the same response, Azure's own JSON (what an
 * update merges into and compares with): one GET instead of two.
 */
export async function getImageVersionAndJson(target: AzureTarget, id: string, options: CallOptions = {}): Promise<{ version: ImageVersion; json: unknown }> {
  const { resourceGroup, gallery, image, version } = idParts(id);
  let json: unknown;
  const onResponse = (response: { parsedBody?: unknown; bodyAsText?: string | null }) => {
    json = response.parsedBody ?? (response.bodyAsText ? (JSON.parse(response.bodyAsText) as unknown) : undefined);
  };
  const model = await azureCall(() => computeClient(target).galleryImageVersions.get(resourceGroup, gallery, image, version, { abortSignal: options.abortSignal, onResponse }));
  return { version: toImageVersion(model), json };
}
