import type { Gallery as SdkGallery } from '@azure/arm-compute';
import { resourceGraphClient } from './clientFactory';
import { azureCall } from './errors';
import { toGallery } from './galleries';
import type { AzureTarget, CallOptions, Gallery } from './types';

/** Resource Graph takes at most this many subscriptions per query and returns at most 1000 rows per page. */
const SUBSCRIPTIONS_PER_QUERY = 1000;
const ROWS_PER_PAGE = 1000;

/** What a page cost, as it arrives: its request (send to parsed answer) and turning its rows into the caller's. */
export interface PageDone {
  index: number;
  rows: number;
  /** The rows Resource Graph matched in this batch of subscriptions (every page says it). */
  totalRecords: number;
  requestMs: number;
  rowsMs: number;
  /** No page follows. */
  last: boolean;
}

export interface QueryOptions extends CallOptions {
  /** Called after each page's rows went to onRow: callers show what they have while later pages load. */
  onPage?: (page: PageDone) => void;
}

const GALLERIES_QUERY = "resources | where type =~ 'microsoft.compute/galleries' | project id, name, location, tags, properties";

/** The columns every resource row of Resource Graph's `resources` table has (each may be absent from a projection). */
export interface ResourceRow {
  id?: string;
  name?: string;
  type?: string;
  location?: string;
  resourceGroup?: string;
  subscriptionId?: string;
}

interface GalleryRow {
  id?: string;
  name?: string;
  location?: string;
  tags?: Record<string, string> | null;
  properties?: Record<string, unknown> | null;
}

/** A Resource Graph row carries ARM's JSON (properties nested); the SDK's model has them flattened. */
function galleryFromRow(r: GalleryRow): Gallery {
  return toGallery({ ...(r.properties ?? {}), id: r.id, name: r.name, location: r.location ?? '', tags: r.tags ?? undefined } as SdkGallery);
}

/**
 * The galleries of many subscriptions in one Resource Graph query (one round trip for up to 1000
 * galleries), instead of one ARM list per subscription. Subscriptions the caller cannot read, or
 * that have no gallery, are simply absent from the result: the caller lists those through ARM,
 * which says which is which. Resource Graph may trail ARM by a few seconds after a change.
 */
export async function listGalleriesInSubscriptions(
  target: Omit<AzureTarget, 'subscriptionId'>,
  subscriptionIds: readonly string[],
  options: CallOptions = {},
): Promise<Map<string, Gallery[]>> {
  const bySubscription = new Map<string, Gallery[]>();
  await queryRows<GalleryRow>(target, subscriptionIds, GALLERIES_QUERY, options, (row) => {
    const gallery = galleryFromRow(row);
    const key = gallery.subscriptionId.toLowerCase();
    const list = bySubscription.get(key) ?? [];
    list.push(gallery);
    bySubscription.set(key, list);
  });
  for (const list of bySubscription.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return bySubscription;
}

/**
 * Runs one query over many subscriptions: batches of at most 1000 subscriptions, each paged with
 * `$skipToken` at 1000 rows a page (Resource Graph's limits,
 * https://learn.microsoft.com/azure/governance/resource-graph/concepts/work-with-data). Every
 * failure becomes an AzureError with Resource Graph's code and message.
 */
export async function queryRows<R>(
  target: Omit<AzureTarget, 'subscriptionId'>,
  subscriptionIds: readonly string[],
  query: string,
  options: QueryOptions,
  onRow: (row: R) => void,
): Promise<void> {
  return azureCall(async () => {
    const client = resourceGraphClient(target);
    let index = 0;
    for (let i = 0; i < subscriptionIds.length; i += SUBSCRIPTIONS_PER_QUERY) {
      const subscriptions = subscriptionIds.slice(i, i + SUBSCRIPTIONS_PER_QUERY);
      let skipToken: string | undefined;
      do {
        const sent = performance.now();
        const page = await client.resources(
          { subscriptions, query, options: { top: ROWS_PER_PAGE, skipToken, resultFormat: 'objectArray' } },
          { abortSignal: options.abortSignal },
        );
        const received = performance.now();
        const rows = (page.data ?? []) as R[];
        for (const row of rows) onRow(row);
        skipToken = page.skipToken;
        options.onPage?.({ index: index++, rows: rows.length, totalRecords: page.totalRecords, requestMs: received - sent, rowsMs: performance.now() - received, last: !skipToken && i + SUBSCRIPTIONS_PER_QUERY >= subscriptionIds.length });
      } while (skipToken);
    }
  });
}
