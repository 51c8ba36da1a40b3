// The test-only accounts extension (test/accounts): built into out/, linked into code-server's
// extensions folder as an installed extension, with VS Code's own Microsoft authentication
// disabled so that its providers are the ones `vscode.authentication` reaches.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sovereignCustomEnvironment, type LocalAzureEndpoint } from './localAzure';
import { OUT_DIR, ROOT } from './paths';

/** VS Code's built-in provider of the same ids: two providers may not share an id. */
export const BUILTIN_MICROSOFT_AUTHENTICATION = 'vscode.microsoft-authentication';

export async function buildAccountsExtension(): Promise<string> {
  const srcDir = path.join(ROOT, 'test', 'accounts');
  const outDir = path.join(OUT_DIR, 'accounts');
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(srcDir, 'extension.ts')],
    outfile: path.join(outDir, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(srcDir, 'package.json'), path.join(outDir, 'package.json'));
  return outDir;
}

/**
 * The local Azure as VS Code's sovereign cloud (`microsoft-sovereign-cloud.environment` custom),
 * the way a user of Azure Stack Hub or a national cloud sets it: the extension follows it when its
 * own `azureComputeGallery.environment` is unset, and signs in with the VS Code account.
 */
export function sovereignCloudSettings(emulator: LocalAzureEndpoint): Record<string, unknown> {
  return {
    'microsoft-sovereign-cloud.environment': 'custom',
    'microsoft-sovereign-cloud.customEnvironment': sovereignCustomEnvironment(emulator),
    'azureComputeGallery.replicationPollSeconds': 1,
  };
}
