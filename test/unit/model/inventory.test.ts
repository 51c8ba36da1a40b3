import assert from 'node:assert/strict';
import {
  cellText,
  csvField,
  endOfLifeState,
  filterRows,
  inventoryRows,
  inventorySummary,
  sortRows,
  toCsv,
  toJson,
  type InventoryDefinition,
  type InventoryVersion,
} from '../../../src/model/inventory';

const NOW = new Date('2026-06-01T12:00:00Z');
const G = '/subscriptions/s1/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal';
const D = `${G}/images/ubuntu`;
const W = `${G}/images/windows`;
const definitions: InventoryDefinition[] = [
  { id: D, osType: 'Linux', osState: 'Generalized', features: [{ name: 'SecurityType', value: 'TrustedLaunch' }] },
  { id: W, osType: 'Windows', osState: 'Specialized' },
];
const v = (definition: string, name: string, extra: Partial<InventoryVersion> = {}): InventoryVersion => ({
  id: `${definition}/versions/${name}`,
  name,
  subscriptionId: 's1',
  resourceGroup: 'rg-images',
  location: 'eastus',
  publishedDate: '2026-01-02T03:04:05Z',
  provisioningState: 'Succeeded',
  regions: [
    { name: 'East US', replicas: 2, storage: 'Standard_LRS' },
    { name: 'West Europe', replicas: 1, storage: 'Standard_ZRS' },
  ],
  osDiskSizeGB: 30,
  ...extra,
});
const names = new Map([['s1', 'Production']]);

const versions = [
  v(D, '1.0.0', { endOfLifeDate: '2026-05-01T00:00:00Z' }),
  v(D, '1.10.0', { endOfLifeDate: '2026-06-20' }),
  v(D, '1.2.0', { excludeFromLatest: true, dataDiskSizesGB: [128, 64] }),
  v(W, '2022.1.0', { osDiskSizeGB: undefined, provisioningState: 'Creating', endOfLifeDate: '2027-01-01' }),
];

