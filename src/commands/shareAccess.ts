// Sharing through Azure RBAC. Grant Access…: role (Reader by default) → who (found in Microsoft
// Graph by e-mail, user principal name, name or application id; the display name and kind found
// are shown before anything is sent) → summary → the role assignment at the gallery, definition or
// version. Manage Access…: the role assignments in force there, with who they are, and removing
// the ones made there (after a confirmation).
import * as vscode from 'vscode';
import type { DirectoryObject, RoleAssignmentInfo, RoleDefinitionInfo } from '../azureChunk';
import { parseArmId } from '../model/armId';
import { classifyPrincipalQuery, describePrincipalKind, noPrincipalFound, validatePrincipalQuery } from '../model/principals';
import type { Explorer } from '../tree/explorer';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { inputStep, pickStep, runWizard, type PickEntry, type Step } from '../ui/wizard';
import { failureMessage } from '../ui/failures';
import {
  describeNode,
  prompterFor,
  resolveNode,
  splitArgs,
  subscriptionNames,
  targetOf,
  withProgress,
  withQuietProgress,
  type ManageOptions,
  type ResourceNode,
} from './manageCommon';

export const GRANT_ACCESS_COMMAND = 'azureComputeGallery.grantAccess';
export const MANAGE_ACCESS_COMMAND = 'azureComputeGallery.manageAccess';
const GRANT_TITLE = 'Grant Access';
const MANAGE_TITLE = 'Manage Access';

/** The roles people give on a gallery, first in the list (the rest follow by name). */
const PREFERRED_ROLES = ['Reader', 'Compute Gallery Sharing Admin', 'Contributor', 'Owner'];
const DEFAULT_ROLE = 'Reader';
/** What the preferred roles mean for a gallery, shorter than Azure's general descriptions. */
const ROLE_DETAILS: Record<string, string> = {
  reader: 'See it and create VMs from its images; change nothing',
  'compute gallery sharing admin': 'Share it with subscriptions, tenants or the community; change nothing else',
  contributor: 'Create, change and delete images and versions, but not who has access',
  owner: 'Everything, including who has access',
};

export interface GrantAccessOptions extends ManageOptions {
  /** Resource id of the gallery, image definition or image version. */
  scope?: string;
  /** Role name (Reader, the default) or role definition id / GUID. */
  role?: string;
  /** Who: an e-mail address or user principal name, a display name, or an application (client) id or object id. */
  principal?: string;
}

export interface GrantAccessResult {
  assignment: RoleAssignmentInfo;
  principal: DirectoryObject;
  role: RoleDefinitionInfo;
  /** True when the access was already there and nothing was created. */
  existed: boolean;
}

interface GrantState {
  role?: RoleDefinitionInfo;
  query?: string;
  matches?: DirectoryObject[];
  principal?: DirectoryObject;
}

function roleGuid(id: string): string {
  return id.split('/').pop()?.toLowerCase() ?? '';
}

function sortRoles(roles: readonly RoleDefinitionInfo[]): RoleDefinitionInfo[] {
  const rank = (r: RoleDefinitionInfo) => {
    const i = PREFERRED_ROLES.findIndex((p) => p.toLowerCase() === r.roleName.toLowerCase());
    return i < 0 ? PREFERRED_ROLES.length : i;
  };
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.roleName.localeCompare(b.roleName));
}

/** "Ada Lovelace (user, ada.lovelace@contoso.com)". */
export function describePrincipal(p: DirectoryObject): string {
  const handle = p.mail ?? p.userPrincipalName ?? (p.appId ? `app id ${p.appId}` : undefined);
  return `${p.displayName} (${describePrincipalKind(p.kind)}${handle ? `, ${handle}` : ''})`;
}

function principalItem(p: DirectoryObject): PickEntry<DirectoryObject> {
  const handle = p.mail ?? p.userPrincipalName ?? (p.appId ? `application id ${p.appId}` : '');
  return { label: `$(${p.kind === 'User' ? 'person' : p.kind === 'Group' ? 'organization' : 'symbol-method'}) ${p.displayName}`, description: `${describePrincipalKind(p.kind)}${handle ? ` · ${handle}` : ''}`, detail: `Object id ${p.id}`, value: p };
}

