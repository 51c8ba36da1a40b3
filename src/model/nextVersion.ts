// The version number Create Image Version proposes, and the check that a new number is above the
// highest one the definition has.
//
// Two schemes, chosen in the azureComputeGallery.versionScheme setting:
// - "patch": the patch after the highest existing version (versions.ts nextPatchVersion);
// - "date": Year.MonthDay.N — 2026.1207.0 for 7 December 2026, then 2026.1207.1 for a second one
//   that day. MonthDay is written as a number (7 January is 107, not 0107): Azure reads each part
//   as an int32, so "0107" and "107" are the same number under two names (see versions.ts), and
//   numeric order still follows the calendar (107 < 1207).
// Both stay within Azure's parts: "Digits must be within the range of a 32-bit integer"
// (GalleryRP.json 2025-12-03, GalleryImageVersion name) — resource-name-rules: "each segment is
// converted to an int32, so each segment has a max value of 2,147,483,647" (VERSION_PART_MAX).
// A proposal is never at or below the highest existing version: when today's date number is not
// above it (versions already numbered past today), the patch scheme's next number is proposed.
//
// Lower numbers: Azure creates a version lower than the highest without complaint, but "latest"
// is the highest number (latest.ts), so the new one would not become latest — the check says so
// and the flow lets the user go on anyway.
import { compareVersionParts, formatVersion, nextPatchVersion, parseVersion, VERSION_PART_MAX, type VersionParts } from './versions';

export const VERSION_SCHEMES = ['patch', 'date'] as const;
export type VersionScheme = (typeof VERSION_SCHEMES)[number];

/** The highest of the names that parse (by number), or undefined when none does. */
export function highestVersion(existing: readonly string[]): { name: string; parts: VersionParts } | undefined {
  let best: { name: string; parts: VersionParts } | undefined;
  for (const name of existing) {
    const parts = parseVersion(name);
    if (parts && (!best || compareVersionParts(parts, best.parts) > 0)) best = { name, parts };
  }
  return best;
}

/** Year.MonthDay.N for the local date of `now`: N counts up from 0 within the day. */
export function dateVersion(existing: readonly string[], now: Date): string | undefined {
  const today: VersionParts = { major: now.getFullYear(), minor: (now.getMonth() + 1) * 100 + now.getDate(), patch: 0 };
  const highest = highestVersion(existing)?.parts;
  if (!highest || compareVersionParts(today, highest) > 0) return formatVersion(today);
  if (highest.major === today.major && highest.minor === today.minor && highest.patch < VERSION_PART_MAX) return formatVersion({ ...today, patch: highest.patch + 1 });
  // Numbers already past today's (or today's patches used up): the next above the highest.
  return nextPatchVersion(existing);
}

/** The number to propose for a new version under `scheme` (undefined: no number is left above the highest). */
export function proposeVersion(existing: readonly string[], scheme: VersionScheme, now: Date = new Date()): string | undefined {
  return scheme === 'date' ? dateVersion(existing, now) : nextPatchVersion(existing);
}

/** The setting's value as a scheme: anything unknown is the patch scheme. */
export function versionSchemeOf(value: unknown): VersionScheme {
  return VERSION_SCHEMES.find((s) => s === value) ?? 'patch';
}

/**
 * Why `name` is not above the highest existing version, or undefined when it is (or does not
 * parse: the name's own rule speaks then). An equal number is the same version (versions.ts):
 * the existing-version check refuses it; this one speaks of lower numbers.
 */
export function belowHighestReason(name: string, existing: readonly string[]): string | undefined {
  const wanted = parseVersion(name);
  const highest = highestVersion(existing);
  if (!wanted || !highest || compareVersionParts(wanted, highest.parts) >= 0) return undefined;
  return `${name} is lower than ${highest.name}, the highest version of this definition: VMs asking for "latest" would keep getting ${highest.name} (or a higher version), never ${name}. Azure accepts it, so you can create it anyway — for example to patch an older release line.`;
}
