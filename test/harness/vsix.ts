import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { ROOT, VSIX_PATH } from './paths';

let output: string | undefined;

/** `npm run package` once per process: the production bundle and the .vsix users install. */
export function packageVsix(): string {
  packagingOutput();
  return VSIX_PATH;
}

/** What `npm run package` printed (esbuild and vsce, stdout and stderr), packaging first if needed. */
export function packagingOutput(): string {
  if (output === undefined) {
    const run = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (run.status !== 0) throw new Error(`npm run package failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
    output = `${run.stdout}${run.stderr}`;
  }
  return output;
}

/** File names in a zip (a .vsix is one), read from its central directory. */
export function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: corrupt central directory`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
