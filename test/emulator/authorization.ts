import * as crypto from 'node:crypto';
import { ArmError, resourceGroupNotFound, resourceNotFound } from './arm/errors';
import { AUTHORIZATION_API_VERSIONS } from './arm/apiVersions';
import { page } from './arm/paging';
import { authorizeSubscription } from './access';
import { requireObject } from './compute/rules';
import type { Emulator } from './emulator';
import type { Ctx, Reply } from './http';
import type { JsonObject } from './json';
import { asObject, asString } from './json';
import type { RoleAssignment, RoleDefinition } from './state';
import { findResourceGroup, getResource } from './state';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Normalized scope: no trailing slash; '' is the tenant root '/'. */
function scopeOf(ctx: Ctx): string {
  return (ctx.params.scope ? `/${ctx.params.scope}` : '').replace(/\/+$/, '');
}

/** The same gate ARM applies: subscription access, then the scope must exist. */
function checkScope(ctx: Ctx, scope: string, action: string): void {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i.exec(scope);
  if (!m) return;
  authorizeSubscription(ctx, m[1], action, scope || '/');
  if (m[2] && !findResourceGroup(ctx.emu.state, m[1], m[2])) throw resourceGroupNotFound(m[2]);
  if (/\/providers\//i.test(scope) && !getResource(ctx.emu.state, scope)) {
    throw resourceNotFound(scope.split('/providers/')[1], m[2] ?? '');
  }
}

function definitionId(scope: string, def: RoleDefinition): string {
  const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? '';
  return `${sub}/providers/Microsoft.Authorization/roleDefinitions/${def.id}`;
}

function renderDefinition(scope: string, def: RoleDefinition): JsonObject {
  return {
    id: definitionId(scope, def),
    name: def.id,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: def.roleName,
      type: def.type,
      description: def.description,
      assignableScopes: ['/'],
      permissions: [{ actions: def.actions, notActions: def.notActions, dataActions: def.dataActions, notDataActions: [] }],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-01-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}

function assignmentId(a: RoleAssignment): string {
  return `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.name}`;
}

function renderAssignment(a: RoleAssignment): JsonObject {
  return {
    properties: {
      roleDefinitionId: a.roleDefinitionId,
      principalId: a.principalId,
      principalType: a.principalType,
      scope: a.scope,
      condition: null,
      conditionVersion: null,
      createdOn: a.createdOn,
      updatedOn: a.createdOn,
      createdBy: a.createdBy,
      updatedBy: a.createdBy,
      delegatedManagedIdentityResourceId: null,
      description: a.description ?? null,
    },
    id: assignmentId(a),
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.name,
  };
}

const lower = (s: string): string => s.toLowerCase();
const isAtOrAbove = (assignmentScope: string, scope: string): boolean => {
  const a = lower(assignmentScope);
  const s = lower(scope);
  return a === s || a === '' || s.startsWith(a + '/');
};
const isBelow = (assignmentScope: string, scope: string): boolean => lower(assignmentScope).startsWith(lower(scope) + '/');

/** `$filter=roleName eq 'Reader'` and friends: the few OData forms ARM's RBAC API accepts. */
function filterValue(filter: string | undefined, field: string): string | undefined {
  if (!filter) return undefined;
  return new RegExp(`${field}\\s+eq\\s+'([^']*)'`, 'i').exec(filter)?.[1];
}

function listDefinitions(ctx: Ctx): Reply {
  const scope = scopeOf(ctx);
  checkScope(ctx, scope, 'Microsoft.Authorization/roleDefinitions/read');
  const filter = ctx.query.get('$filter');
  const name = filterValue(filter, 'roleName');
  const type = filterValue(filter, 'type');
  const defs = ctx.emu.state.roleDefinitions.filter(
    (d) => (!name || lower(d.roleName) === lower(name)) && (!type || lower(d.type) === lower(type)),
  );
  return { status: 200, body: page(ctx, defs.map((d) => renderDefinition(scope, d))) };
}

function getDefinition(ctx: Ctx): Reply {
  const scope = scopeOf(ctx);
  checkScope(ctx, scope, 'Microsoft.Authorization/roleDefinitions/read');
  const def = ctx.emu.state.roleDefinitions.find((d) => lower(d.id) === lower(ctx.params.roleDefinitionId));
  if (!def) throw new ArmError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${ctx.params.roleDefinitionId}' does not exist.`);
  return { status: 200, body: renderDefinition(scope, def) };
}

function listAssignments(ctx: Ctx): Reply {
  const scope = scopeOf(ctx);
  checkScope(ctx, scope, 'Microsoft.Authorization/roleAssignments/read');
  const filter = ctx.query.get('$filter') ?? '';
  const principal = filterValue(filter, 'principalId') ?? /assignedTo\('([^']*)'\)/i.exec(filter)?.[1];
  const atScope = /atScope\(\)/i.test(filter);
  const items = ctx.emu.state.roleAssignments.filter((a) => {
    if (principal && lower(a.principalId) !== lower(principal)) return false;
    return atScope ? isAtOrAbove(a.scope, scope) : isAtOrAbove(a.scope, scope) || isBelow(a.scope, scope);
  });
  return { status: 200, body: page(ctx, items.map(renderAssignment)) };
}

