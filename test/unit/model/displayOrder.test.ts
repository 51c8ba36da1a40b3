import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sortByDisplayName } from '../../../src/model/displayOrder';

const names = (xs: string[]) => sortByDisplayName(xs.map((name) => ({ name })), (x) => x.name).map((x) => x.name);

describe('sortByDisplayName', () => {
  it('orders ASCII names case-insensitively, as the portal lists subscriptions', () => {
    assert.deepEqual(names(['gamma', 'Beta', 'alpha', 'Alpha', 'beta-2']), ['Alpha', 'alpha', 'Beta', 'beta-2', 'gamma']);
  });

  it('orders any ASCII list as localeCompare does for letters and digits, whatever the case', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (xs) => {
        const ours = names([...xs]).map((s) => s.toLowerCase());
        const reference = [...xs].map((s) => s.toLowerCase()).sort((a, b) => a.localeCompare(b));
        assert.deepEqual(ours, reference);
      }),
    );
  });

  it('gives one order whatever the input order (a total order on ASCII names)', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 10 });
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 30 }), (xs) => {
        assert.deepEqual(names([...xs]), names([...xs].reverse()));
      }),
    );
  });

  it('orders a list with any non-ASCII name by localeCompare, so accented names sit with their letter', () => {
    assert.deepEqual(names(['Zeta', 'Élan', 'alpha', 'Echo']), ['alpha', 'Echo', 'Élan', 'Zeta']);
  });
});
