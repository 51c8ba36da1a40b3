// The local Azure's blob storage: Azurite (Microsoft's storage emulator, the `azurite` npm package)
// in this process, over HTTPS with the local Azure's certificate, so the extension reaches it as it
// reaches real storage — with a key from listKeys or the signed-in identity's token (Azurite's
// "basic" OAuth: it checks a bearer token's issuer, audience and lifetime, not its signature).
// The local Azure's fault knobs (`faults`, kind `drop`) apply to its requests too, so a test can
// cut an upload's connections mid-way.
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import type { Emulator } from '../emulator';
import { pickFault } from '../faults';
import { signToken } from '../auth';
import type { TlsMaterial } from '../tls';
import { writeFileAtomic } from '../files';

/** Azurite ships no type declarations: the parts of its blob server used here. */
interface AzuriteBlobServer {
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
  getHttpServerAddress(): string;
  httpServer: http.Server;
}
type BlobConfigurationCtor = new (...args: unknown[]) => unknown;
type BlobServerCtor = new (config: unknown) => AzuriteBlobServer;

export interface AzuriteAccount {
  name: string;
  keys: string[];
}

export interface RunningAzurite {
  /** https://127.0.0.1:port — an account's blob endpoint is `${url}/${account}/`. */
  url: string;
  /** Request body bytes received (Content-Length of every request), for the benchmark. */
  receivedBytes(): number;
  /** Sends one request as the local service principal (bearer token); the body is a string or bytes. */
  request(method: string, urlPath: string, headers?: Record<string, string>, body?: Buffer | string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>;
  stop(): Promise<void>;
}

export const STORAGE_AUDIENCE = 'https://storage.azure.com';
const X_MS_VERSION = '2025-01-05';

/**
 * Starts Azurite's blob service on 127.0.0.1 (a free port unless given) with these accounts
 * (Azurite's AZURITE_ACCOUNTS, which it reads when it starts). `dataDir` keeps blobs on disk
 * (the sandbox); without it they live in memory.
 */
export async function startAzurite(emu: Emulator, tls: TlsMaterial, cacheDir: string, accounts: AzuriteAccount[], o: { port?: number; dataDir?: string } = {}): Promise<RunningAzurite> {
  const certPath = path.join(cacheDir, 'azurite-cert.pem');
  const keyPath = path.join(cacheDir, 'azurite-key.pem');
  if (!fs.existsSync(certPath) || fs.readFileSync(certPath, 'utf8') !== tls.certPem) writeFileAtomic(certPath, tls.certPem);
  if (!fs.existsSync(keyPath) || fs.readFileSync(keyPath, 'utf8') !== tls.keyPem) writeFileAtomic(keyPath, tls.keyPem, 0o600);
  if (accounts.length > 0) process.env.AZURITE_ACCOUNTS = accounts.map((a) => `${a.name}:${a.keys.join(':')}`).join(';');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const BlobConfiguration = (require('azurite/dist/src/blob/BlobConfiguration') as { default: BlobConfigurationCtor }).default;
  const BlobServer = (require('azurite/dist/src/blob/BlobServer') as { default: BlobServerCtor }).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dir = o.dataDir;
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const config = new BlobConfiguration(
    '127.0.0.1', o.port ?? 0, undefined,
    dir ? path.join(dir, '__azurite_db_blob__.json') : '__azurite_db_blob__.json',
    dir ? path.join(dir, '__azurite_db_blob_extent__.json') : '__azurite_db_blob_extent__.json',
    dir ? [{ locationId: 'Default', locationPath: path.join(dir, 'blobstorage'), maxConcurrency: 10 }] : undefined,
    false, undefined, false, undefined,
    true, // loose: ignore headers Azurite does not know rather than refusing them
    true, // skipApiVersionCheck: the SDK may be newer than this Azurite
    certPath, keyPath, '', 'basic', false,
    !dir, // in memory unless a directory is given
  );
  const server = new BlobServer(config);
  let received = 0;
  // Fault knobs first, then Azurite: a `drop` rule that fires destroys the connection unanswered.
  const azuriteListeners = server.httpServer.listeners('request') as ((req: http.IncomingMessage, res: http.ServerResponse) => void)[];
  server.httpServer.removeAllListeners('request');
  server.httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    received += Number(req.headers['content-length'] ?? 0);
    const fault = pickFault(emu, req.method ?? 'GET', (req.url ?? '/').split('?')[0]);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    for (const l of azuriteListeners) l(req, res);
  });
  await server.start();
  const port = Number(/:(\d+)$/.exec(server.getHttpServerAddress())?.[1] ?? (server.httpServer.address() as { port: number }).port);
  const url = `https://127.0.0.1:${(server.httpServer.address() as { port?: number })?.port ?? port}`;
  const agent = new https.Agent({ ca: tls.caCertPem, keepAlive: true });
  const token = () => {
    const now = Math.floor(Date.now() / 1000);
    return signToken(
      {
        aud: STORAGE_AUDIENCE, iss: `https://sts.windows.net/${'00000000-0000-0000-0000-000000000000'}/`, iat: now, nbf: now, exp: now + 3600,
        appid: 'local-azure', azp: 'local-azure', oid: 'local-azure', sub: 'local-azure', tid: '00000000-0000-0000-0000-000000000000', idtyp: 'app', ver: '1.0', jti: String(now),
      },
      emu.signingKey,
    );
  };
  return {
    url,
    receivedBytes: () => received,
    request: (method, urlPath, headers = {}, body) =>
      new Promise((resolve, reject) => {
        const data = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
        const req = https.request(`${url}${urlPath}`, {
          method, agent,
          headers: { authorization: `Bearer ${token()}`, 'x-ms-version': X_MS_VERSION, 'x-ms-date': new Date().toUTCString(), 'content-length': String(data?.length ?? 0), ...headers },
        }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        });
        req.on('error', reject);
        req.end(data);
      }),
    stop: async () => {
      agent.destroy();
      await server.close();
      if (!dir) await server.clean().catch(() => undefined);
    },
  };
}

/** Container names of an account (List Containers; Azurite answers XML). */
export async function listAzuriteContainers(azurite: RunningAzurite, account: string): Promise<string[]> {
  const r = await azurite.request('GET', `/${account}/?comp=list`);
  if (r.status !== 200) throw new Error(`Azurite List Containers: ${r.status} ${r.body.slice(0, 200)}`);
  return [...r.body.matchAll(/<Container>\s*<Name>([^<]+)<\/Name>/g)].map((m) => m[1]);
}
