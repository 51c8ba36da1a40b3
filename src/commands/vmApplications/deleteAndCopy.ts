// Delete VM Application / Delete Application Version, and Copy Application Reference. A delete is
// confirmed by typing the name (or with a button, per azureComputeGallery.deleteConfirmation); an
// application with versions lists them first and offers to delete them all, versions first
// (model/deletion.ts runCascade, as Delete Image Definition does).
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../constants';
import { applicationReference, type ApplicationReference } from '../../model/applications';
import { compareVersions } from '../../model/versions';
import { describeItem, runCascade, tally, validateTypedName, type DeleteItem, type DeleteResult } from '../../model/deletion';
import type { Explorer } from '../../tree/explorer';
import { ApplicationNode } from '../../tree/nodes/applicationNode';
import { ApplicationVersionNode } from '../../tree/nodes/applicationVersionNode';
import { attempt, CommandFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { pickNode } from '../../ui/pickNode';
import { CANCEL, inputStep, pickStep, runWizard, type Step } from '../../ui/wizard';
import { removeFollowed } from '../deleteFollowed';
import { prompterFor, withProgress, type ManageOptions } from '../manageCommon';
import { resolveApplicationNode, splitNodeArgs } from './common';

export interface DeleteApplicationOptions extends ManageOptions {
  /** The application's (or version's) resource id. */
  id?: string;
  /** true deletes the versions first without asking; false sends the delete as it is; not given asks. */
  cascade?: boolean;
  confirmation?: 'EnterName' | 'ClickButton';
}

export async function deleteApplication(explorer: Explorer, kind: 'galleryApplication' | 'applicationVersion', ...args: unknown[]): Promise<{ results: DeleteResult[] } | undefined> {
  const title = kind === 'galleryApplication' ? 'Delete VM Application' : 'Delete Application Version';
  const { node: given, options } = splitNodeArgs<DeleteApplicationOptions>(args);
  const node = await resolveApplicationNode(explorer, given, options.id, kind, title);
  if (!node) return undefined;
  const azure = explorer.azure();
  const name = node.resourceId.split('/').pop() ?? '';
  const top: DeleteItem = { id: node.resourceId, name, kind: kind === 'galleryApplication' ? 'application' : 'applicationVersion' };
  // Newest first, as the tree shows them.
  const nested = kind === 'galleryApplication' ? (await attempt(`read VM application ${name}`, () => azure.listNestedResources(node.target, node.resourceId))).items.sort((a, b) => compareVersions(b.name, a.name)) : [];
  const everything = [...nested, top];
  const what = describeItem(top, everything);
  const state: { cascade?: boolean; typed?: string } = { cascade: nested.length === 0 ? false : options.cascade };
  const setting = options.confirmation ?? (vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('deleteConfirmation') === 'ClickButton' ? 'ClickButton' : 'EnterName');
  const inside = `${nested.length} version${nested.length === 1 ? '' : 's'}`;
  const summaryOf = (s: typeof state) => (s.cascade ? `${what} and its ${inside}` : what);
  const steps: Step<typeof state>[] = [
    pickStep<typeof state, boolean | 'line'>({
      title: 'Contents',
      placeholder: `${name} has ${inside}: delete them too?`,
      when: () => options.cascade === undefined && nested.length > 0,
      items: () => [
        { label: `$(trash) Delete the ${inside} below, then ${name}`, detail: 'Azure refuses to delete an application while it has versions', value: true },
        { separator: `In ${what}` },
        ...nested.map((i) => ({ label: `$(tag) ${i.name}`, value: 'line' as const, refusal: `This list shows what would be deleted. Pick "Delete the ${inside} below…" at the top, or press Escape to keep everything.` })),
      ],
      get: (s) => s.cascade,
      set: (s, v) => {
        if (v === 'line') return 'again';
        s.cascade = v;
        return undefined;
      },
    }),
  ];
  if (!options.confirmed) {
    steps.push(
      setting === 'EnterName'
        ? inputStep<typeof state>({ title: 'Confirm', prompt: (s) => `Type ${name} to delete ${summaryOf(s)}. Azure cannot undo this.`, placeholder: name, get: () => '', set: (s, v) => (s.typed = v), validate: (v) => validateTypedName(name, v) })
        : {
            title: 'Confirm',
            async ask(s, p) {
              return (await p.confirm({ message: `Delete ${summaryOf(s)}?`, detail: 'Azure cannot undo this.', confirmLabel: 'Delete' })) ? undefined : CANCEL;
            },
          },
    );
  }
  if (!(await runWizard(title, steps, state, prompterFor(options)))) return undefined;
  const plan = state.cascade ? everything : [top];
  const results = await explorer.busyWhile(
    node,
    'Deleting…',
    () =>
      withProgress(`Deleting ${what}`, (report) =>
        runCascade(plan, {
          remove: removeFollowed(explorer, node.target, 'applicationVersion'),
          wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          onStart: (item, index, total) => report(`${describeItem(item, everything)} (${index} of ${total})…`),
          onResult: (r) => log().info(`${title}: ${describeItem(r.item, everything)} — ${r.outcome}${r.message ? `: ${r.message}` : ''}`),
        }),
      ),
    { also: plan.map((i) => i.id), redraw: false },
  );
  explorer.reload(node.parent);
  const counts = tally(results);
  if (counts.failed + counts.skipped > 0) {
    const failed = results.filter((r) => r.outcome !== 'deleted').map((r) => `${describeItem(r.item, everything)}: ${r.message ?? 'not deleted'}${r.code ? ` (code ${r.code})` : ''}`);
    throw new CommandFailure({ context: `Could not delete ${what}`, problems: failed, outcome: `Deleted ${counts.deleted} of ${results.length}.`, result: { results } });
  }
  void notify('info', results.length > 1 ? `Deleted ${what} and its ${inside}.` : `Deleted ${what}.`);
  return { results };
}

export interface CopyApplicationReferenceOptions {
  /** The application's or version's resource id; an application gives its `versions/latest`. */
  id?: string;
  /** The install order among the VM's applications (applicationProfile.galleryApplications[].order). */
  order?: number;
  /** A blob URL of a configuration that replaces the version's default one. */
  configurationReference?: string;
}

/** The `applicationProfile.galleryApplications` entry of a VM or scale set, as JSON on the clipboard. */
export async function copyApplicationReference(explorer: Explorer, ...args: unknown[]): Promise<ApplicationReference | undefined> {
  const { node: given, options } = splitNodeArgs<CopyApplicationReferenceOptions>(args);
  const accept = (n: unknown) => n instanceof ApplicationNode || n instanceof ApplicationVersionNode;
  const node = accept(given)
    ? (given as ApplicationNode | ApplicationVersionNode)
    : options.id
      ? await explorer.findNode(options.id)
      : await pickNode(explorer, { title: 'Copy Application Reference', accept });
  if (!node) return undefined;
  if (!accept(node)) throw new Error(`Copy Application Reference: ${options.id ?? 'this item'} is not a VM application or application version.`);
  const reference = applicationReference((node as ApplicationNode | ApplicationVersionNode).resourceId, options);
  const text = JSON.stringify(reference, null, 2);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(`Copied the applicationProfile entry for ${reference.packageReferenceId.split('/').slice(-3).join('/')}`, 4000);
  return reference;
}
