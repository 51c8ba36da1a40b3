// Issue 8, input agreement: the extension's validators (src/model) and the local Azure's rules
// must accept and refuse exactly the same inputs, and every refusal must say what to type instead.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PRODUCTION_SUBSCRIPTION_ID, RICH_IDS } from '../emulator/index';
import { imageVersionBody } from '../../src/azure/createImageVersion';
import { validateDataDisks, validateRegionEncryption, validateSafety, type EncryptionSetRef, type RegionEncryption } from '../../src/model/versionContent';
import type { RunningEmulator } from '../emulator/index';
import { ARTIFACT_NAME, GALLERY_NAME, checkVersionName, isValidIdentifierPart } from '../emulator/compute/rules';
import { validateGalleryName, validateImageDefinitionName, validateOffer, validatePublisher, validateSku } from '../../src/model/names';
import { validateImageVersionName } from '../../src/model/versions';
import { normalizeGuid, validateGuidList } from '../../src/model/guids';
import { GUID } from '../emulator/compute/sharing';
import { normalizePublishing } from '../emulator/compute/publishing';
import { SUPPORTED_LOCATIONS } from '../emulator/arm/apiVersions';
import { validateTargetRegions, type TargetRegion } from '../../src/model/replication';
import { validateLegalAgreementUri, validatePublisherEmail, validatePublisherUri } from '../../src/model/communityInfo';
import { validateOptionalLink } from '../../src/model/updateRules';
import { checkCommunityInfo } from '../emulator/compute/galleries';
import { checkOptionalLink, checkTags } from '../emulator/compute/rules';
import { linkWarning, checkHttpsUrl } from '../../src/model/urls';
import { validateTags } from '../../src/model/tags';
import { validateEdgeZones } from '../../src/model/edgeZones';
import { validateFeatureValue } from '../../src/model/definitionFeatures';
import { imageKind } from '../emulator/compute/images';
import { computeClient, credentialFor, POLL, raw, startFast } from './helpers';

const RUNS = 3000;
// Instructions, not complaints: each message starts by telling the user what to do.
const INSTRUCTION = /^(Use|Enter|Remove|Start|End|Shorten|Keep|Write|Fill in|Type|Add|Replace|Choose|Fix|Give|List)\b/;
// A warning (the value is taken) opens by saying so, then advises.
const WARNING = /^Azure takes this\b/;

const chars = (extra: string) => fc.constantFrom(...`aZ09._-${extra}`.split(''));
const text = (extra: string, maxLength: number) =>
  fc.oneof(
    fc.string({ unit: chars(extra), maxLength }),
    // Lengths around the limits, where the rules are easiest to get wrong.
    fc.integer({ min: 60, max: 140 }).chain((n) => fc.string({ unit: chars(''), minLength: n, maxLength: n })),
  );

const tally = { compared: 0, disagreements: [] as string[] };

/** `example`: what every refusal must show the user to type instead (for fields with a free form). */
function agree(what: string, input: string, modelMessage: string | undefined, azureAccepts: boolean, example?: string): void {
  tally.compared++;
  if ((modelMessage === undefined) !== azureAccepts) {
    tally.disagreements.push(`${what} ${JSON.stringify(input)}: model ${modelMessage ? 'refuses' : 'accepts'}, Azure ${azureAccepts ? 'accepts' : 'refuses'}`);
  }
  if (modelMessage !== undefined) {
    assert.match(modelMessage, INSTRUCTION, `${what} ${JSON.stringify(input)}: "${modelMessage}" says what to do`);
    if (example !== undefined) assert.ok(modelMessage.includes(`for example ${example}`), `${what} ${JSON.stringify(input)}: "${modelMessage}" shows ${example}`);
  }
}

