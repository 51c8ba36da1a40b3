import assert from 'node:assert/strict';
import {
  describeSharingKind,
  idsNotYetShared,
  sharedIds,
  sharingKindOf,
  whatMustChangeBeforeAdd,
  whoLosesAccessOnReset,
  type SharingProfileLike,
} from '../../../src/model/sharing';

const S1 = '11111111-1111-1111-1111-111111111111';
const S2 = '22222222-2222-2222-2222-222222222222';
const T1 = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';

const groups: SharingProfileLike = {
  permissions: 'Groups',
  groups: [
    { type: 'Subscriptions', ids: [S1, S2.toUpperCase()] },
    { type: 'AADTenants', ids: [T1] },
    { type: 'Subscriptions', ids: [S2] },
  ],
};
const community: SharingProfileLike = {
  permissions: 'Community',
  communityGalleryInfo: { publicNamePrefix: 'Contoso', publicNames: ['Contoso-0a1b'], communityGalleryEnabled: true },
};

describe('model/sharing', () => {
  describe('sharingKindOf', () => {
    it('reads the permission case-insensitively', () => {
      assert.equal(sharingKindOf({ permissions: 'Groups' }), 'Groups');
      assert.equal(sharingKindOf({ permissions: 'groups' }), 'Groups');
      assert.equal(sharingKindOf({ permissions: 'COMMUNITY' }), 'Community');
      assert.equal(sharingKindOf({ permissions: 'Private' }), 'Private');
    });

    it('treats a missing profile or permission as Private', () => {
      assert.equal(sharingKindOf(undefined), 'Private');
      assert.equal(sharingKindOf({}), 'Private');
      assert.equal(sharingKindOf({ permissions: 'Something' }), 'Private');
    });
  });

  it('describeSharingKind gives a distinct description for each kind', () => {
    const texts = (['Private', 'Groups', 'Community'] as const).map(describeSharingKind);
    assert.equal(new Set(texts).size, 3);
    assert.match(texts[0] ?? '', /RBAC/);
    assert.match(texts[1] ?? '', /subscriptions and tenants/);
    assert.match(texts[2] ?? '', /every Azure user/);
  });

  it('sharedIds collects ids per type, lower-cased and de-duplicated, ignoring unknown types', () => {
    assert.deepEqual(sharedIds(groups), { subscriptions: [S1, S2], tenants: [T1] });
    assert.deepEqual(sharedIds({ groups: [{ type: 'Users', ids: [S1] }, { type: 'aadtenants' }] }), { subscriptions: [], tenants: [] });
    assert.deepEqual(sharedIds(undefined), { subscriptions: [], tenants: [] });
  });

  describe('whoLosesAccessOnReset', () => {
    it('lists the subscriptions and tenants of a direct share', () => {
      const impact = whoLosesAccessOnReset(groups);
      assert.deepEqual(impact.subscriptions, [S1, S2]);
      assert.deepEqual(impact.tenants, [T1]);
      assert.equal(impact.community, false);
      assert.equal(impact.summary, 'Everyone in 2 subscriptions and 1 tenant loses access. People with Azure RBAC access keep it.');
    });

    it('says every Azure user loses a published community gallery', () => {
      const impact = whoLosesAccessOnReset(community);
      assert.equal(impact.community, true);
      assert.deepEqual(impact.publicNames, ['Contoso-0a1b']);
      assert.match(impact.summary, /Every Azure user loses access.*Contoso-0a1b/);
    });

    it('says no one outside RBAC loses an unpublished community gallery', () => {
      const impact = whoLosesAccessOnReset({ permissions: 'Community', communityGalleryInfo: { communityGalleryEnabled: false } });
      assert.equal(impact.community, false);
      assert.match(impact.summary, /never published/);
    });

    it('says no one loses access on a private gallery, even with stale groups', () => {
      const impact = whoLosesAccessOnReset({ permissions: 'Private', groups: [{ type: 'Subscriptions', ids: [S1] }] });
      assert.deepEqual(impact.subscriptions, []);
      assert.match(impact.summary, /^No one loses access/);
      assert.match(whoLosesAccessOnReset({ permissions: 'Groups', groups: [] }).summary, /^No one loses access/);
    });
  });

  describe('whatMustChangeBeforeAdd', () => {
    it('lets Add go ahead on a Groups gallery', () => {
      assert.equal(whatMustChangeBeforeAdd(groups), undefined);
    });

    it('asks to switch a private gallery to direct share first', () => {
      const text = whatMustChangeBeforeAdd(undefined) ?? '';
      assert.match(text, /private/);
      assert.match(text, /permissions: Groups/);
      assert.equal(whatMustChangeBeforeAdd({ permissions: 'Private' }), text);
    });

    it('explains that a community gallery cannot add groups', () => {
      assert.match(whatMustChangeBeforeAdd(community) ?? '', /community gallery.*Reset/);
    });
  });

  it('idsNotYetShared keeps only new ids of the chosen type', () => {
    assert.deepEqual(idsNotYetShared(groups, 'Subscriptions', [S1.toUpperCase(), T1, T1]), [T1]);
    assert.deepEqual(idsNotYetShared(groups, 'AADTenants', [T1, S1]), [S1]);
    assert.deepEqual(idsNotYetShared(undefined, 'Subscriptions', [S1]), [S1]);
  });
});
