/**
 * A bundle required on first use rather than at activation, remembering how long loading it took
 * (for the output channel and the benchmark). `load` holds the require call itself, so that
 * esbuild sees each bundle's literal path.
 */
export class LazyBundle<T> {
  private value: T | undefined;
  /** Milliseconds the first load took; undefined until then. */
  loadMs: number | undefined;

  constructor(private readonly load: () => T) {}

  get(): T {
    if (this.value === undefined) {
      const started = performance.now();
      this.value = this.load();
      this.loadMs = performance.now() - started;
    }
    return this.value;
  }

  get loaded(): boolean {
    return this.value !== undefined;
  }
}
