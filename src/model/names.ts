// Name rules for the resources the extension creates. Each validator returns undefined when the
// text is acceptable, or one short sentence telling the user what to type instead: the text is
// shown live in a VS Code input box, so it must be actionable, not a regex.
//
// Sources (checked 2025):
// - Gallery API spec 2025-12-03 (shared/azure-rest-spec, GalleryRP.json): galleryName pattern
//   `^[^_\W][\w-._]{0,79}(?<![-.])$` (start with a letter/digit, 1–80, not ending in '-' or '.').
// - learn.microsoft.com "Create a gallery": "The gallery name can't contain dashes", so '-' that
//   the spec's pattern lets through is refused by the service; the allowed set is letters,
//   digits, periods and underscores.
// - learn.microsoft.com resource-name-rules, Microsoft.Compute: galleries/images 1–80,
//   "alphanumerics, underscores, hyphens, and periods; start and end with alphanumeric".
// - common-types v3 ResourceGroupNameParameter: 1–90, `^[-\w\._\(\)]+$`; resource-name-rules adds
//   "can't end with period" and that \w means Unicode letters and digits.
// - Image identifier (publisher/offer/SKU): the spec gives no pattern; the limits (publisher
//   ≤128, offer ≤64, SKU ≤64, letters/digits/'-'/'.'/'_', not ending in '.') are the ones the
//   azurerm Terraform provider enforces (validate.SharedImageIdentifierAttribute), which match
//   the portal's create-definition form.
import { characters, describeCharacter, firstCharacterNotIn, lengthOf } from './characters';

/** A validator in the shape VS Code's `InputBoxOptions.validateInput` wants. */
export type NameValidator = (value: string) => string | undefined;

export const GALLERY_NAME_MAX = 80;
export const IMAGE_DEFINITION_NAME_MAX = 80;
export const GALLERY_APPLICATION_NAME_MAX = 80;
export const RESOURCE_GROUP_NAME_MAX = 90;
export const PUBLISHER_MAX = 128;
export const OFFER_MAX = 64;
export const SKU_MAX = 64;

