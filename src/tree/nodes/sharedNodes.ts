import * as vscode from 'vscode';
import type { SessionSubscription } from '../../auth/session';
import type { AzureTarget, ExternalResource, SharedGallery, SharedImage, SharedImageVersion } from '../../azure/types';
import type { ArmResource, GalleryImageReference } from '../../model/armId';
import { compareVersions } from '../../model/versions';
import { securityTypeFromFeatures } from '../../model/imageRules';
import { definitionDetail, definitionSummary, parseSharedGalleryName, regionsText, shortId, sharedGalleryDescription, type KnownName } from '../../model/rowWords';
import { resolveLatest } from '../../model/latest';
import { imageReferenceOf, type ExternalItem, type HasArmReference, type HasImageReference, type HoldsIds } from '../capabilities';
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

/** How a direct-shared gallery reaches the user: its regions, the ways it is shared, the subscriptions the user can see. */
export interface SharedReach {
  /** Every region Azure lists the gallery in (it is listed once per region). */
  regions: string[];
  /** "Contoso Production", "your tenant": what the gallery is shared with, of the user's. */
  via: string[];
  /** The user's subscriptions, to name the owner by. */
  subscriptions: KnownName[];
}

/** Publisher details of a community gallery, read when its row is hovered. */
interface CommunityDetails {
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
}

/**
 * A gallery seen from the outside: by its unique (shared) or public (community) name. A shared
 * gallery is one row across every region Azure lists it in; its images are listed from one of them
 * (`gallery.location`): they are the same gallery's images wherever it is shared.
 */
export class ExternalGalleryNode implements ExplorerNode, HasArmReference, ExternalItem {
  private readonly images: Cached<SharedImage[]>;
  private community: CommunityDetails | undefined;

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: ExplorerNode,
    readonly source: SharedSource,
    readonly gallery: SharedGallery,
    readonly target: AzureTarget,
    readonly reach?: SharedReach,
  ) {
    const azure = () => ctx.azure();
    this.images = new Cached(() =>
      source === 'shared'
        ? azure().listSharedImages(target, gallery.location, gallery.name)
        : azure().listCommunityImages(target, gallery.location, gallery.name),
    );
  }

  get id(): string {
    return (this.source === 'shared' ? `acg/shared/${this.gallery.name}` : `acg/community/${this.gallery.location}/${this.gallery.name}`).toLowerCase();
  }

  get resourceId(): string {
    return this.gallery.uniqueId;
  }

  /** The name people know the gallery by: a shared gallery's own name (without its owner's subscription id), a community gallery's public name. */
  get displayName(): string {
    return this.source === 'shared' ? parseSharedGalleryName(this.gallery.name).galleryName : this.gallery.name;
  }

  externalResource(): ExternalResource {
    return { source: this.source, location: this.gallery.location, gallery: this.gallery.name };
  }

  /** `/SharedGalleries/{unique name}` or `/CommunityGalleries/{public name}`, by name. */
  armReference(): ArmResource {
    const name = this.gallery.name;
    return this.source === 'shared' ? { kind: 'sharedGallery', uniqueName: name } : { kind: 'communityGallery', publicName: name };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const reach = this.reach;
    item.description = this.source === 'shared' && reach ? sharedGalleryDescription(this.gallery.name, reach.regions, reach.subscriptions) : this.gallery.location;
    item.iconPath = new vscode.ThemeIcon(this.source === 'shared' ? 'organization' : 'globe');
    item.contextValue = `acg.${this.source}.gallery`;
    // A community gallery's publisher details are read on hover (VS Code asks only when this is unset).
    item.tooltip = this.source === 'community' && !this.community ? undefined : this.tooltip();
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const g = this.gallery;
    const md = new vscode.MarkdownString(undefined, true);
    if (this.source === 'shared') {
      const { subscriptionId } = parseSharedGalleryName(g.name);
      md.appendMarkdown(`**${escape(this.displayName)}** — shared with you (read-only)\n\n`);
      if (subscriptionId) {
        const owner = this.reach?.subscriptions.find((s) => s.id.toLowerCase() === subscriptionId.toLowerCase());
        md.appendMarkdown(`Shared by subscription: ${owner ? `${escape(owner.name)} (\`${subscriptionId}\`)` : `\`${subscriptionId}\``}  \n`);
      }
      if (this.reach?.via.length) md.appendMarkdown(`Shared with: ${escape(this.reach.via.join(', '))}  \n`);
      md.appendMarkdown(`Regions: ${escape(regionsText(this.reach?.regions ?? [g.location]))}  \n`);
      md.appendMarkdown(`Unique name: \`${g.name}\``);
      return md;
    }
    md.appendMarkdown(`**${escape(g.name)}** — community gallery (read-only)\n\n`);
    md.appendMarkdown(`Location: ${escape(g.location)}  \n`);
    const c = this.community;
    if (c) {
      md.appendMarkdown(`Publisher e-mail: ${c.publisherContact ? escape(c.publisherContact) : '(not given)'}  \n`);
      md.appendMarkdown(`Publisher website: ${c.publisherUri ? escape(c.publisherUri) : '(not given)'}  \n`);
      md.appendMarkdown(`Legal agreement: ${c.eula ? escape(c.eula) : '(not given)'}  \n`);
    }
    md.appendMarkdown(`Id: \`${g.uniqueId}\``);
    return md;
  }

  /** A community gallery's publisher details come from Azure's community gallery answer, read once on hover. */
  async resolveTooltip(): Promise<vscode.MarkdownString> {
    if (this.source === 'community' && !this.community) {
      try {
        const g = await this.ctx.azure().getCommunityGallery(this.target, this.gallery.location, this.gallery.name);
        this.community = { publisherUri: g.publisherUri, publisherContact: g.publisherContact, eula: g.eula };
      } catch {
        // The hover still shows the rest; the next hover asks again.
        return this.tooltip().appendMarkdown('  \nThe publisher details could not be read just now.');
      }
    }
    return this.tooltip();
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
    this.community = undefined;
  }
}

