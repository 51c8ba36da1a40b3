import * as fs from 'node:fs';
import * as https from 'node:https';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/explorerProvider';

export async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  // The extension exports its API only in ExtensionMode.Test (run with --extensionTestsPath).
  if (!api) throw new Error(`${EXTENSION_ID} exported no API: is VS Code running it in test mode (extensionTestsPath)?`);
  return api;
}

export async function children(node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await extensionApi()).explorer.provider.getChildren(node);
}

export async function item(node: ExplorerNode): Promise<vscode.TreeItem> {
  return node.getTreeItem();
}

export function labelOf(i: vscode.TreeItem): string {
  return typeof i.label === 'string' ? i.label : (i.label?.label ?? '');
}

export async function labels(nodes: ExplorerNode[]): Promise<string[]> {
  return Promise.all(nodes.map(async (n) => labelOf(await n.getTreeItem())));
}

export async function child(parent: ExplorerNode | undefined, label: string | RegExp): Promise<ExplorerNode> {
  const nodes = await children(parent);
  for (const n of nodes) {
    const l = labelOf(await n.getTreeItem());
    if (typeof label === 'string' ? l === label : label.test(l)) return n;
  }
  throw new Error(`No child ${String(label)} among: ${(await labels(nodes)).join(', ')}`);
}

/** Follows a path of labels from the root. */
export async function nodeAt(...path: (string | RegExp)[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of path) node = await child(node, label);
  if (!node) throw new Error('empty path');
  return node;
}

export function tooltipText(i: vscode.TreeItem): string {
  return typeof i.tooltip === 'string' ? i.tooltip : (i.tooltip?.value ?? '');
}

/** Polls until `check` passes (no fixed sleeps): the tree updates on its own schedule. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

const settings = () => vscode.workspace.getConfiguration('azureComputeGallery');

export async function signInToLocalAzure(): Promise<void> {
  await settings().update('authentication', 'servicePrincipal', vscode.ConfigurationTarget.Global);
  await eventually(async () => {
    const roots = await labels(await children());
    if (!roots.includes('Contoso Production')) throw new Error(`not signed in yet: ${roots.join(', ')}`);
  });
}

export async function signOut(): Promise<void> {
  await settings().update('authentication', undefined, vscode.ConfigurationTarget.Global);
}

/** The emulator's loopback-only admin API (knobs, reset), trusted through its CA. */
export async function emulatorAdmin(method: string, path: string, body?: unknown): Promise<unknown> {
  const url = new URL(path, process.env.ACG_EMULATOR_URL);
  const ca = fs.readFileSync(process.env.ACG_EMULATOR_CA ?? '', 'utf8');
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
        else resolve(text ? (JSON.parse(text) as unknown) : undefined);
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export async function refreshAll(): Promise<void> {
  await vscode.commands.executeCommand('azureComputeGallery.refresh');
}
