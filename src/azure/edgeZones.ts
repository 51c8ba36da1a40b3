// The edge zones (Azure Extended Zones) a subscription sees: Subscriptions - List Locations with
// includeExtendedLocations=true (api-version 2022-12-01) adds entries of type EdgeZone whose
// metadata.homeLocation is their region (learn.microsoft.com/rest/api/resources/subscriptions/list-locations,
// example GetLocationsWithExtendedLocations).
import { subscriptionClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions } from './types';
import type { EdgeZoneChoice } from '../model/edgeZones';

export async function listEdgeZones(target: AzureTarget, options: CallOptions = {}): Promise<EdgeZoneChoice[]> {
  return azureCall(async () => {
    const zones: EdgeZoneChoice[] = [];
    const pages = subscriptionClient(target.cloud, target.credential, target.userAgent).subscriptions.listLocations(target.subscriptionId, {
      includeExtendedLocations: true,
      abortSignal: options.abortSignal,
    });
    for await (const l of pages) {
      if (l.type !== 'EdgeZone' || !l.name || !l.metadata?.homeLocation) continue;
      zones.push({ name: l.name, displayName: l.displayName ?? l.name, region: l.metadata.homeLocation });
    }
    return zones.sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}
