import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { ROOT } from '../harness/paths';
import { stopProcessGroup } from '../harness/processes';
import { buildExtension, ensureChromium, ensureCodeServer } from '../harness/setup';
import { openGalleryView, SCREENSHOTS_DIR } from './workbench';

// F5 in the repository: .vscode/launch.json's "Run Extension (local Azure)" and its preLaunchTask.
// No desktop VS Code here, so this does what VS Code does with those files — run the tasks, wait
// for the background task's end pattern, read the envFile, open the folder with the extension in
// development mode — in code-server, and checks the extension signs in to the local Azure.

interface Task {
  label: string;
  type?: string;
  script?: string;
  command?: string;
  dependsOn?: string[];
  dependsOrder?: string;
  isBackground?: boolean;
  problemMatcher?: { background?: { beginsPattern: string; endsPattern: string } };
}
interface LaunchConfig {
  name: string;
  type: string;
  args: string[];
  envFile?: string;
  preLaunchTask?: string;
}

/** launch.json and tasks.json are JSON with comments; ours put comments on lines of their own. */
const readJsonc = <T>(file: string) =>
  JSON.parse(
    fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n'),
  ) as T;

describe('F5: the extension in development mode against the local Azure', () => {
  const f5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-f5-'));
  /** ${workspaceFolder} is this checkout; the task's own folder is moved to a temporary one. */
  const resolve = (value: string) => value.replace('${workspaceFolder}/.sandbox/f5', f5Dir).replace('${workspaceFolder}', ROOT);
  const launch = readJsonc<{ configurations: LaunchConfig[] }>('.vscode/launch.json').configurations.find((c) => c.name === 'Run Extension (local Azure)');
  const tasks = readJsonc<{ tasks: Task[] }>('.vscode/tasks.json').tasks;
  const task = (label: string | undefined) => tasks.find((t) => t.label === label);
  let localAzure: ChildProcess | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  after(async () => {
    if (page) await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'f5-local-azure.png') }).catch(() => undefined);
    await browser?.close();
    const survivors = [...((await server?.stop()) ?? []), ...(localAzure?.pid ? await stopProcessGroup(localAzure.pid) : [])];
    fs.rmSync(f5Dir, { recursive: true, force: true });
    assert.deepEqual(survivors, [], 'nothing outlives the session');
  });

  it('launches an extensionHost whose preLaunchTask builds, then starts the local Azure in the background', () => {
    assert.ok(launch, 'launch.json has "Run Extension (local Azure)"');
    assert.equal(launch.type, 'extensionHost');
    assert.ok(launch.args.includes('--extensionDevelopmentPath=${workspaceFolder}'));
    const pre = task(launch.preLaunchTask);
    assert.ok(pre?.dependsOn, `tasks.json has the preLaunchTask "${launch.preLaunchTask}" with the tasks it runs`);
    assert.equal(pre.dependsOrder, 'sequence');
    const [build, background] = pre.dependsOn.map(task);
    assert.deepEqual([build?.type, build?.script], ['npm', 'build']);
    assert.equal(background?.isBackground, true);
    assert.match(background?.command ?? '', /test\/harness\/f5LocalAzure\.ts/);
  });

  it('shows the local Azure\'s subscriptions once the background task reports ready', async function () {
    this.timeout(240_000);
    assert.ok(launch?.envFile);
    ensureCodeServer();
    ensureChromium();
    const background = task(launch.preLaunchTask)!.dependsOn!.map(task)[1]!;
    const matcher = background.problemMatcher!.background!;
    buildExtension();
    // Run as VS Code runs a shell task: the command line, from the folder, in its own process group.
    localAzure = spawn(background.command!, { shell: true, cwd: ROOT, detached: true, env: { ...process.env, ACG_F5_DIR: f5Dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((ready, fail) => {
      localAzure!.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.split('\n').some((line) => new RegExp(matcher.endsPattern).test(line))) ready();
      });
      localAzure!.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      localAzure!.on('exit', (code) => fail(new Error(`the task exited with ${code}:\n${output}`)));
    });
    assert.match(output, new RegExp(matcher.beginsPattern, 'm'));
    assert.match(output, /\[local-azure\] ready: https:\/\/127\.0\.0\.1:\d+/, output);

    const env = Object.fromEntries(
      fs
        .readFileSync(resolve(launch.envFile), 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    assert.ok(env.NODE_EXTRA_CA_CERTS && env.AZURE_CLIENT_ID, 'the envFile names the CA and the service principal');
    const folder = launch.args.find((a) => !a.startsWith('--'));
    assert.ok(folder, 'F5 opens a folder whose settings point at the local Azure');
    server = await startCodeServer({ smokeTestDriver: true, env });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(server.workbenchUrl({ folder: resolve(folder), extensionDevelopmentPath: ROOT }));
    await page.locator('.monaco-workbench').waitFor();
    await openGalleryView(page);
    await page.getByRole('treeitem', { name: /Contoso Production/ }).first().waitFor();
  });
});
