import { ArmError } from './arm/errors';
import { RESOURCE_GROUP_API_VERSIONS } from './arm/apiVersions';
import { startOperation } from './arm/lro';
import { page } from './arm/paging';
import { checkLocation, requireObject, tagsOf } from './compute/rules';
import { normalizeRegion } from './compute/replication';
import type { Emulator } from './emulator';
import type { Ctx, Reply } from './http';
import type { JsonObject } from './json';
import { isObject } from './json';
import type { ResourceGroup } from './state';
import { findResourceGroup, findSubscription } from './state';
import { resourceGroupNotFound } from './arm/errors';

const RG_NAME = /^[-\w._()]{1,90}$/;

export function resourceGroupId(g: ResourceGroup): string {
  return `/subscriptions/${g.subscriptionId}/resourceGroups/${g.name}`;
}

function render(g: ResourceGroup): JsonObject {
  const out: JsonObject = { id: resourceGroupId(g), name: g.name, type: 'Microsoft.Resources/resourceGroups', location: g.location };
  if (g.tags) out.tags = g.tags;
  out.properties = { provisioningState: 'Succeeded' };
  return out;
}

function load(ctx: Ctx): ResourceGroup {
  const g = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
  if (!g) throw resourceGroupNotFound(ctx.params.resourceGroupName);
  return g;
}

function put(ctx: Ctx): Reply {
  const body = requireObject(ctx.body, 'resourceGroup');
  const name = ctx.params.resourceGroupName;
  if (!RG_NAME.test(name) || name.endsWith('.')) {
    throw new ArmError(400, 'InvalidResourceGroup', `The provided resource group name '${name}' has these invalid characters. The name can only be a letter, digit, '-', '.', '_', '(', ')' and it cannot end with a period.`);
  }
  if (typeof body.location !== 'string' || !body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  checkLocation(body.location, 'resourceGroups');
  const location = normalizeRegion(body.location);
  const existing = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, name);
  if (existing) {
    if (existing.location !== location) {
      throw new ArmError(409, 'InvalidResourceGroupLocation', `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}'.`);
    }
    existing.tags = tagsOf(body);
    return { status: 200, body: render(existing) };
  }
  const sub = findSubscription(ctx.emu.state, ctx.params.subscriptionId)!;
  const g: ResourceGroup = { subscriptionId: sub.subscriptionId, name, location };
  const tags = tagsOf(body);
  if (tags) g.tags = tags;
  ctx.emu.state.resourceGroups.push(g);
  return { status: 201, body: render(g) };
}

/** Resource groups: list, get, HEAD, create/update, tag patch and an asynchronous delete. */
export function registerResourceGroups(emu: Emulator): void {
  const opts = { auth: 'arm' as const, family: 'arm' as const, apiVersions: RESOURCE_GROUP_API_VERSIONS, typeName: 'resourceGroups', resourceGroupIsTarget: true };
  const item = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
  emu.router.add('GET', '/subscriptions/{subscriptionId}/resourcegroups', { ...opts, action: 'Microsoft.Resources/subscriptions/resourceGroups/read' }, (ctx) => {
    const sub = ctx.params.subscriptionId.toLowerCase();
    const groups = ctx.emu.state.resourceGroups.filter((g) => g.subscriptionId.toLowerCase() === sub).sort((a, b) => a.name.localeCompare(b.name));
    return { status: 200, body: page(ctx, groups.map(render)) };
  });
  emu.router.add('HEAD', item, { ...opts, action: 'Microsoft.Resources/subscriptions/resourceGroups/read' }, (ctx) => ({
    status: findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName) ? 204 : 404,
  }));
  emu.router.add('GET', item, { ...opts, action: 'Microsoft.Resources/subscriptions/resourceGroups/read' }, (ctx) => ({ status: 200, body: render(load(ctx)) }));
  emu.router.add('PUT', item, { ...opts, action: 'Microsoft.Resources/subscriptions/resourceGroups/write' }, put);
  emu.router.add('PATCH', item, { ...opts, action: 'Microsoft.Resources/subscriptions/resourceGroups/write' }, (ctx) => {
    const g = load(ctx);
    const body = requireObject(ctx.body, 'resourceGroup');
    if (isObject(body.tags)) g.tags = tagsOf(body);
    return { status: 200, body: render(g) };
  });
  emu.router.add('DELETE', item, { ...opts, action: 'Microsoft.Resources/subscriptions/resourceGroups/delete' }, (ctx) => {
    const g = load(ctx);
    const op = startOperation(ctx.emu, {
      kind: 'delete',
      resourceId: resourceGroupId(g),
      subscriptionId: g.subscriptionId,
      location: g.location,
      method: ctx.method,
      path: ctx.path,
    });
    const location = `${ctx.emu.baseUrl}/subscriptions/${g.subscriptionId}/operationresults/${op.id}?api-version=${ctx.query.get('api-version') ?? '2021-04-01'}`;
    return { status: 202, headers: { Location: location, 'Retry-After': String(ctx.emu.config.lro.retryAfterSeconds) } };
  });
}
