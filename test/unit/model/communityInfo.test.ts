import assert from 'node:assert/strict';
import {
  validateLegalAgreementUri,
  validatePublicNamePrefix,
  validatePublisherEmail,
  validatePublisherUri,
  publisherUriWarning,
  legalAgreementWarning,
} from '../../../src/model/communityInfo';
import { checkHttpsUrl } from '../../../src/model/urls';

describe('model/communityInfo', () => {
  describe('validatePublicNamePrefix', () => {
    it('accepts 5 to 16 letters and digits', () => {
      for (const p of ['name1', 'Contoso', 'ContosoImages', 'ConstellationCVM', '12345', 'a'.repeat(16)]) {
        assert.equal(validatePublicNamePrefix(p), undefined, p);
      }
    });

    it('refuses 4 and 17 characters, saying how many there are', () => {
      assert.match(validatePublicNamePrefix('abcd') ?? '', /at least 5 characters.*has 4/);
      assert.match(validatePublicNamePrefix('a'.repeat(17)) ?? '', /at most 16 characters.*has 17/);
    });

    it('refuses empty input and punctuation, naming the character', () => {
      assert.match(validatePublicNamePrefix('') ?? '', /5–16 letters and digits/);
      assert.match(validatePublicNamePrefix('contoso-img') ?? '', /Remove "-"/);
      assert.match(validatePublicNamePrefix('contoso.img') ?? '', /Remove "\."/);
      assert.match(validatePublicNamePrefix('contoso_img') ?? '', /Remove "_"/);
      assert.match(validatePublicNamePrefix('contoso img') ?? '', /Remove spaces/);
    });
  });

  for (const [name, required, validate, what] of [
    ['publisherUriWarning', validatePublisherUri, publisherUriWarning, 'publisher website'],
    ['legalAgreementWarning', validateLegalAgreementUri, legalAgreementWarning, 'legal agreement link'],
  ] as const) {
    describe(name, () => {
      it('is required, and any other text is taken (the spec\'s own example sends "uri" and "eula")', () => {
        assert.match(required('') ?? '', new RegExp(`Enter the ${what}, for example https://www\\.contoso\\.com/`));
        assert.match(required('   ') ?? '', /Enter the/);
        for (const text of ['uri', 'eula', 'http://www.contoso.com', 'https://intranet/eula', 'https://contoso.com/my eula']) assert.equal(required(text), undefined, text);
      });

      it('does not warn about absolute https URLs on public hosts', () => {
        for (const u of ['https://www.contoso.com', 'https://contoso.com/eula', 'https://contoso.com:8443/legal?v=2#terms', 'HTTPS://CONTOSO.COM/']) {
          assert.equal(validate(u), undefined, u);
        }
      });

      it('warns about http, other schemes, relative and malformed input', () => {
        assert.match(validate('http://www.contoso.com') ?? '', /https:\/\//);
        assert.match(validate('ftp://contoso.com/eula') ?? '', /https:\/\//);
        assert.match(validate('www.contoso.com') ?? '', /full address starting with https:\/\//);
        assert.match(validate('/eula') ?? '', /full address/);
        assert.match(validate('https://') ?? '', /https:\/\//);
      });

      it('warns about spaces, credentials and single-label hosts', () => {
        assert.match(validate('https://contoso.com/my eula') ?? '', /spaces/);
        assert.match(validate(' https://contoso.com') ?? '', /spaces/);
        assert.match(validate('https://user:pw@contoso.com/') ?? '', /user name or password/);
        assert.match(validate('https://intranet/eula') ?? '', /public site/);
        assert.match(validate('https://localhost/') ?? '', /public site/);
        for (const notPublic of ['https://./', 'https://contoso.com./', 'https://.contoso.com/', 'https://10.0.0.1/', 'https://[2001:db8::1]/', 'https://0x7f.1/']) {
          assert.match(validate(notPublic) ?? '', /public site/, notPublic);
        }
        assert.equal(validate('https://bücher.de/'), undefined);
      });

      it('shows an example address in every warning', () => {
        for (const bad of ['http://x.com', 'nope', 'https://a b.com', 'https://u:p@x.com', 'https://intranet', 'https:x.com']) {
          assert.match(validate(bad) ?? '', /for example https:\/\/www\.contoso\.com\//, bad);
        }
      });

      it(`names the field ("${what}") in its messages`, () => {
        for (const bad of ['http://x.com', 'nope']) assert.ok(validate(bad)?.includes(what), bad);
        assert.equal(validate(''), undefined, 'empty is a refusal, not a warning');
      });
    });
  }

  describe('validatePublisherEmail', () => {
    it('accepts plausible addresses', () => {
      for (const e of ['support@contoso.com', 'first.last+images@mail.contoso.co.uk', "o'brien@example.org", 'a@b.io', 'x_y-z@sub-domain.example.museum']) {
        assert.equal(validatePublisherEmail(e), undefined, e);
      }
    });

    it('refuses what is not an address, saying which part to fix', () => {
      assert.match(validatePublisherEmail('') ?? '', /support@contoso\.com/);
      assert.match(validatePublisherEmail('support') ?? '', /Add the "@"/);
      assert.match(validatePublisherEmail('@contoso.com') ?? '', /name before "@"/);
      assert.match(validatePublisherEmail('support@') ?? '', /domain after "@"/);
      assert.match(validatePublisherEmail('support@contoso') ?? '', /Fix the domain/);
      assert.match(validatePublisherEmail('support@contoso.c') ?? '', /Fix the domain/);
      assert.match(validatePublisherEmail('support@-contoso.com') ?? '', /Fix the domain/);
      assert.match(validatePublisherEmail('support@contoso..com') ?? '', /Fix the domain/);
      assert.match(validatePublisherEmail('sup..port@contoso.com') ?? '', /part before "@"/);
      assert.match(validatePublisherEmail('.support@contoso.com') ?? '', /part before "@"/);
      assert.match(validatePublisherEmail('a@b@contoso.com') ?? '', /part before "@"/);
      assert.match(validatePublisherEmail('sup port@contoso.com') ?? '', /spaces/);
    });

    it('enforces 64 characters before "@" and 254 in all', () => {
      assert.equal(validatePublisherEmail(`${'a'.repeat(64)}@contoso.com`), undefined);
      assert.match(validatePublisherEmail(`${'a'.repeat(65)}@contoso.com`) ?? '', /part before "@"/);
      const label = 'd'.repeat(60);
      const long = `a@${[label, label, label, label, label].join('.')}.com`;
      assert.ok(long.length > 254);
      assert.match(validatePublisherEmail(long) ?? '', /254/);
    });
  });

  describe('checkHttpsUrl', () => {
    it('returns the parsed URL for a good one and a reason for each bad kind', () => {
      assert.equal(checkHttpsUrl('https://a.example/x').url?.hostname, 'a.example');
      assert.equal(checkHttpsUrl('').problem, 'empty');
      assert.equal(checkHttpsUrl('https://a b').problem, 'whitespace');
      assert.equal(checkHttpsUrl('not a url').problem, 'whitespace');
      assert.equal(checkHttpsUrl('nota-url').problem, 'malformed');
      assert.equal(checkHttpsUrl('http://a.example').problem, 'notHttps');
      assert.equal(checkHttpsUrl('https://u@a.example').problem, 'credentials');
      assert.equal(checkHttpsUrl('https://:pw@a.example').problem, 'credentials');
    });

    it('asks for the plain form the parser would otherwise forgive (what is typed is what Azure stores)', () => {
      for (const loose of ['https:a.example', 'https:/a.example', 'https:///a.example', 'https:\\\\a.example', 'https:/\\a.example']) {
        assert.equal(checkHttpsUrl(loose).problem, 'malformed', loose);
      }
      assert.equal(checkHttpsUrl('https://@a.example/').problem, 'credentials');
      assert.equal(checkHttpsUrl('https://:@a.example/').problem, 'credentials');
      assert.equal(checkHttpsUrl('HTTPS://A.EXAMPLE').url?.hostname, 'a.example');
      assert.equal(checkHttpsUrl('https://a.example\\eula').url?.pathname, '/eula');
    });
  });
});
