import { strict as assert } from 'node:assert';
import { ClientSecretCredential } from '@azure/identity';
import type { RunningEmulator } from '../emulator/index';
import { FABRIKAM_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, LOCAL_PRINCIPAL, PARTNER_PRINCIPAL, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/index';
import { GALLERY_API, computeClient, credentialFor, errorOf, raw, sleep, startFast, tokenFor } from './helpers';

const galleries = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Compute/galleries`;

/** Sign-in (MSAL v2.0 and the az CLI's ADFS shape), bearer validation and api-version checks. */
describe('sign-in, tokens and api-version', function () {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startFast({ seed: 'demo' });
  });
  after(async () => emu?.stop());

  it('@azure/identity ClientSecretCredential signs in for real (openid-configuration + v2.0 token)', async () => {
    const token = await credentialFor(emu).getToken('https://management.azure.com/.default');
    assert.ok(token?.token);
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims.tid, LOCAL_PRINCIPAL.tenantId);
    assert.equal(claims.appid, LOCAL_PRINCIPAL.clientId);
    assert.equal(claims.oid, LOCAL_PRINCIPAL.objectId);
    assert.ok(typeof claims.exp === 'number');
    const paths = emu.requests.map((r) => r.path);
    assert.ok(paths.includes(`/${LOCAL_PRINCIPAL.tenantId}/v2.0/.well-known/openid-configuration`));
    assert.ok(paths.includes(`/${LOCAL_PRINCIPAL.tenantId}/oauth2/v2.0/token`));
  });

  it('a bad secret is rejected (invalid_client, AADSTS7000215) and the SDK call fails', async () => {
    const bad = new ClientSecretCredential(LOCAL_PRINCIPAL.tenantId, LOCAL_PRINCIPAL.clientId, 'wrong', {
      authorityHost: emu.url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: emu.caCertPem },
    });
    await assert.rejects(bad.getToken('https://management.azure.com/.default'), /AADSTS7000215|invalid_client/);
    const res = await raw(emu, 'POST', `/${LOCAL_PRINCIPAL.tenantId}/oauth2/v2.0/token`, { form: { grant_type: 'client_credentials', client_id: LOCAL_PRINCIPAL.clientId, client_secret: 'nope', scope: 'x/.default' } });
    assert.equal(res.status, 401);
    assert.equal((res.body as { error: string }).error, 'invalid_client');
    const unknown = await raw(emu, 'POST', `/${LOCAL_PRINCIPAL.tenantId}/oauth2/v2.0/token`, { form: { grant_type: 'client_credentials', client_id: '99999999-0000-4000-8000-000000000000', client_secret: 'x', scope: 'x/.default' } });
    assert.equal((unknown.body as { error: string }).error, 'unauthorized_client');
  });

  it('the Azure CLI ADFS shape: /adfs/.well-known/openid-configuration and /adfs/oauth2/token', async () => {
    const meta = await raw(emu, 'GET', '/adfs/.well-known/openid-configuration');
    const m = meta.body as { token_endpoint: string; authorization_endpoint: string };
    assert.equal(m.token_endpoint, `${emu.url}/adfs/oauth2/token`);
    assert.ok(m.authorization_endpoint);
    const tok = await raw(emu, 'POST', '/adfs/oauth2/token', { form: { grant_type: 'client_credentials', client_id: LOCAL_PRINCIPAL.clientId, client_secret: LOCAL_PRINCIPAL.clientSecret, resource: 'https://management.core.windows.net/' } });
    const body = tok.body as { access_token: string; token_type: string; expires_in: number };
    assert.equal(body.token_type, 'Bearer');
    assert.ok(body.expires_in > 0);
    const subs = await raw(emu, 'GET', '/subscriptions?api-version=2019-11-01', { token: body.access_token });
    assert.equal(subs.status, 200);
    const md = await raw(emu, 'GET', '//metadata/endpoints?api-version=2015-01-01');
    assert.equal((md.body as { authentication: { loginEndpoint: string } }).authentication.loginEndpoint, `${emu.url}/adfs`);
    assert.equal((await raw(emu, 'GET', '/metadata/endpoints?api-version=2022-09-01')).status, 200);
  });

  it('missing / malformed / forged bearer → 401 with WWW-Authenticate and ARM error body', async () => {
    let res = await raw(emu, 'GET', `${galleries}?api-version=${GALLERY_API}`);
    assert.equal(res.status, 401);
    assert.equal(errorOf(res).code, 'AuthenticationFailed');
    assert.match(res.headers['www-authenticate'] as string, /^Bearer authorization_uri="[^"]+", error="invalid_token"/);
    res = await raw(emu, 'GET', `${galleries}?api-version=${GALLERY_API}`, { token: 'not.a.jwt' });
    assert.equal(errorOf(res).code, 'InvalidAuthenticationToken');
    const good = await tokenFor(emu);
    const [h, p] = good.split('.');
    res = await raw(emu, 'GET', `${galleries}?api-version=${GALLERY_API}`, { token: `${h}.${p}.forged` });
    assert.equal(res.status, 401);
    assert.equal(errorOf(res).code, 'InvalidAuthenticationToken');
  });

  it('token lifetime knob: expired tokens → 401 ExpiredAuthenticationToken with an invalid_token challenge', async () => {
    // Long enough to be used once on a busy machine, short enough to expire in the test.
    emu.admin.setConfig({ tokenLifetimeSeconds: 3 });
    const token = await tokenFor(emu);
    assert.equal((await raw(emu, 'GET', `${galleries}?api-version=${GALLERY_API}`, { token })).status, 200);
    await sleep(3100);
    const res = await raw(emu, 'GET', `${galleries}?api-version=${GALLERY_API}`, { token });
    assert.equal(res.status, 401);
    assert.equal(errorOf(res).code, 'ExpiredAuthenticationToken');
    assert.match(res.headers['www-authenticate'] as string, /error="invalid_token"/);
    emu.admin.setConfig({ tokenLifetimeSeconds: 3600 });
  });

  it('a token from another tenant than the subscription’s → 401 InvalidAuthenticationTokenTenant', async () => {
    const res = await raw(emu, 'POST', `/${FABRIKAM_TENANT_ID}/oauth2/v2.0/token`, { form: { grant_type: 'client_credentials', client_id: LOCAL_PRINCIPAL.clientId, client_secret: LOCAL_PRINCIPAL.clientSecret, scope: 'https://management.azure.com/.default' } });
    const token = (res.body as { access_token: string }).access_token;
    const r = await raw(emu, 'GET', `${galleries}?api-version=${GALLERY_API}`, { token });
    assert.equal(r.status, 401);
    assert.equal(errorOf(r).code, 'InvalidAuthenticationTokenTenant');
    const partner = await tokenFor(emu, PARTNER_PRINCIPAL);
    assert.equal((await raw(emu, 'GET', `/subscriptions/${FABRIKAM_SUBSCRIPTION_ID}/providers/Microsoft.Compute/galleries?api-version=${GALLERY_API}`, { token: partner })).status, 200);
  });

  it('api-version: missing → MissingApiVersionParameter; unknown → NoRegisteredProviderFound / InvalidApiVersionParameter', async () => {
    const token = await tokenFor(emu);
    let res = await raw(emu, 'GET', galleries, { token });
    assert.equal(res.status, 400);
    assert.equal(errorOf(res).code, 'MissingApiVersionParameter');
    assert.equal(errorOf(res).message, 'The api-version query parameter (?api-version=) is required for all requests.');
    res = await raw(emu, 'GET', `${galleries}?api-version=2019-01-01`, { token });
    assert.equal(errorOf(res).code, 'NoRegisteredProviderFound');
    assert.match(errorOf(res).message, /^No registered resource provider found for location '[a-z0-9]+' and API version '2019-01-01' for type 'galleries'\. The supported api-versions are '2021-07-01, 2021-10-01, .*2025-12-03'\./);
    res = await raw(emu, 'GET', '/subscriptions?api-version=2099-01-01', { token });
    assert.equal(errorOf(res).code, 'InvalidApiVersionParameter');
    assert.match(errorOf(res).message, /^The api-version '2099-01-01' is invalid\. The supported versions are '2022-12-01,/);
    res = await raw(emu, 'GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups?api-version=2020-01-01`, { token });
    assert.equal(errorOf(res).code, 'InvalidApiVersionParameter');
    for (const v of ['2021-10-01', '2022-01-03', '2022-03-03', '2022-08-03', '2023-07-03', '2024-03-03', '2025-03-03', '2025-12-03', '2021-07-01']) {
      assert.equal((await raw(emu, 'GET', `${galleries}?api-version=${v}`, { token })).status, 200, v);
    }
    for (const v of ['2016-06-01', '2019-11-01', '2020-01-01', '2021-01-01', '2022-12-01']) assert.equal((await raw(emu, 'GET', `/subscriptions?api-version=${v}`, { token })).status, 200, v);
  });

  it('the SDK works end to end with the same credential (bearer over HTTPS)', async () => {
    const client = computeClient(emu, PRODUCTION_SUBSCRIPTION_ID);
    const names: string[] = [];
    for await (const g of client.galleries.list()) names.push(g.name ?? '');
    assert.ok(names.includes('contoso_images'));
  });
});
