// Retention: which versions of an image definition "Clean Up Old Versions…" deletes, and why.
//
// Azure has no retention policy for gallery image versions (neither the portal nor `az sig` offers
// one); what it gives is the data to decide with, and two refusals to respect:
// - `publishingProfile.publishedDate` (GalleryRP.json 2025-12-03: "The published date of the
//   gallery image version Definition. This property can be used for decommissioning purposes.").
// - `publishingProfile.endOfLifeDate` (GalleryRP.json 2025-12-03: "The end of life date of the
//   gallery image version. This property can be used for decommissioning purposes.").
// - `safetyProfile.blockDeletionBeforeEndOfLife` (GalleryRP.json 2025-12-03: "Indicates whether or
//   not the deletion is blocked for this Gallery Image Version if its End Of Life has not
//   expired."): Azure refuses such a delete (409 OperationNotAllowed, see deletion.ts), so the
//   planner never plans one, whatever rules are on.
// - "latest" is Azure's choice of the highest candidate, region by region (latest.ts,
//   latestByRegion.ts): deleting it silently moves VMs and scale sets asking for "latest" to an
//   older version; "never delete the latest" keeps the definition's latest and every region's.
// - A version pinned by a VM or scale set (or followed as latest) is "in use": scale-out and
//   reimage of those fail once it is gone (usage.ts), hence "never delete one in use".
//
// How the rules combine (the same as `az acr run purge --ago --keep`, which image curators know):
// "older than D days" and "past end of life" choose what to delete (either is enough); "keep the
// newest N" protects the N highest version numbers from them. With keep-newest alone, everything
// below the newest N is deleted. Protections win over deletions, and each verdict names the rule
// that decided it.
import type { RegionalCandidate } from './latestByRegion';
import { resolveLatestByRegion } from './latestByRegion';
import { compareVersions } from './versions';

/** What the planner needs of a version: the list's fields (a list page carries all of them). */
export interface RetentionVersion extends RegionalCandidate {
  name: string;
  /** Resource id, carried through to the plan for the deletion. */
  id?: string;
  publishedDate?: Date;
  endOfLifeDate?: Date;
  blockDeletionBeforeEndOfLife?: boolean;
}

/** The rules the user picks and combines (undefined or false: that rule is off). */
export interface RetentionRules {
  /** Keep the newest N versions by version number. */
  keepNewest?: number;
  /** Delete versions published more than D days ago. */
  olderThanDays?: number;
  /** Delete versions whose end-of-life date has passed. */
  pastEndOfLife?: boolean;
  /** Never delete the version "latest" resolves to, for the definition or in any region. */
  keepLatest?: boolean;
  /** Never delete a version that VMs or scale sets use. */
  keepInUse?: boolean;
}

export type RetentionVerdictKind = 'delete' | 'keep';

export interface RetentionVerdict {
  name: string;
  id?: string;
  verdict: RetentionVerdictKind;
  /** The reason, in plain words ("published 120 days ago (more than 90)"). */
  reason: string;
}

