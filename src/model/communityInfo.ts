// The publisher information a community (public) gallery shows to every Azure user
// (sharingProfile.communityGalleryInfo in GalleryRP.json 2025-12-03: publicNamePrefix,
// publisherUri, publisherContact, eula — all plain strings in the spec).
//
// What Azure documents: the public name is `{publicNamePrefix}-{GUID}` ("Create a gallery",
// learn.microsoft.com), the contact is "the email address of the publisher", the URI "the link
// to the publisher website". The prefix's limits are NOT in the spec or the docs; 5–16 letters
// and digits is the rule of the portal's create form as far as it could be confirmed (published
// community galleries such as "ConstellationCVM-…" fit it). The limits are exported constants so
// that a correction is a one-line change.
//
// The links and the e-mail address: Azure checks that they are present (azure-cli's
// create_image_gallery in Azure/azure-cli src/azure-cli/azure/cli/command_modules/vm/custom.py
// requires all four) but no format — the docs' own REST example sends http:// links
// (MicrosoftDocs/azure-compute-docs articles/virtual-machines/create-gallery.md), and a gallery
// with a publisherUri that is no URI exists (https://github.com/Azure/azure-sdk-for-net/issues/38912).
// Since everything here is shown to every Azure user, the extension asks for more: https links on a
// public (dotted) host with no user name or password, and a plausible address. The local Azure
// enforces the same rules (test/emulator/compute/rules.ts) and test/conformance/inputAgreement
// checks that both agree.
import { characters, describeCharacter, firstCharacterNotIn, lengthOf } from './characters';
import { checkHttpsUrl } from './urls';

export const PUBLIC_NAME_PREFIX_MIN = 5;
export const PUBLIC_NAME_PREFIX_MAX = 16;
export const EMAIL_MAX = 254;

/** The prefix of the public gallery name (Azure appends "-" and a GUID). */
export function validatePublicNamePrefix(value: string): string | undefined {
  if (value.length === 0) {
    return `Enter a public name prefix: ${PUBLIC_NAME_PREFIX_MIN}–${PUBLIC_NAME_PREFIX_MAX} letters and digits.`;
  }
  const bad = firstCharacterNotIn(value, /^[A-Za-z0-9]$/);
  if (bad !== undefined) {
    return `Remove ${describeCharacter(bad)}: the public name prefix uses only letters and digits (Azure adds "-" and a GUID after it).`;
  }
  const length = lengthOf(value);
  if (length < PUBLIC_NAME_PREFIX_MIN) {
    return `Use at least ${characters(PUBLIC_NAME_PREFIX_MIN)} for the public name prefix (this has ${length}).`;
  }
  if (length > PUBLIC_NAME_PREFIX_MAX) {
    return `Use at most ${characters(PUBLIC_NAME_PREFIX_MAX)} for the public name prefix (this has ${length}).`;
  }
  return undefined;
}

function validatePublicLink(value: string, what: string, example: string): string | undefined {
  const { problem, url } = checkHttpsUrl(value);
  switch (problem) {
    case 'empty':
      return `Enter the ${what} as an https:// address, for example ${example}.`;
    case 'whitespace':
      return `Remove the spaces from the ${what}: type one address, for example ${example}.`;
    case 'malformed':
      return `Enter the ${what} as a full address starting with https://, for example ${example}.`;
    case 'notHttps':
      return `Use an https:// address for the ${what}, for example ${example}; everyone who sees the gallery will open it.`;
    case 'noHost':
      return `Add the site name to the ${what}, for example ${example}.`;
    case 'credentials':
      return `Remove the user name or password from the ${what}: it is shown publicly. Type only the address, for example ${example}.`;
    case undefined:
      break;
  }
  // A public link needs a public host name: "https://intranet/", "https://10.0.0.1/" or
  // "https://[::1]/" work for no one outside.
  if (url && !isPublicHostName(url.hostname)) {
    return `Use a public site for the ${what}, with a full host name, for example ${example}.`;
  }
  return undefined;
}

/** Two or more dot-separated labels, none empty, not an IP address (the parser has already turned a numeric last label into IPv4 or refused it). */
function isPublicHostName(hostname: string): boolean {
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((l) => l.length > 0) && !/^[0-9]+$/.test(labels[labels.length - 1]);
}

// Azure stores the publisher website and the legal agreement as any non-empty text: the spec's own
// CommunityGallery_Create example sends publisherUri "uri" and eula "eula". So only an empty value
// is refused; everything else a public link should be (https, a public host, no credentials, no
// spaces) is a warning the input box shows and the user may send anyway.

/** The publisher's website, shown to every Azure user: required. */
export function validatePublisherUri(value: string): string | undefined {
  return value.trim() === '' ? 'Enter the publisher website, for example https://www.contoso.com/.' : undefined;
}

/** The legal agreement (EULA) link, shown to every Azure user: required. */
export function validateLegalAgreementUri(value: string): string | undefined {
  return value.trim() === '' ? 'Enter the legal agreement link, for example https://www.contoso.com/eula.' : undefined;
}

/** What is wrong with the publisher website as a public link, if anything (a warning: Azure takes it). */
export function publisherUriWarning(value: string): string | undefined {
  return value.trim() === '' ? undefined : validatePublicLink(value, 'publisher website', 'https://www.contoso.com/');
}

/** What is wrong with the legal agreement link as a public link, if anything (a warning: Azure takes it). */
export function legalAgreementWarning(value: string): string | undefined {
  return value.trim() === '' ? undefined : validatePublicLink(value, 'legal agreement link', 'https://www.contoso.com/eula');
}

// Plausible, not RFC 5322-complete: dot-atom local part, host names with a 2+ letter top level.
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** The publisher's support e-mail address, shown to every Azure user. */
export function validatePublisherEmail(value: string): string | undefined {
  const example = 'for example support@contoso.com';
  if (value.length === 0) return `Enter the publisher's support e-mail address, ${example}.`;
  if (/\s/.test(value)) return `Remove the spaces from the e-mail address, ${example}.`;
  if (value.length > EMAIL_MAX) return `Use an e-mail address of at most ${EMAIL_MAX} characters, ${example}.`;
  const at = value.lastIndexOf('@');
  if (at < 0) return `Add the "@" and domain to the e-mail address, ${example}.`;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return `Add the name before "@", ${example}.`;
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) {
    return `Fix the part before "@": use letters, digits and . _ + -, without two periods in a row, ${example}.`;
  }
  if (domain.length === 0) return `Add the domain after "@", ${example}.`;
  if (!EMAIL_DOMAIN.test(domain)) return `Fix the domain after "@" (such as contoso.com), ${example}.`;
  return undefined;
}
