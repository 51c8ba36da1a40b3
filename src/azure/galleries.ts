import type { Gallery as SdkGallery } from '@azure/arm-compute';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions, Gallery, SharingPermission } from './types';

export function toGallery(g: SdkGallery): Gallery {
  const id = g.id ?? '';
  const { subscriptionId, resourceGroup } = idParts(id);
  const profile = g.sharingProfile;
  const info = profile?.communityGalleryInfo;
  return {
    id,
    name: g.name ?? '',
    subscriptionId,
    resourceGroup,
    location: g.location,
    description: g.description,
    provisioningState: g.provisioningState,
    uniqueName: g.identifier?.uniqueName,
    softDeleteEnabled: g.softDeletePolicy?.isSoftDeleteEnabled === true,
    permissions: (profile?.permissions as SharingPermission | undefined) ?? 'Private',
    groups: (profile?.groups ?? []).map((grp) => ({ type: grp.type ?? 'Subscriptions', ids: grp.ids ?? [] })),
    community: info
      ? {
          publisherUri: info.publisherUri,
          publisherContact: info.publisherContact,
          eula: info.eula,
          publicNamePrefix: info.publicNamePrefix,
          enabled: info.communityGalleryEnabled ?? false,
          publicNames: info.publicNames ?? [],
        }
      : undefined,
    sharingState: g.sharingStatus?.aggregatedState,
    tags: g.tags ?? {},
  };
}

/** Every gallery of the subscription: one list call (all pages), not one call per resource group. */
export async function listGalleries(target: AzureTarget, options: CallOptions = {}): Promise<Gallery[]> {
  return azureCall(async () => {
    const galleries: Gallery[] = [];
    for await (const g of computeClient(target).galleries.list({ abortSignal: options.abortSignal })) galleries.push(toGallery(g));
    return galleries.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** One gallery with its sharing groups (what the list does not always carry). */
export async function getGallery(target: AzureTarget, resourceGroup: string, name: string, options: CallOptions = {}): Promise<Gallery> {
  return azureCall(async () =>
    toGallery(await computeClient(target).galleries.get(resourceGroup, name, { expand: 'SharingProfile/Groups', abortSignal: options.abortSignal })),
  );
}
