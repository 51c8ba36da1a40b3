import * as crypto from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ArmError } from './arm/errors';
import { checkApiVersion } from './arm/apiVersions';
import { authenticate } from './auth';
import { authorizeSubscription } from './access';
import { handleAdmin } from './admin';
import type { Emulator } from './emulator';
import { pickFault, faultReply } from './faults';
import type { Ctx, Reply } from './http';
import { CaseInsensitiveQuery } from './http';
import type { Json, JsonObject } from './json';
import { isObject } from './json';
import { findResourceGroup, getResource } from './state';
import { resourceGroupNotFound } from './arm/errors';
import type { TlsMaterial } from './tls';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function listen(emu: Emulator, tls: TlsMaterial, port: number): Promise<https.Server> {
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    void serve(emu, req, res);
  });
  // Keep-alive sockets would hold stop() open; tests start and stop many emulators.
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  emu.baseUrl = `https://127.0.0.1:${address.port}`;
  return server;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Json | undefined {
  if (!raw) return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const form: JsonObject = {};
    for (const [k, v] of new URLSearchParams(raw)) form[k] = v;
    return form;
  }
  try {
    return JSON.parse(raw) as Json;
  } catch {
    throw new ArmError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  }
}

/** `//metadata/endpoints` (az) and percent-encoded segments map to the same route. */
function normalizePath(raw: string): string {
  const collapsed = raw.replace(/\/{2,}/g, '/');
  return collapsed
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join('/');
}

function redact(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = k.toLowerCase() === 'authorization' ? 'Bearer <redacted>' : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

async function serve(emu: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = process.hrtime.bigint();
  const method = (req.method ?? 'GET').toUpperCase();
  // Concatenate rather than resolve: `//subscriptions/...` (SDKs joining `/` + scope) must stay a path.
  const url = new URL(`https://127.0.0.1${req.url ?? '/'}`);
  const path = normalizePath(url.pathname);
  let rawBody = '';
  try {
    rawBody = await readBody(req);
  } catch {
    return;
  }

  if (/^\/_admin(\/|$)/i.test(path)) {
    const reply = handleAdmin(emu, req, method, path, rawBody, url.searchParams);
    send(res, reply, method);
    return;
  }

  if (emu.config.latencyMs > 0) await sleep(emu.config.latencyMs);

  const fault = pickFault(emu, method, path);
  const ms = (): number => Number(process.hrtime.bigint() - started) / 1e6;
  const receivedAt = Date.now();
  if (fault?.kind === 'drop' && !fault.afterProcessing) {
    emu.requests.push({ method, path, status: 0, ms: ms(), at: receivedAt });
    req.socket.destroy();
    return;
  }

  let reply: Reply;
  let body: Json | undefined;
  try {
    if (fault && fault.kind !== 'drop') reply = faultReply(fault, path);
    else {
      body = parseBody(rawBody, req.headers['content-type']);
      reply = await dispatch(emu, req.headers, method, path, url, body, rawBody);
    }
  } catch (e) {
    reply = errorReply(e);
  }
  if (fault?.kind === 'drop') {
    // Done, but the answer never arrives: what a client sees when a connection dies mid-response.
    emu.requests.push({ method, path, status: 0, ms: ms(), at: receivedAt });
    req.socket.destroy();
    return;
  }
  const requestId = crypto.randomUUID();
  reply.headers = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': (req.headers['x-ms-client-request-id'] as string | undefined) ?? requestId,
    ...reply.headers,
  };
  send(res, reply, method);
  emu.requests.push({ method, path, status: reply.status, ms: ms(), at: receivedAt });
  if (emu.recordTraffic && !/\/(oauth2|\.well-known|discovery)\//i.test(path)) {
    emu.traffic.push({
      liveRequest: { url: `${emu.baseUrl}${req.url ?? '/'}`, method, headers: redact(req.headers), body: trafficBody(body) },
      liveResponse: { statusCode: String(reply.status), headers: { 'content-type': 'application/json; charset=utf-8', ...reply.headers }, body: trafficBody(reply.body) },
    });
  }
  if (method !== 'GET' && method !== 'HEAD') emu.saveSoon();
}

