import { parseArmId } from '../model/armId';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions, ExternalResource } from './types';

interface RawResponse {
  parsedBody?: unknown;
  bodyAsText?: string | null;
}

type Common = { abortSignal?: AbortSignal; onResponse: (response: RawResponse) => void };

/** The JSON of the response to `call`, as Azure sent it (the SDK's model would drop what it does not know). */
async function rawJson(options: CallOptions, call: (common: Common) => Promise<unknown>): Promise<unknown> {
  let raw: unknown;
  const onResponse = (response: RawResponse) => {
    raw = response.parsedBody ?? (response.bodyAsText ? (JSON.parse(response.bodyAsText) as unknown) : undefined);
  };
  await azureCall(() => call({ abortSignal: options.abortSignal, onResponse }));
  return raw;
}

/** Azure's own JSON for a gallery resource, exactly as Resource Manager returned it (View Properties). */
export async function getResourceJson(target: AzureTarget, id: string, options: CallOptions = {}): Promise<unknown> {
  const ref = parseArmId(id);
  const client = computeClient(target);
  return rawJson(options, async (common) => {
    switch (ref?.kind) {
      case 'gallery':
        return client.galleries.get(ref.resourceGroupName, ref.galleryName, { ...common, expand: 'SharingProfile/Groups' });
      case 'imageDefinition':
        return client.galleryImages.get(ref.resourceGroupName, ref.galleryName, ref.imageName, common);
      case 'imageVersion':
        return client.galleryImageVersions.get(ref.resourceGroupName, ref.galleryName, ref.imageName, ref.versionName, { ...common, expand: 'ReplicationStatus' });
      case 'galleryApplication':
        return client.galleryApplications.get(ref.resourceGroupName, ref.galleryName, ref.applicationName, common);
      case 'applicationVersion':
        return client.galleryApplicationVersions.get(ref.resourceGroupName, ref.galleryName, ref.applicationName, ref.versionName, { ...common, expand: 'ReplicationStatus' });
      default:
        throw new Error(`View Properties does not know resources like ${id}.`);
    }
  });
}

/** Azure's own JSON for a shared or community gallery, image or version, as the shared-gallery APIs return it (View Properties). */
export async function getExternalResourceJson(target: AzureTarget, r: ExternalResource, options: CallOptions = {}): Promise<unknown> {
  const client = computeClient(target);
  return rawJson(options, async (common) => {
    if (r.source === 'shared') {
      if (r.image === undefined) return client.sharedGalleries.get(r.location, r.gallery, common);
      if (r.version === undefined) return client.sharedGalleryImages.get(r.location, r.gallery, r.image, common);
      return client.sharedGalleryImageVersions.get(r.location, r.gallery, r.image, r.version, common);
    }
    if (r.image === undefined) return client.communityGalleries.get(r.location, r.gallery, common);
    if (r.version === undefined) return client.communityGalleryImages.get(r.location, r.gallery, r.image, common);
    return client.communityGalleryImageVersions.get(r.location, r.gallery, r.image, r.version, common);
  });
}
