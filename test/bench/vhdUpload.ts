// Benchmark figure 13 (issue 15): uploading a fixed VHD that is 90 % zeros to Azurite with the
// extension's own upload (src/azure/storage.ts, page blob, non-zero pages only), against the
// machine's own floor: the same file's bytes read from disk and written to a loopback socket.
// Run by test/bench/run.ts in a process of its own, which trusts the local Azure's CA from start
// (NODE_EXTRA_CA_CERTS); prints one JSON line. The file is sparse, in the temporary directory,
// and removed afterwards.
//   NODE_EXTRA_CA_CERTS=.emulator/ca.pem npx tsx test/bench/vhdUpload.ts [--mib 2048]
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { clearClients } from '../../src/azure/clientFactory';
import { servicePrincipalCredential } from '../../src/azure/credentials';
import { listBlobAccounts, uploadFile } from '../../src/azure/storage';
import type { CloudEndpoints } from '../../src/azure/types';
import { LOCAL_PRINCIPAL, PRODUCTION_SUBSCRIPTION_ID, startEmulator } from '../emulator/index';
import { writeSparseVhd } from '../support/vhdFiles';

export interface UploadFigures {
  fileBytes: number;
  nonZeroBytes: number;
  sentBytes: number;
  /** What Azurite received (request bodies), counted on its side. */
  receivedBytes: number;
  uploadMs: number;
  copyMs: number;
}

/** Reads the whole file and writes it to a loopback TCP socket whose other end discards it. */
async function diskToLoopback(file: string): Promise<number> {
  const server = net.createServer((s) => s.on('data', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }).on('error', reject).pipe(socket).on('finish', resolve);
    });
    socket.on('error', reject);
  });
  const ms = performance.now() - started;
  server.close();
  return ms;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--mib');
  const mib = i >= 0 ? Number(process.argv[i + 1]) : 2048;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-bench-vhd-'));
  const file = path.join(dir, 'bench.vhd');
  const emu = await startEmulator({ seed: 'demo', storage: true, recordTraffic: false });
  try {
    const nonZeroBytes = writeSparseVhd(file, mib * 1024 * 1024, 0.1, 1024 * 1024);
    const copyMs = await diskToLoopback(file);
    const url = emu.url.endsWith('/') ? emu.url : `${emu.url}/`;
    const cloud: CloudEndpoints = { name: 'Custom', resourceManagerEndpointUrl: url, activeDirectoryEndpointUrl: url, microsoftGraphEndpointUrl: `${url}graph/`, portalUrl: 'https://portal.azure.com', resourceManagerScope: `${url}.default` };
    const target = { cloud, credential: servicePrincipalCredential(LOCAL_PRINCIPAL, cloud), subscriptionId: PRODUCTION_SUBSCRIPTION_ID, tenantId: LOCAL_PRINCIPAL.tenantId, userAgent: 'acg-bench' };
    const account = (await listBlobAccounts(target)).find((a) => a.name === 'contosoimagestage');
    if (!account) throw new Error('the demo seed has no contosoimagestage account');
    const before = emu.storage!.receivedBytes();
    const started = performance.now();
    const r = await uploadFile(target, account, 'bench', 'bench.vhd', file, { kind: 'page' });
    const uploadMs = performance.now() - started;
    const figures: UploadFigures = { fileBytes: r.fileBytes, nonZeroBytes, sentBytes: r.sentBytes, receivedBytes: emu.storage!.receivedBytes() - before, uploadMs, copyMs };
    console.log(JSON.stringify(figures));
  } finally {
    clearClients();
    await emu.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
