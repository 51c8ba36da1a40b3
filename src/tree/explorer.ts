import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { azure, type Azure } from '../azureLoader';
import { log } from '../ui/log';
import { ExplorerProvider, type ExplorerNode } from './explorerProvider';
import { ExplorerRoot } from './explorerRoot';
import { ReplicationWatcher } from './replicationWatcher';
import type { TreeContext } from './treeContext';
import type { ImageVersionNode } from './nodes/imageVersionNode';

export interface Invalidatable {
  invalidate(): void;
}

function isInvalidatable(node: unknown): node is Invalidatable {
  return typeof (node as Invalidatable | undefined)?.invalidate === 'function';
}

/** The explorer: the tree, its data, the signed-in session and the replication watch. */
export class Explorer implements TreeContext, vscode.Disposable {
  readonly provider: ExplorerProvider;
  readonly root: ExplorerRoot;
  readonly watcher: ReplicationWatcher;
  private currentSession: AuthSession | undefined;
  private treeView: vscode.TreeView<ExplorerNode> | undefined;
  private readonly rootLoaded = new vscode.EventEmitter<void>();
  /** Fires each time the top of the tree has loaded (first show, sign-in, refresh). */
  readonly onDidLoadRoot = this.rootLoaded.event;

  constructor(
    readonly globalState: vscode.Memento,
    private readonly sessionFactory: () => AuthSession | undefined,
  ) {
    this.root = new ExplorerRoot(this);
    this.provider = new ExplorerProvider(async () => {
      const nodes = await this.root.children();
      this.rootLoaded.fire();
      return nodes;
    });
    const config = vscode.workspace.getConfiguration('azureComputeGallery');
    this.watcher = new ReplicationWatcher({
      initialDelayMs: config.get<number>('replicationPollSeconds', 5) * 1000,
      maxDelayMs: 60_000,
      backoff: 1.5,
      onError: (id, error) => log().warn(`Replication status of ${id}: ${(error as Error).message}`),
    });
  }

  azure(): Azure {
    return azure();
  }

  session(): AuthSession | undefined {
    this.currentSession ??= this.sessionFactory();
    return this.currentSession;
  }

  /** Settings changed (sign-in mode, cloud): the next look-up builds a new session. */
  resetSession(): void {
    this.currentSession?.dispose();
    this.currentSession = undefined;
    this.watcher.reset();
    this.refreshAll();
  }

  refresh(node?: ExplorerNode): void {
    this.provider.refresh(node);
  }

  /** Refresh: drop cached children of `node` (or everything) and redraw. */
  reload(node?: ExplorerNode): void {
    if (!node) return this.refreshAll();
    if (isInvalidatable(node)) node.invalidate();
    this.provider.refresh(node);
  }

  refreshAll(): void {
    this.root.invalidate();
    this.provider.refresh();
  }

  /** The view showing this explorer (set once in activate). */
  attachView(view: vscode.TreeView<ExplorerNode>): void {
    this.treeView = view;
  }

  get view(): vscode.TreeView<ExplorerNode> | undefined {
    return this.treeView;
  }

  /** Shows and selects `node` in the view (expanding its parents). */
  async reveal(node: ExplorerNode, options: { select?: boolean; focus?: boolean; expand?: boolean | number } = { select: true }): Promise<void> {
    await this.treeView?.reveal(node, options);
  }

  watchReplication(node: ImageVersionNode): void {
    this.watcher.watch(node);
  }

  dispose(): void {
    this.watcher.dispose();
    this.rootLoaded.dispose();
    this.currentSession?.dispose();
    this.provider.dispose();
  }
}
