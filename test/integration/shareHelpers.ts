// Shared by the share*, update* and delete* suites: well-known demo ids, what the local Azure holds
// (to prove that a dismissed confirmation changed nothing), and the write requests it received.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../emulator/emulator';
import { emulatorState, GALLERY_ID, RG_IMAGES } from './createHelpers';
import { emulatorAdmin, extensionApi } from './helpers';

export { DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, GROUPS, LOCAL_PRINCIPAL, ROLE_IDS, USERS } from '../emulator/seeds/wellKnown';

export const SHARED_ID = `${RG_IMAGES}/providers/Microsoft.Compute/galleries/contoso_shared`;
export const COMMUNITY_ID = `${RG_IMAGES}/providers/Microsoft.Compute/galleries/contoso_community`;
export const PRIVATE_ID = GALLERY_ID;
export const DEV_GALLERY_ID = '/subscriptions/00000000-0000-4000-8000-00000000a002/resourceGroups/rg-dev/providers/Microsoft.Compute/galleries/dev_gallery';

/** Everything a share, update or delete could change: resources (without transient state) and role assignments. */
export async function azureSnapshot(): Promise<string> {
  const state = await emulatorState();
  const resources = Object.fromEntries(
    Object.entries(state.resources)
      .map(([id, r]) => [id, { name: r.name, location: r.location, tags: r.tags, properties: r.properties }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const assignments = state.roleAssignments.map((a) => `${a.scope}|${a.roleDefinitionId}|${a.principalId}`.toLowerCase()).sort();
  return JSON.stringify({ resources, assignments, groups: state.resourceGroups.map((g) => `${g.subscriptionId}/${g.name}`.toLowerCase()).sort() });
}

export async function clearRequestLog(): Promise<void> {
  await emulatorAdmin('DELETE', '/_admin/requests');
}

export async function requestLog(): Promise<RequestLogEntry[]> {
  return (await emulatorAdmin('GET', '/_admin/requests')) as RequestLogEntry[];
}

/** Requests that change something in Azure (token requests and reads left out). */
export async function writes(): Promise<string[]> {
  return (await requestLog())
    // A Resource Graph query is a POST that changes nothing (who uses an image is asked before a change).
    .filter((r) => r.method !== 'GET' && !/\/oauth2\/|\/token$|^\/_admin|Microsoft\.ResourceGraph\/resources/i.test(r.path))
    .map((r) => `${r.method} ${decodeURIComponent(r.path)}`);
}

export function sharingProfileOf(state: Awaited<ReturnType<typeof emulatorState>>, id: string): { permissions?: string; groups?: { type: string; ids: string[] }[]; communityGalleryInfo?: Record<string, unknown> } | undefined {
  return state.resources[id.toLowerCase()]?.properties.sharingProfile as never;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('azureComputeGallery').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The tree item the user sees for a resource node now (with any "Deleting…" state drawn over it). */
export async function shownItem(node: Parameters<Awaited<ReturnType<typeof extensionApi>>['explorer']['provider']['getTreeItem']>[0]): Promise<vscode.TreeItem> {
  return (await extensionApi()).explorer.provider.getTreeItem(node);
}

export function assertNoProblems(prompter: { problems: string[] }): void {
  assert.deepEqual(prompter.problems, [], 'the script fits the prompts');
}
