import * as vscode from 'vscode';
import type { SessionSubscription } from '../../auth/session';
import type { AzureTarget, SharedGallery, SharedImage, SharedImageVersion } from '../../azure/types';
import type { ArmResource, GalleryImageReference } from '../../model/armId';
import { compareVersions } from '../../model/versions';
import { imageReferenceOf, type HasArmReference, type HasImageReference, type HoldsIds } from '../capabilities';
import { mapBounded } from '../concurrency';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { Cached } from './cachedChildren';
import { errorNode, MessageNode } from './messageNode';
import { escape } from './subscriptionNode';

// Read-only galleries published by others: "Shared with me" (direct shares, found per location)
// and "Community" (public galleries the user adds by public name).

export type SharedSource = 'shared' | 'community';

export interface CommunityGalleryBookmark {
  publicName: string;
  location: string;
}

export const COMMUNITY_BOOKMARKS_KEY = 'azureComputeGallery.communityGalleries';

/** A gallery seen from the outside: by its unique (shared) or public (community) name. */
export class ExternalGalleryNode implements ExplorerNode, HasArmReference {
  private readonly images: Cached<SharedImage[]>;

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: ExplorerNode,
    readonly source: SharedSource,
    readonly gallery: SharedGallery,
    readonly target: AzureTarget,
    private readonly sharedVia?: string,
  ) {
    const azure = () => ctx.azure();
    this.images = new Cached(() =>
      source === 'shared'
        ? azure().listSharedImages(target, gallery.location, gallery.name)
        : azure().listCommunityImages(target, gallery.location, gallery.name),
    );
  }

  get id(): string {
    return `acg/${this.source}/${this.gallery.location}/${this.gallery.name}`.toLowerCase();
  }

  get resourceId(): string {
    return this.gallery.uniqueId;
  }

  /** `/SharedGalleries/{unique name}` or `/CommunityGalleries/{public name}`, by name. */
  armReference(): ArmResource {
    const name = this.gallery.name;
    return this.source === 'shared' ? { kind: 'sharedGallery', uniqueName: name } : { kind: 'communityGallery', publicName: name };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.gallery.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${this.gallery.location}${this.sharedVia ? ` · ${this.sharedVia}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(this.source === 'shared' ? 'organization' : 'globe');
    item.contextValue = `acg.${this.source}.gallery`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(this.gallery.name)}** — ${this.source === 'shared' ? 'shared with you' : 'community gallery'} (read-only)  \n`);
    md.appendMarkdown(`Location: ${this.gallery.location}  \nId: \`${this.gallery.uniqueId}\``);
    item.tooltip = md;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const images = await this.images.get();
      if (images.length === 0) return [new MessageNode(this, 'No image definitions', { id: `${this.id}/empty` })];
      return images.map((i) => new ExternalImageNode(this.ctx, this, i));
    } catch (error) {
      return [errorNode(this, 'image definitions', error)];
    }
  }

  invalidate(): void {
    this.images.invalidate();
  }
}

export class ExternalImageNode implements ExplorerNode, HasArmReference, HasImageReference {
  private readonly versions: Cached<SharedImageVersion[]>;

  constructor(
    ctx: TreeContext,
    readonly parent: ExternalGalleryNode,
    readonly image: SharedImage,
  ) {
    const { target, gallery, source } = parent;
    this.versions = new Cached(() =>
      source === 'shared'
        ? ctx.azure().listSharedImageVersions(target, gallery.location, gallery.name, image.name)
        : ctx.azure().listCommunityImageVersions(target, gallery.location, gallery.name, image.name),
    );
  }

  get id(): string {
    return `${this.parent.id}/images/${this.image.name.toLowerCase()}`;
  }

  get resourceId(): string {
    return this.image.uniqueId;
  }

  armReference(): ArmResource {
    const [gallery, imageName] = [this.parent.gallery.name, this.image.name];
    return this.parent.source === 'shared' ? { kind: 'sharedImage', uniqueName: gallery, imageName } : { kind: 'communityImage', publicName: gallery, imageName };
  }

  imageReference(): GalleryImageReference | undefined {
    return imageReferenceOf(this);
  }

  getTreeItem(): vscode.TreeItem {
    const i = this.image;
    const item = new vscode.TreeItem(i.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [i.osType, i.osState, i.hyperVGeneration, i.architecture].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(i.osType === 'Windows' ? 'window' : 'terminal-linux');
    item.contextValue = `acg.${this.parent.source}.image`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(i.name)}**  \nPublisher: ${escape(i.publisher ?? '')}  \nOffer: ${escape(i.offer ?? '')}  \nSKU: ${escape(i.sku ?? '')}`);
    if (i.endOfLifeDate) md.appendMarkdown(`  \nEnd of life: ${i.endOfLifeDate.toISOString().slice(0, 10)}`);
    item.tooltip = md;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const versions = (await this.versions.get()).slice().sort((a, b) => compareVersions(b.name, a.name));
      if (versions.length === 0) return [new MessageNode(this, 'No image versions', { id: `${this.id}/empty` })];
      return versions.map((v) => new ExternalVersionNode(this, v));
    } catch (error) {
      return [errorNode(this, 'image versions', error)];
    }
  }

  invalidate(): void {
    this.versions.invalidate();
  }
}

export class ExternalVersionNode implements ExplorerNode, HasArmReference, HasImageReference {
  constructor(
    readonly parent: ExternalImageNode,
    readonly version: SharedImageVersion,
  ) {}

  get resourceId(): string {
    return this.version.uniqueId;
  }

  armReference(): ArmResource {
    const [gallery, imageName, versionName] = [this.parent.parent.gallery.name, this.parent.image.name, this.version.name];
    return this.parent.parent.source === 'shared'
      ? { kind: 'sharedImageVersion', uniqueName: gallery, imageName, versionName }
      : { kind: 'communityImageVersion', publicName: gallery, imageName, versionName };
  }

  imageReference(): GalleryImageReference | undefined {
    return imageReferenceOf(this);
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.version;
    const item = new vscode.TreeItem(v.name, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.id}/versions/${v.name}`;
    const parts = [v.excludeFromLatest ? 'excluded from latest' : '', v.endOfLifeDate ? `EOL ${v.endOfLifeDate.toISOString().slice(0, 10)}` : ''];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('tag');
    item.contextValue = `acg.${this.parent.parent.source}.version`;
    item.tooltip = new vscode.MarkdownString(`\`${v.uniqueId}\`${v.publishedDate ? `  \nPublished ${v.publishedDate.toISOString().slice(0, 10)}` : ''}`);
    return item;
  }
}

