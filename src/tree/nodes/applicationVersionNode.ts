// A VM application version: its package and commands on hover, and its replication live like an
// image version's — the same region rows (RegionNode), the same words (model/regionReplication,
// model/latest) and the one replication watcher of the tree, which polls it through `poll`.
import * as vscode from 'vscode';
import type { ApplicationVersion, AzureTarget } from '../../azure/types';
import { latestRole, latestSentence, type LatestCandidate, type LatestResolution, type LatestRole } from '../../model/latest';
import type { RegionalCandidate } from '../../model/latestByRegion';
import type { RegionRow } from '../../model/regionReplication';
import { summariseReplication } from '../../model/replication';
import { maskSas } from '../../model/sasLink';
import { tagsToText } from '../../model/tags';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import type { Tagged } from '../capabilities';
import { OwnResourceNode } from './ownResourceNode';
import type { ApplicationNode } from './applicationNode';
import { errorNode, MessageNode } from './messageNode';
import { NodeCache } from './nodeCache';
import { RegionNode } from './regionNode';
import { escape } from './subscriptionNode';
import { regionLine } from './versionDetails';
import { appendDates, appendRegionStatus, needsReplicationWatch, versionRegionRows, versionRowLook, versionStatus } from './versionRow';

/** The hover's lines about the package (plain text; escaped by the caller). */
export function applicationVersionLines(v: ApplicationVersion): string[] {
  const lines = [`Package: ${maskSas(v.mediaLink)}`];
  if (v.defaultConfigurationLink) lines.push(`Default configuration: ${maskSas(v.defaultConfigurationLink)}`);
  if (v.install) lines.push(`Install: ${v.install}`);
  if (v.remove) lines.push(`Remove: ${v.remove}`);
  if (v.update) lines.push(`Update: ${v.update}`);
  if (v.packageFileName) lines.push(`Package file name: ${v.packageFileName}`);
  if (v.configFileName) lines.push(`Configuration file name: ${v.configFileName}`);
  if (v.scriptBehaviorAfterReboot) lines.push(`After a reboot: ${v.scriptBehaviorAfterReboot === 'Rerun' ? 'the script runs again' : 'nothing runs again'}`);
  if (v.targetRegions.length > 0) lines.push('Target regions:', ...v.targetRegions.map((r) => `· ${regionLine(r, v.storageAccountType)}`));
  if (v.allowDeletionOfReplicatedLocations) lines.push('Safety: replicated regions may be removed');
  if (Object.keys(v.tags).length > 0) lines.push(`Tags: ${tagsToText(v.tags)}`);
  return lines;
}

export class ApplicationVersionNode extends OwnResourceNode implements ExplorerNode, Tagged {
  private resolution: LatestResolution = {};
  /** When Azure last answered with this version itself (0: only ever seen in a list). */
  private seenAt = 0;
  private readonly regionNodes = new NodeCache<RegionNode<ApplicationVersionNode>>();
  private stale = false;

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: ApplicationNode,
    private v: ApplicationVersion,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  get applicationVersion(): ApplicationVersion {
    return this.v;
  }

  get versionId(): string {
    return this.v.id;
  }

  get resourceId(): string {
    return this.v.id;
  }

  get target(): AzureTarget {
    return this.parent.target;
  }

  /** Azure's answer about this version (a poll, an update), as of `at`; its application recomputes "latest". */
  update(v: ApplicationVersion, at = Date.now()): void {
    this.v = { ...v, replication: v.replication ?? this.v.replication };
    this.seenAt = Math.max(this.seenAt, at);
    this.parent.versionChanged(this);
  }

  /** Edit Tags' answer: shown now; its application lists its versions again next time. */
  showTags(tags: Record<string, string>): void {
    this.update({ ...this.v, tags });
    this.parent.invalidate();
    this.ctx.refresh(this);
  }

  updateFromList(v: ApplicationVersion, listedAt: number): void {
    if (this.seenAt <= listedAt) this.v = { ...v, replication: v.replication ?? this.v.replication };
  }

  get regionalCandidate(): RegionalCandidate {
    const v = this.v;
    const replicationState = v.replication ? summariseReplication({ aggregatedState: v.replication.aggregatedState, summary: v.replication.regions }).state : undefined;
    const candidate: LatestCandidate = { name: v.name, excludeFromLatest: v.excludeFromLatest, provisioningState: v.provisioningState, replicationState };
    return { ...candidate, targetRegions: v.targetRegions, regionStatus: v.replication?.regions };
  }

  get latestRole(): LatestRole {
    return latestRole(this.v.name, this.v.excludeFromLatest, this.resolution);
  }

  setLatest(resolution: LatestResolution): boolean {
    const before = this.latestRole;
    this.resolution = resolution;
    return before !== this.latestRole;
  }

  get regionRows(): RegionRow[] {
    return versionRegionRows(this.v);
  }

  get needsReplicationWatch(): boolean {
    return needsReplicationWatch(this.v);
  }

  get endOfLifePassed(): boolean {
    return this.v.endOfLifeDate !== undefined && this.v.endOfLifeDate.getTime() < this.now().getTime();
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.v;
    const item = new vscode.TreeItem(v.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const status = versionStatus(v);
    const role = this.latestRole;
    const look = versionRowLook(v, status, role, this.endOfLifePassed);
    item.description = look.description;
    item.iconPath = look.iconPath;
    item.contextValue = `acg.applicationVersion${status.state === 'progress' ? '.busy' : ''}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(v.name)}** — VM application version${status.text ? ` · ${escape(status.text)}` : ''}\n\n`);
    md.appendMarkdown(`Location: ${v.location}  \nProvisioning state: ${v.provisioningState ?? 'unknown'}  \n`);
    for (const line of applicationVersionLines(v)) md.appendMarkdown(`${escape(line)}  \n`);
    appendRegionStatus(md, v);
    appendDates(md, v, this.endOfLifePassed);
    md.appendMarkdown(escape(latestSentence(role, this.resolution, this.regionalCandidate.replicationState === 'Replicating')));
    item.tooltip = md;
    return item;
  }

  invalidate(): void {
    this.stale = true;
  }

  /** The target regions, from the status the replication watcher fetches. */
  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.v.replication || this.stale) {
      this.stale = false;
      const { error } = await this.ctx.pollVersion(this);
      if (error !== undefined) return [errorNode(this, 'replication status', error)];
      setImmediate(() => this.ctx.refresh(this));
    }
    const rows = this.regionRows;
    if (rows.length === 0) return [new MessageNode(this, 'No target regions reported', { id: `${this.id}/regions/none` })];
    return this.regionNodes.sync(
      rows,
      (r) => r.region,
      (r) => new RegionNode(this, r, true),
      (node, r) => node.update(r),
    );
  }

  /** One poll of Azure for the replication status (the watcher calls it); true while in progress. */
  async poll(signal?: AbortSignal): Promise<boolean> {
    const asked = Date.now();
    const fresh = await this.ctx.azure().getApplicationVersion(this.target, this.v.id, true, { abortSignal: signal });
    this.update(fresh, asked);
    this.ctx.refresh(this);
    return this.needsReplicationWatch;
  }
}
