import { ArmError, invalidParameter } from '../arm/errors';
import { SUPPORTED_LOCATIONS } from '../arm/apiVersions';
import type { Json, JsonObject } from '../json';
import { isObject } from '../json';
import { normalizeRegion } from './replication';

/** Letters, digits, dots, underscores; starts with a letter or digit; does not end with a dot; 1–80. */
export const GALLERY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._]{0,78}[A-Za-z0-9_])?$/;
/** Letters, digits, underscores, hyphens, periods; starts and ends with a letter or digit; 1–80. */
export const ARTIFACT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,78}[A-Za-z0-9])?$/;
/** Publisher/offer/SKU: letters, digits, hyphen, period, underscore; not ending with a period. */
export const IDENTIFIER_PART = /^[A-Za-z0-9_.-]*[A-Za-z0-9_-]$/;
export const IDENTIFIER_LIMITS = { publisher: 128, offer: 64, sku: 64 } as const;

export function isValidIdentifierPart(part: keyof typeof IDENTIFIER_LIMITS, value: unknown): boolean {
  return typeof value === 'string' && IDENTIFIER_PART.test(value) && value.length <= IDENTIFIER_LIMITS[part];
}
const INT32_MAX = 2147483647;

export function checkGalleryName(name: string): void {
  if (!GALLERY_NAME.test(name)) {
    throw invalidParameter(
      'Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores, and periods allowed in the middle, up to 80 characters total. All other special characters, including dashes, are disallowed.',
      'galleryName',
    );
  }
}

export function checkArtifactName(name: string, target: string, what: string): void {
  if (!ARTIFACT_NAME.test(name)) {
    throw invalidParameter(
      `The ${what} name '${name}' is invalid. It can contain only English letters, numbers, underscores, hyphens and periods, must start and end with a letter or number, and can be at most 80 characters long.`,
      target,
    );
  }
}

/** Major.Minor.Patch, each a 32-bit signed integer. */
export function checkVersionName(name: string, target: string): void {
  // Azure reads each part as an Int32 (leading zeros allowed: 2024.01.15 is a common name).
  const parts = name.split('.');
  const valid = parts.length === 3 && parts.every((p) => /^\d+$/.test(p) && p.replace(/^0+(?=\d)/, '').length <= 10 && Number(p) <= INT32_MAX);
  if (!valid) {
    throw invalidParameter(
      'The image version name is invalid. The image version name should follow Major(int).Minor(int).Patch(int) format, for e.g: 1.0.0, 2018.12.1 etc.',
      target,
    );
  }
}

export function requireObject(body: Json | undefined, what: string): JsonObject {
  if (!isObject(body)) throw new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: the ${what} body must be a JSON object.`);
  return body;
}

export function requireLocation(body: JsonObject, type: string): string {
  const location = body.location;
  if (typeof location !== 'string' || location.trim() === '') {
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  }
  checkLocation(location, type);
  return normalizeRegion(location);
}

export function checkLocation(location: string, type: string): void {
  if (!SUPPORTED_LOCATIONS.includes(normalizeRegion(location))) {
    throw new ArmError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type '${type}'. List of available regions for the resource type is '${SUPPORTED_LOCATIONS.join(',')}'.`,
    );
  }
}

export function requiredString(obj: JsonObject | undefined, field: string, target: string): string {
  const v = obj?.[field];
  if (typeof v !== 'string' || v === '') throw invalidParameter(`Required parameter '${target}' is missing (null).`, target);
  return v;
}

export function oneOf<T extends string>(value: Json | undefined, allowed: readonly T[], target: string, required: boolean): T | undefined {
  if (value === undefined || value === null) {
    if (required) throw invalidParameter(`Required parameter '${target}' is missing (null).`, target);
    return undefined;
  }
  const match = allowed.find((a) => typeof value === 'string' && a.toLowerCase() === value.toLowerCase());
  if (!match) throw invalidParameter(`The value '${String(value)}' of parameter '${target}' is invalid. Allowed values are: ${allowed.join(', ')}.`, target);
  return match;
}

export function checkFutureDate(value: Json | undefined, target: string): void {
  if (value === undefined || value === null) return;
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(t)) throw invalidParameter(`Could not convert string to DateTimeOffset: ${String(value)}. Path '${target}'.`, target);
  if (t <= Date.now()) throw invalidParameter('EndOfLifeDate must be set to a future date.', target);
}

export function tagsOf(body: JsonObject): Record<string, string> | undefined {
  if (!isObject(body.tags)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body.tags)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function propertyChange(bodyName: string, path: string): ArmError {
  return new ArmError(409, 'PropertyChangeNotAllowed', `Changing property '${bodyName}.properties.${path}' is not allowed.`, `${bodyName}.properties.${path}`);
}
