// "Recently Deleted" under a gallery with soft delete: the image versions deleted in the last 7 days,
// which Azure can still restore (listed per definition: Azure's list is per image).
import * as vscode from 'vscode';
import type { AzureTarget } from '../../azure/types';
import type { SoftDeletedVersion } from '../../azureChunk';
import { compareVersions } from '../../model/versions';
import type { ExplorerNode } from '../explorerProvider';
import type { TreeContext } from '../treeContext';
import { mapBounded } from '../concurrency';
import { Cached } from './cachedChildren';
import type { GalleryNode } from './galleryNode';
import { errorNode, MessageNode } from './messageNode';

/** How many definitions are asked at once for their soft-deleted versions. */
const LIST_CONCURRENCY = 4;

const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : 'unknown');

export class RecentlyDeletedNode implements ExplorerNode {
  readonly deleted: Cached<SoftDeletedVersion[]>;

  constructor(
    ctx: TreeContext,
    readonly parent: GalleryNode,
  ) {
    this.deleted = new Cached(async () => {
      const g = parent.gallery;
      const images = await parent.images.get();
      const lists = await mapBounded(images, LIST_CONCURRENCY, (i) => ctx.azure().listSoftDeletedVersions(parent.target, g.resourceGroup, g.name, i.name));
      return lists.flat().sort((a, b) => a.imageName.localeCompare(b.imageName) || compareVersions(b.name, a.name));
    });
  }

  get id(): string {
    return `${this.parent.id}/recently-deleted`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Recently Deleted', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('trash');
    item.description = 'restorable for 7 days';
    item.tooltip = 'Image versions deleted from this gallery in the last 7 days. Soft delete keeps them: restore one, or Azure deletes it for good 7 days after its deletion.';
    item.contextValue = 'acg.recentlyDeleted';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const deleted = await this.deleted.get();
      if (deleted.length === 0) return [new MessageNode(this, 'No deleted image versions', { id: `${this.id}/empty`, description: 'deleted versions stay here for 7 days' })];
      return deleted.map((d) => new SoftDeletedVersionNode(this, d));
    } catch (error) {
      return [errorNode(this, 'recently deleted image versions', error)];
    }
  }

  invalidate(): void {
    this.deleted.invalidate();
  }
}

/** One soft-deleted version: when it was deleted, when Azure deletes it for good; Restore. */
export class SoftDeletedVersionNode implements ExplorerNode {
  constructor(
    readonly parent: RecentlyDeletedNode,
    readonly deleted: SoftDeletedVersion,
  ) {}

  get target(): AzureTarget {
    return this.parent.parent.target;
  }

  /** The gallery it is restored into. */
  get gallery(): GalleryNode {
    return this.parent.parent;
  }

  get id(): string {
    return `${this.parent.id}/${this.deleted.versionId.toLowerCase()}`;
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.deleted;
    const item = new vscode.TreeItem(`${d.name}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('history');
    item.description = `${d.imageName} · deleted ${day(d.deletedAt)}`;
    item.tooltip = new vscode.MarkdownString(
      `**${d.name}** of ${d.imageName} — deleted image version  \nDeleted: ${day(d.deletedAt)} UTC  \nDeleted for good after: ${day(d.purgedAfter)} UTC  \nRegion: ${d.location}\n\nRestore brings it back as it was.`,
    );
    item.accessibilityInformation = { label: `Deleted image version ${d.name} of ${d.imageName}, deleted ${day(d.deletedAt)}, restorable until ${day(d.purgedAfter)}` };
    item.contextValue = 'acg.softDeletedVersion';
    return item;
  }
}
