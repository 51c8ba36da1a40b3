import * as vscode from 'vscode';
import { imageReferenceFor, parseArmId, type ArmResource } from '../model/armId';
import { portalResourceUrl } from '../model/portal';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { GalleryNode } from '../tree/nodes/galleryNode';
import { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import { ImageVersionNode } from '../tree/nodes/imageVersionNode';
import { ExternalGalleryNode, ExternalImageNode, ExternalVersionNode } from '../tree/nodes/sharedNodes';
import { SubscriptionNode } from '../tree/nodes/subscriptionNode';
import { log } from '../ui/log';
import { waitCancellably } from './createCommon';
import { pickNode } from '../ui/pickNode';
import type { PropertiesDocuments } from '../ui/propertiesDocuments';

type OwnResourceNode = SubscriptionNode | GalleryNode | ImageDefinitionNode | ImageVersionNode;
type ExternalNode = ExternalGalleryNode | ExternalImageNode | ExternalVersionNode;

function isOwn(node: unknown): node is OwnResourceNode {
  return node instanceof SubscriptionNode || node instanceof GalleryNode || node instanceof ImageDefinitionNode || node instanceof ImageVersionNode;
}

function isExternal(node: unknown): node is ExternalNode {
  return node instanceof ExternalGalleryNode || node instanceof ExternalImageNode || node instanceof ExternalVersionNode;
}

function subscriptionOf(node: OwnResourceNode): SubscriptionNode {
  let n: ExplorerNode | undefined = node;
  while (n && !(n instanceof SubscriptionNode)) n = n.parent;
  return n as SubscriptionNode;
}

/** The shared/community reference of an external node, in Azure's `/SharedGalleries/...` form. */
function externalRef(node: ExternalNode): ArmResource {
  const gallery = node instanceof ExternalGalleryNode ? node : node instanceof ExternalImageNode ? node.parent : node.parent.parent;
  const image = node instanceof ExternalImageNode ? node.image.name : node instanceof ExternalVersionNode ? node.parent.image.name : undefined;
  const version = node instanceof ExternalVersionNode ? node.version.name : undefined;
  const name = gallery.gallery.name;
  if (gallery.source === 'shared') {
    if (version && image) return { kind: 'sharedImageVersion', uniqueName: name, imageName: image, versionName: version };
    if (image) return { kind: 'sharedImage', uniqueName: name, imageName: image };
    return { kind: 'sharedGallery', uniqueName: name };
  }
  if (version && image) return { kind: 'communityImageVersion', publicName: name, imageName: image, versionName: version };
  if (image) return { kind: 'communityImage', publicName: name, imageName: image };
  return { kind: 'communityGallery', publicName: name };
}

async function resolve(explorer: Explorer, node: unknown, title: string, accept: (n: ExplorerNode) => boolean): Promise<ExplorerNode | undefined> {
  if (node && accept(node as ExplorerNode)) return node as ExplorerNode;
  return pickNode(explorer, { title, accept });
}

export function resourceCommands(explorer: Explorer, documents: PropertiesDocuments) {
  return {
    'azureComputeGallery.copyResourceId': async (node?: unknown) => {
      const picked = await resolve(explorer, node, 'Copy Resource ID', (n) => isOwn(n) || isExternal(n));
      if (!picked) return;
      const id = isOwn(picked) ? picked.resourceId : (picked as ExternalNode).resourceId;
      await vscode.env.clipboard.writeText(id);
      void vscode.window.setStatusBarMessage(`Copied ${id}`, 4000);
      return id;
    },

    'azureComputeGallery.copyImageReference': async (node?: unknown) => {
      const accept = (n: ExplorerNode) =>
        n instanceof ImageDefinitionNode || n instanceof ImageVersionNode || n instanceof ExternalImageNode || n instanceof ExternalVersionNode;
      const picked = await resolve(explorer, node, 'Copy Image Reference', accept);
      if (!picked) return;
      const ref = isExternal(picked) ? externalRef(picked) : parseArmId((picked as OwnResourceNode).resourceId);
      const reference = ref ? imageReferenceFor(ref) : undefined;
      if (!reference) throw new Error('This item has no image reference.');
      const text = 'id' in reference ? reference.id : 'sharedGalleryImageId' in reference ? reference.sharedGalleryImageId : reference.communityGalleryImageId;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage(`Copied image reference ${text}`, 4000);
      return text;
    },

    'azureComputeGallery.openInPortal': async (node?: unknown) => {
      const picked = await resolve(explorer, node, 'Open in Portal', isOwn);
      if (!picked || !isOwn(picked)) return;
      const target = subscriptionOf(picked).subscription.target;
      if (!target.cloud.portalUrl) {
        throw new Error('This cloud has no portal URL. Set portalUrl in azureComputeGallery.customEnvironment to open resources in its portal.');
      }
      const url = portalResourceUrl(picked.resourceId, target.tenantId, target.cloud.portalUrl);
      // Not awaited: the web workbench asks the user before opening, and the command need not wait.
      void vscode.env.openExternal(vscode.Uri.parse(url, true));
      return url;
    },

    /** `abortSignal` (as the progress notification's Cancel): stop the read; nothing opens. */
    'azureComputeGallery.viewProperties': async (node?: unknown, options?: { abortSignal?: AbortSignal }) => {
      const picked = await resolve(explorer, node, 'View Properties', (n) => n instanceof GalleryNode || n instanceof ImageDefinitionNode || n instanceof ImageVersionNode);
      if (!picked || !isOwn(picked) || picked instanceof SubscriptionNode) return;
      const target = subscriptionOf(picked).subscription.target;
      const read = await waitCancellably(`Loading ${picked.resourceId.split('/').pop() ?? ''}`, options?.abortSignal, (abortSignal) =>
        explorer.azure().getResourceJson(target, picked.resourceId, { abortSignal }),
      );
      if (!read) return undefined;
      log().info(`View Properties: ${picked.resourceId}`);
      return documents.show(picked.resourceId, read.value);
    },
  };
}
