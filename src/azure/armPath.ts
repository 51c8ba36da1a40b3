import type { ImageVersionRef } from '../model/armId';
import { parseArmId } from '../model/armId';

/** The parts of a gallery-family id the SDK calls need (empty strings where the id has none). */
export function idParts(id: string): { subscriptionId: string; resourceGroup: string; gallery: string; image: string; version: string } {
  const ref = parseArmId(id) as Partial<Omit<ImageVersionRef, 'kind'>> | undefined;
  return {
    subscriptionId: ref?.subscriptionId ?? '',
    resourceGroup: ref?.resourceGroupName ?? '',
    gallery: ref?.galleryName ?? '',
    image: ref?.imageName ?? '',
    version: ref?.versionName ?? '',
  };
}
