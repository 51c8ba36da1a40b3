import assert from 'node:assert/strict';
import { findRow, findRows, foundSummary, foundWhere, nothingFound, withDefinitions, type FoundResource } from '../../../src/model/findRows';

const G = '/subscriptions/s1/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal';
const base = { subscriptionId: 's1', resourceGroup: 'rg-images', location: 'eastus', gallery: 'gal', tags: {} };
const gallery: FoundResource = { ...base, id: G, kind: 'gallery', name: 'gal', tags: { env: 'prod', frozen: '' } };
const definition: FoundResource = { ...base, id: `${G}/images/ubuntu`, kind: 'imageDefinition', name: 'ubuntu', publisher: 'Contoso', offer: 'UbuntuServer', sku: '22_04', osType: 'Linux' };
const v = (name: string): FoundResource => ({ ...base, id: `${G}/images/ubuntu/versions/${name}`, kind: 'imageVersion', name, definition: 'ubuntu', regions: ['East US', 'West Europe'] });
const app: FoundResource = { ...base, id: `${G}/applications/agent`, kind: 'application', name: 'agent', osType: 'Linux' };
const names = new Map([['s1', 'Production']]);

describe('model: Find… rows', () => {
  it('says where a resource lives: subscription · resource group · gallery › definition', () => {
    assert.equal(foundWhere(v('1.0.0'), 'Production'), 'Production · rg-images · gal › ubuntu');
    assert.equal(foundWhere(definition, 'Production'), 'Production · rg-images · gal');
    assert.equal(foundWhere(gallery, ''), 's1 · rg-images', 'an unknown subscription by its id');
  });

  it('a version takes its definition’s publisher, offer, SKU and OS', () => {
    const [, version] = withDefinitions([definition, v('1.0.0')]);
    assert.deepEqual([version!.publisher, version!.offer, version!.sku, version!.osType], ['Contoso', 'UbuntuServer', '22_04', 'Linux']);
    assert.equal(withDefinitions([v('1.0.0')])[0]!.publisher, undefined, 'a version whose definition was not returned keeps what it has');
  });

  it('puts name in the label, kind and where in the description, identifier, OS, regions and tags in the detail', () => {
    const row = findRow(withDefinitions([definition, v('1.2.0')])[1]!, 'Production');
    assert.deepEqual(row, {
      id: `${G}/images/ubuntu/versions/1.2.0`,
      kind: 'imageVersion',
      label: 'ubuntu 1.2.0',
      description: 'Image version · Production · rg-images · gal › ubuntu',
      detail: 'Contoso / UbuntuServer / 22_04 · Linux · East US, West Europe',
    });
    assert.equal(findRow(gallery, 'Production').detail, 'eastus · env=prod, frozen', 'a gallery: its region and tags');
    assert.equal(findRow(app, 'Production').description, 'VM application · Production · rg-images · gal');
  });

  it('orders like the tree: gallery, definitions with their versions newest first, then applications', () => {
    const rows = findRows([app, v('1.0.0'), v('1.10.0'), v('1.2.0'), definition, gallery], names);
    assert.deepEqual(rows.map((r) => r.label), ['gal', 'ubuntu', 'ubuntu 1.10.0', 'ubuntu 1.2.0', 'ubuntu 1.0.0', 'agent']);
  });

  it('sums up what was found, and says why nothing may be found yet', () => {
    const rows = findRows([gallery, definition, v('1.0.0'), v('1.1.0')], names);
    assert.equal(foundSummary(rows, 3), '1 gallery, 1 image definition, 2 image versions in 3 selected subscriptions');
    const empty = nothingFound(2);
    assert.equal(empty.label, 'No galleries in the 2 selected subscriptions');
    assert.match(empty.detail, /Resource Graph may trail Azure Resource Manager by a few seconds/);
  });
});
