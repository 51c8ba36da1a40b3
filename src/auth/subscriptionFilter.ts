import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../constants';

const AZURE_RESOURCES_EXTENSION = 'ms-azuretools.vscode-azureresourcegroups';

/**
 * The subscription filter ("tenantId/subscriptionId" entries). Azure Resources owns
 * azureResourceGroups.selectedSubscriptions; without that extension the setting is not registered
 * and cannot be written, so ours stands in for it.
 */
export function readSubscriptionFilter(): string[] {
  const shared = vscode.workspace.getConfiguration('azureResourceGroups').get<string[]>('selectedSubscriptions', []);
  if (shared.length > 0) return shared;
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('selectedSubscriptions', []);
}

export async function writeSubscriptionFilter(entries: string[]): Promise<void> {
  const useShared = vscode.extensions.getExtension(AZURE_RESOURCES_EXTENSION) !== undefined;
  const section = useShared ? 'azureResourceGroups' : SETTINGS_SECTION;
  await vscode.workspace.getConfiguration(section).update('selectedSubscriptions', entries.length > 0 ? entries : undefined, vscode.ConfigurationTarget.Global);
}

export function isSelected(filter: readonly string[], subscriptionId: string): boolean {
  if (filter.length === 0) return true;
  const id = subscriptionId.toLowerCase();
  return filter.some((entry) => entry.split('/').pop()?.toLowerCase() === id);
}
