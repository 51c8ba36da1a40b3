// Delete VM Application / Delete Application Version, and Copy Application Reference. A delete is
// confirmed by typing the name (or with a button, per azureComputeGallery.deleteConfirmation); an
// application with versions lists them first and offers to delete them all, versions first
// (model/deletion.ts runCascade, as Delete Image Definition does).
import * as vscode from 'vscode';
import { applicationReference, type ApplicationReference } from '../../model/applications';
import { compareVersions } from '../../model/versions';
import { describeItem, type DeleteConfirmation, type DeleteItem } from '../../model/deletion';
import { countOf } from '../../model/sharingChanges';
import type { Explorer } from '../../tree/explorer';
import { nodeOf } from '../../tree/capabilities';
import { attempt } from '../../ui/failures';
import { pickNode } from '../../ui/pickNode';
import { cascadeDelete, confirmationSetting, type DeleteReport } from '../deleteCascade';
import { prompterFor, type ManageOptions } from '../manageCommon';
import { resolveApplicationNode, splitNodeArgs } from './common';

export interface DeleteApplicationOptions extends ManageOptions {
  /** The application's (or version's) resource id. */
  id?: string;
  /** true deletes the versions first without asking; false sends the delete as it is; not given asks. */
  cascade?: boolean;
  confirmation?: DeleteConfirmation;
}

export async function deleteApplication(explorer: Explorer, kind: 'galleryApplication' | 'applicationVersion', ...args: unknown[]): Promise<DeleteReport | undefined> {
  const title = kind === 'galleryApplication' ? 'Delete VM Application' : 'Delete Application Version';
  const { node: given, options } = splitNodeArgs<DeleteApplicationOptions>(args);
  const node = await resolveApplicationNode(explorer, given, options.id, kind, title);
  if (!node) return undefined;
  const azure = explorer.azure();
  const name = node.resourceId.split('/').pop() ?? '';
  const top: DeleteItem = { id: node.resourceId, name, kind: kind === 'galleryApplication' ? 'application' : 'applicationVersion' };
  // Newest first, as the tree shows them.
  const nested = kind === 'galleryApplication' ? (await attempt(`read VM application ${name}`, () => azure.listNestedResources(node.target, node.resourceId))).items.sort((a, b) => compareVersions(b.name, a.name)) : [];
  const inside = countOf(nested.length, 'version');
  return cascadeDelete(explorer, {
    title,
    node,
    top,
    what: describeItem(top, [...nested, top]),
    children: nested,
    followed: 'applicationVersion',
    words: { all: `the ${inside}`, inside: `its ${inside}`, placeholder: `${name} has ${inside}: delete them too?`, detail: 'Azure refuses to delete an application while it has versions' },
    cascade: options.cascade,
    confirmed: options.confirmed,
    confirmation: options.confirmation ?? confirmationSetting(),
    undo: () => 'Azure cannot undo this.',
    prompter: prompterFor(options),
  });
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
  const accept = nodeOf('galleryApplication', 'applicationVersion');
  const node = accept(given)
    ? given
    : options.id
      ? await explorer.findNode(options.id)
      : await pickNode(explorer, { title: 'Copy Application Reference', accept });
  if (!node) return undefined;
  if (!accept(node)) throw new Error(`Copy Application Reference: ${options.id ?? 'this item'} is not a VM application or application version.`);
  const reference = applicationReference(node.resourceId, options);
  const text = JSON.stringify(reference, null, 2);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(`Copied the applicationProfile entry for ${reference.packageReferenceId.split('/').slice(-3).join('/')}`, 4000);
  return reference;
}
