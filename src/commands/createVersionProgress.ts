// After Create Image Version (or Create Application Version) returns, Azure goes on creating and replicating the version for
// minutes. This waits for it in the background — a cancellable notification with the replication
// progress — and reports the result. It polls nothing itself: it follows the tree's replication
// watcher, so one loop polls each version however many wait for it. Pending creations are remembered in globalState, so that a
// window reload picks the wait up again: lazily, when the tree first loads (never at activation,
// which must not load the Azure SDK). Cancelling stops the waiting, not Azure.
import * as vscode from 'vscode';
import type { ApplicationVersion, AzureTarget, ImageVersion } from '../azure/types';
import { parseArmId } from '../model/armId';
import { summariseReplication } from '../model/replication';
import type { Explorer, WatchedVersion } from '../tree/explorer';
import type { PollEvent } from '../tree/replicationWatcher';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { subscriptionNode } from './createCommon';

export const PENDING_VERSIONS_KEY = 'azureComputeGallery.pendingImageVersions';
/** How long a wait leaves the tree to start watching the version before it asks for a watch. */
const WATCH_GRACE_MS = 1000;

export interface PendingVersion {
  /** The version's resource id. */
  id: string;
  subscriptionId: string;
  /** ISO time the PUT was accepted. */
  startedAt: string;
}

/** What is followed: an image version or a VM application version (the same replication fields). */
type FollowedVersion = ImageVersion | ApplicationVersion;

type Outcome =
  | { kind: 'succeeded'; version: FollowedVersion }
  | { kind: 'failed'; version: FollowedVersion }
  | { kind: 'gone' }
  /** The user deleted it (Delete, or a cascade): ends quietly. */
  | { kind: 'deleted' }
  | { kind: 'stopped' }
  /** The watch stopped from outside (sign-out, another cloud): kept, resumed when the tree loads again. */
  | { kind: 'paused' }
  | { kind: 'noAccess'; message: string };

function names(id: string): { version: string; definition: string; noun: string } {
  const ref = parseArmId(id);
  if (ref?.kind === 'applicationVersion') return { version: ref.versionName, definition: ref.applicationName, noun: 'Application version' };
  return ref?.kind === 'imageVersion' ? { version: ref.versionName, definition: ref.imageName, noun: 'Image version' } : { version: id.split('/').pop() ?? id, definition: '', noun: 'Image version' };
}

/** What a poll of the version means for the wait: how it ended, or (undefined) go on. */
function outcomeOf(id: string, event: PollEvent<WatchedVersion>, report: (message: string) => void): Outcome | undefined {
  if (event.reset) return { kind: 'paused' };
  if (event.error !== undefined) {
    const e = event.error as { statusCode?: number; message?: string };
    if (e.statusCode === 404) return { kind: 'gone' };
    if (e.statusCode === 401 || e.statusCode === 403) return { kind: 'noAccess', message: e.message ?? String(event.error) };
    log().warn(`Checking ${id}: ${e.message ?? String(event.error)} — trying again`);
    return event.done ? { kind: 'paused' } : undefined;
  }
  const version = event.node.version ?? event.node.applicationVersion;
  if (!version) return undefined;
  const summary = summariseReplication({ aggregatedState: version.replication?.aggregatedState, summary: version.replication?.regions });
  const state = version.provisioningState?.toLowerCase();
  if (summary.state === 'Failed' || state === 'failed') return { kind: 'failed', version };
  if (state === 'succeeded' && summary.state !== 'Replicating') return { kind: 'succeeded', version };
  report(summary.state === 'Unknown' ? `${version.provisioningState ?? 'Creating'}…` : summary.label);
  return event.done ? { kind: 'paused' } : undefined;
}

/** The sentence a finished version's status comes down to. */
export function describeFailure(version: Pick<FollowedVersion, 'replication' | 'provisioningState'>): string {
  const failed = (version.replication?.regions ?? []).filter((r) => r.state.toLowerCase() === 'failed');
  if (failed.length > 0) return failed.map((r) => r.details ?? `Replication to ${r.region} failed.`).join(' ');
  return `Azure reports provisioning state ${version.provisioningState ?? 'Failed'}.`;
}

export class VersionCreations implements vscode.Disposable {
  private readonly waits = new Map<string, AbortController>();
  private readonly listener: vscode.Disposable;
  private readonly deletions: { dispose(): void };
  private disposed = false;

  constructor(private readonly explorer: Explorer) {
    this.listener = explorer.onDidLoadRoot(() => this.resume());
    // Deleted by the user while nobody waits for it (say, signed out meanwhile): nothing to resume.
    this.deletions = explorer.watcher.onDidDelete((id) => void this.forget(id));
  }

  /** What is remembered across reloads. */
  get pending(): PendingVersion[] {
    return this.explorer.globalState.get<PendingVersion[]>(PENDING_VERSIONS_KEY, []);
  }

  /** Ids of the versions waited for now (lower case). */
  get waitingFor(): string[] {
    return [...this.waits.keys()];
  }

  private async save(list: PendingVersion[]): Promise<void> {
    await this.explorer.globalState.update(PENDING_VERSIONS_KEY, list);
  }

  private async forget(id: string): Promise<void> {
    await this.save(this.pending.filter((p) => p.id.toLowerCase() !== id.toLowerCase()));
  }

  /** Remembers a version just submitted and starts waiting for it. */
  async track(pending: PendingVersion, target: AzureTarget): Promise<void> {
    await this.save([...this.pending.filter((p) => p.id.toLowerCase() !== pending.id.toLowerCase()), pending]);
    this.start(pending, target);
  }

