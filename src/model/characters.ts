// Shared helpers for validation messages. Messages are shown live in an input box while the
// user types, so they must name the exact character at fault in a form a person can read.

/** How to name one character in a message: `"#"`, `a space`, `U+200B` for invisible ones. */
export function describeCharacter(ch: string): string {
  if (ch === ' ') return 'spaces';
  if (ch === '\t') return 'tabs';
  if (ch === '\n' || ch === '\r') return 'line breaks';
  const code = ch.codePointAt(0) ?? 0;
  // Control and format characters (zero-width space, BOM...) print as nothing, so show the code.
  if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(ch)) return `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}

/** The first character of `text` that `allowed` does not accept, or undefined. */
export function firstCharacterNotIn(text: string, allowed: RegExp): string | undefined {
  for (const ch of text) {
    if (!allowed.test(ch)) return ch;
  }
  return undefined;
}

/** "1 character" / "81 characters". */
export function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`;
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function lengthOf(text: string): number {
  return [...text].length;
}
