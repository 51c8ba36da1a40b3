// Soft delete under plain Node against the in-process local Azure: a gallery turned to soft delete
// keeps a deleted version restorable (listed with when it was deleted and when Azure purges it),
// restoring brings it back as it was, a definition that still holds one cannot be deleted, and a
// gallery without soft delete deletes for good.
import assert from 'node:assert/strict';
import { AzureError } from '../../../src/azure/errors';
import { deleteGalleryResource } from '../../../src/azure/deletes';
import { getResourceJson } from '../../../src/azure/resourceJson';
import { listSoftDeletedVersions, restoreImageVersion, SOFT_DELETE_RETENTION_DAYS } from '../../../src/azure/softDelete';
import { updateGallery } from '../../../src/azure/updates';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

const GALLERY = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso_community`;
const DEBIAN = `${GALLERY}/images/debian-12`;
const FAST = { pollIntervalMs: 20 };

describe('Azure layer: soft delete (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  beforeEach(async () => {
    azure = await startLocalAzure('demo');
  });
  afterEach(() => azure?.stop());

  const target = () => azure.target(PRODUCTION_SUBSCRIPTION_ID);

  it('turns soft delete on with softDeletePolicy, and the gallery says so', async () => {
    const from = azure.emu.traffic.length;
    const gallery = await updateGallery(target(), 'rg-images', 'contoso_community', { softDelete: true }, FAST);
    assert.equal(gallery.softDeleteEnabled, true);
    const sent = azure.emu.traffic.slice(from).filter((t) => t.liveRequest.method === 'PATCH').map((t) => t.liveRequest.body);
    assert.deepEqual(sent, [{ properties: { softDeletePolicy: { isSoftDeleteEnabled: true } } }]);
  });

  it('keeps a deleted version restorable, lists it, refuses to delete its definition meanwhile, and restores it as it was', async () => {
    await updateGallery(target(), 'rg-images', 'contoso_community', { softDelete: true }, FAST);
    const id = `${DEBIAN}/versions/1.0.0`;
    const before = await getResourceJson(target(), id);
    assert.deepEqual(await listSoftDeletedVersions(target(), 'rg-images', 'contoso_community', 'debian-12'), []);

    await deleteGalleryResource(target(), id, FAST);
    const listed = await listSoftDeletedVersions(target(), 'rg-images', 'contoso_community', 'debian-12');
    assert.equal(listed.length, 1);
    const [kept] = listed;
    assert.equal(kept.name, '1.0.0');
    assert.equal(kept.versionId.toLowerCase(), id.toLowerCase());
    assert.equal(kept.location, 'eastus');
    assert.ok(kept.deletedAt && kept.purgedAfter);
    assert.equal(kept.purgedAfter.getTime() - kept.deletedAt.getTime(), SOFT_DELETE_RETENTION_DAYS * 24 * 3600 * 1000);

    await assert.rejects(deleteGalleryResource(target(), DEBIAN, FAST), (e: unknown) => e instanceof AzureError && e.code === 'OperationNotAllowed' && /soft-deleted image versions \(1\.0\.0\)/.test(e.message));

    const restored = await restoreImageVersion(target(), 'rg-images', 'contoso_community', 'debian-12', '1.0.0', FAST);
    assert.equal(restored.name, '1.0.0');
    assert.equal(restored.provisioningState, 'Succeeded');
    const after = (await getResourceJson(target(), id)) as { properties: Record<string, unknown> };
    assert.equal(after.properties.restore, undefined, '`restore` is an instruction, not a property');
    assert.deepEqual(after.properties.publishingProfile, (before as { properties: Record<string, unknown> }).properties.publishingProfile, 'it comes back as it was');
    assert.deepEqual(await listSoftDeletedVersions(target(), 'rg-images', 'contoso_community', 'debian-12'), []);
  });

  it('deletes for good in a gallery without soft delete: nothing to list, nothing to restore', async () => {
    const id = `${DEBIAN}/versions/1.0.0`;
    await deleteGalleryResource(target(), id, FAST);
    assert.deepEqual(await listSoftDeletedVersions(target(), 'rg-images', 'contoso_community', 'debian-12'), []);
    await assert.rejects(restoreImageVersion(target(), 'rg-images', 'contoso_community', 'debian-12', '1.0.0', FAST), (e: unknown) => e instanceof AzureError && e.statusCode === 404);
  });
});
