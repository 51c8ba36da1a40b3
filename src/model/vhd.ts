// What Azure accepts as a VHD to make an image from, read from the file's own bytes, and the page
// arithmetic of uploading one as a page blob. Pure: the caller reads the bytes.
//
// The footer layout is the Virtual Hard Disk Image Format Specification (Microsoft, 2006,
// "Hard Disk Footer Format"): the last 512 bytes; cookie "conectix" at 0, file format version
// 0x00010000 at 12, data offset at 16 (0xFFFFFFFFFFFFFFFF for a fixed disk), current size at 48,
// disk type at 60 (2 fixed, 3 dynamic, 4 differencing), checksum at 64 (the one's complement of
// the sum of every other footer byte).
// Azure's rules: "The VHD must be a fixed-size VHD … Dynamic VHDs aren't supported" and "The
// virtual size of the VHD must be aligned to 1 MiB" (learn.microsoft.com/azure/virtual-machines/
// linux/create-upload-generic, "General Linux installation notes"; the same for Windows in
// windows/prepare-for-upload-vhd-image, "Convert the virtual disk to a fixed size VHD"); the
// conversion commands below are the ones those pages give.

export const VHD_FOOTER_BYTES = 512;
/** A page blob is written in 512-byte pages, at most 4 MiB per Put Page (Blob service REST API, "Put Page"). */
export const PAGE_BYTES = 512;
export const MAX_PUT_PAGE_BYTES = 4 * 1024 * 1024;
const MIB = 1024 * 1024;

const DISK_TYPES: Record<number, string> = { 2: 'fixed', 3: 'dynamic', 4: 'differencing' };

export type VhdCheck = { ok: true; diskBytes: number } | { ok: false; problem: string };

/** What other disk formats start with, to say what to convert from. */
function formatOfHead(head: Uint8Array): string | undefined {
  const text = String.fromCharCode(...head.subarray(0, 8));
  if (text.startsWith('QFI\xfb')) return 'qcow2';
  if (text === 'vhdxfile') return 'vhdx';
  if (text.startsWith('KDMV') || text.startsWith('# Disk D')) return 'vmdk';
  if (text === 'conectix') return 'vpc';
  return undefined;
}

const convertCommand = (from: string, file: string): string =>
  `qemu-img convert -f ${from} -O vpc -o subformat=fixed,force_size ${file} ${file.replace(/\.[^./]+$/, '')}-fixed.vhd`;

/**
 * Whether a file is a VHD Azure can use: a fixed-size VHD whose size is a whole number of MiB, its
 * footer intact and the file exactly the disk plus the footer. `head` is the file's first 8 bytes,
 * `footer` its last 512; `name` is only for the advice.
 */
export function checkVhd(head: Uint8Array, footer: Uint8Array, fileBytes: number, name = 'disk.img'): VhdCheck {
  if (fileBytes < VHD_FOOTER_BYTES || footer.length !== VHD_FOOTER_BYTES || String.fromCharCode(...footer.subarray(0, 8)) !== 'conectix') {
    const format = formatOfHead(head);
    if (format === 'vpc') {
      // A dynamic VHD keeps a copy of its footer at the start; its end is the block allocation.
      return { ok: false, problem: `${name} is a dynamic VHD: Azure takes only fixed-size VHDs. Convert it: ${convertCommand('vpc', name)} (or Convert-VHD -VHDType Fixed in PowerShell).` };
    }
    if (format) return { ok: false, problem: `${name} is a ${format} image, not a VHD: convert it to a fixed-size VHD first: ${convertCommand(format, name)}.` };
    return { ok: false, problem: `${name} has no VHD footer (a raw disk image?): convert it to a fixed-size VHD first: ${convertCommand('raw', name)}.` };
  }
  const view = new DataView(footer.buffer, footer.byteOffset, footer.byteLength);
  let sum = 0;
  for (let i = 0; i < VHD_FOOTER_BYTES; i++) if (i < 64 || i >= 68) sum += footer[i];
  if ((~sum >>> 0) !== view.getUint32(64)) return { ok: false, problem: `${name}'s VHD footer has a wrong checksum: the file is damaged. Convert the disk again.` };
  const diskType = view.getUint32(60);
  if (diskType !== 2) {
    return { ok: false, problem: `${name} is a ${DISK_TYPES[diskType] ?? `type ${diskType}`} VHD: Azure takes only fixed-size VHDs. Convert it: ${convertCommand('vpc', name)} (or Convert-VHD -VHDType Fixed in PowerShell).` };
  }
  const diskBytes = Number(view.getBigUint64(48));
  if (fileBytes !== diskBytes + VHD_FOOTER_BYTES) {
    return { ok: false, problem: `${name} is ${fileBytes} bytes but its footer says the disk is ${diskBytes} bytes plus the footer: the file is truncated or was changed. Convert the disk again.` };
  }
  if (diskBytes % MIB !== 0) {
    const next = Math.ceil(diskBytes / MIB) * MIB;
    return { ok: false, problem: `${name}'s disk is ${diskBytes} bytes, not a whole number of MiB as Azure needs: resize the raw disk to ${next} bytes (qemu-img resize -f raw disk.raw ${next}) and convert it again with force_size.` };
  }
  return { ok: true, diskBytes };
}

