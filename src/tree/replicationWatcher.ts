/** What the watcher needs of a version node. */
export interface Watchable {
  readonly versionId: string;
  /** Fetches fresh status and redraws; resolves true while still in progress. */
  poll(signal?: AbortSignal): Promise<boolean>;
}

export interface WatcherOptions {
  /** First re-poll after this long; each further one waits `backoff` times longer, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  backoff: number;
  onError?(versionId: string, error: unknown): void;
}

interface Watch {
  node: Watchable;
  delayMs: number;
  timer?: NodeJS.Timeout;
  polling: boolean;
}

/**
 * Watches versions that are still creating or replicating: one GET per version per interval, the
 * interval growing while nothing finishes, and no request at all once every version is done.
 */
export class ReplicationWatcher {
  private readonly watches = new Map<string, Watch>();
  private abort = new AbortController();
  /** Requests made, for the benchmark that reports the cost of watching. */
  requests = 0;

  constructor(private readonly options: WatcherOptions) {}

  get watching(): string[] {
    return [...this.watches.keys()];
  }

  watch(node: Watchable): void {
    const key = node.versionId.toLowerCase();
    const existing = this.watches.get(key);
    if (existing) {
      existing.node = node;
      return;
    }
    const watch: Watch = { node, delayMs: this.options.initialDelayMs, polling: false };
    this.watches.set(key, watch);
    // The list call carries no replication detail: fetch it at once, then back off.
    this.schedule(key, watch, 0);
  }

  private schedule(key: string, watch: Watch, delayMs: number): void {
    watch.timer = setTimeout(() => void this.poll(key, watch), delayMs);
  }

  private async poll(key: string, watch: Watch): Promise<void> {
    if (this.watches.get(key) !== watch || watch.polling) return;
    watch.polling = true;
    let again: boolean;
    try {
      this.requests++;
      again = await watch.node.poll(this.abort.signal);
    } catch (error) {
      this.options.onError?.(watch.node.versionId, error);
      // Deleted, or access lost: stop; Refresh starts a new watch when the node comes back.
      const status = (error as { statusCode?: number }).statusCode;
      again = status !== 404 && status !== 403 && !this.abort.signal.aborted;
    } finally {
      watch.polling = false;
    }
    if (this.watches.get(key) !== watch) return;
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

  /** Stops every watch (sign-out, another cloud); the watcher stays usable. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const watch of this.watches.values()) if (watch.timer) clearTimeout(watch.timer);
    this.watches.clear();
  }

  dispose(): void {
    this.reset();
  }
}
