import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../../harness/paths';

// test/harness/system-packages.sh on a machine state without the packages: PATH holds only stubs
// (id, sudo, apt-get, and whichever tools a case says are installed), and ACG_SYSTEM_ROOT points
// the header check at an empty folder. apt-get and sudo write what they were asked to a log.
const SCRIPT = path.join(ROOT, 'test', 'harness', 'system-packages.sh');

interface Machine {
  uid: number;
  /** sudo exists and needs no password. */
  sudo: boolean;
  /** Commands on PATH (g++, make, python3, chromium, az). */
  installed?: string[];
  kerberosHeaders?: boolean;
}

function stub(dir: string, name: string, body: string): void {
  fs.writeFileSync(path.join(dir, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
}

function run(machine: Machine, ...needs: string[]): { status: number | null; stderr: string; log: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-syspkg-'));
  const bin = path.join(dir, 'bin');
  const sysroot = path.join(dir, 'root');
  const log = path.join(dir, 'log');
  fs.mkdirSync(bin);
  fs.writeFileSync(log, '');
  stub(bin, 'id', `echo ${machine.uid}`);
  stub(bin, 'apt-get', `echo "apt-get $*" >> ${log}`);
  stub(bin, 'env', `echo "env $1" >> ${log}; shift; exec "$@"`);
  if (machine.sudo) stub(bin, 'sudo', `[ "$1 $2" = "-n true" ] && exit 0; echo "sudo" >> ${log}; exec "$@"`);
  for (const tool of machine.installed ?? []) stub(bin, tool, 'exit 0');
  if (machine.kerberosHeaders) {
    fs.mkdirSync(path.join(sysroot, 'usr', 'include', 'gssapi'), { recursive: true });
    fs.writeFileSync(path.join(sysroot, 'usr', 'include', 'gssapi', 'gssapi.h'), '');
  }
  const result = spawnSync('/bin/bash', [SCRIPT, ...needs], {
    env: { PATH: bin, ACG_SYSTEM_ROOT: sysroot },
    encoding: 'utf8',
  });
  const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr, log: lines };
}

describe('system-packages.sh (what npm start and npm test need from Debian)', () => {
  it('installs every missing package as root, before anything else runs', () => {
    const r = run({ uid: 0, sudo: false }, 'build', 'chromium', 'azure-cli');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.log, [
      'apt-get update -qq',
      'env DEBIAN_FRONTEND=noninteractive',
      'apt-get install -y -qq --no-install-recommends g++ make python3 libkrb5-dev chromium azure-cli',
    ]);
  });

  it('uses sudo when it needs no password', () => {
    const r = run({ uid: 1000, sudo: true, installed: ['g++', 'make', 'python3'] }, 'build');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.log, ['sudo', 'apt-get update -qq', 'sudo', 'env DEBIAN_FRONTEND=noninteractive', 'apt-get install -y -qq --no-install-recommends libkrb5-dev']);
  });

  it('otherwise names the exact command in one line and fails, installing nothing', () => {
    const r = run({ uid: 1000, sudo: false, installed: ['g++', 'make', 'python3', 'az'] }, 'build', 'chromium', 'azure-cli');
    assert.equal(r.status, 1);
    assert.deepEqual(r.log, []);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /Missing Debian packages: libkrb5-dev chromium\. Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends libkrb5-dev chromium$/);
  });

  it('does nothing when everything is there', () => {
    const r = run({ uid: 1000, sudo: false, installed: ['g++', 'make', 'python3', 'chromium', 'az'], kerberosHeaders: true }, 'build', 'chromium', 'azure-cli');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.log, []);
    assert.equal(r.stderr, '');
  });

  it('refuses a need it does not know', () => {
    const r = run({ uid: 0, sudo: false }, 'kerberos');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown need 'kerberos' \(build, chromium or azure-cli\)/);
  });
});
