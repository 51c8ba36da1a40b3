import * as vscode from 'vscode';
import { spokenRow } from '../model/spokenRow';

/** A node of the explorer: each kind renders itself and knows its children. */
export interface ExplorerNode {
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren?(token: vscode.CancellationToken): Promise<ExplorerNode[]>;
  /** Details fetched only when the user hovers (VS Code's resolveTreeItem). */
  resolveTooltip?(token: vscode.CancellationToken): Promise<vscode.MarkdownString | string | undefined>;
  readonly parent?: ExplorerNode;
}

/** Supplies the root nodes; an empty list shows the signed-out welcome from package.json. */
export type RootSource = (token: vscode.CancellationToken) => Promise<ExplorerNode[]>;

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private roots: RootSource) {}

  setRootSource(roots: RootSource): void {
    this.roots = roots;
    this.refresh();
  }

  /** Re-renders `node` (or everything); VS Code keeps expanded nodes expanded when ids are stable. */
  refresh(node?: ExplorerNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    const item = node.getTreeItem();
    return item instanceof Promise ? item.then(withSpokenWords) : withSpokenWords(item);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const source = new vscode.CancellationTokenSource();
    try {
      if (!node) return await this.roots(source.token);
      return node.getChildren ? await node.getChildren(source.token) : [];
    } finally {
      source.dispose();
    }
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.resolveTooltip) {
      try {
        item.tooltip = (await node.resolveTooltip(token)) ?? item.tooltip;
      } catch {
        // Keep the tooltip we had: hovering must never show an error.
      }
    }
    return item;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Every row reads well aloud: its kind, name and state in words, unless the node said it itself. */
function withSpokenWords(item: vscode.TreeItem): vscode.TreeItem {
  if (item.accessibilityInformation) return item;
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  item.accessibilityInformation = { label: spokenRow(item.contextValue, label, typeof item.description === 'string' ? item.description : undefined) };
  return item;
}
