import { canAccess } from './access';
import { ArmError } from './arm/errors';
import { matchesScope } from './config';
import { isSpent } from './faults';
import { GALLERY_TYPE, renderGallery } from './compute/galleries';
import type { Emulator } from './emulator';
import type { Ctx } from './http';
import { asObject, type Json, type JsonObject } from './json';
import { findSubscription, resourcesOfType, type StoredResource } from './state';

/** Azure Resource Graph `POST /providers/Microsoft.ResourceGraph/resources` (@azure/arm-resourcegraph 5 sends 2024-04-01). */
export const RESOURCE_GRAPH_API_VERSIONS = ['2019-04-01', '2020-04-01-preview', '2021-03-01', '2022-10-01', '2024-04-01'] as const;

/** What Resource Graph allows per page: `$top` defaults to 100 and may be at most 1000. */
const DEFAULT_TOP = 100;
const MAX_TOP = 1000;

/** The row types the local Azure indexes, each rendered as ARM's GET renders it. */
const RENDERERS: Record<string, (ctx: Ctx, r: StoredResource) => JsonObject> = {
  [GALLERY_TYPE.toLowerCase()]: renderGallery,
};

/**
 * The local Azure understands a small, strict part of KQL: `resources`, then `where type =~ '…'`
 * (or `==`), then optionally `project a, b` and `order by x [asc|desc]`. Anything else is refused
 * as Resource Graph refuses a query it cannot parse, so an extension query the local Azure does
 * not know fails loudly in the tests instead of returning something made up.
 */
interface ParsedQuery {
  type: string;
  project?: string[];
  orderBy?: { column: string; descending: boolean };
}

function invalidQuery(reason: string): ArmError {
  return new ArmError(
    400,
    'BadRequest',
    'Please provide below info when asking for support: timestamp = local, correlationId = local.',
    undefined,
    [
      { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
      { code: 'ParserFailure', message: reason },
    ],
  );
}

export function parseQuery(query: string): ParsedQuery {
  const stages = query.split('|').map((s) => s.trim());
  if (!/^resources$/i.test(stages[0] ?? '')) throw invalidQuery(`The local Azure answers queries of the 'resources' table only, not '${stages[0] ?? ''}'.`);
  let type: string | undefined;
  let project: string[] | undefined;
  let orderBy: ParsedQuery['orderBy'];
  for (const stage of stages.slice(1)) {
    const where = /^where\s+type\s*(=~|==)\s*'([^']+)'$/i.exec(stage);
    const proj = /^project\s+([\w\s,]+)$/i.exec(stage);
    const order = /^(?:order|sort)\s+by\s+(\w+)(?:\s+(asc|desc))?$/i.exec(stage);
    if (where && type === undefined) type = where[2].toLowerCase();
    else if (proj) project = proj[1].split(',').map((c) => c.trim()).filter(Boolean);
    else if (order) orderBy = { column: order[1], descending: order[2]?.toLowerCase() !== 'asc' };
    else throw invalidQuery(`The local Azure does not understand the query stage '${stage}'.`);
  }
  if (!type) throw invalidQuery("The local Azure needs a \"where type =~ '<resource type>'\" stage.");
  if (!RENDERERS[type]) throw invalidQuery(`The local Azure indexes ${Object.keys(RENDERERS).join(', ')} only, not '${type}'.`);
  return { type, project, orderBy };
}

/**
 * A fault rule aimed at a subscription's gallery list (by subscription or path) hides that
 * subscription from Resource Graph, as a subscription the caller cannot read is hidden: the
 * extension then lists it through ARM, where the fault happens, exactly as before Resource Graph.
 */
function faultedInArm(ctx: Ctx, subscriptionId: string): boolean {
  const listPath = `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/galleries`;
  return ctx.emu.config.faults.some((rule) => matchesScope(rule, 'GET', listPath) && !isSpent(ctx.emu, rule));
}

/** A row of the `resources` table: ARM's rendering plus Resource Graph's own columns. */
function row(ctx: Ctx, r: StoredResource, render: (ctx: Ctx, r: StoredResource) => JsonObject): JsonObject {
  const arm = render(ctx, r);
  const [, , subscriptionId, , resourceGroup] = r.id.split('/');
  const sub = findSubscription(ctx.emu.state, subscriptionId);
  return {
    id: arm.id ?? r.id,
    name: arm.name ?? r.name,
    type: r.type.toLowerCase(),
    tenantId: sub?.tenantId ?? '',
    kind: '',
    location: r.location,
    resourceGroup: resourceGroup.toLowerCase(),
    subscriptionId,
    managedBy: '',
    sku: null,
    plan: null,
    properties: asObject(arm.properties) ?? {},
    tags: r.tags ?? {},
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

function compare(a: Json | undefined, b: Json | undefined): number {
  return String(a ?? '').localeCompare(String(b ?? ''), 'en', { sensitivity: 'base' });
}

export function registerResourceGraph(emu: Emulator): void {
  emu.router.add(
    'POST',
    '/providers/Microsoft.ResourceGraph/resources',
    { auth: 'arm', family: 'provider', apiVersions: RESOURCE_GRAPH_API_VERSIONS, typeName: 'resources' },
    (ctx) => {
      const body = asObject(ctx.body);
      if (!body || typeof body.query !== 'string') throw new ArmError(400, 'BadRequest', "The request body must carry a 'query' string.");
      const parsed = parseQuery(body.query);
      const options = asObject(body.options) ?? {};
      const top = options.$top === undefined ? DEFAULT_TOP : Number(options.$top);
      if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
        throw new ArmError(400, 'BadRequest', `The value of $top must be between 1 and ${MAX_TOP}.`, undefined, [{ code: 'InvalidTop', message: `$top '${String(options.$top)}' is invalid.` }]);
      }
      const skipToken = typeof options.$skipToken === 'string' ? options.$skipToken : undefined;
      const offset = skipToken ? Number(Buffer.from(skipToken, 'base64url').toString('utf8').replace(/^rg:/, '')) : Number(options.$skip ?? 0);
      if (!Number.isInteger(offset) || offset < 0) throw new ArmError(400, 'BadRequest', 'The $skipToken is invalid.');
      // Like Resource Graph: subscriptions the caller cannot read are left out, not refused.
      const asked = Array.isArray(body.subscriptions) ? body.subscriptions.map(String) : ctx.caller!.principal.subscriptions;
      const readable = asked.filter((id) => canAccess(ctx, id) && findSubscription(ctx.emu.state, id) && !faultedInArm(ctx, id));
      const render = RENDERERS[parsed.type];
      const wanted = new Set(readable.map((id) => id.toLowerCase()));
      let rows = resourcesOfType(ctx.emu.state, parsed.type)
        .filter((r) => wanted.has(r.id.split('/')[2].toLowerCase()))
        .map((r) => row(ctx, r, render));
      if (parsed.orderBy) {
        const { column, descending } = parsed.orderBy;
        rows.sort((a, b) => (descending ? -1 : 1) * compare(a[column], b[column]));
      } else {
        rows.sort((a, b) => compare(a.id, b.id));
      }
      if (parsed.project) {
        const columns = parsed.project;
        rows = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])) as JsonObject);
      }
      const data = rows.slice(offset, offset + top);
      const result: JsonObject = { totalRecords: rows.length, count: data.length, data, facets: [], resultTruncated: 'false' };
      if (offset + top < rows.length) result.$skipToken = Buffer.from(`rg:${offset + top}`).toString('base64url');
      return { status: 200, body: result };
    },
  );
}