describe('model: inventory rows', () => {
  const rows = inventoryRows(versions, definitions, names, NOW);

  it('lists versions in tree order, newest first within a definition', () => {
    assert.deepEqual(
      rows.map((r) => `${r.definition} ${r.version}`),
      ['ubuntu 1.10.0', 'ubuntu 1.2.0', 'ubuntu 1.0.0', 'windows 2022.1.0'],
    );
  });

  it('fills every column from the version and its definition', () => {
    const r = rows.find((x) => x.version === '1.2.0')!;
    assert.deepEqual(
      { ...r, regions: cellText(r, 'regions') },
      {
        id: `${D}/versions/1.2.0`,
        subscription: 'Production',
        resourceGroup: 'rg-images',
        gallery: 'gal',
        definition: 'ubuntu',
        version: '1.2.0',
        os: 'Linux',
        securityType: 'TrustedLaunch',
        regions: 'East US (2, Standard_LRS); West Europe (1, Standard_ZRS)',
        published: '2026-01-02',
        endOfLife: '',
        endOfLifeState: 'none',
        excludedFromLatest: true,
        latest: false,
        sizeGB: 222,
        state: 'Succeeded',
      },
    );
    const w = rows.find((x) => x.definition === 'windows')!;
    assert.equal(w.os, 'Windows (specialized)');
    assert.equal(w.securityType, 'Standard', 'no SecurityType feature: Standard');
    assert.equal(w.sizeGB, undefined, 'a size Azure has not reported stays empty');
    assert.equal(w.latest, false, 'a version still being created is not latest yet');
  });

  it('marks the latest as Azure resolves it (highest not excluded)', () => {
    assert.deepEqual(rows.filter((r) => r.latest).map((r) => r.version), ['1.10.0']);
  });

  it('says whether the end of life is past, within 30 days, or later', () => {
    assert.equal(endOfLifeState('2026-06-01T11:59:59Z', NOW), 'expired');
    assert.equal(endOfLifeState('2026-07-01T12:00:00Z', NOW), 'expiring', '30 days exactly');
    assert.equal(endOfLifeState('2026-07-01T12:00:01Z', NOW), 'ok');
    assert.equal(endOfLifeState(undefined, NOW), 'none');
    assert.equal(endOfLifeState('not a date', NOW), 'none');
    assert.deepEqual(
      rows.map((r) => r.endOfLifeState),
      ['expiring', 'none', 'expired', 'ok'],
    );
  });

  it('filters on every word in any cell, and on the end of life', () => {
    assert.deepEqual(filterRows(rows, { text: 'ubuntu 1.0' }).map((r) => r.version), ['1.0.0']);
    assert.deepEqual(filterRows(rows, { text: 'west europe 2022' }).map((r) => r.version), ['2022.1.0']);
    assert.deepEqual(filterRows(rows, { text: 'WINDOWS' }).map((r) => r.version), ['2022.1.0']);
    assert.deepEqual(filterRows(rows, { endOfLife: 'expired' }).map((r) => r.version), ['1.0.0']);
    assert.deepEqual(filterRows(rows, { endOfLife: 'expiredOrExpiring' }).map((r) => r.version), ['1.10.0', '1.0.0']);
    assert.equal(filterRows(rows, { text: '  ' }).length, 4);
    assert.equal(filterRows(rows, { text: 'nothing-like-this' }).length, 0);
  });

  it('sorts by a column either way, versions by their numbers, empty cells last', () => {
    assert.deepEqual(sortRows(rows, { column: 'version', descending: false }).map((r) => r.version), ['1.0.0', '1.2.0', '1.10.0', '2022.1.0']);
    assert.deepEqual(sortRows(rows, { column: 'version', descending: true }).map((r) => r.version), ['2022.1.0', '1.10.0', '1.2.0', '1.0.0']);
    assert.deepEqual(sortRows(rows, { column: 'endOfLife', descending: false }).map((r) => r.version), ['1.0.0', '1.10.0', '2022.1.0', '1.2.0']);
    assert.deepEqual(sortRows(rows, { column: 'sizeGB', descending: true }).map((r) => r.version), ['1.2.0', '1.10.0', '1.0.0', '2022.1.0']);
    assert.deepEqual(sortRows(rows, { column: 'tree', descending: false }), rows);
  });

  it('sums it up', () => {
    assert.equal(inventorySummary(rows), '4 image versions in 1 gallery; 1 past their end of life, 1 within 30 days of it');
    assert.equal(inventorySummary([]), '0 image versions in 0 galleries');
  });
});

describe('model: inventory export', () => {
  const rows = inventoryRows(versions, definitions, names, NOW);

  it('quotes CSV fields as RFC 4180 says', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(''), '');
  });

  it('writes a header and one CRLF-ended record per row', () => {
    const csv = toCsv(rows.slice(0, 1));
    assert.equal(
      csv,
      'Subscription,Resource group,Gallery,Definition,Version,OS,Security type,"Regions (replicas, storage)",Published,End of life,Excluded from latest,Latest,Size (GB),State\r\n' +
        'Production,rg-images,gal,ubuntu,1.10.0,Linux,TrustedLaunch,"East US (2, Standard_LRS); West Europe (1, Standard_ZRS)",2026-01-02,2026-06-20,No,Yes,30,Succeeded\r\n',
    );
    assert.equal(toCsv([]).split('\r\n').length, 2, 'the header alone');
  });

  it('writes JSON with the types kept', () => {
    const json = JSON.parse(toJson(rows)) as Array<Record<string, unknown>>;
    assert.equal(json.length, 4);
    assert.deepEqual(json[0], {
      id: `${D}/versions/1.10.0`,
      subscription: 'Production',
      resourceGroup: 'rg-images',
      gallery: 'gal',
      definition: 'ubuntu',
      version: '1.10.0',
      os: 'Linux',
      securityType: 'TrustedLaunch',
      regions: [
        { name: 'East US', replicas: 2, storage: 'Standard_LRS' },
        { name: 'West Europe', replicas: 1, storage: 'Standard_ZRS' },
      ],
      published: '2026-01-02',
      endOfLife: '2026-06-20',
      endOfLifeState: 'expiring',
      excludedFromLatest: false,
      latest: true,
      sizeGB: 30,
      state: 'Succeeded',
    });
    assert.equal(json[3]!.sizeGB, null);
  });
});
