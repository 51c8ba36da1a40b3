/**
 * One node instance per resource id, kept across reloads: VS Code, the replication watcher and
 * refresh events all refer to the same object, and fresh data from Azure updates it in place.
 */
export class NodeCache<T extends object> {
  private readonly nodes = new Map<string, T>();

  /** The nodes for `items`, reusing existing ones (updated) and forgetting those no longer listed. */
  sync<D>(items: readonly D[], key: (d: D) => string, create: (d: D) => T, update: (node: T, d: D) => void): T[] {
    const next = new Map<string, T>();
    const result = items.map((d) => {
      const k = key(d).toLowerCase();
      let node = this.nodes.get(k);
      if (node) update(node, d);
      else node = create(d);
      next.set(k, node);
      return node;
    });
    this.nodes.clear();
    for (const [k, n] of next) this.nodes.set(k, n);
    return result;
  }

  /** A refresh reaches everything below: expanded descendants reload too. */
  invalidateAll(): void {
    for (const node of this.nodes.values()) (node as { invalidate?(): void }).invalidate?.();
  }

  clear(): void {
    this.nodes.clear();
  }
}