/** A byte range [offset, offset + count). */
export interface ByteRange {
  offset: number;
  count: number;
}

/**
 * The 512-byte pages of `chunk` (which starts at `base` in the file) holding any non-zero byte,
 * merged into runs of at most MAX_PUT_PAGE_BYTES: what a page blob upload sends. A new page blob
 * reads as zeros, so zero pages need not be sent; azcopy skips them ("azcopy helpfully skips empty
 * byte ranges", Azure/azure-storage-azcopy#1104), the Azure CLI's upload does not
 * (Azure/azure-cli#6754).
 */
export function nonZeroPages(chunk: Uint8Array, base: number): ByteRange[] {
  const out: ByteRange[] = [];
  // Whole pages are read as 32-bit words: a 2 GiB disk is half a billion reads instead of two.
  const words = chunk.byteOffset % 4 === 0 ? new Uint32Array(chunk.buffer, chunk.byteOffset, Math.floor(chunk.length / 4)) : undefined;
  const isZero = (page: number, end: number): boolean => {
    if (words && end - page === PAGE_BYTES) {
      for (let w = page / 4, last = end / 4; w < last; w++) if (words[w] !== 0) return false;
      return true;
    }
    for (let i = page; i < end; i++) if (chunk[i] !== 0) return false;
    return true;
  };
  for (let page = 0; page < chunk.length; page += PAGE_BYTES) {
    const end = Math.min(page + PAGE_BYTES, chunk.length);
    if (isZero(page, end)) continue;
    const last = out[out.length - 1];
    if (last && last.offset + last.count === base + page && last.count + (end - page) <= MAX_PUT_PAGE_BYTES) last.count += end - page;
    else out.push({ offset: base + page, count: end - page });
  }
  return out;
}

/** The parts of `wanted` not covered by `done` (both sorted, non-overlapping within themselves). */
export function subtractRanges(wanted: readonly ByteRange[], done: readonly ByteRange[]): ByteRange[] {
  const out: ByteRange[] = [];
  for (const w of wanted) {
    let start = w.offset;
    const end = w.offset + w.count;
    for (const d of done) {
      const dEnd = d.offset + d.count;
      if (dEnd <= start || d.offset >= end) continue;
      if (d.offset > start) out.push({ offset: start, count: d.offset - start });
      start = Math.max(start, dEnd);
      if (start >= end) break;
    }
    if (start < end) out.push({ offset: start, count: end - start });
  }
  return out;
}

/** A block blob's block ids: the same length for every block (the service requires it), tied to the file's fingerprint so another file's blocks are never reused. */
export function blockId(fingerprint: string, index: number): string {
  const text = `${fingerprint.slice(0, 16).padEnd(16, '0')}-${String(index).padStart(6, '0')}`;
  let binary = '';
  for (const c of text) binary += c;
  return btoa(binary);
}

// Container and blob names: learn.microsoft.com/rest/api/storageservices/naming-and-referencing-
// containers--blobs--and-metadata ("Container names must start or end with a letter or number, and
// can contain only letters, numbers, and the hyphen/minus (-) character. Every hyphen/minus (-)
// character must be immediately preceded and followed by a letter or number; consecutive hyphens
// aren't permitted … all letters in a container name must be lowercase … 3 through 63 characters
// long"; "A blob name can contain any combination of characters … must be at least one character
// long and cannot be more than 1,024 characters long").
export function validateContainerName(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `Use 3 to 63 characters (this has ${name.length}).`;
  if (!/^[a-z0-9-]+$/.test(name)) return 'Use lowercase letters, digits and hyphens only.';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name) || name.includes('--')) return 'Start and end with a letter or digit, and put a letter or digit on both sides of each hyphen.';
  return undefined;
}

export function validateBlobName(name: string): string | undefined {
  if (name.length === 0) return 'Enter the blob name, for example disk.vhd.';
  if (name.length > 1024) return `Use at most 1,024 characters (this has ${name.length}).`;
  if (/[\\]/.test(name) || name.endsWith('/') || name.endsWith('.')) return 'Use / between folders, and do not end the name with / or a dot.';
  return undefined;
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[u]}`;
}