function trafficBody(body: Json | undefined): JsonObject | unknown[] | string | null {
  if (body === undefined) return {};
  if (isObject(body) || Array.isArray(body) || typeof body === 'string' || body === null) return body;
  return String(body);
}

export function errorReply(e: unknown): Reply {
  if (e instanceof ArmError) return { status: e.status, body: e.body(), headers: e.headers };
  const message = e instanceof Error ? e.message : String(e);
  return {
    status: 500,
    body: { error: { code: 'InternalServerError', message: `Encountered internal server error. Diagnostic information: ${message}` } },
  };
}

function send(res: ServerResponse, reply: Reply, method: string): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.text !== undefined) payload = reply.text;
  else if (reply.body !== undefined && reply.status !== 204) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  headers['Cache-Control'] ??= 'no-cache';
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

/**
 * A request the local Azure makes of itself (a template deployment applying its resources): the same
 * routing, authentication, authorization and checks as one from outside, not logged as traffic.
 */
export async function dispatchInternal(emu: Emulator, method: string, pathAndQuery: string, body: Json, headers: IncomingHttpHeaders): Promise<Reply> {
  const url = new URL(`https://127.0.0.1${pathAndQuery}`);
  try {
    return await dispatch(emu, headers, method.toUpperCase(), normalizePath(url.pathname), url, body, JSON.stringify(body));
  } catch (e) {
    return errorReply(e);
  }
}

async function dispatch(
  emu: Emulator,
  reqHeaders: IncomingHttpHeaders,
  method: string,
  path: string,
  url: URL,
  body: Json | undefined,
  rawBody: string,
): Promise<Reply> {
  const { route, params, pathOnly } = emu.router.match(method, path);
  if (!route) {
    if (pathOnly) throw new ArmError(405, 'HttpMethodNotAllowed', `The HTTP method '${method}' is not supported at '${path}'.`);
    throw notFoundFor(path, url.searchParams.get('api-version'));
  }
  emu.tick();
  const ctx: Ctx = {
    emu,
    method,
    path,
    requestPath: url.pathname,
    query: new CaseInsensitiveQuery(url.searchParams),
    params,
    headers: reqHeaders,
    body,
    rawBody,
  };
  if (route.auth !== 'none') ctx.caller = authenticate(ctx, emu.baseUrl);
  if (route.auth === 'arm' && params.subscriptionId) {
    authorizeSubscription(ctx, params.subscriptionId, route.action ?? `${method} ${route.template}`, scopeOf(path));
    if (params.resourceGroupName && !route.resourceGroupIsTarget && !findResourceGroup(emu.state, params.subscriptionId, params.resourceGroupName)) {
      throw resourceGroupNotFound(params.resourceGroupName);
    }
  }
  if (route.apiVersions && route.family && route.family !== 'none') {
    checkApiVersion(ctx.query.get('api-version'), route.apiVersions, route.family, route.typeName ?? 'resource', locationForMessage(ctx));
  }
  return route.handler(ctx);
}

/** The scope AuthorizationFailed names: the resource the request is about. */
function scopeOf(path: string): string {
  return path.replace(/\/providers\/Microsoft\.Authorization\/.*$/i, '').replace(/\/$/, '');
}

function locationForMessage(ctx: Ctx): string {
  if (isObject(ctx.body) && typeof ctx.body.location === 'string') return ctx.body.location;
  if (ctx.params.location) return ctx.params.location;
  const existing = getResource(ctx.emu.state, ctx.path);
  if (existing) return existing.location;
  const sub = ctx.params.subscriptionId;
  const rg = ctx.params.resourceGroupName;
  if (sub && rg) return findResourceGroup(ctx.emu.state, sub, rg)?.location ?? 'westus';
  return 'westus';
}

/** ARM's answers for paths no route serves. */
function notFoundFor(path: string, apiVersion: string | null): ArmError {
  const provider = /\/providers\/([^/]+)\/([^/]+)/i.exec(path);
  if (provider) {
    return new ArmError(
      404,
      'InvalidResourceType',
      `The resource type '${provider[2]}' could not be found in the namespace '${provider[1]}' for api version '${apiVersion ?? ''}'.`,
    );
  }
  return new ArmError(404, 'NotFound', `The requested path '${path}' was not found.`);
}
