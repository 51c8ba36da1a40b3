import assert from 'node:assert/strict';
import { communityGalleriesQuery, entryDetail, groupByPublisher, mergeListings, prefixOf, publisherOf, regionToAdd } from '../../../src/model/communityDiscovery';

const GUID = '5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b';

describe('model: community gallery discovery', () => {
  it('names the publisher by website host, then e-mail domain, then the public name prefix', () => {
    assert.equal(publisherOf({ publicName: `Contoso-${GUID}`, publisherUri: 'https://www.Contoso.example/images', publisherContact: 'a@b.example' }), 'contoso.example');
    assert.equal(publisherOf({ publicName: `Contoso-${GUID}`, publisherUri: 'not a url', publisherContact: 'images@Fabrikam.example' }), 'fabrikam.example');
    assert.equal(publisherOf({ publicName: `Contoso-Images-${GUID}` }), 'Contoso-Images');
    assert.equal(prefixOf('no-guid-here'), 'no-guid-here');
  });

  it('merges the rows of one gallery across regions, case-insensitively, sorted', () => {
    const entries = mergeListings([
      { publicName: `Zed-${GUID}`, location: 'westus', publisherContact: 'z@zed.example' },
      { publicName: `Alpha-${GUID}`, location: 'westeurope', publisherUri: 'https://alpha.example' },
      { publicName: `alpha-${GUID}`, location: 'eastus' },
      { publicName: `Alpha-${GUID}`, location: 'eastus' },
      { publicName: '', location: 'eastus' },
    ]);
    assert.deepEqual(
      entries.map((e) => [e.publicName, e.regions, e.publisher]),
      [
        [`Alpha-${GUID}`, ['eastus', 'westeurope'], 'alpha.example'],
        [`Zed-${GUID}`, ['westus'], 'zed.example'],
      ],
    );
  });

  it('groups by publisher in alphabetical order', () => {
    const entries = mergeListings([
      { publicName: `B-${GUID}`, location: 'eastus', publisherUri: 'https://zeta.example' },
      { publicName: `A-${GUID}`, location: 'eastus', publisherUri: 'https://zeta.example' },
      { publicName: `C-${GUID}`, location: 'eastus', publisherUri: 'https://alpha.example' },
    ]);
    assert.deepEqual(
      groupByPublisher(entries).map((g) => [g.publisher, g.galleries.map((e) => e.publicName[0])]),
      [
        ['alpha.example', ['C']],
        ['zeta.example', ['A', 'B']],
      ],
    );
  });

  it('adds a gallery in the region filtered on when it is there, else its first', () => {
    const [entry] = mergeListings([
      { publicName: `A-${GUID}`, location: 'westus' },
      { publicName: `A-${GUID}`, location: 'eastus' },
    ]);
    assert.equal(regionToAdd(entry!, 'WestUS'), 'westus');
    assert.equal(regionToAdd(entry!, ''), 'eastus');
    assert.equal(regionToAdd(entry!, 'japaneast'), 'eastus');
  });

  it('says where a gallery is (region display names, at most three) and who to write to', () => {
    const [entry] = mergeListings(['eastus', 'westus', 'westeurope', 'japaneast'].map((location) => ({ publicName: `A-${GUID}`, location, publisherContact: 'x@a.example' })));
    assert.equal(entryDetail(entry!, new Map([['eastus', 'East US']])), 'East US, japaneast, westeurope and 1 more · x@a.example');
  });

  it('queries the communitygalleryresources table as az sig list-community does, the region in lower case', () => {
    assert.equal(
      communityGalleriesQuery('East US'),
      "communitygalleryresources\n| where type == 'microsoft.compute/locations/communitygalleries'\n| where location == 'eastus'\n| project name, location, properties\n| order by name asc",
    );
    assert.doesNotMatch(communityGalleriesQuery(), /where location/);
    assert.doesNotMatch(communityGalleriesQuery("x' or '1"), /x' or/);
  });
});
