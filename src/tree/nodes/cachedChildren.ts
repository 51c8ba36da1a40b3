/** A value loaded once and kept until invalidated; concurrent callers share one request. */
export class Cached<T> {
  private pending: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    this.pending ??= this.load().catch((error: unknown) => {
      // A failure is not cached: the next expand or Retry asks again.
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  invalidate(): void {
    this.pending = undefined;
  }

  get started(): boolean {
    return this.pending !== undefined;
  }
}
