import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeGuid, parseGuidList, validateGuidList } from '../../../src/model/guids';

const A = '11111111-2222-3333-4444-555555555555';
const B = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('model/guids', () => {
  it('normalizeGuid lower-cases and strips braces', () => {
    assert.equal(normalizeGuid(B.toUpperCase()), B);
    assert.equal(normalizeGuid(`{${A}}`), A);
    assert.equal(normalizeGuid('{not-a-guid}'), undefined);
  });

  describe('parseGuidList', () => {
    it('splits on commas, semicolons, spaces, tabs and new lines', () => {
      assert.deepEqual(parseGuidList(`${A},${B}`), { ids: [A, B], invalid: [] });
      assert.deepEqual(parseGuidList(` ${A} ;\n\t${B}\r\n`), { ids: [A, B], invalid: [] });
      assert.deepEqual(parseGuidList(`${A}, , ,${B},`), { ids: [A, B], invalid: [] });
    });

    it('drops duplicates case-insensitively and keeps first-seen order', () => {
      assert.deepEqual(parseGuidList(`${B} ${A} ${B.toUpperCase()} {${A}}`), { ids: [B, A], invalid: [] });
    });

    it('reports the pieces that are not GUIDs, once each, as typed', () => {
      assert.deepEqual(parseGuidList(`${A} nope 1234 nope`), { ids: [A], invalid: ['nope', '1234'] });
    });

    it('gives nothing for empty or blank text', () => {
      assert.deepEqual(parseGuidList(''), { ids: [], invalid: [] });
      assert.deepEqual(parseGuidList(' \n ,; '), { ids: [], invalid: [] });
    });

    it('finds every GUID whatever the separators (property)', () => {
      const hex = (n: number): fc.Arbitrary<string> =>
        fc.array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: n, maxLength: n }).map((a) => a.join(''));
      const guid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((p) => p.join('-'));
      const sep = fc.array(fc.constantFrom(',', ';', ' ', '\n', '\t', '\r\n'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
      fc.assert(
        fc.property(fc.array(fc.tuple(guid, sep), { maxLength: 10 }), (pairs) => {
          const text = pairs.map(([g, s]) => g + s).join('');
          const expected = [...new Set(pairs.map(([g]) => g.toLowerCase()))];
          assert.deepEqual(parseGuidList(text), { ids: expected, invalid: [] });
        }),
      );
    });
  });

  describe('validateGuidList', () => {
    it('accepts one or more GUIDs', () => {
      assert.equal(validateGuidList(A), undefined);
      assert.equal(validateGuidList(`${A}\n${B}`), undefined);
    });

    it('asks for at least one id', () => {
      assert.match(validateGuidList('  ', 'subscription ids') ?? '', /Enter one or more subscription ids/);
    });

    it('quotes the first three bad pieces and counts the rest', () => {
      const message = validateGuidList(`${A} x1 x2 x3 x4 x5`, 'tenant ids') ?? '';
      assert.match(message, /"x1", "x2", "x3" and 2 more/);
      assert.match(message, /tenant ids look like 00000000-0000-0000-0000-000000000000/);
    });

    it('shortens a very long bad piece', () => {
      const message = validateGuidList('z'.repeat(100)) ?? '';
      assert.ok(message.includes(`"${'z'.repeat(40)}…"`));
      assert.ok(message.length < 160);
    });
  });
});