export interface RetentionPlan {
  /** Every version: deletions first, each group by version number, highest first. */
  verdicts: RetentionVerdict[];
  deleteCount: number;
  keepCount: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const day = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Whether the rules delete anything at all (keep-newest alone does; protections alone do not). */
export function hasDeletionRule(rules: RetentionRules): boolean {
  return rules.keepNewest !== undefined || rules.olderThanDays !== undefined || rules.pastEndOfLife === true;
}

/** Why nothing may be planned with these rules, or undefined when they are complete. */
export function rulesProblem(rules: RetentionRules): string | undefined {
  if (!hasDeletionRule(rules)) return 'Pick at least one of "keep the newest N", "older than D days" or "past end of life": the others only protect versions.';
  if (rules.keepNewest !== undefined && (!Number.isInteger(rules.keepNewest) || rules.keepNewest < 0)) return 'Keep the newest N: N must be a whole number, 0 or more.';
  if (rules.olderThanDays !== undefined && (!Number.isInteger(rules.olderThanDays) || rules.olderThanDays < 0)) return 'Older than D days: D must be a whole number, 0 or more.';
  return undefined;
}

function wholeNumber(text: string, what: string): string | undefined {
  const t = text.trim();
  if (t.length === 0) return `Enter ${what}.`;
  if (!/^[0-9]+$/.test(t)) return `Enter ${what} as a whole number of digits only, for example 10.`;
  if (t.replace(/^0+(?=\d)/, '').length > 6) return `Enter ${what} of at most 999999.`;
  return undefined;
}

/** Input check for N of "keep the newest N". */
export function validateKeepNewest(text: string): string | undefined {
  return wholeNumber(text, 'how many of the newest versions to keep');
}

/** Input check for D of "older than D days". */
export function validateOlderThanDays(text: string): string | undefined {
  return wholeNumber(text, 'the age in days');
}

/** The rules in one line: "keep the newest 5; delete older than 90 days; never delete the latest". */
export function describeRules(rules: RetentionRules): string {
  const parts: string[] = [];
  if (rules.keepNewest !== undefined) parts.push(`keep the newest ${rules.keepNewest}`);
  if (rules.olderThanDays !== undefined) parts.push(`delete older than ${plural(rules.olderThanDays, 'day')}`);
  if (rules.pastEndOfLife) parts.push('delete past end of life');
  if (rules.keepLatest) parts.push('never delete the latest');
  if (rules.keepInUse) parts.push('never delete one in use');
  parts.push('never delete one blocked until its end of life');
  return parts.join('; ');
}

/** "it is the latest (…)", "it is the latest in West US 2, East US". */
function latestWords(where: readonly string[]): string {
  const regions = where.filter((w) => w !== '');
  const definition = where.includes('') ? 'it is the latest (what VMs asking for "latest" get)' : '';
  if (regions.length === 0) return definition;
  return definition ? `${definition}, and the latest in ${regions.join(', ')}` : `it is the latest in ${regions.join(', ')}`;
}

/** Why the version is protected (kept whatever the deletion rules say), or undefined. */
function protection(v: RetentionVersion, rules: RetentionRules, now: Date, latestWhere: ReadonlyMap<string, string[]>, inUse: ReadonlySet<string>, rank: number): string | undefined {
  if (v.blockDeletionBeforeEndOfLife && v.endOfLifeDate && v.endOfLifeDate.getTime() > now.getTime()) {
    return `deletion blocked until its end of life ${day(v.endOfLifeDate)} (blockDeletionBeforeEndOfLife): Azure refuses to delete it before then`;
  }
  if (v.blockDeletionBeforeEndOfLife && !v.endOfLifeDate) return 'deletion blocked until its end of life (blockDeletionBeforeEndOfLife), and it has no end-of-life date';
  const state = v.provisioningState?.toLowerCase();
  if (state === 'creating' || state === 'updating' || state === 'deleting') return `it is ${state} now`;
  const where = latestWhere.get(v.name);
  if (rules.keepLatest && where) return latestWords(where);
  if (rules.keepInUse && inUse.has(v.name.toLowerCase())) return 'VMs or scale sets use it';
  if (rules.keepNewest !== undefined && rank < rules.keepNewest) return `it is among the newest ${rules.keepNewest} (number ${rank + 1} by version)`;
  return undefined;
}

/** Why the deletion rules choose the version, or undefined. */
function selection(v: RetentionVersion, rules: RetentionRules, now: Date, rank: number): string | undefined {
  const reasons: string[] = [];
  if (rules.pastEndOfLife && v.endOfLifeDate && v.endOfLifeDate.getTime() <= now.getTime()) reasons.push(`past its end of life ${day(v.endOfLifeDate)}`);
  if (rules.olderThanDays !== undefined && v.publishedDate) {
    const age = Math.floor((now.getTime() - v.publishedDate.getTime()) / DAY_MS);
    if (age > rules.olderThanDays) reasons.push(`published ${plural(age, 'day')} ago (more than ${rules.olderThanDays})`);
  }
  if (reasons.length > 0) return reasons.join(', and ');
  // Alone, "keep the newest N" deletes what is below them: the newest N themselves are not chosen.
  if (rules.olderThanDays === undefined && !rules.pastEndOfLife && rules.keepNewest !== undefined && rank >= rules.keepNewest) return `older than the newest ${rules.keepNewest}`;
  return undefined;
}

/** Why the version stays when nothing protects it and no deletion rule chose it. */
function notChosen(v: RetentionVersion, rules: RetentionRules, now: Date): string {
  const parts: string[] = [];
  if (rules.olderThanDays !== undefined) {
    parts.push(v.publishedDate ? `published ${plural(Math.max(0, Math.floor((now.getTime() - v.publishedDate.getTime()) / DAY_MS)), 'day')} ago` : 'no published date');
  }
  if (rules.pastEndOfLife) parts.push(v.endOfLifeDate ? `end of life ${day(v.endOfLifeDate)} not reached` : 'no end-of-life date');
  return parts.length > 0 ? parts.join(', ') : 'no rule deletes it';
}

/** Version names each "latest" resolves to: '' for the definition's, else the region's label. */
function latestPlaces(versions: readonly RetentionVersion[]): Map<string, string[]> {
  const byRegion = resolveLatestByRegion(versions);
  const places = new Map<string, string[]>();
  const add = (name: string | undefined, where: string) => {
    if (name !== undefined) places.set(name, [...(places.get(name) ?? []), where]);
  };
  add(byRegion.latest, '');
  for (const d of byRegion.differences) add(d.latest, d.label);
  return places;
}

/**
 * Every version's verdict under `rules` at `now`. `inUse`: the names (any case) of the versions
 * VMs or scale sets use (a version followed as latest included).
 */
export function planRetention(versions: readonly RetentionVersion[], rules: RetentionRules, inUse: ReadonlySet<string>, now: Date): RetentionPlan {
  const used = new Set([...inUse].map((n) => n.toLowerCase()));
  const newestFirst = [...versions].sort((a, b) => compareVersions(b.name, a.name));
  const latestWhere = latestPlaces(versions);
  const deletions: RetentionVerdict[] = [];
  const keeps: RetentionVerdict[] = [];
  newestFirst.forEach((v, rank) => {
    const chosen = selection(v, rules, now, rank);
    const kept = protection(v, rules, now, latestWhere, used, rank);
    if (chosen && !kept) deletions.push({ name: v.name, id: v.id, verdict: 'delete', reason: chosen });
    else keeps.push({ name: v.name, id: v.id, verdict: 'keep', reason: kept ? (chosen ? `${kept} (though ${chosen})` : kept) : notChosen(v, rules, now) });
  });
  return { verdicts: [...deletions, ...keeps], deleteCount: deletions.length, keepCount: keeps.length };
}

/** Where the saved rules live in a workspace folder: a file the team can commit and review. */
export const RETENTION_FILE = '.vscode/azure-compute-gallery-retention.json';

/** The saved rules file: the rules of each definition, keyed by its resource id (lower case). */
export interface RetentionFile {
  definitions: Record<string, RetentionRules>;
}

function ruleOf(raw: unknown): RetentionRules | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const count = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined);
  const rules: RetentionRules = {
    keepNewest: count(r.keepNewest),
    olderThanDays: count(r.olderThanDays),
    pastEndOfLife: r.pastEndOfLife === true || undefined,
    keepLatest: r.keepLatest === true || undefined,
    keepInUse: r.keepInUse === true || undefined,
  };
  return rulesProblem(rules) ? undefined : rules;
}

