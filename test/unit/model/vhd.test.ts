import assert from 'node:assert/strict';
import { blockId, checkVhd, nonZeroPages, subtractRanges } from '../../../src/model/vhd';
import { vhdFooter } from '../../support/vhdFiles';

const MIB = 1024 * 1024;
const head = (text: string): Uint8Array => Buffer.from(text.padEnd(8, '\0'), 'latin1');

describe('model/vhd', () => {
  it('accepts a fixed VHD whose disk is a whole number of MiB and the file the disk plus the footer', () => {
    assert.deepEqual(checkVhd(head(''), vhdFooter(4 * MIB), 4 * MIB + 512, 'a.vhd'), { ok: true, diskBytes: 4 * MIB });
  });

  it('refuses a dynamic VHD, naming the conversion', () => {
    const r = checkVhd(head('conectix'), vhdFooter(4 * MIB, 3), 4 * MIB + 512, 'a.vhd');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.problem : '', /dynamic VHD.*qemu-img convert -f vpc -O vpc -o subformat=fixed,force_size a\.vhd a-fixed\.vhd/);
    // A dynamic VHD's end is its block table: the footer copy is only at the start.
    const noTail = checkVhd(head('conectix'), Buffer.alloc(512), 9000, 'b.vhd');
    assert.match(!noTail.ok ? noTail.problem : '', /dynamic VHD/);
  });

  it('refuses raw, qcow2 and VHDX files with the command to convert each', () => {
    const raw = checkVhd(head(''), Buffer.alloc(512), MIB, 'disk.raw');
    assert.match(!raw.ok ? raw.problem : '', /no VHD footer.*-f raw -O vpc -o subformat=fixed,force_size disk\.raw disk-fixed\.vhd/);
    const qcow = checkVhd(Buffer.from([0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3]), Buffer.alloc(512), MIB, 'disk.qcow2');
    assert.match(!qcow.ok ? qcow.problem : '', /qcow2 image.*-f qcow2/);
    const vhdx = checkVhd(head('vhdxfile'), Buffer.alloc(512), MIB, 'disk.vhdx');
    assert.match(!vhdx.ok ? vhdx.problem : '', /vhdx image.*-f vhdx/);
    const tiny = checkVhd(head(''), Buffer.alloc(10), 10, 'x');
    assert.equal(tiny.ok, false);
  });

  it('refuses a damaged footer, a truncated file and a size not a whole number of MiB', () => {
    const f = vhdFooter(4 * MIB);
    f[100] ^= 0xff;
    assert.match((checkVhd(head(''), f, 4 * MIB + 512) as { problem: string }).problem, /checksum/);
    assert.match((checkVhd(head(''), vhdFooter(4 * MIB), 4 * MIB) as { problem: string }).problem, /truncated/);
    assert.match((checkVhd(head(''), vhdFooter(4 * MIB + 512), 4 * MIB + 1024) as { problem: string }).problem, /whole number of MiB.*5242880/);
  });

  it('finds the non-zero 512-byte pages, merged up to 4 MiB per write', () => {
    const chunk = new Uint8Array(4096);
    chunk[0] = 1;
    chunk[600] = 1;
    chunk[3000] = 1;
    assert.deepEqual(nonZeroPages(chunk, 1_048_576), [
      { offset: 1_048_576, count: 1024 },
      { offset: 1_048_576 + 2560, count: 512 },
    ]);
    assert.deepEqual(nonZeroPages(new Uint8Array(8192), 0), []);
    const full = new Uint8Array(5 * MIB).fill(7);
    assert.deepEqual(nonZeroPages(full, 0), [
      { offset: 0, count: 4 * MIB },
      { offset: 4 * MIB, count: MIB },
    ]);
  });

  it('subtracts the pages already written (resume)', () => {
    const wanted = [{ offset: 0, count: 4096 }, { offset: 8192, count: 1024 }];
    assert.deepEqual(subtractRanges(wanted, [{ offset: 512, count: 1024 }, { offset: 8192, count: 1024 }]), [
      { offset: 0, count: 512 },
      { offset: 1536, count: 2560 },
    ]);
    assert.deepEqual(subtractRanges(wanted, []), wanted);
    assert.deepEqual(subtractRanges(wanted, [{ offset: 0, count: 1 << 20 }]), []);
  });

  it('gives block ids of one length, tied to the file', () => {
    const a = blockId('abcdef', 1);
    assert.equal(a.length, blockId('0123456789abcdef0123', 123456).length);
    assert.notEqual(a, blockId('abcdeg', 1));
    assert.equal(Buffer.from(a, 'base64').toString(), 'abcdef0000000000-000001');
  });
});
