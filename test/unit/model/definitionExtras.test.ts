// Issue 13: the security type sent explicitly, definition features, tags and link warnings.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ARCHITECTURES, HYPERV_GENERATIONS, SECURITY_TYPES, azureDefaultSecurityType, securityTypeFeature, securityTypeFromFeatures, sourceFitsDefinition } from '../../../src/model/imageRules';
import {
  describeFeatures,
  featureEntries,
  featuresFrom,
  featuresWith,
  parseDiskControllerTypes,
  sameFeatures,
  validateFeatureValue,
} from '../../../src/model/definitionFeatures';
import { MAX_TAGS, describeTagChanges, parseTagsText, tagChanges, tagsToText, validateTagName, validateTags } from '../../../src/model/tags';
import { linkWarning } from '../../../src/model/urls';
import { validateOptionalLink } from '../../../src/model/updateRules';

describe('security type sent explicitly', () => {
  it("Azure's default: TrustedLaunchSupported for Generation 2 x64, Standard otherwise", () => {
    assert.equal(azureDefaultSecurityType('V2'), 'TrustedLaunchSupported');
    assert.equal(azureDefaultSecurityType('V2', 'x64'), 'TrustedLaunchSupported');
    assert.equal(azureDefaultSecurityType('V2', 'Arm64'), 'TrustedLaunchSupported', 'Trusted launch supports Arm64');
    assert.equal(azureDefaultSecurityType('V1'), 'Standard');
  });

  it('every choice, Standard included, becomes a SecurityType feature that reads back as the choice (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SECURITY_TYPES), (t) => {
        const f = securityTypeFeature(t);
        assert.equal(f.name, 'SecurityType');
        assert.equal(f.value, t);
        assert.equal(securityTypeFromFeatures([f]), t);
      }),
    );
  });

  it('a Trusted launch supported definition takes Standard and Trusted launch sources, not confidential ones', () => {
    const d = { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' } as const;
    assert.equal(sourceFitsDefinition({ securityType: 'Standard' }, d), undefined);
    assert.equal(sourceFitsDefinition({ securityType: 'TrustedLaunch' }, d), undefined);
    assert.match(sourceFitsDefinition({ securityType: 'ConfidentialVM' }, d) ?? '', /confidential/);
  });

  it('a confidential VM definition refuses a Standard source; the Supported kinds take it', () => {
    const base = { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' } as const;
    assert.match(sourceFitsDefinition({ securityType: 'Standard' }, { ...base, securityType: 'ConfidentialVM' }) ?? '', /confidential VM sources only/);
    for (const t of ['ConfidentialVmSupported', 'TrustedLaunchAndConfidentialVmSupported', 'TrustedLaunch', 'Standard'] as const) {
      assert.equal(sourceFitsDefinition({ securityType: 'Standard' }, { ...base, securityType: t }), undefined, t);
    }
  });

  it('generations and architectures: the default never needs a generation the definition lacks', () => {
    for (const g of HYPERV_GENERATIONS) for (const a of ARCHITECTURES) assert.ok(g === 'V2' || azureDefaultSecurityType(g, a) === 'Standard');
  });
});

describe('definition features', () => {
  it('reads disk controllers in any spelling Azure returns', () => {
    assert.equal(parseDiskControllerTypes('SCSI'), 'SCSI');
    assert.equal(parseDiskControllerTypes('SCSI,NVMe'), 'SCSI, NVMe');
    assert.equal(parseDiskControllerTypes('nvme, scsi'), 'SCSI, NVMe');
    for (const bad of [undefined, '', 'NVMe, NVMe', 'IDE', 'SCSI, NVMe, IDE']) assert.equal(parseDiskControllerTypes(bad), undefined, String(bad));
  });

  it('writes the chosen features and reads them back (property)', () => {
    const chosen = fc.record({ diskControllerTypes: fc.constantFrom('SCSI' as const, 'SCSI, NVMe' as const), acceleratedNetworking: fc.boolean(), hibernation: fc.boolean() }, { requiredKeys: [] });
    fc.assert(fc.property(chosen, (c) => assert.deepEqual(featuresFrom(featureEntries(c)), { ...c })));
  });

  it('a change replaces only the named features and keeps the security type, unknown features and startsAtVersion', () => {
    const current = [
      { name: 'SecurityType', value: 'TrustedLaunchSupported' },
      { name: 'DiskControllerTypes', value: 'SCSI', startsAtVersion: '1.0.0' },
      { name: 'IsAcceleratedNetworkSupported', value: 'True' },
      { name: 'SomethingNew', value: 'x' },
    ];
    const next = featuresWith(current, { diskControllerTypes: 'SCSI, NVMe', hibernation: true });
    assert.deepEqual(next, [
      { name: 'SecurityType', value: 'TrustedLaunchSupported' },
      { name: 'DiskControllerTypes', value: 'SCSI, NVMe' },
      { name: 'IsAcceleratedNetworkSupported', value: 'True' },
      { name: 'SomethingNew', value: 'x' },
      { name: 'IsHibernateSupported', value: 'true' },
    ], 'a changed feature stays where it was; a new one goes last');
    assert.deepEqual(featuresWith(current, { diskControllerTypes: 'SCSI' }), current, 'an unchanged value keeps its startsAtVersion');
    const removed = featuresWith(current, { acceleratedNetworking: undefined });
    assert.equal(removed.some((f) => f.name === 'IsAcceleratedNetworkSupported'), false, 'a key given as undefined removes the feature');
    assert.ok(sameFeatures(current, featuresWith(current, {})));
    assert.ok(!sameFeatures(current, next));
  });

  it('feature values: letters, digits, spaces and commas, at most 100 characters', () => {
    assert.equal(validateFeatureValue('SCSI, NVMe'), undefined);
    assert.match(validateFeatureValue('SCSI;NVMe') ?? '', /^Use only letters/);
    assert.match(validateFeatureValue('a'.repeat(101)) ?? '', /^Shorten/);
  });

  it('describes features for summaries', () => {
    assert.equal(describeFeatures({ diskControllerTypes: 'SCSI, NVMe', acceleratedNetworking: true, hibernation: false }), 'SCSI and NVMe disk controllers · accelerated networking · no hibernation');
    assert.equal(describeFeatures({}), '');
  });
});

