import type { IncomingMessage } from 'node:http';
import type { ConfigPatch } from './config';
import type { Emulator } from './emulator';
import type { Reply } from './http';
import type { Json } from './json';
import { isObject } from './json';
import { normalizeRegion } from './compute/replication';
import type { SeedOptions } from './seeds';

/** Sets the regions failing for one version; copies running now in those regions fail too. */
export function setReplicationFaults(emu: Emulator, versionId: string, failRegions: string[]): Json {
  const key = versionId.toLowerCase();
  const regions = failRegions.map(normalizeRegion);
  const faults = (emu.state.replicationFaults ??= {});
  if (regions.length > 0) faults[key] = regions;
  else delete faults[key];
  const resource = emu.state.resources[key];
  for (const copy of resource?.replication ?? []) if (regions.includes(copy.region)) copy.fail = true;
  return { versionId, failRegions: regions };
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1');
}

/**
 * The knobs while running (no token; loopback only):
 *   GET  /_admin/config            current knobs
 *   POST /_admin/config            merge knobs (ConfigPatch)
 *   GET  /_admin/state             the whole state (JSON)
 *   POST /_admin/reset             {seed?, seedOptions?} back to a seed
 *   GET  /_admin/requests          the request log; DELETE clears it (and the traffic)
 *   GET  /_admin/traffic           recorded traffic pairs
 *   POST /_admin/expire-operations finish every running LRO now
 *   POST /_admin/restart           {downMs?} stop listening, drop connections, come back (state kept)
 *   POST /_admin/replication-faults {versionId, failRegions} these regions' copies of this one
 *                                  version fail half way (from now on, and the copies running now);
 *                                  [] lets copies planned later succeed
 */
export function handleAdmin(emu: Emulator, req: IncomingMessage, method: string, path: string, rawBody: string, _query: URLSearchParams): Reply {
  if (!isLoopback(req.socket.remoteAddress)) return { status: 403, body: { error: { code: 'Forbidden', message: 'The admin API answers loopback clients only.' } } };
  let body: Json | undefined;
  try {
    body = rawBody ? (JSON.parse(rawBody) as Json) : undefined;
  } catch {
    return { status: 400, body: { error: { code: 'InvalidRequestContent', message: 'Body is not JSON.' } } };
  }
  const route = `${method} ${path.toLowerCase().replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /_admin/config':
      return { status: 200, body: emu.config as unknown as Json };
    case 'POST /_admin/config':
    case 'PATCH /_admin/config':
      if (!isObject(body)) return { status: 400, body: { error: { code: 'InvalidRequestContent', message: 'Expected a JSON object.' } } };
      return { status: 200, body: emu.setConfig(body as unknown as ConfigPatch) as unknown as Json };
    case 'GET /_admin/state':
      emu.tick();
      return { status: 200, body: emu.state as unknown as Json };
    case 'POST /_admin/reset': {
      const seed = isObject(body) && typeof body.seed === 'string' ? body.seed : undefined;
      const seedOptions = isObject(body) && isObject(body.seedOptions) ? (body.seedOptions as unknown as SeedOptions) : undefined;
      emu.reset(seed, seedOptions);
      return { status: 200, body: { seed: emu.state.seed } };
    }
    case 'POST /_admin/restart': {
      // Answer first, then go away: the caller sees the local Azure vanish and come back.
      const downMs = isObject(body) && typeof body.downMs === 'number' ? body.downMs : 1000;
      setTimeout(() => void emu.restart?.(downMs), 50);
      return { status: 202, body: { downMs } };
    }
    case 'GET /_admin/storage':
      // Azurite (issue 15): where it listens and the request body bytes it has received so far.
      return { status: 200, body: emu.storage ? { url: emu.storage.url, receivedBytes: emu.storage.receivedBytes() } : { url: null, receivedBytes: 0 } };
    case 'GET /_admin/requests':
      return { status: 200, body: emu.requests as unknown as Json };
    case 'DELETE /_admin/requests':
      emu.requests.length = 0;
      emu.traffic.length = 0;
      return { status: 204 };
    case 'GET /_admin/traffic':
      return { status: 200, body: emu.traffic as unknown as Json };
    case 'POST /_admin/replication-faults': {
      if (!isObject(body) || typeof body.versionId !== 'string' || !Array.isArray(body.failRegions)) {
        return { status: 400, body: { error: { code: 'InvalidRequestContent', message: 'Expected {"versionId": "<version resource id>", "failRegions": ["westus2"]}.' } } };
      }
      return { status: 200, body: setReplicationFaults(emu, body.versionId, body.failRegions.map(String)) };
    }
    case 'POST /_admin/expire-operations':
      for (const op of Object.values(emu.state.operations)) if (!op.status) op.durationMs = 0;
      for (const r of Object.values(emu.state.resources)) for (const rep of r.replication ?? []) rep.durationMs = 0;
      emu.tick();
      return { status: 200, body: { ok: true } };
    default:
      return { status: 404, body: { error: { code: 'NotFound', message: `Unknown admin route ${route}.` } } };
  }
}