/** "Shared with me": galleries shared directly with the signed-in subscriptions or their tenants. */
export class SharedWithMeNode implements ExplorerNode, HoldsIds {
  readonly parent = undefined;
  readonly id = 'acg/shared';
  private readonly found: Cached<{ gallery: SharedGallery; via: string; target: AzureTarget }[]>;

  constructor(
    private readonly ctx: TreeContext,
    private readonly subscriptions: () => SessionSubscription[],
    private readonly locations: (subscription: SessionSubscription) => Promise<string[]>,
  ) {
    this.found = new Cached(() => this.search());
  }

  /** Galleries shared directly go by their `/SharedGalleries/{unique name}` id. */
  holds(resourceId: string): boolean {
    return resourceId.toLowerCase().startsWith('/sharedgalleries/');
  }

  private async search(): Promise<{ gallery: SharedGallery; via: string; target: AzureTarget }[]> {
    const subs = this.subscriptions();
    if (subs.length === 0) return [];
    const locations = await this.locations(subs[0]);
    const tenants = new Map(subs.map((s) => [s.tenantId, s]));
    const queries = [
      ...subs.flatMap((s) => locations.map((l) => ({ s, l, to: 'subscription' as const, via: `via ${s.name}` }))),
      ...[...tenants.values()].flatMap((s) => locations.map((l) => ({ s, l, to: 'tenant' as const, via: 'via your tenant' }))),
    ];
    const results = await mapBounded(queries, 16, async (q) =>
      (await this.ctx.azure().listSharedGalleries(q.s.target, q.l, q.to)).map((gallery) => ({ gallery, via: q.via, target: q.s.target })),
    );
    const unique = new Map<string, { gallery: SharedGallery; via: string; target: AzureTarget }>();
    for (const r of results.flat()) unique.set(`${r.gallery.location}/${r.gallery.name}`.toLowerCase(), unique.get(`${r.gallery.location}/${r.gallery.name}`.toLowerCase()) ?? r);
    return [...unique.values()].sort((a, b) => a.gallery.name.localeCompare(b.gallery.name));
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Shared with me', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = 'acg.shared.root';
    // A Markdown tooltip: a plain-string one would become the row's accessible name.
    item.tooltip = new vscode.MarkdownString('Galleries other subscriptions and tenants share directly with your subscriptions or your tenant (read-only).');
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const found = await this.found.get();
      if (found.length === 0) return [new MessageNode(this, 'Nothing is shared with you directly', { id: `${this.id}/empty` })];
      return found.map((f) => new ExternalGalleryNode(this.ctx, this, 'shared', f.gallery, f.target, f.via));
    } catch (error) {
      return [errorNode(this, 'shared galleries', error)];
    }
  }

  invalidate(): void {
    this.found.invalidate();
  }
}

/** "Community": public galleries the user added by public name (remembered across sessions). */
export class CommunityRootNode implements ExplorerNode, HoldsIds {
  readonly parent = undefined;
  readonly id = 'acg/community';

  constructor(
    private readonly ctx: TreeContext,
    private readonly target: () => AzureTarget | undefined,
  ) {}

  holds(resourceId: string): boolean {
    return resourceId.toLowerCase().startsWith('/communitygalleries/');
  }

  get bookmarks(): CommunityGalleryBookmark[] {
    return this.ctx.globalState.get<CommunityGalleryBookmark[]>(COMMUNITY_BOOKMARKS_KEY, []);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Community', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'acg.community.root';
    item.tooltip = new vscode.MarkdownString('Public community galleries you added by their public name (read-only).');
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const target = this.target();
    const bookmarks = this.bookmarks;
    if (!target || bookmarks.length === 0) {
      return [
        new MessageNode(this, 'Add a community gallery by its public name…', {
          id: `${this.id}/empty`,
          icon: new vscode.ThemeIcon('add'),
          command: { command: 'azureComputeGallery.addCommunityGallery', title: 'Add Community Gallery' },
        }),
      ];
    }
    return bookmarks.map(
      (b) => new ExternalGalleryNode(this.ctx, this, 'community', { name: b.publicName, location: b.location, uniqueId: `/CommunityGalleries/${b.publicName}` }, target),
    );
  }
}
