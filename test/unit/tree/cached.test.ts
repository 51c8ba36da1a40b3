import assert from 'node:assert/strict';
import { Cached } from '../../../src/tree/nodes/cachedChildren';

function counting(value: string[]): { cached: Cached<string[]>; loads: () => number } {
  let loads = 0;
  const cached = new Cached(async () => {
    loads++;
    return value;
  });
  return { cached, loads: () => loads };
}

describe('Cached (a node’s children list)', () => {
  it('primed with a value fetched elsewhere: uses it, loads nothing itself', async () => {
    const { cached, loads } = counting(['own']);
    cached.prime(Promise.resolve(['from-graph']));
    assert.deepEqual(await cached.get(), ['from-graph']);
    assert.equal(loads(), 0);
  });

  it('primed with nothing for this node, or a failed query: loads itself', async () => {
    const a = counting(['own']);
    a.cached.prime(Promise.resolve(undefined));
    assert.deepEqual(await a.cached.get(), ['own']);
    assert.equal(a.loads(), 1);
    const b = counting(['own']);
    b.cached.prime(Promise.reject(new Error('query failed')));
    assert.deepEqual(await b.cached.get(), ['own']);
    assert.equal(b.loads(), 1);
  });

  it('a prime does not replace a load already under way', async () => {
    const { cached } = counting(['own']);
    const first = cached.get();
    cached.prime(Promise.resolve(['from-graph']));
    assert.deepEqual(await cached.get(), await first);
    assert.deepEqual(await first, ['own']);
  });

  it('invalidate() remembers a change; forget() reloads without one', async () => {
    const { cached, loads } = counting(['own']);
    await cached.get();
    cached.forget();
    assert.equal(cached.changedWithin(60_000), false);
    await cached.get();
    cached.invalidate();
    assert.equal(cached.changedWithin(60_000), true);
    assert.equal(cached.changedWithin(-1), false);
    await cached.get();
    assert.equal(loads(), 3);
  });

  it('a failure is not kept: the next get() asks again', async () => {
    let calls = 0;
    const cached = new Cached(async () => {
      calls++;
      if (calls === 1) throw new Error('transient');
      return ['ok'];
    });
    await assert.rejects(cached.get(), /transient/);
    assert.deepEqual(await cached.get(), ['ok']);
  });
});
