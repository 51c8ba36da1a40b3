import assert from 'node:assert/strict';
import {
  definitionDetail,
  definitionSummary,
  gallerySharingWords,
  generationWord,
  namedId,
  parseSharedGalleryName,
  regionsText,
  securityWord,
  sharedGalleryDescription,
  sharedGalleryOwner,
  sharedWithLines,
  shortId,
} from '../../../src/model/rowWords';
import { resolveLatest } from '../../../src/model/latest';

import * as model from '../../../src/model';

const latestSharedVersionName = (versions: { name: string; excludeFromLatest?: boolean }[]) => resolveLatest(versions).latest;

const OWNER = '0a2c89a7-a44e-4cd0-b6ec-868432ad1d13';
const DEV = '00000000-0000-4000-8000-00000000a002';
const TENANT = 'a1b2c3d4-0000-4000-a000-000000000001';
const SUBS = [{ id: DEV, name: 'Contoso Development' }];

describe('model/rowWords: Azure words in plain English', () => {
  it('says the generation as Gen1 / Gen2, whatever the case, and nothing when Azure says nothing', () => {
    assert.equal(generationWord('V1'), 'Gen1');
    assert.equal(generationWord('v2'), 'Gen2');
    assert.equal(generationWord(undefined), undefined);
    assert.equal(generationWord('V3'), 'V3', 'an unknown value is shown as Azure said it');
  });

  it('says every security type in words, Standard for none or PowerShell’s None', () => {
    assert.equal(securityWord('TrustedLaunchSupported'), 'Trusted launch supported');
    assert.equal(securityWord('trustedlaunch'), 'Trusted launch');
    assert.equal(securityWord('ConfidentialVM'), 'Confidential VM');
    assert.equal(securityWord('ConfidentialVmSupported'), 'Confidential VM supported');
    assert.equal(securityWord('TrustedLaunchAndConfidentialVmSupported'), 'Trusted launch and confidential VM supported');
    assert.equal(securityWord(undefined), 'Standard');
    assert.equal(securityWord('None'), 'Standard');
    assert.equal(securityWord('SomethingNew'), 'SomethingNew');
  });

  it('summarises a definition naming only what differs from the common case', () => {
    assert.equal(definitionSummary({ osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunchSupported' }), 'Linux · Gen2 · Trusted launch supported');
    assert.equal(definitionSummary({ osType: 'Windows', osState: 'Specialized', hyperVGeneration: 'V1', architecture: 'x64', securityType: 'Standard' }), 'Windows · Specialized · Gen1');
    assert.equal(definitionSummary({ osType: 'Linux', hyperVGeneration: 'V2', architecture: 'Arm64' }), 'Linux · Gen2 · Arm64');
    assert.equal(definitionDetail({ osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunch' }), 'Linux (Generalized) · Gen2 · x64 · Trusted launch');
    assert.equal(definitionDetail({ osType: 'Windows' }), 'Windows · Standard');
  });

  it('tells a published community gallery from one not published yet', () => {
    assert.deepEqual(gallerySharingWords('Community', false), { kind: 'Community, not published', published: false });
    assert.deepEqual(gallerySharingWords('Community', undefined), { kind: 'Community, not published', published: false });
    assert.deepEqual(gallerySharingWords('Community', true), { kind: 'Community', published: true });
    assert.deepEqual(gallerySharingWords('Groups', undefined), { kind: 'Direct share', published: true });
    assert.deepEqual(gallerySharingWords('Private', undefined), { kind: 'Private', published: true });
  });

  it('lists whom a direct share reaches, by name where the user can see it', () => {
    const tenants = [{ id: TENANT, name: 'your tenant' }];
    assert.deepEqual(
      sharedWithLines([{ type: 'Subscriptions', ids: [DEV, OWNER] }, { type: 'AADTenants', ids: [TENANT.toUpperCase()] }], SUBS, tenants),
      [`Shared with 2 subscriptions: Contoso Development (${DEV}), ${OWNER}`, `Shared with tenant: your tenant (${TENANT.toUpperCase()})`],
    );
    assert.deepEqual(sharedWithLines([{ type: 'Subscriptions', ids: [DEV] }], SUBS, []), [`Shared with subscription: Contoso Development (${DEV})`]);
    assert.deepEqual(sharedWithLines([], SUBS, []), ['Not shared with any subscription or tenant yet']);
    assert.equal(namedId(OWNER, SUBS), OWNER);
  });

  it('reads a shared gallery’s unique name as its owner’s subscription and its own name', () => {
    assert.deepEqual(parseSharedGalleryName(`${OWNER}-TESTGALLERYAGENT`), { subscriptionId: OWNER, galleryName: 'TESTGALLERYAGENT' });
    assert.deepEqual(parseSharedGalleryName(`${OWNER}-MY-GALLERY_2`), { subscriptionId: OWNER, galleryName: 'MY-GALLERY_2' });
    assert.deepEqual(parseSharedGalleryName('myGalleryUniqueName'), { galleryName: 'myGalleryUniqueName' });
    assert.equal(shortId(OWNER), '0a2c89a7…');
  });

  it('names the owner by subscription name when known, else by a short id; regions once each, sorted', () => {
    assert.equal(sharedGalleryOwner(`${DEV}-SHARED`, SUBS), 'Contoso Development');
    assert.equal(sharedGalleryOwner(`${OWNER}-SHARED`, SUBS), 'subscription 0a2c89a7…');
    assert.equal(sharedGalleryOwner('plainname', SUBS), undefined);
    assert.equal(regionsText(['westus2', 'EastUS', 'eastus']), 'eastus, westus2');
    assert.equal(sharedGalleryDescription(`${OWNER}-SHARED`, ['westus2', 'eastus'], SUBS), 'subscription 0a2c89a7… · eastus, westus2');
    assert.ok(sharedGalleryDescription(`${OWNER}-SHARED`, ['eastus'], SUBS).length < 36, 'shorter than the subscription id it used to start with');
  });
});

describe('model/latest for a shared or community definition (published versions, no provisioning state)', () => {
  it('is the highest version number not excluded from latest', () => {
    assert.equal(latestSharedVersionName([{ name: '1.0.0' }, { name: '1.10.0' }, { name: '1.9.0' }]), '1.10.0');
    assert.equal(latestSharedVersionName([{ name: '2.0.0', excludeFromLatest: true }, { name: '1.0.0', excludeFromLatest: false }]), '1.0.0');
    assert.equal(latestSharedVersionName([{ name: '2.0.0', excludeFromLatest: true }]), undefined);
    assert.equal(latestSharedVersionName([]), undefined);
  });

  it('is exported from the model with the row words', () => {
    const exported = model as unknown as Record<string, unknown>;
    for (const name of ['resolveLatest', 'securityWord', 'generationWord', 'definitionSummary', 'gallerySharingWords', 'sharedWithLines', 'sharedWith', 'parseSharedGalleryName']) {
      assert.equal(typeof exported[name], 'function', name);
    }
  });
});
