// A SAS in a URL is a credential: anyone holding the URL reads the blob until it expires. Where the
// extension shows one (a summary, a hover, the log) the signature is cut to its first characters,
// enough to tell two apart; what is sent to Azure is the whole URL.

const SHOWN = 4;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The URL with its `sig` parameter cut to its first characters: `…&sig=AbCd…`. */
export function maskSas(url: string): string {
  return url.replace(/([?&]sig=)([^&#]*)/gi, (_m, head: string, sig: string) => {
    let plain = sig;
    try {
      plain = decodeURIComponent(sig);
    } catch {
      // Not percent-encoded as it should be: cut it as it is.
    }
    // Cut the decoded signature, so that a percent-escape is never cut in half.
    return `${head}${plain.length > SHOWN ? `${encodeURIComponent(plain.slice(0, SHOWN))}…` : sig}`;
  });
}

/** Whether the URL carries a SAS (a signature parameter). */
export function hasSas(url: string): boolean {
  return /[?&]sig=/i.test(url);
}

/**
 * The default expiry of the read-only SAS made for a picked or uploaded package: the version's end
 * of life when that comes within a year, else a year. The gallery reads the source blob when it
 * first replicates and, in some regions, again when a target region is added (later versions can
 * take a new SAS for that: Azure VM Runtime blog, "Publishing VM Applications in a Secure World",
 * 2026-05); the SAS is stored in the version's publishingProfile as plain text, readable by
 * anyone who can read the version (Microsoft Learn, "Publish Azure VM applications using managed
 * identity"), so it should not outlive the version's use, nor a year.
 */
export function defaultSasExpiry(now: Date, endOfLife?: Date): Date {
  const year = new Date(now.getTime() + 365 * DAY_MS);
  if (endOfLife && endOfLife.getTime() > now.getTime() + DAY_MS && endOfLife.getTime() < year.getTime()) return endOfLife;
  return year;
}

/** A SAS expiry typed as YYYY-MM-DD: after tomorrow, at most ten years on. */
export function validateSasExpiry(value: string, now: Date): string | undefined {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) return 'Enter the date the SAS expires as YYYY-MM-DD, e.g. 2027-06-30.';
  if (date.getTime() < now.getTime() + DAY_MS) return 'Give a date after tomorrow: the gallery reads the package while the version replicates.';
  if (date.getTime() > now.getTime() + 3650 * DAY_MS) return 'Give a date within ten years.';
  return undefined;
}
