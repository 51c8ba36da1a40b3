// Deleting galleries, image definitions and image versions (and a gallery's VM applications).
//
// Azure deletes nothing recursively here: a gallery with definitions, or a definition with
// versions, is refused with 409 CannotDeleteResource ("Can not delete resource before nested
// resources are deleted."). Deleting "everything under it" therefore means children first,
// bottom-up, and — because Azure takes a moment to forget a child it has just deleted — retrying
// the parent on that conflict with a backoff. One failure stops nothing else: every item is tried
// (unless something under it is still there), and every item's result is reported by name.
//
// A version whose safetyProfile.blockDeletionBeforeEndOfLife is set cannot be deleted before its
// end-of-life date (409 OperationNotAllowed); that is checked before anything is sent.

export type DeletableKind = 'gallery' | 'imageDefinition' | 'imageVersion' | 'application' | 'applicationVersion';

export interface DeleteItem {
  id: string;
  name: string;
  kind: DeletableKind;
  /** The item this one is nested in (undefined for the top of the plan). */
  parentId?: string;
  /** Known before sending that Azure will refuse it (e.g. deletion blocked until end of life). */
  blockedReason?: string;
}

export type DeleteOutcome = 'deleted' | 'failed' | 'skipped';

export interface DeleteResult {
  item: DeleteItem;
  outcome: DeleteOutcome;
  /** Azure's code, when Azure refused. */
  code?: string;
  /** Azure's message, or why the item was skipped or refused. */
  message?: string;
  /** Requests sent for the item (retries included). */
  attempts: number;
}

const DEPTH: Record<DeletableKind, number> = { gallery: 0, imageDefinition: 1, application: 1, imageVersion: 2, applicationVersion: 2 };

export const KIND_NAMES: Record<DeletableKind, string> = {
  gallery: 'gallery',
  imageDefinition: 'image definition',
  imageVersion: 'image version',
  application: 'VM application',
  applicationVersion: 'application version',
};

/** "image version 1.0.0 of ubuntu", "image definition ubuntu", "gallery contoso_images". */
export function describeItem(item: DeleteItem, all: readonly DeleteItem[] = []): string {
  const parent = item.parentId ? all.find((i) => i.id.toLowerCase() === item.parentId!.toLowerCase()) : undefined;
  const of = parent && (item.kind === 'imageVersion' || item.kind === 'applicationVersion') ? ` of ${parent.name}` : '';
  return `${KIND_NAMES[item.kind]} ${item.name}${of}`;
}

/** The items deepest first (versions, then definitions and applications, then the gallery), each level in name order. */
export function bottomUp(items: readonly DeleteItem[]): DeleteItem[][] {
  const levels = new Map<number, DeleteItem[]>();
  for (const item of items) {
    const depth = DEPTH[item.kind];
    levels.set(depth, [...(levels.get(depth) ?? []), item]);
  }
  return [...levels.keys()]
    .sort((a, b) => b - a)
    .map((d) => (levels.get(d) ?? []).slice().sort((a, b) => (a.parentId ?? '').localeCompare(b.parentId ?? '') || a.name.localeCompare(b.name, undefined, { numeric: true })));
}

/** Azure's answer when a parent still has children (or Azure has not yet forgotten them). */
export function isNestedResourceConflict(error: { code?: string; message?: string; statusCode?: number }): boolean {
  if (error.code === 'CannotDeleteResource') return true;
  return (error.statusCode === 409 || /conflict/i.test(error.code ?? '')) && /nested resource/i.test(error.message ?? '');
}

/** Waits before each retry of a parent refused for its nested resources: 2 s, 4 s, 8 s, 16 s by default. */
export const NESTED_CONFLICT_BACKOFF_MS: readonly number[] = [2000, 4000, 8000, 16000];

export interface CascadeDeps {
  /** Sends the delete and waits for Azure to finish it; throws Azure's error. */
  remove(item: DeleteItem): Promise<void>;
  wait(ms: number): Promise<void>;
  /** Told before each item is sent (for progress). */
  onStart?(item: DeleteItem, index: number, total: number): void;
  /** Told after each item's result is known. */
  onResult?(result: DeleteResult): void;
  backoffMs?: readonly number[];
  /** Items sent at once within a level (default 4). */
  concurrency?: number;
}

function errorParts(error: unknown): { code?: string; message: string; statusCode?: number } {
  const e = (error ?? {}) as { code?: string; message?: string; statusCode?: number };
  return { code: e.code, message: e.message ?? String(error), statusCode: e.statusCode };
}

