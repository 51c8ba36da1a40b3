// What an image version's row and a VM application version's row say alike: the status from the
// provisioning state and the region rows (model/regionReplication), "latest", the end of life, the
// icon, whether the replication watcher should keep polling it, and the hover's replication and
// date lines. Azure reports both kinds' replication with the same ReplicationStatus
// (GalleryRP.json 2025-12-03), so one set of words serves both.
import * as vscode from 'vscode';
import type { RegionReplication, TargetRegionSetting } from '../../azure/types';
import { latestLabel, type LatestRole } from '../../model/latest';
import { regionRows, versionRegionsText, type RegionRow } from '../../model/regionReplication';
import { summariseReplication } from '../../model/replication';
import { escape } from './subscriptionNode';

const IN_PROGRESS = new Set(['creating', 'updating', 'migrating']);

/** The fields of a version the row reads (both kinds have them). */
export interface ReplicatedVersion {
  name: string;
  provisioningState?: string;
  targetRegions: TargetRegionSetting[];
  storageAccountType?: string;
  replication?: { aggregatedState: string; regions: RegionReplication[] };
  endOfLifeDate?: Date;
  publishedDate?: Date;
}

export interface VersionStatus {
  text: string;
  state: 'ok' | 'progress' | 'failed';
}

/** Each target region's row, from the status last fetched (none before the first fetch). */
export function versionRegionRows(v: ReplicatedVersion): RegionRow[] {
  return v.replication ? regionRows(v.targetRegions, v.replication.regions, v.storageAccountType) : [];
}

/**
 * Still creating or replicating — including a region still copying after the version's operation
 * Succeeded: the tree keeps polling it (backing off) until it is done.
 */
export function needsReplicationWatch(v: ReplicatedVersion): boolean {
  const state = v.provisioningState?.toLowerCase() ?? '';
  if (IN_PROGRESS.has(state)) return true;
  if (!v.replication) return false;
  if (v.replication.regions.length > 0) return versionRegionRows(v).some((r) => r.state === 'Queued' || r.state === 'Replicating');
  const summary = summariseReplication({ aggregatedState: v.replication.aggregatedState, summary: v.replication.regions });
  return summary.state === 'Replicating' || summary.state === 'Unknown';
}

/** The row's status words: from the same rows as the region nodes (usable in a region only when Completed). */
export function versionStatus(v: ReplicatedVersion): VersionStatus {
  const state = v.provisioningState?.toLowerCase() ?? '';
  if (v.replication && v.replication.regions.length > 0) {
    const regions = versionRegionsText(versionRegionRows(v));
    if (regions.state !== 'ok') return regions;
  }
  if (state === 'failed') return { text: 'Failed', state: 'failed' };
  if (state === 'deleting') return { text: 'Deleting…', state: 'progress' };
  if (IN_PROGRESS.has(state)) return { text: `${v.provisioningState}…`, state: 'progress' };
  return { text: '', state: 'ok' };
}

/** The row's description and icon: status, "latest", end of life. */
export function versionRowLook(v: ReplicatedVersion, status: VersionStatus, role: LatestRole, endOfLifePassed: boolean): { description: string; iconPath: vscode.ThemeIcon } {
  const parts = [status.text, latestLabel(role)];
  if (v.endOfLifeDate) parts.push(endOfLifePassed ? 'end of life passed' : `EOL ${v.endOfLifeDate.toISOString().slice(0, 10)}`);
  const iconPath =
    status.state === 'failed'
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : status.state === 'progress'
        ? new vscode.ThemeIcon('sync~spin')
        : endOfLifePassed
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon(role === 'latest' ? 'star-full' : 'tag');
  return { description: parts.filter(Boolean).join(' · '), iconPath };
}

/** The hover's line per region Azure reports. */
export function appendRegionStatus(md: vscode.MarkdownString, v: ReplicatedVersion): void {
  for (const r of v.replication?.regions ?? []) {
    md.appendMarkdown(`· ${r.region}: ${r.state}${r.state === 'Replicating' ? ` ${r.progress}%` : ''}${r.details ? ` — ${escape(r.details)}` : ''}  \n`);
  }
}

/** The hover's published and end-of-life lines. */
export function appendDates(md: vscode.MarkdownString, v: ReplicatedVersion, endOfLifePassed: boolean): void {
  if (v.publishedDate) md.appendMarkdown(`Published: ${v.publishedDate.toISOString().replace('T', ' ').slice(0, 16)} UTC  \n`);
  if (v.endOfLifeDate) md.appendMarkdown(`End of life: ${v.endOfLifeDate.toISOString().slice(0, 10)}${endOfLifePassed ? ' (passed)' : ''}  \n`);
}
