import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { azure, type Azure } from '../azureLoader';
import { log } from '../ui/log';
import { ExplorerProvider, type ExplorerNode } from './explorerProvider';
import { ExplorerRoot } from './explorerRoot';
import { ReplicationWatcher, type Watchable } from './replicationWatcher';
import type { AzureTarget, ImageVersion } from '../azure/types';
import type { TreeContext } from './treeContext';
import { isOwnResource, type HasResourceId, type NodeOfKind } from './capabilities';
import { findNode } from './findNode';
import type { ImageVersionNode } from './nodes/imageVersionNode';
import type { ApplicationVersionNode } from './nodes/applicationVersionNode';

/** A version the watcher polls: the tree's node, or a stand-in for one the tree does not show. */
export interface WatchedVersion extends Watchable {
  /** As the last poll found it (undefined before the first one). */
  readonly version?: ImageVersion;
}


/** The kinds of resource of the signed-in subscriptions. */
type OwnKind = 'subscription' | 'gallery' | 'imageDefinition' | 'imageVersion' | 'galleryApplication' | 'applicationVersion';

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
  readonly watcher: ReplicationWatcher<WatchedVersion>;
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
    this.watcher = new ReplicationWatcher<WatchedVersion>({
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
    if (!this.currentSession) {
      const session = this.sessionFactory();
      // An account signed in or out outside the extension (VS Code's Accounts menu, a tenant's
      // own sign-in): the tree would otherwise show the old state until the next refresh.
      session?.onDidChangeSession(() => {
        if (this.currentSession === session) this.refreshAll();
      });
      this.currentSession = session;
    }
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
    const view = this.treeView;
    if (!view) return;
    await view.reveal(node, options);
    // A redraw VS Code had queued for an ancestor (it batches them) can land after the reveal and
    // leave nothing selected: wait for the selection to show the node, and reveal once more if not.
    if (options.select && !(await selectionShows(view, node))) await view.reveal(node, options);
  }

  /**
   * The tree's node for a resource id — own, shared or community — loading the levels that lead
   * to it and further pages of versions as needed; undefined when the tree does not have it.
   * With `kind`, only a node of that kind (the one an id of that kind names).
   */
  findNode(resourceId: string): Promise<ExplorerNode | undefined>;
  findNode<K extends OwnKind>(resourceId: string, kind: K): Promise<NodeOfKind[K] | undefined>;
  async findNode(resourceId: string, kind?: OwnKind): Promise<ExplorerNode | undefined> {
    const node = await findNode<ExplorerNode>(() => this.root.children(), (n) => this.provider.getChildren(n), resourceId);
    return !kind || isOwnResource(node, [kind]) ? node : undefined;
  }

  /**
   * Runs a command's change of `node` with `label` ("Updating…") drawn over it, and over the
   * resources `also` names (what a cascade deletes), until `work` settles. `redraw: false`: the
   * caller redraws (or removes) the node itself once `work` succeeded.
   */
  async busyWhile<T>(node: ExplorerNode & HasResourceId, label: string, work: () => Promise<T>, options: { also?: readonly string[]; redraw?: boolean } = {}): Promise<T> {
    const release = this.markBusy([node.resourceId, ...(options.also ?? [])], label, [node]);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      release();
      throw error;
    }
    release(options.redraw !== false);
    return result;
  }

  /**
   * Shows `label` (e.g. "Deleting…") on the nodes of these resources until the returned function
   * is called. `nodes` are the ones on screen now, redrawn at once (others show it when drawn);
   * pass `redraw: false` to the returned function when the caller redraws (or removes) them itself.
   */
  private markBusy(resourceIds: readonly string[], label: string, nodes: readonly ExplorerNode[] = []): (redraw?: boolean) => void {
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

  watchReplication(node: ImageVersionNode | ApplicationVersionNode): void {
    this.watcher.watch(node);
  }

  async pollVersion(node: ImageVersionNode | ApplicationVersionNode): Promise<{ error?: unknown }> {
    const event = await this.watcher.pollNow(node);
    return event.error !== undefined ? { error: event.error } : event.reset ? { error: new Error('The version is no longer watched (deleted, or signed out) before its status was read.') } : {};
  }

  /**
   * Has the watcher poll this version — through its node, so the tree shows each poll, or, when
   * the tree does not have it (its definition failed to list), a stand-in that only fetches it.
   * Follow it with `watcher.onDidPoll` and `watcher.hold`.
   */
  async watchVersion(id: string, target: AzureTarget): Promise<void> {
    const node = await this.findNode(id, 'imageVersion').catch(() => undefined);
    if (node) return this.watcher.watch(node);
    if (this.watcher.watching.includes(id.toLowerCase())) return; // watched already (the tree listed it meanwhile)
    log().info(`Watching ${id} without its node in the tree`);
    const azure = () => this.azure();
    const standIn = {
      versionId: id,
      version: undefined as ImageVersion | undefined,
      async poll(signal?: AbortSignal): Promise<boolean> {
        standIn.version = await azure().getImageVersion(target, id, true, { abortSignal: signal });
        return false; // whoever follows it holds the watch as long as it needs
      },
    };
    this.watcher.watch(standIn);
  }

  dispose(): void {
    this.watcher.dispose();
    this.rootLoaded.dispose();
    this.currentSession?.dispose();
    this.provider.dispose();
  }
}

/** Whether the view's selection holds `node` now or within the time VS Code takes to apply a reveal. */
function selectionShows(view: vscode.TreeView<ExplorerNode>, node: ExplorerNode, withinMs = 1500): Promise<boolean> {
  if (view.selection.includes(node)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (shown: boolean) => {
      clearTimeout(timer);
      listening.dispose();
      resolve(shown);
    };
    const listening = view.onDidChangeSelection((e) => {
      if (e.selection.includes(node)) done(true);
    });
    const timer = setTimeout(() => done(false), withinMs);
  });
}
