import assert from 'node:assert/strict';
import * as model from '../../../src/model';

describe('model/index', () => {
  it('re-exports the public API of every module', () => {
    const expected = [
      'validateGalleryName', 'validateImageDefinitionName', 'validateResourceGroupName',
      'validatePublisher', 'validateOffer', 'validateSku', 'parseVersion', 'compareVersions', 'nextPatchVersion',
      'validateImageVersionName', 'parseGuidList', 'validatePublicNamePrefix', 'validatePublisherUri',
      'validateLegalAgreementUri', 'validatePublisherEmail', 'validateEndOfLifeDate', 'validateResourceRange',
      'checkHttpsUrl', 'parseArmId', 'buildArmId', 'imageReferenceFor', 'sharingKindOf', 'whoLosesAccessOnReset',
      'whatMustChangeBeforeAdd', 'summariseReplication', 'validateTargetRegions',
      'sourceFitsDefinition', 'validateDefinitionShape', 'portalResourceUrl', 'checkCustomCloud', 'findPublicCloud',
    ];
    const exported = model as unknown as Record<string, unknown>;
    for (const name of expected) assert.equal(typeof exported[name], 'function', name);
  });
});
