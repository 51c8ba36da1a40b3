import { subscriptionClient } from './clientFactory';
import { sortByDisplayName } from '../model/displayOrder';
import { azureCall } from './errors';
import type { CallOptions, CloudEndpoints, Location, Subscription, TokenSource } from './types';

export async function listSubscriptions(cloud: CloudEndpoints, credential: TokenSource, userAgent: string, options: CallOptions = {}): Promise<Subscription[]> {
  return azureCall(async () => {
    const subscriptions: Subscription[] = [];
    for await (const s of subscriptionClient(cloud, credential, userAgent).subscriptions.list({ abortSignal: options.abortSignal })) {
      subscriptions.push({ subscriptionId: s.subscriptionId ?? '', name: s.displayName ?? s.subscriptionId ?? '', tenantId: s.tenantId ?? '', state: s.state ?? 'Enabled' });
    }
    return sortByDisplayName(subscriptions, (s) => s.name);
  });
}

/** The tenants the credential's account belongs to, with their names (GET /tenants), to name a tenant a gallery is shared with. */
export async function listTenants(cloud: CloudEndpoints, credential: TokenSource, userAgent: string, options: CallOptions = {}): Promise<{ id: string; name: string }[]> {
  return azureCall(async () => {
    const tenants: { id: string; name: string }[] = [];
    for await (const t of subscriptionClient(cloud, credential, userAgent).tenants.list({ abortSignal: options.abortSignal })) {
      if (t.tenantId) tenants.push({ id: t.tenantId, name: t.displayName ?? t.defaultDomain ?? t.tenantId });
    }
    return tenants;
  });
}

export async function listLocations(
  cloud: CloudEndpoints,
  credential: TokenSource,
  userAgent: string,
  subscriptionId: string,
  options: CallOptions = {},
): Promise<Location[]> {
  return azureCall(async () => {
    const locations: Location[] = [];
    let anyZones = false;
    for await (const l of subscriptionClient(cloud, credential, userAgent).subscriptions.listLocations(subscriptionId, { abortSignal: options.abortSignal })) {
      if (l.metadata?.regionType === 'Logical') continue;
      const zones = (l.availabilityZoneMappings?.length ?? 0) > 0;
      anyZones ||= zones;
      locations.push({ name: l.name ?? '', displayName: l.displayName ?? l.name ?? '', zones });
    }
    // A list with no zone mapping at all (an older API, a cloud without zones data) says nothing either way.
    if (!anyZones) for (const l of locations) delete l.zones;
    return locations.sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}