  /** Starts waiting for every remembered version whose subscription is signed in (and not yet waited for). */
  resume(): void {
    for (const p of this.pending) {
      if (this.waits.has(p.id.toLowerCase())) continue;
      const sub = subscriptionNode(this.explorer, p.subscriptionId);
      if (!sub) continue; // another sign-in: kept for when that subscription is back
      log().info(`Resuming the wait for ${names(p.id).noun.toLowerCase()} ${p.id}`);
      this.start(p, sub.subscription.target);
    }
  }

  /** What Cancel on the notification does: stop waiting (Azure carries on), and forget it. */
  async stopWaiting(id: string): Promise<void> {
    this.waits.get(id.toLowerCase())?.abort();
    await this.forget(id);
  }

  private start(pending: PendingVersion, target: AzureTarget): void {
    const key = pending.id.toLowerCase();
    const controller = new AbortController();
    this.waits.set(key, controller);
    const { version, definition, noun } = names(pending.id);
    void vscode.window
      .withProgress(
        { location: vscode.ProgressLocation.Notification, title: `${noun} ${version} of ${definition}`, cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          return this.wait(pending.id, target, controller.signal, (message) => progress.report({ message }));
        },
      )
      .then(
        (outcome) => this.finish(pending, outcome),
        (error: unknown) => {
          log().error(`Waiting for ${pending.id}: ${(error as Error).message}`);
          this.waits.delete(key);
        },
      );
  }

  /**
   * Follows the tree's replication watcher (the one loop that polls versions) until a poll of
   * this version tells how it ended; holds the watch meanwhile, so it goes on until then.
   */
  private wait(id: string, target: AzureTarget, signal: AbortSignal, report: (message: string) => void): Promise<Outcome> {
    const watcher = this.explorer.watcher;
    const key = id.toLowerCase();
    return new Promise<Outcome>((resolve) => {
      const release = watcher.hold(id);
      const listening = watcher.onDidPoll((event) => {
        if (event.node.versionId.toLowerCase() !== key) return;
        const outcome = outcomeOf(id, event, report);
        if (outcome) settle(outcome);
      });
      const deleted = watcher.onDidDelete((versionId) => {
        if (versionId.toLowerCase() === key) settle({ kind: 'deleted' });
      });
      const onAbort = () => settle({ kind: 'stopped' });
      // A version just created or updated is watched already: the tree lists it (and starts its
      // watch) as the command shows it. A wait resumed after a reload has the tree find it. (Not
      // at once: a watch started before the tree lists the new version lost the reveal's selection.)
      const ensureWatched = setTimeout(() => {
        if (!watcher.watching.includes(key)) this.explorer.watchVersion(id, target).catch((error: unknown) => settle({ kind: 'noAccess', message: (error as Error).message }));
      }, WATCH_GRACE_MS);
      function settle(outcome: Outcome): void {
        clearTimeout(ensureWatched);
        listening.dispose();
        deleted.dispose();
        release();
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      }
      if (signal.aborted) return settle({ kind: 'stopped' });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private async finish(pending: PendingVersion, outcome: Outcome): Promise<void> {
    this.waits.delete(pending.id.toLowerCase());
    if (this.disposed) return; // the window is closing: keep it for the next session
    const { version, definition, noun } = names(pending.id);
    const what = `${noun} ${version} of ${definition}`;
    switch (outcome.kind) {
      case 'succeeded': {
        const regions = outcome.version.replication?.regions.map((r) => r.region) ?? outcome.version.targetRegions.map((r) => r.name);
        void notify('info', `${what} is ready: replicated to ${regions.join(', ')}.`);
        break;
      }
      case 'failed':
        void notify(
          'error',
          `${what} failed: ${describeFailure(outcome.version)} Delete it and create it again (leave out a region that keeps failing), or open View Properties for Azure's full status.`,
        );
        break;
      case 'gone':
        void notify('warning', `${what} no longer exists: it was deleted while it was being created.`);
        break;
      case 'deleted':
        // The user's own delete, reported by Delete itself: the progress just ends.
        log().info(`${what} was deleted: stopped following it.`);
        break;
      case 'stopped':
        void notify('info', `Stopped waiting for ${what.charAt(0).toLowerCase()}${what.slice(1)}. Azure goes on creating it; the Galleries view shows its progress.`);
        break;
      case 'paused':
        return;
      case 'noAccess':
        // Kept: the wait resumes when the tree loads again after signing in.
        void notify('warning', `Stopped watching ${what.charAt(0).toLowerCase()}${what.slice(1)}: ${outcome.message} Sign in again; the watch resumes when the tree reloads.`);
        return;
    }
    await this.forget(pending.id);
    if (outcome.kind === 'succeeded' || outcome.kind === 'failed') await this.updateNode(pending.id, outcome.version);
  }

  /** Shows the final state on the version's node, if the tree has it (its parent's list is stale by now). */
  private async updateNode(id: string, version: FollowedVersion): Promise<void> {
    try {
      const parentId = id.replace(/\/versions\/[^/]+$/i, '');
      if ('mediaLink' in version) {
        const application = await this.explorer.findNode(parentId, 'galleryApplication');
        if (!application) return;
        this.explorer.reload(application);
        const node = await this.explorer.findNode(id, 'applicationVersion');
        node?.update(version);
        if (node) this.explorer.refresh(node);
        return;
      }
      const definition = await this.explorer.findNode(parentId, 'imageDefinition');
      if (!definition) return;
      this.explorer.reload(definition);
      const node = await this.explorer.findNode(id, 'imageVersion');
      if (!node) return;
      node.update(version);
      this.explorer.refresh(node);
    } catch (error) {
      log().warn(`Could not update ${id} in the tree: ${(error as Error).message}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listener.dispose();
    this.deletions.dispose();
    for (const controller of this.waits.values()) controller.abort();
    this.waits.clear();
  }
}
