import type { AzureTarget, ImageVersion } from '../../azure/types';
import type { GalleryImageReference } from '../../model/armId';
import type { RegionRow } from '../../model/regionReplication';
import type { TreeContext } from '../treeContext';
import { imageReferenceOf, type HasImageReference, type Tagged } from '../capabilities';
import type { ImageDefinitionNode } from './imageDefinitionNode';
import { versionDetailLines } from './versionDetails';
import { PublishedVersionNode } from './publishedVersionNode';
import { RegionNode } from './regionNode';

export class ImageVersionNode extends PublishedVersionNode<ImageVersion> implements HasImageReference, Tagged {
  constructor(
    ctx: TreeContext,
    readonly parent: ImageDefinitionNode,
    v: ImageVersion,
    now: () => Date = () => new Date(),
  ) {
    super(ctx, v, now);
  }

  get version(): ImageVersion {
    return this.v;
  }

  get target(): AzureTarget {
    return this.parent.parent.parent.subscription.target;
  }

  imageReference(): GalleryImageReference | undefined {
    return imageReferenceOf(this);
  }

  protected changed(): void {
    this.parent.versionChanged(this);
  }

  protected fetch(signal?: AbortSignal): Promise<ImageVersion> {
    return this.ctx.azure().getImageVersion(this.target, this.v.id, true, { abortSignal: signal });
  }

  protected regionNode(row: RegionRow): RegionNode<this> {
    return new RegionNode(this, row);
  }

  /** Its definition relists: the list's copy was read before the change. */
  showTags(tags: Record<string, string>): void {
    this.update({ ...this.v, tags });
    this.parent.invalidate();
    this.ctx.refresh(this.parent);
  }

  protected readonly contextKind = 'acg.version';
  protected readonly noun = 'image version';

  protected detailLines(): string[] {
    return versionDetailLines(this.v);
  }

  protected afterRegionsMarkdown(): string {
    const v = this.v;
    return v.sourceId && v.sourceId !== v.osDiskImage?.source ? `Source: \`${v.sourceId}\`  \n` : '';
  }
}
