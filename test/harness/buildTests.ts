import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUT_DIR, ROOT } from './paths';

/** Bundles the extension-host suite: index.js (Mocha's run()) plus one bundle per *.test.ts. */
export async function buildIntegrationTests(): Promise<string> {
  const srcDir = path.join(ROOT, 'test', 'integration');
  const outDir = path.join(OUT_DIR, 'test', 'integration');
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
