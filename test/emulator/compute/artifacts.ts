import { ArmError, conflict, parentResourceNotFound, resourceNotFound } from '../arm/errors';
import { GALLERY_API_VERSIONS } from '../arm/apiVersions';
import { attach, lroHeaders, startOperation } from '../arm/lro';
import { page } from '../arm/paging';
import type { Emulator } from '../emulator';
import type { Ctx, Reply } from '../http';
import type { JsonObject } from '../json';
import { isObject, mergePatch } from '../json';
import type { StoredResource } from '../state';
import { childrenOf, findResourceGroup, getResource, putResource } from '../state';
import { requireLocation, requireObject, tagsOf, checkLocation } from './rules';
import { normalizeRegion } from './replication';

export interface PrepareInput {
  ctx: Ctx;
  name: string;
  id: string;
  location: string;
  /** Properties as they will be stored (for PATCH: already merged onto the existing ones). */
  properties: JsonObject;
  body: JsonObject;
  parent?: StoredResource;
  existing?: StoredResource;
}

/** What differs between galleries, images, versions, applications, scripts ... */
export interface ArtifactKind {
  type: string;
  /** `galleries/images`: as ARM names the type in api-version errors. */
  typeName: string;
  /** `galleryImage`: as error messages name the request body. */
  bodyName: string;
  /** Route template of the item, e.g. `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/images/{galleryImageName}`. */
  template: string;
  nameParam: string;
  /** Parent kind (undefined: the resource group is the parent). */
  parent?: ArtifactKind;
  /** Types that must be gone before this one may be deleted. */
  childTypes: string[];
  checkName(name: string): void;
  /** Validates and normalizes the properties to store; throws ArmError. */
  prepare(input: PrepareInput): JsonObject;
  /** Extra top-level members to store (identity ...). */
  extra?(body: JsonObject, existing?: StoredResource): JsonObject | undefined;
  /** After the write is stored: e.g. plan replication. Returns true if the LRO ends only with replication. */
  afterWrite?(ctx: Ctx, resource: StoredResource, created: boolean, previous?: StoredResource): boolean;
  beforeDelete?(ctx: Ctx, resource: StoredResource): void;
  /** A write that brings back a soft-deleted resource: it is stored again and returned (else undefined). */
  restore?(ctx: Ctx, id: string, body: JsonObject): StoredResource | undefined;
  render(ctx: Ctx, resource: StoredResource): JsonObject;
  /** Applications and scripts complete at once in real Azure. */
  immediate?: boolean;
}

export function providerPath(kind: ArtifactKind): string {
  return kind.template.split('/providers/')[1];
}

/** The canonical id: parent's stored casing + this segment as first written. */
function idFor(ctx: Ctx, kind: ArtifactKind, parent: StoredResource | undefined): string {
  const name = ctx.params[kind.nameParam];
  const segment = kind.template.split('/').slice(-2, -1)[0];
  if (parent) return `${parent.id}/${segment}/${name}`;
  const rg = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
  const sub = ctx.emu.state.subscriptions.find((s) => s.subscriptionId.toLowerCase() === ctx.params.subscriptionId.toLowerCase());
  return `/subscriptions/${sub?.subscriptionId ?? ctx.params.subscriptionId}/resourceGroups/${rg?.name ?? ctx.params.resourceGroupName}/providers/${kind.type}/${name}`;
}

/** Resolves the chain of parents, answering ParentResourceNotFound for the first missing one. */
export function resolveParent(ctx: Ctx, kind: ArtifactKind): StoredResource | undefined {
  if (!kind.parent) return undefined;
  const grand = resolveParent(ctx, kind.parent);
  const id = idFor(ctx, kind.parent, grand);
  const parent = getResource(ctx.emu.state, id);
  if (!parent || parent.provisioningState === 'Deleting') {
    const names = id.split('/providers/')[1].split('/').filter((_, i) => i >= 2 && i % 2 === 0);
    throw parentResourceNotFound(names.join('/'));
  }
  return parent;
}

export function notFound(ctx: Ctx, id: string): ArmError {
  return resourceNotFound(id.split('/providers/')[1], ctx.params.resourceGroupName);
}

export function loadExisting(ctx: Ctx, kind: ArtifactKind): StoredResource {
  const parent = resolveParent(ctx, kind);
  const id = idFor(ctx, kind, parent);
  const r = getResource(ctx.emu.state, id);
  if (!r) throw notFound(ctx, id);
  return r;
}

function apiVersion(ctx: Ctx): string {
  return ctx.query.get('api-version') ?? GALLERY_API_VERSIONS[GALLERY_API_VERSIONS.length - 1];
}

