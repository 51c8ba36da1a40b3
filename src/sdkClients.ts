// Entry of dist/sdk.js: the management SDK clients the first view does not need (compute,
// authorization, resource groups, Resource Graph) — about half of the Azure code. dist/azure.js
// (sign-in and the subscription list) loads first; this loads when the first of these is used.
// The core libraries they share with dist/azure.js come from it (see esbuild.mjs), so there is one
// copy of each, one pipeline implementation and one RestError.
export { ComputeManagementClient } from '@azure/arm-compute';
export { AuthorizationManagementClient } from '@azure/arm-authorization';
export { ResourceManagementClient } from '@azure/arm-resources';
export { ResourceGraphClient } from '@azure/arm-resourcegraph';