/**
 * Deletes `items` bottom-up. An item is skipped (not sent) when something nested in it was not
 * deleted; a parent refused for nested resources is retried with the backoff; every other item
 * is tried whatever happened to its siblings. Results come back in the order items were given.
 */
export async function runCascade(items: readonly DeleteItem[], deps: CascadeDeps): Promise<DeleteResult[]> {
  const results = new Map<string, DeleteResult>();
  const backoff = deps.backoffMs ?? NESTED_CONFLICT_BACKOFF_MS;
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const key = (id: string) => id.toLowerCase();
  const childrenOf = (item: DeleteItem) => items.filter((i) => i.parentId && key(i.parentId) === key(item.id));
  const total = items.length;
  let started = 0;

  const finish = (result: DeleteResult) => {
    results.set(key(result.item.id), result);
    deps.onResult?.(result);
  };

  const deleteOne = async (item: DeleteItem) => {
    const left = childrenOf(item).filter((c) => results.get(key(c.id))?.outcome !== 'deleted');
    if (left.length > 0) {
      const names = left.map((c) => describeItem(c, items)).join(', ');
      return finish({ item, outcome: 'skipped', message: `Not deleted because ${names} ${left.length === 1 ? 'is' : 'are'} still there.`, attempts: 0 });
    }
    if (item.blockedReason) return finish({ item, outcome: 'failed', message: item.blockedReason, attempts: 0 });
    deps.onStart?.(item, ++started, total);
    const hadChildren = childrenOf(item).length > 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.remove(item);
        return finish({ item, outcome: 'deleted', attempts: attempt });
      } catch (error) {
        const e = errorParts(error);
        const retry = hadChildren && isNestedResourceConflict(e) && attempt <= backoff.length;
        if (!retry) return finish({ item, outcome: 'failed', code: e.code, message: e.message, attempts: attempt });
        await deps.wait(backoff[attempt - 1] ?? 0);
      }
    }
  };

  for (const level of bottomUp(items)) {
    const queue = [...level];
    const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await deleteOne(next);
    });
    await Promise.all(workers);
  }
  return items.map((i) => results.get(key(i.id))!);
}

/** Counts per outcome, for the final message. */
export function tally(results: readonly DeleteResult[]): Record<DeleteOutcome, number> {
  const out: Record<DeleteOutcome, number> = { deleted: 0, failed: 0, skipped: 0 };
  for (const r of results) out[r.outcome]++;
  return out;
}

/**
 * Why a version cannot be deleted yet, or undefined: its safety profile blocks deletion until the
 * end-of-life date, and that date is still ahead.
 */
export function deletionBlockedUntilEndOfLife(
  version: { name: string; blockDeletionBeforeEndOfLife: boolean; endOfLifeDate?: Date },
  now: Date,
): string | undefined {
  if (!version.blockDeletionBeforeEndOfLife || !version.endOfLifeDate) return undefined;
  if (version.endOfLifeDate.getTime() <= now.getTime()) return undefined;
  const day = version.endOfLifeDate.toISOString().slice(0, 10);
  return (
    `Image version ${version.name} cannot be deleted before its end-of-life date ${day}: its safety profile blocks deletion until then ` +
    `(blockDeletionBeforeEndOfLife). Wait until ${day}, or turn the block off first (Update Image Version…, "Block deletion before end of life").`
  );
}

/** Check of the typed confirmation: exactly the name (Azure names are case-insensitive, but a typo is not). */
export function validateTypedName(expected: string, typed: string): string | undefined {
  if (typed === expected) return undefined;
  if (typed.trim() === expected) return 'Remove the spaces around the name.';
  return `Type ${expected} exactly to confirm, or press Escape to keep it.`;
}

/** The two ways of confirming a delete (setting azureComputeGallery.deleteConfirmation). */
export type DeleteConfirmation = 'EnterName' | 'ClickButton';

/**
 * What a delete confirmation says about undoing it. With soft delete on the gallery (Microsoft
 * Learn, "Soft Delete in Azure Compute Gallery (Preview)"), a deleted image version can be restored
 * for 7 days, and Azure refuses to delete a definition or gallery while it holds such versions.
 */
export function undoWords(kind: DeletableKind, softDelete: boolean, name: string, deletesVersions: boolean): string {
  if (!softDelete) return 'Azure cannot undo this.';
  if (kind === 'imageVersion') return 'Soft delete is on: the version stays under Recently Deleted for 7 days, where Restore brings it back; then Azure deletes it for good.';
  const versions = deletesVersions ? 'The versions go to Recently Deleted for 7 days (Restore brings them back), and ' : 'Soft delete is on: ';
  return `${versions}Azure refuses to delete ${name} while it holds versions deleted in the last 7 days: delete ${name} once they are gone for good.`;
}
