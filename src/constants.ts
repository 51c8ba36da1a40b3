/** Identifiers shared by package.json, the code and the tests: change them in all three together. */
export const EXTENSION_ID = 'azure-compute-gallery-vscode.azure-compute-gallery';
export const VIEW_CONTAINER_ID = 'azureComputeGallery';
export const EXPLORER_VIEW_ID = 'azureComputeGallery.explorer';
export const SETTINGS_SECTION = 'azureComputeGallery';
export const CONTEXT_SIGNED_IN = 'azureComputeGallery.signedIn';
/** globalState: the user signed out here (Sign Out); the tree shows the sign-in until Sign In or a new sign-in method. */
export const SIGNED_OUT_KEY = 'azureComputeGallery.signedOut';
