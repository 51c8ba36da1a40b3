import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describedTexts, isoDay, parseIsoDate, validateEndOfLifeDate } from '../../../src/model/endOfLife';
import {
  parsePositiveInteger,
  RANGE_VALUE_MAX,
  validatePositiveIntegerText,
  validateRecommendedMemory,
  validateRecommendedVCpus,
  validateResourceRange,
} from '../../../src/model/recommendedRanges';

const NOW = new Date('2025-06-15T12:00:00Z');

describe('model/endOfLife', () => {
  describe('parseIsoDate', () => {
    it('reads a calendar date as midnight UTC', () => {
      assert.equal(parseIsoDate('2026-01-31')?.toISOString(), '2026-01-31T00:00:00.000Z');
    });

    it('reads zoned date-times', () => {
      assert.equal(parseIsoDate('2026-01-31T10:20:30Z')?.toISOString(), '2026-01-31T10:20:30.000Z');
      assert.equal(parseIsoDate('2026-01-31T10:20+02:00')?.toISOString(), '2026-01-31T08:20:00.000Z');
      assert.equal(parseIsoDate('2026-01-31T10:20:30.123456Z')?.toISOString(), '2026-01-31T10:20:30.123Z');
    });

    it('refuses days that do not exist', () => {
      for (const d of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00']) assert.equal(parseIsoDate(d), undefined, d);
      assert.ok(parseIsoDate('2024-02-29'), 'leap day exists in 2024');
    });

    it('refuses other shapes, zone-less date-times and impossible times', () => {
      for (const d of ['', '2025-1-01', '01/02/2026', '2026-01-31T10:20', '2026-01-31 10:20Z', '2026-01-31T24:00Z', '2026-01-31T10:60Z', '2026-01-31T10:20+15:00', 'tomorrow']) {
        assert.equal(parseIsoDate(d), undefined, d);
      }
    });

    it('round-trips every real day (property)', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
          const day = isoDay(d);
          assert.equal(parseIsoDate(day) !== undefined && isoDay(parseIsoDate(day) as Date), day);
        }),
      );
    });
  });

  describe('validateEndOfLifeDate', () => {
    it('accepts a date after now', () => {
      assert.equal(validateEndOfLifeDate('2025-06-16', NOW), undefined);
      assert.equal(validateEndOfLifeDate('2030-12-31', NOW), undefined);
      assert.equal(validateEndOfLifeDate('2025-06-15T12:00:01Z', NOW), undefined);
    });

    it('refuses today, now and the past with an example a year ahead', () => {
      for (const d of ['2025-06-15', '2025-06-15T12:00:00Z', '2025-06-14', '1999-01-01']) {
        const message = validateEndOfLifeDate(d, NOW) ?? '';
        assert.match(message, /future.*2026-06-15/, d);
      }
    });

    it('treats empty input as "no end-of-life date"', () => {
      assert.equal(validateEndOfLifeDate('', NOW), undefined);
    });

    it('refuses malformed dates with the expected format', () => {
      assert.match(validateEndOfLifeDate('31/12/2030', NOW) ?? '', /YYYY-MM-DD, for example 2026-06-15/);
      assert.match(validateEndOfLifeDate('2030-02-30', NOW) ?? '', /YYYY-MM-DD/);
    });

    it('keeps its example valid on the 29th-31st of a month', () => {
      const message = validateEndOfLifeDate('x', new Date('2024-01-31T00:00:00Z')) ?? '';
      assert.match(message, /2025-01-28/);
    });
  });
});

describe('model/recommendedRanges', () => {
  it('parsePositiveInteger reads 1..2147483647 only', () => {
    assert.equal(parsePositiveInteger('1'), 1);
    assert.equal(parsePositiveInteger(String(RANGE_VALUE_MAX)), RANGE_VALUE_MAX);
    for (const bad of ['0', '', '-1', '+1', '1.5', '1e3', ' 1', String(RANGE_VALUE_MAX + 1), '0x10']) {
      assert.equal(parsePositiveInteger(bad), undefined, bad);
    }
  });

  it('validatePositiveIntegerText explains each refusal and accepts empty', () => {
    assert.equal(validatePositiveIntegerText('', 'minimum vCPUs'), undefined);
    assert.equal(validatePositiveIntegerText('8', 'minimum vCPUs'), undefined);
    assert.match(validatePositiveIntegerText('0', 'minimum vCPUs') ?? '', /at least 1 for the minimum vCPUs/);
    assert.match(validatePositiveIntegerText('-2', 'minimum vCPUs') ?? '', /whole number/);
    assert.match(validatePositiveIntegerText('2.5', 'minimum vCPUs') ?? '', /whole number/);
    assert.match(validatePositiveIntegerText('2147483648', 'maximum memory (GB)') ?? '', /at most 2147483647/);
  });

  describe('validateResourceRange', () => {
    it('accepts min ≤ max, either end alone, or nothing', () => {
      assert.equal(validateRecommendedVCpus({ min: 1, max: 1 }), undefined);
      assert.equal(validateRecommendedVCpus({ min: 2, max: 16 }), undefined);
      assert.equal(validateRecommendedMemory({ min: 4 }), undefined);
      assert.equal(validateRecommendedMemory({ max: RANGE_VALUE_MAX }), undefined);
      assert.equal(validateRecommendedMemory({}), undefined);
    });

    it('refuses min > max, naming both values', () => {
      assert.equal(validateRecommendedVCpus({ min: 8, max: 4 }), 'Make the minimum vCPUs (8) no larger than the maximum (4).');
      assert.match(validateRecommendedMemory({ min: 64, max: 32 }) ?? '', /memory \(GB\)/);
    });

    it('refuses zero, negatives, fractions and values past int32', () => {
      assert.match(validateRecommendedVCpus({ min: 0 }) ?? '', /at least 1 for the minimum vCPUs/);
      assert.match(validateRecommendedVCpus({ max: -1 }) ?? '', /at least 1 for the maximum vCPUs/);
      assert.match(validateRecommendedVCpus({ min: 1.5 }) ?? '', /whole number/);
      assert.match(validateRecommendedVCpus({ max: Number.NaN }) ?? '', /whole number/);
      assert.match(validateRecommendedVCpus({ max: RANGE_VALUE_MAX + 1 }) ?? '', /at most/);
    });

    it('accepts a pair exactly when both are positive int32 and min ≤ max (property)', () => {
      const n = fc.integer({ min: -3, max: 40 });
      fc.assert(
        fc.property(n, n, (min, max) => {
          const expected = min >= 1 && max >= 1 && min <= max;
          assert.equal(validateResourceRange({ min, max }, 'vCPUs') === undefined, expected);
        }),
      );
    });
  });

  describe('describedTexts', () => {
    it('gives every text an update step edits, with "" for what is absent and the end of life as a day', () => {
      assert.deepEqual(describedTexts({ description: 'Ubuntu', releaseNoteUri: 'https://example.com/notes', endOfLifeDate: new Date('2030-01-31T23:00:00Z') }), {
        description: 'Ubuntu',
        eula: '',
        privacyStatementUri: '',
        releaseNoteUri: 'https://example.com/notes',
        endOfLifeDate: '2030-01-31',
      });
    });
  });
});
