import * as crypto from 'node:crypto';
import { ArmError } from './arm/errors';
import type { Caller, Ctx, Reply } from './http';
import type { Json, JsonObject } from './json';
import { isObject } from './json';
import type { EmulatorState, Principal } from './state';

export interface TokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  appid: string;
  azp: string;
  oid: string;
  sub: string;
  tid: string;
  idtyp: 'app';
  ver: '1.0';
  jti: string;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export function signToken(claims: TokenClaims, key: Buffer): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(claims));
  const sig = crypto.createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired'; exp?: number };

export function verifyToken(token: string, key: Buffer, nowSeconds: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const expected = crypto.createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: 'expired', exp: claims.exp };
  return { ok: true, claims };
}

/** Resolves `{tenant}` in an authority path: a GUID, a domain, or `organizations` / `common` (home tenant). */
export function resolveTenant(state: EmulatorState, segment: string): string | undefined {
  const lower = segment.toLowerCase();
  const t = state.tenants.find((x) => x.tenantId.toLowerCase() === lower || x.defaultDomain.toLowerCase() === lower);
  return t?.tenantId;
}

function aadError(status: number, error: string, code: number, description: string): Reply {
  const traceId = crypto.randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${crypto.randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').replace('Z', 'Z'),
      trace_id: traceId,
      correlation_id: crypto.randomUUID(),
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

function field(body: Json | undefined, name: string): string | undefined {
  if (!isObject(body)) return undefined;
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

/** The audience a scope or resource asks for: `https://management.azure.com/.default` → `https://management.azure.com/`. */
function audienceOf(scope: string | undefined, resource: string | undefined): string {
  if (resource) return resource;
  const first = (scope ?? '').split(' ').find((s) => s.endsWith('/.default')) ?? 'https://management.azure.com/.default';
  return first.slice(0, -'.default'.length);
}

export interface TokenIssuer {
  state(): EmulatorState;
  signingKey: Buffer;
  lifetimeSeconds(): number;
  baseUrl(): string;
}

/** Client-credentials grant, as both the v2.0 (MSAL) and the ADFS (az CLI) endpoints answer it. */
export function issueToken(issuer: TokenIssuer, tenantSegment: string | undefined, body: Json | undefined, adfs: boolean): Reply {
  const state = issuer.state();
  const grant = field(body, 'grant_type');
  const clientId = field(body, 'client_id');
  const secret = field(body, 'client_secret');
  if (grant !== 'client_credentials') {
    return aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`);
  }
  if (!clientId) return aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const principal: Principal | undefined = state.principals.find((p) => p.clientId.toLowerCase() === clientId.toLowerCase());
  let tenantId: string | undefined;
  if (adfs || !tenantSegment || ['organizations', 'common'].includes(tenantSegment.toLowerCase())) tenantId = principal?.tenantId;
  else {
    tenantId = resolveTenant(state, tenantSegment);
    if (!tenantId) return aadError(400, 'invalid_request', 90002, `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  if (!principal || !tenantId || !principal.tenants.some((t) => t.toLowerCase() === tenantId.toLowerCase())) {
    return aadError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantId ?? tenantSegment ?? ''}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  if (!secret) return aadError(401, 'invalid_client', 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
  if (secret !== principal.clientSecret) {
    return aadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`);
  }
  const now = Math.floor(Date.now() / 1000);
  const lifetime = Math.max(1, Math.floor(issuer.lifetimeSeconds()));
  const claims: TokenClaims = {
    aud: audienceOf(field(body, 'scope'), field(body, 'resource')),
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: now,
    nbf: now - 5,
    exp: now + lifetime,
    appid: principal.clientId,
    azp: principal.clientId,
    oid: principal.objectId,
    sub: principal.objectId,
    tid: tenantId,
    idtyp: 'app',
    ver: '1.0',
    jti: crypto.randomUUID(),
  };
  const body2: JsonObject = {
    token_type: 'Bearer',
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: signToken(claims, issuer.signingKey),
  };
  if (adfs) body2.resource = claims.aud;
  return { status: 200, body: body2, headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' } };
}

/** OpenID metadata. MSAL reads authorization_endpoint, token_endpoint, issuer, jwks_uri and end_session_endpoint. */
export function openIdConfiguration(base: string, tenantPath: string, tenantId: string, v2: boolean): JsonObject {
  const root = `${base}/${tenantPath}`;
  const oauth = v2 ? `${root}/oauth2/v2.0` : `${root}/oauth2`;
  return {
    token_endpoint: `${oauth}/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${root}/discovery/${v2 ? 'v2.0/' : ''}keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: v2 ? `${base}/${tenantId}/v2.0` : tenantPath === 'adfs' ? `${base}/adfs` : `https://sts.windows.net/${tenantId}/`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${oauth}/authorize`,
    device_authorization_endpoint: `${oauth}/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${oauth}/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'tid', 'oid'],
    tenant_region_scope: 'WW',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/** ARM's 401: body plus the WWW-Authenticate challenge clients use to find the authority. */
export function unauthorized(base: string, code: string, message: string, description: string, tenantId?: string): ArmError {
  return new ArmError(401, code, message, undefined, undefined, {
    'WWW-Authenticate': `Bearer authorization_uri="${base}/${tenantId ?? 'common'}", error="invalid_token", error_description="${description}"`,
  });
}

/** Validates the bearer token of an ARM or Graph request. */
export function authenticate(ctx: Ctx, base: string): Caller {
  const state = ctx.emu.state;
  const header = ctx.headers.authorization;
  if (!header) {
    throw unauthorized(base, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", "The authentication failed because of missing 'Authorization' header.");
  }
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) {
    throw unauthorized(base, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.", "The authentication scheme of Bearer is required.");
  }
  const check = verifyToken(m[1].trim(), ctx.emu.signingKey, Math.floor(Date.now() / 1000));
  if (!check.ok) {
    if (check.reason === 'expired') {
      const expiry = new Date((check.exp ?? 0) * 1000).toISOString();
      throw unauthorized(
        base,
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${expiry}' is earlier than current UTC time '${new Date().toISOString()}'.`,
        'The access token has expired.',
      );
    }
    throw unauthorized(base, 'InvalidAuthenticationToken', 'The access token is invalid.', 'The access token is invalid.');
  }
  const principal = state.principals.find((p) => p.clientId === check.claims.appid);
  if (!principal) throw unauthorized(base, 'InvalidAuthenticationToken', 'The access token is invalid.', 'The access token is invalid.');
  return { principal, tenantId: check.claims.tid, objectId: check.claims.oid, audience: check.claims.aud };
}
