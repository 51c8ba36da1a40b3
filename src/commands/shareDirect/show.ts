// Show Sharing: whom a gallery is shared with (subscriptions by name, tenants, public names), with
// the sharing actions that apply to it.
import * as vscode from 'vscode';
import { sharedIds } from '../../model/sharing';
import type { Explorer } from '../../tree/explorer';
import type { PickEntry } from '../../ui/wizard';
import { prompterFor, resolveGallery, showGalleryUpdate, splitArgs, subscriptionNames, withQuietProgress, type ManageOptions } from '../manageCommon';
import { RESET_SHARING_COMMAND } from '../shareReset';
import { ADD_SHARING_COMMAND, REMOVE_SHARING_COMMAND, SHOW_TITLE, profileOf, readSharing } from './common';

/** Whom a gallery is shared with, as Show Sharing reports it. */
export interface SharingReport {
  permissions: string;
  subscriptions: string[];
  tenants: string[];
  publicNames: string[];
  communityEnabled: boolean;
}

type ShowChoice = 'add' | 'remove' | 'reset' | 'public' | 'line';

export async function showSharing(explorer: Explorer, ...args: unknown[]): Promise<SharingReport | undefined> {
  const { node: fromTree, options } = splitArgs<{ gallery?: string } & ManageOptions>(args, ['gallery']);
  const node = await resolveGallery(explorer, fromTree, options.gallery, SHOW_TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const names = subscriptionNames(explorer);
  const gallery = await withQuietProgress(`Reading the sharing of ${node.gallery.name}`, () => readSharing(explorer, node));
  showGalleryUpdate(explorer, node, gallery);
  const { subscriptions, tenants } = sharedIds(profileOf(gallery));
  const report: SharingReport = {
    permissions: gallery.permissions,
    subscriptions,
    tenants,
    publicNames: gallery.community?.publicNames ?? [],
    communityEnabled: gallery.community?.enabled ?? false,
  };
  const kind = gallery.permissions;
  const info = (label: string, description?: string): PickEntry<ShowChoice> => ({ label, description, value: 'line', refusal: 'This line only informs: pick an action, or press Escape.' });
  const items: PickEntry<ShowChoice>[] = [];
  if (kind !== 'Community') items.push({ label: '$(add) Share with subscriptions or tenants…', value: 'add' });
  if (subscriptions.length + tenants.length > 0) items.push({ label: '$(remove) Stop sharing with some…', value: 'remove' });
  if (kind !== 'Community' || !report.communityEnabled) items.push({ label: '$(globe) Share publicly…', value: 'public' });
  if (kind !== 'Private') items.push({ label: '$(discard) Reset sharing…', detail: 'Back to private: only Azure RBAC gives access', value: 'reset' });
  items.push({ separator: kind === 'Private' ? 'Private: only people with Azure RBAC access' : kind === 'Groups' ? 'Direct share' : 'Community' });
  for (const id of subscriptions) items.push(info(`$(key) ${names.get(id) ?? id}`, names.has(id) ? `subscription ${id}` : 'subscription'));
  for (const id of tenants) items.push(info(`$(organization) ${id}`, 'tenant'));
  if (kind === 'Groups' && subscriptions.length + tenants.length === 0) items.push(info('Not shared with any subscription or tenant yet'));
  for (const n of report.publicNames) items.push(info(`$(globe) ${n}`, report.communityEnabled ? 'public name' : 'public name (not published yet)'));
  const answer = await prompter.pick<ShowChoice>({ title: `${SHOW_TITLE}: ${gallery.name}`, step: 1, totalSteps: 1, canGoBack: false, placeholder: `Whom ${gallery.name} is shared with`, items });
  const next: Partial<Record<ShowChoice, string>> = { add: ADD_SHARING_COMMAND, remove: REMOVE_SHARING_COMMAND, reset: RESET_SHARING_COMMAND, public: 'azureComputeGallery.sharePublicly' };
  if (typeof answer === 'string' && next[answer]) await vscode.commands.executeCommand(next[answer]!, node, { prompter: options.prompter });
  return report;
}
