import assert from 'node:assert/strict';
import {
  describeRules,
  parseRetentionFile,
  savedRulesFor,
  withSavedRules,
  planRetention,
  rulesProblem,
  validateKeepNewest,
  validateOlderThanDays,
  type RetentionRules,
  type RetentionVersion,
} from '../../../src/model/retention';

const NOW = new Date('2026-12-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const v = (name: string, extra: Partial<RetentionVersion> = {}): RetentionVersion => ({
  name,
  id: `/v/${name}`,
  provisioningState: 'Succeeded',
  targetRegions: [{ name: 'eastus' }],
  ...extra,
});
const verdicts = (versions: RetentionVersion[], rules: RetentionRules, inUse: string[] = []) =>
  Object.fromEntries(planRetention(versions, rules, new Set(inUse), NOW).verdicts.map((x) => [x.name, x.verdict]));

describe('model/retention', () => {
  it('keep the newest N alone deletes everything below them, by version number (10.0.0 after 9.0.0)', () => {
    const versions = ['1.0.0', '9.0.0', '10.0.0', '2.0.0'].map((n) => v(n));
    const plan = planRetention(versions, { keepNewest: 2 }, new Set(), NOW);
    assert.deepEqual(plan.verdicts.map((x) => `${x.name}:${x.verdict}`), ['2.0.0:delete', '1.0.0:delete', '10.0.0:keep', '9.0.0:keep']);
    assert.equal(plan.deleteCount, 2);
    assert.match(plan.verdicts[0]!.reason, /older than the newest 2/);
    assert.match(plan.verdicts[2]!.reason, /among the newest 2 \(number 1 by version\)/);
  });

  it('the newest N kept for another reason are not called "older than the newest N"', () => {
    const plan = planRetention([v('9.1.0'), v('1.1.0', { provisioningState: 'Creating' }), v('1.0.0', { excludeFromLatest: true })], { keepNewest: 1, keepLatest: true }, new Set(), NOW);
    assert.deepEqual(plan.verdicts.map((x) => [x.name, x.verdict, x.reason]), [
      ['1.0.0', 'delete', 'older than the newest 1'],
      ['9.1.0', 'keep', 'it is the latest (what VMs asking for "latest" get)'],
      ['1.1.0', 'keep', 'it is creating now (though older than the newest 1)'],
    ]);
  });

  it('older than D days deletes by published date; keep the newest N protects from it', () => {
    const versions = [v('1.0.0', { publishedDate: daysAgo(200) }), v('1.1.0', { publishedDate: daysAgo(100) }), v('1.2.0', { publishedDate: daysAgo(10) })];
    assert.deepEqual(verdicts(versions, { olderThanDays: 90 }), { '1.0.0': 'delete', '1.1.0': 'delete', '1.2.0': 'keep' });
    assert.deepEqual(verdicts(versions, { olderThanDays: 90, keepNewest: 2 }), { '1.0.0': 'delete', '1.1.0': 'keep', '1.2.0': 'keep' });
    const plan = planRetention(versions, { olderThanDays: 90, keepNewest: 2 }, new Set(), NOW);
    assert.equal(plan.verdicts.find((x) => x.name === '1.0.0')!.reason, 'published 200 days ago (more than 90)');
    assert.equal(plan.verdicts.find((x) => x.name === '1.1.0')!.reason, 'it is among the newest 2 (number 2 by version) (though published 100 days ago (more than 90))');
    assert.equal(plan.verdicts.find((x) => x.name === '1.2.0')!.reason, 'it is among the newest 2 (number 1 by version)');
  });

  it('a version without a published date is never chosen by age, and says so', () => {
    const plan = planRetention([v('1.0.0'), v('2.0.0', { publishedDate: daysAgo(1) })], { olderThanDays: 0, keepLatest: false }, new Set(), NOW);
    assert.deepEqual(plan.verdicts.map((x) => [x.name, x.verdict, x.reason]), [
      ['2.0.0', 'delete', 'published 1 day ago (more than 0)'],
      ['1.0.0', 'keep', 'no published date'],
    ]);
  });

  it('past end of life deletes what has passed it, not what has not', () => {
    const versions = [v('1.0.0', { endOfLifeDate: daysAgo(1) }), v('2.0.0', { endOfLifeDate: daysAgo(-30) }), v('3.0.0')];
    const plan = planRetention(versions, { pastEndOfLife: true }, new Set(), NOW);
    assert.deepEqual(plan.verdicts.map((x) => [x.name, x.verdict, x.reason]), [
      ['1.0.0', 'delete', 'past its end of life 2026-11-30'],
      ['3.0.0', 'keep', 'no end-of-life date'],
      ['2.0.0', 'keep', 'end of life 2026-12-31 not reached'],
    ]);
  });

  it('never deletes the latest: the definition\'s, and a region\'s where it differs', () => {
    const versions = [
      v('1.0.0', { targetRegions: [{ name: 'eastus' }, { name: 'westus2' }] }),
      v('1.1.0', { targetRegions: [{ name: 'eastus' }] }),
      v('1.2.0', { targetRegions: [{ name: 'eastus' }], excludeFromLatest: true }),
    ];
    const plan = planRetention(versions, { keepNewest: 0, keepLatest: true }, new Set(), NOW);
    assert.deepEqual(plan.verdicts.map((x) => [x.name, x.verdict, x.reason]), [
      ['1.2.0', 'delete', 'older than the newest 0'],
      ['1.1.0', 'keep', 'it is the latest (what VMs asking for "latest" get) (though older than the newest 0)'],
      ['1.0.0', 'keep', 'it is the latest in westus2 (though older than the newest 0)'],
    ]);
    assert.deepEqual(verdicts(versions, { keepNewest: 0 }), { '1.0.0': 'delete', '1.1.0': 'delete', '1.2.0': 'delete' });
  });

  it('never deletes one in use (names in any case) when that rule is on', () => {
    const versions = [v('1.0.0'), v('2.0.0'), v('3.0.0')];
    assert.deepEqual(verdicts(versions, { keepNewest: 1, keepInUse: true }, ['1.0.0']), { '1.0.0': 'keep', '2.0.0': 'delete', '3.0.0': 'keep' });
    assert.deepEqual(verdicts(versions, { keepNewest: 1 }, ['1.0.0']), { '1.0.0': 'delete', '2.0.0': 'delete', '3.0.0': 'keep' });
    const plan = planRetention(versions, { keepNewest: 1, keepInUse: true }, new Set(['1.0.0']), NOW);
    assert.match(plan.verdicts.find((x) => x.name === '1.0.0')!.reason, /^VMs or scale sets use it/);
  });

  it('never deletes one blocked by blockDeletionBeforeEndOfLife before its end of life, whatever the rules; after it, it may go', () => {
    const versions = [
      v('1.0.0', { blockDeletionBeforeEndOfLife: true, endOfLifeDate: daysAgo(-10), publishedDate: daysAgo(400) }),
      v('1.1.0', { blockDeletionBeforeEndOfLife: true, endOfLifeDate: daysAgo(5), publishedDate: daysAgo(400) }),
      v('1.2.0', { blockDeletionBeforeEndOfLife: true, publishedDate: daysAgo(400) }),
      v('9.0.0'),
    ];
    const plan = planRetention(versions, { olderThanDays: 30, pastEndOfLife: true }, new Set(), NOW);
    const by = Object.fromEntries(plan.verdicts.map((x) => [x.name, x]));
    assert.equal(by['1.0.0']!.verdict, 'keep');
    assert.match(by['1.0.0']!.reason, /^deletion blocked until its end of life 2026-12-11 \(blockDeletionBeforeEndOfLife\)/);
    assert.equal(by['1.1.0']!.verdict, 'delete');
    assert.equal(by['1.1.0']!.reason, 'past its end of life 2026-11-26, and published 400 days ago (more than 30)');
    assert.equal(by['1.2.0']!.verdict, 'keep');
  });

  it('versions being created, updated or deleted are kept', () => {
    assert.deepEqual(verdicts([v('1.0.0', { provisioningState: 'Creating' }), v('0.1.0', { provisioningState: 'Deleting' })], { keepNewest: 0 }), { '1.0.0': 'keep', '0.1.0': 'keep' });
  });

  it('rules: at least one deletion rule; numbers checked as typed; described in words', () => {
    assert.match(rulesProblem({ keepLatest: true, keepInUse: true })!, /at least one/);
    assert.equal(rulesProblem({ keepNewest: 3 }), undefined);
    assert.match(rulesProblem({ olderThanDays: -1 })!, /whole number/);
    assert.equal(validateKeepNewest('5'), undefined);
    assert.match(validateKeepNewest('')!, /Enter how many/);
    assert.match(validateKeepNewest('5x')!, /digits only/);
    assert.match(validateOlderThanDays('1.5')!, /whole number/);
    assert.match(validateOlderThanDays('99999999')!, /at most 999999/);
    assert.equal(
      describeRules({ keepNewest: 5, olderThanDays: 1, pastEndOfLife: true, keepLatest: true, keepInUse: true }),
      'keep the newest 5; delete older than 1 day; delete past end of life; never delete the latest; never delete one in use; never delete one blocked until its end of life',
    );
  });

  it('10,000 versions plan in well under a second', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => v(`1.${Math.floor(i / 100)}.${i % 100}`, { publishedDate: daysAgo(i % 400) }));
    const started = Date.now();
    const plan = planRetention(many, { keepNewest: 10, olderThanDays: 90, keepLatest: true, keepInUse: true }, new Set(['1.0.0']), NOW);
    assert.ok(Date.now() - started < 1000);
    assert.equal(plan.verdicts.length, 10_000);
    assert.equal(plan.verdicts[0]!.verdict, 'delete');
  });
});

describe('model/retention saved rules', () => {
  it('saves per definition id (any case), reads back, and ignores what is not rules', () => {
    const id = '/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/galleries/g/images/Ubuntu';
    const text = withSavedRules(parseRetentionFile(undefined), id, { keepNewest: 3, keepLatest: true, pastEndOfLife: false });
    assert.equal(text, `{\n  "definitions": {\n    "${id.toLowerCase()}": {\n      "keepNewest": 3,\n      "keepLatest": true\n    }\n  }\n}\n`);
    const file = parseRetentionFile(text);
    assert.deepEqual(savedRulesFor(file, id.toUpperCase()), { keepNewest: 3, keepLatest: true, olderThanDays: undefined, pastEndOfLife: undefined, keepInUse: undefined });
    assert.deepEqual(parseRetentionFile('{ not json').definitions, {});
    assert.deepEqual(parseRetentionFile('{"definitions":{"a":{"keepLatest":true},"b":{"keepNewest":-2}}}').definitions, {});
  });
});
