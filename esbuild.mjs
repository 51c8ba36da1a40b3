// Bundles the extension. Four outputs, so that activation stays small:
//   dist/extension.js  what activate() loads: the tree, the failure path, the UI it needs — no
//                      @azure/* code and no command handler;
//   dist/commands.js   every command's handler, required when the first command runs; it uses
//                      dist/extension.js's modules rather than copies (`sharedModules`);
//   dist/azure.js      the Azure layer and sign-in (@azure/* SDKs), required on first use;
//   dist/sdk.js        the management clients, required when the first one is built.
// `--production` minifies; the default development build carries source maps.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

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

/** src/extension.ts's `require('./commands.js')` stays a runtime require of the sibling bundle. */
const commandsChunkExternal = {
  name: 'commands-chunk-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\.js$/ }, () => ({ path: './commands.js', external: true }));
  },
};

/**
 * dist/extension.js exports every source module it holds (src/sharedModules.ts, filled here) so
 * that dist/commands.js can use those instances: one Explorer class for `instanceof`, one log, one
 * set of test hooks. A namespace import keeps each module's every export.
 */
function sharedModuleRegistry(modules) {
  return {
    name: 'shared-module-registry',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]sharedModules\.ts$/ }, () => ({
        contents: [
          ...modules.map((m, i) => `import * as m${i} from ${JSON.stringify(path.resolve(m))};`),
          `export const sharedModules: Record<string, unknown> = { ${modules.map((m, i) => `${JSON.stringify(m)}: m${i}`).join(', ')} };`,
        ].join('\n'),
        loader: 'ts',
        resolveDir: path.resolve('src'),
      }));
    },
  };
}

/** In dist/commands.js, an import of a module dist/extension.js holds becomes that bundle's instance. */
function fromActivationBundle(modules) {
  const shared = new Set(modules.map((m) => path.resolve(m)));
  return {
    name: 'from-activation-bundle',
    setup(build) {
      build.onResolve({ filter: /^\.\/extension\.js$/ }, () => ({ path: './extension.js', external: true }));
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.inner || args.namespace === 'activation-bundle') return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { inner: true } });
        if (resolved.errors.length > 0 || !shared.has(resolved.path)) return undefined;
        return { path: path.relative(process.cwd(), resolved.path).split(path.sep).join('/'), namespace: 'activation-bundle' };
      });
      build.onLoad({ filter: /.*/, namespace: 'activation-bundle' }, (args) => ({
        contents: `module.exports = require('./extension.js').sharedModules[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

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
  plugins: [azureChunkExternal, commandsChunkExternal, vscodeOnce],
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

/** The source modules activation loads: what dist/extension.js holds, found by bundling it once unwritten. */
async function activationModules() {
  const probe = await esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', write: false, metafile: true, logLevel: 'silent' });
  return Object.keys(probe.metafile.inputs).filter((f) => /^src\/.*\.ts$/.test(f) && f !== 'src/extension.ts' && f !== 'src/sharedModules.ts');
}

const activation = await activationModules();
const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [azureChunkExternal, commandsChunkExternal, vscodeOnce, sharedModuleRegistry(activation)] },
  { entryPoints: ['src/commandsChunk.ts'], outfile: 'dist/commands.js', plugins: [azureChunkExternal, vscodeOnce, fromActivationBundle(activation)] },
  { entryPoints: ['src/azureChunk.ts'], outfile: 'dist/azure.js' },
  { entryPoints: ['src/sdkClients.ts'], outfile: 'dist/sdk.js', plugins: [azureChunkExternal, vscodeOnce, sharedFromAzureChunk] },
  // The inventory webview's script: a browser bundle of its own (the model's table functions and
  // the @vscode-elements components it uses), the only file the webview may load (localResourceRoots).
  { entryPoints: ['src/webview/inventory.ts'], outfile: 'dist/webview/inventory.js', platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [] },
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
