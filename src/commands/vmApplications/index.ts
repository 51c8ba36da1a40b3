// The VM application commands: create, update and delete of application definitions and versions,
// and Copy Application Reference. Each takes `(node?, options?)` or `(options?)`.
import type { Explorer } from '../../tree/explorer';
import type { CommandHandler } from '../commandTable';
import type { VersionCreations } from '../createVersionProgress';
import {
  COPY_APPLICATION_REFERENCE_COMMAND,
  CREATE_APPLICATION_COMMAND,
  CREATE_APPLICATION_VERSION_COMMAND,
  DELETE_APPLICATION_COMMAND,
  DELETE_APPLICATION_VERSION_COMMAND,
  UPDATE_APPLICATION_COMMAND,
  UPDATE_APPLICATION_VERSION_COMMAND,
} from './common';
import { createApplication } from './createApplication';
import { createApplicationVersion } from './createVersion';
import { copyApplicationReference, deleteApplication } from './deleteAndCopy';
import { updateApplication, updateApplicationVersion } from './update';

export type { CreateApplicationOptions } from './createApplication';
export type { CreateApplicationVersionOptions } from './createVersion';
export type { UpdateApplicationOptions, UpdateApplicationVersionOptions } from './update';
export type { CopyApplicationReferenceOptions, DeleteApplicationOptions } from './deleteAndCopy';

export function applicationCommands(explorer: Explorer, creations: VersionCreations): Record<string, CommandHandler> {
  return {
    [CREATE_APPLICATION_COMMAND]: (...args: unknown[]) => createApplication(explorer, ...args),
    [CREATE_APPLICATION_VERSION_COMMAND]: (...args: unknown[]) => createApplicationVersion(explorer, creations, ...args),
    [UPDATE_APPLICATION_COMMAND]: (...args: unknown[]) => updateApplication(explorer, ...args),
    [UPDATE_APPLICATION_VERSION_COMMAND]: (...args: unknown[]) => updateApplicationVersion(explorer, ...args),
    [DELETE_APPLICATION_COMMAND]: (...args: unknown[]) => deleteApplication(explorer, 'galleryApplication', ...args),
    [DELETE_APPLICATION_VERSION_COMMAND]: (...args: unknown[]) => deleteApplication(explorer, 'applicationVersion', ...args),
    [COPY_APPLICATION_REFERENCE_COMMAND]: (...args: unknown[]) => copyApplicationReference(explorer, ...args),
  };
}
