import * as vscode from 'vscode';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { isNodeOf, isPaged } from '../tree/capabilities';
import { addCommunityGallery } from './addCommunityGallery';
import { BROWSE_COMMUNITY_COMMAND, browseCommunityGalleries } from './browseCommunityGalleries';
import { find, FIND_COMMAND } from './find';
import { azureFailure } from '../ui/failures';
import { COMMUNITY_BOOKMARKS_KEY, type CommunityGalleryBookmark } from '../tree/nodes/sharedNodes';


export function treeCommands(explorer: Explorer) {
  return {
    'azureComputeGallery.refresh': async (node?: ExplorerNode) => {
      // A version is read again at once, collapsed or not: its row says its state and "latest".
      if (isNodeOf(node, 'imageVersion')) {
        const { error } = await explorer.pollVersion(node);
        if (error !== undefined) throw azureFailure(`refresh image version ${node.version.name}`, error);
        return explorer.refresh(node);
      }
      return explorer.reload(node);
    },
    // The view title's Refresh: the whole tree, whatever node is selected (VS Code may pass it).
    'azureComputeGallery.refreshAll': () => explorer.refreshAll(),
    'azureComputeGallery.retry': (node?: ExplorerNode) => explorer.reload(node),
    'azureComputeGallery.loadMore': async (node?: ExplorerNode) => {
      if (!isPaged(node)) return;
      await vscode.window.withProgress({ location: { viewId: 'azureComputeGallery.explorer' } }, () => node.loadMore());
    },

    [FIND_COMMAND]: (...args: unknown[]) => find(explorer, ...args),

    'azureComputeGallery.addCommunityGallery': (...args: unknown[]) => addCommunityGallery(explorer, ...args),

    [BROWSE_COMMUNITY_COMMAND]: (...args: unknown[]) => browseCommunityGalleries(explorer, ...args),

    'azureComputeGallery.removeCommunityGallery': async (node?: ExplorerNode) => {
      if (!isNodeOf(node, 'communityGallery')) return;
      const bookmarks = explorer.globalState.get<CommunityGalleryBookmark[]>(COMMUNITY_BOOKMARKS_KEY, []);
      await explorer.globalState.update(
        COMMUNITY_BOOKMARKS_KEY,
        bookmarks.filter((b) => !(b.publicName.toLowerCase() === node.gallery.name.toLowerCase() && b.location === node.gallery.location)),
      );
      explorer.refreshAll();
    },
  };
}
