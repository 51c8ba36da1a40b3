// One reading of "is this an absolute https:// URL", shared by the community-gallery links and
// the custom cloud endpoints, so both refuse the same things for the same reasons.

export type UrlProblem = 'empty' | 'whitespace' | 'malformed' | 'notHttps' | 'credentials' | 'noHost';

export interface UrlCheck {
  problem?: UrlProblem;
  /** The parsed URL when there is no problem. */
  url?: URL;
}

/** Checks that `text` is an absolute https:// URL with a host and no user name or password in it. */
export function checkHttpsUrl(text: string): UrlCheck {
  if (text.length === 0) return { problem: 'empty' };
  // The URL parser silently trims and percent-encodes whitespace; a pasted URL with a space in
  // it is almost always a copy mistake, so say so instead of sending the mangled form.
  if (/\s/.test(text)) return { problem: 'whitespace' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'malformed' };
  }
  if (url.protocol !== 'https:') return { problem: 'notHttps' };
  // The parser also forgives "https:host", "https:/host", "https:\\host" and an empty "@" before
  // the host. What was typed is what gets stored (and, for a community gallery, shown to everyone),
  // so ask for the plain form: "https://", then the host.
  const authority = /^https:\/\/([^/\\?#]*)/i.exec(text)?.[1];
  if (authority === undefined || authority === '') return { problem: 'malformed' };
  if (url.hostname.length === 0) return { problem: 'noHost' };
  if (url.username !== '' || url.password !== '' || authority.includes('@')) return { problem: 'credentials' };
  return { url };
}

/**
 * A warning for an optional link Azure stores as plain text (an image definition's EULA, privacy
 * statement and release notes): Azure takes any text there — its own API examples use http:// links
 * and a plain-text EULA — so nothing is refused, but anything other than a plain https:// address is
 * probably not what the user meant to publish. Undefined for an empty value or a good link.
 */
export function linkWarning(value: string, what: string, example: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  switch (checkHttpsUrl(v).problem) {
    case undefined:
      return undefined;
    case 'notHttps':
      return /^http:\/\//i.test(v)
        ? `Azure takes this http:// link as it is; an https:// address, for example ${example}, is safer for the ${what}.`
        : `Azure takes this as it is, but it is not a web link: the ${what} is usually an https:// address, for example ${example}.`;
    case 'credentials':
      return `Azure takes this as it is, but the ${what} shows a user name or password to everyone who reads the definition.`;
    default:
      return `Azure takes this text as it is, but it is not a web link: the ${what} is usually an https:// address, for example ${example}.`;
  }
}
