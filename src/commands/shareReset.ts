// Reset Sharing: back to private (only Azure RBAC gives access), after a confirmation that names
// who loses access — every subscription and tenant it is shared with, or, for a community gallery,
// every Azure user (its public name leaves the community listing).
import type { Gallery } from '../azure/types';
import { sharedIds, whoLosesAccessOnReset } from '../model/sharing';
import { listInWords } from '../model/sharingChanges';
import type { Explorer } from '../tree/explorer';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { pollIntervalMs } from './createCommon';
import { failureMessage } from '../ui/failures';
import { prompterFor, resolveGallery, showGalleryUpdate, splitArgs, subscriptionLabel, subscriptionNames, targetOf, withProgress, type ManageOptions } from './manageCommon';

const TITLE = 'Reset Sharing';

export interface ResetSharingOptions extends ManageOptions {
  /** The gallery's resource id. */
  gallery?: string;
}

export async function resetSharing(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const { node: given, options } = splitArgs<ResetSharingOptions>(args, ['gallery']);
  const node = await resolveGallery(explorer, given, options.gallery, TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const azure = explorer.azure();
  const target = targetOf(node);
  const name = node.gallery.name;
  const names = subscriptionNames(explorer);

  let gallery: Gallery;
  try {
    gallery = await azure.getGallery(target, node.gallery.resourceGroup, name);
  } catch (error) {
    logFailure(`${TITLE} ${node.resourceId}`, error);
    void notify('error', failureMessage(`read the sharing of gallery ${name}`, error));
    return undefined;
  }
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
  const losers = [
    ...subscriptions.map((id) => `everyone in subscription ${subscriptionLabel(names, id)}`),
    ...tenants.map((id) => `everyone in tenant ${id}`),
    ...(impact.community ? [`every Azure user: ${listInWords(impact.publicNames)} leaves the community listing`] : []),
  ];

  if (!options.confirmed) {
    const ok = await prompter.confirm({
      message: `Reset the sharing of ${name} to private?`,
      detail:
        (losers.length > 0 ? `Who loses access:\n${losers.map((l) => `• ${l}`).join('\n')}` : impact.summary) +
        `\n\nPeople, groups and applications with Azure RBAC access (Manage Access…) keep it.${gallery.permissions === 'Community' ? ' The community information (publisher details, public name) is removed too.' : ''}`,
      confirmLabel: 'Reset Sharing',
    });
    if (!ok) return undefined;
  }
  try {
    const updated = await explorer.busyWhile(node, 'Resetting sharing…', () =>
      withProgress(`Resetting the sharing of ${name}`, () => azure.updateSharing(target, gallery.resourceGroup, name, 'Reset', [], { pollIntervalMs: pollIntervalMs() })),
    );
    showGalleryUpdate(explorer, node, updated);
    log().info(`${TITLE}: ${node.resourceId} (${impact.summary})`);
    void notify('info', `${name} is private again${losers.length > 0 ? `: ${listInWords(losers)} lost access` : ''}.`);
    return updated;
  } catch (error) {
    logFailure(`${TITLE} ${node.resourceId}`, error);
    void notify('error', failureMessage(`reset the sharing of ${name}`, error));
    return undefined;
  }
}
