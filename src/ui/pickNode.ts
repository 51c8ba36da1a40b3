import * as vscode from 'vscode';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';

interface NodeItem extends vscode.QuickPickItem {
  node?: ExplorerNode;
  choose?: boolean;
}

/**
 * For commands run from the palette: walks the explorer's own nodes (subscription → gallery → …)
 * with quick picks until the user picks a node `accept` takes. Uses the tree's caches.
 */
export async function pickNode(
  explorer: Explorer,
  options: { title: string; accept: (node: ExplorerNode) => boolean },
): Promise<ExplorerNode | undefined> {
  let parent: ExplorerNode | undefined;
  for (;;) {
    const quickPick = vscode.window.createQuickPick<NodeItem>();
    quickPick.title = options.title;
    quickPick.placeholder = 'Loading…';
    quickPick.busy = true;
    quickPick.matchOnDescription = true;
    quickPick.show();
    const children = parent ? ((await parent.getChildren?.(new vscode.CancellationTokenSource().token)) ?? []) : await explorer.root.children();
    const items: NodeItem[] = [];
    if (parent && options.accept(parent)) {
      const item = await parent.getTreeItem();
      items.push({ label: `$(check) Use ${labelOf(item)}`, node: parent, choose: true });
    }
    for (const node of children) {
      const item = await node.getTreeItem();
      if (!node.getChildren && !options.accept(node)) continue;
      items.push({ label: labelOf(item), description: typeof item.description === 'string' ? item.description : undefined, node });
    }
    quickPick.items = items;
    quickPick.busy = false;
    quickPick.placeholder = items.length > 0 ? 'Pick an item' : 'Nothing to pick here: sign in or create a resource first';
    const picked = await new Promise<NodeItem | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
    quickPick.dispose();
    if (!picked?.node) return undefined;
    if (picked.choose || (options.accept(picked.node) && !picked.node.getChildren)) return picked.node;
    parent = picked.node;
  }
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}
