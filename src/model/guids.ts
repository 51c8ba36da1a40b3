// Subscription and tenant ids. Direct sharing takes lists of them (SharingProfileGroup.ids), and
// people paste several at once from the portal, a spreadsheet or `az account list`, so the
// parser accepts any mix of commas, semicolons, spaces and line breaks between ids.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The canonical form used for comparing and sending: lower case, no braces. */
export function normalizeGuid(text: string): string | undefined {
  const bare = text.replace(/^\{(.*)\}$/, '$1');
  return GUID.test(bare) ? bare.toLowerCase() : undefined;
}

export interface GuidList {
  /** Valid ids, lower-cased, duplicates removed, in the order first seen. */
  ids: string[];
  /** Pieces that are not GUIDs, as typed, duplicates removed. */
  invalid: string[];
}

/** Splits text holding several GUIDs (separated by commas, semicolons, whitespace) into valid and invalid pieces. */
export function parseGuidList(text: string): GuidList {
  const ids: string[] = [];
  const invalid: string[] = [];
  for (const piece of text.split(/[\s,;]+/)) {
    if (piece.length === 0) continue;
    const id = normalizeGuid(piece);
    if (id !== undefined) {
      if (!ids.includes(id)) ids.push(id);
    } else if (!invalid.includes(piece)) {
      invalid.push(piece);
    }
  }
  return { ids, invalid };
}

/** Input-box check for a list of ids; `what` names them ("subscription ids", "tenant ids"). */
export function validateGuidList(text: string, what = 'ids'): string | undefined {
  const { ids, invalid } = parseGuidList(text);
  if (invalid.length > 0) {
    const shown = invalid.slice(0, 3).map((s) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`).join(', ');
    const more = invalid.length > 3 ? ` and ${invalid.length - 3} more` : '';
    return `Fix ${shown}${more}: ${what} look like 00000000-0000-0000-0000-000000000000.`;
  }
  if (ids.length === 0) return `Enter one or more ${what}, separated by commas, spaces or new lines.`;
  return undefined;
}