// ---- URLs: well-formed ones, and every way a pasted link goes wrong --------------------------------
const pad = fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', '\u200b') });
const scheme = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('https://', 'HTTPS://', 'Https://') },
  { weight: 4, arbitrary: fc.constantFrom('http://', 'ftp://', 'file://', '', '//', 'https:', 'https:/', 'https:///', 'https:\\\\', 'https:/\\', 'mailto:', 'javascript:', 'www.', 'https//', 'htps://') },
);
const userInfo = fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('user@', 'user:pw@', ':@', '@', 'a b@', 'www.contoso.com@') });
const longLabel = fc.integer({ min: 50, max: 300 }).map((n) => `${'a'.repeat(n)}.com`);
const host = fc.oneof(
  fc.constantFrom(
    'www.contoso.com', 'contoso.com', 'images.contoso.example', 'contoso', 'localhost', 'intranet', 'bücher.de', '例え.jp', 'xn--bcher-kva.de',
    'мойсайт.рф', '127.0.0.1', '10.0.0.1', '[::1]', '[2001:db8::1]', '', '.', 'contoso..com', '-contoso.com', 'contoso-.com', 'contoso.com.', 'con toso.com',
    'contoso_com.example', '%41.example', 'a.b', 'exa%20mple.com', 'contoso.com\u00a0', 'ｗｗｗ.contoso.com', 'contoso.com%00', '[::1', 'user@contoso.com', '1.2.3', '0x7f.1', '192.168.0.1.', 'a.123', '[::ffff:1.2.3.4]', '999.1.1.1', 'www.contoso.com.', '..contoso.com',
  ),
  fc.domain(),
  longLabel,
);
const port = fc.constantFrom('', '', '', '', '', '', ':443', ':8443', ':0', ':65535', ':65536', ':99999', ':abc', ':', ':-1');
const longPath = fc.integer({ min: 200, max: 4000 }).map((n) => `/${'x'.repeat(n)}`);
const path = fc.oneof(fc.constantFrom('', '', '/', '/', '/eula', '/eula', '/legal/eula.html', '/legal/terms.html', '/legal terms', '/ünï/cødé', '/%20', '/../x', '/a\\b', '/%', '/%zz'), fc.webPath(), longPath);
const query = fc.constantFrom('', '', '', '?v=2', '?q= x', '?a=1&b=2', '?', '?ü=1');
const fragment = fc.constantFrom('', '', '', '#terms', '#', '#a b', '#ü', '##');
const composedUrl = fc.tuple(pad, scheme, userInfo, host, port, path, query, fragment, pad).map((p) => p.join(''));
/** A generated URL with one character put in, taken out or swapped. */
const mutatedUrl = fc
  .tuple(fc.webUrl({ validSchemes: ['https', 'http'], withFragments: true, withQueryParameters: true }), fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(' ', '@', ':', '/', '.', '#', '%', 'é', '\u0000', '\\', '[', '"'))
  .map(([u, at, op, c]) => {
    const i = at % (u.length + 1);
    return op === 'insert' ? u.slice(0, i) + c + u.slice(i) : op === 'delete' ? u.slice(0, i) + u.slice(i + 1) : u.slice(0, i) + c + u.slice(i + 1);
  });