function write(ctx: Ctx, kind: ArtifactKind, patch: boolean): Reply {
  const body = requireObject(ctx.body, kind.bodyName);
  const parent = resolveParent(ctx, kind);
  const id = idFor(ctx, kind, parent);
  const existing = getResource(ctx.emu.state, id) ?? kind.restore?.(ctx, id, body);
  const name = existing?.name ?? ctx.params[kind.nameParam];
  if (patch && !existing) throw notFound(ctx, id);
  if (!existing) kind.checkName(name);
  if (existing && (existing.provisioningState === 'Deleting')) {
    throw conflict('OperationNotAllowed', `The resource '${name}' is being deleted. Wait for the deletion to finish and try again.`);
  }
  let location: string;
  if (patch) location = existing!.location;
  else {
    location = requireLocation(body, kind.type);
    if (existing && normalizeRegion(existing.location) !== location) {
      throw new ArmError(
        409,
        'InvalidResourceLocation',
        `The resource '${name}' already exists in location '${existing.location}' in resource group '${ctx.params.resourceGroupName}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`,
      );
    }
  }
  if (patch && typeof body.location === 'string') checkLocation(body.location, kind.type);
  const given = isObject(body.properties) ? body.properties : {};
  const merged = patch ? mergePatch(existing!.properties, given) : given;
  const properties = kind.prepare({ ctx, name, id, location, properties: merged, body, parent, existing });
  const now = new Date().toISOString();
  const resource: StoredResource = {
    id: existing?.id ?? id,
    name,
    type: kind.type,
    location,
    tags: patch ? (body.tags === undefined ? existing!.tags : tagsOf(body)) : tagsOf(body),
    properties,
    provisioningState: existing ? 'Updating' : 'Creating',
    createdAt: existing?.createdAt ?? now,
  };
  const extra = kind.extra?.(body, existing) ?? existing?.extra;
  if (extra) resource.extra = extra;
  if (existing?.replication) resource.replication = existing.replication;
  putResource(ctx.emu.state, resource);
  const untilReplicated = kind.afterWrite?.(ctx, resource, !existing, existing) ?? false;
  const op = startOperation(ctx.emu, {
    kind: existing ? 'update' : 'create',
    resourceId: resource.id,
    subscriptionId: ctx.params.subscriptionId,
    location,
    method: ctx.method,
    path: ctx.path,
    untilReplicated,
  });
  if (kind.immediate && !untilReplicated && !op.failure && op.durationMs !== null) op.durationMs = 0;
  attach(resource, op, existing ? 'Updating' : 'Creating');
  if (op.durationMs === 0) ctx.emu.tick();
  const status = patch || existing ? 200 : 201;
  return { status, body: kind.render(ctx, resource), headers: lroHeaders(ctx.emu, op, apiVersion(ctx), false) };
}

function remove(ctx: Ctx, kind: ArtifactKind): Reply {
  const parent = resolveParent(ctx, kind);
  const id = idFor(ctx, kind, parent);
  const existing = getResource(ctx.emu.state, id);
  if (!existing) return { status: 204 };
  const children = kind.childTypes.flatMap((t) => childrenOf(ctx.emu.state, existing.id, t));
  if (children.length > 0) {
    throw conflict('CannotDeleteResource', 'Can not delete resource before nested resources are deleted.', existing.id);
  }
  kind.beforeDelete?.(ctx, existing);
  const op = startOperation(ctx.emu, {
    kind: 'delete',
    resourceId: existing.id,
    subscriptionId: ctx.params.subscriptionId,
    location: existing.location,
    method: ctx.method,
    path: ctx.path,
  });
  attach(existing, op, 'Deleting');
  return { status: 202, headers: lroHeaders(ctx.emu, op, apiVersion(ctx), true) };
}

/** Registers GET (item and list), PUT, PATCH and DELETE for one kind. */
export function registerArtifact(emu: Emulator, kind: ArtifactKind, listTemplate: string, actionBase: string): void {
  const base = { auth: 'arm' as const, family: 'provider' as const, apiVersions: GALLERY_API_VERSIONS, typeName: kind.typeName };
  emu.router.add('GET', listTemplate, { ...base, action: `${actionBase}/read` }, (ctx) => {
    const parent = resolveParent(ctx, kind);
    const items = parent
      ? childrenOf(ctx.emu.state, parent.id, kind.type)
      : childrenOfGroup(ctx, kind.type);
    return { status: 200, body: page(ctx, items.map((r) => kind.render(ctx, r))) };
  });
  emu.router.add('GET', kind.template, { ...base, action: `${actionBase}/read` }, (ctx) => ({ status: 200, body: kind.render(ctx, loadExisting(ctx, kind)) }));
  emu.router.add('PUT', kind.template, { ...base, action: `${actionBase}/write` }, (ctx) => write(ctx, kind, false));
  emu.router.add('PATCH', kind.template, { ...base, action: `${actionBase}/write` }, (ctx) => write(ctx, kind, true));
  emu.router.add('DELETE', kind.template, { ...base, action: `${actionBase}/delete` }, (ctx) => remove(ctx, kind));
}

function childrenOfGroup(ctx: Ctx, type: string): StoredResource[] {
  const rg = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
  const prefix = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${rg?.name ?? ctx.params.resourceGroupName}/providers/`.toLowerCase();
  return Object.values(ctx.emu.state.resources)
    .filter((r) => r.type.toLowerCase() === type.toLowerCase() && r.id.toLowerCase().startsWith(prefix))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The tracked-resource envelope every gallery artifact shares. */
export function envelope(resource: StoredResource, properties: JsonObject): JsonObject {
  const out: JsonObject = { id: resource.id, name: resource.name, type: resource.type, location: resource.location };
  if (resource.tags && Object.keys(resource.tags).length > 0) out.tags = resource.tags;
  if (resource.extra) Object.assign(out, resource.extra);
  out.properties = properties;
  return out;
}
