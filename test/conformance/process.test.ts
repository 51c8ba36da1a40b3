import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { RunningEmulator } from '../emulator/index';
import { LOCAL_PRINCIPAL, PRODUCTION_SUBSCRIPTION_ID, startEmulator } from '../emulator/index';
import { GALLERY_API, POLL, computeClient, raw, startFast, tokenFor } from './helpers';

const REPO = path.resolve(__dirname, '..', '..');

/** State on disk across restarts, and the CLI a shell (or the sandbox) starts. */
describe('persistence and the CLI', function () {
  it('state persists to --data-file (atomic) and survives a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-emu-'));
    const dataFile = path.join(dir, 'state.json');
    let emu: RunningEmulator = await startFast({ seed: 'empty', dataFile });
    try {
      const token = await tokenFor(emu);
      await raw(emu, 'PUT', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups/rg-persist?api-version=2021-04-01`, { token, body: { location: 'eastus' } });
      await computeClient(emu, PRODUCTION_SUBSCRIPTION_ID).galleries.createOrUpdate('rg-persist', 'persisted', { location: 'eastus', description: 'kept' }, POLL);
    } finally {
      await emu.stop();
    }
    assert.ok(fs.existsSync(dataFile));
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp files left behind');
    emu = await startEmulator({ seed: 'empty', dataFile });
    try {
      const g = await computeClient(emu, PRODUCTION_SUBSCRIPTION_ID).galleries.get('rg-persist', 'persisted');
      assert.equal(g.description, 'kept');
      assert.equal(g.provisioningState, 'Succeeded');
    } finally {
      await emu.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`tsx test/emulator/cli.ts` prints exactly one JSON line, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/emulator/cli.ts'), '--port', '0', '--seed', 'demo', '--latency-ms', '0'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const rl = readline.createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    rl.on('line', (l) => lines.push(l));
    const info = JSON.parse(first) as { url: string; ca: string; tenantId: string; clientId: string; clientSecret: string };
    assert.deepEqual(Object.keys(info).sort(), ['ca', 'clientId', 'clientSecret', 'tenantId', 'url']);
    assert.match(info.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(fs.readFileSync(info.ca, 'utf8').includes('BEGIN CERTIFICATE'));
    assert.equal(info.clientId, LOCAL_PRINCIPAL.clientId);
    const fake = { url: info.url, caCertPem: fs.readFileSync(info.ca, 'utf8') } as RunningEmulator;
    const token = await tokenFor(fake);
    const res = await raw(fake, 'GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Compute/galleries?api-version=${GALLERY_API}`, { token });
    assert.equal(res.status, 200);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.deepEqual(lines, [], 'nothing but the one JSON line on stdout');
  });
});
