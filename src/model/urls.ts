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