function findAssignment(ctx: Ctx): RoleAssignment | undefined {
  const scope = lower(scopeOf(ctx));
  return ctx.emu.state.roleAssignments.find((a) => lower(a.scope) === scope && lower(a.name) === lower(ctx.params.roleAssignmentName));
}

function getAssignment(ctx: Ctx): Reply {
  checkScope(ctx, scopeOf(ctx), 'Microsoft.Authorization/roleAssignments/read');
  const a = findAssignment(ctx);
  if (!a) throw new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${ctx.params.roleAssignmentName}' is not found.`);
  return { status: 200, body: renderAssignment(a) };
}

function putAssignment(ctx: Ctx): Reply {
  const scope = scopeOf(ctx);
  checkScope(ctx, scope, 'Microsoft.Authorization/roleAssignments/write');
  const name = ctx.params.roleAssignmentName;
  if (!GUID.test(name)) throw new ArmError(400, 'InvalidRoleAssignmentId', `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`);
  const props = asObject(requireObject(ctx.body, 'parameters').properties);
  const roleDefinitionId = asString(props?.roleDefinitionId);
  const principalId = asString(props?.principalId);
  if (!roleDefinitionId || !principalId) {
    throw new ArmError(400, 'InvalidRequestContent', "The request content was invalid: 'properties.roleDefinitionId' and 'properties.principalId' are required.");
  }
  const defGuid = roleDefinitionId.split('/').pop() ?? '';
  if (!ctx.emu.state.roleDefinitions.some((d) => lower(d.id) === lower(defGuid))) {
    throw new ArmError(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${defGuid}' does not exist.`);
  }
  const tenant = ctx.caller!.tenantId;
  const obj = ctx.emu.state.graph.find((o) => lower(o.id) === lower(principalId) && lower(o.tenantId) === lower(tenant));
  // A principal created a moment ago (an invited guest) has not reached RBAC's copy of the
  // directory yet; with principalType given, ARM does not look it up and the assignment is made
  // ("set the role assignment principalType property", learn.microsoft.com/azure/
  // role-based-access-control/troubleshooting, "PrincipalNotFound").
  const replicating = !!obj?.createdAt && Date.now() - obj.createdAt < ctx.emu.config.directoryReplicationMs;
  if (!obj || (replicating && !asString(props?.principalType))) {
    throw new ArmError(
      400,
      'PrincipalNotFound',
      `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${tenant}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
    );
  }
  const principalType = asString(props?.principalType) ?? (obj.kind === 'user' ? 'User' : obj.kind === 'group' ? 'Group' : 'ServicePrincipal');
  const sameTriple = (a: RoleAssignment): boolean =>
    lower(a.scope) === lower(scope) && lower(a.principalId) === lower(principalId) && lower(a.roleDefinitionId.split('/').pop() ?? '') === lower(defGuid);
  const byName = findAssignment(ctx);
  if (byName && !sameTriple(byName)) {
    throw new ArmError(400, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
  }
  if (byName || ctx.emu.state.roleAssignments.some(sameTriple)) {
    throw new ArmError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  }
  const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? '';
  const a: RoleAssignment = {
    name,
    scope,
    roleDefinitionId: `${sub}/providers/Microsoft.Authorization/roleDefinitions/${defGuid}`,
    principalId,
    principalType,
    createdOn: new Date().toISOString(),
    createdBy: ctx.caller!.objectId,
  };
  const description = asString(props?.description);
  if (description) a.description = description;
  ctx.emu.state.roleAssignments.push(a);
  return { status: 201, body: renderAssignment(a) };
}

function deleteAssignment(ctx: Ctx): Reply {
  checkScope(ctx, scopeOf(ctx), 'Microsoft.Authorization/roleAssignments/delete');
  const a = findAssignment(ctx);
  if (!a) return { status: 204 };
  ctx.emu.state.roleAssignments = ctx.emu.state.roleAssignments.filter((x) => x !== a);
  return { status: 200, body: renderAssignment(a) };
}

/** Microsoft.Authorization at any scope (tenant root, subscription, group, gallery, image, version). */
export function registerAuthorization(emu: Emulator): void {
  const opts = { auth: 'arm' as const, family: 'provider' as const, apiVersions: AUTHORIZATION_API_VERSIONS, typeName: 'roleAssignments' };
  for (const prefix of ['/{*scope}', '']) {
    const base = `${prefix}/providers/Microsoft.Authorization`;
    emu.router.add('GET', `${base}/roleDefinitions`, { ...opts, typeName: 'roleDefinitions' }, listDefinitions);
    emu.router.add('GET', `${base}/roleDefinitions/{roleDefinitionId}`, { ...opts, typeName: 'roleDefinitions' }, getDefinition);
    emu.router.add('GET', `${base}/roleAssignments`, opts, listAssignments);
    emu.router.add('GET', `${base}/roleAssignments/{roleAssignmentName}`, opts, getAssignment);
    emu.router.add('PUT', `${base}/roleAssignments/{roleAssignmentName}`, opts, putAssignment);
    emu.router.add('DELETE', `${base}/roleAssignments/{roleAssignmentName}`, opts, deleteAssignment);
  }
}

export function newAssignmentName(): string {
  return crypto.randomUUID();
}
