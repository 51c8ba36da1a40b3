// The SAS of a picked package (issue 15): its signature masked where shown, its default expiry,
// and the rule for a typed one.
import assert from 'node:assert/strict';
import { defaultSasExpiry, hasSas, maskSas, validateSasExpiry } from '../../../src/model/sasLink';

const NOW = new Date('2026-12-07T18:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('SAS links (model)', () => {
  it('masks the signature to its first four characters, never cutting a percent-escape in half', () => {
    assert.equal(maskSas('https://a.blob.core.windows.net/c/b.tgz?sv=2025&sp=r&sig=AbCdEfGhIjK%3D'), 'https://a.blob.core.windows.net/c/b.tgz?sv=2025&sp=r&sig=AbCd…');
    assert.equal(maskSas('https://a/c/b?sig=xP%2Be9zz&se=2027'), 'https://a/c/b?sig=xP%2Be…&se=2027');
    assert.equal(maskSas('https://a/c/b?sig=abc'), 'https://a/c/b?sig=abc');
    assert.equal(maskSas('https://a/c/b.tgz'), 'https://a/c/b.tgz');
    assert.equal(hasSas('https://a/c/b?sv=1&sig=x'), true);
    assert.equal(hasSas('https://a/c/b'), false);
  });

  it('expires on the end of life when that comes within a year, else a year on', () => {
    assert.equal(defaultSasExpiry(NOW).toISOString(), new Date(NOW.getTime() + 365 * DAY).toISOString());
    const eol = new Date('2027-03-01T00:00:00Z');
    assert.equal(defaultSasExpiry(NOW, eol), eol);
    assert.equal(defaultSasExpiry(NOW, new Date('2031-01-01T00:00:00Z')).toISOString(), new Date(NOW.getTime() + 365 * DAY).toISOString());
    assert.equal(defaultSasExpiry(NOW, new Date('2026-12-07T20:00:00Z')).toISOString(), new Date(NOW.getTime() + 365 * DAY).toISOString(), 'an end of life today is no expiry');
  });

  it('a typed expiry is a real date after tomorrow and within ten years', () => {
    assert.equal(validateSasExpiry('2027-06-30', NOW), undefined);
    assert.match(validateSasExpiry('2027-02-30', NOW) ?? '', /YYYY-MM-DD/);
    assert.match(validateSasExpiry('next year', NOW) ?? '', /YYYY-MM-DD/);
    assert.match(validateSasExpiry('2026-12-08', NOW) ?? '', /after tomorrow/);
    assert.match(validateSasExpiry('2040-01-01', NOW) ?? '', /ten years/);
  });
});
