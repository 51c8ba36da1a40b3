// Azure resource tags: what a gallery, image definition or image version may carry, and how the
// extension reads tags typed as text.
//
// Azure's limits (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources,
// "Limitations"): at most 50 tag name-value pairs per resource; a tag name at most 512 characters
// (128 for storage accounts — not these resources) and a value at most 256; tag names can't contain
// < > % & \ ? / . ARM answers a forbidden character with InvalidTagNameCharacters: "The tag names
// '<names>' have reserved characters '<,>,%,&,\,?,/' or control characters." (the answer quoted in
// MicrosoftDocs' storage tagging tutorial and mirrored by Azure PowerShell's tag checks). Tag names
// are case-insensitive (the same doc: "Tag names are case-insensitive for operations"), so two names
// differing only in case are one tag.

export const MAX_TAGS = 50;
export const MAX_TAG_NAME = 512;
export const MAX_TAG_VALUE = 256;
/** The characters a tag name can't contain, and control characters. */
const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
const FORBIDDEN_CHARS = '<>%&\\?/';
/** The first character a tag name can't have, or undefined. */
export function forbiddenTagNameCharacter(name: string): string | undefined {
  return [...name].find((c) => FORBIDDEN_CHARS.includes(c) || isControl(c));
}

export type Tags = Record<string, string>;

/** A tag name Azure takes; the message says what to type instead. */
export function validateTagName(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a tag name before the "=", for example environment=production.';
  if (name.length > MAX_TAG_NAME) return `Shorten the tag name to ${MAX_TAG_NAME} characters (it has ${name.length}).`;
  const bad = forbiddenTagNameCharacter(name);
  if (bad !== undefined) {
    const shown = isControl(bad) ? 'control characters' : `"${bad}"`;
    return `Remove ${shown} from the tag name "${name}": tag names can't contain < > % & \\ ? / or control characters.`;
  }
  return undefined;
}

export function validateTagValue(name: string, value: string): string | undefined {
  if (value.length > MAX_TAG_VALUE) return `Shorten the value of tag "${name}" to ${MAX_TAG_VALUE} characters (it has ${value.length}).`;
  return undefined;
}

/** Every rule for a whole set of tags; undefined when Azure takes them. */
export function validateTags(tags: Tags): string | undefined {
  const names = Object.keys(tags);
  for (const name of names) {
    const problem = validateTagName(name) ?? validateTagValue(name, tags[name]);
    if (problem) return problem;
  }
  if (names.length > MAX_TAGS) return `Remove ${names.length - MAX_TAGS} tags: a resource can have at most ${MAX_TAGS} (these are ${names.length}).`;
  return undefined;
}

/**
 * Tags typed as text: `name=value` pairs separated by ";" or new lines (the value may contain "=";
 * a name without "=" has an empty value; blank entries are skipped). Names are trimmed, values are
 * kept as typed except for surrounding spaces. Returns the tags or the first problem.
 */
export function parseTagsText(text: string): { tags: Tags; problem?: undefined } | { tags?: undefined; problem: string } {
  const tags: Tags = {};
  for (const entry of text.split(/[;\n]/)) {
    if (entry.trim() === '') continue;
    const at = entry.indexOf('=');
    const name = (at < 0 ? entry : entry.slice(0, at)).trim();
    const value = at < 0 ? '' : entry.slice(at + 1).trim();
    const problem = validateTagName(name) ?? validateTagValue(name, value);
    if (problem) return { problem };
    const twin = Object.keys(tags).find((n) => n.toLowerCase() === name.toLowerCase());
    if (twin !== undefined) return { problem: `Keep one "${name}": the tag is given twice (tag names ignore case).` };
    tags[name] = value;
  }
  const all = validateTags(tags);
  return all ? { problem: all } : { tags };
}

/** The text form parseTagsText reads back: "a=1; b=2". */
export function tagsToText(tags: Tags | undefined): string {
  return Object.entries(tags ?? {})
    .map(([n, v]) => `${n}=${v}`)
    .join('; ');
}

export interface TagChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

/** What changes between two tag sets (names compared as Azure does, ignoring case). */
export function tagChanges(before: Tags | undefined, after: Tags): TagChanges {
  const b = before ?? {};
  const find = (set: Tags, name: string) => Object.keys(set).find((n) => n.toLowerCase() === name.toLowerCase());
  const added = Object.keys(after).filter((n) => find(b, n) === undefined);
  const removed = Object.keys(b).filter((n) => find(after, n) === undefined);
  const changed = Object.keys(after).filter((n) => {
    const old = find(b, n);
    return old !== undefined && (b[old] !== after[n] || old !== n);
  });
  return { added, removed, changed };
}

export function describeTagChanges(c: TagChanges): string {
  const parts: string[] = [];
  if (c.added.length) parts.push(`adds ${c.added.join(', ')}`);
  if (c.changed.length) parts.push(`changes ${c.changed.join(', ')}`);
  if (c.removed.length) parts.push(`removes ${c.removed.join(', ')}`);
  return parts.length ? parts.join('; ') : 'no change';
}
