/** A value loaded once and kept until invalidated; concurrent callers share one request. */
export class Cached<T> {
  private pending: Promise<T> | undefined;
  private changedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    this.pending ??= this.settle(this.load());
    return this.pending;
  }

  /**
   * Starts from a value fetched elsewhere (one query that serves many nodes). Where that has
   * nothing for this node, or fails, the node loads itself as usual.
   */
  prime(value: Promise<T | undefined>): void {
    if (this.pending) return;
    this.pending = this.settle(value.then((v) => v ?? this.load(), () => this.load()));
  }

  /** Something changed here (a write, or the user refreshed this node): reload, and remember when. */
  invalidate(): void {
    this.pending = undefined;
    this.changedAt = Date.now();
  }

  /** Reload as part of a wider refresh: nothing is known to have changed here. */
  forget(): void {
    this.pending = undefined;
  }

  changedWithin(ms: number): boolean {
    return Date.now() - this.changedAt < ms;
  }

  get started(): boolean {
    return this.pending !== undefined;
  }

  private settle(p: Promise<T>): Promise<T> {
    const settled = p.catch((error: unknown) => {
      // A failure is not cached: the next expand or Retry asks again.
      if (this.pending === settled) this.pending = undefined;
      throw error;
    });
    return settled;
  }
}
