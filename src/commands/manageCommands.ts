// The share, update and delete commands. Each takes `(node?, options?)` from menus or `(options?)`
// from the palette and keybindings; an options object with every answer runs without a prompt
// (destructive ones still confirm, unless the options say `confirmed: true`).
import type { Explorer } from '../tree/explorer';
import type { CommandHandler } from './commandTable';
import type { VersionCreations } from './createVersionProgress';
import { deleteCommandHandlers } from './deleteResource';
import { GRANT_ACCESS_COMMAND, MANAGE_ACCESS_COMMAND, grantAccess, manageAccess } from './shareAccess';
import { COPY_PUBLIC_NAME_COMMAND, SHARE_PUBLICLY_COMMAND, copyPublicName, sharePublicly } from './shareCommunity';
import { ADD_SHARING_COMMAND, REMOVE_SHARING_COMMAND, RESET_SHARING_COMMAND, SHOW_SHARING_COMMAND, addSharingGroups, removeSharingGroups, showSharing } from './shareDirect';
import { resetSharing } from './shareReset';
import { UPDATE_GALLERY_COMMAND, updateGallery } from './updateGallery';
import { UPDATE_DEFINITION_COMMAND, updateImageDefinition } from './updateImageDefinition';
import { UPDATE_VERSION_COMMAND, updateImageVersion } from './updateImageVersion/index';
import { EDIT_TAGS_COMMAND, editTags } from './editTags';
import { RETRY_REGION_COMMAND, retryRegion } from './retryRegion';
import { SHOW_USAGE_COMMAND, showUsage } from './showUsage';
import { EXCLUDE_FROM_LATEST_COMMAND, MAKE_LATEST_COMMAND, excludeFromLatest, makeLatest } from './latestCommands';
import { CLEAN_UP_VERSIONS_COMMAND, cleanUpVersions } from './cleanUpVersions';
import { INVENTORY_COMMAND, inventory } from './inventory';
import { RESTORE_VERSION_COMMAND, SET_SOFT_DELETE_COMMAND, restoreImageVersion, setSoftDelete } from './softDelete';

export function manageCommands(explorer: Explorer, creations: VersionCreations): Record<string, CommandHandler> {
  return {
    [GRANT_ACCESS_COMMAND]: (...args: unknown[]) => grantAccess(explorer, ...args),
    [MANAGE_ACCESS_COMMAND]: (...args: unknown[]) => manageAccess(explorer, ...args),
    [ADD_SHARING_COMMAND]: (...args: unknown[]) => addSharingGroups(explorer, ...args),
    [REMOVE_SHARING_COMMAND]: (...args: unknown[]) => removeSharingGroups(explorer, ...args),
    [SHOW_SHARING_COMMAND]: (...args: unknown[]) => showSharing(explorer, ...args),
    [SHARE_PUBLICLY_COMMAND]: (...args: unknown[]) => sharePublicly(explorer, ...args),
    [COPY_PUBLIC_NAME_COMMAND]: (...args: unknown[]) => copyPublicName(explorer, ...args),
    [RESET_SHARING_COMMAND]: (...args: unknown[]) => resetSharing(explorer, ...args),
    [UPDATE_GALLERY_COMMAND]: (...args: unknown[]) => updateGallery(explorer, ...args),
    [UPDATE_DEFINITION_COMMAND]: (...args: unknown[]) => updateImageDefinition(explorer, ...args),
    [UPDATE_VERSION_COMMAND]: (...args: unknown[]) => updateImageVersion(explorer, creations, ...args),
    [EDIT_TAGS_COMMAND]: (...args: unknown[]) => editTags(explorer, ...args),
    [RETRY_REGION_COMMAND]: (...args: unknown[]) => retryRegion(explorer, ...args),
    [SHOW_USAGE_COMMAND]: (...args: unknown[]) => showUsage(explorer, ...args),
    [MAKE_LATEST_COMMAND]: (...args: unknown[]) => makeLatest(explorer, ...args),
    [EXCLUDE_FROM_LATEST_COMMAND]: (...args: unknown[]) => excludeFromLatest(explorer, ...args),
    [SET_SOFT_DELETE_COMMAND]: (...args: unknown[]) => setSoftDelete(explorer, ...args),
    [RESTORE_VERSION_COMMAND]: (...args: unknown[]) => restoreImageVersion(explorer, ...args),
    [CLEAN_UP_VERSIONS_COMMAND]: (...args: unknown[]) => cleanUpVersions(explorer, ...args),
    [INVENTORY_COMMAND]: (...args: unknown[]) => inventory(explorer, ...args),
    ...deleteCommandHandlers(explorer),
  };
}
