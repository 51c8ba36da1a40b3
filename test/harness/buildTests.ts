import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUT_DIR, ROOT } from './paths';

/**
 * Bundles code that runs in the extension host (test/<folder>): index.js, whose run() the host
 * calls, plus one bundle per *.test.ts beside it.
 */
export async function buildExtensionHostCode(folder = 'integration'): Promise<string> {
  const srcDir = path.join(ROOT, 'test', folder);
  const outDir = path.join(OUT_DIR, 'test', folder);
  fs.rmSync(outDir, { recursive: true, force: true });
  const tests = fs.readdirSync(srcDir).filter((f) => f.endsWith('.test.ts'));
  await esbuild.build({
    entryPoints: [path.join(srcDir, 'index.ts'), ...tests.map((t) => path.join(srcDir, t))],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // vscode comes from the host; mocha is required from node_modules at run time.
    external: ['vscode', 'mocha'],
    mainFields: ['main', 'module'],
    logLevel: 'warning',
  });
  return outDir;
}
