// Direct sharing and community sharing of a gallery: POST .../galleries/{g}/share (the
// gallerySharingProfile "update" long-running operation) with Add / Remove / Reset /
// EnableCommunity. Azure accepts Add and Remove only on a gallery whose permissions are Groups,
// and EnableCommunity only on one whose permissions are Community with publisher information;
// changing the permissions themselves is a gallery update (updates.ts).
import { azureCall } from './errors';
import type { SharingProfileGroup } from '@azure/arm-compute';
import { computeClient } from './clientFactory';
import { getGallery } from './galleries';
import type { AzureTarget, Gallery } from './types';
import type { LroOptions } from './writeTypes';

export type SharingOperation = 'Add' | 'Remove' | 'Reset' | 'EnableCommunity';

export interface SharingGroupChange {
  type: 'Subscriptions' | 'AADTenants';
  ids: string[];
}

export function lroPolling(options: LroOptions) {
  return { abortSignal: options.abortSignal, ...(options.pollIntervalMs !== undefined ? { updateIntervalInMs: options.pollIntervalMs } : {}) };
}

/**
 * Sends one sharing operation, waits for Azure to finish it and returns the gallery as it is
 * afterwards (with its sharing groups).
 */
export async function updateSharing(
  target: AzureTarget,
  resourceGroup: string,
  galleryName: string,
  operationType: SharingOperation,
  groups: readonly SharingGroupChange[] = [],
  options: LroOptions = {},
): Promise<Gallery> {
  const sent: SharingProfileGroup[] = groups.filter((g) => g.ids.length > 0).map((g) => ({ type: g.type, ids: [...g.ids] }));
  await azureCall(() =>
    computeClient(target).gallerySharingProfile.update(resourceGroup, galleryName, { operationType, ...(sent.length > 0 ? { groups: sent } : {}) }, lroPolling(options)),
  );
  return getGallery(target, resourceGroup, galleryName, options);
}
