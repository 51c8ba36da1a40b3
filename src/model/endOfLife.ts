// End-of-life dates on image definitions and image versions (`endOfLifeDate`, format date-time in
// GalleryRP.json). Azure refuses a date in the past when one is set, so the check is "valid ISO
// date, strictly after now". `now` is a parameter so tests do not depend on the clock.
//
// Accepted input: a calendar date `YYYY-MM-DD` (read as midnight UTC, the start of that day, which
// is what the portal sends), or a full ISO date-time with a zone (`Z` or `±HH:MM`). A date-time
// without a zone is refused: it would mean a different instant on every machine.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reads an ISO date or zoned date-time; undefined if it is not one or names a day that does not exist. */
export function parseIsoDate(text: string): Date | undefined {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    return realDate(year, month, day) ? new Date(Date.UTC(year, month - 1, day)) : undefined;
  }
  const full = DATE_TIME.exec(text);
  if (!full) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(full[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  if (!realDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = full[7] ?? 'Z';
  if (zone.toUpperCase() !== 'Z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = Number(zone.slice(4, 6));
    if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  }
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** `YYYY-MM-DD` of a date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Input-box check for an end-of-life date. Empty is accepted: the date is optional. Otherwise it
 * must be an ISO date (or zoned date-time) strictly after `now`.
 */
export function validateEndOfLifeDate(value: string, now: Date): string | undefined {
  if (value.length === 0) return undefined;
  const nextYear = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), Math.min(now.getUTCDate(), 28)));
  const example = `for example ${isoDay(nextYear)}`;
  const date = parseIsoDate(value.trim());
  if (!date) return `Enter the date as YYYY-MM-DD, ${example}.`;
  if (date.getTime() <= now.getTime()) {
    return `Pick a date in the future, ${example}: the end-of-life date cannot be today or earlier.`;
  }
  return undefined;
}

/** What an image definition and a VM application both describe themselves with. */
export interface DescribedItem {
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  endOfLifeDate?: Date;
}

/** Those texts as the update flows show and edit them: '' for none, the end of life as YYYY-MM-DD. */
export function describedTexts(x: DescribedItem): Record<keyof DescribedItem, string> {
  return {
    description: x.description ?? '',
    eula: x.eula ?? '',
    privacyStatementUri: x.privacyStatementUri ?? '',
    releaseNoteUri: x.releaseNoteUri ?? '',
    endOfLifeDate: x.endOfLifeDate ? isoDay(x.endOfLifeDate) : '',
  };
}
