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
