// Entry of dist/azure.js: the Azure layer and sign-in, required on first use, never at activation,
// so that activating the extension does not load the @azure/* SDKs.
import type * as vscode from 'vscode';
import type { CloudEndpoints } from './azure/types';
import type * as CredentialSessionModule from './auth/credentialSession';
import type { AuthenticationMode, AuthSession } from './auth/session';
import type * as VsCodeAccountSessionModule from './auth/vscodeAccountSession';

export { clearClients } from './azure/clientFactory';
export { AzureError, toAzureError } from './azure/errors';
export { getGallery, listGalleries } from './azure/galleries';
export { listGalleriesInSubscriptions } from './azure/resourceGraph';
export { findGalleryResources } from './azure/findResources';
export { listCommunityGalleries } from './azure/communityListing';
export { listVmSizes } from './azure/vmSizes';
export { inventoryResources } from './azure/inventory';
export { findImageUsers, imageUsersQuery, type UsageScope } from './azure/imageUsers';
export { listImageDefinitions } from './azure/images';
export { getExternalResourceJson, getResourceJson } from './azure/resourceJson';
export * from './azure/sharedGalleries';
export { listLocations, listSubscriptions, listTenants } from './azure/subscriptions';
export { listEdgeZones } from './azure/edgeZones';
export { getImageVersion, getImageVersionAndJson, listImageVersionsPage } from './azure/versions';
export { createImageDefinition, createGallery } from './azure/createGallery';
export { listImageVersionNames, startImageVersion } from './azure/createImageVersion';
export { createResourceGroup, listResourceGroups } from './azure/resourceGroups';
export { getTags, setTags, taggedKindOf, type TaggedKind } from './azure/tags';
export { listVersionSources } from './azure/sources';
export { listDataDiskCandidates, listDiskEncryptionSets, listStorageAccounts } from './azure/versionInputs';
export { updateSharing, type SharingGroupChange, type SharingOperation } from './azure/sharing';
export { createRoleAssignment, deleteRoleAssignment, getRoleDefinitions, listRoleAssignments, listRoleDefinitions, type RoleAssignmentInfo, type RoleDefinitionInfo } from './azure/rbac';
export { findPrincipals, getPrincipalsByIds, inviteGuest, type DirectoryObject, type GuestInvitation } from './azure/graph';
export { deleteGalleryResource, listAllImageVersions, listNestedResources, type NestedContents } from './azure/deletes';
export {
  getImageDefinitionExtras,
  startImageVersionUpdate,
  updateGallery,
  updateImageDefinition,
  updateImageVersion,
  type GalleryChanges,
  type ImageDefinitionChanges,
  type ImageVersionChanges,
} from './azure/updates';
export {
  createApplication,
  getApplication,
  getApplicationVersion,
  listApplications,
  listApplicationVersions,
  startApplicationVersion,
  startApplicationVersionUpdate,
  updateApplication,
  type ApplicationChanges,
  type ApplicationVersionChanges,
  type NewApplication,
  type NewApplicationVersion,
} from './azure/applications';
export { startRegionReAdd, startRegionRemoval, type RegionRemoval } from './azure/retryRegion';
export { listSoftDeletedVersions, restoreImageVersion, SOFT_DELETE_RETENTION_DAYS, type SoftDeletedVersion } from './azure/softDelete';
export { deployTemplate, exportRequestsOf, previewRequest, type DeploymentOutcome } from './azure/asCode';

/**
 * Each sign-in method's library is initialised only when that method is chosen: MSAL and
 * @azure/identity for a service principal or the Azure CLI, the Azure Resources account provider
 * for the VS Code account. esbuild keeps a bundled module's initialisation lazy until its first
 * require(), which is tens of milliseconds off the first view (npm run bench, figure 2).
 */
export function createSession(mode: AuthenticationMode, cloud: CloudEndpoints, userAgent: string, logger?: vscode.LogOutputChannel): AuthSession {
  if (mode === 'vscode') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { VsCodeAccountSession } = require('./auth/vscodeAccountSession') as typeof VsCodeAccountSessionModule;
    return new VsCodeAccountSession(cloud, userAgent, logger);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CredentialSession } = require('./auth/credentialSession') as typeof CredentialSessionModule;
  return new CredentialSession(mode, cloud, userAgent);
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
export { checkVhdFile, listBlobAccounts, listBlobs, listContainers, uploadFile, type BlobAccount, type BlobInfo, type UploadOptions, type UploadProgress, type UploadResult } from './azure/storage';
export { blobReadLink, type BlobReadLink } from './azure/blobReadLink';
