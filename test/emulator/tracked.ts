// The write, read and delete every plain tracked resource shares (network resources and virtual
// machines): ARM's Create Or Update answers 201 (new) or 200 (existing) with the body and an
// Azure-AsyncOperation header, provisioningState Creating/Updating until the operation settles;
// Delete answers 202 with Location and Azure-AsyncOperation, 204 when nothing is there
// (https://learn.microsoft.com/azure/azure-resource-manager/management/async-operations). The
// operations are the local Azure's one LRO machinery (arm/lro.ts), so its knobs (duration, failure,
// never finishing) apply here too.
import { ArmError } from './arm/errors';
import { attach, lroHeaders, startOperation } from './arm/lro';
import type { Ctx, Reply } from './http';
import type { JsonObject } from './json';
import { isObject } from './json';
import type { StoredResource } from './state';
import { findResourceGroup, getResource, putResource } from './state';
import { normalizeRegion } from './compute/replication';
import { requireLocation, tagsOf } from './compute/rules';

/** The id a route's path names, with the subscription and resource group as stored. */
export function idOf(ctx: Ctx): string {
  const rg = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
  const sub = ctx.emu.state.subscriptions.find((s) => s.subscriptionId.toLowerCase() === ctx.params.subscriptionId.toLowerCase());
  const provider = ctx.path.replace(/\/$/, '').split('/providers/')[1]!;
  return `/subscriptions/${sub?.subscriptionId ?? ctx.params.subscriptionId}/resourceGroups/${rg?.name ?? ctx.params.resourceGroupName}/providers/${provider}`;
}

export interface TrackedWrite {
  ctx: Ctx;
  id: string;
  type: string;
  /** The status URL's api-version (one the operation-status route serves). */
  statusApiVersion: string;
  /** Validates and returns what to store; throws ArmError. */
  prepare(body: JsonObject, location: string, existing: StoredResource | undefined): { properties: JsonObject; extra?: JsonObject; meta?: JsonObject };
  /** Resources written with this one (a virtual network's subnets, a VM's OS disk). */
  alongside?(resource: StoredResource): StoredResource[];
  render(r: StoredResource): JsonObject;
}

export function writeTracked(w: TrackedWrite): Reply {
  const { ctx } = w;
  if (!isObject(ctx.body)) throw new ArmError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  const body = ctx.body;
  const existing = getResource(ctx.emu.state, w.id);
  const location = requireLocation(body, w.type);
  if (existing && normalizeRegion(existing.location) !== location) {
    throw new ArmError(409, 'InvalidResourceLocation', `The resource '${existing.name}' already exists in location '${existing.location}' in resource group '${ctx.params.resourceGroupName}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`);
  }
  if (existing?.provisioningState === 'Deleting') throw new ArmError(409, 'OperationNotAllowed', `The resource '${existing.name}' is being deleted. Wait for the deletion to finish and try again.`);
  const prepared = w.prepare(body, location, existing);
  const resource: StoredResource = {
    id: existing?.id ?? w.id,
    name: w.id.split('/').pop()!,
    type: w.type,
    location,
    tags: tagsOf(body),
    properties: prepared.properties,
    provisioningState: existing ? 'Updating' : 'Creating',
    createdAt: existing?.createdAt ?? new Date().toISOString(),
  };
  if (prepared.extra) resource.extra = prepared.extra;
  if (prepared.meta) resource.meta = prepared.meta;
  putResource(ctx.emu.state, resource);
  const op = startOperation(ctx.emu, { kind: existing ? 'update' : 'create', resourceId: resource.id, subscriptionId: ctx.params.subscriptionId, location, method: ctx.method, path: ctx.path });
  attach(resource, op, resource.provisioningState);
  for (const r of w.alongside?.(resource) ?? []) putResource(ctx.emu.state, r);
  return { status: existing ? 200 : 201, body: w.render(resource), headers: lroHeaders(ctx.emu, op, w.statusApiVersion, false) };
}

export function readTracked(ctx: Ctx, type: string, render: (r: StoredResource) => JsonObject): Reply {
  const id = idOf(ctx);
  const r = getResource(ctx.emu.state, id);
  if (!r || r.type.toLowerCase() !== type.toLowerCase()) {
    throw new ArmError(404, 'ResourceNotFound', `The Resource '${id.split('/providers/')[1]}' under resource group '${ctx.params.resourceGroupName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
  }
  return { status: 200, body: render(r) };
}

export function deleteTracked(ctx: Ctx, type: string, statusApiVersion: string, beforeDelete?: (r: StoredResource) => void): Reply {
  const r = getResource(ctx.emu.state, idOf(ctx));
  if (!r || r.type.toLowerCase() !== type.toLowerCase()) return { status: 204 };
  beforeDelete?.(r);
  const op = startOperation(ctx.emu, { kind: 'delete', resourceId: r.id, subscriptionId: ctx.params.subscriptionId, location: r.location, method: ctx.method, path: ctx.path });
  attach(r, op, 'Deleting');
  return { status: 202, headers: lroHeaders(ctx.emu, op, statusApiVersion, true) };
}

/** ARM's tracked-resource body: envelope, extra top-level members, properties with provisioningState. */
export function renderTracked(r: StoredResource): JsonObject {
  const out: JsonObject = { id: r.id, name: r.name, type: r.type, location: r.location };
  if (r.tags && Object.keys(r.tags).length > 0) out.tags = r.tags;
  if (r.extra) Object.assign(out, r.extra);
  out.properties = { ...r.properties, provisioningState: r.provisioningState };
  return out;
}
