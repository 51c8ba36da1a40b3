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
  checkTags(out);
  return out;
}

// ---- Tags ------------------------------------------------------------------------------------------
// ARM's limits for every resource (learn.microsoft.com/azure/azure-resource-manager/management/
// tag-resources, "Limitations"): at most 50 tag name-value pairs; a name at most 512 characters (128
// for storage accounts, not served here) and a value at most 256; names can't contain < > % & \ ? /.
// InvalidTagNameCharacters and its message are ARM's (quoted in MicrosoftDocs' storage tagging
// tutorial: "The tag names '...' have reserved characters '<,>,%,&,\,?,/' or control characters.").
// The codes for the length and count limits are not in the sources at hand; InvalidTagNameLength,
// InvalidTagValueLength and InvalidTagsCount are this local Azure's names for them (400 either way).
export const TAG_LIMITS = { count: 50, name: 512, value: 256 } as const;

export function checkTags(tags: Record<string, string>): void {
  const names = Object.keys(tags);
  const reserved = names.filter((n) => [...n].some((c) => '<>%&\\?/'.includes(c) || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f));
  if (reserved.length > 0) {
    throw new ArmError(400, 'InvalidTagNameCharacters', `The tag names '${reserved.join(',')}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`);
  }
  const empty = names.find((n) => n.trim() === '');
  if (empty !== undefined) throw new ArmError(400, 'InvalidTagNameCharacters', 'The tag name cannot be empty or consist only of white space.');
  const longName = names.find((n) => n.length > TAG_LIMITS.name);
  if (longName) throw new ArmError(400, 'InvalidTagNameLength', `The tag name '${longName}' exceeds the maximum length of '${TAG_LIMITS.name}' characters.`);
  const longValue = names.find((n) => tags[n].length > TAG_LIMITS.value);
  if (longValue) throw new ArmError(400, 'InvalidTagValueLength', `The value of tag '${longValue}' exceeds the maximum length of '${TAG_LIMITS.value}' characters.`);
  if (names.length > TAG_LIMITS.count) throw new ArmError(400, 'InvalidTagsCount', `The number of tags '${names.length}' exceeds the maximum of '${TAG_LIMITS.count}' tags per resource.`);
}

export function propertyChange(bodyName: string, path: string): ArmError {
  return new ArmError(409, 'PropertyChangeNotAllowed', `Changing property '${bodyName}.properties.${path}' is not allowed.`, `${bodyName}.properties.${path}`);
}

// ---- Links and e-mail addresses (community gallery info; image definition links) ----------------
//
// What Azure documents and enforces:
// - GalleryRP.json 2025-12-03 (../shared/azure-rest-spec): CommunityGalleryInfo.publisherUri,
//   publisherContact and eula, and GalleryImageProperties.eula, privacyStatementUri and
//   releaseNoteUri are plain `type: string` (no `format`, no `pattern`). Only the read-side
//   CommunityGalleryMetadata marks publisherUri and privacyStatementUri `format: uri`.
// - azure-cli (Azure/azure-cli, src/azure-cli/azure/cli/command_modules/vm/custom.py,
//   create_image_gallery) only requires all four of --publisher-uri, --publisher-email, --eula and
//   --public-name-prefix to be given; it checks no format.
// - "Create a gallery" (MicrosoftDocs/azure-compute-docs, articles/virtual-machines/create-gallery.md,
//   https://learn.microsoft.com/azure/virtual-machines/create-gallery): the portal asks for a
//   "Publisher email" ("a valid e-mail address"), a "Publisher URL" and a "Legal Agreement URL";
//   its REST example sends http:// addresses.
// - Azure/azure-sdk-for-net#38912 (https://github.com/Azure/azure-sdk-for-net/issues/38912): a real
//   gallery was stored with a publisherUri that is not a URI ("Azure portal does not check the URI").
// So real Azure requires the four values to be present and, as far as anything shows, checks no
// format. The rules below are the extension's (src/model/communityInfo.ts, src/model/updateRules.ts,
// src/model/urls.ts), written out again independently here so that the input-agreement test
// (test/conformance/inputAgreement.test.ts) catches either side drifting: the local Azure is
// deliberately STRICTER than real Azure for these fields (see test/emulator/README.md).
//   links: "https://" + host, written plainly (no "https:host", no "@" before the host), no
//          whitespace, parseable by the WHATWG URL parser; community links also need a public host
//          name (two or more non-empty labels, not an IP address);
//   e-mail: at most 254 characters, a dot-atom of at most 64 before the one "@", LDH host labels
//          and a top-level label of 2–63 letters.

/** Written as typed: "https://", then a host with no "@" (no user information), then a path, query or fragment, or nothing. */
const HTTPS_PREFIX = /^https:\/\/[^/\\?#@]+(?:[/\\?#]|$)/i;

/** An absolute https:// URL, written plainly, that a browser can parse (WHATWG URL), with a host and no whitespace. */
export function isHttpsLink(value: string): boolean {
  if (!HTTPS_PREFIX.test(value) || /\s/.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

/** An https link every Azure user can open: as above, on a dotted host name that is not an IP address. */
export function isPublicHttpsLink(value: string): boolean {
  if (!isHttpsLink(value)) return false;
  const host = new URL(value).hostname;
  return /^[^.]+(?:\.[^.]+)+$/.test(host) && !/^[\d.]+$/.test(host);
}

/**
 * A plausible e-mail address: at most 254 characters; a dot-atom of at most 64 characters before
 * the one "@"; after it, host-name labels (letters, digits, inner hyphens, 1–63 characters) ending
 * in a top-level label of 2–63 letters.
 */
export const EMAIL =
  /^(?=[^@]{1,64}@)(?=[\s\S]{3,254}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function checkPublicLink(value: string, target: string): void {
  if (!isPublicHttpsLink(value)) {
    throw invalidParameter(
      `The value '${value}' of parameter '${target}' is not valid. It must be an absolute https:// URL on a public host name, without spaces or user information, for example https://www.contoso.com/.`,
      target,
    );
  }
}

export function checkEmail(value: string, target: string): void {
  if (!EMAIL.test(value)) {
    throw invalidParameter(`The value '${value}' of parameter '${target}' is not a valid e-mail address, for example support@contoso.com.`, target);
  }
}

/**
 * An optional link of an image definition (eula, privacyStatementUri, releaseNoteUri): any string.
 * GalleryRP.json 2025-12-03 types them as plain strings, the spec's own examples use http:// links
 * and a plain-text EULA, and nothing shows Azure checking their format, so the local Azure takes
 * them all (the extension warns about anything but a plain https:// address, and sends it anyway).
 * Only a value that is not a string at all is refused, as the JSON deserializer would.
 */
export function checkOptionalLink(value: Json | undefined, target: string): void {
  if (value === undefined || value === null || typeof value === 'string') return;
  throw new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: Error converting value ${JSON.stringify(value)} to type 'System.String'. Path '${target}'.`, target);
}
