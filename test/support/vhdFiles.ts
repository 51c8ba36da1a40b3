// Test VHDs: a fixed-size VHD's footer (VHD Image Format Specification, "Hard Disk Footer
// Format"), and sparse files made with it — the holes cost no disk, so a 2 GiB disk fits /tmp.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

/** The 512-byte footer of a VHD of `diskBytes` (type 2 fixed, 3 dynamic). */
export function vhdFooter(diskBytes: number, diskType = 2): Buffer {
  const f = Buffer.alloc(512);
  f.write('conectix', 0, 'latin1');
  f.writeUInt32BE(2, 8); // features: reserved bit
  f.writeUInt32BE(0x00010000, 12);
  f.writeBigUInt64BE(diskType === 2 ? 0xffffffffffffffffn : 512n, 16);
  f.write('qemu', 28, 'latin1');
  f.writeUInt32BE(0x5769326b, 36); // creator host OS "Wi2k"
  f.writeBigUInt64BE(BigInt(diskBytes), 40);
  f.writeBigUInt64BE(BigInt(diskBytes), 48);
  f.writeUInt32BE(diskType, 60);
  crypto.randomFillSync(f, 68, 16);
  let sum = 0;
  for (let i = 0; i < 512; i++) if (i < 64 || i >= 68) sum += f[i];
  f.writeUInt32BE(~sum >>> 0, 64);
  return f;
}

/**
 * A fixed VHD of `diskBytes` whose data is `dataFraction` non-zero, in runs of `runBytes` spread
 * evenly (the rest holes). Returns the file's non-zero byte count (the footer included).
 */
export function writeSparseVhd(file: string, diskBytes: number, dataFraction: number, runBytes = 1024 * 1024, seed = 1): number {
  fs.rmSync(file, { force: true });
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    fs.ftruncateSync(fd, diskBytes + 512);
    const runs = Math.floor((diskBytes * dataFraction) / runBytes);
    const stride = runs > 0 ? Math.floor(diskBytes / runs / 512) * 512 : diskBytes;
    const block = Buffer.alloc(runBytes);
    let x = seed;
    for (let i = 0; i < runBytes; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      block[i] = (x >>> 16) | 1;
    }
    for (let r = 0; r < runs; r++) {
      block.writeUInt32BE(r, 0);
      fs.writeSync(fd, block, 0, runBytes, r * stride);
      written += runBytes;
    }
    fs.writeSync(fd, vhdFooter(diskBytes), 0, 512, diskBytes);
  } finally {
    fs.closeSync(fd);
  }
  return written + 512;
}
