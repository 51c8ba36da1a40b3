import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  GALLERY_NAME_PATTERN,
  IMAGE_DEFINITION_NAME_PATTERN,
  IMAGE_IDENTIFIER_PATTERN,
  RESOURCE_GROUP_NAME_PATTERN,
  validateGalleryName,
  validateImageDefinitionName,
  validateOffer,
  validatePublisher,
  validateResourceGroupName,
  validateSku,
} from '../../../src/model/names';

const ok = (message: string | undefined): void => assert.equal(message, undefined);
function refused(message: string | undefined, ...mustMention: (string | RegExp)[]): void {
  assert.equal(typeof message, 'string', 'expected a refusal message');
  for (const m of mustMention) {
    if (typeof m === 'string') assert.ok(message?.includes(m), `"${message}" should mention "${m}"`);
    else assert.match(message ?? '', m);
  }
}

// A message shown under an input box: one line, short, ending as a sentence.
function assertReadable(message: string | undefined): void {
  assert.ok(message !== undefined);
  assert.ok(message.length <= 160, `too long (${message.length}): ${message}`);
  assert.ok(!message.includes('\n'));
  assert.match(message, /[.!]$/);
}

const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

describe('model/names', () => {
  describe('validateGalleryName', () => {
    it('accepts typical names', () => {
      for (const name of ['myGallery', 'gallery1', 'My.Gallery_01', '1gallery', 'a_', 'a.b', 'A', '9']) ok(validateGalleryName(name));
    });

    it('accepts exactly 1 and 80 characters and refuses 81', () => {
      ok(validateGalleryName('g'));
      ok(validateGalleryName('g'.repeat(80)));
      refused(validateGalleryName('g'.repeat(81)), '80', '81');
    });

    it('refuses an empty name with what to type', () => {
      refused(validateGalleryName(''), 'letters, digits, periods and underscores');
    });

    it('refuses dashes with the gallery-specific explanation', () => {
      for (const name of ['my-gallery', '-gallery', 'gallery-']) {
        assert.equal(
          validateGalleryName(name),
          'Use only letters, digits, periods and underscores — dashes are not allowed in gallery names.',
        );
      }
    });

    it('names the offending character for every other forbidden class', () => {
      refused(validateGalleryName('my gallery'), 'spaces');
      refused(validateGalleryName('my\tgallery'), 'tabs');
      refused(validateGalleryName('gallery#1'), '"#"');
      refused(validateGalleryName('gal/lery'), '"/"');
      refused(validateGalleryName('galería'), '"í"');
      refused(validateGalleryName('gallery\u200b'), 'U+200B');
      for (const ch of '!@$%^&*()+=[]{};:\'",<>?\\|`~') refused(validateGalleryName(`a${ch}b`), `"${ch}"`);
    });

    it('refuses a leading period or underscore', () => {
      refused(validateGalleryName('.gallery'), 'Start');
      refused(validateGalleryName('_gallery'), 'Start');
    });

    it('refuses a trailing period but accepts a trailing underscore', () => {
      refused(validateGalleryName('gallery.'), 'period');
      ok(validateGalleryName('gallery_'));
    });

    it('gives readable one-line messages', () => {
      for (const bad of ['', 'a-b', 'a b', '.a', 'a.', 'a'.repeat(81)]) assertReadable(validateGalleryName(bad));
    });

    it('accepts exactly the strings GALLERY_NAME_PATTERN matches (property)', () => {
      const chars = fc.constantFrom(...ALNUM, '.', '_', '-', ' ', '#', 'é');
      fc.assert(
        fc.property(fc.array(chars, { minLength: 0, maxLength: 85 }).map((a) => a.join('')), (name) => {
          assert.equal(validateGalleryName(name) === undefined, GALLERY_NAME_PATTERN.test(name), name);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('validateImageDefinitionName', () => {
    it('accepts letters, digits, hyphens, periods and underscores inside', () => {
      for (const name of ['ubuntu-22.04_lts', 'Win2022', 'a', 'a-b', 'a.b', 'a_b', '1-2']) ok(validateImageDefinitionName(name));
    });

    it('accepts 1 and 80 characters and refuses 81', () => {
      ok(validateImageDefinitionName('d'));
      ok(validateImageDefinitionName('d'.repeat(80)));
      refused(validateImageDefinitionName('d'.repeat(81)), '80');
    });

    it('refuses names that start or end with a non-alphanumeric character', () => {
      for (const ch of ['-', '.', '_']) {
        refused(validateImageDefinitionName(`${ch}name`), 'Start');
        refused(validateImageDefinitionName(`name${ch}`), 'End');
      }
    });

    it('refuses other characters by name and empty input', () => {
      refused(validateImageDefinitionName('my image'), 'spaces');
      refused(validateImageDefinitionName('img@1'), '"@"');
      refused(validateImageDefinitionName(''), 'image definition');
    });

    it('accepts exactly the strings IMAGE_DEFINITION_NAME_PATTERN matches (property)', () => {
      const chars = fc.constantFrom(...ALNUM, '.', '_', '-', ' ', '/');
      fc.assert(
        fc.property(fc.array(chars, { maxLength: 85 }).map((a) => a.join('')), (name) => {
          assert.equal(validateImageDefinitionName(name) === undefined, IMAGE_DEFINITION_NAME_PATTERN.test(name), name);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('validateResourceGroupName', () => {
    it('accepts letters, digits, underscores, hyphens, periods and parentheses', () => {
      for (const name of ['rg', 'my-rg_(prod).1', '(rg)', '_rg', '-rg', '.rg', 'R', 'ressources-é', 'グループ']) {
        ok(validateResourceGroupName(name));
      }
    });

    it('accepts 1 and 90 characters and refuses 91', () => {
      ok(validateResourceGroupName('r'));
      ok(validateResourceGroupName('r'.repeat(90)));
      refused(validateResourceGroupName('r'.repeat(91)), '90', '91');
    });

    it('refuses a trailing period, empty input and other characters', () => {
      refused(validateResourceGroupName('rg.'), 'period');
      refused(validateResourceGroupName(''), 'resource group');
      refused(validateResourceGroupName('my rg'), 'spaces');
      refused(validateResourceGroupName('rg#1'), '"#"');
      refused(validateResourceGroupName('rg/1'), '"/"');
    });

    it('agrees with RESOURCE_GROUP_NAME_PATTERN (property)', () => {
      const chars = fc.constantFrom('a', 'Z', '5', 'é', '_', '-', '.', '(', ')', ' ', '#', '/');
      fc.assert(
        fc.property(fc.array(chars, { maxLength: 95 }).map((a) => a.join('')), (name) => {
          assert.equal(validateResourceGroupName(name) === undefined, RESOURCE_GROUP_NAME_PATTERN.test(name), name);
        }),
        { numRuns: 1500 },
      );
    });
  });

  describe('publisher / offer / SKU', () => {
    const cases = [
      { validate: validatePublisher, max: 128, field: 'publisher' },
      { validate: validateOffer, max: 64, field: 'offer' },
      { validate: validateSku, max: 64, field: 'SKU' },
    ];
    for (const { validate, max, field } of cases) {
      it(`${field}: accepts 1 and ${max} characters, refuses ${max + 1}`, () => {
        ok(validate('p'));
        ok(validate('p'.repeat(max)));
        refused(validate('p'.repeat(max + 1)), String(max));
      });

      it(`${field}: accepts letters, digits, hyphens, periods and underscores anywhere but a trailing period`, () => {
        for (const v of ['Contoso', 'ubuntu-server_22.04', '-lead', '.lead', '_lead', 'trail-', 'trail_', '22.04-LTS']) ok(validate(v));
        refused(validate('trail.'), 'period');
      });

      it(`${field}: refuses empty input and other characters`, () => {
        refused(validate(''), field);
        refused(validate('a b'), 'spaces');
        refused(validate('a/b'), '"/"');
        refused(validate('a:b'), '":"');
      });
    }

    it('matches IMAGE_IDENTIFIER_PATTERN within the length limit (property)', () => {
      const chars = fc.constantFrom('a', 'Z', '0', '.', '_', '-', ' ', ':');
      fc.assert(
        fc.property(fc.array(chars, { maxLength: 70 }).map((a) => a.join('')), (v) => {
          const expected = v.length <= 64 && IMAGE_IDENTIFIER_PATTERN.test(v);
          assert.equal(validateOffer(v) === undefined, expected, v);
        }),
        { numRuns: 1500 },
      );
    });
  });
});
