import * as vscode from 'vscode';
import type { SessionSubscription } from '../../auth/session';
import type { AzureTarget, Gallery } from '../../azure/types';
import type { ArmResource } from '../../model/armId';
import { portalLinkOf, type OwnResource, type HasPortalLink } from '../capabilities';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { Cached } from './cachedChildren';
import { GalleryNode } from './galleryNode';
import { errorNode, MessageNode } from './messageNode';
import { NodeCache } from './nodeCache';

export class SubscriptionNode implements ExplorerNode, OwnResource, HasPortalLink {
  readonly parent = undefined;
  readonly galleries: Cached<Gallery[]>;
  private readonly galleryNodes = new NodeCache<GalleryNode>();

  constructor(
    private readonly ctx: TreeContext,
    public subscription: SessionSubscription,
  ) {
    this.galleries = new Cached(() => ctx.azure().listGalleries(this.subscription.target));
  }

  get id(): string {
    return `acg/subscriptions/${this.subscription.subscriptionId.toLowerCase()}`;
  }

  get resourceId(): string {
    return `/subscriptions/${this.subscription.subscriptionId}`;
  }

  get target(): AzureTarget {
    return this.subscription.target;
  }

  armReference(): ArmResource {
    return { kind: 'subscription', subscriptionId: this.subscription.subscriptionId };
  }

  portalLink(): string | undefined {
    return portalLinkOf(this.resourceId, this.target);
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = s.accountLabel;
    item.iconPath = new vscode.ThemeIcon('key');
    item.contextValue = 'acg.subscription';
    item.tooltip = new vscode.MarkdownString(undefined, true);
    item.tooltip.appendMarkdown(`**${escape(s.name)}**\n\nSubscription: \`${s.subscriptionId}\`\n\nTenant: \`${s.tenantId}\``);
    if (s.accountLabel) item.tooltip.appendMarkdown(`\n\nAccount: ${escape(s.accountLabel)}`);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const galleries = await this.galleries.get();
      if (galleries.length === 0) {
        return [
          new MessageNode(this, 'No galleries in this subscription. Create Gallery…', {
            id: `${this.id}/empty`,
            icon: new vscode.ThemeIcon('add'),
            command: { command: 'azureComputeGallery.createGallery', title: 'Create Gallery', arguments: [this] },
          }),
        ];
      }
      return this.galleryNodes.sync(
        galleries,
        (g) => g.id,
        (g) => new GalleryNode(this.ctx, this, g),
        (node, g) => node.update(g),
      );
    } catch (error) {
      return [errorNode(this, 'galleries', error)];
    }
  }

  invalidate(): void {
    this.galleries.invalidate();
    this.galleryNodes.invalidateAll();
  }

  /** Part of a whole-tree refresh: reload, with nothing known to have changed here. */
  forget(): void {
    this.galleries.forget();
    this.galleryNodes.invalidateAll();
  }
}

export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
