import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { processesInGroup, stopProcessGroup } from '../../harness/processes';
import { zipEntries } from '../../harness/vsix';

describe('harness helpers', () => {
  it('zipEntries lists the files of a zip, and refuses what is not one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-zip-'));
    try {
      // A stored (uncompressed) zip with two entries, built by hand so the test needs no zip tool.
      const entries = ['a.txt', 'dir/b.json'];
      const locals: Buffer[] = [];
      const centrals: Buffer[] = [];
      let offset = 0;
      for (const name of entries) {
        const local = Buffer.alloc(30 + name.length);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(name.length, 26);
        local.write(name, 30);
        const central = Buffer.alloc(46 + name.length);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE(offset, 42);
        central.write(name, 46);
        locals.push(local);
        centrals.push(central);
        offset += local.length;
      }
      const cd = Buffer.concat(centrals);
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(entries.length, 8);
      eocd.writeUInt16LE(entries.length, 10);
      eocd.writeUInt32LE(cd.length, 12);
      eocd.writeUInt32LE(offset, 16);
      const file = path.join(dir, 'x.zip');
      fs.writeFileSync(file, Buffer.concat([...locals, cd, eocd]));
      assert.deepEqual(zipEntries(file), entries);
      const notZip = path.join(dir, 'x.txt');
      fs.writeFileSync(notZip, 'hello '.repeat(10));
      assert.throws(() => zipEntries(notZip), /not a zip file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stopProcessGroup ends a detached child and its own children, leaving no survivor', async () => {
    const child = spawn('bash', ['-c', 'sleep 30 & sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    const pgid = child.pid!;
    for (let i = 0; i < 100 && processesInGroup(pgid).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(processesInGroup(pgid).length >= 3, 'bash and both sleeps are in the group');
    assert.deepEqual(await stopProcessGroup(pgid), []);
    assert.deepEqual(processesInGroup(pgid), []);
  });
});
