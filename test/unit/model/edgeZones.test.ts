import assert from 'node:assert/strict';
import {
  describeEdgeZoneChanges,
  edgeZoneChanges,
  edgeZoneFromRaw,
  edgeZonesText,
  hasEdgeZoneChanges,
  mergeExtendedLocations,
  parseEdgeZoneReplicas,
  parseEdgeZoneText,
  rawExtendedLocations,
  validateEdgeZones,
  whyEdgeZoneEditsRefused,
  type RawExtendedLocation,
} from '../../../src/model/edgeZones';

const LA: RawExtendedLocation = {
  name: 'West US',
  extendedLocation: { name: 'microsoftlosangeles1', type: 'EdgeZone' },
  extendedLocationReplicaCount: 1,
  storageAccountType: 'StandardSSD_LRS',
  encryption: { osDiskImage: { diskEncryptionSetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/diskEncryptionSets/des' } },
  somethingNewer: { kept: true },
};
const PERTH: RawExtendedLocation = { name: 'australiaeast', extendedLocation: { name: 'perth', type: 'EdgeZone' }, extendedLocationReplicaCount: 2 };

describe('model/edgeZones', () => {
  it('reads the edge zones of a version JSON, and says when the shape is unknown', () => {
    assert.deepEqual(rawExtendedLocations({ properties: { publishingProfile: { targetExtendedLocations: [LA, 3] } } }), [LA]);
    assert.deepEqual(rawExtendedLocations({ properties: { publishingProfile: {} } }), []);
    assert.equal(rawExtendedLocations({ properties: { publishingProfile: { targetExtendedLocations: 'x' } } }), undefined);
    assert.deepEqual(edgeZoneFromRaw(LA), { name: 'westus', edgeZone: 'microsoftlosangeles1', replicas: 1, storageAccountType: 'StandardSSD_LRS' });
  });

  it('parses typed region/edgezone entries and says what to type instead', () => {
    assert.deepEqual(parseEdgeZoneText('westus/microsoftlosangeles1, australiaeast/perth westus/MicrosoftLosAngeles1'), [
      { name: 'westus', edgeZone: 'microsoftlosangeles1' },
      { name: 'australiaeast', edgeZone: 'perth' },
    ]);
    assert.deepEqual(parseEdgeZoneText(''), []);
    assert.match(parseEdgeZoneText('microsoftlosangeles1') as string, /^Type each edge zone as region\/edgezone, for example westus\/microsoftlosangeles1 \(not "microsoftlosangeles1"\)/);
    assert.match(parseEdgeZoneText('westus/') as string, /region\/edgezone/);
  });

  it('validates the list: shape, region, replicas, storage types of edge zones', () => {
    assert.equal(validateEdgeZones([{ name: 'westus', edgeZone: 'z', replicas: 3, storageAccountType: 'Premium_LRS' }]), undefined);
    assert.match(validateEdgeZones([{ name: 'westus', edgeZone: 'z', storageAccountType: 'PremiumV2_LRS' }]) ?? '', /^Use Standard_LRS, Standard_ZRS, StandardSSD_LRS, Premium_LRS/);
    assert.match(validateEdgeZones([{ name: 'westus', edgeZone: 'z', replicas: 101 }]) ?? '', /^Use 1 to 100 replicas in z/);
    assert.equal(validateEdgeZones([{ name: 'westus', edgeZone: 'z', storageAccountType: 'standardssd_lrs' }]), undefined, 'any case, as the Extended Zones docs type it');
    assert.match(validateEdgeZones([{ name: 'west-us', edgeZone: 'z' }]) ?? '', /^Use a region name such as westus for z, not "west-us"/);
    assert.match(validateEdgeZones([{ name: 'marsnorth', edgeZone: 'z' }], ['westus', 'eastus']) ?? '', /^Use one of the subscription's regions for z, not marsnorth/);
    assert.equal(validateEdgeZones([{ name: 'West US', edgeZone: 'z' }], ['westus']), undefined);
  });

  it('merges into Azure\'s own objects: a kept zone keeps every member, only a changed count changes', () => {
    const merged = mergeExtendedLocations([LA, PERTH], [
      { name: 'westus', edgeZone: 'microsoftlosangeles1', replicas: 3 },
      { name: 'australiaeast', edgeZone: 'perth' },
    ]);
    assert.deepEqual(merged, [{ ...LA, extendedLocationReplicaCount: 3 }, PERTH]);
    // The same count, or none asked: the object is Azure's, untouched.
    assert.deepEqual(mergeExtendedLocations([LA], [{ name: 'West US', edgeZone: 'MICROSOFTLOSANGELES1', replicas: 1 }]), [LA]);
  });

  it('builds added zones from the edit, sending nothing left to Azure\'s default, and drops removed ones', () => {
    assert.deepEqual(mergeExtendedLocations([LA], [{ name: 'australiaeast', edgeZone: 'perth' }]), [{ name: 'australiaeast', extendedLocation: { name: 'perth', type: 'EdgeZone' } }]);
    assert.deepEqual(mergeExtendedLocations([], [{ name: 'West US', edgeZone: 'microsoftlosangeles1', replicas: 2, storageAccountType: 'Premium_LRS' }]), [
      { name: 'westus', extendedLocation: { name: 'microsoftlosangeles1', type: 'EdgeZone' }, extendedLocationReplicaCount: 2, storageAccountType: 'Premium_LRS' },
    ]);
    assert.deepEqual(mergeExtendedLocations([LA, PERTH], []), []);
  });

  it('refuses a storage type change of a replicated edge zone (not updatable)', () => {
    const current = [edgeZoneFromRaw(LA)];
    assert.match(whyEdgeZoneEditsRefused(current, [{ name: 'westus', edgeZone: 'microsoftlosangeles1', storageAccountType: 'Premium_LRS' }]) ?? '', /keeps its storage type StandardSSD_LRS/);
    assert.equal(whyEdgeZoneEditsRefused(current, [{ name: 'westus', edgeZone: 'microsoftlosangeles1', storageAccountType: 'StandardSSD_LRS', replicas: 4 }]), undefined);
    assert.match(whyEdgeZoneEditsRefused(current, [{ name: 'westus', edgeZone: 'new', replicas: 0 }]) ?? '', /^Use 1 to 100 replicas/);
  });

  it('describes added, removed and re-counted zones', () => {
    const current = [edgeZoneFromRaw(LA), edgeZoneFromRaw(PERTH)];
    const c = edgeZoneChanges(current, [{ name: 'westus', edgeZone: 'microsoftlosangeles1', replicas: 2 }, { name: 'eastus', edgeZone: 'z' }]);
    assert.deepEqual(c, { added: ['eastus/z'], removed: ['australiaeast/perth'], counts: [{ zone: 'westus/microsoftlosangeles1', from: 1, to: 2 }] });
    assert.equal(describeEdgeZoneChanges(c), 'adds eastus/z; removes australiaeast/perth (its replicas are deleted); westus/microsoftlosangeles1 1 → 2 replicas');
    assert.equal(hasEdgeZoneChanges(edgeZoneChanges(current, current)), false);
    assert.equal(describeEdgeZoneChanges(edgeZoneChanges(current, current)), 'no change');
    assert.equal(edgeZonesText(current), 'westus/microsoftlosangeles1 ×1 (StandardSSD_LRS), australiaeast/perth ×2');
    assert.equal(edgeZonesText([]), '(none)');
  });

  it('reads replica answers: empty, one number, or edgezone=count pairs', () => {
    const zones = [{ name: 'westus', edgeZone: 'microsoftlosangeles1' }, { name: 'australiaeast', edgeZone: 'perth' }];
    assert.deepEqual(parseEdgeZoneReplicas('', zones), { byZone: new Map() });
    assert.deepEqual(parseEdgeZoneReplicas(' 3 ', zones), { all: 3, byZone: new Map() });
    assert.deepEqual(parseEdgeZoneReplicas('perth=2, westus/microsoftlosangeles1=5', zones), {
      byZone: new Map([['australiaeast/perth', 2], ['westus/microsoftlosangeles1', 5]]),
    });
    assert.match(parseEdgeZoneReplicas('0', zones) as string, /^Use 1 to 100 replicas/);
    assert.match(parseEdgeZoneReplicas('dallas=2', zones) as string, /^dallas is not one of the edge zones/);
    assert.match(parseEdgeZoneReplicas('perth=200', zones) as string, /^Use 1 to 100 replicas in perth/);
    assert.match(parseEdgeZoneReplicas('perth', zones) as string, /^Type one number for every edge zone/);
  });
});

describe('model/imageRules: the Trusted launch opt-out values', () => {
  it('reads None (PowerShell\'s opt-out) as Standard, and sends Standard', async () => {
    const { securityTypeFromFeatures, securityTypeFeature } = await import('../../../src/model/imageRules');
    assert.equal(securityTypeFromFeatures([{ name: 'SecurityType', value: 'None' }]), 'Standard');
    assert.equal(securityTypeFromFeatures([{ name: 'securitytype', value: 'standard' }]), 'Standard');
    assert.deepEqual(securityTypeFeature('Standard'), { name: 'SecurityType', value: 'Standard' });
  });
});
