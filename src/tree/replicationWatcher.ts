/** What the watcher needs of a version node. */
export interface Watchable {
  readonly versionId: string;
  /** Fetches fresh status and redraws; resolves true while still in progress. */
  poll(signal?: AbortSignal): Promise<boolean>;
}

/** What one poll of a version found, for those following it (the create/update progress). */
export interface PollEvent<N extends Watchable> {
  /** The version's node, holding the state the poll fetched. */
  readonly node: N;
  /** The poll failed (the node keeps its last state). */
  readonly error?: unknown;
  /** No further poll follows: the version is done (and nobody holds it), gone, or out of reach. */
  readonly done: boolean;
  /** The watch was stopped from outside (sign-out, another cloud), not by what the poll found. */
  readonly reset?: boolean;
}

export interface WatcherOptions {
  /** First re-poll after this long; each further one waits `backoff` times longer, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  backoff: number;
  onError?(versionId: string, error: unknown): void;
}

interface Watch<N extends Watchable> {
  node: N;
  delayMs: number;
  timer?: NodeJS.Timeout;
  polling: boolean;
}

/**
 * Watches versions that are still creating or replicating: one GET per version per interval, the
 * interval growing while nothing finishes, and no request at all once every version is done.
 * It is the only loop that polls a version: whoever wants to follow one (the progress of a create
 * or an update) listens to its polls (`onDidPoll`) and holds the watch (`hold`) until it has the
 * answer it waits for, instead of asking Azure itself.
 */
export class ReplicationWatcher<N extends Watchable = Watchable> {
  private readonly watches = new Map<string, Watch<N>>();
  private readonly listeners = new Set<(event: PollEvent<N>) => void>();
  private readonly holds = new Map<string, number>();
  private readonly deleteListeners = new Set<(versionId: string) => void>();
  /** Versions the user is deleting now (lower case): a 404 meanwhile is that delete, not news. */
  private readonly beingDeleted = new Set<string>();
  private abort = new AbortController();
  /** Requests made, for the benchmark that reports the cost of watching. */
  requests = 0;

  constructor(private readonly options: WatcherOptions) {}

  get watching(): string[] {
    return [...this.watches.keys()];
  }

  /** Hears every poll of every version watched; `dispose()` stops listening. */
  onDidPoll(listener: (event: PollEvent<N>) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Keeps polling `versionId` after its node says it is done, until the returned function is
   * called: a create's progress waits for the final state, which a list may show too early.
   */
  hold(versionId: string): () => void {
    const key = versionId.toLowerCase();
    this.holds.set(key, (this.holds.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.holds.get(key) ?? 1) - 1;
      if (left > 0) this.holds.set(key, left);
      else this.holds.delete(key);
    };
  }

  /** Hears each version the user deleted (the id as the delete named it): its followers end quietly. */
  onDidDelete(listener: (versionId: string) => void): { dispose(): void } {
    this.deleteListeners.add(listener);
    return { dispose: () => this.deleteListeners.delete(listener) };
  }

  /**
   * The user is deleting this version. Until the returned function is called, a poll that finds
   * it gone ends its watch without a word; called with `true` (Azure deleted it) the watch ends at
   * once and `onDidDelete` listeners hear it; with `false` (Azure refused) nothing else changes.
   */
  deleting(versionId: string): (deleted: boolean) => void {
    const key = versionId.toLowerCase();
    this.beingDeleted.add(key);
    let settled = false;
    return (deleted) => {
      if (settled) return;
      settled = true;
      this.beingDeleted.delete(key);
      if (!deleted) return;
      this.stop(versionId);
      for (const listener of [...this.deleteListeners]) {
        try {
          listener(versionId);
        } catch (error) {
          this.options.onError?.(versionId, error);
        }
      }
    };
  }

  private emit(event: PollEvent<N>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.onError?.(event.node.versionId, error);
      }
    }
  }

  watch(node: N): void {
    const key = node.versionId.toLowerCase();
    const existing = this.watches.get(key);
    if (existing) {
      existing.node = node;
      return;
    }
    const watch: Watch<N> = { node, delayMs: this.options.initialDelayMs, polling: false };
    this.watches.set(key, watch);
    // The list call carries no replication detail: fetch it at once, then back off.
    this.schedule(key, watch, 0);
  }

  private schedule(key: string, watch: Watch<N>, delayMs: number): void {
    watch.timer = setTimeout(() => void this.poll(key, watch), delayMs);
  }

  private async poll(key: string, watch: Watch<N>): Promise<void> {
    if (this.watches.get(key) !== watch || watch.polling) return;
    watch.polling = true;
    let again: boolean;
    let failure: { error: unknown } | undefined;
    try {
      this.requests++;
      again = await watch.node.poll(this.abort.signal);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 && this.beingDeleted.has(key)) {
        // The user's own delete: its end says so (onDidDelete), not a failed poll.
        if (this.watches.get(key) === watch) this.watches.delete(key);
        return;
      }
      failure = { error };
      this.options.onError?.(watch.node.versionId, error);
      // Deleted, or access lost: stop; Refresh starts a new watch when the node comes back.
      again = status !== 404 && status !== 403 && !this.abort.signal.aborted;
    } finally {
      watch.polling = false;
    }
    if (this.watches.get(key) !== watch) return;
    const held = () => !failure && this.holds.has(key);
    this.emit({ node: watch.node, ...failure, done: !(again || held()) });
    // A listener may have stopped holding it just now (its wait is over).
    again ||= held();
    if (!again) {
      this.watches.delete(key);
      return;
    }
    const delay = watch.delayMs;
    watch.delayMs = Math.min(this.options.maxDelayMs, Math.round(watch.delayMs * this.options.backoff));
    this.schedule(key, watch, delay);
  }

  stop(versionId: string): void {
    const key = versionId.toLowerCase();
    const watch = this.watches.get(key);
    if (watch?.timer) clearTimeout(watch.timer);
    this.watches.delete(key);
  }

  /** Stops every watch (sign-out, another cloud); the watcher stays usable. Followers hear `reset`. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    const stopped = [...this.watches.values()];
    for (const watch of stopped) if (watch.timer) clearTimeout(watch.timer);
    this.watches.clear();
    for (const watch of stopped) this.emit({ node: watch.node, done: true, reset: true });
  }

  dispose(): void {
    this.reset();
  }
}
