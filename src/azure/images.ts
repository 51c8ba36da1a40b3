import type { GalleryImage } from '@azure/arm-compute';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions, ImageDefinition } from './types';

export function toImageDefinition(i: GalleryImage): ImageDefinition {
  const id = i.id ?? '';
  const { subscriptionId, resourceGroup, gallery } = idParts(id);
  const feature = (name: string) => i.features?.find((f) => f.name?.toLowerCase() === name.toLowerCase())?.value;
  return {
    id,
    name: i.name ?? '',
    galleryName: gallery,
    resourceGroup,
    subscriptionId,
    location: i.location,
    description: i.description,
    osType: i.osType ?? 'Unknown',
    osState: i.osState ?? 'Unknown',
    hyperVGeneration: i.hyperVGeneration ?? 'V1',
    architecture: i.architecture ?? 'x64',
    securityType: feature('SecurityType'),
    publisher: i.identifier?.publisher ?? '',
    offer: i.identifier?.offer ?? '',
    sku: i.identifier?.sku ?? '',
    endOfLifeDate: i.endOfLifeDate,
    provisioningState: i.provisioningState,
    eula: i.eula,
    privacyStatementUri: i.privacyStatementUri,
    releaseNoteUri: i.releaseNoteUri,
    features: (i.features ?? []).map((f) => ({ name: f.name, value: f.value, ...(f.startsAtVersion !== undefined ? { startsAtVersion: f.startsAtVersion } : {}) })),
    tags: i.tags ?? {},
  };
}

export async function listImageDefinitions(
  target: AzureTarget,
  resourceGroup: string,
  galleryName: string,
  options: CallOptions = {},
): Promise<ImageDefinition[]> {
  return azureCall(async () => {
    const images: ImageDefinition[] = [];
    for await (const i of computeClient(target).galleryImages.listByGallery(resourceGroup, galleryName, { abortSignal: options.abortSignal })) {
      images.push(toImageDefinition(i));
    }
    return images.sort((a, b) => a.name.localeCompare(b.name));
  });
}
