// Delete Image Version / Image Definition / Gallery. Everything is confirmed: by typing the name
// (azureComputeGallery.deleteConfirmation EnterName, the default) or with a button (ClickButton).
// A definition with versions, or a gallery with definitions or VM applications, cannot be deleted
// by Azure until they are gone: the command lists each item inside and offers to delete them all,
// bottom-up, retrying the parent while Azure still counts the children it has just deleted; one
// failure stops nothing else, and every item's result is reported by name. The nodes show
// "Deleting…" meanwhile. A version whose deletion is blocked until its end of life says so before
// anything is sent. The confirmation says how many VMs and scale sets use what is deleted
// (src/commands/imageUsage.ts).
import { deletionBlockedUntilEndOfLife, undoWords, type DeleteConfirmation, type DeleteItem } from '../model/deletion';
import { countOf } from '../model/sharingChanges';
import type { UsageChange } from '../model/usage';
import { warningUnlessConfirmed } from './imageUsage';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { attempt, CommandFailure } from '../ui/failures';
import { cascadeDelete, confirmationSetting, type DeleteReport } from './deleteCascade';
import { describeNode, nameOf, prompterFor, resolveNode, splitArgs, withQuietProgress, type ManageOptions, type ResourceKind, type ResourceNode } from './manageCommon';

export type { DeleteReport } from './deleteCascade';

export const DELETE_VERSION_COMMAND = 'azureComputeGallery.deleteImageVersion';
export const DELETE_DEFINITION_COMMAND = 'azureComputeGallery.deleteImageDefinition';
export const DELETE_GALLERY_COMMAND = 'azureComputeGallery.deleteGallery';

export interface DeleteOptions extends ManageOptions {
  /** The resource id (also accepted as `gallery`, `definition` or `version`). */
  id?: string;
  gallery?: string;
  definition?: string;
  version?: string;
  /**
   * What to do with what is inside: true deletes everything in it first (without asking which),
   * false sends the delete as it is (Azure refuses while anything is inside); not given asks.
   */
  cascade?: boolean;
  /** Overrides the azureComputeGallery.deleteConfirmation setting for this run. */
  confirmation?: DeleteConfirmation;
}

const USAGE_CHANGE: Record<ResourceKind, UsageChange> = { gallery: 'deleteGallery', imageDefinition: 'deleteDefinition', imageVersion: 'deleteVersion' };
const TITLES: Record<ResourceKind, string> = { gallery: 'Delete Gallery', imageDefinition: 'Delete Image Definition', imageVersion: 'Delete Image Version' };

export async function deleteResource(explorer: Explorer, kind: ResourceKind, ...args: unknown[]): Promise<DeleteReport | undefined> {
  const title = TITLES[kind];
  const { node: given, options } = splitArgs<DeleteOptions>(args, [kind]);
  const id = options.id ?? options.gallery ?? options.definition ?? options.version;
  const node = await resolveNode(explorer, given, id, [kind], title);
  if (!node) return undefined;
  const name = nameOf(node);
  const what = describeNode(node);
  const top: DeleteItem = { id: node.resourceId, name, kind, parentId: undefined };

  const { nested, versionNow, users } = await readBeforeDelete(explorer, node, kind, options.confirmed);
  const now = new Date();
  if (versionNow) {
    const blocked = deletionBlockedUntilEndOfLife(versionNow, now);
    if (blocked) {
      throw new CommandFailure({ context: `Could not delete ${what}`, problems: [blocked], outcome: 'Nothing was deleted.', result: { results: [{ item: top, outcome: 'failed', message: blocked, attempts: 0 }] } satisfies DeleteReport });
    }
  }
  for (const item of nested.items) {
    const v = item.kind === 'imageVersion' ? nested.versions.find((x) => x.id.toLowerCase() === item.id.toLowerCase()) : undefined;
    const blocked = v ? deletionBlockedUntilEndOfLife(v, now) : undefined;
    if (blocked) item.blockedReason = blocked;
  }
  const children = displayOrder(nested.items, top.id);
  const inside = countOf(children.length, 'item');
  // The gallery's soft delete decides what "undo" means (see undoWords).
  const galleryNode = kind === 'gallery' ? node : kind === 'imageDefinition' ? node.parent : node.parent?.parent;
  const softDelete = (galleryNode as { gallery?: { softDeleteEnabled?: boolean } } | undefined)?.gallery?.softDeleteEnabled === true;
  return cascadeDelete(explorer, {
    title,
    node,
    top,
    what,
    children,
    followed: 'imageVersion',
    words: {
      all: `all ${inside}`,
      inside: `the ${inside} in it`,
      placeholder: `${name} is not empty: delete the ${inside} in it too?`,
      detail: kind === 'gallery' ? `Versions first, then definitions and applications, then ${name}` : `The versions first, then ${name}`,
    },
    cascade: options.cascade,
    confirmed: options.confirmed,
    confirmation: options.confirmation ?? confirmationSetting(),
    undo: (cascade) => undoWords(kind, softDelete, name, cascade && children.some((c) => c.kind === 'imageVersion')),
    users,
    prompter: prompterFor(options),
    after: () => {
      const recentlyDeleted = softDelete ? (galleryNode as { recentlyDeleted?: ExplorerNode & { invalidate(): void } }).recentlyDeleted : undefined;
      if (recentlyDeleted) {
        recentlyDeleted.invalidate();
        explorer.refresh(recentlyDeleted);
      }
    },
  });
}

/** What is inside, what Azure will refuse, and who uses it (VMs, scale sets): known before anything is asked or sent. */
async function readBeforeDelete(explorer: Explorer, node: ResourceNode, kind: ResourceKind, confirmed: boolean | undefined) {
  const azure = explorer.azure();
  const what = describeNode(node);
  const [[nested, versionNow], users] = await Promise.all([
    attempt(`read ${what}`, () =>
      withQuietProgress(`Checking ${what}`, () =>
        Promise.all([
          azure.listNestedResources(node.target, node.resourceId),
          kind === 'imageVersion' ? azure.getImageVersion(node.target, node.resourceId, false) : Promise.resolve(undefined),
        ]),
      ),
    ),
    warningUnlessConfirmed(explorer, node, USAGE_CHANGE[kind], confirmed),
  ]);
  return { nested, versionNow, users };
}

/** Each item followed by what is in it (a definition, then its versions), by name. */
function displayOrder(items: readonly DeleteItem[], topId: string): DeleteItem[] {
  const under = (id: string) =>
    items
      .filter((i) => (i.parentId ?? '').toLowerCase() === id.toLowerCase())
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'imageDefinition' ? -1 : b.kind === 'imageDefinition' ? 1 : 0) || a.name.localeCompare(b.name, undefined, { numeric: true }));
  const out: DeleteItem[] = [];
  const walk = (id: string) => {
    for (const i of under(id)) {
      out.push(i);
      walk(i.id);
    }
  };
  walk(topId);
  return out;
}

/** The three delete commands. */
export function deleteCommandHandlers(explorer: Explorer): Record<string, (...args: unknown[]) => Promise<DeleteReport | undefined>> {
  return {
    [DELETE_VERSION_COMMAND]: (...args) => deleteResource(explorer, 'imageVersion', ...args),
    [DELETE_DEFINITION_COMMAND]: (...args) => deleteResource(explorer, 'imageDefinition', ...args),
    [DELETE_GALLERY_COMMAND]: (...args) => deleteResource(explorer, 'gallery', ...args),
  };
}
