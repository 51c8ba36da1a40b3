import { invalidParameter } from '../arm/errors';
import type { Json, JsonObject } from '../json';
import { asArray, asObject, isObject } from '../json';
import type { RegionReplication, StoredResource } from '../state';
import { displayRegion, normalizeRegion, planReplication } from './replication';
import { checkLocation, oneOf } from './rules';

export const STORAGE_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS'] as const;
const STRATEGIES = ['PreferStandard_ZRS', 'DefaultStandard_LRS'] as const;
/** GalleryRP.json `EdgeZoneStorageAccountType` (a target extended location's storage). */
const EDGE_STORAGE_TYPES = ['Standard_LRS', 'Standard_ZRS', 'StandardSSD_LRS', 'Premium_LRS'] as const;

/** The api-version from which Azure defaults to `PreferStandard_ZRS` (GalleryRP.json `StorageAccountStrategy`). */
export const STRATEGY_SINCE = '2025-03-03';

/**
 * Regions with availability zones among those the local Azure serves: all but West US.
 * Source: https://learn.microsoft.com/azure/reliability/regions-list ("Availability zone support").
 */
export function regionHasZones(region: string): boolean {
  return normalizeRegion(region) !== 'westus';
}

function checkCount(value: Json | undefined, target: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw invalidParameter(`The value ${String(value)} of parameter ${target} is out of range. The value must be between 1 and 100, inclusive.`, target);
  }
  return value;
}

export interface PublishingOptions {
  /** The api-version the client sent (decides the storage default); undefined: the oldest behaviour (Standard_LRS). */
  apiVersion?: string;
  /** Image versions only: storageAccountStrategy, zone checks, target extended locations. */
  imageVersion?: boolean;
  /** On update: each kept region's storage type as stored (not updatable, so an absent one is kept). */
  existing?: JsonObject;
}

/**
 * The storage account type of a target region that states none.
 * - GalleryRP.json (2025-12-03) `StorageAccountStrategy.PreferStandard_ZRS`: "Choose Standard_ZRS
 *   storage if the region supports it, else choose Standard_LRS storage … If no
 *   storageAccountStrategy is specified, this is the default strategy (from API version 2025-03-03
 *   onwards)."
 * - Before 2025-03-03: "The default storage account type is Standard LRS" (azure-compute-gallery.md,
 *   https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#high-availability).
 * See test/emulator/SOURCES.md.
 */
function regionDefault(region: string, profileType: string | undefined, strategy: string | undefined): string {
  if (profileType) return profileType;
  if (strategy === 'PreferStandard_ZRS') return regionHasZones(region) ? 'Standard_ZRS' : 'Standard_LRS';
  return 'Standard_LRS';
}

function storedTypeOf(existing: JsonObject | undefined, region: string): string | undefined {
  const r = (asArray(existing?.targetRegions) ?? []).filter(isObject).find((t) => normalizeRegion(String(t.name)) === normalizeRegion(region));
  return typeof r?.storageAccountType === 'string' ? r.storageAccountType : undefined;
}

/**
 * Normalizes a publishing profile the way Azure echoes it: target regions by display name with
 * replica count and storage type filled in, the version's own region required among them.
 */
