import assert from 'node:assert/strict';
import { classifyPrincipalQuery, describePrincipalKind, graphFilters, noPrincipalFound, odataString, validatePrincipalQuery } from '../../../src/model/principals';
import { countOf, idsNotShared, listInWords, missingCommunityInfo, whatBecomesPublic, whomInWords } from '../../../src/model/sharingChanges';
import { validateOptionalLink, whyVersionMustWait } from '../../../src/model/updateRules';

const GUID = 'D0D0D0D0-0000-4000-8000-000000000001';

describe('model/principals', () => {
  it('says what to type instead of text that cannot find anyone', () => {
    assert.match(validatePrincipalQuery('') ?? '', /e-mail address or user principal name/);
    assert.match(validatePrincipalQuery('   ') ?? '', /display name/);
    assert.match(validatePrincipalQuery('ada@') ?? '', /whole address/);
    assert.match(validatePrincipalQuery('@contoso.com') ?? '', /whole address/);
    assert.match(validatePrincipalQuery('ada@contoso') ?? '', /domain/);
    assert.match(validatePrincipalQuery('ada lovelace@contoso.com') ?? '', /spaces/);
    assert.match(validatePrincipalQuery('x'.repeat(257)) ?? '', /at most 256/);
    for (const ok of ['ada.lovelace@contoso.com', 'Ada', 'Image Publishers', GUID, 'x'.repeat(256)]) assert.equal(validatePrincipalQuery(ok), undefined, ok);
  });

  it('classifies e-mail / UPN, ids and names', () => {
    assert.deepEqual(classifyPrincipalQuery(' ada.lovelace@contoso.com '), { kind: 'email', value: 'ada.lovelace@contoso.com' });
    assert.deepEqual(classifyPrincipalQuery(`{${GUID}}`), { kind: 'guid', value: GUID.toLowerCase() });
    assert.deepEqual(classifyPrincipalQuery('Image Publishers'), { kind: 'name', value: 'Image Publishers' });
    assert.equal(classifyPrincipalQuery(''), undefined);
  });

  it('builds Graph filters per collection, quoting safely', () => {
    assert.equal(odataString("O'Brien"), "'O''Brien'");
    assert.deepEqual(graphFilters({ kind: 'email', value: 'a@b.com' }), { users: "mail eq 'a@b.com' or userPrincipalName eq 'a@b.com'", groups: "mail eq 'a@b.com'" });
    assert.deepEqual(Object.keys(graphFilters({ kind: 'guid', value: 'x' })), ['users', 'groups', 'servicePrincipals']);
    assert.equal(graphFilters({ kind: 'guid', value: 'x' }).servicePrincipals, "appId eq 'x' or id eq 'x'");
    assert.equal(graphFilters({ kind: 'name', value: "O'B" }).users, "startswith(displayName,'O''B')");
  });

  it('names kinds and explains an empty search', () => {
    assert.equal(describePrincipalKind('ServicePrincipal'), 'application');
    assert.equal(describePrincipalKind('User'), 'user');
    assert.equal(describePrincipalKind(undefined), 'principal');
    assert.match(noPrincipalFound({ kind: 'email', value: 'nobody@contoso.com' }, 'T'), /^No user or group in the directory of tenant T has the e-mail address .* nobody@contoso\.com\. /);
    assert.match(noPrincipalFound({ kind: 'name', value: 'Zed' }), /name starting with "Zed"/);
  });
});

