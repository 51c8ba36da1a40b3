// Delete Image Version / Image Definition / Gallery. Everything is confirmed: by typing the name
// (azureComputeGallery.deleteConfirmation EnterName, the default) or with a button (ClickButton).
// A definition with versions, or a gallery with definitions or VM applications, cannot be deleted
// by Azure until they are gone: the command lists each item inside and offers to delete them all,
// bottom-up, retrying the parent while Azure still counts the children it has just deleted; one
// failure stops nothing else, and every item's result is reported by name. The nodes show
// "Deleting…" meanwhile. A version whose deletion is blocked until its end of life says so before
// anything is sent. The confirmation says how many VMs and scale sets use what is deleted
// (src/commands/imageUsage.ts).
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../constants';
import {
  deletionBlockedUntilEndOfLife,
  describeItem,
  runCascade,
  tally,
  undoWords,
  validateTypedName,
  type DeleteConfirmation,
  type DeleteItem,
  type DeleteResult,
} from '../model/deletion';
import { countOf } from '../model/sharingChanges';
import type { UsageChange } from '../model/usage';
import { warningUnlessConfirmed } from './imageUsage';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { CANCEL, inputStep, pickStep, runWizard, type PickEntry, type Step } from '../ui/wizard';
import { removeFollowed } from './deleteFollowed';
import { attempt, azureFailure, CommandFailure } from '../ui/failures';
import {
  describeNode,
  nameOf,
  prompterFor,
  resolveNode,
  splitArgs,
  targetOf,
  withProgress,
  withQuietProgress,
  type ManageOptions,
  type ResourceKind,
  type ResourceNode,
} from './manageCommon';

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

export interface DeleteReport {
  /** Every item sent or considered, the resource itself last. */
  results: DeleteResult[];
}

const USAGE_CHANGE: Record<ResourceKind, UsageChange> = { gallery: 'deleteGallery', imageDefinition: 'deleteDefinition', imageVersion: 'deleteVersion' };
const TITLES: Record<ResourceKind, string> = { gallery: 'Delete Gallery', imageDefinition: 'Delete Image Definition', imageVersion: 'Delete Image Version' };
const ICONS: Record<DeleteItem['kind'], string> = { gallery: 'library', imageDefinition: 'file-media', imageVersion: 'tag', application: 'package', applicationVersion: 'tag' };

function confirmationSetting(): DeleteConfirmation {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('deleteConfirmation', 'EnterName');
  return value === 'ClickButton' ? 'ClickButton' : 'EnterName';
}

interface State {
  cascade?: boolean;
  typed?: string;
}

