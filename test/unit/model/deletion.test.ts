import assert from 'node:assert/strict';
import {
  undoWords,
  bottomUp,
  deletionBlockedUntilEndOfLife,
  describeItem,
  isNestedResourceConflict,
  runCascade,
  tally,
  validateTypedName,
  type DeleteItem,
} from '../../../src/model/deletion';

const G = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g';
const gallery: DeleteItem = { id: G, name: 'g', kind: 'gallery' };
const ubuntu: DeleteItem = { id: `${G}/images/ubuntu`, name: 'ubuntu', kind: 'imageDefinition', parentId: G };
const windows: DeleteItem = { id: `${G}/images/windows`, name: 'windows', kind: 'imageDefinition', parentId: G };
const u1: DeleteItem = { id: `${G}/images/ubuntu/versions/1.0.0`, name: '1.0.0', kind: 'imageVersion', parentId: ubuntu.id };
const u2: DeleteItem = { id: `${G}/images/ubuntu/versions/1.10.0`, name: '1.10.0', kind: 'imageVersion', parentId: ubuntu.id };
const u3: DeleteItem = { id: `${G}/images/ubuntu/versions/1.2.0`, name: '1.2.0', kind: 'imageVersion', parentId: ubuntu.id };
const w1: DeleteItem = { id: `${G}/images/windows/versions/2022.1.0`, name: '2022.1.0', kind: 'imageVersion', parentId: windows.id };
const app: DeleteItem = { id: `${G}/applications/agent`, name: 'agent', kind: 'application', parentId: G };
const appV: DeleteItem = { id: `${G}/applications/agent/versions/1.0.0`, name: '1.0.0', kind: 'applicationVersion', parentId: app.id };
const all = [gallery, ubuntu, windows, u1, u2, u3, w1, app, appV];

const conflict = Object.assign(new Error('Can not delete resource before nested resources are deleted.'), { code: 'CannotDeleteResource', statusCode: 409 });

function recorder(fail: (item: DeleteItem, attempt: number) => Error | undefined = () => undefined) {
  const sent: string[] = [];
  const waits: number[] = [];
  const attempts = new Map<string, number>();
  return {
    sent,
    waits,
    deps: {
      remove: async (item: DeleteItem) => {
        const n = (attempts.get(item.id) ?? 0) + 1;
        attempts.set(item.id, n);
        sent.push(item.name);
        const error = fail(item, n);
        if (error) throw error;
      },
      wait: async (ms: number) => {
        waits.push(ms);
      },
      concurrency: 1,
    },
  };
}

