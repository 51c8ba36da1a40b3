// What the three create commands share: the signed-in subscriptions, cached look-ups, the poll interval, and how
// a failure is put into words.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../constants';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import type { SubscriptionNode } from '../tree/nodes/subscriptionNode';
import { log } from '../ui/log';
import { VsCodePrompter } from '../ui/vscodePrompter';
import type { Prompter } from '../ui/wizard';

/** What every create command's options object may also carry. */
export interface CommonCreateOptions {
  /** Ask every step, with the answers given filled in (what "Edit and Try Again" does). */
  edit?: boolean;
  /** Who asks the missing answers; VS Code's quick input by default (tests pass a ScriptedPrompter). */
  prompter?: Prompter;
  /** Stops waiting for Azure (as the progress notification's Cancel does); Azure goes on. */
  abortSignal?: AbortSignal;
}

/**
 * Waits for a long-running create with a cancellable progress notification. Cancel (or the
 * caller's signal) stops the waiting, not Azure: resolves `undefined` then, and the caller says so.
 */
export async function waitCancellably<T>(
  title: string,
  abortSignal: AbortSignal | undefined,
  work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>,
): Promise<{ value: T } | undefined> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  abortSignal?.addEventListener('abort', onAbort);
  if (abortSignal?.aborted) controller.abort();
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(onAbort);
      try {
        return { value: await work(controller.signal, progress) };
      } catch (error) {
        if (controller.signal.aborted) return undefined;
        throw error;
      }
    });
  } finally {
    abortSignal?.removeEventListener('abort', onAbort);
  }
}

/** A plain options object, as opposed to a tree node VS Code passes from a menu. */
export function isOptionsObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** `(node?, options?)` or `(options?)`: what menus, the palette and keybindings pass. */
export function splitArguments<N, O extends object>(args: unknown[], isNode: (value: unknown) => value is N): { node?: N; options: O } {
  const [first, second] = args;
  if (isNode(first)) return { node: first, options: (isOptionsObject(second) ? second : {}) as O };
  return { options: (isOptionsObject(first) ? first : {}) as O };
}

export function prompterOf(options: CommonCreateOptions): Prompter {
  return options.prompter ?? new VsCodePrompter();
}

/** How long to wait between polls when Azure sends no Retry-After (only the local Azure does that). */
export function pollIntervalMs(): number {
  const seconds = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>('replicationPollSeconds', 5);
  return Math.max(1, seconds) * 1000;
}

/** The signed-in subscriptions the tree shows; loads the top of the tree if it has not loaded yet. */
export async function signedInSubscriptions(explorer: Explorer): Promise<SubscriptionNode[]> {
  await explorer.root.children();
  const subscriptions = explorer.root.subscriptions;
  if (subscriptions.length === 0) {
    throw new Error('Sign in to Azure first (Azure Compute Gallery: Sign In to Azure), and check that Select Subscriptions… shows at least one subscription.');
  }
  return subscriptions;
}

export function subscriptionNode(explorer: Explorer, subscriptionId: string): SubscriptionNode | undefined {
  return explorer.root.subscriptions.find((s) => s.subscription.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
}

/** Reloads `parent`'s children, then shows and selects the node of `id` (if the tree has it). */
export async function reloadAndReveal(explorer: Explorer, parent: ExplorerNode, id: string): Promise<ExplorerNode | undefined> {
  explorer.reload(parent);
  const node = await explorer.findNode(id);
  if (node) {
    try {
      await explorer.reveal(node, { select: true, focus: false });
    } catch (error) {
      log().warn(`Could not reveal ${id}: ${(error as Error).message}`);
    }
  }
  return node;
}

/** Loads once per flow and shares the answer (and retries after a failure). */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** The same as lazy(), per argument (e.g. per subscription id, per gallery). */
export function lazyBy<A, T>(keyOf: (arg: A) => string, load: (arg: A) => Promise<T>): (arg: A) => Promise<T> {
  const cache = new Map<string, () => Promise<T>>();
  return (arg) => {
    const key = keyOf(arg).toLowerCase();
    let entry = cache.get(key);
    if (!entry) {
      entry = lazy(() => load(arg));
      cache.set(key, entry);
    }
    return entry();
  };
}

export function lazyByKey<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  return lazyBy((key: string) => key, load);
}

export { regionLabel, type RegionChoice } from '../ui/regions';
