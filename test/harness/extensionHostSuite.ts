import * as fs from 'node:fs';
import { format } from 'node:util';
import { ROOT } from './paths';
import { buildExtensionHostCode } from './buildTests';
import { launchBrowser } from './browser';
import { startCodeServer } from './codeServer';
import { resultsFile } from './results';

// Offline noise from the workbench itself (marketplace, GitHub auth); VERBOSE=1 shows it.
const NOISE = new RegExp(
  [
    'open-vsx\\.org', "authentication provider 'github'", 'Resolving connection token', 'Resolved connection token',
    'Creating a socket', 'reconnection-grace-time', 'AccountPolicyGate', 'AgentHost', 'Service Worker',
    'additional builtin extensions', 'ERR_NAME_NOT_RESOLVED', 'Failed to fetch', '^Canceled', '/static/out/vs/',
  ].join('|'),
);

export interface ExtensionHostRun {
  /** What the code in the host wrote to ACG_RESULTS_FILE, if anything. */
  results?: unknown;
  exitCode: number;
  survivors: number[];
}

/**
 * Runs test/<folder>/index.ts's run() inside a real VS Code extension host (code-server), with the
 * extension loaded from this checkout in development mode. The host's console is relayed here.
 */
export async function runInExtensionHost(options: {
  folder?: string;
  env?: Record<string, string>;
  userSettings?: Record<string, unknown>;
  timeoutMs?: number;
  /** Installed extensions beside the one under test (the test accounts extension). */
  linkExtensions?: string[];
  skipBuiltinExtensions?: string[];
}): Promise<ExtensionHostRun> {
  const folder = options.folder ?? 'integration';
  const testsDir = await buildExtensionHostCode(folder);
  const results = resultsFile(`${folder}-raw`);
  fs.rmSync(results, { force: true });
  const server = await startCodeServer({
    smokeTestDriver: true,
    env: { ...options.env, ACG_RESULTS_FILE: results, ...(process.env.ACG_TEST_GREP ? { ACG_TEST_GREP: process.env.ACG_TEST_GREP } : {}) },
    userSettings: options.userSettings,
    linkExtensions: options.linkExtensions,
    skipBuiltinExtensions: options.skipBuiltinExtensions,
  });
  let exitCode = 1;
  let timer: NodeJS.Timeout | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let survivors: number[] = [];
  // A workbench that never loads (page.goto timing out on a loaded machine) must not leave
  // code-server running: it is stopped whatever happened.
  try {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    let resolveExit: (code: number) => void = () => undefined;
    const done = new Promise<number>((resolve) => (resolveExit = resolve));
    // In test mode the workbench forwards the extension host's console (Mocha's reporter) to
    // window.codeAutomationLog and the result of run() to window.codeAutomationExit.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...args);
      if (!process.env.VERBOSE && NOISE.test(text)) return;
      if (type === 'error' || type === 'warn') console.error(text);
      else console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    await page.goto(server.workbenchUrl({ folder: ROOT, extensionDevelopmentPath: ROOT, extensionTestsPath: testsDir }));
    // A guard against a hung workbench, not a speed target: the integration suite alone takes about
    // 8 minutes on an idle 2-core machine and more under load, and a timeout loses every result.
    const timeoutMs = options.timeoutMs ?? Number(process.env.TEST_TIMEOUT_MS ?? 1_500_000);
    exitCode = await Promise.race([
      done,
      new Promise<number>((resolve) => {
        timer = setTimeout(() => {
          console.error(`[${folder}] timed out after ${timeoutMs} ms`);
          resolve(2);
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await browser?.close();
    survivors = await server.stop();
  }
  let written: unknown;
  try {
    written = JSON.parse(fs.readFileSync(results, 'utf8')) as unknown;
  } catch {
    console.error(`[${folder}] the code in the extension host wrote no results: it did not run`);
  }
  return { results: written, exitCode, survivors };
}
