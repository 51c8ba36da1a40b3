// Bundles the extension. Two outputs, so that activation stays small:
//   dist/extension.js  what activate() loads: tree, commands, UI — no @azure/* code;
//   dist/azure.js      the Azure layer and sign-in (@azure/* SDKs), required on first use.
// `--production` minifies; the default development build carries source maps.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** src/**'s `require('./azure.js')` stays a runtime require of the sibling bundle. */
const azureChunkExternal = {
  name: 'azure-chunk-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/azure\.js$/ }, () => ({ path: './azure.js', external: true }));
  },
};

/**
 * `import * as vscode from 'vscode'` in each of ~50 modules becomes one `__toESM(require('vscode'))`
 * each, and every one copies the whole API object's property descriptors: ~50 ms of activation
 * and first-render CPU (seen in npm run bench's profile). Routing every import through one ES
 * module that re-exports `vscode` copies them once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  // @azure/* packages ship ESM and CJS; prefer the CJS "main" so the bundle is plain require().
  mainFields: ['main', 'module'],
  plugins: [azureChunkExternal, vscodeOnce],
  define: { 'process.env.ACG_BUILD': JSON.stringify(production ? 'production' : 'development') },
};

/** In dist/sdk.js, the core libraries are dist/azure.js's copies (its `sharedModules`). */
const SHARED = ['@azure-rest/core-client', '@azure/core-client', '@azure/core-lro', '@azure/core-rest-pipeline', '@azure/logger', 'tslib'];
const sharedFromAzureChunk = {
  name: 'shared-from-azure-chunk',
  setup(build) {
    const filter = new RegExp(`^(${SHARED.map((m) => m.replace(/[/\\-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'shared' }));
    build.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
      contents: `module.exports = require('./azure.js').sharedModules[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/azureChunk.ts'], outfile: 'dist/azure.js' },
  { entryPoints: ['src/sdkClients.ts'], outfile: 'dist/sdk.js', plugins: [azureChunkExternal, vscodeOnce, sharedFromAzureChunk] },
];

// A production build must not ship a development build's source maps.
fs.rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching');
} else {
  const results = await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e, metafile: true })));
  for (const r of results) {
    for (const [file, out] of Object.entries(r.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`[esbuild] ${file} ${(out.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
