// The tree's one look-up by resource id: from the top it descends into the node whose id the
// wanted id starts with (subscription → gallery → definition → version; "Shared with me" and
// "Community" for /SharedGalleries/… and /CommunityGalleries/… ids), loading children as it goes
// and asking for further pages ("Load more…") until the id shows up or Azure has no more. The
// nodes it returns are the tree's own (one instance per id), so a command's change shows at once.
import { hasResourceId, holdsIds, isPaged } from './capabilities';

const norm = (id: string): string => id.trim().replace(/\/+$/, '').toLowerCase();

/** `node` is, or contains, the resource `wanted` (lower case, no trailing slash). */
function leadsTo(node: unknown, wanted: string): 'is' | 'contains' | undefined {
  if (hasResourceId(node)) {
    const id = norm(node.resourceId);
    if (id === wanted) return 'is';
    return wanted.startsWith(`${id}/`) ? 'contains' : undefined;
  }
  return holdsIds(node) && node.holds(wanted) ? 'contains' : undefined;
}

/**
 * The node for `resourceId` (case-insensitive), or undefined when it is not in the tree (not
 * signed in to its subscription, deleted, or a level could not load).
 */
export async function findNode<N extends object>(roots: () => Promise<N[]>, childrenOf: (node: N) => Promise<N[]>, resourceId: string): Promise<N | undefined> {
  const wanted = norm(resourceId);
  let parent: N | undefined;
  let level = await roots();
  for (;;) {
    const hit = level.find((n) => leadsTo(n, wanted) === 'is');
    if (hit) return hit;
    const next = level.find((n) => leadsTo(n, wanted) === 'contains');
    if (next) {
      parent = next;
      level = await childrenOf(next);
      continue;
    }
    // Not on the pages loaded: ask for the next one, as long as each adds something (counted
    // in resources: the "Load more…" row itself goes with the last page).
    if (parent && isPaged(parent) && parent.hasMore) {
      const shown = level.filter(hasResourceId).length;
      await parent.loadMore();
      level = await childrenOf(parent);
      if (level.filter(hasResourceId).length > shown) continue;
    }
    return undefined;
  }
}
