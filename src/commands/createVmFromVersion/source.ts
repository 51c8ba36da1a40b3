// What "Create VM from This Version…" starts from, whatever kind of version row it ran on: an own
// version (its definition node knows the security type, generation, architecture and OS), or a
// version shared with the user or public (its image node holds the shared definition's facts).
import type { AzureTarget } from '../../azure/types';
import type { GalleryImageReference } from '../../model/armId';
import { parseArchitecture, parseHyperVGeneration, parseOsState, parseOsType, parseSecurityType, securityTypeFromFeatures } from '../../model/imageRules';
import type { ImageFacts } from '../../model/vmFromVersion';
import type { Explorer } from '../../tree/explorer';
import { isNodeOf } from '../../tree/capabilities';
import type { ImageVersionNode } from '../../tree/nodes/imageVersionNode';
import type { ExternalVersionNode } from '../../tree/nodes/sharedNodes';

export interface VersionSource {
  /** The subscription the VM goes to (the version's own, or the one the shared version was listed through). */
  target: AzureTarget;
  image: GalleryImageReference;
  label: string;
  facts: ImageFacts;
  /** Regions the version can be used in (lower case, no spaces): the VM must be in one of them. */
  regions: string[];
  /** A name to suggest: the definition's, shortened. */
  definitionName: string;
  versionName: string;
}

export type VersionNode = ImageVersionNode | ExternalVersionNode;

export function isVersionNode(node: unknown): node is VersionNode {
  return isNodeOf(node, 'imageVersion', 'sharedImageVersion', 'communityImageVersion');
}

const region = (name: string) => name.replace(/\s+/g, '').toLowerCase();

function facts(def: { osType?: string; osState?: string; hyperVGeneration?: string; architecture?: string }, security: ImageFacts['securityType']): ImageFacts {
  return {
    osType: parseOsType(def.osType) ?? 'Linux',
    osState: parseOsState(def.osState) ?? 'Generalized',
    hyperVGeneration: parseHyperVGeneration(def.hyperVGeneration) ?? 'V1',
    architecture: parseArchitecture(def.architecture) ?? 'x64',
    securityType: security,
  };
}

export function versionSource(node: VersionNode): VersionSource {
  const image = node.imageReference();
  if (!image) throw new Error('This version has no image reference a VM can boot from.');
  if (isNodeOf(node, 'imageVersion')) {
    const def = node.parent.image;
    const v = node.version;
    const security = parseSecurityType(def.securityType) ?? securityTypeFromFeatures(def.features);
    return {
      target: node.target,
      image,
      label: `image version ${v.galleryName}/${v.imageName}/${v.name}`,
      facts: facts(def, security),
      regions: [...new Set(v.targetRegions.map((r) => region(r.name)))],
      definitionName: def.name,
      versionName: v.name,
    };
  }
  const def = node.parent.image;
  const gallery = node.parent.parent;
  return {
    target: node.target,
    image,
    label: `${gallery.source} image version ${gallery.gallery.name}/${def.name}/${node.version.name}`,
    facts: facts(def, securityTypeFromFeatures(def.features)),
    regions: [region(gallery.gallery.location)],
    definitionName: def.name,
    versionName: node.version.name,
  };
}

/** The node of a version id (ARM id, /SharedGalleries/… or /CommunityGalleries/… unique id). */
export async function findVersionNode(explorer: Explorer, id: string): Promise<VersionNode> {
  const node = await explorer.findNode(id);
  if (!isVersionNode(node)) throw new Error(`Create VM from This Version: ${id} is not an image version in the tree. Use the id Copy Resource ID gives, and add a community gallery to the tree first.`);
  return node;
}

/** A VM name from the definition's: letters, digits and hyphens, short enough for Windows. */
export function suggestVmName(definitionName: string, osType: ImageFacts['osType']): string {
  const base = `vm-${definitionName}`.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-');
  return base.slice(0, osType === 'Windows' ? 15 : 40).replace(/-+$/, '');
}