/** Reads the file's text; anything unreadable (hand-edited badly) counts as no rules for that definition. */
export function parseRetentionFile(text: string | undefined): RetentionFile {
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  const raw = (json as { definitions?: unknown } | undefined)?.definitions;
  const definitions: Record<string, RetentionRules> = {};
  if (typeof raw === 'object' && raw !== null) {
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      const rules = ruleOf(value);
      if (rules) definitions[id.toLowerCase()] = rules;
    }
  }
  return { definitions };
}

/** The rules saved for a definition, if any. */
export function savedRulesFor(file: RetentionFile, definitionId: string): RetentionRules | undefined {
  return file.definitions[definitionId.toLowerCase()];
}

/** The file's text with `rules` saved for the definition: stable order, so a review shows one change. */
export function withSavedRules(file: RetentionFile, definitionId: string, rules: RetentionRules): string {
  const definitions = { ...file.definitions, [definitionId.toLowerCase()]: rules };
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((id) => [id, cleanRules(definitions[id]!)]));
  return `${JSON.stringify({ definitions: sorted }, null, 2)}\n`;
}

function cleanRules(r: RetentionRules): RetentionRules {
  const out: RetentionRules = {};
  if (r.keepNewest !== undefined) out.keepNewest = r.keepNewest;
  if (r.olderThanDays !== undefined) out.olderThanDays = r.olderThanDays;
  if (r.pastEndOfLife) out.pastEndOfLife = true;
  if (r.keepLatest) out.keepLatest = true;
  if (r.keepInUse) out.keepInUse = true;
  return out;
}
