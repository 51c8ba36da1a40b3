// Entry of dist/storage.js: blob storage's clients (issue 15: accounts, containers, blobs, uploads),
// about 1.5 MB, loaded only when a flow first touches storage, so browsing and the other management
// calls never pay for it. Core libraries come from dist/azure.js as for dist/sdk.js (esbuild.mjs).
export { StorageManagementClient } from '@azure/arm-storage';
export { BlobSASPermissions, BlobServiceClient, SASProtocol, StorageSharedKeyCredential } from '@azure/storage-blob';
