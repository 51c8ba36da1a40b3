// Browse Community Galleries: the public galleries Azure lists (one Resource Graph row per gallery
// and region: src/azure/communityListing.ts), merged into one entry per public name with every
// region it is in, and grouped by publisher for a quick pick. Pure: no vscode, no SDK.

/** One row of Resource Graph's `communitygalleryresources` table, as the Azure layer reads it. */
export interface CommunityListing {
  publicName: string;
  /** In lower case, as the table holds it (`eastus`). */
  location: string;
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
}

/** A public gallery across the regions it can be seen in. */
export interface CommunityGalleryEntry {
  publicName: string;
  /** Sorted, lower case. */
  regions: string[];
  publisher: string;
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
}

export interface PublisherGroup {
  publisher: string;
  galleries: CommunityGalleryEntry[];
}

/**
 * Who publishes a gallery, as a person would name them: the host of the publisher's website
 * (`contoso.example`), else the domain of the publisher's e-mail, else the public name's prefix
 * (Azure forms a public name from the publisher's chosen prefix, a dash and a GUID). Azure's
 * metadata has no publisher name (GalleryRP.json 2025-12-03 `CommunityGalleryMetadata`:
 * publisherUri, publisherContact, eula, publicNames, privacyStatementUri).
 */
export function publisherOf(listing: Pick<CommunityListing, 'publicName' | 'publisherUri' | 'publisherContact'>): string {
  const uri = listing.publisherUri?.trim();
  if (uri) {
    try {
      const host = new URL(uri).hostname.replace(/^www\./i, '');
      if (host) return host.toLowerCase();
    } catch {
      // Not a URL: fall through to the e-mail.
    }
  }
  const domain = listing.publisherContact?.split('@')[1]?.trim();
  if (domain) return domain.toLowerCase();
  return prefixOf(listing.publicName);
}

/** The prefix of a public name: what comes before its trailing `-<GUID>`. */
export function prefixOf(publicName: string): string {
  return publicName.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '');
}

/** One entry per public name (names compare case-insensitively), its regions merged. */
export function mergeListings(listings: readonly CommunityListing[]): CommunityGalleryEntry[] {
  const byName = new Map<string, CommunityGalleryEntry>();
  for (const l of listings) {
    if (!l.publicName) continue;
    const key = l.publicName.toLowerCase();
    const entry = byName.get(key) ?? {
      publicName: l.publicName,
      regions: [],
      publisher: publisherOf(l),
      publisherUri: l.publisherUri,
      publisherContact: l.publisherContact,
      eula: l.eula,
    };
    const region = l.location.toLowerCase();
    if (region && !entry.regions.includes(region)) entry.regions.push(region);
    byName.set(key, entry);
  }
  const entries = [...byName.values()];
  for (const e of entries) e.regions.sort();
  return entries.sort((a, b) => a.publicName.localeCompare(b.publicName, 'en', { sensitivity: 'base' }));
}

/** Publishers in alphabetical order, each with its galleries in alphabetical order. */
export function groupByPublisher(entries: readonly CommunityGalleryEntry[]): PublisherGroup[] {
  const groups = new Map<string, CommunityGalleryEntry[]>();
  for (const e of entries) groups.set(e.publisher, [...(groups.get(e.publisher) ?? []), e]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
    .map(([publisher, galleries]) => ({ publisher, galleries }));
}

/**
 * The region a gallery is added to the tree with: the one the user filtered on when it is there,
 * else its first. The gallery is the same in every region; the tree lists its images from this one.
 */
export function regionToAdd(entry: CommunityGalleryEntry, filter: string | undefined): string {
  const wanted = filter?.toLowerCase();
  return wanted && entry.regions.includes(wanted) ? wanted : entry.regions[0] ?? '';
}

/** What a row says under the gallery's name: where it is and who to ask. */
export function entryDetail(entry: CommunityGalleryEntry, regionNames: ReadonlyMap<string, string> = new Map()): string {
  const regions = entry.regions.map((r) => regionNames.get(r) ?? r);
  const shown = regions.length > 3 ? `${regions.slice(0, 3).join(', ')} and ${regions.length - 3} more` : regions.join(', ');
  return [shown, entry.publisherContact].filter(Boolean).join(' · ');
}

/**
 * The KQL the Azure CLI's `az sig list-community` sends, with a region filter when one is asked for
 * (the table's locations are lower case, so the filter is too): Azure/azure-cli
 * src/azure-cli/azure/cli/command_modules/vm/custom.py `sig_community_gallery_list`. Projected to
 * the columns read, ordered so pages are stable.
 */
export function communityGalleriesQuery(location?: string): string {
  const stages = ['communitygalleryresources', "where type == 'microsoft.compute/locations/communitygalleries'"];
  if (location) stages.push(`where location == '${location.toLowerCase().replace(/\s+/g, '').replace(/'/g, '')}'`);
  stages.push('project name, location, properties', 'order by name asc');
  return stages.join('\n| ');
}
