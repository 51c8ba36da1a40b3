// Issue 8, input agreement: the extension's validators (src/model) and the local Azure's rules
// must accept and refuse exactly the same inputs, and every refusal must say what to type instead.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import type { RunningEmulator } from '../emulator/index';
import { ARTIFACT_NAME, GALLERY_NAME, checkVersionName, isValidIdentifierPart } from '../emulator/compute/rules';
import { validateGalleryName, validateImageDefinitionName, validateOffer, validatePublisher, validateSku } from '../../src/model/names';
import { validateImageVersionName } from '../../src/model/versions';
import { normalizeGuid, validateGuidList } from '../../src/model/guids';
import { GUID } from '../emulator/compute/sharing';
import { normalizePublishing } from '../emulator/compute/publishing';
import { SUPPORTED_LOCATIONS } from '../emulator/arm/apiVersions';
import { validateTargetRegions, type TargetRegion } from '../../src/model/replication';
import { computeClient, POLL, startFast } from './helpers';

const RUNS = 3000;
// Instructions, not complaints: each message starts by telling the user what to do.
const INSTRUCTION = /^(Use|Enter|Remove|Start|End|Shorten|Keep|Write|Fill in|Type|Add|Replace|Choose|Fix|Give|List)\b/;

const chars = (extra: string) => fc.constantFrom(...`aZ09._-${extra}`.split(''));
const text = (extra: string, maxLength: number) =>
  fc.oneof(
    fc.string({ unit: chars(extra), maxLength }),
    // Lengths around the limits, where the rules are easiest to get wrong.
    fc.integer({ min: 60, max: 140 }).chain((n) => fc.string({ unit: chars(''), minLength: n, maxLength: n })),
  );

const tally = { compared: 0, disagreements: [] as string[] };

function agree(what: string, input: string, modelMessage: string | undefined, azureAccepts: boolean): void {
  tally.compared++;
  if ((modelMessage === undefined) !== azureAccepts) {
    tally.disagreements.push(`${what} ${JSON.stringify(input)}: model ${modelMessage ? 'refuses' : 'accepts'}, Azure ${azureAccepts ? 'accepts' : 'refuses'}`);
  }
  if (modelMessage !== undefined) assert.match(modelMessage, INSTRUCTION, `${what} ${JSON.stringify(input)}: "${modelMessage}" says what to do`);
}

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

  describe('through the real SDK and HTTPS', () => {
    let emu: RunningEmulator;
    before(async () => {
      emu = await startFast({ seed: 'empty', recordTraffic: false });
      await computeClient(emu, PRODUCTION_SUBSCRIPTION_ID); // warm
    });
    after(() => emu.stop());

    it('the server answers gallery names exactly as the model predicts (a sample of 60)', async () => {
      const client = computeClient(emu, PRODUCTION_SUBSCRIPTION_ID);
      const samples = fc.sample(text(' -', 85), { numRuns: 60, seed: 42 }).filter((n) => n.length > 0 && !/[ ]/.test(n));
      // Resource groups must exist first: create one over HTTPS as the SDK would.
      const { raw } = await import('./helpers');
      const token = (await (await import('./helpers')).credentialFor(emu).getToken(`${emu.url}/.default`))!.token;
      await raw(emu, 'PUT', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups/rg-agree?api-version=2021-04-01`, { token, body: { location: 'eastus' } });
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
  });
});
