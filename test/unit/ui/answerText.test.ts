import assert from 'node:assert/strict';
import { validateRecommendedVCpus } from '../../../src/model/recommendedRanges';
import { parseReplicaCounts, rangeFromText, rangeToText, replicasIn, validateRangeText } from '../../../src/ui/answerText';

describe('compact answers: ranges and replica counts', () => {
  it('reads min-max ranges, with either end optional', () => {
    assert.deepEqual(rangeFromText('2-16'), { min: 2, max: 16 });
    assert.deepEqual(rangeFromText('2-'), { min: 2 });
    assert.deepEqual(rangeFromText('-16'), { max: 16 });
    assert.deepEqual(rangeFromText('4'), { min: 4, max: 4 });
    assert.deepEqual(rangeFromText(' 2 .. 8 '), { min: 2, max: 8 });
    for (const ok of ['', '2-16', '2-', '-16', '4', '1-2147483647']) assert.equal(validateRangeText(ok, 'vCPUs'), undefined, ok);
  });

  it('says how to write a range, and uses the model rule for min > max', () => {
    assert.match(validateRangeText('lots', 'vCPUs') ?? '', /min-max, for example 2-16/);
    assert.match(validateRangeText('-', 'vCPUs') ?? '', /at least one number/);
    assert.match(validateRangeText('0-4', 'vCPUs') ?? '', /at least 1 for the minimum vCPUs/);
    assert.equal(validateRangeText('16-2', 'vCPUs'), validateRecommendedVCpus({ min: 16, max: 2 }));
    assert.match(validateRangeText('1-2147483648', 'vCPUs') ?? '', /at most 2147483647/);
  });

  it('writes a range back the way it is read', () => {
    for (const text of ['2-16', '2-', '-16', '4']) assert.equal(rangeToText(rangeFromText(text)), text);
    assert.equal(rangeToText(undefined), '');
  });

  it('reads one replica count for every region, or region=count pairs', () => {
    const all = parseReplicaCounts('3', ['eastus', 'westus2']);
    assert.ok(typeof all !== 'string');
    assert.equal(replicasIn(all, 'West US 2'), 3);
    const pairs = parseReplicaCounts('eastus=2, westus2: 5', ['eastus', 'westus2', 'japaneast']);
    assert.ok(typeof pairs !== 'string');
    assert.deepEqual([replicasIn(pairs, 'eastus'), replicasIn(pairs, 'westus2'), replicasIn(pairs, 'japaneast')], [2, 5, 1]);
  });

  it('refuses counts outside 1–100, unknown regions and unreadable text, saying what to type', () => {
    const regions = ['eastus', 'westus2'];
    assert.match(parseReplicaCounts('', regions) as string, /Enter the number of replicas/);
    assert.match(parseReplicaCounts('0', regions) as string, /1 to 100/);
    assert.match(parseReplicaCounts('101', regions) as string, /1 to 100/);
    assert.equal(typeof parseReplicaCounts('100', regions), 'object');
    assert.equal(typeof parseReplicaCounts('1', regions), 'object');
    assert.match(parseReplicaCounts('japaneast=2', regions) as string, /japaneast is not one of the target regions \(eastus, westus2\)/);
    assert.match(parseReplicaCounts('eastus=2, eastus=3', regions) as string, /only one count/);
    assert.match(parseReplicaCounts('two', regions) as string, /region=count pairs/);
    assert.match(parseReplicaCounts('eastus=x', regions) as string, /whole number from 1 to 100 for eastus/);
  });
});
