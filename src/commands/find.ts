// Find…: one quick pick over every gallery, image definition, image version and VM application of
// the selected subscriptions, loaded with one Resource Graph query per signed-in identity and
// cloud (src/azure/findResources.ts) and filtered as the user types on the row's name, where it
// lives, publisher / offer / SKU, OS, regions and tags (src/model/findRows.ts). Choosing a row
// reveals and selects its node in the tree (a VM application's under its gallery's "VM Applications").
import { findRows, foundSummary, nothingFound, type FindRow, type FoundKind, type FoundResource } from '../model/findRows';
import type { PageDone } from '../azure/resourceGraph';
import type { Explorer } from '../tree/explorer';
import { azureFailure } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import type { PickEntry } from '../ui/wizard';
import { isOptionsObject, signedInSubscriptions } from './createCommon';
import { byIdentity } from './imageUsage';
import { prompterFor, subscriptionNames, type ManageOptions } from './manageCommon';

export const FIND_COMMAND = 'azureComputeGallery.find';
const TITLE = 'Find';

export interface FindOptions extends ManageOptions {
  abortSignal?: AbortSignal;
}

/** What Find… answers its caller (tests, scripts): the rows it offered and what was chosen. */
export interface FindReport {
  subscriptions: number;
  rows: FindRow[];
  chosen?: FindRow;
  /** Whether the chosen row's node was revealed (false: not in the tree, e.g. deleted since it was indexed). */
  revealed?: boolean;
}

const ICONS: Record<FoundKind, string> = { gallery: 'library', imageDefinition: 'symbol-class', imageVersion: 'versions', application: 'package' };

function entriesOf(rows: readonly FindRow[], subscriptions: number): PickEntry<string>[] {
  if (rows.length === 0) {
    const empty = nothingFound(subscriptions);
    return [{ label: empty.label, detail: empty.detail, value: '', refusal: 'Nothing was found: press Escape to close.' }];
  }
  return [
    { separator: foundSummary(rows, subscriptions) },
    ...rows.map((r): PickEntry<string> => ({ label: `$(${ICONS[r.kind]}) ${r.label}`, description: r.description, detail: r.detail, value: r.id })),
  ];
}

/** Rows of later pages are offered at most this often while loading: each offer sorts and sends every row so far. */
const PARTIAL_EVERY_MS = 1000;

/**
 * The rows known so far while Resource Graph's pages arrive one after another: the first page's at
 * once (what the user sees first), then at most one offer a second; the whole list replaces them.
 */
function partialRows(subscriptions: number, names: ReadonlyMap<string, string>) {
  let show: ((entries: readonly PickEntry<string>[]) => void) | undefined;
  let latest: PickEntry<string>[] | undefined;
  let offeredAt = Number.NEGATIVE_INFINITY;
  return {
    subscribe(listener: (entries: readonly PickEntry<string>[]) => void): void {
      show = listener;
      if (latest) listener(latest);
    },
    offer(page: PageDone, found: readonly FoundResource[]): void {
      const now = performance.now();
      if (page.last || found.length === 0 || now - offeredAt < PARTIAL_EVERY_MS) return;
      offeredAt = now;
      const rows = findRows(found, names);
      latest = [{ separator: `${foundSummary(rows, subscriptions)} so far; loading more…` }, ...entriesOf(rows, subscriptions).slice(1)];
      show?.(latest);
    },
  };
}

async function reveal(explorer: Explorer, row: FindRow): Promise<boolean> {
  const node = await explorer.findNode(row.id);
  if (!node) {
    void notify('warning', `${row.label} is not in the tree: it may have been deleted since Resource Graph indexed it. Refresh the view.`);
    return false;
  }
  await explorer.reveal(node, { select: true, focus: true });
  return true;
}

export async function find(explorer: Explorer, ...args: unknown[]): Promise<FindReport | undefined> {
  const options = (args.find(isOptionsObject) ?? {}) as FindOptions;
  const subscriptions = await signedInSubscriptions(explorer);
  const names = subscriptionNames(explorer);
  let rows: FindRow[] = [];
  let loadError: unknown;
  const partial = partialRows(subscriptions.length, names);
  const load = async (): Promise<PickEntry<string>[]> => {
    try {
      const found: FoundResource[] = [];
      for (const group of byIdentity(subscriptions)) {
        const ids = group.map((n) => n.subscription.subscriptionId);
        const onPage = (page: PageDone, sofar: readonly FoundResource[]) => partial.offer(page, [...found, ...sofar]);
        found.push(...(await explorer.azure().findGalleryResources(group[0]!.subscription.target, ids, { abortSignal: options.abortSignal, onPage })));
      }
      rows = findRows(found, names);
      log().info(`${TITLE}: ${rows.length} resources in ${subscriptions.length} subscriptions`);
      return entriesOf(rows, subscriptions.length);
    } catch (error) {
      loadError = error;
      throw error;
    }
  };
  let answer: unknown;
  try {
    answer = await prompterFor(options).pick<string>({
      title: TITLE,
      step: 1,
      totalSteps: 1,
      canGoBack: false,
      placeholder: 'Type a name, publisher, offer, SKU, region or tag; pick one to show it in the tree',
      items: load(),
      partial: (show) => partial.subscribe(show),
    });
  } catch (error) {
    // The one failure path: the command throws, the command table shows it (with Retry when it helps).
    throw loadError === undefined ? error : azureFailure('search the galleries of the selected subscriptions with Resource Graph', loadError);
  }
  const report: FindReport = { subscriptions: subscriptions.length, rows };
  const chosen = typeof answer === 'string' && answer ? rows.find((r) => r.id === answer) : undefined;
  if (!chosen) return report;
  return { ...report, chosen, revealed: await reveal(explorer, chosen) };
}
