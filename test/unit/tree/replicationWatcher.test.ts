import assert from 'node:assert/strict';
import { mapBounded } from '../../../src/tree/concurrency';
import { ReplicationWatcher, type Watchable } from '../../../src/tree/replicationWatcher';

function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(tick, 2);
    };
    tick();
  });
}

describe('ReplicationWatcher', () => {
  it('polls at once, backs off between polls, and stops once the version is done', async () => {
    const times: number[] = [];
    let remaining = 4;
    const node: Watchable = {
      versionId: '/v/1.0.0',
      poll: async () => {
        times.push(Date.now());
        return --remaining > 0;
      },
    };
    const watcher = new ReplicationWatcher({ initialDelayMs: 20, maxDelayMs: 1000, backoff: 2 });
    watcher.watch(node);
    await waitFor(() => times.length === 4);
    await waitFor(() => watcher.watching.length === 0);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.ok(gaps[0] >= 18 && gaps[1] >= 38 && gaps[2] >= 78, `gaps grow: ${gaps.join(', ')}`);
    assert.equal(watcher.requests, 4);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(watcher.requests, 4, 'no request once done');
    watcher.dispose();
  });

  it('watches a version once however often it is asked to, and stops on 404', async () => {
    let polls = 0;
    const node: Watchable = {
      versionId: '/v/2.0.0',
      poll: async () => {
        polls++;
        throw Object.assign(new Error('gone'), { statusCode: 404 });
      },
    };
    const errors: string[] = [];
    const watcher = new ReplicationWatcher({ initialDelayMs: 5, maxDelayMs: 10, backoff: 1, onError: (id) => errors.push(id) });
    watcher.watch(node);
    watcher.watch(node);
    watcher.watch({ ...node, versionId: '/V/2.0.0' });
    await waitFor(() => watcher.watching.length === 0);
    assert.equal(polls, 1);
    assert.deepEqual(errors, ['/V/2.0.0']);
    watcher.dispose();
  });

  it('dispose cancels pending polls', async () => {
    let polls = 0;
    const watcher = new ReplicationWatcher({ initialDelayMs: 5, maxDelayMs: 5, backoff: 1 });
    watcher.watch({ versionId: 'a', poll: async () => ++polls < 100 });
    await waitFor(() => polls >= 2);
    watcher.dispose();
    const seen = polls;
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(polls <= seen + 1);
  });
});

describe('mapBounded', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0]);
    assert.equal(peak, 2);
  });
});

describe('ReplicationWatcher.reset', () => {
  it('stops current watches but keeps watching new ones afterwards', async () => {
    let polls = 0;
    const watcher = new ReplicationWatcher({ initialDelayMs: 5, maxDelayMs: 5, backoff: 1 });
    watcher.watch({ versionId: 'a', poll: async () => true });
    watcher.reset();
    assert.deepEqual(watcher.watching, []);
    watcher.watch({
      versionId: 'b',
      poll: async (signal) => {
        assert.equal(signal?.aborted, false, 'a fresh signal after reset');
        return ++polls < 3;
      },
    });
    await waitFor(() => polls === 3);
    await waitFor(() => watcher.watching.length === 0);
    watcher.dispose();
  });
});

