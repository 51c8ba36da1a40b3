// Image (and application) version names: `Major.Minor.Patch`.
//
// Source: GalleryRP.json 2025-12-03 — "Needs to follow semantic version name pattern: The allowed
// characters are digit and period. Digits must be within the range of a 32-bit integer", pattern
// `^[0-9]+\.[0-9]+\.[0-9]+$` on script versions; resource-name-rules adds "each segment is
// converted to an int32, so each segment has a max value of 2,147,483,647".
//
// Leading zeros: Azure's pattern lets "01.0.0" through and then reads each part as an int32, so
// "01.0.0" and "1.0.0" mean the same number but are different resource names — a trap for
// "latest" and for sorting. The validator therefore refuses leading zeros ("0" itself is fine);
// parseVersion, which reads names Azure already holds, accepts them and reads the number, as
// Azure does.

export const VERSION_PART_MAX = 2_147_483_647;

/** The three numbers of a version name. */
export interface VersionParts {
  major: number;
  minor: number;
  patch: number;
}

const VERSION_SHAPE = /^([0-9]+)\.([0-9]+)\.([0-9]+)$/;

function readPart(digits: string): number | undefined {
  // Strip zeros before measuring, so "0000000001" is 1, and a 400-digit string never reaches Number().
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > 10) return undefined;
  const n = Number(significant);
  return n <= VERSION_PART_MAX ? n : undefined;
}

/** Reads `Major.Minor.Patch` as Azure does (leading zeros allowed); undefined if Azure would refuse it. */
export function parseVersion(text: string): VersionParts | undefined {
  const m = VERSION_SHAPE.exec(text);
  if (!m) return undefined;
  const major = readPart(m[1] ?? '');
  const minor = readPart(m[2] ?? '');
  const patch = readPart(m[3] ?? '');
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  return { major, minor, patch };
}

export function formatVersion(v: VersionParts): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** Numeric order of two parsed versions: negative, zero or positive. */
export function compareVersionParts(a: VersionParts, b: VersionParts): number {
  return Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch);
}

/**
 * A total order on version names, for sorting lists Azure returns: names that do not parse come
 * first (in plain string order), then valid ones by number; equal numbers ("1.0.0" and
 * "01.0.0") are told apart by their text so that only identical strings compare equal.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa && pb) {
    const byNumber = compareVersionParts(pa, pb);
    if (byNumber !== 0) return byNumber;
  } else if (pa) {
    return 1;
  } else if (pb) {
    return -1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const PART_NAMES = ['major', 'minor', 'patch'] as const;

/**
 * Version name as the user types it: `Major.Minor.Patch`, each 0..2147483647. Leading zeros are
 * allowed, as Azure reads each part as an integer (date-style names such as 2024.01.15 are common).
 */
export function validateImageVersionName(value: string): string | undefined {
  if (value.length === 0) return 'Enter a version as Major.Minor.Patch, for example 1.0.0.';
  if (/\s/.test(value)) return 'Remove the spaces: write the version as Major.Minor.Patch, for example 1.0.0.';
  if (/[+-]/.test(value)) return 'Use digits and periods only, without + or - signs, for example 1.0.0.';
  if (/[^0-9.]/.test(value)) return 'Use digits and periods only, as Major.Minor.Patch, for example 1.0.0.';
  const parts = value.split('.');
  if (parts.length !== 3) {
    return `Use exactly three numbers separated by periods (Major.Minor.Patch), for example 1.0.0; this has ${parts.length}.`;
  }
  for (const [i, part] of parts.entries()) {
    const name = PART_NAMES[i] ?? 'part';
    if (part.length === 0) return `Fill in the ${name} number: write Major.Minor.Patch, for example 1.0.0.`;
    if (readPart(part) === undefined) return `Keep the ${name} number at most ${VERSION_PART_MAX}.`;
  }
  return undefined;
}

/**
 * The version to suggest for a new upload: the patch after the highest existing version, or
 * 1.0.0 when there is none. A patch at the int32 limit rolls over into the next minor (and a
 * minor at the limit into the next major). Undefined only when 2147483647.2147483647.2147483647
 * already exists. Names that do not parse are ignored.
 */
export function nextPatchVersion(existing: readonly string[]): string | undefined {
  let highest: VersionParts | undefined;
  for (const name of existing) {
    const v = parseVersion(name);
    if (v && (!highest || compareVersionParts(v, highest) > 0)) highest = v;
  }
  if (!highest) return '1.0.0';
  const { major, minor, patch } = highest;
  if (patch < VERSION_PART_MAX) return formatVersion({ major, minor, patch: patch + 1 });
  if (minor < VERSION_PART_MAX) return formatVersion({ major, minor: minor + 1, patch: 0 });
  if (major < VERSION_PART_MAX) return formatVersion({ major: major + 1, minor: 0, patch: 0 });
  return undefined;
}
