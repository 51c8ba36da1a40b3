// The one way a delete flow removes an item: a version the tree or a progress notification is
// following (replicating, updating) is told it is being deleted, so its watch ends quietly.
import type { AzureTarget } from '../azure/types';
import type { DeletableKind, DeleteItem } from '../model/deletion';
import type { Explorer } from '../tree/explorer';
import { pollIntervalMs } from './createCommon';

/** `followed`: the kind of item whose watch this delete ends (image or application versions). */
export function removeFollowed(explorer: Explorer, target: AzureTarget, followed: DeletableKind): (item: DeleteItem) => Promise<void> {
  return async (item) => {
    const settled = item.kind === followed ? explorer.watcher.deleting(item.id) : undefined;
    try {
      await explorer.azure().deleteGalleryResource(target, item.id, { pollIntervalMs: pollIntervalMs() });
      settled?.(true);
    } catch (error) {
      settled?.(false);
      throw error;
    }
  };
}
