// `npm run package`: the production bundle, then the .vsix (build/azure-compute-gallery.vsix).
// --no-dependencies: everything that runs is bundled into dist/, so node_modules must not ship.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

execFileSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
fs.mkdirSync('build', { recursive: true });
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', 'build/azure-compute-gallery.vsix'], { stdio: 'inherit' });
