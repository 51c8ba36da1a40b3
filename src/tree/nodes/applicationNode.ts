// A gallery's VM applications: the "VM Applications" row under the gallery (beside its image
// definitions), each application definition, and below it its versions (applicationVersionNode.ts).
import * as vscode from 'vscode';
import type { Application, ApplicationVersion, AzureTarget } from '../../azure/types';
import { definitionLatestLine } from '../../model/latest';
import { resolveLatestByRegion, type LatestByRegion } from '../../model/latestByRegion';
import { tagsToText } from '../../model/tags';
import { compareVersions } from '../../model/versions';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import type { GalleryGroup, HoldsIds, Tagged } from '../capabilities';
import { OwnResourceNode } from './ownResourceNode';
import { ApplicationVersionNode } from './applicationVersionNode';
import { Cached } from './cachedChildren';
import type { GalleryNode } from './galleryNode';
import { errorNode, MessageNode } from './messageNode';
import { NodeCache } from './nodeCache';
import { escape } from './subscriptionNode';

export const APPLICATIONS_GROUP_LABEL = 'VM Applications';

/** "VM Applications": the gallery's application definitions, listed when expanded. */
export class ApplicationsGroupNode implements ExplorerNode, HoldsIds, GalleryGroup {
  readonly groups = 'galleryApplication' as const;
  readonly applications: Cached<Application[]>;
  private readonly nodes = new NodeCache<ApplicationNode>();

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: GalleryNode,
  ) {
    const g = parent.gallery;
    this.applications = new Cached(() => ctx.azure().listApplications(parent.target, g.resourceGroup, g.name));
  }

  get id(): string {
    return `${this.parent.id}/vm-applications`;
  }

  /** The gallery whose applications these are (what Create VM Application… runs on). */
  get gallery(): GalleryNode {
    return this.parent;
  }

  holds(resourceId: string): boolean {
    return resourceId.toLowerCase().startsWith(`${this.parent.resourceId.toLowerCase()}/applications/`);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(APPLICATIONS_GROUP_LABEL, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('package');
    item.contextValue = 'acg.applications';
    item.tooltip = `The VM applications of ${this.parent.gallery.name}: packages with install and remove commands, replicated to regions like image versions.`;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const apps = await this.applications.get();
      if (apps.length === 0) return [new MessageNode(this, 'No VM applications', { id: `${this.id}/empty` })];
      return this.nodes.sync(
        [...apps].sort((a, b) => a.name.localeCompare(b.name)),
        (a) => a.id,
        (a) => new ApplicationNode(this.ctx, this, a),
        (node, a) => (node.application = a),
      );
    } catch (error) {
      return [errorNode(this, 'VM applications', error)];
    }
  }

  invalidate(): void {
    this.applications.invalidate();
    this.nodes.invalidateAll();
  }
}

export class ApplicationNode extends OwnResourceNode implements ExplorerNode, Tagged {
  private versions: Promise<{ items: ApplicationVersion[]; listedAt: number }> | undefined;
  private readonly versionNodes = new NodeCache<ApplicationVersionNode>();
  private shown: ApplicationVersionNode[] = [];
  private latest: LatestByRegion | undefined;

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: ApplicationsGroupNode,
    public application: Application,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  get resourceId(): string {
    return this.application.id;
  }

  get target(): AzureTarget {
    return this.parent.parent.target;
  }

  /** Edit Tags' answer: shown now; the gallery's list is read again next time (its copy is older). */
  showTags(tags: Record<string, string>): void {
    this.application = { ...this.application, tags };
    this.parent.applications.invalidate();
    this.ctx.refresh(this);
  }

  /** The versions listed last, newest first. */
  get versionNodesShown(): readonly ApplicationVersionNode[] {
    return this.shown;
  }

  get endOfLifePassed(): boolean {
    const eol = this.application.endOfLifeDate;
    return eol !== undefined && eol.getTime() < this.now().getTime();
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.application;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const eol = a.endOfLifeDate ? (this.endOfLifePassed ? 'end of life passed' : `EOL ${a.endOfLifeDate.toISOString().slice(0, 10)}`) : '';
    item.description = [a.supportedOSType, eol].filter(Boolean).join(' · ');
    item.iconPath = this.endOfLifePassed ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('package');
    item.contextValue = 'acg.application';
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(a.name)}** — VM application (${escape(a.supportedOSType)})\n\n`);
    if (a.description) md.appendMarkdown(`${escape(a.description)}  \n`);
    if (a.eula) md.appendMarkdown(`EULA: ${escape(a.eula)}  \n`);
    if (a.privacyStatementUri) md.appendMarkdown(`Privacy statement: ${escape(a.privacyStatementUri)}  \n`);
    if (a.releaseNoteUri) md.appendMarkdown(`Release notes: ${escape(a.releaseNoteUri)}  \n`);
    if (a.endOfLifeDate) md.appendMarkdown(`End of life: ${a.endOfLifeDate.toISOString().slice(0, 10)}${this.endOfLifePassed ? ' (passed)' : ''}  \n`);
    if (Object.keys(a.tags).length > 0) md.appendMarkdown(`Tags: ${escape(tagsToText(a.tags))}  \n`);
    if (this.latest) md.appendMarkdown(escape(definitionLatestLine(this.latest, this.shown.length)));
    item.tooltip = md;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const listedAt = Date.now();
    this.versions ??= this.ctx
      .azure()
      .listApplicationVersions(this.target, this.application.id)
      .then((items) => ({ items, listedAt }));
    let listed: { items: ApplicationVersion[]; listedAt: number };
    try {
      listed = await this.versions;
    } catch (error) {
      this.versions = undefined;
      return [errorNode(this, 'application versions', error)];
    }
    const sorted = listed.items.slice().sort((a, b) => compareVersions(b.name, a.name));
    this.shown = this.versionNodes.sync(
      sorted,
      (v) => v.id,
      (v) => new ApplicationVersionNode(this.ctx, this, v),
      (node, v) => node.updateFromList(v, listed.listedAt),
    );
    this.resolveLatest();
    if (this.shown.length === 0) return [new MessageNode(this, 'No application versions', { id: `${this.id}/empty` })];
    for (const node of this.shown) if (node.needsReplicationWatch) this.ctx.watchReplication(node);
    return [...this.shown];
  }

  /** A version's state changed: "latest" is resolved again and each row whose words change is redrawn. */
  versionChanged(changed: ApplicationVersionNode): void {
    if (!this.shown.includes(changed)) return;
    for (const row of this.resolveLatest()) if (row !== changed) this.ctx.refresh(row);
    this.ctx.refresh(this);
  }

  private resolveLatest(): ApplicationVersionNode[] {
    this.latest = resolveLatestByRegion(this.shown.map((n) => n.regionalCandidate));
    const resolution = { latest: this.latest.latest, next: this.latest.next };
    return this.shown.filter((n) => n.setLatest(resolution));
  }

  invalidate(): void {
    this.versions = undefined;
  }
}