export class ExternalImageNode implements ExplorerNode, HasArmReference, HasImageReference, ExternalItem {
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

  get target(): AzureTarget {
    return this.parent.target;
  }

  externalResource(): ExternalResource {
    return { ...this.parent.externalResource(), image: this.image.name };
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
    const shape = { ...i, securityType: securityTypeFromFeatures(i.features) };
    item.description = definitionSummary(shape);
    item.iconPath = new vscode.ThemeIcon(i.osType === 'Windows' ? 'window' : 'terminal-linux');
    item.contextValue = `acg.${this.parent.source}.image`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(i.name)}** — image definition (read-only)\n\n`);
    md.appendMarkdown(`Publisher: ${escape(i.publisher ?? '')}  \nOffer: ${escape(i.offer ?? '')}  \nSKU: ${escape(i.sku ?? '')}  \nOS: ${escape(definitionDetail(shape))}`);
    if (i.endOfLifeDate) md.appendMarkdown(`  \nEnd of life: ${i.endOfLifeDate.toISOString().slice(0, 10)}`);
    item.tooltip = md;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const versions = (await this.versions.get()).slice().sort((a, b) => compareVersions(b.name, a.name));
      if (versions.length === 0) return [new MessageNode(this, 'No image versions', { id: `${this.id}/empty` })];
      // The shared APIs list only published versions (no provisioning state): the owned rule applies as is.
      const { latest } = resolveLatest(versions);
      return versions.map((v) => new ExternalVersionNode(this, v, v.name === latest));
    } catch (error) {
      return [errorNode(this, 'image versions', error)];
    }
  }

  invalidate(): void {
    this.versions.invalidate();
  }
}

export class ExternalVersionNode implements ExplorerNode, HasArmReference, HasImageReference, ExternalItem {
  constructor(
    readonly parent: ExternalImageNode,
    readonly version: SharedImageVersion,
    /** The version "latest" resolves to in this definition. */
    readonly isLatest = false,
  ) {}

  get resourceId(): string {
    return this.version.uniqueId;
  }

  get target(): AzureTarget {
    return this.parent.target;
  }

  externalResource(): ExternalResource {
    return { ...this.parent.externalResource(), version: this.version.name };
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
    const parts = [this.isLatest ? 'latest' : '', v.excludeFromLatest ? 'excluded from latest' : '', v.endOfLifeDate ? `EOL ${v.endOfLifeDate.toISOString().slice(0, 10)}` : ''];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.isLatest ? 'star-full' : 'tag');
    item.contextValue = `acg.${this.parent.parent.source}.version`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(v.name)}** — image version (read-only)\n\n\`${v.uniqueId}\`  \n`);
    if (v.publishedDate) md.appendMarkdown(`Published ${v.publishedDate.toISOString().slice(0, 10)}  \n`);
    if (v.endOfLifeDate) md.appendMarkdown(`End of life: ${v.endOfLifeDate.toISOString().slice(0, 10)}  \n`);
    md.appendMarkdown(this.isLatest ? 'New VMs asking for "latest" get this version.' : v.excludeFromLatest ? 'Excluded from "latest".' : '');
    item.tooltip = md;
    return item;
  }
}

