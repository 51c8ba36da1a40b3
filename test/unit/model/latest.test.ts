import assert from 'node:assert/strict';
import fc from 'fast-check';
import { definitionLatestLine, latestLabel, latestRole, latestSentence, resolveLatest, usable, type LatestCandidate } from '../../../src/model/latest';
import { compareVersions } from '../../../src/model/versions';

const done = (name: string, extra: Partial<LatestCandidate> = {}): LatestCandidate => ({ name, provisioningState: 'Succeeded', ...extra });

describe('model/latest', () => {
  it('picks the highest version by number (major, then minor, then patch), not by text', () => {
    assert.deepEqual(resolveLatest([done('1.9.0'), done('1.10.0'), done('1.2.30')]), { latest: '1.10.0', next: undefined });
    assert.deepEqual(resolveLatest([done('2.0.0'), done('10.0.0')]), { latest: '10.0.0', next: undefined });
  });

  it('skips a version excluded from latest: the next highest takes its place', () => {
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { excludeFromLatest: true })]), { latest: '1.0.0', next: undefined });
    assert.deepEqual(resolveLatest([done('1.0.0', { excludeFromLatest: true })]), { latest: undefined, next: undefined });
  });

  it('a version still being created (and replicated) is not "latest" yet, but the one that takes over', () => {
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { provisioningState: 'Creating' })]), { latest: '1.0.0', next: '1.1.0' });
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { provisioningState: 'Creating', replicationState: 'Replicating' })]), { latest: '1.0.0', next: '1.1.0' });
    // Two in progress: the higher one ends up "latest".
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { provisioningState: 'Creating' }), done('1.2.0', { provisioningState: 'Creating' })]), { latest: '1.0.0', next: '1.2.0' });
    // The only version, still creating: nothing is latest yet.
    assert.deepEqual(resolveLatest([done('1.0.0', { provisioningState: 'Creating' })]), { latest: undefined, next: '1.0.0' });
    // In progress below the latest changes nothing.
    assert.deepEqual(resolveLatest([done('2.0.0'), done('1.5.0', { provisioningState: 'Creating' })]), { latest: '2.0.0', next: undefined });
  });

  it('a version being updated (replicating to an added region) keeps its place: it is usable where it had replicated', () => {
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { provisioningState: 'Updating', replicationState: 'Replicating' })]), { latest: '1.1.0', next: undefined });
    assert.equal(
      latestSentence('latest', { latest: '1.1.0' }, true),
      'New VMs asking for "latest" get this version in the regions it has replicated to (it is still replicating to the others).',
    );
  });

  it('a failed or deleting version is never latest nor next; an excluded one in progress is not next', () => {
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { provisioningState: 'Failed' })]), { latest: '1.0.0', next: undefined });
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { replicationState: 'Failed' })]), { latest: '1.0.0', next: undefined });
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { provisioningState: 'Deleting' })]), { latest: '1.0.0', next: undefined });
    assert.deepEqual(resolveLatest([done('1.0.0'), done('1.1.0', { provisioningState: 'Creating', excludeFromLatest: true })]), { latest: '1.0.0', next: undefined });
  });

  it('states are read case-insensitively; an unknown state counts as usable', () => {
    assert.equal(usable({ name: '1.0.0', provisioningState: 'succeeded' }), true);
    assert.equal(usable({ name: '1.0.0' }), true);
    assert.equal(usable({ name: '1.0.0', provisioningState: 'CREATING' }), false);
    assert.equal(usable({ name: '1.0.0', provisioningState: 'Succeeded', replicationState: 'Completed' }), true);
  });

  it('the latest is always the highest usable candidate, and the next is above it (property)', () => {
    const version = fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5)).map(([a, b, c]) => `${a}.${b}.${c}`);
    const state = fc.constantFrom('Succeeded', 'Creating', 'Updating', 'Failed', 'Deleting', undefined);
    const candidate = fc.record({ name: version, excludeFromLatest: fc.boolean(), provisioningState: state });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.name, maxLength: 8 }), (versions) => {
        const { latest, next } = resolveLatest(versions);
        const eligible = versions.filter((v) => !v.excludeFromLatest && usable(v));
        if (latest === undefined) assert.equal(eligible.length, 0);
        else for (const v of eligible) assert.ok(compareVersions(v.name, latest) <= 0, `${v.name} ≤ ${latest}`);
        if (next !== undefined && latest !== undefined) assert.ok(compareVersions(next, latest) > 0);
        if (next !== undefined) assert.ok(!versions.find((v) => v.name === next)?.excludeFromLatest);
      }),
    );
  });

  it("what a version's row and hover say: only the one VMs get claims they get it", () => {
    const resolution = { latest: '1.0.0', next: '1.1.0' };
    assert.equal(latestRole('1.0.0', false, resolution), 'latest');
    assert.equal(latestRole('1.1.0', false, resolution), 'next');
    assert.equal(latestRole('0.9.0', true, resolution), 'excluded');
    assert.equal(latestRole('0.8.0', false, resolution), 'other');
    assert.equal(latestRole('1.0.0', true, resolution), 'excluded', 'its own exclusion wins over a resolution made before it');
    assert.equal(latestLabel('latest'), 'latest');
    assert.equal(latestLabel('next'), 'latest when ready');
    assert.equal(latestLabel('excluded'), 'excluded from latest');
    assert.equal(latestLabel('other'), '');
    assert.equal(latestSentence('latest', resolution), 'New VMs asking for "latest" get this version until 1.1.0 is ready.');
    assert.equal(latestSentence('latest', { latest: '1.0.0' }), 'New VMs asking for "latest" get this version.');
    assert.match(latestSentence('next', resolution), /^Not "latest" yet: VMs asking for "latest" get 1\.0\.0 until this version is ready/);
    assert.match(latestSentence('next', { next: '1.1.0' }), /^Not "latest" yet: no version can be used/);
    assert.doesNotMatch(latestSentence('next', resolution), /get this version/);
    assert.doesNotMatch(latestSentence('excluded', resolution), /get this version\./);
    assert.equal(latestSentence('other', resolution), '');
  });

  it("what the definition's hover says", () => {
    assert.equal(definitionLatestLine({ latest: '1.0.0' }, 2), 'Latest: 1.0.0 (what VMs asking for "latest" get).');
    assert.equal(definitionLatestLine({ latest: '1.0.0', next: '1.1.0' }, 2), 'Latest: 1.0.0 (what VMs asking for "latest" get); 1.1.0 once it is ready.');
    assert.equal(definitionLatestLine({}, 1), 'Latest: none — no version can be used for "latest".');
    assert.equal(definitionLatestLine({}, 0), 'Latest: none yet (no versions).');
  });
});
