import type { ArmError } from './errors';
import { resourceNotFound } from './errors';

/** ResourceNotFound for a path `/subscriptions/../resourceGroups/../providers/{ns}/{type}/{name}...`. */
export function notFoundError(path: string, resourceGroup: string): ArmError {
  return resourceNotFound(path.replace(/\/$/, '').split('/providers/')[1] ?? path, resourceGroup);
}
