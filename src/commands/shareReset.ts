// Reset Sharing: back to private (only Azure RBAC gives access), after a confirmation that names
// who loses access — every subscription and tenant it is shared with, or, for a community gallery,
// every Azure user (its public name leaves the community listing).
import * as vscode from 'vscode';
import type { Gallery } from '../azure/types';
import { sharedIds, whoLosesAccessOnReset } from '../model/sharing';
import { listInWords } from '../model/sharingChanges';
import type { Explorer } from '../tree/explorer';
import type { GalleryNode } from '../tree/nodes/galleryNode';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { pollIntervalMs } from './createCommon';
import { warningUnlessConfirmed } from './imageUsage';
import { attempt, type FailureDetails } from '../ui/failures';
import { galleryCommand, knownTenants, showGalleryUpdate, subscriptionLabel, subscriptionNames, tenantLabel, withProgress, type ManageOptions } from './manageCommon';

export const RESET_SHARING_COMMAND = 'azureComputeGallery.resetSharing';
const TITLE = 'Reset Sharing';

export interface ResetSharingOptions extends ManageOptions {
  /** The gallery's resource id. */
  gallery?: string;
}

export async function resetSharing(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const command = await galleryCommand<ResetSharingOptions>(explorer, args, TITLE);
  if (!command) return undefined;
  const { node, options, prompter, azure, target, name } = command;
  const names = subscriptionNames(explorer);

  const gallery = await attempt(`read the sharing of gallery ${name}`, () => azure.getGallery(target, node.gallery.resourceGroup, name));
  if (gallery.permissions === 'Private') {
    showGalleryUpdate(explorer, node, gallery);
    void notify('info', `${name} is already private: only people with Azure RBAC access can use it. Nothing was changed.`);
    return gallery;
  }
  const profile = {
    permissions: gallery.permissions,
    groups: gallery.groups,
    communityGalleryInfo: gallery.community ? { communityGalleryEnabled: gallery.community.enabled, publicNames: gallery.community.publicNames } : undefined,
  };
  const impact = whoLosesAccessOnReset(profile);
  const { subscriptions, tenants } = sharedIds(profile);
  const tenantNames = tenants.length > 0 ? await knownTenants(explorer, target) : new Map<string, string>();
  const losers = [
    ...subscriptions.map((id) => `everyone in subscription ${subscriptionLabel(names, id)}`),
    ...tenants.map((id) => `everyone in tenant ${tenantLabel(tenantNames, id)}`),
    ...(impact.community ? [`every Azure user: ${listInWords(impact.publicNames)} leaves the community listing`] : []),
  ];

  const users = await warningUnlessConfirmed(explorer, node, 'resetSharing', options.confirmed);
  if (!options.confirmed) {
    const ok = await prompter.confirm({
      message: `Reset the sharing of ${name} to private?`,
      detail:
        (losers.length > 0 ? `Who loses access:\n${losers.map((l) => `• ${l}`).join('\n')}` : impact.summary) +
        `\n\nPeople, groups and applications with Azure RBAC access (Manage Access…) keep it.${gallery.permissions === 'Community' ? ' The community information (publisher details, public name) is removed too.' : ''}${users ? `\n\n${users}` : ''}`,
      confirmLabel: 'Reset Sharing',
    });
    if (!ok) return undefined;
  }
  const updated = await attempt(`reset the sharing of ${name}`, () =>
    explorer.busyWhile(node, 'Resetting sharing…', () =>
      withProgress(`Resetting the sharing of ${name}`, () => azure.updateSharing(target, gallery.resourceGroup, name, 'Reset', [], { pollIntervalMs: pollIntervalMs() })),
    ),
  );
  showGalleryUpdate(explorer, node, updated);
  log().info(`${TITLE}: ${node.resourceId} (${impact.summary})`);
  void notify('info', `${name} is private again${losers.length > 0 ? `: ${listInWords(losers)} lost access` : ''}.`);
  return updated;
}

/** A refusal that Reset Sharing… resolves: a warning (a choice to make, not a fault) offering it. */
export function resetSharingFirst(node: GalleryNode): Partial<FailureDetails> {
  return { severity: 'warning', actions: [{ label: 'Reset Sharing…', run: () => vscode.commands.executeCommand(RESET_SHARING_COMMAND, node) }] };
}

