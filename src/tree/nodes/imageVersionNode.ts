import * as vscode from 'vscode';
import type { AzureTarget, ImageVersion } from '../../azure/types';
import type { GalleryImageReference } from '../../model/armId';
import { latestLabel, latestRole, latestSentence, type LatestCandidate, type LatestResolution, type LatestRole } from '../../model/latest';
import type { RegionalCandidate } from '../../model/latestByRegion';
import { summariseReplication } from '../../model/replication';
import { regionRows, versionRegionsText, type RegionRow } from '../../model/regionReplication';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { imageReferenceOf, type HasImageReference, type Tagged } from '../capabilities';
import type { ImageDefinitionNode } from './imageDefinitionNode';
import { escape } from './subscriptionNode';
import { versionDetailLines } from './versionDetails';
import { OwnResourceNode } from './ownResourceNode';
import { errorNode, MessageNode } from './messageNode';
import { NodeCache } from './nodeCache';
import { RegionNode } from './regionNode';

const IN_PROGRESS = new Set(['creating', 'updating', 'migrating']);

export class ImageVersionNode extends OwnResourceNode implements ExplorerNode, HasImageReference, Tagged {
  constructor(
    private readonly ctx: TreeContext,
    readonly parent: ImageDefinitionNode,
    private v: ImageVersion,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  /** What its definition resolved "latest" to, from every version it holds (set by the definition). */
  private resolution: LatestResolution = {};

  get version(): ImageVersion {
    return this.v;
  }

  get versionId(): string {
    return this.v.id;
  }

  get resourceId(): string {
    return this.v.id;
  }

  get target(): AzureTarget {
    return this.parent.parent.parent.subscription.target;
  }

  imageReference(): GalleryImageReference | undefined {
    return imageReferenceOf(this);
  }

  /** When Azure last answered with this version itself (0: only ever seen in a list). */
  private seenAt = 0;

  /**
   * Azure's answer about this version (a poll, an update's response, a create's final state), as
   * of `at`: shown on this row, and its definition recomputes "latest" for every row it affects.
   */
  update(v: ImageVersion, at = Date.now()): void {
    this.apply(v);
    this.seenAt = Math.max(this.seenAt, at);
    this.parent.versionChanged(this);
  }

  private apply(v: ImageVersion): void {
    // A list result carries no replication status: keep the last one fetched.
    this.v = { ...v, replication: v.replication ?? this.v.replication };
  }

  /** Its definition relists: the list's copy was read before the change. */
  showTags(tags: Record<string, string>): void {
    this.update({ ...this.v, tags });
    this.parent.invalidate();
    this.ctx.refresh(this.parent);
  }

  /** From a cached list page: older than an answer had since, it must not undo what that told. */
  updateFromList(v: ImageVersion, listedAt: number): void {
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

  /** Takes its definition's resolution of "latest"; true when what this row says about it changed. */
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
    return this.v.replication ? regionRows(this.v.targetRegions, this.v.replication.regions, this.v.storageAccountType) : [];
  }

  /**
   * Still creating or replicating — including a region still copying after the version's
   * operation Succeeded: the tree keeps polling it (backing off) until it is done.
   */
  get needsReplicationWatch(): boolean {
    const state = this.v.provisioningState?.toLowerCase() ?? '';
    if (IN_PROGRESS.has(state)) return true;
    if (!this.v.replication) return false;
    if (this.v.replication.regions.length > 0) return this.regionRows.some((r) => r.state === 'Queued' || r.state === 'Replicating');
    const summary = summariseReplication({ aggregatedState: this.v.replication.aggregatedState, summary: this.v.replication.regions });
    return summary.state === 'Replicating' || summary.state === 'Unknown';
  }

  private statusLabel(): { text: string; state: 'ok' | 'progress' | 'failed' } {
    const v = this.v;
    const state = v.provisioningState?.toLowerCase();
    if (v.replication && v.replication.regions.length > 0) {
      // From the same rows as the region nodes: usable in a region only when it is Completed.
      const regions = versionRegionsText(this.regionRows);
      if (regions.state !== 'ok') return regions;
    }
    if (state === 'failed') return { text: 'Failed', state: 'failed' };
    if (state === 'deleting') return { text: 'Deleting…', state: 'progress' };
    if (IN_PROGRESS.has(state ?? '')) return { text: `${v.provisioningState}…`, state: 'progress' };
    return { text: '', state: 'ok' };
  }

  get endOfLifePassed(): boolean {
    return this.v.endOfLifeDate !== undefined && this.v.endOfLifeDate.getTime() < this.now().getTime();
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.v;
    // Expands into its target regions.
    const item = new vscode.TreeItem(v.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const status = this.statusLabel();
    const role = this.latestRole;
    const parts = [status.text, latestLabel(role)];
    if (v.endOfLifeDate) parts.push(this.endOfLifePassed ? 'end of life passed' : `EOL ${v.endOfLifeDate.toISOString().slice(0, 10)}`);
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath =
      status.state === 'failed'
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : status.state === 'progress'
          ? new vscode.ThemeIcon('sync~spin')
          : this.endOfLifePassed
            ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
            : new vscode.ThemeIcon(role === 'latest' ? 'star-full' : 'tag');
    item.contextValue = `acg.version${status.state === 'progress' ? '.busy' : ''}`;
    item.tooltip = this.tooltip(status.text);
    return item;
  }

  private tooltip(status: string): vscode.MarkdownString {
    const v = this.v;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(v.name)}** — image version${status ? ` · ${escape(status)}` : ''}\n\n`);
    md.appendMarkdown(`Location: ${v.location}  \nProvisioning state: ${v.provisioningState ?? 'unknown'}  \n`);
    for (const line of versionDetailLines(v)) md.appendMarkdown(`${escape(line)}  \n`);
    for (const r of v.replication?.regions ?? []) {
      md.appendMarkdown(`· ${r.region}: ${r.state}${r.state === 'Replicating' ? ` ${r.progress}%` : ''}${r.details ? ` — ${escape(r.details)}` : ''}  \n`);
    }
    if (v.sourceId && v.sourceId !== v.osDiskImage?.source) md.appendMarkdown(`Source: \`${v.sourceId}\`  \n`);
    if (v.publishedDate) md.appendMarkdown(`Published: ${v.publishedDate.toISOString().replace('T', ' ').slice(0, 16)} UTC  \n`);
    if (v.endOfLifeDate) md.appendMarkdown(`End of life: ${v.endOfLifeDate.toISOString().slice(0, 10)}${this.endOfLifePassed ? ' (passed)' : ''}  \n`);
    md.appendMarkdown(escape(this.latestText));
    return md;
  }

  private readonly regionNodes = new NodeCache<RegionNode>();
  /** Refreshed: the next expansion fetches the status again. */
  private stale = false;

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
      (r) => new RegionNode(this, r),
      (node, r) => node.update(r),
    );
  }

  /** Polls Azure once for this version's replication status and redraws it. */
  async poll(signal?: AbortSignal): Promise<boolean> {
    const asked = Date.now();
    const fresh = await this.ctx.azure().getImageVersion(this.target, this.v.id, true, { abortSignal: signal });
    this.update(fresh, asked);
    this.ctx.refresh(this);
    return this.needsReplicationWatch;
  }
}
