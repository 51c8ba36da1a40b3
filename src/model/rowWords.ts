// The words the tree's rows and tooltips use for what Azure returns, so owned, shared and community
// items read alike: Azure's enum values in plain English ("TrustedLaunchSupported" → "Trusted
// launch supported", "V2" → "Gen2"), a gallery's sharing state, and who shares a gallery with you.
//
// Sources:
// - Enum values: GalleryRP.json 2025-12-03 (HyperVGeneration V1 | V2; SecurityType feature values;
//   OperatingSystemStateTypes Generalized | Specialized; Architecture x64 | Arm64). The plain words
//   are the portal's and Microsoft Learn's ("Generation 2", "Trusted launch", "Confidential VM").
// - A direct-shared gallery's unique name is `{owner subscription id}-{GALLERY NAME IN CAPITALS}`
//   (Azure's answers as scripts and SDK samples quote them, e.g.
//   `/SharedGalleries/0a2c89a7-a44e-4cd0-b6ec-868432ad1d13-TESTGALLERYAGENT/Images/...`; the
//   shared gallery's `identifier.uniqueId` is `/SharedGalleries/{unique name}`). Azure lists it
//   once per region it can be used from (GET .../locations/{location}/sharedGalleries).
// - A community gallery is published only after the EnableCommunity share operation
//   (communityGalleryInfo.communityGalleryEnabled; learn.microsoft.com "Share images using a
//   community gallery"); its publisher e-mail, website and legal agreement are public.
import { describeSecurityType, parseSecurityType } from './imageRules';

/** "V1" → "Gen1", "V2" → "Gen2"; anything else as Azure said it; undefined when Azure said nothing. */
export function generationWord(hyperVGeneration: string | undefined): string | undefined {
  if (!hyperVGeneration) return undefined;
  const g = hyperVGeneration.toUpperCase();
  return g === 'V1' ? 'Gen1' : g === 'V2' ? 'Gen2' : hyperVGeneration;
}

/** "TrustedLaunchSupported" → "Trusted launch supported"; none → "Standard"; unknown values as Azure said them. */
export function securityWord(securityType: string | undefined): string {
  if (!securityType) return 'Standard';
  // PowerShell may store "None" for the opt-out; Azure takes it as Standard.
  if (securityType.toLowerCase() === 'none') return 'Standard';
  const known = parseSecurityType(securityType);
  return known ? describeSecurityType(known) : securityType;
}

/** The parts of a definition (owned, shared or community) the rows describe. */
export interface RowDefinition {
  osType?: string;
  osState?: string;
  hyperVGeneration?: string;
  architecture?: string;
  securityType?: string;
}

const isStandard = (securityType: string | undefined) => securityWord(securityType) === 'Standard';

/**
 * The row's short description: what differs from the common case (generalized, x64, Standard
 * security) is named, the rest is left to the tooltip, so it fits a normal side bar.
 * "Linux · Gen2 · Trusted launch supported", "Windows · Specialized · Gen1".
 */