export async function grantAccess(explorer: Explorer, ...args: unknown[]): Promise<GrantAccessResult | undefined> {
  const { node: given, options } = splitArgs<GrantAccessOptions>(args, ['gallery', 'imageDefinition', 'imageVersion']);
  const node = await resolveNode(explorer, given, options.scope, ['gallery', 'imageDefinition', 'imageVersion'], GRANT_TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const azure = explorer.azure();
  const target = targetOf(node);
  const scope = node.resourceId;
  const where = describeNode(node);

  // Problems with the options are reported before anything is sent.
  if (options.principal !== undefined) {
    const problem = validatePrincipalQuery(options.principal);
    if (problem) {
      void notify('error', `${GRANT_TITLE}: ${problem} Nothing was shared.`);
      return undefined;
    }
  }
  let roles: RoleDefinitionInfo[];
  try {
    roles = sortRoles(await azure.listRoleDefinitions(target, scope));
  } catch (error) {
    logFailure(`${GRANT_TITLE}: roles at ${scope}`, error);
    void notify('error', failureMessage(`list the roles that can be given on ${where}`, error));
    return undefined;
  }
  const state: GrantState = {};
  if (options.role !== undefined) {
    const wanted = options.role.toLowerCase();
    state.role = roles.find((r) => r.roleName.toLowerCase() === wanted || r.name.toLowerCase() === wanted || r.id.toLowerCase() === wanted || roleGuid(r.id) === roleGuid(wanted));
    if (!state.role) {
      void notify('error', `${GRANT_TITLE}: there is no role "${options.role}" on ${where}. Use one of: ${roles.map((r) => r.roleName).join(', ')}. Nothing was shared.`);
      return undefined;
    }
  }

  const searches = new Map<string, Promise<DirectoryObject[]>>();
  const search = (text: string) => {
    const query = classifyPrincipalQuery(text);
    if (!query) return Promise.resolve([]);
    const key = `${query.kind}:${query.value.toLowerCase()}`;
    let pending = searches.get(key);
    if (!pending) {
      pending = azure.findPrincipals(target, query);
      pending.catch(() => searches.delete(key));
      searches.set(key, pending);
    }
    return pending;
  };
  const whyNotFound = async (text: string): Promise<string | undefined> => {
    const query = classifyPrincipalQuery(text);
    if (!query) return undefined;
    try {
      return (await search(text)).length === 0 ? noPrincipalFound(query, target.tenantId) : undefined;
    } catch (error) {
      logFailure(`${GRANT_TITLE}: directory search for "${text}"`, error);
      return failureMessage(`search the directory for "${text.trim()}"`, error);
    }
  };

  if (options.principal !== undefined) {
    const problem = await whyNotFound(options.principal);
    if (problem) {
      void notify('error', `${GRANT_TITLE}: ${problem} Nothing was shared.`);
      return undefined;
    }
    state.query = options.principal;
    state.matches = await search(options.principal);
    if (state.matches.length === 1) state.principal = state.matches[0];
  }
  // Complete options (someone found, exactly one) need no prompt; the role defaults to Reader.
  const interactive = state.principal === undefined;
  state.role ??= options.role === undefined && !interactive ? roles.find((r) => r.roleName === DEFAULT_ROLE) : state.role;
  const whoStep = inputStep<GrantState>({
    title: 'Who',
    prompt: 'The person, group or application: an e-mail address or user principal name, a display name, or an application (client) id',
    placeholder: 'e.g. ada.lovelace@contoso.com, Image Publishers',
    get: (s) => s.query,
    set: (s, v) => {
      if (s.query !== v) s.principal = undefined;
      s.query = v;
    },
    validate: (v) => validatePrincipalQuery(v),
    validateAsync: (v) => whyNotFound(v),
  });

  const steps: Step<GrantState>[] = [
    pickStep<GrantState, RoleDefinitionInfo>({
      title: 'Role',
      placeholder: `Pick the role to give on ${where}`,
      when: () => options.role === undefined,
      items: () => {
        const top = roles.filter((r) => PREFERRED_ROLES.some((p) => p.toLowerCase() === r.roleName.toLowerCase()));
        const rest = roles.filter((r) => !top.includes(r));
        const item = (r: RoleDefinitionInfo): PickEntry<RoleDefinitionInfo> => ({ label: r.roleName, detail: ROLE_DETAILS[r.roleName.toLowerCase()] ?? r.description, value: r });
        return rest.length > 0 ? [...top.map(item), { separator: 'Other roles' }, ...rest.map(item)] : top.map(item);
      },
      get: (s) => s.role,
      suggest: () => roles.find((r) => r.roleName === DEFAULT_ROLE) ?? roles[0],
      same: (a, b) => a.id.toLowerCase() === b.id.toLowerCase(),
      set: (s, r) => {
        s.role = r;
      },
    }),
    {
      title: 'Who',
      when: () => options.principal === undefined,
      async ask(s, p, header) {
        const outcome = await whoStep.ask(s, p, header);
        if (outcome !== undefined) return outcome;
        s.matches = await search(s.query ?? '');
        if (s.matches.length === 1) s.principal = s.matches[0];
        return undefined;
      },
    },
    pickStep<GrantState, DirectoryObject>({
      title: 'Which one',
      placeholder: 'Several match: pick the one to give the role to',
      when: (s) => (s.matches?.length ?? 0) > 1,
      items: (s) => (s.matches ?? []).map(principalItem),
      get: (s) => s.principal,
      same: (a, b) => a.id === b.id,
      set: (s, p) => {
        s.principal = p;
      },
    }),
    pickStep<GrantState, 'grant' | 'line'>({
      title: 'Summary',
      placeholder: 'Check the name and kind found, then pick Grant (or go Back)',
      items: (s) => [
        { label: `$(check) Grant ${s.role?.roleName} to ${s.principal?.displayName}`, detail: `${describePrincipal(s.principal!)} on ${where}`, value: 'grant' },
        { separator: 'Summary' },
        { label: 'Role', description: s.role?.roleName ?? '', detail: ROLE_DETAILS[s.role?.roleName.toLowerCase() ?? ''] ?? s.role?.description, value: 'line', refusal: 'To change the role, go Back to the Role step.' },
        { label: 'Who', description: describePrincipal(s.principal!), detail: `Object id ${s.principal?.id}`, value: 'line', refusal: 'To change who gets access, go Back to the Who step.' },
        { label: 'Where', description: where, detail: 'The role applies here and to everything in it', value: 'line', refusal: 'The role is given where Grant Access was started: run it on another item to give access there.' },
      ],
      get: () => 'grant',
      set: () => undefined,
    }),
  ];

  if (interactive) {
    if (!(await runWizard(GRANT_TITLE, steps, state, prompter))) return undefined;
  }
  const role = state.role!;
  const principal = state.principal!;
  const who = describePrincipal(principal);

  // Already there (here or inherited)? Then say so plainly and create nothing.
  try {
    const existing = (await azure.listRoleAssignments(target, scope, { principalId: principal.id })).find(
      (a) => roleGuid(a.roleDefinitionId) === roleGuid(role.id) && (scope.toLowerCase() === a.scope.toLowerCase() || scope.toLowerCase().startsWith(`${a.scope.toLowerCase()}/`)),
    );
    if (existing) {
      const inherited = existing.scope.toLowerCase() !== scope.toLowerCase();
      void notify('info', `${who} already has ${role.roleName} on ${where}${inherited ? ` (given on ${describeScope(existing.scope)}, which contains it)` : ''}: nothing was changed.`);
      return { assignment: existing, principal, role, existed: true };
    }
  } catch (error) {
    log().warn(`${GRANT_TITLE}: could not check the existing role assignments: ${(error as Error).message}`);
  }

  try {
    const assignment = await withProgress(`Granting ${role.roleName} on ${where}`, () => azure.createRoleAssignment(target, scope, role.id, principal.id, principal.kind));
    log().info(`Granted ${role.roleName} to ${principal.id} at ${scope} (${assignment.id})`);
    void notify('info', `Granted ${role.roleName} on ${where} to ${who}.`, 'Manage Access…').then((action) =>
      action ? vscode.commands.executeCommand(MANAGE_ACCESS_COMMAND, node) : undefined,
    );
    return { assignment, principal, role, existed: false };
  } catch (error) {
    logFailure(`${GRANT_TITLE} ${role.roleName} to ${principal.id} at ${scope}`, error);
    if ((error as { code?: string }).code === 'RoleAssignmentExists') {
      void notify('info', `${who} already has ${role.roleName} on ${where}: nothing was changed.`);
      return undefined;
    }
    void notify('error', failureMessage(`grant ${role.roleName} on ${where} to ${who}`, error));
    return undefined;
  }
}

/** "the subscription", "resource group rg-images", "gallery contoso_images". */
export function describeScope(scope: string): string {
  const ref = parseArmId(scope);
  switch (ref?.kind) {
    case 'subscription':
      return `subscription ${ref.subscriptionId}`;
    case 'resourceGroup':
      return `resource group ${ref.resourceGroupName}`;
    case 'gallery':
      return `gallery ${ref.galleryName}`;
    case 'imageDefinition':
      return `image definition ${ref.imageName}`;
    case 'imageVersion':
      return `image version ${ref.versionName} of ${ref.imageName}`;
    default:
      return scope === '' || scope === '/' ? 'the whole tenant' : scope;
  }
}

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

export async function manageAccess(explorer: Explorer, ...args: unknown[]): Promise<ManageAccessResult | undefined> {
  const { node: given, options } = splitArgs<ManageAccessOptions>(args, ['gallery', 'imageDefinition', 'imageVersion']);
  const node = await resolveNode(explorer, given, options.scope, ['gallery', 'imageDefinition', 'imageVersion'], MANAGE_TITLE);
  if (!node) return undefined;
  const prompter = prompterFor(options);
  const azure = explorer.azure();
  const target = targetOf(node);
  const where = describeNode(node);
  const subs = subscriptionNames(explorer);

  let entries: AccessEntry[];
  try {
    entries = await withQuietProgress(`Loading who has access to ${where}`, () => loadEntries(explorer, node));
  } catch (error) {
    logFailure(`${MANAGE_TITLE} ${node.resourceId}`, error);
    void notify('error', failureMessage(`list who has access to ${where}`, error));
    return undefined;
  }
  const inheritedFrom = (e: AccessEntry) => {
    const ref = parseArmId(e.assignment.scope);
    return ref?.kind === 'subscription' ? `subscription ${subs.get(ref.subscriptionId.toLowerCase()) ?? ref.subscriptionId}` : describeScope(e.assignment.scope);
  };
  const describeEntry = (e: AccessEntry) => `${e.roleName} for ${e.who} (${e.kind}${e.handle ? `, ${e.handle}` : ''})`;

  let chosen: AccessEntry[];
  if (options.remove !== undefined) {
    const missing = options.remove.filter((w) => !entries.some((e) => e.where !== 'inherited' && entryMatches(e, w)));
    if (missing.length > 0 || options.remove.length === 0) {
      const removable = entries.filter((e) => e.where !== 'inherited').map(describeEntry);
      void notify(
        'error',
        `${MANAGE_TITLE}: ${missing.length > 0 ? `no role assignment made on ${where} matches ${missing.map((m) => `"${m}"`).join(', ')}` : 'name at least one role assignment to remove'}. ` +
          `${removable.length > 0 ? `Those that can be removed here: ${removable.join('; ')}.` : `None was made on ${where}.`} Inherited ones are removed where they were given. Nothing was removed.`,
      );
      return undefined;
    }
    chosen = entries.filter((e) => e.where !== 'inherited' && options.remove!.some((w) => entryMatches(e, w)));
  } else {
    const ADD = 'add' as const;
    const items: PickEntry<AccessEntry | typeof ADD>[] = [{ label: '$(add) Grant access…', detail: `Give a person, group or application a role on ${where}`, value: ADD }];
    const group = (title: string, list: AccessEntry[], refusal?: (e: AccessEntry) => string) => {
      if (list.length === 0) return;
      items.push({ separator: title });
      for (const e of list) {
        items.push({
          label: `$(${e.kind === 'user' ? 'person' : e.kind === 'group' ? 'organization' : 'symbol-method'}) ${e.who}`,
          description: `${e.roleName} · ${e.kind}${e.where === 'inherited' ? ` · from ${inheritedFrom(e)}` : e.where === 'below' ? ` · on ${describeScope(e.assignment.scope)}` : ''}`,
          detail: e.handle ?? `Object id ${e.assignment.principalId}`,
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
    });
    if (answer === ADD) {
      await vscode.commands.executeCommand(GRANT_ACCESS_COMMAND, node, { prompter: options.prompter });
      return { entries, removed: [] };
    }
    if (typeof answer !== 'object') return { entries, removed: [] };
    chosen = [answer];
  }

  if (!options.confirmed) {
    const ok = await prompter.confirm({
      message: chosen.length === 1 ? `Remove ${describeEntry(chosen[0]!)} from ${where}?` : `Remove ${chosen.length} role assignments from ${where}?`,
      detail: `${chosen.map((e) => `• ${describeEntry(e)}${e.where === 'below' ? ` on ${describeScope(e.assignment.scope)}` : ''}`).join('\n')}\n\nThey lose the access these role assignments give (here and on everything inside). Access they have from other role assignments stays.`,
      confirmLabel: 'Remove Access',
    });
    if (!ok) return { entries, removed: [] };
  }
  const removed: AccessEntry[] = [];
  const failures: string[] = [];
  await withProgress(`Removing access to ${where}`, async (report) => {
    for (const e of chosen) {
      report(describeEntry(e));
      try {
        await azure.deleteRoleAssignment(target, e.assignment.id);
        removed.push(e);
        log().info(`Removed role assignment ${e.assignment.id}`);
      } catch (error) {
        logFailure(`${MANAGE_TITLE}: remove ${e.assignment.id}`, error);
        failures.push(failureMessage(`remove ${describeEntry(e)}`, error));
      }
    }
  });
  if (removed.length > 0) void notify('info', `Removed ${removed.map(describeEntry).join('; ')} from ${where}.`);
  for (const f of failures) void notify('error', f);
  return { entries, removed };
}
