import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { richVersionRequests } from '../fixtures/rich-versions/index';
import { specExampleRequests } from '../fixtures/spec-examples/index';
import { arm, differences } from './armHelpers';
import { useDemoSession } from './createHelpers';
import { eventually, refreshAll } from './helpers';

// Every official example of the spec for galleries, definitions and versions, and versions shaped as
// real pipelines publish them (data disks, encryption per region and disk, ZRS / PremiumV2 / Premium,
// per-region exclusion, tags, safety profile, VHD, community source, edge zone, storage strategy),
// loaded into the local Azure by a second client. Each update flow then changes one thing; Azure's
// JSON read back differs from before in that one member only.

const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T | undefined>(`azureComputeGallery.${command}`, ...args);
type Json = Record<string, unknown>;
const props = (r: Json) => (r.properties ?? {}) as Json;
const state = (r: Json) => props(r).provisioningState as string | undefined;

async function settled(id: string): Promise<Json> {
  return eventually(async () => {
    const got = await arm('GET', id);
    if (state(got) !== 'Succeeded') throw new Error(`${id} is ${state(got)}`);
    return got;
  }, 30_000);
}

/** Paths that differ, leaving out what Azure itself moves while it works. */
const changed = (before: Json, after: Json) => differences(before, after).filter((p) => !/provisioningState$|replicationStatus/.test(p));

const depth = (id: string) => id.split('/').filter(Boolean).length;
const GALLERY_DEPTH = 8;

describe('Whole images: every update changes only what it names (spec examples and pipeline-shaped versions)', function () {
  this.timeout(600_000);
  useDemoSession({ replicationMs: 200 });
  const ids = new Set<string>();

  before(async () => {
    for (const r of [...richVersionRequests(), ...specExampleRequests()]) {
      await arm(r.method, r.path, r.body);
      await settled(r.path);
      ids.add(r.path);
    }
    await refreshAll();
  });

  const of = (d: number) => [...ids].filter((id) => depth(id) === d);

  it('loaded every gallery, definition and version', () => {
    assert.ok(of(GALLERY_DEPTH).length >= 5, `galleries: ${of(GALLERY_DEPTH).join(', ')}`);
    assert.ok(of(GALLERY_DEPTH + 2).length >= 4, 'definitions');
    assert.ok(of(GALLERY_DEPTH + 4).length >= 14, `versions: ${of(GALLERY_DEPTH + 4).length}`);
  });

  it("a version's end of life: only publishingProfile.endOfLifeDate changes", async () => {
    for (const id of of(GALLERY_DEPTH + 4)) {
      const before = await settled(id);
      await run('updateImageVersion', { version: id, endOfLifeDate: '2039-03-31', confirmed: true });
      assert.deepEqual(changed(before, await settled(id)), ['properties.publishingProfile.endOfLifeDate'], id);
    }
  });

  it("a version's exclusion from latest: only publishingProfile.excludeFromLatest changes", async () => {
    for (const id of of(GALLERY_DEPTH + 4)) {
      const before = await settled(id);
      const now = ((props(before).publishingProfile ?? {}) as Json).excludeFromLatest === true;
      await run('updateImageVersion', { version: id, excludeFromLatest: !now });
      assert.deepEqual(changed(before, await settled(id)), ['properties.publishingProfile.excludeFromLatest'], id);
    }
  });

  it("one region's replica count: only that region's count changes; encryption, storage, exclusion and the rest are written back", async () => {
    for (const id of of(GALLERY_DEPTH + 4)) {
      const before = await settled(id);
      const profile = (props(before).publishingProfile ?? {}) as { targetRegions?: { name: string; regionalReplicaCount?: number }[]; replicaCount?: number };
      const regions = profile.targetRegions ?? [];
      const first = regions[0];
      assert.ok(first, `${id} has target regions`);
      const count = (first.regionalReplicaCount ?? profile.replicaCount ?? 1) + 1;
      await run('updateImageVersion', { version: id, targetRegions: regions.map((r, i) => (i === 0 ? { name: r.name, replicas: count } : r.name)) });
      const after = await settled(id);
      assert.deepEqual(changed(before, after), ['properties.publishingProfile.targetRegions[0].regionalReplicaCount'], id);
    }
  });

  it("a definition's and a gallery's description: only properties.description changes", async () => {
    for (const id of of(GALLERY_DEPTH + 2)) {
      const before = await settled(id);
      await run('updateImageDefinition', { definition: id, description: `Reviewed ${id.split('/').pop()}` });
      assert.deepEqual(changed(before, await settled(id)), ['properties.description'], id);
    }
    for (const id of of(GALLERY_DEPTH)) {
      const before = await settled(id);
      await run('updateGallery', { gallery: id, description: 'Reviewed' });
      assert.deepEqual(changed(before, await settled(id)), ['properties.description'], id);
    }
  });
});
