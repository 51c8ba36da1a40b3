import type { Explorer } from '../tree/explorer';
import type { CommandHandler } from './commandTable';
import { CREATE_GALLERY_COMMAND, createGallery } from './createGallery';
import { CREATE_DEFINITION_COMMAND, createImageDefinition } from './createImageDefinition';
import { CREATE_VERSION_COMMAND, createImageVersion } from './createImageVersion';
import { CREATE_VERSION_FROM_VHD_COMMAND, createImageVersionFromVhd } from './createImageVersionFromVhd';
import type { VersionCreations } from './createVersionProgress';

/**
 * The create commands. Each takes `(node?, options?)` from menus or `(options?)` from the palette
 * and keybindings; an options object with every required answer runs without a prompt.
 */
export function createCommands(explorer: Explorer, creations: VersionCreations): Record<string, CommandHandler> {
  return {
    [CREATE_GALLERY_COMMAND]: (...args: unknown[]) => createGallery(explorer, ...args),
    [CREATE_DEFINITION_COMMAND]: (...args: unknown[]) => createImageDefinition(explorer, ...args),
    [CREATE_VERSION_COMMAND]: (...args: unknown[]) => createImageVersion(explorer, creations, ...args),
    [CREATE_VERSION_FROM_VHD_COMMAND]: (...args: unknown[]) => createImageVersionFromVhd(explorer, creations, ...args),
  };
}
