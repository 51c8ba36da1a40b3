import type { CommunityGalleryImage, CommunityGalleryImageVersion, SharedGalleryImage, SharedGalleryImageVersion } from '@azure/arm-compute';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions, SharedGallery, SharedImage, SharedImageVersion } from './types';

// Read-only views of galleries other people publish: shared directly with the caller's
// subscription or tenant (by location), or public community galleries (by public name).

type Shareable = SharedGalleryImage | CommunityGalleryImage;
type ShareableVersion = SharedGalleryImageVersion | CommunityGalleryImageVersion;

function toSharedImage(i: Shareable): SharedImage {
  return {
    uniqueId: i.uniqueId ?? '',
    name: i.name ?? '',
    location: i.location ?? '',
    osType: i.osType,
    osState: i.osState,
    hyperVGeneration: i.hyperVGeneration,
    architecture: i.architecture,
    publisher: i.identifier?.publisher,
    offer: i.identifier?.offer,
    sku: i.identifier?.sku,
    endOfLifeDate: i.endOfLifeDate,
    features: i.features?.map((f) => ({ name: f.name, value: f.value })),
  };
}

function toSharedVersion(v: ShareableVersion): SharedImageVersion {
  return {
    uniqueId: v.uniqueId ?? '',
    name: v.name ?? '',
    location: v.location ?? '',
    publishedDate: v.publishedDate,
    endOfLifeDate: v.endOfLifeDate,
    excludeFromLatest: v.excludeFromLatest,
  };
}

async function collect<T, U>(items: AsyncIterable<T>, map: (t: T) => U): Promise<U[]> {
  const out: U[] = [];
  for await (const item of items) out.push(map(item));
  return out;
}

/** `sharedTo`: galleries shared with the subscription (default) or with the whole tenant. */
export function listSharedGalleries(target: AzureTarget, location: string, sharedTo: 'subscription' | 'tenant', options: CallOptions = {}): Promise<SharedGallery[]> {
  return azureCall(() =>
    collect(
      computeClient(target).sharedGalleries.list(location, { sharedTo: sharedTo === 'tenant' ? 'tenant' : undefined, abortSignal: options.abortSignal }),
      (g) => ({ uniqueId: g.uniqueId ?? '', name: g.name ?? '', location: g.location ?? location }),
    ),
  );
}

export function listSharedImages(target: AzureTarget, location: string, galleryUniqueName: string, options: CallOptions = {}): Promise<SharedImage[]> {
  return azureCall(() => collect(computeClient(target).sharedGalleryImages.list(location, galleryUniqueName, { abortSignal: options.abortSignal }), toSharedImage));
}

export function listSharedImageVersions(
  target: AzureTarget,
  location: string,
  galleryUniqueName: string,
  imageName: string,
  options: CallOptions = {},
): Promise<SharedImageVersion[]> {
  return azureCall(() =>
    collect(computeClient(target).sharedGalleryImageVersions.list(location, galleryUniqueName, imageName, { abortSignal: options.abortSignal }), toSharedVersion),
  );
}

export async function getCommunityGallery(
  target: AzureTarget,
  location: string,
  publicName: string,
  options: CallOptions = {},
): Promise<SharedGallery & { publisherUri?: string; publisherContact?: string; eula?: string }> {
  return azureCall(async () => {
    const g = await computeClient(target).communityGalleries.get(location, publicName, { abortSignal: options.abortSignal });
    return {
      uniqueId: g.uniqueId ?? '',
      name: g.name ?? publicName,
      location: g.location ?? location,
      publisherUri: g.communityMetadata?.publisherUri,
      publisherContact: g.communityMetadata?.publisherContact,
      eula: g.communityMetadata?.eula,
    };
  });
}

export function listCommunityImages(target: AzureTarget, location: string, publicName: string, options: CallOptions = {}): Promise<SharedImage[]> {
  return azureCall(() => collect(computeClient(target).communityGalleryImages.list(location, publicName, { abortSignal: options.abortSignal }), toSharedImage));
}

export function listCommunityImageVersions(
  target: AzureTarget,
  location: string,
  publicName: string,
  imageName: string,
  options: CallOptions = {},
): Promise<SharedImageVersion[]> {
  return azureCall(() =>
    collect(computeClient(target).communityGalleryImageVersions.list(location, publicName, imageName, { abortSignal: options.abortSignal }), toSharedVersion),
  );
}
