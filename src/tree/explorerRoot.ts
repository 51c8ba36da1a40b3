import * as vscode from 'vscode';
import type { SessionSubscription } from '../auth/session';
import { azureBundle } from '../azureLoader';
import { log } from '../ui/log';
import { CONTEXT_SIGNED_IN } from '../constants';
import { mapBounded } from './concurrency';
import type { ExplorerNode } from './explorerProvider';
import { errorNode, MessageNode } from './nodes/messageNode';
import { Cached } from './nodes/cachedChildren';
import { CommunityRootNode, SharedWithMeNode } from './nodes/sharedNodes';
import { NodeCache } from './nodes/nodeCache';
import { SubscriptionNode } from './nodes/subscriptionNode';
import type { TreeContext } from './treeContext';

/** Galleries of this many subscriptions load at once: fast for 50 subscriptions, gentle on ARM. */
export const SUBSCRIPTION_CONCURRENCY = 32;

/** With fewer subscriptions than this, each one's own ARM list is as quick as one query for all. */
const GRAPH_MIN_SUBSCRIPTIONS = 2;
/** How long after a change here Resource Graph may still show the old state. */
export const RESOURCE_GRAPH_LAG_MS = 5 * 60_000;

/** Subscriptions signed in with the same identity on the same cloud can share one query. */
function groupByIdentity(nodes: readonly SubscriptionNode[]): SubscriptionNode[][] {
  const groups = new Map<unknown, Map<string, SubscriptionNode[]>>();
  for (const n of nodes) {
    const { credential, cloud } = n.subscription.target;
    const byCloud = groups.get(credential) ?? new Map<string, SubscriptionNode[]>();
    groups.set(credential, byCloud);
    const list = byCloud.get(cloud.resourceManagerEndpointUrl) ?? [];
    list.push(n);
    byCloud.set(cloud.resourceManagerEndpointUrl, list);
  }
  return [...groups.values()].flatMap((byCloud) => [...byCloud.values()]);
}

/** The top of the tree: subscriptions, then "Shared with me" and "Community". */
export class ExplorerRoot {
  private subscriptionNodes: SubscriptionNode[] = [];
  private readonly nodes = new NodeCache<SubscriptionNode>();
  private generation = 0;
  /** The current load; a failed one is not kept, so the next call asks again. */
  private readonly loaded = new Cached(() => this.load(++this.generation));
  private readonly shared: SharedWithMeNode;
  private readonly community: CommunityRootNode;
  /** How long a subscription changed here is listed through ARM (tests shorten it). */
  resourceGraphLagMs = RESOURCE_GRAPH_LAG_MS;
  /** Where the last load's time went (the output channel and the benchmark show it). */
  lastLoad: { /** performance.now() when the load began, before the Azure bundle loaded. */ startedAt: number; signInMs: number; listMs: number; azureLoadMs: number | undefined } | undefined;

  constructor(private readonly ctx: TreeContext) {
    this.shared = new SharedWithMeNode(
      ctx,
      () => this.subscriptionNodes.map((n) => n.subscription),
      (s) => this.sharedGalleryLocations(s),
    );
    this.community = new CommunityRootNode(ctx, () => this.subscriptionNodes[0]?.subscription.target);
  }

  get subscriptions(): SubscriptionNode[] {
    return this.subscriptionNodes;
  }

  children(): Promise<ExplorerNode[]> {
    return this.loaded.get();
  }

  /** Whole-tree refresh: same node ids afterwards, so VS Code keeps expanded nodes expanded. */
  invalidate(): void {
    this.loaded.forget();
    this.generation++;
    this.shared.invalidate();
  }

  /**
   * A load overtaken by a newer one (sign-out then sign-in, a cloud switch) must not write its
   * answer over the newer one's: it hands over to the current load instead.
   */
  private overtaken(generation: number): boolean {
    return generation !== this.generation;
  }

