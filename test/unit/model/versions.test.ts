import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compareVersionParts,
  compareVersions,
  formatVersion,
  nextPatchVersion,
  parseVersion,
  validateImageVersionName,
  VERSION_PART_MAX,
} from '../../../src/model/versions';

const MAX = '2147483647';
const OVER = '2147483648';

describe('model/versions', () => {
  describe('parseVersion', () => {
    it('reads three numbers', () => {
      assert.deepEqual(parseVersion('1.2.3'), { major: 1, minor: 2, patch: 3 });
      assert.deepEqual(parseVersion('0.0.0'), { major: 0, minor: 0, patch: 0 });
    });

    it('accepts 2147483647 in every position and refuses 2147483648', () => {
      assert.deepEqual(parseVersion(`${MAX}.${MAX}.${MAX}`), { major: VERSION_PART_MAX, minor: VERSION_PART_MAX, patch: VERSION_PART_MAX });
      assert.equal(parseVersion(`${OVER}.0.0`), undefined);
      assert.equal(parseVersion(`0.${OVER}.0`), undefined);
      assert.equal(parseVersion(`0.0.${OVER}`), undefined);
      assert.equal(parseVersion(`0.0.${'9'.repeat(400)}`), undefined);
    });

    it('reads leading zeros as Azure does (the number they spell)', () => {
      assert.deepEqual(parseVersion('01.002.0003'), { major: 1, minor: 2, patch: 3 });
      assert.deepEqual(parseVersion(`0000${MAX}.0.0`), { major: VERSION_PART_MAX, minor: 0, patch: 0 });
    });

    it('refuses anything else', () => {
      for (const bad of ['', '1', '1.0', '1.0.0.0', '1.0.', '.1.0', '1..0', '+1.0.0', '-1.0.0', '1.-0.0', ' 1.0.0', '1.0.0 ', '1.0.a', 'v1.0.0', '1,0,0', '１.0.0', 'latest']) {
        assert.equal(parseVersion(bad), undefined, bad);
      }
    });
  });

  describe('validateImageVersionName', () => {
    it('accepts Major.Minor.Patch within int32', () => {
      for (const v of ['1.0.0', '0.0.0', '0.0.1', '10.20.30', `${MAX}.${MAX}.${MAX}`]) assert.equal(validateImageVersionName(v), undefined, v);
    });

    it('refuses 2147483648 naming the part', () => {
      assert.match(validateImageVersionName(`${OVER}.0.0`) ?? '', /major.*2147483647/);
      assert.match(validateImageVersionName(`0.${OVER}.0`) ?? '', /minor.*2147483647/);
      assert.match(validateImageVersionName(`0.0.${OVER}`) ?? '', /patch.*2147483647/);
    });

    it('accepts leading zeros, as Azure reads each part as an integer (date-style names)', () => {
      assert.equal(validateImageVersionName('2024.01.15'), undefined);
      assert.equal(validateImageVersionName('01.0.0'), undefined);
      assert.equal(validateImageVersionName(`0000000000${MAX}.0.0`), undefined);
      assert.match(validateImageVersionName(`0${OVER}.0.0`) ?? '', /major.*2147483647/);
    });

    it('refuses signs, whitespace, letters and wrong shapes with a hint', () => {
      assert.match(validateImageVersionName('+1.0.0') ?? '', /signs/);
      assert.match(validateImageVersionName('1.-1.0') ?? '', /signs/);
      assert.match(validateImageVersionName(' 1.0.0') ?? '', /spaces/);
      assert.match(validateImageVersionName('1.0.0\n') ?? '', /spaces/);
      assert.match(validateImageVersionName('v1.0.0') ?? '', /digits and periods/);
      assert.match(validateImageVersionName('1.0') ?? '', /three numbers.*has 2/);
      assert.match(validateImageVersionName('1.0.0.0') ?? '', /three numbers.*has 4/);
      assert.match(validateImageVersionName('1..0') ?? '', /Fill in the minor/);
      assert.match(validateImageVersionName('') ?? '', /1\.0\.0/);
    });

    it('accepts exactly what parseVersion reads (property)', () => {
      const part = fc.oneof(fc.integer({ min: 0, max: VERSION_PART_MAX }).map(String), fc.constantFrom('00', '01', OVER, '', '-1', 'a'));
      fc.assert(
        fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
          const name = parts.join('.');
          assert.equal(validateImageVersionName(name) === undefined, parseVersion(name) !== undefined, name);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('compareVersions', () => {
    it('orders numerically, not as text', () => {
      assert.ok(compareVersions('1.10.0', '1.9.0') > 0);
      assert.ok(compareVersions('2.0.0', '10.0.0') < 0);
      assert.ok(compareVersions('1.0.1', '1.0.0') > 0);
      assert.equal(compareVersions('1.2.3', '1.2.3'), 0);
      assert.ok(compareVersions(`0.0.${MAX}`, '0.1.0') < 0);
    });

    it('puts invalid names first and tells "01.0.0" from "1.0.0"', () => {
      assert.ok(compareVersions('latest', '0.0.0') < 0);
      assert.ok(compareVersions('0.0.0', 'latest') > 0);
      assert.notEqual(compareVersions('01.0.0', '1.0.0'), 0);
      assert.ok(compareVersions('01.0.0', '1.0.1') < 0);
    });

    it('sorts a list', () => {
      const sorted = ['1.10.0', 'junk', '1.2.0', '0.9.9', '1.2.10', '1.2.9'].sort(compareVersions);
      assert.deepEqual(sorted, ['junk', '0.9.9', '1.2.0', '1.2.9', '1.2.10', '1.10.0']);
    });

    it('is a total order: antisymmetric, transitive, equal only for identical strings (property)', () => {
      const name = fc.oneof(
        fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)).map(([a, b, c]) => `${a}.${b}.${c}`),
        fc.constantFrom('01.0.0', '1.00.0', 'latest', '', 'x.y.z', `${MAX}.0.0`, `${OVER}.0.0`),
      );
      fc.assert(
        fc.property(name, name, name, (a, b, c) => {
          const ab = compareVersions(a, b);
          assert.equal(Math.sign(ab) + Math.sign(compareVersions(b, a)), 0);
          assert.equal(ab === 0, a === b);
          if (ab <= 0 && compareVersions(b, c) <= 0) assert.ok(compareVersions(a, c) <= 0, `${a} ≤ ${b} ≤ ${c}`);
        }),
        { numRuns: 3000 },
      );
    });

    it('compareVersionParts agrees with comparing formatted valid names (property)', () => {
      const v = fc.record({ major: fc.nat(5), minor: fc.nat(5), patch: fc.nat(5) });
      fc.assert(
        fc.property(v, v, (a, b) => {
          assert.equal(Math.sign(compareVersionParts(a, b)), Math.sign(compareVersions(formatVersion(a), formatVersion(b))));
        }),
      );
    });
  });

  describe('nextPatchVersion', () => {
    it('is 1.0.0 when there is no version (or none that parses)', () => {
      assert.equal(nextPatchVersion([]), '1.0.0');
      assert.equal(nextPatchVersion(['latest', 'junk']), '1.0.0');
    });

    it('bumps the patch of the highest version, not the last one listed', () => {
      assert.equal(nextPatchVersion(['1.0.0']), '1.0.1');
      assert.equal(nextPatchVersion(['1.2.9', '1.10.0', '1.2.10']), '1.10.1');
      assert.equal(nextPatchVersion(['0.0.0']), '0.0.1');
      assert.equal(nextPatchVersion(['02.0.5']), '2.0.6');
    });

    it('rolls a patch at 2147483647 into the next minor, and a full minor into the next major', () => {
      assert.equal(nextPatchVersion([`1.2.${Number(MAX) - 1}`]), `1.2.${MAX}`);
      assert.equal(nextPatchVersion([`1.2.${MAX}`]), '1.3.0');
      assert.equal(nextPatchVersion([`1.${MAX}.${MAX}`]), '2.0.0');
      assert.equal(nextPatchVersion([`${MAX}.${MAX}.${MAX}`]), undefined);
    });

    it('always returns a valid name greater than every existing one (property)', () => {
      const part = fc.oneof(fc.nat(20), fc.constant(VERSION_PART_MAX), fc.constant(VERSION_PART_MAX - 1));
      const version = fc.tuple(fc.nat(20), part, part).map(([a, b, c]) => `${a}.${b}.${c}`);
      fc.assert(
        fc.property(fc.array(version, { maxLength: 8 }), (existing) => {
          const next = nextPatchVersion(existing);
          assert.ok(next !== undefined);
          assert.equal(validateImageVersionName(next), undefined, next);
          for (const e of existing) assert.ok(compareVersions(next, e) > 0, `${next} > ${e}`);
        }),
      );
    });
  });
});
