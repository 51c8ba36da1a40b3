import * as vscode from 'vscode';
import type { AzureTarget, ImageDefinition, ImageVersion } from '../../azure/types';
import type { GalleryImageReference } from '../../model/armId';
import { definitionLatestLine } from '../../model/latest';
import { regionDifferenceLines, resolveLatestByRegion, type LatestByRegion, type RegionalCandidate } from '../../model/latestByRegion';
import { compareVersions } from '../../model/versions';
import { describeFeatures, featuresFrom } from '../../model/definitionFeatures';
import { tagsToText } from '../../model/tags';
import { definitionDetail, definitionSummary } from '../../model/rowWords';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { imageReferenceOf, type HasImageReference, type Paged, type Tagged } from '../capabilities';
import type { GalleryNode } from './galleryNode';
import { OwnResourceNode } from './ownResourceNode';
import { errorNode, MessageNode } from './messageNode';
import { escape } from './subscriptionNode';
import { ImageVersionNode } from './imageVersionNode';
import { NodeCache } from './nodeCache';

/** Versions arrive a page at a time; "Load more…" asks for the next page only when clicked. */
interface VersionPages {
  versions: ImageVersion[];
  /** When the first page was asked for: a version polled after this knows better than the list. */
  listedAt: number;
  continuationToken?: string;
}

export class ImageDefinitionNode extends OwnResourceNode implements ExplorerNode, HasImageReference, Paged, Tagged {
  private pages: Promise<VersionPages> | undefined;
  /** Whether the pages listed last end with a continuation ("Load more…"). */
  hasMore = false;
  private readonly versionNodes = new NodeCache<ImageVersionNode>();
  /** The version nodes listed last, and what "latest" resolves to among them (undefined: not listed yet). */
  private shown: ImageVersionNode[] = [];
  private latest: LatestByRegion | undefined;
  /** The hover's words about "latest" as last resolved (what VS Code was last told). */
  private latestWords: string | undefined;

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: GalleryNode,
    public image: ImageDefinition,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  get resourceId(): string {
    return this.image.id;
  }

  get target(): AzureTarget {
    return this.parent.parent.subscription.target;
  }

  imageReference(): GalleryImageReference | undefined {
    return imageReferenceOf(this);
  }

  get endOfLifePassed(): boolean {
    return this.image.endOfLifeDate !== undefined && this.image.endOfLifeDate.getTime() < this.now().getTime();
  }