  private async load(generation: number): Promise<ExplorerNode[]> {
    // The view asked for its first rows: the extension's own time runs from here (the benchmark's figure 2).
    const startedAt = performance.now();
    let session;
    try {
      session = this.ctx.session();
    } catch (error) {
      await vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, true);
      return [errorNode(undefined, 'your sign-in settings', error)];
    }
    const started = performance.now();
    let signedIn: boolean;
    try {
      signedIn = !!session && (await session.isSignedIn());
    } catch (error) {
      if (this.overtaken(generation)) return this.children();
      // Could not get a token just now: say so (with Retry), keep the subscriptions known so far.
      return [errorNode(undefined, 'your sign-in', error)];
    }
    if (this.overtaken(generation)) return this.children();
    if (!session || !signedIn) {
      log().info(session ? 'Not signed in: the chosen sign-in method has no account or credential to use.' : 'Not signed in: no sign-in method is chosen.');
      this.subscriptionNodes = [];
      await vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, false);
      return []; // the viewsWelcome shows the sign-in content
    }
    // Not awaited: the context key travels to the window while the subscriptions load.
    void vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, true);
    let subscriptions: SessionSubscription[];
    try {
      const signedIn = performance.now();
      subscriptions = await session.listSubscriptions(true);
      const azureLoadMs = azureBundle.loadMs;
      this.lastLoad = { startedAt, signInMs: signedIn - started, listMs: performance.now() - signedIn, azureLoadMs };
      log().info(`Signed in in ${this.lastLoad.signInMs.toFixed(0)} ms; listed ${subscriptions.length} subscriptions in ${this.lastLoad.listMs.toFixed(0)} ms${azureLoadMs !== undefined ? ` (Azure SDK loaded in ${azureLoadMs.toFixed(0)} ms)` : ''}`);
    } catch (error) {
      if (this.overtaken(generation)) return this.children();
      return [errorNode(undefined, 'subscriptions', error)];
    }
    if (this.overtaken(generation)) return this.children();
    this.subscriptionNodes = this.nodes.sync(
      subscriptions,
      (s) => s.subscriptionId,
      (s) => new SubscriptionNode(this.ctx, s),
      (node, s) => {
        node.subscription = s;
        node.forget();
      },
    );
    if (this.subscriptionNodes.length === 0) {
      return [
        new MessageNode(undefined, 'No subscriptions. Select subscriptions…', {
          id: 'acg/no-subscriptions',
          icon: new vscode.ThemeIcon('filter'),
          command: { command: 'azureComputeGallery.selectSubscriptions', title: 'Select Subscriptions' },
        }),
        this.community,
      ];
    }
    // Start every subscription's gallery list right after the subscriptions are shown, so
    // expanding any of them is instant (not before: it loads the management SDK bundle).
    setImmediate(() => void this.prefetchGalleries());
    return [...this.subscriptionNodes, this.shared, this.community];
  }

  /**
   * Every subscription's galleries: one Resource Graph query for all of them (one round trip,
   * however many subscriptions), then ARM for what it cannot tell — subscriptions it returned
   * nothing for (no galleries, or no access: ARM says which) and ones changed in the last minutes
   * (Resource Graph may not have caught up). If the query fails, ARM lists each subscription.
   */
  prefetchGalleries(): Promise<void> {
    const waiting = this.subscriptionNodes.filter((n) => !n.galleries.started);
    const viaGraph = waiting.length >= GRAPH_MIN_SUBSCRIPTIONS ? waiting.filter((n) => !n.galleries.changedWithin(this.resourceGraphLagMs)) : [];
    for (const group of groupByIdentity(viaGraph)) {
      const ids = group.map((n) => n.subscription.subscriptionId);
      const found = this.ctx
        .azure()
        .listGalleriesInSubscriptions(group[0].subscription.target, ids)
        .catch((error: unknown) => {
          log().warn(`Resource Graph query for the galleries of ${ids.length} subscriptions failed; listing each subscription instead. ${String(error)}`);
          return undefined;
        });
      for (const n of group) n.galleries.prime(found.then((m) => m?.get(n.subscription.subscriptionId.toLowerCase())));
    }
    return mapBounded(this.subscriptionNodes, SUBSCRIPTION_CONCURRENCY, (n) => n.galleries.get().catch(() => undefined)).then(() => undefined);
  }

  private async sharedGalleryLocations(subscription: SessionSubscription): Promise<string[]> {
    const configured = vscode.workspace.getConfiguration('azureComputeGallery').get<string[]>('sharedGalleryLocations', []);
    if (configured.length > 0) return configured;
    const locations = await this.ctx.azure().listLocations(subscription.target.cloud, subscription.target.credential, subscription.target.userAgent, subscription.subscriptionId);
    return locations.map((l) => l.name);
  }
}
