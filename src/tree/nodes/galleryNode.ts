import * as vscode from 'vscode';
import type { AzureTarget, Gallery, ImageDefinition } from '../../azure/types';
import type { ArmResource } from '../../model/armId';
import { sharingKindOf } from '../../model/sharing';
import { tagsToText } from '../../model/tags';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { armReferenceOf, portalLinkOf, type HasPortalLink, type OwnResource, type Tagged } from '../capabilities';
import { Cached } from './cachedChildren';
import { ImageDefinitionNode } from './imageDefinitionNode';
import { errorNode, MessageNode } from './messageNode';
import { NodeCache } from './nodeCache';
import { escape, type SubscriptionNode } from './subscriptionNode';

const KIND_LABEL = { Private: 'Private', Groups: 'Direct share', Community: 'Community' } as const;
const KIND_ICON = { Private: 'lock', Groups: 'organization', Community: 'globe' } as const;

export class GalleryNode implements ExplorerNode, OwnResource, HasPortalLink, Tagged {
  readonly images: Cached<ImageDefinition[]>;

  private groupsLoaded = false;
  private readonly imageNodes = new NodeCache<ImageDefinitionNode>();

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: SubscriptionNode,
    public gallery: Gallery,
  ) {
    this.images = new Cached(() => ctx.azure().listImageDefinitions(parent.subscription.target, gallery.resourceGroup, gallery.name));
  }

  get id(): string {
    return `acg${this.gallery.id.toLowerCase()}`;
  }

  get resourceId(): string {
    return this.gallery.id;
  }

  get target(): AzureTarget {
    return this.parent.subscription.target;
  }

  armReference(): ArmResource {
    return armReferenceOf(this.resourceId);
  }

  portalLink(): string | undefined {
    return portalLinkOf(this.resourceId, this.target);
  }

  get kind(): 'Private' | 'Groups' | 'Community' {
    return sharingKindOf({ permissions: this.gallery.permissions });
  }

  getTreeItem(): vscode.TreeItem {
    const g = this.gallery;
    const kind = this.kind;
    const item = new vscode.TreeItem(g.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${g.location} · ${KIND_LABEL[kind]}${g.provisioningState && g.provisioningState !== 'Succeeded' ? ` · ${g.provisioningState}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(KIND_ICON[kind]);
    // A community gallery not yet published gets its own value: "Share Publicly…" applies to it.
    const unpublished = kind === 'Community' && g.community?.enabled !== true ? '.unpublished' : '';
    item.contextValue = `acg.gallery.${kind.toLowerCase()}${unpublished}`;
    item.tooltip = this.tooltip();
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const g = this.gallery;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(g.name)}** — ${KIND_LABEL[this.kind]} gallery\n\n`);
    md.appendMarkdown(`Resource group: ${escape(g.resourceGroup)}  \nLocation: ${escape(g.location)}`);
    if (g.description) md.appendMarkdown(`  \nDescription: ${escape(g.description)}`);
    for (const group of g.groups) {
      const what = group.type === 'AADTenants' ? 'Shared with tenants' : 'Shared with subscriptions';
      md.appendMarkdown(`  \n${what}: ${group.ids.map((id) => `\`${id}\``).join(', ') || '(none)'}`);
    }
    if (g.community?.publicNames.length) md.appendMarkdown(`  \nPublic names: ${g.community.publicNames.map((n) => `\`${n}\``).join(', ')}`);
    if (g.community && !g.community.enabled && this.kind === 'Community') md.appendMarkdown('  \nCommunity sharing is not enabled yet');
    if (g.sharingState) md.appendMarkdown(`  \nSharing status: ${escape(g.sharingState)}`);
    if (Object.keys(g.tags ?? {}).length > 0) md.appendMarkdown(`  \nTags: ${escape(tagsToText(g.tags))}`);
    return md;
  }

  showTags(tags: Record<string, string>): void {
    this.gallery.tags = tags;
    this.parent.galleries.invalidate();
    this.ctx.refresh(this);
  }

  update(gallery: Gallery): void {
    this.gallery = gallery;
    this.groupsLoaded = false;
  }

  /** Lists leave out sharing groups (Azure returns them only with $expand): fetch them on hover. */
  async resolveTooltip(): Promise<vscode.MarkdownString> {
    if (this.kind === 'Groups' && !this.groupsLoaded) {
      const g = this.gallery;
      this.gallery = { ...g, groups: (await this.ctx.azure().getGallery(this.parent.subscription.target, g.resourceGroup, g.name)).groups };
      this.groupsLoaded = true;
    }
    return this.tooltip();
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const images = await this.images.get();
      if (images.length === 0) return [new MessageNode(this, 'No image definitions', { id: `${this.id}/empty` })];
      return this.imageNodes.sync(
        images,
        (i) => i.id,
        (i) => new ImageDefinitionNode(this.ctx, this, i),
        (node, i) => (node.image = i),
      );
    } catch (error) {
      return [errorNode(this, 'image definitions', error)];
    }
  }

  invalidate(): void {
    this.images.invalidate();
    this.imageNodes.invalidateAll();
  }
}
