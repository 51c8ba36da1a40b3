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

/**
 * The provider, plus a transient state drawn over any node while a command works on it
 * ("Deleting…"): a spinning icon, the state as description, and a context value no menu offers
 * actions for, so nothing else is started on it meanwhile.
 */
class DecoratingProvider extends ExplorerProvider {
  constructor(
    roots: ConstructorParameters<typeof ExplorerProvider>[0],
    private readonly busy: ReadonlyMap<string, string>,
  ) {
    super(roots);
  }

  override async getTreeItem(node: ExplorerNode): Promise<vscode.TreeItem> {
    const item = await super.getTreeItem(node);
    const label = item.id ? this.busy.get(item.id) : undefined;
    if (label) {
      item.description = label;
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.contextValue = 'acg.busy';
    }
    return item;
  }
}

/** The tree item id of a resource's node: "acg" + the lower-cased resource id. */
export function treeItemIdOf(resourceId: string): string {
  return `acg${resourceId.toLowerCase()}`;
}

/** The explorer: the tree, its data, the signed-in session and the replication watch. */
export class Explorer implements TreeContext, vscode.Disposable {
  readonly provider: ExplorerProvider;
  readonly root: ExplorerRoot;
  readonly watcher: ReplicationWatcher;
  private currentSession: AuthSession | undefined;
  private treeView: vscode.TreeView<ExplorerNode> | undefined;
  private readonly rootLoaded = new vscode.EventEmitter<void>();
  private readonly busy = new Map<string, string>();
  /** Fires each time the top of the tree has loaded (first show, sign-in, refresh). */
  readonly onDidLoadRoot = this.rootLoaded.event;

  constructor(
    readonly globalState: vscode.Memento,
    private readonly sessionFactory: () => AuthSession | undefined,
  ) {
    this.root = new ExplorerRoot(this);
    this.provider = new DecoratingProvider(async () => {
      const nodes = await this.root.children();
      this.rootLoaded.fire();
      return nodes;
    }, this.busy);
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

  /**
   * Shows `label` (e.g. "Deleting…") on the nodes of these resources until the returned function
   * is called. `nodes` are the ones on screen now, redrawn at once (others show it when drawn);
   * pass `redraw: false` to the returned function when the caller redraws (or removes) them itself.
   */
  markBusy(resourceIds: readonly string[], label: string, nodes: readonly ExplorerNode[] = []): (redraw?: boolean) => void {
    const keys = resourceIds.map(treeItemIdOf);
    for (const k of keys) this.busy.set(k, label);
    for (const n of nodes) this.provider.refresh(n);
    return (redraw = true) => {
      for (const k of keys) if (this.busy.get(k) === label) this.busy.delete(k);
      if (redraw) for (const n of nodes) this.provider.refresh(n);
    };
  }

  /** The transient state shown on a resource's node, if any. */
  busyLabel(resourceId: string): string | undefined {
    return this.busy.get(treeItemIdOf(resourceId));
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
