// ARM template deployments at resource-group scope: Deployments - Create Or Update
// (https://learn.microsoft.com/rest/api/resources/deployments/create-or-update, api-version 2025-04-01):
//   PUT /subscriptions/{s}/resourcegroups/{rg}/providers/Microsoft.Resources/deployments/{name}
//   body { properties: { mode: 'Incremental' | 'Complete', template, parameters? } }
//   201 DeploymentExtended, provisioningState Accepted, with Azure-AsyncOperation
//   .../deployments/{name}/operationStatuses/{id}; GET of the deployment reports Running, then
//   Succeeded or Failed (DeploymentFailed, "At least one resource deployment operation failed…",
//   the resource's own error in details).
// The name: 1–64 characters of `^[-\w\._\(\)]+$`; the resource group must exist (same page).
// Each template resource is applied through the local Azure's own route for its type (the same
// checks and LROs a direct PUT gets, as the caller), in template order once every resource it
// `dependsOn` has provisioningState Succeeded (ARM deploys a resource after its dependencies:
// https://learn.microsoft.com/azure/azure-resource-manager/templates/resource-dependency).
// Expressions: parameters(), variables(), resourceId(), resourceGroup(), subscription(), concat(),
// string literals and `.member` access; `[[` escapes a literal `[`
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions).
import * as crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ArmError } from './arm/errors';
import type { Emulator } from './emulator';
import type { Ctx, Reply } from './http';
import type { Json, JsonObject } from './json';
import { isObject } from './json';
import { findResourceGroup, getResource } from './state';

export const DEPLOYMENT_API_VERSIONS = [
  '2019-10-01', '2020-06-01', '2020-10-01', '2021-01-01', '2021-04-01', '2022-09-01', '2023-07-01', '2024-03-01', '2024-07-01', '2024-11-01', '2025-03-01', '2025-04-01',
] as const;

/** The internal PUT each template resource goes through (the server's own dispatch). */
export type InternalDispatch = (emu: Emulator, method: string, pathAndQuery: string, body: Json, headers: IncomingHttpHeaders) => Promise<Reply>;

interface PlannedResource {
  id: string;
  type: string;
  apiVersion: string;
  body: JsonObject;
  dependsOn: string[];
  applied: boolean;
}

interface Deployment {
  id: string;
  name: string;
  operationId: string;
  mode: string;
  parameters: JsonObject;
  resources: PlannedResource[];
  headers: IncomingHttpHeaders;
  state: 'Accepted' | 'Running' | 'Succeeded' | 'Failed';
  error?: JsonObject;
  startTime: number;
  endTime?: number;
}

const deployments = new WeakMap<Emulator, Map<string, Deployment>>();
function store(emu: Emulator): Map<string, Deployment> {
  let map = deployments.get(emu);
  if (!map) deployments.set(emu, (map = new Map()));
  return map;
}

const invalidTemplate = (message: string) => new ArmError(400, 'InvalidTemplate', `Deployment template validation failed: '${message}'.`);

// ---------------------------------------------------------------------------------------------
// Expressions

interface Scope {
  subscriptionId: string;
  resourceGroup: { name: string; location: string; id: string };
  parameters: JsonObject;
  variables: JsonObject;
}

function evaluate(text: string, scope: Scope): Json {
  let i = 0;
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  const expr = (): Json => {
    skip();
    let value: Json;
    if (text[i] === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalidTemplate(`The template language expression '${text}' is not valid: the string literal is not terminated`);
        if (text[i] === "'" && text[i + 1] === "'") {
          s += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else s += text[i++];
      }
      value = s;
    } else if (/[0-9-]/.test(text[i] ?? '')) {
      const m = /^-?\d+/.exec(text.slice(i))!;
      i += m[0].length;
      value = Number(m[0]);
    } else {
      const m = /^[A-Za-z_][\w]*/.exec(text.slice(i));
      if (!m) throw invalidTemplate(`The template language expression '${text}' is not valid`);
      i += m[0].length;
      skip();
      if (text[i] !== '(') throw invalidTemplate(`The template language expression '${text}' is not valid: '${m[0]}' is not a function call`);
      i++;
      const args: Json[] = [];
      skip();
      while (text[i] !== ')') {
        args.push(expr());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== ')') throw invalidTemplate(`The template language expression '${text}' is not valid`);
      }
      i++;
      value = call(m[0], args, scope, text);
    }
    skip();
    while (text[i] === '.') {
      i++;
      const m = /^[A-Za-z_][\w]*/.exec(text.slice(i))!;
      i += m[0].length;
      value = isObject(value) ? (value[m[0]] ?? null) : null;
    }
    return value;
  };
  const value = expr();
  skip();
  if (i !== text.length) throw invalidTemplate(`The template language expression '${text}' is not valid`);
  return value;
}

