// Grant Access…: role (Reader by default, among the roles that fit a gallery, or any by search) →
// who (found in Microsoft Graph by e-mail, user principal name, name or application id; the
// display name and kind found are shown before anything is sent; an e-mail address found nowhere
// is invited as a guest, after an OK) → summary → the role assignment at the gallery, definition
// or version.
import * as vscode from 'vscode';
import type { Azure } from '../../azureLoader';
import type { DirectoryObject, RoleAssignmentInfo, RoleDefinitionInfo } from '../../azureChunk';
import type { Explorer } from '../../tree/explorer';
import { CommandFailure, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { runWizard } from '../../ui/wizard';
import { describeNode, prompterFor, resolveNode, splitArgs, targetOf, withProgress, type ManageOptions, type ResourceNode } from '../manageCommon';
import { DEFAULT_ROLE, GRANT_TITLE, MANAGE_ACCESS_COMMAND, describePrincipal, describeScope, roleGuid } from './common';
import { createOrLook } from '../createOrLook';
import { NOTHING_SHARED, findRole, inviteGuest, loadRoles } from './grantInputs';
import { grantAnswers, grantSummaryStep, principalSearch, type GrantState } from './grantSteps';
import { askedSteps, asker, optionsOf, readAnswers, type EditableOptions } from '../../ui/answers';

export interface GrantAccessOptions extends ManageOptions, EditableOptions {
  /** Resource id of the gallery, image definition or image version. */
  scope?: string;
  /** Role name (Reader, the default) or role definition id / GUID. */
  role?: string;
  /** Who: an e-mail address or user principal name, a display name, or an application (client) id or object id. */
  principal?: string;
  /** An e-mail `principal` nobody in the directory has may be invited as a guest without asking. */
  confirmed?: boolean;
}

export interface GrantAccessResult {
  assignment: RoleAssignmentInfo;
  principal: DirectoryObject;
  role: RoleDefinitionInfo;
  /** True when the access was already there and nothing was created. */
  existed: boolean;
  /** True when the person was invited as a guest first (they must accept before using it). */
  invited?: boolean;
}

/** The assignment gives `role` at `scope` itself, or (with `inherited`) at a scope containing it. */
function givesRole(a: RoleAssignmentInfo, role: RoleDefinitionInfo, scope: string, inherited: boolean): boolean {
  const at = a.scope.toLowerCase();
  const here = scope.toLowerCase();
  return roleGuid(a.roleDefinitionId) === roleGuid(role.id) && (at === here || (inherited && here.startsWith(`${at}/`)));
}

/** Creates the role assignment, unless the principal already has the role here (or inherited). */
async function sendGrant(node: ResourceNode, azure: Azure, role: RoleDefinitionInfo, principal: DirectoryObject, again: GrantAccessOptions, invited = false): Promise<GrantAccessResult | undefined> {
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
        // principalType is always sent: for a guest invited a moment ago Azure's RBAC may not see the
        // user yet and, without it, refuses with PrincipalNotFound ("If you are creating this
        // principal and then immediately assigning a role, ... set the role assignment
        // principalType property", learn.microsoft.com/azure/role-based-access-control/troubleshooting,
        // and role-assignments-rest: "2018-09-01-preview or later to assign an Azure role to a new
        // service principal").
        create: () => azure.createRoleAssignment(target, scope, role.id, principal.id, principal.kind),
        look: async () => (await assignmentsNow()).find((a) => givesRole(a, role, scope, false)),
        answers: { ...again, principal: principal.id } satisfies GrantAccessOptions,
        log: (line) => log().info(line),
      }),
    );
  } catch (error) {
    // Given by someone else meanwhile: nothing needs to change.
    if (error instanceof CommandFailure && (error.details.cause as { code?: string } | undefined)?.code === 'RoleAssignmentExists') {
      void notify('info', `${who} already has ${role.roleName} on ${where}: nothing was changed.`);
      return undefined;
    }
    // The invitation is out whatever happens next: say so, and how to finish.
    if (invited && error instanceof CommandFailure) {
      throw new CommandFailure({ ...error.details, outcome: `The guest invitation was sent to ${principal.displayName}, but ${role.roleName} was not given: run Grant Access again for ${principal.displayName}.` });
    }
    throw error;
  }
  if (!assignment) return undefined;
  log().info(`Granted ${role.roleName} to ${principal.id} at ${scope} (${assignment.id})`);
  const message = invited
    ? `Invited ${principal.displayName} as a guest and granted ${role.roleName} on ${where}. They must accept the invitation e-mailed to them before they can use it.`
    : `Granted ${role.roleName} on ${where} to ${who}.`;
  void notify('info', message, 'Manage Access…').then((action) =>
    action ? vscode.commands.executeCommand(MANAGE_ACCESS_COMMAND, node) : undefined,
  );
  return { assignment, principal, role, existed: false, invited };
}

export async function grantAccess(explorer: Explorer, ...args: unknown[]): Promise<GrantAccessResult | undefined> {
  const { node: given, options } = splitArgs<GrantAccessOptions>(args, ['gallery', 'imageDefinition', 'imageVersion']);
  const node = await resolveNode(explorer, given, options.scope, ['gallery', 'imageDefinition', 'imageVersion'], GRANT_TITLE);
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = targetOf(node);
  const where = describeNode(node);

  // Problems with the options are reported before anything is sent.
  const roles = await loadRoles(azure, target, node.resourceId, where);
  const answers = grantAnswers({ ...principalSearch(azure, target), roles: roles.gallery, allRoles: roles.all, where, findRole: (text) => findRole(roles, text), confirmed: options.confirmed === true });
  const state: GrantState = {};
  const read = await readAnswers(answers, options, state);
  if (read.problems.length > 0) throw inputFailure(GRANT_TITLE, read.problems, NOTHING_SHARED);
  // Complete options (someone found, exactly one, or a guest to invite with `confirmed`) need no
  // prompt; the role defaults to Reader. Otherwise the summary (and its confirmation) is shown.
  if (!read.interactive) state.role ??= roles.gallery.find((r) => r.roleName === DEFAULT_ROLE);
  if (read.interactive && !(await runWizard(GRANT_TITLE, [...askedSteps(answers, asker(read, options.edit)), grantSummaryStep(where)], state, prompterFor(options)))) return undefined;
  // The same grant again (Retry), or every step again with it filled in (Edit and Try Again).
  const again = optionsOf(answers, state, { scope: node.resourceId, prompter: options.prompter } satisfies GrantAccessOptions);
  return explorer.busyWhile(node, 'Granting access…', async () => {
    const role = state.role!;
    if (!state.invite) return sendGrant(node, azure, role, state.principal!, again);
    const guest = await inviteGuest(azure, target, state.invite, node.resourceId, role.roleName);
    return sendGrant(node, azure, role, guest, again, true);
  });
}
