// Node capabilities tell rows by what they are (the kind of resource their id names, the version a
// region row belongs to), not by class: plain objects stand for the nodes here.
import assert from 'node:assert/strict';
import { isDeletedVersion, isNodeOf, isRegionOf } from '../../../src/tree/capabilities';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const GALLERY = `${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1`;
const node = (resourceId: string) => ({ resourceId, armReference: () => ({ kind: resourceId.includes('/applications/') ? (resourceId.includes('/versions/') ? 'applicationVersion' : 'galleryApplication') : resourceId.includes('/versions/') ? 'imageVersion' : resourceId.includes('/images/') ? 'imageDefinition' : 'gallery' }) });
const gallery = node(GALLERY);
const imageVersion = node(`${GALLERY}/images/ubuntu/versions/1.0.0`);
const appVersion = node(`${GALLERY}/applications/tool/versions/1.0.0`);
const row = { region: 'westus2', label: 'West US 2', state: 'Failed' };

describe('tree capabilities', () => {
  it('tells a node by the kind of resource its id names', () => {
    assert.ok(isNodeOf(gallery, 'gallery'));
    assert.ok(isNodeOf(imageVersion, 'gallery', 'imageVersion'));
    assert.ok(!isNodeOf(imageVersion, 'gallery'));
    assert.ok(!isNodeOf({ region: 'westus2' }, 'gallery'), 'a row without an id is no resource');
  });

  it('tells a region row by the kind of version it belongs to (Retry Region: image versions only)', () => {
    assert.ok(isRegionOf({ region: 'westus2', row, parent: imageVersion }, 'imageVersion'));
    assert.ok(!isRegionOf({ region: 'westus2', row, parent: appVersion }, 'imageVersion'), "an application version's region");
    assert.ok(isRegionOf({ region: 'westus2', row, parent: appVersion }, 'applicationVersion'));
    assert.ok(!isRegionOf({ version: imageVersion.resourceId, region: 'westus2' }, 'imageVersion'), 'Retry Region options name a region, they are no row');
  });

  it('tells a soft-deleted version by what it restores and where', () => {
    assert.ok(isDeletedVersion({ deleted: { name: '1.0.0' }, gallery }));
    assert.ok(!isDeletedVersion({ deleted: { name: '1.0.0' }, gallery: imageVersion }));
    assert.ok(!isDeletedVersion(imageVersion));
  });
});