const url = fc.oneof(
  { weight: 5, arbitrary: composedUrl },
  { weight: 2, arbitrary: fc.webUrl({ validSchemes: ['https', 'http', 'ftp'], withFragments: true, withQueryParameters: true }) },
  { weight: 2, arbitrary: mutatedUrl },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

// ---- E-mail addresses -------------------------------------------------------------------------------
const localPart = fc.oneof(
  fc.constantFrom('support', 'first.last', 'a', 'x+tag', "o'brien", 'user_name', 'a-b', '!#$%&*+/=?^`{|}~', '', '.support', 'support.', 'sup..port', 'sup port', 'süpport', '"quoted"', 'a@b', 'тест', '(comment)'),
  fc.integer({ min: 55, max: 75 }).map((n) => 'l'.repeat(n)),
  fc.string({ unit: fc.constantFrom(...'ab9.-_+!@ é"'.split('')), maxLength: 20 }),
);
const emailDomain = fc.oneof(
  fc.constantFrom(
    'contoso.com', 'images.contoso.example', 'contoso', 'contoso.c', 'contoso.co', 'contoso.123', '-contoso.com', 'contoso-.com', 'contoso..com', 'contoso.com.', '.contoso.com',
    'con toso.com', 'bücher.de', 'xn--bcher-kva.de', '[127.0.0.1]', '127.0.0.1', 'contoso_mail.com', '', 'contoso.com ', 'c.museum', `${'d'.repeat(63)}.com`, `${'d'.repeat(64)}.com`,
  ),
  fc.domain(),
  fc.integer({ min: 10, max: 30 }).map((n) => `${Array.from({ length: n }, (_, i) => `label${i}`).join('.')}.com`),
);
const at = fc.constantFrom('@', '@', '@', '@', '', '@@', ' @ ', '＠');
const composedEmail = fc.tuple(pad, localPart, at, emailDomain, pad).map((p) => p.join(''));
/** A generated address with one character put in, taken out or swapped. */
const mutatedEmail = fc
  .tuple(fc.emailAddress(), fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(' ', '@', '.', '-', 'é', ',', ';', '<', '"'))
  .map(([e, i0, op, c]) => {
    const i = i0 % (e.length + 1);
    return op === 'insert' ? e.slice(0, i) + c + e.slice(i) : op === 'delete' ? e.slice(0, i) + e.slice(i + 1) : e.slice(0, i) + c + e.slice(i + 1);
  });
const email = fc.oneof(
  { weight: 5, arbitrary: composedEmail },
  { weight: 2, arbitrary: fc.emailAddress() },
  { weight: 2, arbitrary: mutatedEmail },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const VALID_COMMUNITY = { publisherUri: 'https://www.contoso.com/', publisherContact: 'support@contoso.com', eula: 'https://www.contoso.com/eula', publicNamePrefix: 'Contoso1' };
/** The local Azure's community-info rule, as a gallery PUT runs it, with one field replaced. */
const communityAccepts = (field: keyof typeof VALID_COMMUNITY, value: string) => azureAccepts(() => checkCommunityInfo({ ...VALID_COMMUNITY, [field]: value }, undefined));

function azureAccepts(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

describe('input agreement: the extension\'s validators and the local Azure\'s rules', () => {
  after(() => {
    console.log(`      inputs compared: ${tally.compared}; disagreements: ${tally.disagreements.length}`);
  });

  it('gallery names', () => {
    fc.assert(fc.property(text(' -/é', 90), (name) => agree('gallery', name, validateGalleryName(name), GALLERY_NAME.test(name))), { numRuns: RUNS });
    assert.deepEqual(tally.disagreements, []);
  });

  it('image definition names', () => {
    fc.assert(fc.property(text(' /é#', 90), (name) => agree('definition', name, validateImageDefinitionName(name), ARTIFACT_NAME.test(name))), { numRuns: RUNS });
    assert.deepEqual(tally.disagreements, []);
  });

  it('image version names', () => {
    const part = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 32 }).map(String),
      fc.constantFrom('', '0', '00', '007', '2147483647', '2147483648', '0000000000002147483647', '-1', '+1', ' 1', 'a', '1e3'),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const name = parts.join('.');
        agree('version', name, validateImageVersionName(name), azureAccepts(() => checkVersionName(name, 'name')));
      }),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  it('publisher, offer and SKU', () => {
    const validators = { publisher: validatePublisher, offer: validateOffer, sku: validateSku } as const;
    fc.assert(
      fc.property(fc.constantFrom('publisher', 'offer', 'sku' as const), text(' /é', 140), (part, value) =>
        agree(part, value, validators[part](value), isValidIdentifierPart(part, value)),
      ),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  it('subscription and tenant ids (GUIDs) for direct sharing: what the extension sends, Azure accepts', () => {
    const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFgx'.split('')), minLength: n, maxLength: n });
    const guidLike = fc.tuple(hex(8), hex(4), hex(4), hex(4), fc.oneof(hex(12), hex(11), hex(13))).map((p) => p.join('-'));
    const piece = fc.oneof(guidLike, guidLike.map((g) => `{${g}}`), guidLike.map((g) => g.replace(/-/g, '')), fc.string({ maxLength: 40 }).filter((t) => !/[\s,;]/.test(t) && t.length > 0));
    fc.assert(
      fc.property(piece, (text) => {
        const sent = normalizeGuid(text);
        agree('guid', text, validateGuidList(text), sent !== undefined && GUID.test(sent));
      }),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  it('target region lists (names, replica counts, storage types, the source region)', () => {
    const region = fc.oneof(fc.constantFrom(...SUPPORTED_LOCATIONS), fc.constantFrom('East US', 'westeurope ', 'marsnorth', 'west-us', ''));
    const target = fc.record({
      name: region,
      regionalReplicaCount: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(0, 101, 2.5, -1)),
      storageAccountType: fc.constantFrom('Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'Premium_ZRS', 'standard'),
    });
    fc.assert(
      // Storage types outside the model's three are deliberately wrong values here.
      fc.property(fc.array(target, { minLength: 1, maxLength: 6 }) as fc.Arbitrary<TargetRegion[]>, fc.constantFrom(...SUPPORTED_LOCATIONS), (targets, source) => {
        const accepted = azureAccepts(() =>
          normalizePublishing({ targetRegions: targets.map((t) => ({ ...t })) }, source, 'galleryImageVersion', new Date().toISOString(), 'Microsoft.Compute/galleries/images/versions'),
        );
        agree('regions', JSON.stringify({ source, targets }), validateTargetRegions(targets, source, SUPPORTED_LOCATIONS), accepted);
      }),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements.slice(0, 5), []);
  });

  it('edge zones (region, edge zone, replicas, edge-zone storage types)', () => {
    const zone = fc.record({
      name: fc.oneof(fc.constantFrom(...SUPPORTED_LOCATIONS), fc.constantFrom('West US', 'marsnorth', 'west-us', '')),
      edgeZone: fc.oneof(fc.constantFrom('microsoftlosangeles1', 'perth'), fc.constantFrom('', ' ')),
      replicas: fc.option(fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(0, 101, 2.5)), { nil: undefined }),
      storageAccountType: fc.option(fc.constantFrom('Standard_LRS', 'Standard_ZRS', 'StandardSSD_LRS', 'Premium_LRS', 'standardssd_lrs', 'PremiumV2_LRS', 'Premium_ZRS'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(zone, { maxLength: 4 }), (zones) => {
        const body = imageVersionBody({ location: 'eastus', source: { kind: 'image', id: 'x' }, targetRegions: [{ name: 'eastus', regionalReplicaCount: 1 }], replicaCount: 1, excludeFromLatest: false, targetExtendedLocations: zones });
        const accepted = azureAccepts(() =>
          normalizePublishing(body.publishingProfile as unknown as Record<string, never>, 'eastus', 'galleryImageVersion', new Date().toISOString(), 'Microsoft.Compute/galleries/images/versions', { imageVersion: true }),
        );
        agree('edge zones', JSON.stringify(zones), validateEdgeZones(zones, SUPPORTED_LOCATIONS), accepted);
      }),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements.slice(0, 5), []);
  });

  it('URLs: the community gallery\'s publisher website and legal agreement link', () => {
    const fields = {
      publisherUri: { validate: validatePublisherUri, example: 'https://www.contoso.com/' },
      eula: { validate: validateLegalAgreementUri, example: 'https://www.contoso.com/eula' },
    } as const;
    fc.assert(
      fc.property(fc.constantFrom('publisherUri', 'eula' as const), url, (field, value) =>
        agree(`community ${field}`, value, fields[field].validate(value), communityAccepts(field, value), fields[field].example),
      ),
      { numRuns: RUNS * 2 },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  it('URLs: an image definition\'s EULA, privacy statement and release notes links (create, and update as typed)', () => {
    const examples = { eula: 'https://www.contoso.com/eula', privacyStatementUri: 'https://www.contoso.com/privacy', releaseNoteUri: 'https://www.contoso.com/release-notes' } as const;
    fc.assert(
      fc.property(fc.constantFrom('eula', 'privacyStatementUri', 'releaseNoteUri' as const), fc.boolean(), url, (field, update, value) => {
        const example = examples[field];
        const target = `galleryImage.properties.${field}`;
        if (update) {
          // Update Image Definition reads the field trimmed, and an empty value removes the link.
          const sent = value.trim();
          agree(`update ${field}`, value, validateOptionalLink(value, field, example), azureAccepts(() => checkOptionalLink(sent, target)), example);
        } else {
          // Create Image Definition sends what was typed; an empty field sends nothing.
          agree(`create ${field}`, value, validateOptionalLink(value, field, example, { whenEmpty: '', trim: false }), azureAccepts(() => checkOptionalLink(value, target)), example);
        }
        // Azure takes any text: the extension warns exactly when it is not a plain https:// address.
        const warning = linkWarning(value, field, example);
        const plain = value.trim() === '' || checkHttpsUrl(value.trim()).problem === undefined;
        assert.equal(warning === undefined, plain, `${field} ${JSON.stringify(value)}: warning ${JSON.stringify(warning)}`);
        if (warning) assert.match(warning, WARNING);
      }),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  it('tags: names, values and counts on galleries, definitions and versions', () => {
    const tagName = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'aZ09 -_.:<>%&\\?/\t\u007fé'.split('')), maxLength: 12 }),
      fc.integer({ min: 505, max: 520 }).map((n) => 'n'.repeat(n)),
    );
    const tagValue = fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: 250, max: 262 }).map((n) => 'v'.repeat(n)));
    const tags = fc.oneof(
      fc.dictionary(tagName, tagValue, { maxKeys: 6 }),
      fc.integer({ min: 48, max: 53 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']))),
    );
    fc.assert(
      fc.property(tags, (t) => agree('tags', JSON.stringify(t).slice(0, 200), validateTags({ ...t }), azureAccepts(() => checkTags({ ...t })))),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  it('definition feature values (disk controllers and the rest): what the extension sends, Azure takes', () => {
    const value = fc.oneof(
      fc.constantFrom('SCSI', 'SCSI, NVMe', 'true', 'false', 'TrustedLaunchSupported', 'SCSI,NVMe', 'SCSI;NVMe', 'a-b', ''),
      fc.string({ unit: fc.constantFrom(...'aZ09 ,;-_.é'.split('')), maxLength: 12 }),
      fc.integer({ min: 95, max: 105 }).map((n) => 'a'.repeat(n)),
    );
    fc.assert(
      fc.property(value, (v) => {
        const properties = { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', identifier: { publisher: 'p', offer: 'o', sku: 's' }, features: [{ name: 'DiskControllerTypes', value: v }] };
        const accepted = azureAccepts(() => imageKind.prepare({ properties, existing: { properties: { ...properties } } } as unknown as Parameters<typeof imageKind.prepare>[0]));
        agree('feature value', v, validateFeatureValue(v), accepted);
      }),
      { numRuns: RUNS },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  it('e-mail addresses: the community gallery\'s publisher contact', () => {
    fc.assert(
      fc.property(email, (value) => agree('publisherContact', value, validatePublisherEmail(value), communityAccepts('publisherContact', value), 'support@contoso.com')),
      { numRuns: RUNS * 2 },
    );
    assert.deepEqual(tally.disagreements, []);
  });

  describe('through the real SDK and HTTPS', () => {
    let emu: RunningEmulator;
    before(async () => {
      emu = await startFast({ seed: 'empty', recordTraffic: false });
      // Resource groups must exist first: create one over HTTPS as the SDK would.
      const token = (await credentialFor(emu).getToken(`${emu.url}/.default`))!.token;
      await raw(emu, 'PUT', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups/rg-agree?api-version=2021-04-01`, { token, body: { location: 'eastus' } });
    });
    after(() => emu.stop());

    it('the server answers gallery names exactly as the model predicts (a sample of 60)', async () => {
      const client = computeClient(emu, PRODUCTION_SUBSCRIPTION_ID);
      const samples = fc.sample(text(' -', 85), { numRuns: 60, seed: 42 }).filter((n) => n.length > 0 && !/[ ]/.test(n));
      for (const [i, name] of samples.entries()) {
        let accepted = true;
        let code = '';
        try {
          await client.galleries.createOrUpdate('rg-agree', name, { location: 'eastus' }, POLL).pollUntilDone();
        } catch (error) {
          accepted = false;
          code = (error as { code?: string }).code ?? '';
        }
        // A valid name taken earlier in the sample (names differ only in case) is a conflict, not a refusal.
        if (!accepted && code !== 'InvalidParameter') continue;
        agree(`gallery #${i} (HTTP)`, name, validateGalleryName(name), accepted);
      }
      assert.deepEqual(tally.disagreements, []);
    });

    it('the server answers community gallery links and e-mail addresses as the model predicts (a sample of 40)', async () => {
      const client = computeClient(emu, PRODUCTION_SUBSCRIPTION_ID);
      const urls = fc.sample(url, { numRuns: 20, seed: 7 }).map((v) => ['publisherUri', v] as const);
      const emails = fc.sample(email, { numRuns: 20, seed: 7 }).map((v) => ['publisherContact', v] as const);
      let refused = 0;
      for (const [i, [field, value]] of [...urls, ...emails].entries()) {
        const info = { ...VALID_COMMUNITY, [field]: value };
        let accepted = true;
        try {
          await client.galleries
            .createOrUpdate('rg-agree', `community_agree_${i}`, { location: 'eastus', sharingProfile: { permissions: 'Community', communityGalleryInfo: info } }, POLL)
            .pollUntilDone();
        } catch (error) {
          accepted = false;
          assert.equal((error as { code?: string }).code, 'InvalidParameter', `${field} ${JSON.stringify(value)}`);
          refused++;
        }
        const validate = field === 'publisherUri' ? validatePublisherUri : validatePublisherEmail;
        agree(`community ${field} #${i} (HTTP)`, value, validate(value), accepted);
      }
      assert.ok(refused > 0 && refused < 40, `the sample has both good and bad values (${refused} refused)`);
      assert.deepEqual(tally.disagreements, []);
    });
  });
});

// Issue 13: what Create Image Version checks before sending an image with data disks, per-region
// encryption and a safety profile (src/model/versionContent.ts) against what the local Azure
// refuses, request by request over HTTPS with the extension's own request body (imageVersionBody).
describe('Input agreement: data disks, encryption per region, safety (model vs local Azure, HTTPS)', () => {
  const P = PRODUCTION_SUBSCRIPTION_ID;
  const UBUNTU = { rg: 'rg-images', gallery: 'contoso_images', image: 'ubuntu-22.04-lts' };
  // Mostly good values, each with its ways to go wrong.
  const luns = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 63) }, { weight: 1, arbitrary: fc.constant(64) }, { weight: 1, arbitrary: fc.constant(-1) });
  const dataSources = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(RICH_IDS.dataSnapshotLun0, RICH_IDS.dataSnapshotLun1, RICH_IDS.dataDisk) },
    { weight: 1, arbitrary: fc.constant(RICH_IDS.osSnapshot) },
  );
  const badSet = fc.constantFrom(
    RICH_IDS.desOtherSubscription,
    `/subscriptions/${P}/resourceGroups/rg-security/providers/Microsoft.Compute/diskEncryptionSets/des-missing`,
    'des-eastus',
  );
  const setIn = (region: 'eastus' | 'westeurope') =>
    fc.oneof(
      { weight: 8, arbitrary: region === 'eastus' ? fc.constantFrom(RICH_IDS.desEastus, RICH_IDS.desEastusData) : fc.constant(RICH_IDS.desWesteurope) },
      { weight: 1, arbitrary: fc.constant(region === 'eastus' ? RICH_IDS.desWesteurope : RICH_IDS.desEastus) },
      { weight: 1, arbitrary: badSet },
    );
  const regionEncryption = (region: 'eastus' | 'westeurope') =>
    fc.record({ os: fc.option(setIn(region), { nil: undefined }), data: fc.array(fc.record({ lun: luns, diskEncryptionSetId: setIn(region) }), { maxLength: 2 }) });
  const scenario = fc.record({
    disks: fc.uniqueArray(fc.record({ lun: luns, source: dataSources }), { maxLength: 3, selector: (d) => d.source }),
    westeurope: fc.boolean(),
    encryption: fc.tuple(fc.option(regionEncryption('eastus'), { nil: undefined, freq: 2 }), fc.option(regionEncryption('westeurope'), { nil: undefined, freq: 2 })),
    block: fc.boolean(),
    endOfLife: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });
  let emu: RunningEmulator;
  before(async () => {
    emu = await startFast({ seed: 'demo', recordTraffic: false });
  });
  after(() => emu.stop());

  it('the server answers images with data disks, encryption sets per region and a safety profile as the model predicts (a sample of 80)', async () => {
    const client = computeClient(emu, P);
    const known: EncryptionSetRef[] = [];
    for await (const s of client.diskEncryptionSets.list()) known.push({ id: s.id ?? '', location: s.location });
    assert.ok(known.length >= 6, 'the demo seed has disk encryption sets');
    let refused = 0;
    for (const [i, s] of fc.sample(scenario, { numRuns: 80, seed: 13 }).entries()) {
      const regions = s.westeurope ? ['eastus', 'westeurope'] : ['eastus'];
      const encryption = regions.map((region, r) => {
        const e = s.encryption[r];
        const value: RegionEncryption | undefined = e
          ? { ...(e.os ? { osDiskImage: { diskEncryptionSetId: e.os } } : {}), ...(e.data.length ? { dataDiskImages: e.data } : {}) }
          : undefined;
        return { region, encryption: value && (value.osDiskImage || value.dataDiskImages) ? value : undefined };
      });
      const endOfLifeDate = s.endOfLife ? new Date(Date.UTC(2040, 0, 1)) : undefined;
      const model =
        validateDataDisks(s.disks.map((d) => ({ lun: d.lun, source: { id: d.source } })), { id: RICH_IDS.osSnapshot }) ??
        validateRegionEncryption(encryption, s.disks.map((d) => d.lun), P, known) ??
        validateSafety(s.block, endOfLifeDate?.toISOString());
      const body = imageVersionBody({
        location: 'eastus',
        source: { kind: 'snapshot', id: RICH_IDS.osSnapshot },
        dataDisks: s.disks.map((d) => ({ lun: d.lun, source: { id: d.source } })),
        targetRegions: encryption.map((e) => ({ name: e.region, regionalReplicaCount: 1, ...(e.encryption ? { encryption: e.encryption } : {}) })),
        replicaCount: 1,
        excludeFromLatest: false,
        endOfLifeDate,
        ...(s.block ? { safetyProfile: { blockDeletionBeforeEndOfLife: true } } : {}),
      });
      let accepted = true;
      try {
        await client.galleryImageVersions.createOrUpdate(UBUNTU.rg, UBUNTU.gallery, UBUNTU.image, `13.0.${i}`, body, POLL).pollUntilDone();
      } catch (error) {
        accepted = false;
        refused++;
        assert.equal((error as { code?: string }).code, 'InvalidParameter', JSON.stringify(s));
      }
      agree(`version content #${i} (HTTP)`, JSON.stringify(s), model, accepted);
    }
    assert.deepEqual(tally.disagreements, []);
    assert.ok(refused > 10 && refused < 70, `the sample has both good and bad requests (${refused} refused)`);
  });
});
