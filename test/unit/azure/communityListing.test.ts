// Browse Community Galleries under plain Node against the in-process local Azure: the public
// galleries come from Resource Graph's communitygalleryresources table in one request, one row per
// gallery and region, whoever publishes them (Fabrikam's subscription is not the caller's).
import assert from 'node:assert/strict';
import { listCommunityGalleries } from '../../../src/azure/communityListing';
import { DEMO_COMMUNITY_PUBLIC_NAME, FABRIKAM_COMMUNITY_PUBLIC_NAME, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

describe('Azure layer: community galleries Azure lists (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  before(async () => {
    azure = await startLocalAzure('demo');
  });
  after(() => azure?.stop());
  const graphRequests = (from: number) => azure.emu.traffic.slice(from).filter((t) => /Microsoft\.ResourceGraph\/resources/i.test(t.liveRequest.url));

  it('lists every public gallery in every region it is seen in, with its publisher metadata, in one request', async () => {
    const from = azure.emu.traffic.length;
    const rows = await listCommunityGalleries(azure.target(PRODUCTION_SUBSCRIPTION_ID), [PRODUCTION_SUBSCRIPTION_ID]);
    assert.equal(graphRequests(from).length, 1);
    const seen = rows.map((r) => `${r.publicName}@${r.location}`).sort();
    assert.ok(seen.includes(`${DEMO_COMMUNITY_PUBLIC_NAME}@eastus`) && seen.includes(`${DEMO_COMMUNITY_PUBLIC_NAME}@westeurope`), seen.join());
    assert.ok(seen.includes(`${FABRIKAM_COMMUNITY_PUBLIC_NAME}@westus`), 'public: another publisher’s subscription is listed too');
    const contoso = rows.find((r) => r.publicName === DEMO_COMMUNITY_PUBLIC_NAME)!;
    assert.equal(contoso.publisherUri, 'https://contoso.example/images');
    assert.equal(contoso.publisherContact, 'images@contoso.example');
    assert.equal(contoso.eula, 'https://contoso.example/images/eula');
  });

  it('filters on a region, given in any case', async () => {
    const rows = await listCommunityGalleries(azure.target(PRODUCTION_SUBSCRIPTION_ID), [PRODUCTION_SUBSCRIPTION_ID], 'WestUS');
    assert.deepEqual(rows.map((r) => `${r.publicName}@${r.location}`), [`${FABRIKAM_COMMUNITY_PUBLIC_NAME}@westus`]);
  });
});