interface SharedFind {
  gallery: SharedGallery;
  target: AzureTarget;
  regions: string[];
  via: string[];
}

/** "Shared with me": galleries shared directly with the signed-in subscriptions or their tenants. */
export class SharedWithMeNode implements ExplorerNode, HoldsIds {
  readonly parent = undefined;
  readonly id = 'acg/shared';
  private readonly found: Cached<SharedFind[]>;

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

  /** Every region's list, merged: one entry per gallery, with every region and way it is shared in. */
  private async search(): Promise<SharedFind[]> {
    const subs = this.subscriptions();
    if (subs.length === 0) return [];
    const locations = await this.locations(subs[0]);
    const tenants = new Map(subs.map((s) => [s.tenantId, s]));
    const tenantWord = (s: SessionSubscription) => (tenants.size > 1 ? `tenant ${shortId(s.tenantId)}` : 'your tenant');
    const queries = [
      ...subs.flatMap((s) => locations.map((l) => ({ s, l, to: 'subscription' as const, via: s.name }))),
      ...[...tenants.values()].flatMap((s) => locations.map((l) => ({ s, l, to: 'tenant' as const, via: tenantWord(s) }))),
    ];
    const results = await mapBounded(queries, 16, async (q) =>
      (await this.ctx.azure().listSharedGalleries(q.s.target, q.l, q.to)).map((gallery) => ({ gallery, via: q.via, target: q.s.target })),
    );
    const byName = new Map<string, SharedFind>();
    for (const r of results.flat()) {
      const key = r.gallery.name.toLowerCase();
      // The first answer's region and subscription list the images; the others add to the row.
      const found = byName.get(key) ?? { gallery: r.gallery, target: r.target, regions: [], via: [] };
      if (!found.regions.includes(r.gallery.location.toLowerCase())) found.regions.push(r.gallery.location.toLowerCase());
      if (!found.via.includes(r.via)) found.via.push(r.via);
      byName.set(key, found);
    }
    return [...byName.values()].sort((a, b) => parseSharedGalleryName(a.gallery.name).galleryName.localeCompare(parseSharedGalleryName(b.gallery.name).galleryName));
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
      const subscriptions = this.subscriptions().map((s) => ({ id: s.subscriptionId, name: s.name }));
      return found.map((f) => new ExternalGalleryNode(this.ctx, this, 'shared', f.gallery, f.target, { regions: f.regions, via: f.via, subscriptions }));
    } catch (error) {
      return [errorNode(this, 'shared galleries', error)];
    }
  }

  invalidate(): void {
    this.found.invalidate();
  }
}

/** "Community": public galleries the user added by public name or from Browse (remembered across sessions). */
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
        new MessageNode(this, 'Browse the community galleries Azure lists…', {
          id: `${this.id}/browse`,
          icon: new vscode.ThemeIcon('search'),
          command: { command: 'azureComputeGallery.browseCommunityGalleries', title: 'Browse Community Galleries' },
        }),
      ];
    }
    return bookmarks.map(
      (b) => new ExternalGalleryNode(this.ctx, this, 'community', { name: b.publicName, location: b.location, uniqueId: `/CommunityGalleries/${b.publicName}` }, target),
    );
  }
}