describe('tags', () => {
  it('names: not empty, up to 512, none of < > % & \\ ? / or control characters', () => {
    assert.equal(validateTagName('environment'), undefined);
    assert.equal(validateTagName('a'.repeat(512)), undefined);
    assert.match(validateTagName('a'.repeat(513)) ?? '', /^Shorten the tag name to 512/);
    for (const c of ['<', '>', '%', '&', '\\', '?', '/']) assert.match(validateTagName(`cost${c}center`) ?? '', /^Remove/, c);
    assert.match(validateTagName('a\tb') ?? '', /control characters/);
    assert.match(validateTagName(' ') ?? '', /^Enter a tag name/);
  });

  it('values up to 256, at most 50 tags; the text form refuses a name given twice (any case)', () => {
    assert.equal(validateTags({ a: 'v'.repeat(256) }), undefined);
    assert.match(validateTags({ a: 'v'.repeat(257) }) ?? '', /^Shorten the value of tag "a" to 256/);
    const many = Object.fromEntries(Array.from({ length: MAX_TAGS + 1 }, (_, i) => [`t${i}`, '']));
    assert.match(validateTags(many) ?? '', /^Remove 1 tags/);
  });

  it('text form: name=value pairs separated by ";" or new lines, round-tripping (property)', () => {
    assert.deepEqual(parseTagsText('environment=production; owner = platform team ;;\nempty'), { tags: { environment: 'production', owner: 'platform team', empty: '' } });
    assert.deepEqual(parseTagsText(''), { tags: {} });
    assert.deepEqual(parseTagsText('url=https://x?a=b'), { tags: { url: 'https://x?a=b' } });
    assert.match(parseTagsText('a/b=1').problem ?? '', /^Remove "\/"/);
    assert.match(parseTagsText('a=1; A=2').problem ?? '', /^Keep one/);
    const name = fc.string({ unit: fc.constantFrom(...'abcXYZ09-_. :'.split('')), minLength: 1, maxLength: 20 }).filter((n) => n.trim() === n && n !== '');
    const value = fc.string({ unit: fc.constantFrom(...'abc09-_. :=/'.split('')), maxLength: 20 }).filter((v) => v.trim() === v);
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 8 }), (tags) => {
        fc.pre(new Set(Object.keys(tags).map((k) => k.toLowerCase())).size === Object.keys(tags).length);
        assert.deepEqual(parseTagsText(tagsToText(tags)), { tags: { ...tags } });
      }),
    );
  });

  it('says what changes, names compared ignoring case', () => {
    const c = tagChanges({ env: 'dev', owner: 'a', gone: 'x' }, { env: 'prod', owner: 'a', added: 'y' });
    assert.deepEqual(c, { added: ['added'], removed: ['gone'], changed: ['env'] });
    assert.equal(describeTagChanges(c), 'adds added; changes env; removes gone');
    assert.equal(describeTagChanges(tagChanges({ a: '1' }, { a: '1' })), 'no change');
  });
});

describe('links Azure stores as text', () => {
  it('nothing blocks; anything but a plain https:// address is a warning', () => {
    for (const v of ['', 'https://www.contoso.com/eula', 'http://www.contoso.com/eula', 'Plain-text EULA', 'https://user:pw@contoso.com/']) {
      assert.equal(validateOptionalLink(v, 'EULA link', 'https://www.contoso.com/eula'), undefined, v);
    }
    assert.equal(linkWarning('', 'EULA link', 'https://www.contoso.com/eula'), undefined);
    assert.equal(linkWarning('https://www.contoso.com/eula', 'EULA link', 'https://www.contoso.com/eula'), undefined);
    assert.match(linkWarning('http://www.contoso.com/eula', 'EULA link', 'https://www.contoso.com/eula') ?? '', /takes this http:\/\/ link/);
    assert.match(linkWarning('Plain-text EULA', 'EULA link', 'https://www.contoso.com/eula') ?? '', /not a web link/);
    assert.match(linkWarning('https://user:pw@contoso.com/', 'EULA link', 'https://www.contoso.com/eula') ?? '', /password/);
  });
});
