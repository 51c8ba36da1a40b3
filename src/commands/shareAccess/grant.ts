// Grant Access…: role (Reader by default) → who (found in Microsoft Graph by e-mail, user
// principal name, name or application id; the display name and kind found are shown before
// anything is sent) → summary → the role assignment at the gallery, definition or version.
import * as vscode from 'vscode';
import type { AzureTarget } from '../../azure/types';
import type { Azure } from '../../azureLoader';
import type { DirectoryObject, RoleAssignmentInfo, RoleDefinitionInfo } from '../../azureChunk';
import { validatePrincipalQuery } from '../../model/principals';
import type { Explorer } from '../../tree/explorer';
import { failureMessage } from '../../ui/failures';
import { log, logFailure } from '../../ui/log';
import { notify } from '../../ui/notify';
import { runWizard } from '../../ui/wizard';
import { describeNode, prompterFor, resolveNode, splitArgs, targetOf, withProgress, type ManageOptions, type ResourceNode } from '../manageCommon';
import { DEFAULT_ROLE, GRANT_TITLE, MANAGE_ACCESS_COMMAND, describePrincipal, describeScope, roleGuid, sortRoles } from './common';
import { grantSteps, principalSearch, type GrantState } from './grantSteps';

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

/** The roles that can be given at the scope, preferred ones first; undefined (and said) when they cannot be read. */
async function loadRoles(azure: Azure, target: AzureTarget, scope: string, where: string): Promise<RoleDefinitionInfo[] | undefined> {
  try {
    return sortRoles(await azure.listRoleDefinitions(target, scope));
  } catch (error) {
    logFailure(`${GRANT_TITLE}: roles at ${scope}`, error);
    void notify('error', failureMessage(`list the roles that can be given on ${where}`, error));
    return undefined;
  }
}

function findRole(roles: readonly RoleDefinitionInfo[], given: string): RoleDefinitionInfo | undefined {
  const wanted = given.toLowerCase();
  return roles.find((r) => r.roleName.toLowerCase() === wanted || r.name.toLowerCase() === wanted || r.id.toLowerCase() === wanted || roleGuid(r.id) === roleGuid(wanted));
}

/** Creates the role assignment, unless the principal already has the role here (or inherited). */
async function sendGrant(node: ResourceNode, azure: Azure, role: RoleDefinitionInfo, principal: DirectoryObject): Promise<GrantAccessResult | undefined> {
  const target = targetOf(node);
  const scope = node.resourceId;
  const where = describeNode(node);
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

export async function grantAccess(explorer: Explorer, ...args: unknown[]): Promise<GrantAccessResult | undefined> {
  const { node: given, options } = splitArgs<GrantAccessOptions>(args, ['gallery', 'imageDefinition', 'imageVersion']);
  const node = await resolveNode(explorer, given, options.scope, ['gallery', 'imageDefinition', 'imageVersion'], GRANT_TITLE);
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = targetOf(node);
  const where = describeNode(node);

  // Problems with the options are reported before anything is sent.
  if (options.principal !== undefined) {
    const problem = validatePrincipalQuery(options.principal);
    if (problem) {
      void notify('error', `${GRANT_TITLE}: ${problem} Nothing was shared.`);
      return undefined;
    }
  }
  const roles = await loadRoles(azure, target, node.resourceId, where);
  if (!roles) return undefined;
  const state: GrantState = {};
  if (options.role !== undefined) {
    state.role = findRole(roles, options.role);
    if (!state.role) {
      void notify('error', `${GRANT_TITLE}: there is no role "${options.role}" on ${where}. Use one of: ${roles.map((r) => r.roleName).join(', ')}. Nothing was shared.`);
      return undefined;
    }
  }

  const { search, whyNotFound } = principalSearch(azure, target);
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

  if (interactive) {
    const steps = grantSteps({ roles, where, search, whyNotFound, roleGiven: options.role !== undefined, principalGiven: options.principal !== undefined });
    if (!(await runWizard(GRANT_TITLE, steps, state, prompterFor(options)))) return undefined;
  }
  return explorer.busyWhile(node, 'Granting access…', () => sendGrant(node, azure, state.role!, state.principal!));
}
