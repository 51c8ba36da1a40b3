import * as vscode from 'vscode';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { isPaged } from '../tree/capabilities';
import { COMMUNITY_BOOKMARKS_KEY, ExternalGalleryNode, type CommunityGalleryBookmark } from '../tree/nodes/sharedNodes';

// A community gallery's public name is its prefix, a dash, and a GUID Azure adds.
const PUBLIC_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function treeCommands(explorer: Explorer) {
  return {
    'azureComputeGallery.refresh': (node?: ExplorerNode) => explorer.reload(node),
    // The view title's Refresh: the whole tree, whatever node is selected (VS Code may pass it).
    'azureComputeGallery.refreshAll': () => explorer.refreshAll(),
    'azureComputeGallery.retry': (node?: ExplorerNode) => explorer.reload(node),
    'azureComputeGallery.loadMore': async (node?: ExplorerNode) => {
      if (!isPaged(node)) return;
      await vscode.window.withProgress({ location: { viewId: 'azureComputeGallery.explorer' } }, () => node.loadMore());
    },

    'azureComputeGallery.addCommunityGallery': async (publicNameArg?: string, locationArg?: string) => {
      const target = explorer.root.subscriptions[0]?.subscription.target;
      if (!target) throw new Error('Sign in first: community galleries are looked up through one of your subscriptions.');
      const publicName =
        typeof publicNameArg === 'string'
          ? publicNameArg
          : await vscode.window.showInputBox({
              title: 'Add Community Gallery (1/2)',
              prompt: "The gallery's public name, as its publisher shares it",
              placeHolder: 'e.g. contoso-1a2b3c4d-0000-1111-2222-333344445555',
              ignoreFocusOut: true,
              validateInput: (v) => (PUBLIC_NAME.test(v.trim()) ? undefined : 'Type the public name: its prefix, a dash, then a GUID (e.g. contoso-1a2b3c4d-0000-1111-2222-333344445555).'),
            });
      if (!publicName) return undefined;
      let location = typeof locationArg === 'string' ? locationArg : undefined;
      if (!location) {
        const locations = explorer
          .azure()
          .listLocations(target.cloud, target.credential, target.userAgent, target.subscriptionId)
          .then((ls) => ls.map((l) => ({ label: l.displayName, description: l.name })));
        const picked = await vscode.window.showQuickPick(locations, { title: 'Add Community Gallery (2/2)', placeHolder: 'The region the gallery is published in', matchOnDescription: true });
        location = picked?.description;
      }
      if (!location) return undefined;
      const gallery = await explorer.azure().getCommunityGallery(target, location, publicName.trim());
      const bookmarks = explorer.globalState.get<CommunityGalleryBookmark[]>(COMMUNITY_BOOKMARKS_KEY, []);
      const entry = { publicName: gallery.name, location };
      if (!bookmarks.some((b) => b.publicName.toLowerCase() === entry.publicName.toLowerCase() && b.location === location)) {
        await explorer.globalState.update(COMMUNITY_BOOKMARKS_KEY, [...bookmarks, entry]);
      }
      explorer.refreshAll();
      return entry;
    },

    'azureComputeGallery.removeCommunityGallery': async (node?: ExplorerNode) => {
      if (!(node instanceof ExternalGalleryNode) || node.source !== 'community') return;
      const bookmarks = explorer.globalState.get<CommunityGalleryBookmark[]>(COMMUNITY_BOOKMARKS_KEY, []);
      await explorer.globalState.update(
        COMMUNITY_BOOKMARKS_KEY,
        bookmarks.filter((b) => !(b.publicName.toLowerCase() === node.gallery.name.toLowerCase() && b.location === node.gallery.location)),
      );
      explorer.refreshAll();
    },
  };
}
