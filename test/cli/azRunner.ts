// What the cli suite's files share: finding the real `az` and running a command with the
// environment that points it at the local Azure, its exit code and output kept for assertions.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where `az` is on PATH, or undefined. */
export function findAz(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'az');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs `file args` in `env`, logging the command (not a script's text given with -p) and its exit. */
export function runCommand(env: NodeJS.ProcessEnv, file: string, args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const started = Date.now();
    execFile(file, args, { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      console.log(`      $ ${path.basename(file)} ${args[0] === '-p' ? '' : args.slice(0, 3).join(' ')}  → exit ${code}, ${Date.now() - started} ms`);
      resolve({ code, stdout, stderr });
    });
  });
}
