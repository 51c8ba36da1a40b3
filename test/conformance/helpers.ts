import * as https from 'node:https';
import { ClientSecretCredential } from '@azure/identity';
import { ComputeManagementClient } from '@azure/arm-compute';
import type { EmulatorOptions, RunningEmulator } from '../emulator/index';
import { startEmulator, LOCAL_PRINCIPAL } from '../emulator/index';

/** Fast knobs for tests: short LROs, quick replication, SDK-driven polling (Retry-After 0). */
export const FAST = {
  lro: { durationMs: 40, retryAfterSeconds: 0 },
  replication: { durationMs: 80 },
} as const;

/** Poll options that make @azure/core-lro poll every 20 ms (Retry-After 0 leaves the interval to the client). */
export const POLL = { updateIntervalInMs: 20 } as const;

export async function startFast(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    seed: 'empty',
    ...options,
    config: { ...options.config, lro: { ...FAST.lro, ...options.config?.lro }, replication: { ...FAST.replication, ...options.config?.replication } },
  });
}

export interface PrincipalLike {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** A real ClientSecretCredential signing in against the emulator, trusting its CA in-process. */
export function credentialFor(emu: RunningEmulator, principal: PrincipalLike = LOCAL_PRINCIPAL): ClientSecretCredential {
  return new ClientSecretCredential(principal.tenantId, principal.clientId, principal.clientSecret, {
    authorityHost: emu.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emu.caCertPem },
  });
}

export function computeClient(emu: RunningEmulator, subscriptionId: string, principal?: PrincipalLike): ComputeManagementClient {
  return new ComputeManagementClient(credentialFor(emu, principal), subscriptionId, {
    endpoint: emu.url,
    tlsOptions: { ca: emu.caCertPem },
    retryOptions: { maxRetries: 0 },
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

/** A plain HTTPS call, for what the SDKs hide (headers, exact status codes, error bodies). */
export function raw(emu: RunningEmulator, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {}): Promise<RawResponse> {
  const url = new URL(path.startsWith('/') ? emu.url + path : path);
  let payload: string | undefined;
  const headers: Record<string, string> = { ...options.headers };
  if (options.form) {
    payload = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca: emu.caCertPem, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export async function tokenFor(emu: RunningEmulator, principal: PrincipalLike = LOCAL_PRINCIPAL): Promise<string> {
  const res = await raw(emu, 'POST', `/${principal.tenantId}/oauth2/v2.0/token`, {
    form: { grant_type: 'client_credentials', client_id: principal.clientId, client_secret: principal.clientSecret, scope: 'https://management.azure.com/.default' },
  });
  return (res.body as { access_token: string }).access_token;
}

export interface ArmErrorBody {
  error: { code: string; message: string; target?: string };
}

export function errorOf(res: RawResponse): ArmErrorBody['error'] {
  return (res.body as ArmErrorBody).error;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A RestError's status and ARM code, whichever SDK threw it. */
export function armCode(e: unknown): { statusCode?: number; code?: string; message: string } {
  const err = e as { statusCode?: number; code?: string; message?: string; details?: { error?: { code?: string } } };
  return { statusCode: err.statusCode, code: err.details?.error?.code ?? err.code, message: err.message ?? String(e) };
}

export const GALLERY_API = '2025-12-03';

/** Where `sent` is not found in `got` (every member sent must come back with the same value). */
export function missing(sent: unknown, got: unknown, at: string, skip: string[]): string[] {
  if (skip.includes(at)) return [];
  if (Array.isArray(sent)) {
    if (!Array.isArray(got) || got.length !== sent.length) return [`${at}: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`];
    return sent.flatMap((s, i) => missing(s, got[i], `${at}[${i}]`, skip));
  }
  if (typeof sent === 'object' && sent !== null) {
    if (typeof got !== 'object' || got === null) return [`${at}: sent an object, got ${JSON.stringify(got)}`];
    return Object.entries(sent).flatMap(([k, v]) => missing(v, (got as Record<string, unknown>)[k], at ? `${at}.${k}` : k, skip));
  }
  // ARM answers a resource's location in its programmatic form (West US → westus).
  const norm = (v: unknown): unknown => (at === 'location' && typeof v === 'string' ? v.replace(/\s+/g, '').toLowerCase() : v);
  return norm(sent) === norm(got) ? [] : [`${at}: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`];
}