export function definitionSummary(i: RowDefinition): string {
  return [
    i.osType,
    i.osState?.toLowerCase() === 'specialized' ? 'Specialized' : '',
    generationWord(i.hyperVGeneration),
    i.architecture?.toLowerCase() === 'arm64' ? 'Arm64' : '',
    isStandard(i.securityType) ? '' : securityWord(i.securityType),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The tooltip's line: "Linux (Generalized) · Gen2 · x64 · Trusted launch supported". */
export function definitionDetail(i: RowDefinition): string {
  const os = i.osType ? `${i.osType}${i.osState ? ` (${i.osState})` : ''}` : i.osState;
  return [os, generationWord(i.hyperVGeneration), i.architecture, securityWord(i.securityType)].filter(Boolean).join(' · ');
}

/** What a gallery's sharing looks like on its row. */
export interface GallerySharingWords {
  /** "Private", "Direct share", "Community", "Community, not published". */
  kind: string;
  /** False only for a community gallery not yet published (EnableCommunity not done). */
  published: boolean;
}

export function gallerySharingWords(permissions: 'Private' | 'Groups' | 'Community', communityEnabled: boolean | undefined): GallerySharingWords {
  if (permissions === 'Groups') return { kind: 'Direct share', published: true };
  if (permissions === 'Community') return communityEnabled ? { kind: 'Community', published: true } : { kind: 'Community, not published', published: false };
  return { kind: 'Private', published: true };
}

/** A subscription or tenant the signed-in user can see, by id. */
export interface KnownName {
  id: string;
  name: string;
}

const nameOf = (id: string, known: readonly KnownName[]) => known.find((k) => k.id.toLowerCase() === id.toLowerCase())?.name;

/** "Contoso Development (00000000-…-a002)" when the user can see it, else the id alone. */
export function namedId(id: string, known: readonly KnownName[]): string {
  const name = nameOf(id, known);
  return name ? `${name} (${id})` : id;
}

/** One line of whom a direct share reaches: its label and each id, named where the user can see it. */
export interface SharedWithLine {
  /** "Shared with subscription", "Shared with 2 tenants", or the whole line when nothing is shared. */
  label: string;
  entries: { id: string; name?: string }[];
}

/** Whom a direct-shared gallery reaches, subscriptions first, then tenants. */
export function sharedWith(groups: readonly { type: string; ids: readonly string[] }[], subscriptions: readonly KnownName[], tenants: readonly KnownName[]): SharedWithLine[] {
  const ids = (type: string) => groups.filter((g) => g.type.toLowerCase() === type.toLowerCase()).flatMap((g) => g.ids);
  const line = (one: string, many: string, list: string[], known: readonly KnownName[]): SharedWithLine => ({
    label: `Shared with ${list.length === 1 ? one : `${list.length} ${many}`}`,
    entries: list.map((id) => ({ id, name: nameOf(id, known) })),
  });
  const subs = ids('Subscriptions');
  const tens = ids('AADTenants');
  if (subs.length === 0 && tens.length === 0) return [{ label: 'Not shared with any subscription or tenant yet', entries: [] }];
  const lines: SharedWithLine[] = [];
  if (subs.length > 0) lines.push(line('subscription', 'subscriptions', subs, subscriptions));
  if (tens.length > 0) lines.push(line('tenant', 'tenants', tens, tenants));
  return lines;
}

/** The same as plain text: "Shared with subscription: Contoso Development (00000000-…)". */
export function sharedWithLines(groups: readonly { type: string; ids: readonly string[] }[], subscriptions: readonly KnownName[], tenants: readonly KnownName[]): string[] {
  return sharedWith(groups, subscriptions, tenants).map((l) =>
    l.entries.length === 0 ? l.label : `${l.label}: ${l.entries.map((e) => (e.name ? `${e.name} (${e.id})` : e.id)).join(', ')}`,
  );
}

const GUID_PREFIX = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(.+)$/i;

/** A direct-shared gallery's unique name split into the owner's subscription id and the gallery's name. */
export function parseSharedGalleryName(uniqueName: string): { subscriptionId?: string; galleryName: string } {
  const m = GUID_PREFIX.exec(uniqueName);
  return m ? { subscriptionId: m[1], galleryName: m[2] } : { galleryName: uniqueName };
}

/** "0a2c89a7-a44e-…" → "0a2c89a7…": enough to tell subscriptions apart on a narrow row. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Who shares the gallery: the subscription's name when the user can see it, else "subscription 0a2c89a7…". */
export function sharedGalleryOwner(uniqueName: string, subscriptions: readonly KnownName[]): string | undefined {
  const { subscriptionId } = parseSharedGalleryName(uniqueName);
  if (!subscriptionId) return undefined;
  return nameOf(subscriptionId, subscriptions) ?? `subscription ${shortId(subscriptionId)}`;
}

/** Regions as a short list: "eastus, westus2" (sorted, each once). */
export function regionsText(regions: readonly string[]): string {
  return [...new Set(regions.map((r) => r.toLowerCase()))].sort().join(', ');
}

/** A shared gallery's row description: "Fabrikam Images · eastus, westus2". */
export function sharedGalleryDescription(uniqueName: string, regions: readonly string[], subscriptions: readonly KnownName[]): string {
  return [sharedGalleryOwner(uniqueName, subscriptions), regionsText(regions)].filter(Boolean).join(' · ');
}
