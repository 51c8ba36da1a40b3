// What an image version's row and a VM application version's row share: the version as Azure last
// told it, "latest" as its parent resolved it, region rows from the replication status, and the one
// poll the tree's replication watcher makes of it. The kinds differ only in their parent, their
// hover and which Azure read fetches them.
import * as vscode from 'vscode';
import type { PublishedVersion } from '../../azure/types';
import { latestRole, latestSentence, type LatestCandidate, type LatestResolution, type LatestRole } from '../../model/latest';
import type { RegionalCandidate } from '../../model/latestByRegion';
import type { RegionRow } from '../../model/regionReplication';
import { summariseReplication } from '../../model/replication';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { errorNode, MessageNode } from './messageNode';
import { escape } from './subscriptionNode';
import { NodeCache } from './nodeCache';
import type { RegionNode } from './regionNode';
import { OwnResourceNode } from './ownResourceNode';
import { appendDates, appendRegionStatus, needsReplicationWatch, versionRegionRows, versionRowLook, versionStatus } from './versionRow';

export abstract class PublishedVersionNode<V extends PublishedVersion> extends OwnResourceNode implements ExplorerNode {
  /** What its parent resolved "latest" to, from every version it holds (set by the parent). */
  private resolution: LatestResolution = {};
  /** When Azure last answered with this version itself (0: only ever seen in a list). */
  private seenAt = 0;
  /** Refreshed: the next expansion fetches the status again. */
  private stale = false;
  private readonly regionNodes = new NodeCache<RegionNode<this>>();

  protected constructor(
    protected readonly ctx: TreeContext,
    protected v: V,
    private readonly now: () => Date,
  ) {
    super();
  }

  /** Tells the parent this version changed, so it recomputes "latest" for every row it affects. */
  protected abstract changed(): void;
  /** Azure's read of this version with its replication status. */
  protected abstract fetch(signal?: AbortSignal): Promise<V>;
  protected abstract regionNode(row: RegionRow): RegionNode<this>;
  /** Its context value without the ".busy" a version in progress gets: what its menus match. */
  protected abstract readonly contextKind: string;
  /** "image version", "VM application version": the hover's first line. */
  protected abstract readonly noun: string;
  /** The hover's lines about what this kind holds (plain text; escaped here). */
  protected abstract detailLines(): string[];
  /** Hover lines after the regions' status (markdown). */
  protected afterRegionsMarkdown(): string {
    return '';
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.v;
    // Expands into its target regions.
    const item = new vscode.TreeItem(v.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const status = versionStatus(v);
    const look = versionRowLook(v, status, this.latestRole, this.endOfLifePassed);
    item.description = look.description;
    item.iconPath = look.iconPath;
    item.contextValue = `${this.contextKind}${status.state === 'progress' ? '.busy' : ''}`;
    item.tooltip = this.tooltip(status.text);
    return item;
  }

  private tooltip(status: string): vscode.MarkdownString {
    const v = this.v;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(v.name)}** — ${this.noun}${status ? ` · ${escape(status)}` : ''}\n\n`);
    md.appendMarkdown(`Location: ${v.location}  \nProvisioning state: ${v.provisioningState ?? 'unknown'}  \n`);
    for (const line of this.detailLines()) md.appendMarkdown(`${escape(line)}  \n`);
    appendRegionStatus(md, v);
    md.appendMarkdown(this.afterRegionsMarkdown());
    appendDates(md, v, this.endOfLifePassed);
    md.appendMarkdown(escape(this.latestText));
    return md;
  }

  get versionId(): string {
    return this.v.id;
  }

  get resourceId(): string {
    return this.v.id;
  }

  /**
   * Azure's answer about this version (a poll, an update's response, a create's final state), as
   * of `at`: shown on this row, and its parent recomputes "latest".
   */
  update(v: V, at = Date.now()): void {
    this.apply(v);
    this.seenAt = Math.max(this.seenAt, at);
    this.changed();
  }

  private apply(v: V): void {
    // A list result carries no replication status: keep the last one fetched.
    this.v = { ...v, replication: v.replication ?? this.v.replication };
  }

  /** From a cached list page: older than an answer had since, it must not undo what that told. */
  updateFromList(v: V, listedAt: number): void {
    if (this.seenAt <= listedAt) this.apply(v);
  }

  /** What "latest" needs of this version: the list's fields and the last poll's replication state. */
  get latestCandidate(): LatestCandidate {
    const v = this.v;
    const replicationState = v.replication ? summariseReplication({ aggregatedState: v.replication.aggregatedState, summary: v.replication.regions }).state : undefined;
    return { name: v.name, excludeFromLatest: v.excludeFromLatest, provisioningState: v.provisioningState, replicationState };
  }

  /** What "latest" per region needs: the above, each target region's exclusion and the last poll's region states. */
  get regionalCandidate(): RegionalCandidate {
    const v = this.v;
    return { ...this.latestCandidate, targetRegions: v.targetRegions, regionStatus: v.replication?.regions };
  }

  get latestRole(): LatestRole {
    return latestRole(this.v.name, this.v.excludeFromLatest, this.resolution);
  }

  /** What this row's hover says about "latest". */
  private get latestText(): string {
    return latestSentence(this.latestRole, this.resolution, this.latestCandidate.replicationState === 'Replicating');
  }

  /** Takes its parent's resolution of "latest"; true when what this row says about it changed. */
  setLatest(resolution: LatestResolution): boolean {
    const before = `${this.latestRole}|${this.latestText}`;
    this.resolution = resolution;
    return before !== `${this.latestRole}|${this.latestText}`;
  }

  /**
   * Each target region's row, from the status last fetched (none before the first fetch). The
   * region nodes and the version row's "2/3 regions" both read this.
   */
  get regionRows(): RegionRow[] {
    return versionRegionRows(this.v);
  }

  /**
   * Still creating or replicating — including a region still copying after the version's
   * operation Succeeded: the tree keeps polling it (backing off) until it is done.
   */
  get needsReplicationWatch(): boolean {
    return needsReplicationWatch(this.v);
  }

  get endOfLifePassed(): boolean {
    return this.v.endOfLifeDate !== undefined && this.v.endOfLifeDate.getTime() < this.now().getTime();
  }

  invalidate(): void {
    this.stale = true;
  }

  /** The target regions: fetched through the replication watcher (the one loop polling versions) when not known yet. */
  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.v.replication || this.stale) {
      this.stale = false;
      const { error } = await this.ctx.pollVersion(this);
      if (error !== undefined) return [errorNode(this, 'replication status', error)];
      // The poll's redraw of this row came while VS Code was still asking for its children, and
      // the workbench drops it then: redraw once more after they are answered.
      setImmediate(() => this.ctx.refresh(this));
    }
    const rows = this.regionRows;
    if (rows.length === 0) return [new MessageNode(this, 'No target regions reported', { id: `${this.id}/regions/none` })];
    return this.regionNodes.sync(
      rows,
      (r) => r.region,
      (r) => this.regionNode(r),
      (node, r) => node.update(r),
    );
  }

  /** Polls Azure once for this version's replication status and redraws it; true while in progress. */
  async poll(signal?: AbortSignal): Promise<boolean> {
    const asked = Date.now();
    const fresh = await this.fetch(signal);
    this.update(fresh, asked);
    this.ctx.refresh(this);
    return this.needsReplicationWatch;
  }
}
