import { ArmError } from './arm/errors';
import { METADATA_API_VERSIONS } from './arm/apiVersions';
import { issueToken, openIdConfiguration, resolveTenant } from './auth';
import type { Emulator } from './emulator';
import type { Ctx, Reply } from './http';

/**
 * Sign-in endpoints: the Entra ID v2.0 shape MSAL (via @azure/identity) uses with
 * `authorityHost: <emulator>`, the v1 shape, and the ADFS shape the Azure CLI needs
 * (MSAL python only skips its authority check for ADFS-style authorities).
 */
export function registerIdentityRoutes(emu: Emulator): void {
  const r = emu.router;
  const none = { auth: 'none' as const };
  const issuer = {
    state: () => emu.state,
    signingKey: emu.signingKey,
    lifetimeSeconds: () => emu.config.tokenLifetimeSeconds,
    baseUrl: () => emu.baseUrl,
  };

  r.add('GET', '/adfs/.well-known/openid-configuration', none, () => ({
    status: 200,
    body: openIdConfiguration(emu.baseUrl, 'adfs', 'adfs', false),
  }));
  r.add('POST', '/adfs/oauth2/token', none, (ctx) => issueToken(issuer, undefined, ctx.body, true));
  r.add('GET', '/adfs/discovery/keys', none, () => ({ status: 200, body: { keys: [] } }));

  const tenantOr404 = (ctx: Ctx): string => {
    const seg = ctx.params.tenant;
    if (['common', 'organizations'].includes(seg.toLowerCase())) return seg;
    const id = resolveTenant(emu.state, seg);
    if (!id) throw new ArmError(400, 'invalid_tenant', `AADSTS90002: Tenant '${seg}' not found.`);
    return id;
  };
  const metadata = (v2: boolean) => (ctx: Ctx): Reply => {
    const tenant = tenantOr404(ctx);
    return { status: 200, body: openIdConfiguration(emu.baseUrl, ctx.params.tenant, tenant, v2) };
  };
  r.add('GET', '/{tenant}/v2.0/.well-known/openid-configuration', none, metadata(true));
  r.add('GET', '/{tenant}/.well-known/openid-configuration', none, metadata(false));
  r.add('POST', '/{tenant}/oauth2/v2.0/token', none, (ctx) => issueToken(issuer, ctx.params.tenant, ctx.body, false));
  r.add('POST', '/{tenant}/oauth2/token', none, (ctx) => issueToken(issuer, ctx.params.tenant, ctx.body, false));
  r.add('GET', '/{tenant}/discovery/v2.0/keys', none, () => ({ status: 200, body: { keys: [] } }));
  r.add('GET', '/{tenant}/discovery/keys', none, () => ({ status: 200, body: { keys: [] } }));
  // Instance discovery, for clients that do not disable it.
  r.add('GET', '/{tenant}/discovery/instance', none, (ctx) => {
    const host = new URL(emu.baseUrl).host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${emu.baseUrl}/${ctx.params.tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  });

  // Cloud metadata, as `az cloud register --endpoint-resource-manager` fetches it (via `//metadata/endpoints`).
  r.add('GET', '/metadata/endpoints', { auth: 'none', family: 'arm', apiVersions: METADATA_API_VERSIONS }, (ctx) => {
    const base = emu.baseUrl;
    const legacy = ctx.query.get('api-version') === '2015-01-01';
    const audiences = ['https://management.core.windows.net/', 'https://management.azure.com/', `${base}/`];
    if (legacy) {
      return {
        status: 200,
        body: {
          galleryEndpoint: `${base}/`,
          graphEndpoint: 'https://graph.windows.net/',
          portalEndpoint: `${base}/`,
          authentication: { loginEndpoint: `${base}/adfs`, audiences },
        },
      };
    }
    return {
      status: 200,
      body: [
        {
          portal: `${base}/`,
          authentication: { loginEndpoint: `${base}/adfs`, audiences, tenant: 'common', identityProvider: 'ADFS' },
          media: `${base}/`,
          graphAudience: 'https://graph.windows.net/',
          graph: 'https://graph.windows.net/',
          name: 'LocalAzure',
          suffixes: { azureDataLakeStoreFileSystem: 'azuredatalakestore.net', acrLoginServer: 'azurecr.io', sqlServerHostname: 'database.windows.net', keyVaultDns: 'vault.azure.net', storage: 'core.windows.net' },
          batch: 'https://batch.core.windows.net/',
          resourceManager: `${base}/`,
          vmImageAliasDoc: `${base}/vmImageAliasDoc`,
          sqlManagement: 'https://management.core.windows.net:8443/',
          microsoftGraphResourceId: `${base}/graph/`,
          appInsightsResourceId: 'https://api.applicationinsights.io',
          appInsightsTelemetryChannelResourceId: 'https://dc.applicationinsights.azure.com/v2/track',
          attestationResourceId: 'https://attest.azure.net',
          synapseAnalyticsResourceId: 'https://dev.azuresynapse.net',
          logAnalyticsResourceId: 'https://api.loganalytics.io',
          ossrDbmsResourceId: 'https://ossrdbms-aad.database.windows.net',
        },
      ],
    };
  });
}
