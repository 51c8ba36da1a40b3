import * as vscode from 'vscode';
import { hasImageReference, hasPortalLink, hasResourceId, isExternalItem, isOwnResource } from '../tree/capabilities';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { log } from '../ui/log';
import { waitCancellably } from './createCommon';
import { createVmFromVersion } from './createVmFromVersion';
import { pickNode } from '../ui/pickNode';
import type { PropertiesDocuments } from '../ui/propertiesDocuments';

// Each command takes any node with the capability it needs (src/tree/capabilities.ts).

async function resolve(explorer: Explorer, node: unknown, title: string, accept: (n: ExplorerNode) => boolean): Promise<ExplorerNode | undefined> {
  if (node && accept(node as ExplorerNode)) return node as ExplorerNode;
  return pickNode(explorer, { title, accept });
}

/** View Properties reads Azure's JSON of these (a subscription's is not a gallery resource): own, shared with the user, or public. */
const OWN_WITH_PROPERTIES = ['gallery', 'imageDefinition', 'imageVersion', 'galleryApplication', 'applicationVersion'] as const;
const withProperties = (n: unknown) => isOwnResource(n, OWN_WITH_PROPERTIES) || isExternalItem(n);

export function resourceCommands(explorer: Explorer, documents: PropertiesDocuments) {
  return {
    'azureComputeGallery.createVmFromVersion': (...args: unknown[]) => createVmFromVersion(explorer, ...args),

    'azureComputeGallery.copyResourceId': async (node?: unknown) => {
      const picked = await resolve(explorer, node, 'Copy Resource ID', hasResourceId);
      if (!picked || !hasResourceId(picked)) return;
      const id = picked.resourceId;
      await vscode.env.clipboard.writeText(id);
      void vscode.window.setStatusBarMessage(`Copied ${id}`, 4000);
      return id;
    },

    'azureComputeGallery.copyImageReference': async (node?: unknown) => {
      const picked = await resolve(explorer, node, 'Copy Image Reference', hasImageReference);
      if (!picked || !hasImageReference(picked)) return;
      const reference = picked.imageReference();
      if (!reference) throw new Error('This item has no image reference.');
      const text = 'id' in reference ? reference.id : 'sharedGalleryImageId' in reference ? reference.sharedGalleryImageId : reference.communityGalleryImageId;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage(`Copied image reference ${text}`, 4000);
      return text;
    },

    'azureComputeGallery.openInPortal': async (node?: unknown) => {
      const picked = await resolve(explorer, node, 'Open in Portal', hasPortalLink);
      if (!picked || !hasPortalLink(picked)) return;
      const url = picked.portalLink();
      if (!url) {
        throw new Error('This cloud has no portal URL. Set portalUrl in azureComputeGallery.customEnvironment to open resources in its portal.');
      }
      // Not awaited: the web workbench asks the user before opening, and the command need not wait.
      void vscode.env.openExternal(vscode.Uri.parse(url, true));
      return url;
    },

    /** `abortSignal` (as the progress notification's Cancel): stop the read; nothing opens. */
    'azureComputeGallery.viewProperties': async (node?: unknown, options?: { abortSignal?: AbortSignal }) => {
      const picked = await resolve(explorer, node, 'View Properties', withProperties);
      if (!picked || !hasResourceId(picked)) return;
      const read = await waitCancellably(`Loading ${picked.resourceId.split('/').pop() ?? ''}`, options?.abortSignal, (abortSignal) =>
        isExternalItem(picked)
          ? explorer.azure().getExternalResourceJson(picked.target, picked.externalResource(), { abortSignal })
          : isOwnResource(picked, OWN_WITH_PROPERTIES)
            ? explorer.azure().getResourceJson(picked.target, picked.resourceId, { abortSignal })
            : Promise.reject(new Error('View Properties shows galleries, image definitions, image versions and VM applications.')),
      );
      if (!read) return undefined;
      log().info(`View Properties: ${picked.resourceId}`);
      return documents.show(picked.resourceId, read.value);
    },
  };
}
