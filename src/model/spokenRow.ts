// What a screen reader says for a row of the tree: its name, its kind and its state in words.
// VS Code reads a row's label and description as shown unless the row gives accessibility
// information; shown text is terse ("2/3 regions", "·", "EOL", "Gen2") and reads badly aloud.

/** The kind of resource a row's context value names, in words ('' when the row is not a resource). */
export function kindWords(contextValue: string | undefined): string {
  const c = contextValue ?? '';
  if (/^acg\.subscription$/.test(c)) return 'subscription';
  if (/^acg\.gallery\./.test(c)) return 'gallery';
  if (/^acg\.shared\.gallery$/.test(c)) return 'gallery shared with you';
  if (/^acg\.community\.gallery$/.test(c)) return 'community gallery';
  if (/(^acg\.|\.)image$/.test(c)) return 'image definition';
  if (/^acg\.softDeletedVersion$/.test(c)) return 'deleted image version';
  if (/(^acg\.|\.)version(\.busy)?$/.test(c)) return 'image version';
  if (/^acg\.applications$/.test(c)) return 'VM applications of the gallery';
  if (/^acg\.application$/.test(c)) return 'VM application';
  if (/^acg\.applicationVersion(\.busy)?$/.test(c)) return 'VM application version';
  if (/^acg\.(region|appRegion)/.test(c)) return 'region';
  return '';
}

const WORDS: [RegExp, string][] = [
  [/\$\([a-z-]+\)\s*/g, ''],
  [/(\d+)\s*\/\s*(\d+) regions?/g, '$1 of $2 regions replicated'],
  [/(\d+(?:\.\d+)?)\s*%/g, '$1 percent'],
  [/×\s*(\d+)/g, '$1 replicas'],
  [/\bEOL\b/g, 'end of life'],
  [/\bGen(\d)\b/g, 'generation $1'],
  [/\s+·\s+/g, ', '],
  [/…/g, ''],
  [/\b(Standard|Premium|StandardSSD|PremiumV2)_(LRS|ZRS)\b/g, '$1 $2'],
];

/** Terse shown text in words: "Replicating 1/3 regions, 40%" → "Replicating 1 of 3 regions replicated, 40 percent". */
export function inWords(text: string): string {
  return WORDS.reduce((t, [pattern, words]) => t.replace(pattern, words), text).trim();
}

/**
 * "1.1.0, image version, Replicating 1 of 3 regions replicated, 40 percent": the name first, as
 * VS Code's own trees read (a row found by its name, in type-to-find and by screen-reader users).
 */
export function spokenRow(contextValue: string | undefined, label: string, description: string | undefined): string {
  const kind = kindWords(contextValue);
  const state = description ? inWords(description) : '';
  return [label, kind, state].filter(Boolean).join(', ');
}