function call(name: string, args: Json[], scope: Scope, text: string): Json {
  switch (name.toLowerCase()) {
    case 'parameters': {
      const key = String(args[0]);
      if (!(key in scope.parameters)) throw invalidTemplate(`The template parameter '${key}' is not found`);
      return scope.parameters[key];
    }
    case 'variables': {
      const key = String(args[0]);
      if (!(key in scope.variables)) throw invalidTemplate(`The template variable '${key}' is not found`);
      return scope.variables[key];
    }
    case 'resourcegroup':
      return scope.resourceGroup;
    case 'subscription':
      return { subscriptionId: scope.subscriptionId, id: `/subscriptions/${scope.subscriptionId}` };
    case 'concat':
      return args.every(Array.isArray) ? (args as Json[][]).flat() : args.map((a) => String(a)).join('');
    case 'resourceid': {
      const strings = args.map(String);
      const typeAt = strings.findIndex((s) => s.includes('/'));
      const type = strings[typeAt];
      const names = strings.slice(typeAt + 1);
      const [ns, ...types] = type.split('/');
      if (types.length !== names.length) throw invalidTemplate(`Unable to evaluate template language function 'resourceId': the type '${type}' requires ${types.length} resource name argument(s)`);
      const sub = typeAt >= 2 ? strings[0] : scope.subscriptionId;
      const rg = typeAt >= 1 ? strings[typeAt - 1] : scope.resourceGroup.name;
      return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${ns}/${types.map((t, k) => `${t}/${names[k]}`).join('/')}`;
    }
    default:
      throw invalidTemplate(`The template function '${name}' is not expected in '${text}'`);
  }
}

/** Evaluates every expression string in a value; `[[…` is a literal string that starts with `[`. */
function resolve(value: Json, scope: Scope): Json {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (value.startsWith('[') && value.endsWith(']')) return evaluate(value.slice(1, -1).trim(), scope);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, scope));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, scope)]));
  return value;
}

// ---------------------------------------------------------------------------------------------
// Planning and applying

/** The parameters' values: given, else the default (which may be an expression over the scope). */
function parametersOf(template: JsonObject, given: JsonObject | undefined, scope: Scope): JsonObject {
  const declared = isObject(template.parameters) ? template.parameters : {};
  const out: JsonObject = {};
  for (const [name, decl] of Object.entries(declared)) {
    const value = isObject(given?.[name]) ? (given![name] as JsonObject).value : undefined;
    if (value !== undefined) out[name] = value;
    else if (isObject(decl) && decl.defaultValue !== undefined) out[name] = resolve(decl.defaultValue, { ...scope, parameters: out });
    else throw invalidTemplate(`The value for the template parameter '${name}' is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details`);
  }
  for (const name of Object.keys(given ?? {})) {
    if (!(name in declared)) throw invalidTemplate(`The template parameters '${name}' in the parameters file are not valid; they are not present in the original template and can therefore not be provided at deployment time`);
  }
  return out;
}

function plan(template: JsonObject, scope: Scope): PlannedResource[] {
  if (!Array.isArray(template.resources)) throw invalidTemplate("The template must have a 'resources' array");
  const raw = isObject(template.variables) ? template.variables : {};
  for (const [k, v] of Object.entries(raw)) scope.variables[k] = resolve(v, scope);
  const planned = template.resources.map((r, index): PlannedResource => {
    if (!isObject(r)) throw invalidTemplate(`The template resource at index ${index} is not an object`);
    const resolved = resolve(r, scope) as JsonObject;
    const { type, apiVersion, name, dependsOn, condition: _condition, comments: _comments, ...body } = resolved;
    if (typeof type !== 'string' || typeof apiVersion !== 'string' || typeof name !== 'string') {
      throw invalidTemplate(`The template resource at index ${index} must have 'type', 'apiVersion' and 'name'`);
    }
    const [ns, ...types] = type.split('/');
    const names = name.split('/');
    if (types.length !== names.length) {
      throw invalidTemplate(`The template resource '${name}' for type '${type}' has incorrect segment lengths. A nested resource type must have identical number of segments as its resource name`);
    }
    const id = `${scope.resourceGroup.id}/providers/${ns}/${types.map((t, k) => `${t}/${names[k]}`).join('/')}`;
    return { id, type, apiVersion, body, dependsOn: Array.isArray(dependsOn) ? dependsOn.map(String) : [], applied: false };
  });
  // A dependency names a template resource by its id, or by its name ("type/name" or just the name).
  for (const p of planned) {
    p.dependsOn = p.dependsOn.map((d) => {
      const hit = planned.find((q) => q.id.toLowerCase() === d.toLowerCase() || q.id.toLowerCase().endsWith(`/${d.toLowerCase()}`));
      if (!hit) throw invalidTemplate(`The resource '${d}' is not defined in the template`);
      return hit.id;
    });
  }
  return planned;
}

function fail(d: Deployment, details: JsonObject): void {
  d.state = 'Failed';
  d.endTime = Date.now();
  d.error = {
    code: 'DeploymentFailed',
    message: 'At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.',
    details: [details],
  };
}

/** Applies what is ready, and settles the deployment when everything has. */
async function advance(emu: Emulator, d: Deployment, dispatch: InternalDispatch): Promise<void> {
  if (d.state === 'Succeeded' || d.state === 'Failed') return;
  emu.tick();
  d.state = 'Running';
  for (const r of d.resources) {
    if (r.applied) continue;
    const deps = r.dependsOn.map((id) => getResource(emu.state, id));
    const failedDep = deps.find((dep) => dep?.provisioningState === 'Failed');
    if (failedDep) return fail(d, { code: 'ResourceDeploymentFailure', message: `The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.`, target: failedDep.id });
    if (!deps.every((dep) => dep?.provisioningState === 'Succeeded')) continue;
    const reply = await dispatch(emu, 'PUT', `${r.id}?api-version=${encodeURIComponent(r.apiVersion)}`, r.body, d.headers);
    if (reply.status >= 400) {
      const inner = isObject(reply.body) && isObject(reply.body.error) ? reply.body.error : { code: `Http${reply.status}`, message: 'The resource write failed.' };
      return fail(d, { ...inner, target: r.id });
    }
    r.applied = true;
  }
  emu.tick();
  const all = d.resources.map((r) => (r.applied ? getResource(emu.state, r.id) : undefined));
  const failed = all.find((r) => r?.provisioningState === 'Failed');
  if (failed) return fail(d, { code: 'ResourceDeploymentFailure', message: `The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.`, target: failed.id });
  if (all.every((r) => r?.provisioningState === 'Succeeded')) {
    d.state = 'Succeeded';
    d.endTime = Date.now();
  }
}

function render(d: Deployment): JsonObject {
  const end = d.endTime ?? Date.now();
  const properties: JsonObject = {
    provisioningState: d.state,
    mode: d.mode,
    timestamp: new Date(end).toISOString(),
    duration: `PT${((end - d.startTime) / 1000).toFixed(3)}S`,
    correlationId: d.operationId,
    parameters: Object.fromEntries(Object.entries(d.parameters).map(([k, v]) => [k, { value: v }])),
    dependencies: d.resources
      .filter((r) => r.dependsOn.length > 0)
      .map((r) => ({ id: r.id, resourceType: r.type, resourceName: r.id.split('/').pop()!, dependsOn: r.dependsOn.map((id) => ({ id, resourceType: '', resourceName: id.split('/').pop()! })) })),
    outputResources: d.resources.filter((r) => r.applied).map((r) => ({ id: r.id })),
  };
  if (d.error) properties.error = d.error;
  return { id: d.id, name: d.name, type: 'Microsoft.Resources/deployments', properties };
}

const BASE = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Resources/deployments/{deploymentName}';
const NAME = /^[-\w._()]{1,64}$/;

export function registerDeployments(emu: Emulator, dispatch: InternalDispatch): void {
  const options = { auth: 'arm' as const, family: 'arm' as const, apiVersions: DEPLOYMENT_API_VERSIONS, typeName: 'deployments' };
  const find = (ctx: Ctx): Deployment => {
    const d = store(ctx.emu).get(`${ctx.params.subscriptionId}/${ctx.params.resourceGroupName}/${ctx.params.deploymentName}`.toLowerCase());
    if (!d) throw new ArmError(404, 'DeploymentNotFound', `Deployment '${ctx.params.deploymentName}' could not be found.`);
    return d;
  };
  emu.router.add('PUT', BASE, { ...options, action: 'Microsoft.Resources/deployments/write' }, async (ctx) => {
    const name = ctx.params.deploymentName;
    if (!NAME.test(name)) throw new ArmError(400, 'InvalidDeploymentName', `The deployment name '${name}' is invalid. It can contain only alphanumeric characters, '-', '.', '_', '(' and ')', and be at most 64 characters long.`);
    const properties = isObject(ctx.body) && isObject(ctx.body.properties) ? ctx.body.properties : undefined;
    if (!properties || !isObject(properties.template)) throw new ArmError(400, 'InvalidRequestContent', "The request content was invalid and could not be deserialized: 'properties.template' is required (templateLink is not served by the local Azure).");
    const mode = typeof properties.mode === 'string' ? properties.mode : 'Incremental';
    const group = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName)!;
    const rgId = `/subscriptions/${group.subscriptionId}/resourceGroups/${group.name}`;
    const scope: Scope = { subscriptionId: group.subscriptionId, resourceGroup: { name: group.name, location: group.location, id: rgId }, parameters: {}, variables: {} };
    const parameters = parametersOf(properties.template, isObject(properties.parameters) ? properties.parameters : undefined, scope);
    scope.parameters = parameters;
    const d: Deployment = {
      id: `${rgId}/providers/Microsoft.Resources/deployments/${name}`,
      name,
      operationId: crypto.randomUUID(),
      mode,
      parameters,
      resources: plan(properties.template, scope),
      headers: { authorization: ctx.headers.authorization },
      state: 'Accepted',
      startTime: Date.now(),
    };
    const key = `${ctx.params.subscriptionId}/${ctx.params.resourceGroupName}/${name}`.toLowerCase();
    const existed = store(ctx.emu).has(key);
    store(ctx.emu).set(key, d);
    const body = render(d);
    await advance(ctx.emu, d, dispatch);
    const status = `${ctx.emu.baseUrl}${d.id}/operationStatuses/${d.operationId}?api-version=${ctx.query.get('api-version')}`;
    return { status: existed ? 200 : 201, body, headers: { 'Azure-AsyncOperation': status, 'Retry-After': String(ctx.emu.config.lro.retryAfterSeconds) } };
  });
  emu.router.add('GET', BASE, { ...options, action: 'Microsoft.Resources/deployments/read' }, async (ctx) => {
    const d = find(ctx);
    await advance(ctx.emu, d, dispatch);
    return { status: 200, body: render(d) };
  });
  emu.router.add('GET', `${BASE}/operationStatuses/{operationId}`, { ...options, action: 'Microsoft.Resources/deployments/read' }, async (ctx) => {
    const d = find(ctx);
    await advance(ctx.emu, d, dispatch);
    const status = d.state === 'Accepted' ? 'Running' : d.state;
    const body: JsonObject = d.error ? { status, error: d.error } : { status };
    return { status: 200, body };
  });
}