describe('model/deletion', () => {
  it('orders items deepest first: versions, then definitions and applications, then the gallery (numeric version order)', () => {
    const levels = bottomUp([gallery, ubuntu, u2, app, u1, appV, windows, w1, u3]);
    assert.deepEqual(levels.map((l) => l.map((i) => `${i.kind}:${i.name}`)), [
      ['applicationVersion:1.0.0', 'imageVersion:1.0.0', 'imageVersion:1.2.0', 'imageVersion:1.10.0', 'imageVersion:2022.1.0'],
      ['application:agent', 'imageDefinition:ubuntu', 'imageDefinition:windows'],
      ['gallery:g'],
    ]);
  });

  it('names items the way the results are reported', () => {
    assert.equal(describeItem(u1, all), 'image version 1.0.0 of ubuntu');
    assert.equal(describeItem(appV, all), 'application version 1.0.0 of agent');
    assert.equal(describeItem(ubuntu, all), 'image definition ubuntu');
    assert.equal(describeItem(gallery), 'gallery g');
  });

  it("recognises Azure's nested-resource conflict, and nothing else", () => {
    assert.equal(isNestedResourceConflict({ code: 'CannotDeleteResource' }), true);
    assert.equal(isNestedResourceConflict({ code: 'Conflict', statusCode: 409, message: 'Cannot delete: nested resources exist.' }), true);
    assert.equal(isNestedResourceConflict({ code: 'OperationNotAllowed', statusCode: 409, message: 'blocked before end of life' }), false);
    assert.equal(isNestedResourceConflict({ code: 'InternalServerError', statusCode: 500, message: 'nested resource' }), false);
  });

  it('deletes everything bottom-up when nothing fails', async () => {
    const r = recorder();
    const results = await runCascade(all, r.deps);
    assert.deepEqual(r.sent, ['1.0.0', '1.0.0', '1.2.0', '1.10.0', '2022.1.0', 'agent', 'ubuntu', 'windows', 'g']);
    assert.deepEqual(tally(results), { deleted: 9, failed: 0, skipped: 0 });
    assert.deepEqual(results.map((x) => x.item), all, 'results come back in the order the items were given');
  });

  it('one failing version stops nothing else: its siblings and the other definition go, its definition and the gallery are kept and say why', async () => {
    const r = recorder((item) => (item === u1 ? Object.assign(new Error('Internal error'), { code: 'InternalServerError', statusCode: 500 }) : undefined));
    const results = await runCascade(all, r.deps);
    const by = (i: DeleteItem) => results.find((x) => x.item === i)!;
    assert.equal(by(u1).outcome, 'failed');
    assert.equal(by(u1).code, 'InternalServerError');
    assert.equal(by(u1).message, 'Internal error');
    for (const i of [u2, u3, w1, windows, appV, app]) assert.equal(by(i).outcome, 'deleted', i.name);
    assert.equal(by(ubuntu).outcome, 'skipped');
    assert.match(by(ubuntu).message ?? '', /image version 1\.0\.0 of ubuntu is still there/);
    assert.equal(by(gallery).outcome, 'skipped');
    assert.match(by(gallery).message ?? '', /image definition ubuntu is still there/);
    assert.ok(!r.sent.includes('ubuntu') && !r.sent.includes('g'), 'a parent whose child is left is not sent');
    assert.deepEqual(tally(results), { deleted: 6, failed: 1, skipped: 2 });
  });

  it('retries a parent refused for nested resources with the backoff, then succeeds', async () => {
    const r = recorder((item, attempt) => (item === gallery && attempt <= 2 ? conflict : undefined));
    const results = await runCascade([gallery, ubuntu, u1], { ...r.deps, backoffMs: [10, 20, 40] });
    assert.deepEqual(r.waits, [10, 20]);
    const g = results.find((x) => x.item === gallery)!;
    assert.equal(g.outcome, 'deleted');
    assert.equal(g.attempts, 3);
  });

  it('gives up after the backoff and reports Azure’s conflict', async () => {
    const r = recorder((item) => (item === gallery ? conflict : undefined));
    const results = await runCascade([gallery, ubuntu], { ...r.deps, backoffMs: [1, 2] });
    const g = results.find((x) => x.item === gallery)!;
    assert.equal(g.outcome, 'failed');
    assert.equal(g.code, 'CannotDeleteResource');
    assert.equal(g.attempts, 3);
    assert.deepEqual(r.waits, [1, 2]);
  });

  it('does not retry a parent that had no children in the plan (the user chose not to delete them): Azure’s message stands', async () => {
    const r = recorder(() => conflict);
    const [result] = await runCascade([gallery], { ...r.deps, backoffMs: [1, 2] });
    assert.equal(result?.outcome, 'failed');
    assert.equal(result?.attempts, 1);
    assert.deepEqual(r.waits, []);
  });

  it('a version known to be blocked is reported without being sent, and keeps its parents', async () => {
    const blocked = { ...u1, blockedReason: 'blocked until 2099-01-01' };
    const r = recorder();
    const results = await runCascade([gallery, ubuntu, blocked, u2], r.deps);
    assert.ok(!r.sent.includes('1.0.0'));
    assert.equal(results.find((x) => x.item === blocked)?.message, 'blocked until 2099-01-01');
    assert.equal(results.find((x) => x.item === ubuntu)?.outcome, 'skipped');
  });

  it('reports progress for each item sent', async () => {
    const seen: string[] = [];
    const r = recorder();
    await runCascade([ubuntu, u1], { ...r.deps, onStart: (item, i, n) => seen.push(`${item.name} ${i}/${n}`) });
    assert.deepEqual(seen, ['1.0.0 1/2', 'ubuntu 2/2']);
  });

  it('says why a version cannot be deleted before its end of life, only while the block applies', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const eol = new Date('2031-06-30T00:00:00Z');
    const message = deletionBlockedUntilEndOfLife({ name: '1.0.0', blockDeletionBeforeEndOfLife: true, endOfLifeDate: eol }, now);
    assert.match(message ?? '', /^Image version 1\.0\.0 cannot be deleted before its end-of-life date 2031-06-30/);
    assert.match(message ?? '', /blockDeletionBeforeEndOfLife/);
    assert.match(message ?? '', /Update Image Version/);
    assert.equal(deletionBlockedUntilEndOfLife({ name: 'x', blockDeletionBeforeEndOfLife: false, endOfLifeDate: eol }, now), undefined);
    assert.equal(deletionBlockedUntilEndOfLife({ name: 'x', blockDeletionBeforeEndOfLife: true, endOfLifeDate: new Date('2029-12-31T00:00:00Z') }, now), undefined);
    assert.equal(deletionBlockedUntilEndOfLife({ name: 'x', blockDeletionBeforeEndOfLife: true }, now), undefined);
  });

  it('accepts only the exact name as the typed confirmation', () => {
    assert.equal(validateTypedName('contoso_images', 'contoso_images'), undefined);
    assert.match(validateTypedName('contoso_images', 'CONTOSO_IMAGES') ?? '', /Type contoso_images exactly/);
    assert.match(validateTypedName('contoso_images', '') ?? '', /Type contoso_images exactly/);
    assert.match(validateTypedName('contoso_images', ' contoso_images ') ?? '', /spaces/);
  });

  it('says what undoing a delete means: nothing without soft delete, Restore for a version with it, and the refusal for what holds versions', () => {
    assert.equal(undoWords('imageVersion', false, '1.0.0', false), 'Azure cannot undo this.');
    assert.equal(undoWords('gallery', false, 'g', true), 'Azure cannot undo this.');
    assert.match(undoWords('imageVersion', true, '1.0.0', false), /Recently Deleted for 7 days, where Restore brings it back/);
    assert.match(undoWords('imageDefinition', true, 'ubuntu', true), /^The versions go to Recently Deleted for 7 days .*Azure refuses to delete ubuntu while it holds versions deleted in the last 7 days/);
    assert.match(undoWords('gallery', true, 'g', false), /^Soft delete is on: Azure refuses to delete g while/);
  });
});
