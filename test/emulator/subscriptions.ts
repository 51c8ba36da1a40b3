import { regionHasZones } from './compute/publishing';
import { SUBSCRIPTION_API_VERSIONS, SUPPORTED_LOCATIONS } from './arm/apiVersions';
import { page } from './arm/paging';
import { displayRegion } from './compute/replication';
import type { Emulator } from './emulator';
import type { Ctx } from './http';
import type { JsonObject } from './json';
import type { Subscription } from './state';
import { findSubscription } from './state';

const GEO: Record<string, [string, string]> = {
  eastus: ['US', 'Virginia'], eastus2: ['US', 'Virginia'], westus: ['US', 'California'], westus2: ['US', 'Washington'],
  westus3: ['US', 'Phoenix'], centralus: ['US', 'Iowa'], northeurope: ['Europe', 'Ireland'], westeurope: ['Europe', 'Netherlands'],
  uksouth: ['UK', 'London'], francecentral: ['Europe', 'Paris'], germanywestcentral: ['Europe', 'Frankfurt'],
  swedencentral: ['Europe', 'Gävle'], japaneast: ['Asia Pacific', 'Tokyo, Saitama'], australiaeast: ['Asia Pacific', 'New South Wales'],
  southeastasia: ['Asia Pacific', 'Singapore'], canadacentral: ['Canada', 'Toronto'],
};

export function renderSubscription(s: Subscription): JsonObject {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

/** Tenants, subscriptions and locations as the Subscriptions API answers a principal. */
export function registerSubscriptions(emu: Emulator): void {
  const opts = { auth: 'arm' as const, family: 'arm' as const, apiVersions: SUBSCRIPTION_API_VERSIONS, typeName: 'subscriptions' };
  emu.router.add('GET', '/tenants', opts, (ctx) => {
    const p = ctx.caller!.principal;
    const tenants = ctx.emu.state.tenants.filter((t) => p.tenants.some((x) => x.toLowerCase() === t.tenantId.toLowerCase()));
    return {
      status: 200,
      body: page(
        ctx,
        tenants.map((t) => ({
          id: `/tenants/${t.tenantId}`,
          tenantId: t.tenantId,
          countryCode: t.countryCode,
          displayName: t.displayName,
          domains: [t.defaultDomain],
          tenantCategory: t.tenantId === p.tenantId ? 'Home' : 'ProjectedBy',
          defaultDomain: t.defaultDomain,
          tenantType: 'AAD',
        })),
      ),
    };
  });
  emu.router.add('GET', '/subscriptions', opts, (ctx: Ctx) => {
    const caller = ctx.caller!;
    const visible = caller.principal.subscriptions
      .map((id) => findSubscription(ctx.emu.state, id))
      .filter((s): s is Subscription => !!s && s.tenantId.toLowerCase() === caller.tenantId.toLowerCase());
    const body = page(ctx, visible.map(renderSubscription));
    body.count = { type: 'Total', value: visible.length };
    return { status: 200, body };
  });
  emu.router.add('GET', '/subscriptions/{subscriptionId}', { ...opts, action: 'Microsoft.Resources/subscriptions/read' }, (ctx) => ({
    status: 200,
    body: renderSubscription(findSubscription(ctx.emu.state, ctx.params.subscriptionId)!),
  }));
  emu.router.add('GET', '/subscriptions/{subscriptionId}/locations', { ...opts, action: 'Microsoft.Resources/subscriptions/locations/read' }, (ctx) => {
    const sub = findSubscription(ctx.emu.state, ctx.params.subscriptionId)!;
    return {
      status: 200,
      body: {
        value: [
          ...SUPPORTED_LOCATIONS.map((name) => {
          const [group, place] = GEO[name] ?? ['US', ''];
          return {
            id: `/subscriptions/${sub.subscriptionId}/locations/${name}`,
            name,
            type: 'Region',
            displayName: displayRegion(name),
            regionalDisplayName: `(${group}) ${displayRegion(name)}`,
            metadata: { regionType: 'Physical', regionCategory: 'Recommended', geographyGroup: group, physicalLocation: place },
            // Subscriptions - List Locations (2022-12-01+): a region with availability zones maps its
            // logical zones to physical ones; one without has none (learn.microsoft.com/rest/api/resources/subscriptions/list-locations,
            // zone support: learn.microsoft.com/azure/reliability/regions-list).
            ...(regionHasZones(name) ? { availabilityZoneMappings: ['1', '2', '3'].map((z) => ({ logicalZone: z, physicalZone: `${name}-az${z}` })) } : {}),
          };
        }),
        ...(ctx.query.get('includeExtendedLocations')?.toLowerCase() === 'true' ? EDGE_ZONES.map((z) => edgeZoneLocation(sub.subscriptionId, z)) : []),
      ],
      },
    };
  });
}

/**
 * Edge zones (SOURCES.md "Edge zones"): Subscriptions - List Locations with
 * includeExtendedLocations=true (api-version 2022-12-01) adds them as type EdgeZone with their
 * region in metadata.homeLocation (example GetLocationsWithExtendedLocations:
 * microsoftlosangeles1 in westus); perth in australiaeast is the Extended Zones docs' example.
 */
const EDGE_ZONES: { name: string; displayName: string; home: string; coordinates?: { longitude: string; latitude: string } }[] = [
  { name: 'microsoftlosangeles1', displayName: 'Microsoft Los Angeles 1', home: 'westus', coordinates: { longitude: '-118.235374', latitude: '34.058414' } },
  { name: 'perth', displayName: 'Perth', home: 'australiaeast' },
];

function edgeZoneLocation(subscriptionId: string, z: (typeof EDGE_ZONES)[number]): JsonObject {
  return {
    id: `/subscriptions/${subscriptionId}/locations/${z.home}/edgeZones/${z.name}`,
    name: z.name,
    type: 'EdgeZone',
    displayName: z.displayName,
    regionalDisplayName: z.displayName,
    metadata: { regionType: 'Physical', regionCategory: 'Extended', ...z.coordinates, homeLocation: z.home },
  };
}
