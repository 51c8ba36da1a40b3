// Reading the few answers typed in a compact form: a recommended range ("2-16") and replica counts
// per region ("2", or "eastus=2, westus2=1"). The rules themselves come from src/model; this file
// only reads the text and says how to write it. Pure: unit-tested in test/unit/ui.
import { parsePositiveInteger, validatePositiveIntegerText, validateResourceRange, type ResourceRange } from '../model/recommendedRanges';
import { MAX_REPLICA_COUNT, normalizeRegionName } from '../model/replication';

const RANGE = /^\s*(\d*)\s*(?:-|\.\.)\s*(\d*)\s*$/;

/** "2-16", "2-" (at least), "-16" (at most), "4" (exactly), "" (no recommendation). */
export function validateRangeText(text: string, what: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const single = /^\d+$/.test(value) ? value : undefined;
  const m = single === undefined ? RANGE.exec(value) : undefined;
  if (single === undefined && !m) return `Write the ${what} range as min-max, for example 2-16 (2- for at least 2, -16 for at most 16), or leave it empty.`;
  const [min, max] = single !== undefined ? [single, single] : [m![1] ?? '', m![2] ?? ''];
  if (min === '' && max === '') return `Write at least one number, for example 2-16, or leave the ${what} range empty.`;
  const problem = validatePositiveIntegerText(min, `minimum ${what}`) ?? validatePositiveIntegerText(max, `maximum ${what}`);
  if (problem) return problem;
  return validateResourceRange(rangeFromText(value), what);
}

/** The range a valid text means (both ends optional). */
export function rangeFromText(text: string): ResourceRange {
  const value = text.trim();
  if (/^\d+$/.test(value)) {
    const n = parsePositiveInteger(value);
    return { min: n, max: n };
  }
  const m = RANGE.exec(value);
  if (!m) return {};
  const range: ResourceRange = {};
  if (m[1]) range.min = parsePositiveInteger(m[1]) ?? Number(m[1]);
  if (m[2]) range.max = parsePositiveInteger(m[2]) ?? Number(m[2]);
  return range;
}

export function rangeToText(range: ResourceRange | undefined): string {
  if (!range || (range.min === undefined && range.max === undefined)) return '';
  if (range.min !== undefined && range.min === range.max) return String(range.min);
  return `${range.min ?? ''}-${range.max ?? ''}`;
}

export interface ReplicaCounts {
  /** Count for regions not named. */
  all: number;
  /** Per region (normalized names). */
  byRegion: Map<string, number>;
}

/**
 * Reads "2" (every region) or "eastus=2, westus2=1" (the regions named; others get 1), checking
 * each count is 1–100 and each named region is one of `regions`. Returns the counts or a message.
 */
export function parseReplicaCounts(text: string, regions: readonly string[]): ReplicaCounts | string {
  const value = text.trim();
  const countProblem = (n: string, where: string) =>
    !/^\d+$/.test(n) || Number(n) < 1 || Number(n) > MAX_REPLICA_COUNT ? `Use a whole number from 1 to ${MAX_REPLICA_COUNT} for ${where} (not "${n}").` : undefined;
  if (value === '') return `Enter the number of replicas per region (1 to ${MAX_REPLICA_COUNT}), for example 1.`;
  if (/^\d+$/.test(value)) {
    const problem = countProblem(value, 'the replicas in each region');
    return problem ?? { all: Number(value), byRegion: new Map() };
  }
  const known = new Set(regions.map(normalizeRegionName));
  const byRegion = new Map<string, number>();
  for (const part of value.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(part);
    if (!m) return `Write one number for every region (e.g. 2), or region=count pairs such as ${regions[0] ?? 'eastus'}=2, separated by commas.`;
    const region = normalizeRegionName(m[1] ?? '');
    if (!known.has(region)) return `${m[1]} is not one of the target regions (${[...known].join(', ')}): use one of them, or go Back and add it.`;
    if (byRegion.has(region)) return `Give ${region} only one count.`;
    const problem = countProblem(m[2] ?? '', region);
    if (problem) return problem;
    byRegion.set(region, Number(m[2]));
  }
  return { all: 1, byRegion };
}

/** The replica count of one region under `counts`. */
export function replicasIn(counts: ReplicaCounts, region: string): number {
  return counts.byRegion.get(normalizeRegionName(region)) ?? counts.all;
}
