// Azure RBAC at a gallery, image definition or image version: the roles that can be given, the
// role assignments in force there, and granting and removing them (Microsoft.Authorization).
import * as crypto from 'node:crypto';
import type { RoleAssignment as SdkRoleAssignment, RoleDefinition as SdkRoleDefinition } from '@azure/arm-authorization';
import type { PrincipalKind } from '../model/principals';
import { authorizationClient } from './clientFactory';
import { AzureError, azureCall } from './errors';
import type { AzureTarget, CallOptions } from './types';

export interface RoleDefinitionInfo {
  /** The full id, /subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{guid}. */
  id: string;
  /** The GUID. */
  name: string;
  roleName: string;
  description?: string;
  /** BuiltInRole or CustomRole. */
  roleType?: string;
}

export interface RoleAssignmentInfo {
  id: string;
  /** The assignment's GUID. */
  name: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType?: string;
  createdOn?: Date;
  description?: string;
}

function toDefinition(d: SdkRoleDefinition): RoleDefinitionInfo {
  return { id: d.id ?? '', name: d.name ?? '', roleName: d.roleName ?? d.name ?? '', description: d.description, roleType: d.roleType };
}

function toAssignment(a: SdkRoleAssignment): RoleAssignmentInfo {
  return {
    id: a.id ?? '',
    name: a.name ?? '',
    scope: a.scope ?? '',
    roleDefinitionId: a.roleDefinitionId ?? '',
    principalId: a.principalId ?? '',
    principalType: a.principalType,
    createdOn: a.createdOn,
    description: a.description,
  };
}

/** The SDK puts the scope after the host as given: without its leading slash, or the URL has two. */
function sdkScope(scope: string): string {
  return scope.replace(/^\/+/, '').replace(/\/+$/, '');
}

/** The roles that can be assigned at `scope` (optionally only the one named `roleName`). */
export async function listRoleDefinitions(target: AzureTarget, scope: string, roleName?: string, options: CallOptions = {}): Promise<RoleDefinitionInfo[]> {
  return azureCall(async () => {
    const out: RoleDefinitionInfo[] = [];
    const filter = roleName ? `roleName eq '${roleName.replace(/'/g, "''")}'` : undefined;
    for await (const d of authorizationClient(target).roleDefinitions.list(sdkScope(scope), { filter, abortSignal: options.abortSignal })) out.push(toDefinition(d));
    return out;
  });
}

/**
 * These role definitions (by GUID) as Azure knows them at `scope`, in the order asked; a GUID this
 * cloud does not have (RoleDefinitionDoesNotExist, 404) is left out. One GET each, instead of
 * listing the hundreds of roles a subscription has.
 */
export async function getRoleDefinitions(target: AzureTarget, scope: string, guids: readonly string[], options: CallOptions = {}): Promise<RoleDefinitionInfo[]> {
  const found = await Promise.all(
    guids.map(async (guid) => {
      try {
        return await azureCall(async () => toDefinition(await authorizationClient(target).roleDefinitions.get(sdkScope(scope), guid, { abortSignal: options.abortSignal })));
      } catch (error) {
        if (error instanceof AzureError && error.isNotFound) return undefined;
        throw error;
      }
    }),
  );
  return found.filter((d): d is RoleDefinitionInfo => d !== undefined);
}

/**
 * The role assignments that apply at `scope`: those made there, those inherited from above (the
 * subscription, the resource group) and those made on resources below it.
 */
export async function listRoleAssignments(target: AzureTarget, scope: string, options: CallOptions & { principalId?: string } = {}): Promise<RoleAssignmentInfo[]> {
  return azureCall(async () => {
    const out: RoleAssignmentInfo[] = [];
    const filter = options.principalId ? `principalId eq '${options.principalId}'` : undefined;
    for await (const a of authorizationClient(target).roleAssignments.listForScope(sdkScope(scope), { filter, abortSignal: options.abortSignal })) out.push(toAssignment(a));
    return out;
  });
}

/** Grants `roleDefinitionId` to a principal at `scope`; the assignment's name is a new GUID. */
export async function createRoleAssignment(
  target: AzureTarget,
  scope: string,
  roleDefinitionId: string,
  principalId: string,
  principalType: PrincipalKind,
  options: CallOptions = {},
): Promise<RoleAssignmentInfo> {
  return azureCall(async () =>
    toAssignment(
      await authorizationClient(target).roleAssignments.create(sdkScope(scope), crypto.randomUUID(), { roleDefinitionId, principalId, principalType }, { abortSignal: options.abortSignal }),
    ),
  );
}

/** Removes one role assignment, by its full id (…/providers/Microsoft.Authorization/roleAssignments/{guid}). */
export async function deleteRoleAssignment(target: AzureTarget, assignmentId: string, options: CallOptions = {}): Promise<void> {
  const m = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments\/([^/]+)$/i.exec(assignmentId);
  if (!m) throw new Error(`Not a role assignment id: ${assignmentId}`);
  const [, scope, name] = m;
  await azureCall(() => authorizationClient(target).roleAssignments.delete(sdkScope(scope ?? ''), name ?? '', { abortSignal: options.abortSignal }));
}