export function normalizePublishing(
  profile: JsonObject | undefined,
  location: string,
  bodyName: string,
  publishedDate: string,
  typeForLocation: string,
  options: PublishingOptions = {},
): JsonObject {
  const target = `${bodyName}.properties.publishingProfile`;
  const p: JsonObject = { ...(profile ?? {}) };
  const replicaCount = checkCount(p.replicaCount, `${target}.replicaCount`) ?? 1;
  const profileType = oneOf(p.storageAccountType, STORAGE_TYPES, `${target}.storageAccountType`, false);
  const strategyKnown = options.imageVersion === true && (options.apiVersion ?? '') >= STRATEGY_SINCE;
  if (!strategyKnown) delete p.storageAccountStrategy;
  let strategy = strategyKnown ? oneOf(p.storageAccountStrategy, STRATEGIES, `${target}.storageAccountStrategy`, false) : undefined;
  if (strategy && profileType) {
    // GalleryRP.json: storageAccountStrategy "Cannot be specified along with storageAccountType".
    throw invalidParameter(
      `Parameters '${target}.storageAccountType' and '${target}.storageAccountStrategy' cannot be specified together. Use storageAccountStrategy, and targetRegions[].storageAccountType to override a region.`,
      `${target}.storageAccountStrategy`,
    );
  }
  if (strategyKnown && !strategy && !profileType) strategy = 'PreferStandard_ZRS';
  const given = (asArray(p.targetRegions) ?? []).filter(isObject);
  const regions: JsonObject[] = given.length > 0 ? given : [{ name: location }];
  const seen = new Set<string>();
  const out = regions.map((r, i): JsonObject => {
    const name = typeof r.name === 'string' ? r.name : '';
    if (!name) throw invalidParameter(`Required parameter '${target}.targetRegions[${i}].name' is missing (null).`, `${target}.targetRegions`);
    checkLocation(name, typeForLocation);
    const key = normalizeRegion(name);
    // troubleshooting-shared-images.md: "Duplicate regions are not allowed in target publishing regions".
    if (seen.has(key)) throw invalidParameter('Duplicate regions are not allowed in target publishing regions.', `${target}.targetRegions`);
    seen.add(key);
    const typeTarget = `${target}.targetRegions[${i}].storageAccountType`;
    const storageAccountType =
      oneOf(r.storageAccountType, STORAGE_TYPES, typeTarget, false) ?? storedTypeOf(options.existing, name) ?? regionDefault(name, profileType, strategy);
    if (options.imageVersion && storageAccountType === 'Standard_ZRS' && !regionHasZones(name)) {
      // troubleshooting-shared-images.md: "ZRS storage account type is not supported in this region."
      // (ZRS needs availability zones; West US has none: learn.microsoft.com/azure/reliability/regions-list.)
      throw invalidParameter('ZRS storage account type is not supported in this region.', typeTarget);
    }
    const region: JsonObject = {
      ...r,
      name: displayRegion(name),
      regionalReplicaCount: checkCount(r.regionalReplicaCount, `${target}.targetRegions[${i}].regionalReplicaCount`) ?? replicaCount,
      storageAccountType,
    };
    if (r.excludeFromLatest === undefined) region.excludeFromLatest = false;
    return region;
  });
  // troubleshooting-shared-images.md: "Gallery image version publishing profile regions
  // <publishingRegions> must contain the location of image version <sourceRegion>".
  if (!seen.has(normalizeRegion(location))) {
    throw invalidParameter(
      `Gallery image version publishing profile regions '${out.map((r) => String(r.name)).join(', ')}' must contain the location of image version '${displayRegion(location)}'.`,
      `${target}.targetRegions`,
    );
  }
  const result: JsonObject = {
    ...p,
    targetRegions: out,
    replicaCount,
    excludeFromLatest: p.excludeFromLatest ?? false,
    publishedDate,
  };
  if (strategy) result.storageAccountStrategy = strategy;
  else result.storageAccountType = profileType ?? 'Standard_LRS';
  if (options.imageVersion) checkExtendedLocations(p.targetExtendedLocations, target);
  return result;
}

/** GalleryRP.json `GalleryTargetExtendedLocation`: a region, an edge zone, a replica count, an edge storage type. */
function checkExtendedLocations(value: Json | undefined, target: string): void {
  (asArray(value) ?? []).filter(isObject).forEach((e, i) => {
    const t = `${target}.targetExtendedLocations[${i}]`;
    if (typeof e.name !== 'string' || e.name === '') throw invalidParameter(`Required parameter '${t}.name' is missing (null).`, `${t}.name`);
    checkLocation(e.name, 'Microsoft.Compute/galleries/images/versions');
    // An empty or blank edge zone name is as missing as none (the local Azure's reading; the spec
    // gives GalleryExtendedLocation.name no constraint, and no edge zone is named "").
    const zone = asObject(e.extendedLocation)?.name;
    if (typeof zone !== 'string' || zone.trim() === '') throw invalidParameter(`Required parameter '${t}.extendedLocation.name' is missing (null).`, `${t}.extendedLocation`);
    checkCount(e.extendedLocationReplicaCount, `${t}.extendedLocationReplicaCount`);
    oneOf(e.storageAccountType, EDGE_STORAGE_TYPES, `${t}.storageAccountType`, false);
  });
}

/** A publishing profile as an older api-version shows it (no storageAccountStrategy before 2025-03-03). */
export function publishingForApiVersion(profile: Json | undefined, apiVersion: string | undefined): Json | undefined {
  const p = asObject(profile);
  if (!p || p.storageAccountStrategy === undefined || (apiVersion ?? '') >= STRATEGY_SINCE) return profile;
  const { storageAccountStrategy: _dropped, ...rest } = p;
  return { ...rest, storageAccountType: 'Standard_LRS' };
}

export function targetRegionNames(resource: StoredResource): string[] {
  const profile = asObject(resource.properties.publishingProfile);
  return (asArray(profile?.targetRegions) ?? []).filter(isObject).map((r) => normalizeRegion(String(r.name)));
}

/** Keeps copies already made for regions still targeted; plans new copies for added regions. */
export function replan(resource: StoredResource, previous: RegionReplication[] | undefined, durationMs: number, failRegions: string[]): RegionReplication[] {
  const names = targetRegionNames(resource);
  const kept = new Map((previous ?? []).map((r) => [r.region, r]));
  const added = names.filter((n) => !kept.has(n));
  const fresh = new Map(planReplication(added, Date.now(), durationMs, failRegions).map((r) => [r.region, r]));
  return names.map((n) => kept.get(n) ?? fresh.get(n)!);
}
