import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { createTrustContext, pemBlocks, type GetCaCertificates } from '../../../src/azure/tlsAgent';
import { loadOrCreateTls, type TlsMaterial } from '../../emulator/tls';

// The agent's trust: Node's bundled roots, NODE_EXTRA_CA_CERTS and the system store, built by
// adding to Node's default store. Node 20 cannot list its CAs, so the lists are given here.
describe('TLS trust of the shared agent', () => {
  let material: TlsMaterial;
  let server: https.Server;
  let port: number;

  before(async () => {
    material = await loadOrCreateTls(fs.mkdtempSync(path.join(os.tmpdir(), 'acg-tls-')));
    server = https.createServer({ cert: material.certPem, key: material.keyPem }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (secureContext: tls.SecureContext) =>
    new Promise<string>((resolve) => {
      const req = https.get({ host: '127.0.0.1', port, path: '/', agent: new https.Agent({ secureContext, ca: [] }) }, (res) => {
        res.resume();
        resolve(`status ${res.statusCode}`);
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });

  const lists = (extra: string[]): GetCaCertificates => (type) => (type === 'bundled' ? [...tls.rootCertificates] : type === 'extra' ? extra : []);

  it('trusts a NODE_EXTRA_CA_CERTS certificate, and only in its own context', async () => {
    assert.equal(await get(createTrustContext(lists([material.caCertPem]))), 'status 200');
    // Node's shared default store is not changed for every other context in the extension host.
    assert.equal(await get(tls.createSecureContext()), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('does not trust a certificate that is in none of the lists', async () => {
    assert.equal(await get(createTrustContext(lists([]))), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('reads each certificate of a labelled (p11-kit) bundle without its label', () => {
    const body = material.caCertPem.trim();
    const bundle = `# Local test CA\n${body}\n\n# Second label\n${body}\n`;
    assert.deepEqual(pemBlocks(bundle), [body, body]);
  });
});
