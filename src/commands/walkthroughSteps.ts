// Which command completes which step of the Get Started walkthrough (package.json
// contributes.walkthroughs, id getStarted). No vscode here: the unit tests check it against the manifest.

export const WALKTHROUGH_ID = 'getStarted';

const KEY = 'azureComputeGallery.walkthrough';

/** Command id → the context key its walkthrough step completes on (signing in uses the signed-in key). */
export const STEP_DONE_WHEN: Readonly<Record<string, string>> = {
  'azureComputeGallery.selectSubscriptions': `${KEY}.subscriptionsChosen`,
  'azureComputeGallery.createGallery': `${KEY}.galleryCreated`,
  'azureComputeGallery.createImageDefinition': `${KEY}.definitionCreated`,
  'azureComputeGallery.createImageVersion': `${KEY}.versionCreated`,
  'azureComputeGallery.grantAccess': `${KEY}.shared`,
  'azureComputeGallery.addSharingGroups': `${KEY}.shared`,
  'azureComputeGallery.sharePublicly': `${KEY}.shared`,
};
