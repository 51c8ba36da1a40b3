// Browse Community Galleries: the public galleries Azure lists, from Resource Graph's
// `communitygalleryresources` table. ARM has no list of community galleries (GalleryRP.json
// 2025-12-03 has GET by public name only); the Azure CLI's `az sig list-community` queries this
// table too (Azure/azure-cli vm/custom.py `sig_community_gallery_list`, through `_arg_client.py`).
import { communityGalleriesQuery, type CommunityListing } from '../model/communityDiscovery';
import { queryRows } from './resourceGraph';
import type { AzureTarget, CallOptions } from './types';

interface CommunityRow {
  name?: string;
  location?: string;
  properties?: { communityMetadata?: { publisherUri?: string; publisherContact?: string; eula?: string } | null } | null;
}

/**
 * Every public gallery Azure lists (in `location` only, when given), one row per gallery and
 * region: one query, paged. The table is public, but Resource Graph still answers for a scope, so
 * the caller's subscriptions are sent as for any query.
 */
export async function listCommunityGalleries(
  target: Omit<AzureTarget, 'subscriptionId'>,
  subscriptionIds: readonly string[],
  location?: string,
  options: CallOptions = {},
): Promise<CommunityListing[]> {
  const out: CommunityListing[] = [];
  await queryRows<CommunityRow>(target, subscriptionIds, communityGalleriesQuery(location), options, (row) => {
    if (!row.name) return;
    const m = row.properties?.communityMetadata ?? undefined;
    out.push({ publicName: row.name, location: (row.location ?? '').toLowerCase(), publisherUri: m?.publisherUri, publisherContact: m?.publisherContact, eula: m?.eula });
  });
  return out;
}
