import * as path from 'node:path';

/** Where everything the harness installs or writes lives; all of it git-ignored. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE_DIR = process.env.ACG_VSCODE_CACHE ?? path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.139.1';
export const NODE24_BIN = process.env.NODE24_BIN ?? path.join(CACHE_DIR, 'node24', 'bin');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_BIN = process.env.CODE_SERVER_BIN ?? path.join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM_BIN = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RUNS_DIR = path.join(CACHE_DIR, 'runs');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DIST_DIR = path.join(ROOT, 'dist');
// Separate output folders let two extension-host runs (e.g. two people's suites) build side by side.
export const OUT_DIR = process.env.ACG_OUT_DIR ? path.resolve(process.env.ACG_OUT_DIR) : path.join(ROOT, 'out');
export const VSIX_PATH = path.join(ROOT, 'build', 'azure-compute-gallery.vsix');
