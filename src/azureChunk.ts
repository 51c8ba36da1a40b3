// Entry of dist/azure.js: the Azure layer and sign-in, loaded on first use, never at activation.
export const AZURE_CHUNK_VERSION = 1;
