// The one cascade-delete runner every delete flow ends with (Delete Gallery / Image Definition /
// Image Version, Delete VM Application / Application Version): the "Contents" pick that lists what
// is inside and offers to delete it all, the confirmation (typed name or button, per
// azureComputeGallery.deleteConfirmation), then the rows shown "Deleting…" while model/deletion.ts
// runCascade deletes bottom-up, each item's result logged, and one report: a notification when all
// went, else the failure naming each item Azure refused or that was kept.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../constants';
import { describeItem, runCascade, tally, validateTypedName, type DeletableKind, type DeleteConfirmation, type DeleteItem, type DeleteResult } from '../model/deletion';
import type { OwnResource } from '../tree/capabilities';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { azureFailure, CommandFailure } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { CANCEL, inputStep, pickStep, runWizard, type PickEntry, type Prompter, type Step } from '../ui/wizard';
import { removeFollowed } from './deleteFollowed';
import { withProgress } from './manageCommon';

export interface DeleteReport {
  /** Every item sent or considered, the resource itself last. */
  results: DeleteResult[];
}

const ICONS: Record<DeletableKind, string> = { gallery: 'library', imageDefinition: 'file-media', imageVersion: 'tag', application: 'package', applicationVersion: 'tag' };

/** The azureComputeGallery.deleteConfirmation setting. */
export function confirmationSetting(): DeleteConfirmation {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('deleteConfirmation', 'EnterName');
  return value === 'ClickButton' ? 'ClickButton' : 'EnterName';
}

export interface CascadeDelete {
  /** The command's title: "Delete Gallery". */
  title: string;
  node: ExplorerNode & OwnResource & { parent?: ExplorerNode };
  /** The resource itself, and what is inside it (each followed by what is in it, as the pick lists them). */
  top: DeleteItem;
  /** The resource as messages name it: "image version 1.0.0 of ubuntu". */
  what: string;
  children: readonly DeleteItem[];
  /** The kind of item whose watch a delete ends (image or application versions). */
  followed: DeletableKind;
  /** What is inside, as the pick and the messages say it: "all 3 items" / "the 2 versions" (`all`), "the 3 items in it" / "its 2 versions" (`inside`). */
  words: { all: string; inside: string; placeholder: string; detail: string };
  /** true deletes everything inside without asking; false sends the delete as it is; undefined asks. */
  cascade?: boolean;
  /** Already confirmed (an options object): no confirmation step. */
  confirmed?: boolean;
  confirmation: DeleteConfirmation;
  /** What the confirmation says about undoing it, given whether everything inside goes too. */
  undo(cascade: boolean): string;
  /** Who uses it (VMs, scale sets), said in the confirmation. */
  users?: string;
  prompter: Prompter;
  /** Runs once Azure has answered for every item, before the report (e.g. relist Recently Deleted). */
  after?(results: readonly DeleteResult[]): void;
}

interface State {
  cascade?: boolean;
  typed?: string;
}

/** Asks (unless answered), deletes, reports; undefined when the user backed out, else every item's result (a failure thrown names the ones not deleted). */
export async function cascadeDelete(explorer: Explorer, d: CascadeDelete): Promise<DeleteReport | undefined> {
  const { node, top, children, words } = d;
  const { what } = d;
  const everything = [...children, top];
  const state: State = { cascade: children.length === 0 ? false : d.cascade };
  const steps = [contentsStep(d, everything), ...(d.confirmed ? [] : [confirmStep(d)])];
  if (!(await runWizard(d.title, steps, state, d.prompter))) return undefined;

  const plan = state.cascade ? everything : [top];
  const named = (item: DeleteItem) => describeItem(item, everything);
  const results = await explorer.busyWhile(
    node,
    'Deleting…',
    () =>
      withProgress(`Deleting ${what}`, (progress) =>
        runCascade(plan, {
          remove: removeFollowed(explorer, node.target, d.followed),
          wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          onStart: (item, index, total) => progress(`${named(item)} (${index} of ${total})…`),
          onResult: (r) => {
            const line = `${d.title}: ${named(r.item)} — ${r.outcome}${r.code ? ` [${r.code}]` : ''}${r.message ? `: ${r.message}` : ''}${r.attempts > 1 ? ` (${r.attempts} attempts)` : ''}`;
            if (r.outcome === 'deleted') log().info(line);
            else log().warn(line);
          },
        }),
      ),
    // The tree: the parent relists (the item goes, or is drawn again without "Deleting…").
    { also: plan.map((i) => i.id), redraw: false },
  );
  // A resource still there after a partial cascade relists what is left in it.
  if (node.parent) explorer.reload(node.parent);
  if (results.find((r) => r.item === top)?.outcome !== 'deleted' && state.cascade) explorer.reload(node);
  d.after?.(results);
  const failure = reportOf(results, top, what, words.inside, everything);
  if (failure) throw failure;
  return { results };
}