/** Exactly the gallery names the validator accepts (documented for tests and other layers). */
export const GALLERY_NAME_PATTERN = /^(?=.{1,80}$)[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9_])?$/;
/** Exactly the image definition names the validator accepts. */
export const IMAGE_DEFINITION_NAME_PATTERN = /^(?=.{1,80}$)[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
/** Exactly the gallery application names the validator accepts. */
export const GALLERY_APPLICATION_NAME_PATTERN = IMAGE_DEFINITION_NAME_PATTERN;
/** Exactly the resource group names the validator accepts (Unicode letters and digits count). */
export const RESOURCE_GROUP_NAME_PATTERN = /^(?=.{1,90}$)[\p{L}\p{Nd}_().-]*[\p{L}\p{Nd}_()-]$/u;
/** Characters of a publisher, offer or SKU; also: not ending in '.', and a length limit each. */
export const IMAGE_IDENTIFIER_PATTERN = /^[A-Za-z0-9._-]*[A-Za-z0-9_-]$/;

const ALNUM = /^[A-Za-z0-9]$/;

function tooLong(value: string, max: number): string | undefined {
  const length = lengthOf(value);
  return length > max ? `Use at most ${characters(max)} (this has ${length}).` : undefined;
}

/** Gallery name: letters, digits, periods, underscores; 1–80; starts with a letter or digit; no trailing period. */
export function validateGalleryName(value: string): string | undefined {
  if (value.length === 0) return 'Enter a gallery name: letters, digits, periods and underscores.';
  if (value.includes('-')) {
    return 'Use only letters, digits, periods and underscores — dashes are not allowed in gallery names.';
  }
  const bad = firstCharacterNotIn(value, /^[A-Za-z0-9._]$/);
  if (bad !== undefined) {
    return `Remove ${describeCharacter(bad)}: gallery names use only letters, digits, periods and underscores.`;
  }
  const long = tooLong(value, GALLERY_NAME_MAX);
  if (long) return long;
  if (!ALNUM.test(value[0] ?? '')) return 'Start the gallery name with a letter or digit.';
  if (value.endsWith('.')) return 'End the gallery name with a letter, digit or underscore, not a period.';
  return undefined;
}

// Image definitions and gallery applications share one rule, differing only in the noun.
function validateDefinitionLikeName(value: string, noun: string, max: number): string | undefined {
  if (value.length === 0) return `Enter ${noun}: letters, digits, hyphens, periods and underscores.`;
  const bad = firstCharacterNotIn(value, /^[A-Za-z0-9._-]$/);
  if (bad !== undefined) {
    return `Remove ${describeCharacter(bad)}: use only letters, digits, hyphens, periods and underscores.`;
  }
  const long = tooLong(value, max);
  if (long) return long;
  if (!ALNUM.test(value[0] ?? '')) return 'Start the name with a letter or digit.';
  if (!ALNUM.test(value[value.length - 1] ?? '')) return 'End the name with a letter or digit.';
  return undefined;
}

/** Image definition name: letters, digits, '_', '-', '.'; 1–80; starts and ends with a letter or digit. */
export function validateImageDefinitionName(value: string): string | undefined {
  return validateDefinitionLikeName(value, 'an image definition name', IMAGE_DEFINITION_NAME_MAX);
}

/** Resource group name: 1–90 letters, digits, '_', '-', '.', '(', ')'; not ending in a period. */
export function validateResourceGroupName(value: string): string | undefined {
  if (value.length === 0) return 'Enter a resource group name.';
  const bad = firstCharacterNotIn(value, /^[\p{L}\p{Nd}_().-]$/u);
  if (bad !== undefined) {
    return `Remove ${describeCharacter(bad)}: use only letters, digits, underscores, hyphens, periods and parentheses.`;
  }
  const long = tooLong(value, RESOURCE_GROUP_NAME_MAX);
  if (long) return long;
  if (value.endsWith('.')) return 'Remove the period at the end: resource group names cannot end with one.';
  return undefined;
}

function validateImageIdentifierPart(value: string, field: 'publisher' | 'offer' | 'SKU', max: number): string | undefined {
  if (value.length === 0) return `Enter a ${field}: letters, digits, hyphens, periods and underscores.`;
  const bad = firstCharacterNotIn(value, /^[A-Za-z0-9._-]$/);
  if (bad !== undefined) {
    return `Remove ${describeCharacter(bad)}: a ${field} uses only letters, digits, hyphens, periods and underscores.`;
  }
  const long = tooLong(value, max);
  if (long) return long;
  if (value.endsWith('.')) return `Remove the period at the end: a ${field} cannot end with one.`;
  return undefined;
}

/** Image definition publisher: 1–128 letters, digits, '-', '.', '_'; not ending in a period. */
export function validatePublisher(value: string): string | undefined {
  return validateImageIdentifierPart(value, 'publisher', PUBLISHER_MAX);
}

/** Image definition offer: 1–64 letters, digits, '-', '.', '_'; not ending in a period. */
export function validateOffer(value: string): string | undefined {
  return validateImageIdentifierPart(value, 'offer', OFFER_MAX);
}

/** Image definition SKU: 1–64 letters, digits, '-', '.', '_'; not ending in a period. */
export function validateSku(value: string): string | undefined {
  return validateImageIdentifierPart(value, 'SKU', SKU_MAX);
}

/**
 * Gallery application name: the same characters and length as an image definition's (GalleryRP.json
 * galleryApplicationName, "The allowed characters are alphabets and numbers with dots, dashes, and
 * periods allowed in the middle. The maximum length is 80 characters").
 */
export function validateApplicationName(value: string): string | undefined {
  return validateDefinitionLikeName(value, 'an application name', GALLERY_APPLICATION_NAME_MAX);
}
