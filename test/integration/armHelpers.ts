// Raw ARM calls from the extension-host tests, as a second client of the local Azure: to load
// richly shaped resources exactly as a pipeline or the portal would have made them, and to read
// back Azure's own JSON after the extension changed them.
import * as fs from 'node:fs';
import * as https from 'node:https';
import { LOCAL_PRINCIPAL } from '../emulator/seeds/wellKnown';
import { eventually } from './helpers';

export const API_VERSION = '2025-12-03';
let token: string | undefined;

function send(method: string, url: URL, body: string | undefined, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const ca = fs.readFileSync(process.env.ACG_EMULATOR_CA ?? '', 'utf8');
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function bearer(): Promise<string> {
  if (token) return token;
  const url = new URL(`/${LOCAL_PRINCIPAL.tenantId}/oauth2/v2.0/token`, process.env.ACG_EMULATOR_URL);
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: LOCAL_PRINCIPAL.clientId, client_secret: LOCAL_PRINCIPAL.clientSecret, scope: 'https://management.azure.com/.default' });
  const res = await send('POST', url, form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
  token = (JSON.parse(res.text) as { access_token: string }).access_token;
  return token;
}

/** One ARM request; throws with Azure's error body when it fails. */
export async function arm(method: string, id: string, body?: unknown, apiVersion: string = API_VERSION): Promise<Record<string, unknown>> {
  const url = new URL(`${id}?api-version=${apiVersion}`, process.env.ACG_EMULATOR_URL);
  const res = await send(method, url, body === undefined ? undefined : JSON.stringify(body), { authorization: `Bearer ${await bearer()}`, 'content-type': 'application/json' });
  if (res.status >= 400) throw new Error(`${method} ${id}: ${res.status} ${res.text}`);
  return res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {};
}

/** PUT a resource and wait until Azure reports it Succeeded. */
export async function putAndWait(id: string, body: unknown): Promise<Record<string, unknown>> {
  await arm('PUT', id, body);
  return settled(id);
}

/** The resource as Azure holds it once its provisioning state is Succeeded. */
export function settled(id: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const got = await arm('GET', id);
    const state = (got.properties as { provisioningState?: string } | undefined)?.provisioningState;
    if (state !== 'Succeeded') throw new Error(`${id} is ${state}`);
    return got;
  }, 30_000);
}

/** Every path where two JSON values differ ("properties.publishingProfile.targetRegions[0].regionalReplicaCount"). */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a === b) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...differences(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = a as Record<string, unknown>;
    const kb = b as Record<string, unknown>;
    const out: string[] = [];
    for (const k of new Set([...Object.keys(ka), ...Object.keys(kb)])) out.push(...differences(ka[k], kb[k], path ? `${path}.${k}` : k));
    return out;
  }
  return [path || '(root)'];
}
