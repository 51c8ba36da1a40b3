// The Azure layer's updates under plain Node against the in-process local Azure: each sends only
// what changed, a new region list is merged into Azure's own region objects (members the SDK does
// not know survive), and a list edited from a stale read is refused before anything is sent.
import assert from 'node:assert/strict';
import { AzureError } from '../../../src/azure/errors';
import { getResourceJson } from '../../../src/azure/resourceJson';
import { getTags, setTags } from '../../../src/azure/tags';
import { updateGallery, updateImageDefinition, updateImageVersion } from '../../../src/azure/updates';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/index';
import { startLocalAzure, type LocalAzure } from './localAzure';

const GALLERIES = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries`;
const UBUNTU = `${GALLERIES}/contoso_images/images/ubuntu-22.04-lts`;
const FAST = { pollIntervalMs: 20 };

type Json = Record<string, unknown>;
interface RegionJson extends Json {
  name: string;
  regionalReplicaCount?: number;
}

describe('Azure layer: updates (plain Node, local Azure in process)', () => {
  let azure: LocalAzure;
  beforeEach(async () => {
    azure = await startLocalAzure('demo');
  });
  afterEach(() => azure?.stop());

  const target = () => azure.target(PRODUCTION_SUBSCRIPTION_ID);
  /** The bodies of the PATCH requests the local Azure received since `from`. */
  const patches = (from: number) =>
    azure.emu.traffic
      .slice(from)
      .filter((t) => t.liveRequest.method === 'PATCH')
      .map((t) => t.liveRequest.body as Json);

  it("changes a gallery's description, sending only the description", async () => {
    const from = azure.emu.traffic.length;
    const gallery = await updateGallery(target(), 'rg-images', 'contoso_images', { description: 'Updated from plain Node.' }, FAST);
    assert.equal(gallery.description, 'Updated from plain Node.');
    assert.equal(gallery.permissions, 'Private', 'sharing is not touched');
    assert.deepEqual(patches(from), [{ properties: { description: 'Updated from plain Node.' } }]);
  });

  it("removes a definition's optional link with null, and only that", async () => {
    const id = `${GALLERIES}/contoso_images/images/windows-server-2022`;
    await updateImageDefinition(target(), id, { releaseNoteUri: 'https://contoso.example/notes' }, FAST);
    const from = azure.emu.traffic.length;
    const definition = await updateImageDefinition(target(), id, { releaseNoteUri: null }, FAST);
    assert.equal(definition.releaseNoteUri, undefined);
    assert.deepEqual(patches(from), [{ properties: { releaseNoteUri: null } }]);
    const json = (await getResourceJson(target(), id)) as { properties: Json };
    assert.equal('releaseNoteUri' in json.properties, false);
    assert.equal(json.properties.osType, 'Windows', 'the rest is as it was');
  });

  it("merges a new region list into Azure's own regions: what the SDK does not know survives", async () => {
    const id = `${UBUNTU}/versions/1.0.0`;
    // A member newer than the SDK's models, as Azure may return it: the update must write it back.
    const stored = azure.emu.state.resources[id.toLowerCase()];
    const regions = (stored.properties.publishingProfile as { targetRegions: RegionJson[] }).targetRegions;
    regions[1] = { ...regions[1], futureMember: 'kept' };
    const before = (await getResourceJson(target(), id)) as { properties: { publishingProfile: { targetRegions: RegionJson[] } } };
    const [first, second] = before.properties.publishingProfile.targetRegions;

    const version = await updateImageVersion(
      target(),
      id,
      { targetRegions: [{ name: first.name, regionalReplicaCount: 1 }, { name: second.name, regionalReplicaCount: 3 }], basedOn: before },
      FAST,
    );
    assert.deepEqual(
      version.targetRegions.map((r) => [r.name, r.regionalReplicaCount]),
      [
        [first.name, 1],
        [second.name, 3],
      ],
    );
    const after = (await getResourceJson(target(), id)) as { properties: { publishingProfile: { targetRegions: RegionJson[] } } };
    const [firstAfter, secondAfter] = after.properties.publishingProfile.targetRegions;
    assert.deepEqual(firstAfter, first, 'an unchanged region is written back as Azure had it');
    assert.deepEqual(secondAfter, { ...second, regionalReplicaCount: 3 });
    assert.equal((secondAfter as Json).futureMember, 'kept');
  });

  it('refuses a region list edited from a stale read, before sending anything', async () => {
    const id = `${UBUNTU}/versions/1.0.0`;
    const seen = await getResourceJson(target(), id);
    const regions = (seen as { properties: { publishingProfile: { targetRegions: RegionJson[] } } }).properties.publishingProfile.targetRegions;
    // Meanwhile a pipeline re-counts a region's replicas.
    await updateImageVersion(target(), id, { targetRegions: regions.map((r) => ({ name: r.name, regionalReplicaCount: 2 })) }, FAST);

    const from = azure.emu.traffic.length;
    const error = await updateImageVersion(target(), id, { targetRegions: regions.map((r) => ({ name: r.name, regionalReplicaCount: 1 })), basedOn: seen }, FAST).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof AzureError, String(error));
    assert.equal(error.code, 'TargetRegionsChanged');
    assert.match(error.message, /nothing was sent/);
    assert.deepEqual(patches(from), []);
  });

  it('excludes a version from latest with a patch of that flag alone', async () => {
    const id = `${UBUNTU}/versions/1.0.0`;
    const from = azure.emu.traffic.length;
    const version = await updateImageVersion(target(), id, { excludeFromLatest: true }, FAST);
    assert.equal(version.excludeFromLatest, true);
    assert.deepEqual(patches(from), [{ properties: { publishingProfile: { excludeFromLatest: true } } }]);
  });

  it("replaces a version's tags with a patch of the tags alone, and reads them back", async () => {
    const id = `${UBUNTU}/versions/1.0.0`;
    const from = azure.emu.traffic.length;
    const stored = await setTags(target(), id, { env: 'prod', owner: 'images' }, FAST);
    assert.deepEqual(stored, { env: 'prod', owner: 'images' });
    assert.deepEqual(patches(from), [{ tags: { env: 'prod', owner: 'images' } }]);
    assert.deepEqual(await getTags(target(), id), { env: 'prod', owner: 'images' });
  });

  it("refuses tags Azure refuses with Azure's code, nothing stored", async () => {
    const id = `${GALLERIES}/contoso_images`;
    const before = await getTags(target(), id);
    const error = await setTags(target(), id, { 'a/b': 'x' }, FAST).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof AzureError, String(error));
    assert.equal(error.code, 'InvalidTagNameCharacters');
    assert.deepEqual(await getTags(target(), id), before);
  });
});
