// The pure rules of the extension: no `vscode`, no `@azure/*`, nothing outside this folder.
// Everything public is re-exported here; import from 'model' rather than from single files.
// (characters.ts holds message helpers used only inside this folder.)
export * from './names';
export * from './versions';
export * from './guids';
export * from './communityInfo';
export * from './endOfLife';
export * from './recommendedRanges';
export * from './urls';
export * from './armId';
export * from './sharing';
export * from './replication';
export * from './imageRules';
export * from './portal';
export * from './clouds';
export * from './principals';
export * from './deletion';
export * from './sharingChanges';
export * from './updateRules';
export * from './versionContent';
export * from './definitionFeatures';
export * from './tags';
export * from './edgeZones';
export * from './regionReplication';
export * from './rowWords';
export * from './latest';
export * from './usage';
export * from './latestByRegion';
export * from './nextVersion';
export * from './galleryAccess';
export * from './findRows';
export * from './retention';
export * from './inventory';
export * from './applications';
export * from './asCode';
