// A VM application version: its package and commands on hover, and its replication live like an
// image version's — the same region rows (RegionNode), the same words (model/regionReplication,
// model/latest) and the one replication watcher of the tree, which polls it through `poll`.
import type { ApplicationVersion, AzureTarget } from '../../azure/types';
import type { RegionRow } from '../../model/regionReplication';
import { maskSas } from '../../model/sasLink';
import { tagsToText } from '../../model/tags';
import type { TreeContext } from '../treeContext';
import type { Tagged } from '../capabilities';
import type { ApplicationNode } from './applicationNode';
import { PublishedVersionNode } from './publishedVersionNode';
import { RegionNode } from './regionNode';
import { regionLine } from './versionDetails';

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

export class ApplicationVersionNode extends PublishedVersionNode<ApplicationVersion> implements Tagged {
  constructor(
    ctx: TreeContext,
    readonly parent: ApplicationNode,
    v: ApplicationVersion,
    now: () => Date = () => new Date(),
  ) {
    super(ctx, v, now);
  }

  get applicationVersion(): ApplicationVersion {
    return this.v;
  }

  get target(): AzureTarget {
    return this.parent.target;
  }

  protected changed(): void {
    this.parent.versionChanged(this);
  }

  protected fetch(signal?: AbortSignal): Promise<ApplicationVersion> {
    return this.ctx.azure().getApplicationVersion(this.target, this.v.id, true, { abortSignal: signal });
  }

  protected regionNode(row: RegionRow): RegionNode<this> {
    return new RegionNode(this, row, true);
  }

  /** Edit Tags' answer: shown now; its application lists its versions again next time. */
  showTags(tags: Record<string, string>): void {
    this.update({ ...this.v, tags });
    this.parent.invalidate();
    this.ctx.refresh(this);
  }

  protected readonly contextKind = 'acg.applicationVersion';
  protected readonly noun = 'VM application version';

  protected detailLines(): string[] {
    return applicationVersionLines(this.v);
  }
}
