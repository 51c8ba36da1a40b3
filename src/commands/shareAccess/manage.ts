// Manage Access…: the role assignments in force at a gallery, definition or version, with who they
// are, and removing the ones made there (after a confirmation).
import * as vscode from 'vscode';
import type { AzureTarget } from '../../azure/types';
import type { Azure } from '../../azureLoader';
import type { DirectoryObject, RoleAssignmentInfo } from '../../azureChunk';
import { parseArmId } from '../../model/armId';
import { describePrincipalKind } from '../../model/principals';
import type { Explorer } from '../../tree/explorer';
import { azureFailure, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { isNavigation, type PickEntry, type Prompter } from '../../ui/wizard';
import { describeNode, prompterFor, resolveNode, splitArgs, subscriptionNames, targetOf, withProgress, withQuietProgress, type ManageOptions, type ResourceNode } from '../manageCommon';
import { GRANT_ACCESS_COMMAND, MANAGE_TITLE, describeScope, roleGuid } from './common';

export interface ManageAccessOptions extends ManageOptions {
  /** Resource id of the gallery, image definition or image version. */
  scope?: string;
  /**
   * Remove these role assignments without showing the list: assignment ids or GUIDs, or who holds
   * them (display name, e-mail, object id). Only assignments made here or below can be removed.
   */
  remove?: string[];
}

/** One role assignment as Manage Access shows it. */
export interface AccessEntry {
  assignment: RoleAssignmentInfo;
  roleName: string;
  /** Display name, or the object id when the directory does not know it (or cannot be read). */
  who: string;
  kind: string;
  handle?: string;
  /** here: made on this resource; inherited: from above; below: on something inside it. */
  where: 'here' | 'inherited' | 'below';
}

export interface ManageAccessResult {
  entries: AccessEntry[];
  removed: AccessEntry[];
}

async function loadEntries(explorer: Explorer, node: ResourceNode): Promise<AccessEntry[]> {
  const azure = explorer.azure();
  const target = targetOf(node);
  const scope = node.resourceId.toLowerCase();
  const [assignments, roles] = await Promise.all([azure.listRoleAssignments(target, node.resourceId), azure.listRoleDefinitions(target, node.resourceId)]);
  const names = await azure.getPrincipalsByIds(target, assignments.map((a) => a.principalId)).catch((error: unknown) => {
    log().warn(`${MANAGE_TITLE}: could not look up names in the directory: ${(error as Error).message}`);
    return new Map<string, DirectoryObject>();
  });
  const roleNames = new Map(roles.map((r) => [roleGuid(r.id), r.roleName]));
  return assignments.map((a) => {
    const p = names.get(a.principalId.toLowerCase());
    const s = a.scope.toLowerCase();
    return {
      assignment: a,
      roleName: roleNames.get(roleGuid(a.roleDefinitionId)) ?? roleGuid(a.roleDefinitionId),
      who: p?.displayName ?? a.principalId,
      kind: describePrincipalKind(p?.kind ?? a.principalType),
      handle: p?.mail ?? p?.userPrincipalName ?? (p?.appId ? `application id ${p.appId}` : undefined),
      where: s === scope ? 'here' : scope.startsWith(`${s}/`) || s === '' ? 'inherited' : 'below',
    };
  });
}

function entryMatches(entry: AccessEntry, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  const a = entry.assignment;
  return [a.id, a.name, a.principalId, entry.who, entry.handle ?? ''].some((v) => v.toLowerCase() === w);
}

/** How Manage Access writes an entry and the scope it is inherited from. */
interface Describers {
  where: string;
  inheritedFrom: (e: AccessEntry) => string;
  describeEntry: (e: AccessEntry) => string;
}

/** The entries named in options.remove; a failure when one matches none that can be removed here. */
function namedEntries(entries: readonly AccessEntry[], remove: readonly string[], d: Describers): AccessEntry[] {
  const { where, describeEntry } = d;
  const missing = remove.filter((w) => !entries.some((e) => e.where !== 'inherited' && entryMatches(e, w)));
  if (missing.length > 0 || remove.length === 0) {
    const removable = entries.filter((e) => e.where !== 'inherited').map(describeEntry);
    throw inputFailure(
      MANAGE_TITLE,
      [
        `${missing.length > 0 ? `no role assignment made on ${where} matches ${missing.map((m) => `"${m}"`).join(', ')}` : 'name at least one role assignment to remove'}.`,
        `${removable.length > 0 ? `Those that can be removed here: ${removable.join('; ')}.` : `None was made on ${where}.`} Inherited ones are removed where they were given.`,
      ],
      'Nothing was removed.',
    );
  }
  return entries.filter((e) => e.where !== 'inherited' && remove.some((w) => entryMatches(e, w)));
}

const ADD = 'add' as const;

/** The list of who has access, grouped by where it was given; answers the entry picked, Grant access… or nothing. */
async function pickEntry(prompter: Prompter, entries: readonly AccessEntry[], d: Describers, active?: AccessEntry): Promise<AccessEntry | typeof ADD | undefined> {
  const { where, inheritedFrom, describeEntry } = d;
  const items: PickEntry<AccessEntry | typeof ADD>[] = [{ label: '$(add) Grant access…', detail: `Give a person, group or application a role on ${where}`, value: ADD }];
  const group = (title: string, list: AccessEntry[], refusal?: (e: AccessEntry) => string) => {
    if (list.length === 0) return;
    items.push({ separator: title });
    for (const e of list) {
      // The row's first line holds who and the role, short enough not to be cut off; the rest goes below.
      items.push({
        label: `$(${e.kind === 'user' ? 'person' : e.kind === 'group' ? 'organization' : 'symbol-method'}) ${e.who}`,
        description: e.roleName,
        detail: [e.kind, e.handle ?? `object id ${e.assignment.principalId}`, e.where === 'inherited' ? `from ${inheritedFrom(e)}` : e.where === 'below' ? `on ${describeScope(e.assignment.scope)}` : ''].filter(Boolean).join(' · '),
        value: e,
        refusal: refusal?.(e),
      });
    }
  };
  group(`Given on ${where} (pick one to remove it)`, entries.filter((e) => e.where === 'here'));
  group('Given on items inside it', entries.filter((e) => e.where === 'below'));
  group('Inherited (remove these where they were given)', entries.filter((e) => e.where === 'inherited'), (e) =>
    `${describeEntry(e)} is given on ${inheritedFrom(e)}: remove it there (Access control (IAM) in the Azure portal), not here.`,
  );
  const answer = await prompter.pick<AccessEntry | typeof ADD>({
    title: `${MANAGE_TITLE}: ${where}`,
    step: 1,
    totalSteps: 1,
    canGoBack: false,
    placeholder: `${entries.length} role assignment${entries.length === 1 ? '' : 's'} apply here. Pick one to remove it, or Grant access…`,
    items,
    selected: active ? [active] : [],
  });
  return answer === ADD || (typeof answer === 'object' && !isNavigation(answer)) ? answer : undefined;
}

/** Asks before removing; false keeps everything. */
function confirmRemoval(prompter: Prompter, chosen: readonly AccessEntry[], { where, describeEntry }: Describers): Promise<boolean> {
  return prompter.confirm({
    message: chosen.length === 1 ? `Remove ${describeEntry(chosen[0]!)} from ${where}?` : `Remove ${chosen.length} role assignments from ${where}?`,
    detail: `${chosen.map((e) => `• ${describeEntry(e)}${e.where === 'below' ? ` on ${describeScope(e.assignment.scope)}` : ''}`).join('\n')}\n\nThey lose the access these role assignments give (here and on everything inside). Access they have from other role assignments stays.`,
    confirmLabel: 'Remove Access',
  });
}

/** Deletes the chosen role assignments one by one; answers those removed, and the failures. */
async function removeEntries(azure: Azure, target: AzureTarget, chosen: readonly AccessEntry[], d: Describers): Promise<{ removed: AccessEntry[]; failures: { entry: AccessEntry; error: unknown }[] }> {
  const { where, describeEntry } = d;
  const removed: AccessEntry[] = [];
  const failures: { entry: AccessEntry; error: unknown }[] = [];
  await withProgress(`Removing access to ${where}`, async (report) => {
    for (const e of chosen) {
      report(describeEntry(e));
      try {
        await azure.deleteRoleAssignment(target, e.assignment.id);
        removed.push(e);
        log().info(`Removed role assignment ${e.assignment.id}`);
      } catch (error) {
        failures.push({ entry: e, error });
      }
    }
  });
  return { removed, failures };
}

export async function manageAccess(explorer: Explorer, ...args: unknown[]): Promise<ManageAccessResult | undefined> {
  const { node: given, options } = splitArgs<ManageAccessOptions>(args, ['gallery', 'imageDefinition', 'imageVersion']);
  const node = await resolveNode(explorer, given, options.scope, ['gallery', 'imageDefinition', 'imageVersion'], MANAGE_TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const where = describeNode(node);
  const subs = subscriptionNames(explorer);

  const entries = await withQuietProgress(`Loading who has access to ${where}`, () => loadEntries(explorer, node)).catch((error: unknown) => {
    throw azureFailure(`list who has access to ${where}`, error);
  });
  const inheritedFrom = (e: AccessEntry) => {
    const ref = parseArmId(e.assignment.scope);
    return ref?.kind === 'subscription' ? `subscription ${subs.get(ref.subscriptionId.toLowerCase()) ?? ref.subscriptionId}` : describeScope(e.assignment.scope);
  };
  const describeEntry = (e: AccessEntry) => `${e.roleName} for ${e.who} (${e.kind}${e.handle ? `, ${e.handle}` : ''})`;
  const d: Describers = { where, inheritedFrom, describeEntry };

  let chosen: AccessEntry[];
  if (options.remove !== undefined) {
    chosen = namedEntries(entries, options.remove, d);
    if (!options.confirmed && !(await confirmRemoval(prompter, chosen, d))) return { entries, removed: [] };
  } else {
    // Cancel in the confirmation goes back to the list (on the entry it was about), not out of it.
    let active: AccessEntry | undefined;
    for (;;) {
      const answer = await pickEntry(prompter, entries, d, active);
      if (answer === ADD) {
        await vscode.commands.executeCommand(GRANT_ACCESS_COMMAND, node, { prompter: options.prompter });
        return { entries, removed: [] };
      }
      if (answer === undefined) return { entries, removed: [] };
      if (options.confirmed || (await confirmRemoval(prompter, [answer], d))) {
        chosen = [answer];
        break;
      }
      active = answer;
    }
  }
  const { removed, failures } = await explorer.busyWhile(node, 'Removing access…', () => removeEntries(explorer.azure(), targetOf(node), chosen, d));
  if (removed.length > 0) void notify('info', `Removed ${removed.map(describeEntry).join('; ')} from ${where}.`);
  const [first, ...others] = failures;
  if (first) {
    // One failure shown (Azure's words for the first), the others named; the caller still gets what was removed.
    const alsoFailed = others.length > 0 ? ` Removing ${others.map((f) => describeEntry(f.entry)).join('; ')} failed too (the output channel has Azure's words for each).` : '';
    for (const f of others) log().error(`${MANAGE_TITLE}: remove ${f.entry.assignment.id}: ${(f.error as Error).message}`);
    throw azureFailure(`remove ${describeEntry(first.entry)}`, first.error, { outcome: `${alsoFailed}${removed.length > 0 ? ` The others were removed.` : ''}`.trim(), result: { entries, removed } satisfies ManageAccessResult });
  }
  return { entries, removed };
}
