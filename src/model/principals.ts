// Finding the person, group or application to give a role to. People type what they know: an
// e-mail address or user principal name, a display name ("Ada Lovelace", "Image Publishers"), or
// an application (client) id or object id. This turns that text into the Microsoft Graph v1.0
// filters that find it (learn.microsoft.com "Use the $filter query parameter": eq and startswith
// on mail, userPrincipalName, displayName, appId and id are supported on users, groups and
// servicePrincipals without advanced query headers).
import { normalizeGuid } from './guids';

export type PrincipalKind = 'User' | 'Group' | 'ServicePrincipal';

export type PrincipalQuery =
  /** Contains "@": a mail address or a user principal name. */
  | { kind: 'email'; value: string }
  /** A GUID: an object id, or an application (client) id. */
  | { kind: 'guid'; value: string }
  /** Anything else: the start of a display name. */
  | { kind: 'name'; value: string };

/** Longest display-name prefix searched for (Graph caps filter strings; names are shorter). */
export const PRINCIPAL_QUERY_MAX = 256;

/** What the search box accepts, with a sentence saying what to type instead. */
export function validatePrincipalQuery(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return 'Type an e-mail address or user principal name (ada@contoso.com), a display name (Ada Lovelace, Image Publishers), or an application (client) id.';
  if (value.length > PRINCIPAL_QUERY_MAX) return `Type at most ${PRINCIPAL_QUERY_MAX} characters: the start of the name is enough.`;
  if (value.includes('@')) {
    const at = value.lastIndexOf('@');
    if (/\s/.test(value)) return 'Remove the spaces from the e-mail address or user principal name.';
    if (at === 0 || at === value.length - 1 || !value.slice(at + 1).includes('.')) {
      return 'Type the whole address, such as ada.lovelace@contoso.com (with the domain after "@").';
    }
  }
  return undefined;
}

/** What kind of text it is; undefined when validatePrincipalQuery refuses it. */
export function classifyPrincipalQuery(text: string): PrincipalQuery | undefined {
  if (validatePrincipalQuery(text) !== undefined) return undefined;
  const value = text.trim();
  const guid = normalizeGuid(value);
  if (guid) return { kind: 'guid', value: guid };
  if (value.includes('@')) return { kind: 'email', value };
  return { kind: 'name', value };
}

/** An OData string literal: quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The $filter per Graph collection that finds `query` (collections not listed are not searched). */
export function graphFilters(query: PrincipalQuery): Partial<Record<'users' | 'groups' | 'servicePrincipals', string>> {
  const v = odataString(query.value);
  switch (query.kind) {
    case 'email':
      return { users: `mail eq ${v} or userPrincipalName eq ${v}`, groups: `mail eq ${v}` };
    case 'guid':
      return { users: `id eq ${v}`, groups: `id eq ${v}`, servicePrincipals: `appId eq ${v} or id eq ${v}` };
    case 'name':
      return { users: `startswith(displayName,${v})`, groups: `startswith(displayName,${v})`, servicePrincipals: `startswith(displayName,${v})` };
  }
}

/** "user", "group", "application": how a principal kind is named in sentences. */
export function describePrincipalKind(kind: string | undefined): string {
  switch (kind?.toLowerCase()) {
    case 'user':
      return 'user';
    case 'group':
      return 'group';
    case 'serviceprincipal':
      return 'application';
    default:
      return kind ? kind.toLowerCase() : 'principal';
  }
}

/** The sentence shown when nothing in the directory matches. */
export function noPrincipalFound(query: PrincipalQuery, tenant?: string): string {
  const where = tenant ? `the directory of tenant ${tenant}` : 'your directory';
  switch (query.kind) {
    case 'email':
      return `No user or group in ${where} has the e-mail address or user principal name ${query.value}. Check the spelling, or type the display name instead.`;
    case 'guid':
      return `No user, group or application in ${where} has the object id or application id ${query.value}. Check the id, or type the display name instead.`;
    case 'name':
      return `No user, group or application in ${where} has a name starting with "${query.value}". Check the spelling, or type the e-mail address or application id instead.`;
  }
}
