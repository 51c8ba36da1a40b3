import { invalidParameter } from '../arm/errors';
import type { Json, JsonObject } from '../json';
import { asArray, asObject, isObject } from '../json';
import type { RegionReplication, StoredResource } from '../state';
import { displayRegion, normalizeRegion, planReplication } from './replication';
import { checkLocation, oneOf } from './rules';

const STORAGE_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS'] as const;

function checkCount(value: Json | undefined, target: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw invalidParameter(`The value ${String(value)} of parameter ${target} is out of range. The value must be between 1 and 100, inclusive.`, target);
  }
  return value;
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
): JsonObject {
  const target = `${bodyName}.properties.publishingProfile`;
  const p: JsonObject = { ...(profile ?? {}) };
  const replicaCount = checkCount(p.replicaCount, `${target}.replicaCount`) ?? 1;
  const storageAccountType = oneOf(p.storageAccountType, STORAGE_TYPES, `${target}.storageAccountType`, false) ?? 'Standard_LRS';
  const given = (asArray(p.targetRegions) ?? []).filter(isObject);
  const regions: JsonObject[] = given.length > 0 ? given : [{ name: location }];
  const seen = new Set<string>();
  const out = regions.map((r, i): JsonObject => {
    const name = typeof r.name === 'string' ? r.name : '';
    if (!name) throw invalidParameter(`Required parameter '${target}.targetRegions[${i}].name' is missing (null).`, `${target}.targetRegions`);
    checkLocation(name, typeForLocation);
    const key = normalizeRegion(name);
    if (seen.has(key)) throw invalidParameter('Duplicate regions are not allowed in target publishing regions.', `${target}.targetRegions`);
    seen.add(key);
    const region: JsonObject = {
      ...r,
      name: displayRegion(name),
      regionalReplicaCount: checkCount(r.regionalReplicaCount, `${target}.targetRegions[${i}].regionalReplicaCount`) ?? replicaCount,
      storageAccountType: oneOf(r.storageAccountType, STORAGE_TYPES, `${target}.targetRegions[${i}].storageAccountType`, false) ?? storageAccountType,
    };
    if (r.excludeFromLatest === undefined) region.excludeFromLatest = false;
    return region;
  });
  if (!seen.has(normalizeRegion(location))) {
    throw invalidParameter(
      `Gallery image version publishing profile regions '${out.map((r) => String(r.name)).join(', ')}' must contain the location of image version '${displayRegion(location)}'.`,
      `${target}.targetRegions`,
    );
  }
  return {
    ...p,
    targetRegions: out,
    replicaCount,
    excludeFromLatest: p.excludeFromLatest ?? false,
    publishedDate,
    storageAccountType,
  };
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
