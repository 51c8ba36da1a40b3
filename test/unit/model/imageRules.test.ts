import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ARCHITECTURES,
  describeSecurityType,
  featuresWithSecurityType,
  HYPERV_GENERATIONS,
  parseArchitecture,
  parseHyperVGeneration,
  parseOsState,
  parseOsType,
  parseSecurityType,
  SECURITY_TYPES,
  securityTypeFromFeatures,
  securityTypeNeedsGen2,
  securityTypesFor,
  sourceFitsDefinition,
  validateDefinitionShape,
  vmGenerationsFromDisks,
  type DefinitionShape,
} from '../../../src/model/imageRules';

const linuxGen2: DefinitionShape = { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunchSupported' };

describe('model/imageRules', () => {
  it('knows the six security types Azure accepts for gallery image definitions', () => {
    assert.deepEqual([...SECURITY_TYPES], [
      'Standard',
      'TrustedLaunchSupported',
      'TrustedLaunch',
      'ConfidentialVmSupported',
      'ConfidentialVM',
      'TrustedLaunchAndConfidentialVmSupported',
    ]);
    assert.equal(new Set(SECURITY_TYPES.map(describeSecurityType)).size, SECURITY_TYPES.length);
  });

  it('parses enum values case-insensitively to their canonical spelling', () => {
    assert.equal(parseOsType('linux'), 'Linux');
    assert.equal(parseOsState('SPECIALIZED'), 'Specialized');
    assert.equal(parseHyperVGeneration('v2'), 'V2');
    assert.equal(parseArchitecture('arm64'), 'Arm64');
    assert.equal(parseSecurityType('ConfidentialVMSupported'), 'ConfidentialVmSupported');
    assert.equal(parseSecurityType('confidentialvm'), 'ConfidentialVM');
    for (const bad of [undefined, '', 'Gen2', 'x86', 'Trusted']) {
      assert.equal(parseHyperVGeneration(bad), undefined);
      assert.equal(parseArchitecture(bad), undefined);
      assert.equal(parseSecurityType(bad), undefined);
    }
  });

  describe('security type features', () => {
    it('reads SecurityType from features, Standard when absent', () => {
      assert.equal(securityTypeFromFeatures([{ name: 'IsAcceleratedNetworkSupported', value: 'true' }, { name: 'securitytype', value: 'TrustedLaunch' }]), 'TrustedLaunch');
      assert.equal(securityTypeFromFeatures([]), 'Standard');
      assert.equal(securityTypeFromFeatures(undefined), 'Standard');
      assert.equal(securityTypeFromFeatures([{ name: 'SecurityType', value: 'Nonsense' }]), 'Standard');
    });

    it('writes SecurityType into features, keeping the others, Standard included (explicit: Azure defaults Gen2 to TrustedLaunchSupported)', () => {
      const base = [{ name: 'IsAcceleratedNetworkSupported', value: 'true' }, { name: 'SecurityType', value: 'TrustedLaunch' }];
      assert.deepEqual(featuresWithSecurityType(base, 'ConfidentialVM'), [
        { name: 'IsAcceleratedNetworkSupported', value: 'true' },
        { name: 'SecurityType', value: 'ConfidentialVM' },
      ]);
      assert.deepEqual(featuresWithSecurityType(base, 'Standard'), [
        { name: 'IsAcceleratedNetworkSupported', value: 'true' },
        { name: 'SecurityType', value: 'Standard' },
      ]);
      assert.deepEqual(featuresWithSecurityType(undefined, 'TrustedLaunch'), [{ name: 'SecurityType', value: 'TrustedLaunch' }]);
      const first = [{ name: 'SecurityType', value: 'Standard', startsAtVersion: '1.0.0' }, { name: 'DiskControllerTypes', value: 'SCSI' }];
      assert.deepEqual(featuresWithSecurityType(first, 'TrustedLaunchSupported'), [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }, { name: 'DiskControllerTypes', value: 'SCSI' }], 'replaced where it stands');
      assert.deepEqual(featuresWithSecurityType(first, 'Standard'), first, 'the same value keeps its startsAtVersion');
    });

    it('round-trips every security type through features (property)', () => {
      fc.assert(
        fc.property(fc.constantFrom(...SECURITY_TYPES), (t) => {
          assert.equal(securityTypeFromFeatures(featuresWithSecurityType([], t)), t);
        }),
      );
    });
  });

  describe('validateDefinitionShape', () => {
    it('refuses every non-Standard security type on Generation 1, with the way out', () => {
      for (const t of SECURITY_TYPES.filter((s) => s !== 'Standard')) {
        const message = validateDefinitionShape({ hyperVGeneration: 'V1', securityType: t }) ?? '';
        assert.match(message, /Generation 2 \(V2\)/, t);
        assert.match(message, /Standard/, t);
        assert.equal(validateDefinitionShape({ hyperVGeneration: 'V2', securityType: t }), undefined, t);
      }
      assert.equal(validateDefinitionShape({ hyperVGeneration: 'V1', securityType: 'Standard' }), undefined);
    });

    it('treats a missing generation as V1, as Azure does', () => {
      assert.notEqual(validateDefinitionShape({ securityType: 'TrustedLaunch' }), undefined);
      assert.notEqual(validateDefinitionShape({ architecture: 'Arm64' }), undefined);
    });

    it('requires V2 for Arm64', () => {
      assert.match(validateDefinitionShape({ hyperVGeneration: 'V1', architecture: 'Arm64' }) ?? '', /Arm64.*Generation 2/);
      assert.equal(validateDefinitionShape({ hyperVGeneration: 'V2', architecture: 'Arm64' }), undefined);
      assert.equal(validateDefinitionShape({ hyperVGeneration: 'V1', architecture: 'x64' }), undefined);
    });

    it('securityTypesFor lists exactly the types the shape check accepts (property)', () => {
      fc.assert(
        fc.property(fc.constantFrom(...HYPERV_GENERATIONS), fc.constantFrom(...SECURITY_TYPES), fc.constantFrom(...ARCHITECTURES), (g, t, a) => {
          const allowed = securityTypesFor(g).includes(t);
          assert.equal(allowed, validateDefinitionShape({ hyperVGeneration: g, securityType: t }) === undefined);
          assert.equal(allowed, g === 'V2' || !securityTypeNeedsGen2(t));
          // Architecture adds its own rule on top: Arm64 is Generation 2 only.
          const shapeOk = validateDefinitionShape({ hyperVGeneration: g, securityType: t, architecture: a }) === undefined;
          assert.equal(shapeOk, allowed && (g === 'V2' || a === 'x64'));
        }),
      );
    });
  });

  describe('sourceFitsDefinition', () => {
    it('accepts a matching source and an unknown one', () => {
      assert.equal(sourceFitsDefinition({ osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunch' }, linuxGen2), undefined);
      assert.equal(sourceFitsDefinition({}, linuxGen2), undefined);
    });

    it('explains an OS type mismatch in the documented words', () => {
      assert.equal(
        sourceFitsDefinition({ osType: 'Linux' }, { osType: 'Windows', osState: 'Generalized' }),
        "OS type Linux does not match the definition's Windows.",
      );
    });

    it('explains state, generation and architecture mismatches', () => {
      assert.match(sourceFitsDefinition({ osState: 'Specialized' }, linuxGen2) ?? '', /specialized.*generalized/);
      assert.match(sourceFitsDefinition({ hyperVGeneration: 'V1' }, linuxGen2) ?? '', /Generation V1 does not match the definition's V2/);
      assert.match(sourceFitsDefinition({ hyperVGeneration: 'V2' }, { osType: 'Linux', osState: 'Generalized' }) ?? '', /definition's V1/);
      assert.match(sourceFitsDefinition({ architecture: 'Arm64' }, linuxGen2) ?? '', /Architecture Arm64 does not match the definition's x64/);
      assert.match(sourceFitsDefinition({ architecture: 'Arm64' }, { osType: 'Linux', osState: 'Generalized' }) ?? '', /x64/);
    });

    it('lists every mismatch, one sentence each', () => {
      const reasons = sourceFitsDefinition({ osType: 'Windows', hyperVGeneration: 'V1', architecture: 'Arm64' }, linuxGen2) ?? '';
      assert.equal(reasons.split('. ').length, 3);
    });

    it('requires a Trusted launch capable definition for a Trusted launch source', () => {
      for (const t of ['TrustedLaunch', 'TrustedLaunchSupported', 'TrustedLaunchAndConfidentialVmSupported'] as const) {
        assert.equal(sourceFitsDefinition({ securityType: 'TrustedLaunch' }, { ...linuxGen2, securityType: t }), undefined, t);
      }
      for (const t of ['Standard', 'ConfidentialVM', 'ConfidentialVmSupported'] as const) {
        assert.match(sourceFitsDefinition({ securityType: 'TrustedLaunch' }, { ...linuxGen2, securityType: t }) ?? '', /Trusted launch/, t);
      }
      assert.match(sourceFitsDefinition({ securityType: 'TrustedLaunch' }, { ...linuxGen2, securityType: undefined }) ?? '', /this one is Standard/);
    });

    it('requires a confidential capable definition for a confidential source', () => {
      for (const t of ['ConfidentialVM', 'ConfidentialVmSupported', 'TrustedLaunchAndConfidentialVmSupported'] as const) {
        assert.equal(sourceFitsDefinition({ securityType: 'ConfidentialVM' }, { ...linuxGen2, securityType: t }), undefined, t);
      }
      for (const t of ['Standard', 'TrustedLaunch', 'TrustedLaunchSupported'] as const) {
        assert.match(sourceFitsDefinition({ securityType: 'ConfidentialVM' }, { ...linuxGen2, securityType: t }) ?? '', /confidential/, t);
      }
    });

    it('lets a Standard source into any definition but a confidential VM one (as the local Azure does)', () => {
      for (const t of SECURITY_TYPES.filter((x) => x !== 'ConfidentialVM')) assert.equal(sourceFitsDefinition({ securityType: 'Standard' }, { ...linuxGen2, securityType: t }), undefined, t);
      assert.match(sourceFitsDefinition({ securityType: 'Standard' }, { ...linuxGen2, securityType: 'ConfidentialVM' }) ?? '', /confidential VM sources only/);
    });
  });

  describe('vmGenerationsFromDisks', () => {
    const RG = '/subscriptions/s/resourceGroups/rg-builds/providers/Microsoft.Compute/disks';
    const disks = [
      { id: `${RG}/vm-gen2_OsDisk_1_abc`, hyperVGeneration: 'V2' },
      { id: `${RG}/vm-gen1_OsDisk_1_def`, hyperVGeneration: 'v1' },
      { id: `${RG}/vm-legacy_OsDisk_1_123` },
      { hyperVGeneration: 'V2' },
    ];
    const generationOf = vmGenerationsFromDisks(disks);

    it("reads a VM's generation from its OS disk, matching ids case-insensitively", () => {
      assert.deepEqual(generationOf(`${RG}/vm-gen2_OsDisk_1_abc`), { generation: 'V2' });
      assert.deepEqual(generationOf(`${RG}/VM-GEN1_OSDISK_1_DEF`), { generation: 'V1' });
      assert.deepEqual(generationOf(`${RG.toUpperCase()}/vm-gen2_osdisk_1_ABC`), { generation: 'V2' }, 'the whole id, any case');
    });

    it('says the generation is unknown, and why, instead of guessing', () => {
      const notListed = generationOf(`${RG}/elsewhere_OsDisk`);
      assert.equal(notListed.generation, undefined);
      assert.match(notListed.unknown ?? '', /^Generation unknown: the VM's OS disk is not among the disks listed \(it may be in a resource group you cannot read\)\. Azure checks it/);
      const notStated = generationOf(`${RG}/vm-legacy_OsDisk_1_123`);
      assert.equal(notStated.generation, undefined);
      assert.match(notStated.unknown ?? '', /OS disk does not state one/);
      const unmanaged = generationOf(undefined);
      assert.equal(unmanaged.generation, undefined);
      assert.match(unmanaged.unknown ?? '', /no managed OS disk/);
      assert.match(vmGenerationsFromDisks([])(`${RG}/vm-gen2_OsDisk_1_abc`).unknown ?? '', /not among the disks listed/);
    });

    it("feeds sourceFitsDefinition: a known generation is compared with the definition's, an unknown one is left to Azure", () => {
      const gen1Vm = { osType: 'Linux' as const, hyperVGeneration: generationOf(`${RG}/vm-gen1_OsDisk_1_def`).generation };
      assert.match(sourceFitsDefinition(gen1Vm, linuxGen2) ?? '', /Generation V1 does not match the definition's V2/);
      assert.equal(sourceFitsDefinition(gen1Vm, { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V1' }), undefined);
      const gen2Vm = { osType: 'Linux' as const, hyperVGeneration: generationOf(`${RG}/vm-gen2_OsDisk_1_abc`).generation };
      assert.equal(sourceFitsDefinition(gen2Vm, linuxGen2), undefined);
      const unknownVm = { osType: 'Linux' as const, hyperVGeneration: generationOf(`${RG}/elsewhere`).generation };
      assert.equal(sourceFitsDefinition(unknownVm, linuxGen2), undefined);
    });

    it('answers for every disk listed, whatever the case of its id (property)', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z0-9_-]{1,20}$/), fc.constantFrom(...HYPERV_GENERATIONS)), { maxLength: 20 }), (entries) => {
          const unique = [...new Map(entries.map(([name, g]) => [name, g])).entries()];
          const lookup = vmGenerationsFromDisks(unique.map(([name, g]) => ({ id: `${RG}/${name}`, hyperVGeneration: g })));
          for (const [name, g] of unique) {
            assert.deepEqual(lookup(`${RG}/${name}`.toUpperCase()), { generation: g });
          }
        }),
      );
    });
  });
});