/** "Contents": what is inside, listed; only the first line (delete it all) can be picked. */
function contentsStep(d: CascadeDelete, everything: readonly DeleteItem[]): Step<State> {
  const { children, top, words, what } = d;
  return pickStep<State, boolean | 'line'>({
    title: 'Contents',
    placeholder: words.placeholder,
    when: () => d.cascade === undefined && children.length > 0,
    items: () => {
      const entries: PickEntry<boolean | 'line'>[] = [{ label: `$(trash) Delete ${words.all} below, then ${top.name}`, detail: words.detail, value: true }, { separator: `In ${what}` }];
      for (const item of children) {
        entries.push({
          label: `$(${ICONS[item.kind]}) ${item.name}`,
          description: describeItem(item, everything).replace(` ${item.name}`, ''),
          detail: item.blockedReason ? `$(warning) ${item.blockedReason}` : undefined,
          value: 'line',
          refusal: `This list shows what would be deleted. Pick "Delete ${words.all} below…" at the top, or press Escape to keep everything.`,
        });
      }
      return entries;
    },
    get: (s) => s.cascade,
    set: (s, v) => {
      if (v === 'line') return 'again';
      s.cascade = v;
      return undefined;
    },
  });
}

/** "Confirm": type the name, or press the button, per the setting. */
function confirmStep(d: CascadeDelete): Step<State> {
  const { what, top } = d;
  const name = top.name;
  const summaryOf = (s: State) => (s.cascade && d.children.length > 0 ? `${what} and ${d.words.inside}` : what);
  const undo = (s: State) => d.undo(s.cascade === true);
  if (d.confirmation === 'EnterName') {
    return inputStep<State>({
      title: 'Confirm',
      prompt: (s) => `Type ${name} to delete ${summaryOf(s)}. ${undo(s)}${d.users ? ` ${d.users}` : ''}`,
      placeholder: name,
      get: () => '',
      set: (s, v) => (s.typed = v),
      validate: (v) => validateTypedName(name, v),
    });
  }
  return {
    title: 'Confirm',
    async ask(s, p) {
      const list = s.cascade ? d.children.map((c) => `• ${describeItem(c, [...d.children, top])}`).join('\n') : '';
      const ok = await p.confirm({
        message: `Delete ${summaryOf(s)}?`,
        detail: `${list ? `${list}\n• ${what}\n\n` : ''}${undo(s)}${d.users ? `\n\n${d.users}` : ''}`,
        confirmLabel: 'Delete',
      });
      return ok ? undefined : CANCEL;
    },
  };
}

/** All deleted (said here), or the failure to throw: Azure's refusal for each item, what was left and why. */
function reportOf(results: DeleteResult[], top: DeleteItem, what: string, inside: string, everything: readonly DeleteItem[]): CommandFailure | undefined {
  const counts = tally(results);
  const name = (r: DeleteResult) => describeItem(r.item, everything);
  if (counts.failed + counts.skipped === 0) {
    void notify('info', results.length > 1 ? `Deleted ${what} and ${inside}.` : `Deleted ${what}.`);
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
