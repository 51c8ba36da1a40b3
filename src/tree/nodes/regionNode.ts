// A target region of an own image version: its replication state (Queued, Replicating n %,
// Completed, Failed with Azure's details), replica count and storage type. Its words come from
// src/model/regionReplication, from the status its version node holds (fetched by the replication
// watcher): the node itself asks Azure nothing.
import * as vscode from 'vscode';
import type { RegionRow } from '../../model/regionReplication';
import type { ExplorerNode } from '../explorerProvider';
import type { ImageVersionNode } from './imageVersionNode';
import { escape } from './subscriptionNode';

/** The context value of a failed region: the one Retry Region is offered on. */
export const FAILED_REGION_CONTEXT = 'acg.region.failed';

const ICONS: Record<RegionRow['state'], vscode.ThemeIcon> = {
  Queued: new vscode.ThemeIcon('clock'),
  Replicating: new vscode.ThemeIcon('sync~spin'),
  Completed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  Failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
};

/** What a region row needs of its version: an image version's node, or a VM application version's. */
type VersionRow = ExplorerNode & { readonly id: string };

export class RegionNode<P extends VersionRow = ImageVersionNode> implements ExplorerNode {
  constructor(
    readonly parent: P,
    private current: RegionRow,
    /** An application version's region: its hover speaks of installing. */
    private readonly application = false,
  ) {}

  get row(): RegionRow {
    return this.current;
  }

  /** Normalized region name ("westus2"). */
  get region(): string {
    return this.current.region;
  }

  get id(): string {
    return `${this.parent.id}/regions/${this.current.region}`;
  }

  update(row: RegionRow): void {
    this.current = row;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.current;
    const item = new vscode.TreeItem(r.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = r.description;
    item.iconPath = ICONS[r.state];
    item.contextValue = r.state === 'Failed' ? (this.application ? 'acg.appRegion.failed' : FAILED_REGION_CONTEXT) : `acg.region.${r.state.toLowerCase()}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(r.label)}** — ${escape(r.stateText)}  \n`);
    if (r.replicas !== undefined) md.appendMarkdown(`Replicas: ${r.replicas}  \n`);
    if (r.storage) md.appendMarkdown(`Storage: ${escape(r.storage)}  \n`);
    if (r.details) md.appendMarkdown(`Azure: ${escape(r.details)}  \n`);
    const [can, cannot] = this.application
      ? ['VMs here can install this application version', 'VMs here cannot install this application version']
      : ['VMs can be created from this version here', 'VMs cannot be created from this version here'];
    md.appendMarkdown(
      r.usable ? `${can}.` : r.state === 'Failed' ? `${cannot}. Retry Region removes the region and adds it back, as Azure advises.` : `${cannot} until replication is Completed.`,
    );
    item.tooltip = md;
    return item;
  }
}
