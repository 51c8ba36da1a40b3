// Grant Access…: role (Reader by default) → who (found in Microsoft Graph by e-mail, user
// principal name, name or application id; the display name and kind found are shown before
// anything is sent) → summary → the role assignment at the gallery, definition or version.
import * as vscode from 'vscode';
import type { AzureTarget } from '../../azure/types';
import type { Azure } from '../../azureLoader';
import type { DirectoryObject, RoleAssignmentInfo, RoleDefinitionInfo } from '../../azureChunk';
import { validatePrincipalQuery } from '../../model/principals';
import type { Explorer } from '../../tree/explorer';
import { azureFailure, CommandFailure, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { runWizard } from '../../ui/wizard';
import { describeNode, prompterFor, resolveNode, splitArgs, targetOf, withProgress, type ManageOptions, type ResourceNode } from '../manageCommon';
import { DEFAULT_ROLE, GRANT_TITLE, MANAGE_ACCESS_COMMAND, describePrincipal, describeScope, roleGuid, sortRoles } from './common';
import { createOrLook } from '../createOrLook';
import { grantSteps, principalSearch, type GrantState } from './grantSteps';

export interface GrantAccessOptions extends ManageOptions {
  /** Resource id of the gallery, image definition or image version. */
  scope?: string;
  /** Role name (Reader, the default) or role definition id / GUID. */
  role?: string;
  /** Who: an e-mail address or user principal name, a display name, or an application (client) id or object id. */
  principal?: string;
}

const NOTHING_SHARED = 'Nothing was shared.';

export interface GrantAccessResult {
  assignment: RoleAssignmentInfo;
  principal: DirectoryObject;
  role: RoleDefinitionInfo;
  /** True when the access was already there and nothing was created. */
  existed: boolean;
}

/** The roles that can be given at the scope, preferred ones first. */
async function loadRoles(azure: Azure, target: AzureTarget, scope: string, where: string): Promise<RoleDefinitionInfo[]> {
  try {
    return sortRoles(await azure.listRoleDefinitions(target, scope));
  } catch (error) {
    throw azureFailure(`list the roles that can be given on ${where}`, error, { outcome: NOTHING_SHARED });
  }
}

function findRole(roles: readonly RoleDefinitionInfo[], given: string): RoleDefinitionInfo | undefined {
  const wanted = given.toLowerCase();
  return roles.find((r) => r.roleName.toLowerCase() === wanted || r.name.toLowerCase() === wanted || r.id.toLowerCase() === wanted || roleGuid(r.id) === roleGuid(wanted));
}

/** The assignment gives `role` at `scope` itself, or (with `inherited`) at a scope containing it. */
function givesRole(a: RoleAssignmentInfo, role: RoleDefinitionInfo, scope: string, inherited: boolean): boolean {
  const at = a.scope.toLowerCase();
  const here = scope.toLowerCase();
  return roleGuid(a.roleDefinitionId) === roleGuid(role.id) && (at === here || (inherited && here.startsWith(`${at}/`)));
}

/** Creates the role assignment, unless the principal already has the role here (or inherited). */
async function sendGrant(node: ResourceNode, azure: Azure, role: RoleDefinitionInfo, principal: DirectoryObject, options: GrantAccessOptions): Promise<GrantAccessResult | undefined> {
  const target = targetOf(node);
  const scope = node.resourceId;
  const where = describeNode(node);
  const who = describePrincipal(principal);
  const assignmentsNow = async () => azure.listRoleAssignments(target, scope, { principalId: principal.id });

  // Already there (here or inherited)? Then say so plainly and create nothing.
  try {
    const existing = (await assignmentsNow()).find((a) => givesRole(a, role, scope, true));
    if (existing) {
      const inherited = existing.scope.toLowerCase() !== scope.toLowerCase();
      void notify('info', `${who} already has ${role.roleName} on ${where}${inherited ? ` (given on ${describeScope(existing.scope)}, which contains it)` : ''}: nothing was changed.`);
      return { assignment: existing, principal, role, existed: true };
    }
  } catch (error) {
    log().warn(`${GRANT_TITLE}: could not check the existing role assignments: ${(error as Error).message}`);
  }

  let assignment: RoleAssignmentInfo | undefined;
  try {
    // A role assignment is a create like any other: an unknown outcome is looked at before Retry.
    assignment = await withProgress(`Granting ${role.roleName} on ${where}`, () =>
      createOrLook({
        resource: `role assignment giving ${who} ${role.roleName} on ${where}`,
        what: `grant ${role.roleName} on ${where} to ${who}`,
        create: () => azure.createRoleAssignment(target, scope, role.id, principal.id, principal.kind),
        look: async () => (await assignmentsNow()).find((a) => givesRole(a, role, scope, false)),
        answers: { scope, role: role.id, principal: principal.id, prompter: options.prompter } satisfies GrantAccessOptions,
        edit: false,
        log: (line) => log().info(line),
      }),
    );
  } catch (error) {
    // Given by someone else meanwhile: nothing needs to change.
    if (error instanceof CommandFailure && (error.details.cause as { code?: string } | undefined)?.code === 'RoleAssignmentExists') {
      void notify('info', `${who} already has ${role.roleName} on ${where}: nothing was changed.`);
      return undefined;
    }
    throw error;
  }
  if (!assignment) return undefined;
  log().info(`Granted ${role.roleName} to ${principal.id} at ${scope} (${assignment.id})`);
  void notify('info', `Granted ${role.roleName} on ${where} to ${who}.`, 'Manage Access…').then((action) =>
    action ? vscode.commands.executeCommand(MANAGE_ACCESS_COMMAND, node) : undefined,
  );
  return { assignment, principal, role, existed: false };
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
    if (problem) throw inputFailure(GRANT_TITLE, [problem], NOTHING_SHARED);
  }
  const roles = await loadRoles(azure, target, node.resourceId, where);
  const state: GrantState = {};
  if (options.role !== undefined) {
    state.role = findRole(roles, options.role);
    if (!state.role) throw inputFailure(GRANT_TITLE, [`there is no role "${options.role}" on ${where}. Use one of: ${roles.map((r) => r.roleName).join(', ')}.`], NOTHING_SHARED);
  }

  const { search, whyNotFound } = principalSearch(azure, target);
  if (options.principal !== undefined) {
    const problem = await whyNotFound(options.principal);
    if (problem) throw inputFailure(GRANT_TITLE, [problem], NOTHING_SHARED);
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
  return explorer.busyWhile(node, 'Granting access…', () => sendGrant(node, azure, state.role!, state.principal!, options));
}
