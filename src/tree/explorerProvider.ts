import * as vscode from 'vscode';

/** A node of the explorer: each kind renders itself and knows its children. */
export interface ExplorerNode {
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren?(token: vscode.CancellationToken): Promise<ExplorerNode[]>;
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
    return node.getTreeItem();
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

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