describe('model/sharingChanges', () => {
  it('says whom a share names by name, or by count: never "tenants <one id>"', () => {
    const names: Record<string, string> = { a: 'Contoso Development', b: 'Contoso Test', t: 'your tenant' };
    const nameOf = (id: string) => names[id];
    assert.equal(whomInWords(['x-1'], 'tenant', 'tenants', nameOf), 'tenant x-1');
    assert.equal(whomInWords(['t'], 'tenant', 'tenants', nameOf), 'tenant your tenant');
    assert.equal(whomInWords(['a', 'b'], 'subscription', 'subscriptions', nameOf), 'subscriptions Contoso Development and Contoso Test');
    assert.equal(whomInWords(['a', 'x-1'], 'subscription', 'subscriptions', nameOf), '2 subscriptions', 'an id among names: the count');
    assert.equal(whomInWords(['a', 'b', 'a', 'b'], 'subscription', 'subscriptions', nameOf), '4 subscriptions', 'more than three: the count');
  });

  it('lists the community details still missing', () => {
    assert.deepEqual(missingCommunityInfo(undefined), ['publisherUri', 'publisherContact', 'eula', 'publicNamePrefix']);
    assert.deepEqual(missingCommunityInfo({ publisherUri: 'https://x.example', publisherContact: ' ', eula: 'https://x.example/e', publicNamePrefix: 'Prefix1' }), ['publisherContact']);
  });

  it('names everything that becomes public, each definition with publisher / offer / SKU', () => {
    const lines = whatBecomesPublic({ publisherUri: 'https://c.example', publisherContact: 'a@c.example', eula: 'https://c.example/eula', publicNamePrefix: 'Contoso' }, [
      { name: 'win', publisher: 'Contoso', offer: 'Windows', sku: '2022' },
      { name: 'deb', publisher: 'Contoso', offer: 'Debian', sku: '12' },
    ]);
    assert.deepEqual(lines, [
      'Public name: Contoso-<GUID Azure adds>',
      'Publisher e-mail: a@c.example',
      'Publisher website: https://c.example',
      'Legal agreement: https://c.example/eula',
      'Image definitions (publisher / offer / SKU), with every version in them:',
      '  deb: Contoso / Debian / 12',
      '  win: Contoso / Windows / 2022',
    ]);
    assert.match(whatBecomesPublic({ publicNamePrefix: 'P', publicNames: ['P-1'] }, []).join('\n'), /Public name: P-1[\s\S]*none yet/);
  });

  it('finds ids a Remove names that the gallery is not shared with', () => {
    const profile = { permissions: 'Groups', groups: [{ type: 'Subscriptions', ids: ['AAAA'] }, { type: 'AADTenants', ids: ['bbbb'] }] };
    assert.deepEqual(idsNotShared(profile, 'Subscriptions', ['aaaa', 'cccc']), ['cccc']);
    assert.deepEqual(idsNotShared(profile, 'AADTenants', ['BBBB']), []);
    assert.deepEqual(idsNotShared(undefined, 'AADTenants', ['x']), ['x']);
  });

  it('words counts and lists', () => {
    assert.equal(countOf(1, 'tenant'), '1 tenant');
    assert.equal(countOf(2, 'tenant'), '2 tenants');
    assert.equal(listInWords(['a']), 'a');
    assert.equal(listInWords(['a', 'b', 'c']), 'a, b and c');
  });
});

describe('model/updateRules', () => {
  it('says why a version must wait before it is updated, while Azure is still writing it', () => {
    assert.equal(whyVersionMustWait('Image version 1.0.0', 'Succeeded'), undefined);
    assert.equal(whyVersionMustWait('Image version 1.0.0', 'Failed'), undefined, 'a failed version may be updated (to retry regions)');
    assert.match(whyVersionMustWait('Image version 1.0.0', 'Creating') ?? '', /^Image version 1\.0\.0 is still being created: wait until its replication finishes/);
    assert.match(whyVersionMustWait('Image version 1.0.0', 'Updating') ?? '', /still being updated/);
    assert.match(whyVersionMustWait('Image version 1.0.0', 'Deleting') ?? '', /being deleted/);
  });

  // Target-region lists: test/unit/model/updateRules.test.ts.

  it('blocks no optional link: Azure stores any text there (the flows warn instead)', () => {
    for (const v of ['', 'https://www.contoso.com/eula', 'http://www.contoso.com/eula', 'not a link']) assert.equal(validateOptionalLink(v, 'EULA link', 'https://x/eula'), undefined, v);
  });
});
