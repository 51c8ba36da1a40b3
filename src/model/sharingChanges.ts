// The changes to a gallery's sharing the Share commands make, put into words before anything is
// sent: what a community gallery shows publicly, which community details are still missing, which
// ids a Remove names that are not shared, and who loses access on a Reset.
import { sharedIds, type SharingGroupType, type SharingProfileLike } from './sharing';

export const COMMUNITY_FIELDS = ['publisherUri', 'publisherContact', 'eula', 'publicNamePrefix'] as const;
export type CommunityField = (typeof COMMUNITY_FIELDS)[number];

export const COMMUNITY_FIELD_LABELS: Record<CommunityField, string> = {
  publisherUri: 'publisher website',
  publisherContact: 'publisher e-mail',
  eula: 'legal agreement (EULA) link',
  publicNamePrefix: 'public name prefix',
};

export interface CommunityDetails {
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
  publicNamePrefix?: string;
  /** Azure's `{prefix}-{GUID}` names, once the gallery was made a community gallery. */
  publicNames?: readonly string[];
}

/** The community details a gallery still lacks (a gallery that never was a community gallery lacks all). */
export function missingCommunityInfo(info: CommunityDetails | undefined): CommunityField[] {
  return COMMUNITY_FIELDS.filter((f) => !(info?.[f] ?? '').trim());
}

export interface PublicDefinition {
  name: string;
  publisher: string;
  offer: string;
  sku: string;
}

/**
 * Every line a community gallery shows to all Azure users, for the warning before sharing it
 * publicly: the public name, the publisher's details and each definition's publisher/offer/SKU.
 */
export function whatBecomesPublic(info: CommunityDetails, definitions: readonly PublicDefinition[]): string[] {
  const publicName = info.publicNames?.[0] ?? `${info.publicNamePrefix ?? ''}-<GUID Azure adds>`;
  const lines = [
    `Public name: ${publicName}`,
    `Publisher e-mail: ${info.publisherContact ?? '(none)'}`,
    `Publisher website: ${info.publisherUri ?? '(none)'}`,
    `Legal agreement: ${info.eula ?? '(none)'}`,
  ];
  if (definitions.length === 0) {
    lines.push('Image definitions: none yet (each one you add later is public too, with its publisher, offer and SKU)');
  } else {
    lines.push(`Image definitions (publisher / offer / SKU), with every version in them:`);
    for (const d of [...definitions].sort((a, b) => a.name.localeCompare(b.name))) lines.push(`  ${d.name}: ${d.publisher} / ${d.offer} / ${d.sku}`);
  }
  return lines;
}

/** The ids of `wanted` (any case) the gallery is not shared with, as typed: a Remove of them changes nothing. */
export function idsNotShared(profile: SharingProfileLike | undefined, type: SharingGroupType, wanted: readonly string[]): string[] {
  const current = sharedIds(profile);
  const have = new Set(type === 'Subscriptions' ? current.subscriptions : current.tenants);
  return wanted.filter((id) => !have.has(id.toLowerCase()));
}

/** "subscription", "2 tenants": a count with its noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Whom a share names, in words: one by its name (or id), a few named ones by name, otherwise a
 * count: "tenant 72f988bf-…", "subscriptions Contoso Development and Contoso Test", "5 tenants".
 * Never "tenants <one id>".
 */
export function whomInWords(ids: readonly string[], one: string, many: string, nameOf: (id: string) => string | undefined): string {
  if (ids.length === 1) return `${one} ${nameOf(ids[0]!) ?? ids[0]}`;
  const names = ids.map(nameOf);
  if (ids.length <= 3 && names.every((n): n is string => n !== undefined)) return `${many} ${listInWords(names)}`;
  return countOf(ids.length, one, many);
}
