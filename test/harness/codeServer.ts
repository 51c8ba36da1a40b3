import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_BIN, NODE24_BIN, RUNS_DIR } from './paths';
import { stopProcessGroup } from './processes';

export interface CodeServerOptions {
  /** User settings.json entries on top of the quiet defaults below. */
  userSettings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host (e.g. NODE_EXTRA_CA_CERTS). */
  env?: Record<string, string>;
  /** Needed for the `payload` URL parameter (extension tests); it also hides notification toasts. */
  smokeTestDriver?: boolean;
  /** Extension folders linked into the fresh --extensions-dir, loaded as installed extensions. */
  linkExtensions?: string[];
  /** Built-in extensions left out (VSCODE_SKIP_BUILTIN_EXTENSIONS), e.g. one a test extension replaces. */
  skipBuiltinExtensions?: string[];
  /** .vsix files installed with `code-server --install-extension` before start. */
  installVsix?: string[];
  /** Pipe code-server's output to ours. */
  log?: boolean;
  /** Fixed port (the sandbox); a free one otherwise. */
  port?: number;
  /** Keep the run folder (user data, logs) after stop. */
  keepRunDir?: boolean;
}

export interface CodeServer {
  base: string;
  port: number;
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  remoteAuthority: string;
  pid: number;
  /** Opens `folder`, optionally loading an extension in development mode and running its tests. */
  workbenchUrl(opts: { folder?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
  /** Stops the whole process group; resolves with the pids that survived (should be none). */
  stop(): Promise<number[]>;
}

const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'typescript.tsc.autoDetect': 'off',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(RUNS_DIR, 'run-'));
  const extensionsDir = path.join(runDir, 'extensions');
  const userDataDir = path.join(runDir, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.userSettings }, null, 2),
  );
  for (const ext of options.linkExtensions ?? []) {
    const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    fs.symlinkSync(path.resolve(ext), path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`));
  }
  // VS Code puts unix sockets in $TMPDIR, and socket paths are limited to ~107 characters.
  const tmpDir = fs.mkdtempSync('/tmp/acg-');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    TMPDIR: tmpDir,
    PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
    XDG_STATE_HOME: path.join(runDir, 'xdg-state'),
    // The server's extension scanner drops these built-ins (its environment service reads it).
    ...(options.skipBuiltinExtensions?.length ? { VSCODE_SKIP_BUILTIN_EXTENSIONS: options.skipBuiltinExtensions.join(',') } : {}),
  };
  for (const vsix of options.installVsix ?? []) {
    execFileSync(CODE_SERVER_BIN, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
      env,
      stdio: options.log ? 'inherit' : 'pipe',
    });
  }

  const port = options.port ?? (await freePort());
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  // detached: its own process group, so one kill reaches the extension host, watchers and helpers.
  const child = spawn(CODE_SERVER_BIN, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = fs.createWriteStream(path.join(runDir, 'code-server.log'));
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  if (options.log) {
    child.stdout.pipe(process.stdout);
    child.stderr.pipe(process.stderr);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${runDir}/code-server.log`);
    try {
      if ((await httpGet(`${base}/healthz`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const html = (await httpGet(`${base}/`)).body;
  const match = /id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html);
  const config = match ? (JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { remoteAuthority?: string }) : {};
  const remoteAuthority = config.remoteAuthority ?? 'remote';

  return {
    base,
    port,
    runDir,
    userDataDir,
    extensionsDir,
    remoteAuthority,
    pid,
    workbenchUrl({ folder, extensionDevelopmentPath, extensionTestsPath }) {
      const remote = (p: string) => `vscode-remote://${remoteAuthority}${p}`;
      const payload: [string, string][] = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      const q = new URLSearchParams();
      if (folder) q.set('folder', folder);
      else q.set('ew', 'true');
      q.set('payload', JSON.stringify(payload));
      return `${base}/?${q.toString()}`;
    },
    async stop() {
      const survivors = await stopProcessGroup(pid);
      fs.rmSync(tmpDir, { recursive: true, force: true });
      if (!options.keepRunDir && !process.env.KEEP_RUN_DIR) fs.rmSync(runDir, { recursive: true, force: true });
      return survivors;
    },
  };
}