export async function deleteResource(explorer: Explorer, kind: ResourceKind, ...args: unknown[]): Promise<DeleteReport | undefined> {
  const title = TITLES[kind];
  const { node: given, options } = splitArgs<DeleteOptions>(args, [kind]);
  const id = options.id ?? options.gallery ?? options.definition ?? options.version;
  const node = await resolveNode(explorer, given, id, [kind], title);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const target = targetOf(node);
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
  const children = nested.items;
  const everything = [...children, top];
  const allNames = (item: DeleteItem) => describeItem(item, everything);

  const setting = options.confirmation ?? confirmationSetting();
  const state: State = { cascade: children.length === 0 ? false : options.cascade };
  const inside = countOf(children.length, 'item');
  const steps: Step<State>[] = [
    pickStep<State, boolean | 'line'>({
      title: 'Contents',
      placeholder: `${name} is not empty: delete the ${inside} in it too?`,
      when: () => options.cascade === undefined && children.length > 0,
      items: () => {
        const entries: PickEntry<boolean | 'line'>[] = [
          {
            label: `$(trash) Delete all ${inside} below, then ${name}`,
            detail: kind === 'gallery' ? `Versions first, then definitions and applications, then ${name}` : `The versions first, then ${name}`,
            value: true,
          },
          { separator: `In ${what}` },
        ];
        for (const item of displayOrder(children, top.id)) {
          entries.push({
            label: `$(${ICONS[item.kind]}) ${item.name}`,
            description: allNames(item).replace(` ${item.name}`, ''),
            detail: item.blockedReason ? `$(warning) ${item.blockedReason}` : undefined,
            value: 'line',
            refusal: `This list shows what would be deleted. Pick "Delete all ${inside} below…" at the top, or press Escape to keep everything.`,
          });
        }
        return entries;
      },
      get: (s) => (s.cascade === undefined ? undefined : s.cascade),
      set: (s, v) => {
        if (v === 'line') return 'again';
        s.cascade = v;
        return undefined;
      },
    }),
  ];
  // The gallery's soft delete decides what "undo" means (see undoWords).
  const galleryNode = kind === 'gallery' ? node : kind === 'imageDefinition' ? node.parent : node.parent?.parent;
  const softDelete = (galleryNode as { gallery?: { softDeleteEnabled?: boolean } } | undefined)?.gallery?.softDeleteEnabled === true;
  const undo = (s: State) => undoWords(kind, softDelete, name, s.cascade === true && children.some((c) => c.kind === 'imageVersion'));
  const summaryOf = (s: State) => (s.cascade && children.length > 0 ? `${what} and the ${inside} in it` : what);
  if (!options.confirmed) {
    if (setting === 'EnterName') {
      steps.push(
        inputStep<State>({
          title: 'Confirm',
          prompt: (s) => `Type ${name} to delete ${summaryOf(s)}. ${undo(s)}${users ? ` ${users}` : ''}`,
          placeholder: name,
          get: () => '',
          set: (s, v) => (s.typed = v),
          validate: (v) => validateTypedName(name, v),
        }),
      );
    } else {
      steps.push({
        title: 'Confirm',
        async ask(s, p) {
          const list = s.cascade ? children.map((c) => `• ${allNames(c)}`).join('\n') : '';
          const ok = await p.confirm({
            message: `Delete ${summaryOf(s)}?`,
            detail: `${list ? `${list}\n• ${what}\n\n` : ''}${undo(s)}${users ? `\n\n${users}` : ''}`,
            confirmLabel: 'Delete',
          });
          return ok ? undefined : CANCEL;
        },
      });
    }
  }
  if (!(await runWizard(title, steps, state, prompter))) return undefined;

  const plan = state.cascade ? everything : [top];
  const parentNode = node.parent as ExplorerNode;
  const results = await explorer.busyWhile(
    node,
    'Deleting…',
    () =>
      withProgress(`Deleting ${what}`, (report) =>
        runCascade(plan, {
          remove: removeFollowed(explorer, target, 'imageVersion'),
          wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          onStart: (item, index, total) => report(`${allNames(item)} (${index} of ${total})…`),
          onResult: (r) => {
            const line = `${title}: ${allNames(r.item)} — ${r.outcome}${r.code ? ` [${r.code}]` : ''}${r.message ? `: ${r.message}` : ''}${r.attempts > 1 ? ` (${r.attempts} attempts)` : ''}`;
            if (r.outcome === 'deleted') log().info(line);
            else log().warn(line);
          },
        }),
      ),
    // The tree: the parent relists (the item goes, or is drawn again without "Deleting…").
    { also: plan.map((i) => i.id), redraw: false },
  );
  // A resource still there after a partial cascade relists what is left in it.
  const topResult = results.find((r) => r.item === top)!;
  explorer.reload(parentNode);
  if (topResult.outcome !== 'deleted' && state.cascade) explorer.reload(node);
  const recentlyDeleted = softDelete ? (galleryNode as { recentlyDeleted?: ExplorerNode & { invalidate(): void } }).recentlyDeleted : undefined;
  if (recentlyDeleted) {
    recentlyDeleted.invalidate();
    explorer.refresh(recentlyDeleted);
  }
  const failure = report(results, top, what, everything);
  if (failure) throw failure;
  return { results };
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

/** All deleted (said here), or the failure to throw: Azure's refusal for each item, what was left and why. */
function report(results: DeleteResult[], top: DeleteItem, what: string, everything: readonly DeleteItem[]): CommandFailure | undefined {
  const counts = tally(results);
  const name = (r: DeleteResult) => describeItem(r.item, everything);
  if (counts.failed + counts.skipped === 0) {
    const more = results.length - 1;
    void notify('info', more > 0 ? `Deleted ${what} and the ${countOf(more, 'item')} in it.` : `Deleted ${what}.`);
    return undefined;
  }
  const result: DeleteReport = { results };
  if (results.length === 1) {
    const r = results[0]!;
    return r.code ? azureFailure(`delete ${what}`, { code: r.code, message: r.message }, { result }) : new CommandFailure({ context: `Could not delete ${what}`, problems: [r.message ?? 'Azure refused.'], result });
  }
  const failed = results.filter((r) => r.outcome === 'failed').map((r) => `${name(r)}: ${r.message ?? ''}${r.code ? ` (code ${r.code})` : ''}`);
  const skipped = results.filter((r) => r.outcome === 'skipped').map((r) => `${name(r)} (${r.message ?? ''})`);
  const topLeft = results.find((r) => r.item === top)?.outcome !== 'deleted';
  return new CommandFailure({
    context: `Deleted ${counts.deleted} of ${results.length} items${topLeft ? `; ${what} is still there` : ''}`,
    problems: [...(failed.length > 0 ? [`could not delete ${failed.join('; ')}.`] : []), ...(skipped.length > 0 ? [`Kept: ${skipped.join('; ')}.`] : [])],
    outcome: 'Fix what Azure names, then run Delete again for what is left (the output channel "Azure Compute Gallery" lists every item).',
    result,
  });
}

/** The three delete commands. */
export function deleteCommandHandlers(explorer: Explorer): Record<string, (...args: unknown[]) => Promise<DeleteReport | undefined>> {
  return {
    [DELETE_VERSION_COMMAND]: (...args) => deleteResource(explorer, 'imageVersion', ...args),
    [DELETE_DEFINITION_COMMAND]: (...args) => deleteResource(explorer, 'imageDefinition', ...args),
    [DELETE_GALLERY_COMMAND]: (...args) => deleteResource(explorer, 'gallery', ...args),
  };
}