describe('ReplicationWatcher: following a version (events and holds)', () => {
  it('tells listeners of every poll, the last one marked done', async () => {
    let remaining = 3;
    const watcher = new ReplicationWatcher({ initialDelayMs: 2, maxDelayMs: 5, backoff: 1 });
    const seen: { id: string; done: boolean }[] = [];
    const listening = watcher.onDidPoll((e) => seen.push({ id: e.node.versionId, done: e.done }));
    watcher.watch({ versionId: '/v/1', poll: async () => --remaining > 0 });
    await waitFor(() => watcher.watching.length === 0);
    assert.deepEqual(seen, [
      { id: '/v/1', done: false },
      { id: '/v/1', done: false },
      { id: '/v/1', done: true },
    ]);
    listening.dispose();
    watcher.watch({ versionId: '/v/2', poll: async () => false });
    await waitFor(() => watcher.watching.length === 0);
    assert.equal(seen.length, 3, 'a disposed listener hears nothing more');
    watcher.dispose();
  });

  it('a hold keeps polling a version its node calls done, until it is released', async () => {
    let polls = 0;
    const watcher = new ReplicationWatcher({ initialDelayMs: 2, maxDelayMs: 5, backoff: 1 });
    const release = watcher.hold('/V/1');
    const events: boolean[] = [];
    watcher.onDidPoll((e) => {
      events.push(e.done);
      if (polls === 3) release(); // the follower has what it waited for
    });
    watcher.watch({ versionId: '/v/1', poll: async () => (++polls, false) });
    await waitFor(() => watcher.watching.length === 0);
    assert.equal(polls, 3, 'held for three polls, none after the release');
    assert.deepEqual(events, [false, false, false]);
    release();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(polls, 3);
    watcher.dispose();
  });

  it('a hold does not outlast a 404: the follower hears the error, done', async () => {
    const watcher = new ReplicationWatcher({ initialDelayMs: 2, maxDelayMs: 5, backoff: 1 });
    watcher.hold('/v/1');
    const events: { done: boolean; status?: number }[] = [];
    watcher.onDidPoll((e) => events.push({ done: e.done, status: (e.error as { statusCode?: number } | undefined)?.statusCode }));
    watcher.watch({
      versionId: '/v/1',
      poll: async () => {
        throw Object.assign(new Error('gone'), { statusCode: 404 });
      },
    });
    await waitFor(() => watcher.watching.length === 0);
    assert.deepEqual(events, [{ done: true, status: 404 }]);
    watcher.dispose();
  });

  it('reset tells followers their watch stopped', async () => {
    const watcher = new ReplicationWatcher({ initialDelayMs: 1000, maxDelayMs: 1000, backoff: 1 });
    const events: { done: boolean; reset?: boolean }[] = [];
    watcher.onDidPoll((e) => events.push({ done: e.done, reset: e.reset }));
    watcher.watch({ versionId: '/v/1', poll: async () => true });
    await waitFor(() => events.length === 1);
    watcher.reset();
    assert.deepEqual(events, [{ done: false, reset: undefined }, { done: true, reset: true }]);
    watcher.dispose();
  });

  it("the user's own delete ends a watch at once and quietly: followers hear onDidDelete, never a failed poll", async () => {
    let gone = false;
    let polls = 0;
    const node: Watchable = {
      versionId: '/v/7.0.0',
      poll: async () => {
        polls++;
        if (gone) throw Object.assign(new Error('not found'), { statusCode: 404 });
        return true;
      },
    };
    const errors: string[] = [];
    const events: boolean[] = [];
    const deleted: string[] = [];
    const watcher = new ReplicationWatcher({ initialDelayMs: 5, maxDelayMs: 5, backoff: 1, onError: (id) => errors.push(id) });
    watcher.onDidPoll((e) => events.push(e.error !== undefined));
    watcher.onDidDelete((id) => deleted.push(id));
    const release = watcher.hold(node.versionId);
    watcher.watch(node);
    await waitFor(() => polls >= 2);
    const settle = watcher.deleting('/V/7.0.0');
    gone = true; // Azure deleted it; a poll may find that before the delete's answer arrives
    await waitFor(() => watcher.watching.length === 0);
    assert.deepEqual(errors, [], 'a 404 during the user’s delete is not an error');
    assert.ok(!events.includes(true), 'no follower hears a failed poll');
    settle(true);
    settle(true);
    assert.deepEqual(deleted, ['/V/7.0.0'], 'heard once');
    const after = polls;
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(polls, after, 'no poll after the delete');
    release();
    watcher.dispose();
  });

  it('a delete Azure refused leaves the watch going, and a later 404 is reported as before', async () => {
    let gone = false;
    const node: Watchable = {
      versionId: '/v/7.1.0',
      poll: async () => {
        if (gone) throw Object.assign(new Error('not found'), { statusCode: 404 });
        return true;
      },
    };
    const errors: string[] = [];
    const deleted: string[] = [];
    const watcher = new ReplicationWatcher({ initialDelayMs: 5, maxDelayMs: 5, backoff: 1, onError: (id) => errors.push(id) });
    watcher.onDidDelete((id) => deleted.push(id));
    watcher.watch(node);
    watcher.deleting(node.versionId)(false);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(watcher.watching, ['/v/7.1.0'], 'still watched');
    gone = true;
    await waitFor(() => watcher.watching.length === 0);
    assert.deepEqual(errors, ['/v/7.1.0']);
    assert.deepEqual(deleted, []);
    watcher.dispose();
  });
});
