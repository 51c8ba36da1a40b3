// Entry of dist/azure.js: the Azure layer and sign-in, required on first use, never at activation,
// so that activating the extension does not load the @azure/* SDKs.
import type * as vscode from 'vscode';
import type { CloudEndpoints } from './azure/types';
import { CredentialSession } from './auth/credentialSession';
import type { AuthenticationMode, AuthSession } from './auth/session';
import { VsCodeAccountSession } from './auth/vscodeAccountSession';

export { clearClients } from './azure/clientFactory';
export { AzureError, toAzureError } from './azure/errors';
export { getGallery, listGalleries } from './azure/galleries';
export { listGalleriesInSubscriptions } from './azure/resourceGraph';
export { listImageDefinitions } from './azure/images';
export { getResourceJson } from './azure/resourceJson';
export * from './azure/sharedGalleries';
export { listLocations, listSubscriptions } from './azure/subscriptions';
export { getImageVersion, listImageVersionsPage } from './azure/versions';
export { createImageDefinition, createGallery } from './azure/createGallery';
export { listImageVersionNames, startImageVersion } from './azure/createImageVersion';
export { createResourceGroup, listResourceGroups } from './azure/resourceGroups';
export { listVersionSources } from './azure/sources';
export { updateSharing, type SharingGroupChange, type SharingOperation } from './azure/sharing';
export { createRoleAssignment, deleteRoleAssignment, listRoleAssignments, listRoleDefinitions, type RoleAssignmentInfo, type RoleDefinitionInfo } from './azure/rbac';
export { findPrincipals, getPrincipalsByIds, type DirectoryObject } from './azure/graph';
export { deleteGalleryResource, listAllImageVersions, listNestedResources, type NestedContents } from './azure/deletes';
export {
  getImageDefinitionExtras,
  getImageVersionSafety,
  startImageVersionUpdate,
  updateGallery,
  updateImageDefinition,
  updateImageVersion,
  type GalleryChanges,
  type ImageDefinitionChanges,
  type ImageVersionChanges,
} from './azure/updates';

export function createSession(mode: AuthenticationMode, cloud: CloudEndpoints, userAgent: string, logger?: vscode.LogOutputChannel): AuthSession {
  return mode === 'vscode' ? new VsCodeAccountSession(cloud, userAgent, logger) : new CredentialSession(mode, cloud, userAgent);
}

/**
 * The core libraries dist/sdk.js shares with this bundle (esbuild.mjs resolves its imports of them
 * here): one copy each, so both bundles use the same pipeline, policies and error classes.
 */
export const sharedModules: Record<string, unknown> = {
  /* eslint-disable @typescript-eslint/no-require-imports */
  '@azure-rest/core-client': require('@azure-rest/core-client'),
  '@azure/core-client': require('@azure/core-client'),
  '@azure/core-lro': require('@azure/core-lro'),
  '@azure/core-rest-pipeline': require('@azure/core-rest-pipeline'),
  '@azure/logger': require('@azure/logger'),
  tslib: require('tslib'),
  /* eslint-enable @typescript-eslint/no-require-imports */
};
