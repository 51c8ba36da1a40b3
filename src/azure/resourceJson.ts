import { parseArmId } from '../model/armId';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions } from './types';

interface RawResponse {
  parsedBody?: unknown;
  bodyAsText?: string | null;
}

/** Azure's own JSON for a gallery resource, exactly as Resource Manager returned it (View Properties). */
export async function getResourceJson(target: AzureTarget, id: string, options: CallOptions = {}): Promise<unknown> {
  const ref = parseArmId(id);
  let raw: unknown;
  const onResponse = (response: RawResponse) => {
    raw = response.parsedBody ?? (response.bodyAsText ? (JSON.parse(response.bodyAsText) as unknown) : undefined);
  };
  const common = { abortSignal: options.abortSignal, onResponse };
  const client = computeClient(target);
  await azureCall(async () => {
    switch (ref?.kind) {
      case 'gallery':
        return client.galleries.get(ref.resourceGroupName, ref.galleryName, { ...common, expand: 'SharingProfile/Groups' });
      case 'imageDefinition':
        return client.galleryImages.get(ref.resourceGroupName, ref.galleryName, ref.imageName, common);
      case 'imageVersion':
        return client.galleryImageVersions.get(ref.resourceGroupName, ref.galleryName, ref.imageName, ref.versionName, { ...common, expand: 'ReplicationStatus' });
      default:
        throw new Error(`View Properties does not know resources like ${id}.`);
    }
  });
  return raw;
}
