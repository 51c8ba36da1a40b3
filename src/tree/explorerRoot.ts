import * as vscode from 'vscode';
import type { SessionSubscription } from '../auth/session';
import { azureLoadMs } from '../azureLoader';
import { log } from '../ui/log';
import { CONTEXT_SIGNED_IN } from '../constants';
import { mapBounded } from './concurrency';
import type { ExplorerNode } from './explorerProvider';
import { errorNode, MessageNode } from './nodes/messageNode';
import { CommunityRootNode, SharedWithMeNode } from './nodes/sharedNodes';
import { NodeCache } from './nodes/nodeCache';
import { SubscriptionNode } from './nodes/subscriptionNode';
import type { TreeContext } from './treeContext';

/** Galleries of this many subscriptions load at once: fast for 50 subscriptions, gentle on ARM. */
export const SUBSCRIPTION_CONCURRENCY = 32;

/** The top of the tree: subscriptions, then "Shared with me" and "Community". */
export class ExplorerRoot {
  private subscriptionNodes: SubscriptionNode[] = [];
  private readonly nodes = new NodeCache<SubscriptionNode>();
  private pending: Promise<ExplorerNode[]> | undefined;
  private readonly shared: SharedWithMeNode;
  private readonly community: CommunityRootNode;

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
    this.pending ??= this.load().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  /** Whole-tree refresh: same node ids afterwards, so VS Code keeps expanded nodes expanded. */
  invalidate(): void {
    this.pending = undefined;
    this.shared.invalidate();
  }

  private async load(): Promise<ExplorerNode[]> {
    let session;
    try {
      session = this.ctx.session();
    } catch (error) {
      await vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, true);
      return [errorNode(undefined, 'your sign-in settings', error)];
    }
    const started = performance.now();
    if (!session || !(await session.isSignedIn())) {
      this.subscriptionNodes = [];
      await vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, false);
      return []; // the viewsWelcome shows the sign-in content
    }
    await vscode.commands.executeCommand('setContext', CONTEXT_SIGNED_IN, true);
    let subscriptions: SessionSubscription[];
    try {
      const signedIn = performance.now();
      subscriptions = await session.listSubscriptions(true);
      log().info(`Signed in in ${(signedIn - started).toFixed(0)} ms; listed ${subscriptions.length} subscriptions in ${(performance.now() - signedIn).toFixed(0)} ms${azureLoadMs !== undefined ? ` (Azure SDK loaded in ${azureLoadMs.toFixed(0)} ms)` : ''}`);
    } catch (error) {
      return [errorNode(undefined, 'subscriptions', error)];
    }
    this.subscriptionNodes = this.nodes.sync(
      subscriptions,
      (s) => s.subscriptionId,
      (s) => new SubscriptionNode(this.ctx, s),
      (node, s) => {
        node.subscription = s;
        node.invalidate();
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
    // Start every subscription's gallery list now (bounded), so expanding any of them is instant.
    void mapBounded(this.subscriptionNodes, SUBSCRIPTION_CONCURRENCY, (n) => n.galleries.get().catch(() => undefined));
    return [...this.subscriptionNodes, this.shared, this.community];
  }

  private async sharedGalleryLocations(subscription: SessionSubscription): Promise<string[]> {
    const configured = vscode.workspace.getConfiguration('azureComputeGallery').get<string[]>('sharedGalleryLocations', []);
    if (configured.length > 0) return configured;
    const locations = await this.ctx.azure().listLocations(subscription.target.cloud, subscription.target.credential, subscription.target.userAgent, subscription.subscriptionId);
    return locations.map((l) => l.name);
  }
}
