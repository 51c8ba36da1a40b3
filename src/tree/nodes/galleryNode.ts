import * as vscode from 'vscode';
import type { AzureTarget, Gallery, ImageDefinition } from '../../azure/types';
import { sharingKindOf } from '../../model/sharing';
import { tagsToText } from '../../model/tags';
import { gallerySharingWords, sharedWith, type KnownName } from '../../model/rowWords';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { type Tagged } from '../capabilities';
import { OwnResourceNode } from './ownResourceNode';
import { Cached } from './cachedChildren';
import { ImageDefinitionNode } from './imageDefinitionNode';
import { ApplicationsGroupNode } from './applicationNode';
import { errorNode, MessageNode } from './messageNode';
import { NodeCache } from './nodeCache';
import { RecentlyDeletedNode } from './recentlyDeletedNode';
import { escape, type SubscriptionNode } from './subscriptionNode';

const KIND_ICON = { Private: 'lock', Groups: 'organization', Community: 'globe' } as const;
const KIND_TITLE = { Private: 'Private', Groups: 'Direct share', Community: 'Community' } as const;

export class GalleryNode extends OwnResourceNode implements ExplorerNode, Tagged {
  readonly images: Cached<ImageDefinition[]>;

  private groupsLoaded = false;
  /** The user's subscriptions and tenants, to name whom a direct share reaches (read on hover). */
  private known: { subscriptions: KnownName[]; tenants: KnownName[] } = { subscriptions: [], tenants: [] };
  private readonly imageNodes = new NodeCache<ImageDefinitionNode>();
  /** "Recently Deleted", while the gallery has soft delete. */
  recentlyDeleted: RecentlyDeletedNode | undefined;
  /** "VM Applications": always shown, so the first application has a place to be created from. */
  private applicationsNode: ApplicationsGroupNode | undefined;

  get applications(): ApplicationsGroupNode {
    return (this.applicationsNode ??= new ApplicationsGroupNode(this.ctx, this));
  }

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: SubscriptionNode,
    public gallery: Gallery,
  ) {
    super();
    this.images = new Cached(() => ctx.azure().listImageDefinitions(parent.subscription.target, gallery.resourceGroup, gallery.name));
  }

  get resourceId(): string {
    return this.gallery.id;
  }

  get target(): AzureTarget {
    return this.parent.subscription.target;
  }

  get kind(): 'Private' | 'Groups' | 'Community' {
    return sharingKindOf({ permissions: this.gallery.permissions });
  }

  private get words() {
    return gallerySharingWords(this.kind, this.gallery.community?.enabled);
  }

  getTreeItem(): vscode.TreeItem {
    const g = this.gallery;
    const kind = this.kind;
    const words = this.words;
    const item = new vscode.TreeItem(g.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${g.location} · ${words.kind}${g.provisioningState && g.provisioningState !== 'Succeeded' ? ` · ${g.provisioningState}` : ''}`;
    // An unpublished community gallery's globe is dimmed: nobody outside can find it yet.
    item.iconPath = new vscode.ThemeIcon(KIND_ICON[kind], words.published ? undefined : new vscode.ThemeColor('disabledForeground'));
    // A community gallery not yet published gets its own value: "Share Publicly…" applies to it.
    const unpublished = words.published ? '' : '.unpublished';
    item.contextValue = `acg.gallery.${kind.toLowerCase()}${unpublished}`;
    // Whom a direct share reaches is not in Azure's list answer: left unset, VS Code asks
    // resolveTooltip on hover (it keeps a tooltip that is already set and never asks).
    item.tooltip = kind === 'Groups' && !this.groupsLoaded ? undefined : this.tooltip();
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const g = this.gallery;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(g.name)}** — ${KIND_TITLE[this.kind]} gallery\n\n`);
    md.appendMarkdown(`Resource group: ${escape(g.resourceGroup)}  \nLocation: ${escape(g.location)}`);
    if (g.description) md.appendMarkdown(`  \nDescription: ${escape(g.description)}`);
    if (this.kind === 'Groups') {
      for (const line of sharedWith(g.groups, this.known.subscriptions, this.known.tenants)) {
        const entries = line.entries.map((e) => (e.name ? `${escape(e.name)} (\`${e.id}\`)` : `\`${e.id}\``));
        md.appendMarkdown(`  \n${escape(line.label)}${entries.length > 0 ? `: ${entries.join(', ')}` : ''}`);
      }
    }
    const c = g.community;
    if (c && this.kind === 'Community') {
      md.appendMarkdown(
        c.enabled
          ? '  \nPublished: every Azure user can find it by its public name'
          : '  \nNot published yet: Share Publicly… makes it public',
      );
      if (c.publicNames.length) md.appendMarkdown(`  \nPublic names: ${c.publicNames.map((n) => `\`${n}\``).join(', ')}`);
      md.appendMarkdown(`  \nPublisher e-mail: ${escape(c.publisherContact ?? '(not given)')}`);
      md.appendMarkdown(`  \nPublisher website: ${escape(c.publisherUri ?? '(not given)')}`);
      md.appendMarkdown(`  \nLegal agreement: ${escape(c.eula ?? '(not given)')}`);
    }
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
      try {
        const [fresh, subscriptions] = await Promise.all([
          this.ctx.azure().getGallery(this.parent.subscription.target, g.resourceGroup, g.name),
          this.ctx.session()?.listSubscriptions(false).catch(() => []) ?? [],
        ]);
        this.gallery = { ...g, groups: fresh.groups };
        this.known = { subscriptions: subscriptions.map((s) => ({ id: s.subscriptionId, name: s.name })), tenants: await tenantNames(this.ctx, this.parent.subscription.target, subscriptions) };
        this.groupsLoaded = true;
      } catch {
        // The hover still shows the rest; the next hover asks again.
        return this.tooltip().appendMarkdown('  \nWhom it is shared with could not be read just now.');
      }
    }
    return this.tooltip();
  }

  async getChildren(): Promise<ExplorerNode[]> {
    // With soft delete, the versions deleted in the last 7 days are one row below the definitions.
    const after: ExplorerNode[] = [this.applications, ...(this.gallery.softDeleteEnabled ? [(this.recentlyDeleted ??= new RecentlyDeletedNode(this.ctx, this))] : [])];
    try {
      const images = await this.images.get();
      if (images.length === 0) return [new MessageNode(this, 'No image definitions', { id: `${this.id}/empty` }), ...after];
      const nodes = this.imageNodes.sync(
        images,
        (i) => i.id,
        (i) => new ImageDefinitionNode(this.ctx, this, i),
        (node, i) => (node.image = i),
      );
      return [...nodes, ...after];
    } catch (error) {
      return [errorNode(this, 'image definitions', error), this.applications];
    }
  }

  invalidate(): void {
    this.images.invalidate();
    this.imageNodes.invalidateAll();
    this.recentlyDeleted?.invalidate();
    this.applicationsNode?.invalidate();
  }
}

/** The tenants the account belongs to, by name; "your tenant" where Azure gives no list. */
async function tenantNames(ctx: TreeContext, target: AzureTarget, subscriptions: readonly { tenantId: string }[]): Promise<KnownName[]> {
  const fallback = [...new Set(subscriptions.map((s) => s.tenantId))].map((id) => ({ id, name: 'your tenant' }));
  const listed = await ctx
    .azure()
    .listTenants(target.cloud, target.credential, target.userAgent)
    .catch(() => []);
  return [...listed, ...fallback.filter((f) => !listed.some((t) => t.id.toLowerCase() === f.id.toLowerCase()))];
}