  getTreeItem(): vscode.TreeItem {
    const i = this.image;
    const item = new vscode.TreeItem(i.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = definitionSummary(i);
    item.iconPath = this.endOfLifePassed
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(i.osType === 'Windows' ? 'window' : 'terminal-linux');
    item.contextValue = 'acg.image';
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(i.name)}** — image definition\n\n`);
    md.appendMarkdown(`Publisher: ${escape(i.publisher)}  \nOffer: ${escape(i.offer)}  \nSKU: ${escape(i.sku)}  \n`);
    md.appendMarkdown(`OS: ${escape(definitionDetail(i))}`);
    const features = describeFeatures(featuresFrom(i.features));
    if (features) md.appendMarkdown(`  \nFeatures: ${features}`);
    if (Object.keys(i.tags ?? {}).length > 0) md.appendMarkdown(`  \nTags: ${escape(tagsToText(i.tags))}`);
    if (this.latest) md.appendMarkdown(this.latestText(this.latest).split('\n').map((line) => `  \n${escape(line)}`).join(''));
    if (i.description) md.appendMarkdown(`  \n${escape(i.description)}`);
    if (i.endOfLifeDate) {
      md.appendMarkdown(
        this.endOfLifePassed
          ? `  \n$(warning) **End of life passed** on ${i.endOfLifeDate.toISOString().slice(0, 10)}`
          : `  \nEnd of life: ${i.endOfLifeDate.toISOString().slice(0, 10)}`,
      );
    }
    item.tooltip = md;
    return item;
  }

  showTags(tags: Record<string, string>): void {
    this.image.tags = tags;
    this.parent.images.invalidate();
    this.ctx.refresh(this);
  }

  private loadFirstPage(): Promise<VersionPages> {
    const i = this.image;
    const listedAt = Date.now();
    const promise = this.ctx
      .azure()
      .listImageVersionsPage(this.parent.parent.subscription.target, i.resourceGroup, i.galleryName, i.name)
      .then((page) => ({ versions: page.items, continuationToken: page.continuationToken, listedAt }));
    promise.catch(() => {
      if (this.pages === promise) this.pages = undefined;
    });
    return promise;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    this.pages ??= this.loadFirstPage();
    let pages: VersionPages;
    try {
      pages = await this.pages;
    } catch (error) {
      return [errorNode(this, 'image versions', error)];
    }
    this.hasMore = !!pages.continuationToken;
    const sorted = pages.versions.slice().sort((a, b) => compareVersions(b.name, a.name));
    const versionNodes = this.versionNodes.sync(
      sorted,
      (v) => v.id,
      (v) => new ImageVersionNode(this.ctx, this, v),
      (node, v) => node.updateFromList(v, pages.listedAt),
    );
    this.shown = versionNodes;
    // The rows are drawn from here: only the definition's own hover may need a redraw.
    if (this.resolveLatest().definition) this.ctx.refresh(this);
    if (pages.versions.length === 0) return [new MessageNode(this, 'No image versions', { id: `${this.id}/empty` })];
    for (const node of versionNodes) if (node.needsReplicationWatch) this.ctx.watchReplication(node);
    const nodes: ExplorerNode[] = [...versionNodes];
    if (pages.continuationToken) {
      nodes.push(
        new MessageNode(this, 'Load more…', {
          id: `${this.id}/more/${pages.versions.length}`,
          icon: new vscode.ThemeIcon('more'),
          description: `${pages.versions.length} shown`,
          contextValue: 'acg.loadMore',
          command: { command: 'azureComputeGallery.loadMore', title: 'Load More', arguments: [this] },
        }),
      );
    }
    return nodes;
  }

  /** Appends the next page (Load more…). */
  async loadMore(): Promise<void> {
    const current = await (this.pages ?? this.loadFirstPage());
    if (!current.continuationToken) return;
    const i = this.image;
    const next = await this.ctx
      .azure()
      .listImageVersionsPage(this.parent.parent.subscription.target, i.resourceGroup, i.galleryName, i.name, current.continuationToken);
    this.pages = Promise.resolve({ versions: [...current.versions, ...next.items], continuationToken: next.continuationToken, listedAt: current.listedAt });
    this.ctx.refresh(this);
  }

  invalidate(): void {
    this.pages = undefined;
  }

  /**
   * Azure answered about one of its versions (a poll, an update, a create's end): "latest" is
   * recomputed from what the tree holds of every version, and each row whose words about it
   * change is redrawn — siblings and this definition too, not only the version that changed.
   */
  versionChanged(changed: ImageVersionNode): void {
    if (!this.shown.includes(changed)) return; // not listed (yet): the list resolves it when it comes
    const { rows, definition } = this.resolveLatest();
    for (const row of rows) if (row !== changed) this.ctx.refresh(row);
    if (definition) this.ctx.refresh(this);
  }

  /** The version nodes listed last (newest first): what Make Latest and Exclude from Latest plan with. */
  get versionNodesShown(): readonly ImageVersionNode[] {
    return this.shown;
  }

  /** What "latest" per region reads from every version listed. */
  get regionalCandidates(): RegionalCandidate[] {
    return this.shown.map((n) => n.regionalCandidate);
  }

  /** The hover's lines about "latest": the definition's, then each region where it differs. */
  private latestText(latest: LatestByRegion): string {
    // With "Load more…" some versions are not listed yet: a higher one may be among them.
    const lines = [`${definitionLatestLine(latest, this.shown.length)}${this.hasMore ? ' (among the versions loaded so far)' : ''}`];
    const differences = regionDifferenceLines(latest);
    if (differences.length > 0) lines.push('Latest differs in these regions:', ...differences.map((d) => `· ${d}`));
    return lines.join('\n');
  }

  /** Resolves "latest" over the versions shown; which rows now read differently, and whether this one does. */
  private resolveLatest(): { rows: ImageVersionNode[]; definition: boolean } {
    // Compared with the words last resolved, not recomputed from the old resolution: the count of
    // versions shown has changed by now, and the last version deleted read the same both ways.
    const before = this.latestWords;
    this.latest = resolveLatestByRegion(this.regionalCandidates);
    this.latestWords = this.latestText(this.latest);
    const resolution = { latest: this.latest.latest, next: this.latest.next };
    const rows = this.shown.filter((n) => n.setLatest(resolution));
    return { rows, definition: before !== this.latestWords };
  }
}
