import assert from 'node:assert/strict';
import { belowHighestReason, dateVersion, highestVersion, proposeVersion, versionSchemeOf } from '../../../src/model/nextVersion';
import { compareVersions, VERSION_PART_MAX } from '../../../src/model/versions';

const MAX = String(VERSION_PART_MAX);
/** 7 December 2026, local time. */
const DEC_7 = new Date(2026, 11, 7, 10, 30);

describe('model/nextVersion', () => {
  it('sorts by number, not text: 10.0.0 after 9.0.0, 1.10.0 after 1.9.0', () => {
    assert.deepEqual(['10.0.0', '9.0.0', '1.10.0', '1.9.0', '1.0.0'].sort(compareVersions), ['1.0.0', '1.9.0', '1.10.0', '9.0.0', '10.0.0']);
    assert.equal(highestVersion(['9.0.0', '10.0.0', 'junk'])?.name, '10.0.0');
  });

  it('patch scheme: the patch after the highest by number; 1.0.0 for the first', () => {
    assert.equal(proposeVersion(['9.0.0', '10.0.0', '2.5.7'], 'patch'), '10.0.1');
    assert.equal(proposeVersion([], 'patch'), '1.0.0');
    assert.equal(proposeVersion([`1.0.${MAX}`], 'patch'), '1.1.0', 'stays within the 32-bit parts');
    assert.equal(proposeVersion([`${MAX}.${MAX}.${MAX}`], 'patch'), undefined);
  });

  it('date scheme: Year.MonthDay.N, counting up within the day, MonthDay without a leading zero', () => {
    assert.equal(dateVersion([], DEC_7), '2026.1207.0');
    assert.equal(dateVersion(['1.0.0', '2026.1206.3'], DEC_7), '2026.1207.0');
    assert.equal(dateVersion(['2026.1207.0', '2026.1207.1'], DEC_7), '2026.1207.2');
    assert.equal(dateVersion([], new Date(2027, 0, 7)), '2027.107.0');
    assert.ok(compareVersions('2027.107.0', '2026.1231.0') > 0, 'numeric order follows the calendar');
  });

  it('date scheme never proposes at or below the highest: numbers past today get the next patch', () => {
    assert.equal(dateVersion(['9999.0.0'], DEC_7), '9999.0.1');
    assert.equal(dateVersion([`2026.1207.${MAX}`], DEC_7), '2026.1208.0');
    assert.equal(proposeVersion(['2026.1207.0'], 'date', DEC_7), '2026.1207.1');
  });

  it('the setting: unknown values are the patch scheme', () => {
    assert.equal(versionSchemeOf('date'), 'date');
    assert.equal(versionSchemeOf('patch'), 'patch');
    assert.equal(versionSchemeOf(undefined), 'patch');
    assert.equal(versionSchemeOf('Date'), 'patch');
  });

  it('a number below the highest is explained (Azure accepts it; it would not be latest); equal or higher is not', () => {
    const reason = belowHighestReason('9.5.0', ['9.0.0', '10.0.0']);
    assert.match(reason ?? '', /^9\.5\.0 is lower than 10\.0\.0, the highest version of this definition: VMs asking for "latest" would keep getting 10\.0\.0/);
    assert.match(reason ?? '', /you can create it anyway/);
    assert.equal(belowHighestReason('10.0.1', ['9.0.0', '10.0.0']), undefined);
    assert.equal(belowHighestReason('10.0.0', ['10.0.0']), undefined, 'equal: the existing-version check speaks');
    assert.equal(belowHighestReason('0.0.1', []), undefined);
    assert.equal(belowHighestReason('not a version', ['1.0.0']), undefined);
  });
});
