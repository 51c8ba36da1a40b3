// Soft delete of a gallery's image versions: turn it on or off (Soft Delete…), and bring back a
// version deleted in the last 7 days (Restore Image Version…, on a row of "Recently Deleted").
// Microsoft Learn, "Soft Delete in Azure Compute Gallery (Preview)": 7 days, images only, and a
// gallery or definition holding soft-deleted versions cannot be deleted.
import type { Gallery, ImageVersion } from '../azure/types';
import type { Explorer } from '../tree/explorer';
import type { GalleryNode } from '../tree/nodes/galleryNode';
import { isDeletedVersion } from '../tree/capabilities';
import { inputFailure, attempt } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { isNavigation } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { galleryCommand, prompterFor, showGalleryUpdate, withProgress, type ManageOptions } from './manageCommon';

export const SET_SOFT_DELETE_COMMAND = 'azureComputeGallery.setSoftDelete';
export const RESTORE_VERSION_COMMAND = 'azureComputeGallery.restoreImageVersion';
const TITLE = 'Soft Delete';
const RESTORE_TITLE = 'Restore Image Version';

export interface SoftDeleteOptions extends ManageOptions {
  /** The gallery's resource id. */
  gallery?: string;
  /** true: deleted image versions stay restorable for 7 days; false: deletes are for good. */
  enabled?: boolean;
}

export async function setSoftDelete(explorer: Explorer, ...args: unknown[]): Promise<Gallery | undefined> {
  const command = await galleryCommand<SoftDeleteOptions>(explorer, args, TITLE);
  if (!command) return undefined;
  const { node, options, prompter, azure, target, name } = command;
  let enabled = options.enabled;
  if (enabled !== undefined && typeof enabled !== 'boolean') throw inputFailure(TITLE, ['Give `enabled` as true or false.'], 'Nothing was changed.');
  if (enabled === undefined) {
    const now = node.gallery.softDeleteEnabled;
    const answer = await prompter.pick<boolean>({
      title: `${TITLE}: ${name}`,
      step: 1,
      totalSteps: 1,
      canGoBack: false,
      placeholder: `Soft delete is ${now ? 'on' : 'off'} for ${name}`,
      items: [
        { label: 'On', description: now ? 'now' : undefined, detail: 'A deleted image version can be restored for 7 days; then Azure deletes it for good', value: true },
        { label: 'Off', description: now ? undefined : 'now', detail: 'Deleting an image version deletes it for good at once', value: false },
      ],
      selected: [now],
    });
    if (isNavigation(answer)) return undefined;
    enabled = answer;
  }
  if (enabled === node.gallery.softDeleteEnabled) {
    void notify('info', `Soft delete is already ${enabled ? 'on' : 'off'} for ${name}: nothing was sent.`);
    return node.gallery;
  }
  const updated = await attempt(`turn soft delete ${enabled ? 'on' : 'off'} for ${name}`, () =>
    explorer.busyWhile(node, 'Updating…', () =>
      withProgress(`Turning soft delete ${enabled ? 'on' : 'off'} for ${name}`, () => azure.updateGallery(target, node.gallery.resourceGroup, name, { softDelete: enabled }, { pollIntervalMs: pollIntervalMs() })),
    ),
  );
  showGalleryUpdate(explorer, node, { ...node.gallery, ...updated, groups: updated.groups.length > 0 ? updated.groups : node.gallery.groups });
  node.invalidate();
  explorer.refresh(node);
  log().info(`${TITLE}: ${node.resourceId} soft delete ${enabled ? 'on' : 'off'}`);
  void notify(
    'info',
    enabled
      ? `Soft delete is on for ${name}: image versions deleted from now on can be restored for 7 days (under Recently Deleted).`
      : `Soft delete is off for ${name}: deleting an image version now deletes it for good.`,
  );
  return updated;
}

export async function restoreImageVersion(explorer: Explorer, ...args: unknown[]): Promise<ImageVersion | undefined> {
  const [node, second] = args;
  if (!isDeletedVersion(node)) {
    throw inputFailure(RESTORE_TITLE, ['Pick the version under a gallery\'s "Recently Deleted" in the Azure Compute Gallery view.'], 'Nothing was changed.');
  }
  const options = (second ?? {}) as ManageOptions;
  const d = node.deleted;
  const gallery: GalleryNode = node.gallery;
  const g = gallery.gallery;
  const what = `image version ${d.name} of ${d.imageName}`;
  if (!options.confirmed) {
    const ok = await prompterFor(options).confirm({
      message: `Restore ${what}?`,
      detail: `It comes back in ${g.name} as it was when it was deleted, in ${d.location} and the regions it was replicated to. VMs can use it again once Azure has finished.`,
      confirmLabel: 'Restore',
    });
    if (!ok) return undefined;
  }
  const restored = await attempt(`restore ${what}`, () =>
    explorer.busyWhile(gallery, 'Restoring…', () =>
      withProgress(`Restoring ${what}`, () => explorer.azure().restoreImageVersion(gallery.target, g.resourceGroup, g.name, d.imageName, d.name, { pollIntervalMs: pollIntervalMs() })),
    ),
  );
  gallery.invalidate();
  explorer.refresh(gallery);
  log().info(`${RESTORE_TITLE}: ${d.versionId} restored`);
  void notify('info', `Restored ${what}.`);
  return restored;
}
