import { canAccess } from './access';
import { ArmError } from './arm/errors';
import { matchesScope } from './config';
import { isSpent } from './faults';
import { APPLICATION_TYPE, applicationKind } from './compute/applications';
import { GALLERY_TYPE, renderGallery } from './compute/galleries';
import { IMAGE_TYPE, imageKind } from './compute/images';
import { SCALE_SET_TYPE } from './compute/imageUsers';
import { renderSource, SOURCE_TYPES } from './compute/sources';
import { renderVersion, VERSION_TYPE } from './compute/versions';
import { communityGalleryRows } from './compute/sharing';
import { compile, KqlError, parseKql, typesNamed, type KqlTable, type Stage } from './kql';
import type { Emulator } from './emulator';
import type { Ctx } from './http';
import { asObject, type Json, type JsonObject } from './json';
import { findSubscription, type StoredResource } from './state';

/** Azure Resource Graph `POST /providers/Microsoft.ResourceGraph/resources` (@azure/arm-resourcegraph 5 sends 2024-04-01). */
export const RESOURCE_GRAPH_API_VERSIONS = ['2019-04-01', '2020-04-01-preview', '2021-03-01', '2022-10-01', '2024-04-01'] as const;

/** What Resource Graph allows per page: `$top` defaults to 100 and may be at most 1000. */
const DEFAULT_TOP = 100;
const MAX_TOP = 1000;

/** The row types the local Azure indexes, each rendered as ARM's GET renders it. */
const RENDERERS: Record<string, ((ctx: Ctx, r: StoredResource) => JsonObject) | undefined> = {
  [GALLERY_TYPE.toLowerCase()]: renderGallery,
  // A gallery's children are rows of the `resources` table too, typed by their ARM resource type in
  // lower case ('microsoft.compute/galleries/images', '…/images/versions', '…/applications'), with
  // ARM's GET body under `properties` (https://learn.microsoft.com/azure/governance/resource-graph/reference/supported-tables-resources,
  // "Resources" table, Microsoft.Compute/galleries/images, …/images/versions, …/applications).
  // A version as the newest api-version's GET shows it, without $expand=ReplicationStatus: Resource
  // Graph indexes the resource, not an expanded view of it.
  [IMAGE_TYPE.toLowerCase()]: (ctx, r) => imageKind.render(ctx, r),
  [VERSION_TYPE.toLowerCase()]: (_ctx, r) => renderVersion(r, false),
  [APPLICATION_TYPE.toLowerCase()]: (ctx, r) => applicationKind.render(ctx, r),
  // VMs and scale sets as ARM's GET shows them: their image reference is what "who uses it" reads.
  [SOURCE_TYPES.virtualMachine.toLowerCase()]: (_ctx, r) => renderSource(r),
  [SCALE_SET_TYPE.toLowerCase()]: (_ctx, r) => renderSource(r),
};

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

/** The one type of the `communitygalleryresources` table the local Azure indexes (galleries, not their images). */
const COMMUNITY_GALLERY_ROW_TYPE = 'microsoft.compute/locations/communitygalleries';

/** The query's table and stages (test/emulator/kql.ts); refused as Resource Graph refuses what it cannot parse. */
export function parseQuery(query: string): { table: KqlTable; stages: Stage[] } {
  let parsed: { table: KqlTable; stages: Stage[] };
  try {
    parsed = parseKql(query);
  } catch (error) {
    throw invalidQuery(error instanceof KqlError ? error.message : String(error));
  }
  const types = typesNamed(parsed.stages);
  if (types.length === 0) throw invalidQuery("The local Azure needs a \"where type =~ '<resource type>'\" stage.");
  const known = (t: string) => (parsed.table === 'resources' ? RENDERERS[t] !== undefined : t === COMMUNITY_GALLERY_ROW_TYPE);
  const unknown = types.filter((t) => !known(t));
  if (unknown.length === types.length) {
    const indexed = parsed.table === 'resources' ? Object.keys(RENDERERS).join(', ') : COMMUNITY_GALLERY_ROW_TYPE;
    throw invalidQuery(`The local Azure indexes ${indexed} only in '${parsed.table}', not '${unknown.join("', '")}'.`);
  }
  return parsed;
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
function row(ctx: Ctx, r: StoredResource, render: (ctx: Ctx, r: StoredResource) => JsonObject, tenants: ReadonlyMap<string, string>): JsonObject {
  const arm = render(ctx, r);
  const [, , subscriptionId, , resourceGroup] = r.id.split('/');
  return {
    id: arm.id ?? r.id,
    name: arm.name ?? r.name,
    type: r.type.toLowerCase(),
    tenantId: tenants.get(subscriptionId.toLowerCase()) ?? '',
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

// One collator: localeCompare with options builds one per call, slow over thousands of rows.
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });

function compare(a: Json | undefined, b: Json | undefined): number {
  return COLLATOR.compare(String(a ?? ''), String(b ?? ''));
}

/** The rows of these types (lower case) in these subscriptions (lower case), in one pass over the state. */
function indexed(ctx: Ctx, types: ReadonlySet<string>, subscriptions: ReadonlySet<string>): JsonObject[] {
  const out: JsonObject[] = [];
  const tenants = new Map(ctx.emu.state.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.tenantId]));
  for (const r of Object.values(ctx.emu.state.resources)) {
    const type = r.type.toLowerCase();
    if (types.has(type) && subscriptions.has(r.id.split('/')[2]!.toLowerCase())) out.push(row(ctx, r, RENDERERS[type]!, tenants));
  }
  return out;
}

/**
 * The stages in order over the rows: by id (ordinal, ignoring case) unless the query orders them.
 * Without `order by` Resource Graph promises no order ("Without sorting, the results returned are
 * random and not repeatable", https://learn.microsoft.com/azure/governance/resource-graph/concepts/work-with-data);
 * one fixed order keeps this local Azure's pages repeatable. Ordinal, because a collator's compare
 * over 13,000 ids that share their first 80 characters took this local Azure a second a query.
 */
function runStages(stages: readonly Stage[], input: JsonObject[]): JsonObject[] {
  let rows = input
    .map((r) => ({ r, k: String(r.id ?? '').toLowerCase() }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.r);
  for (const stage of stages) {
    if (stage.kind === 'where') {
      const test = compile(stage.expr);
      rows = rows.filter((r) => test(r) === true);
    } else if (stage.kind === 'extend') {
      // Each column sees the ones before it (KQL's extend), on one copy of the row.
      const columns = stage.columns.map((c) => ({ name: c.name, value: compile(c.expr) }));
      rows = rows.map((r) => {
        // Object.assign, not a spread: V8 made adding columns to a spread copy 6× slower (13,000 rows).
        const out: JsonObject = Object.assign({}, r);
        for (const c of columns) out[c.name] = c.value(out) ?? null;
        return out;
      });
    } else if (stage.kind === 'project') {
      rows = rows.map((r) => {
        const out: JsonObject = {};
        for (const c of stage.columns) out[c] = r[c] ?? null;
        return out;
      });
    } else rows.sort((a, b) => (stage.descending ? -1 : 1) * compare(a[stage.column], b[stage.column]));
  }
  return rows;
}

export function registerResourceGraph(emu: Emulator): void {
  // A $skipToken continues one result set: later pages are cut from the rows the first page
  // evaluated, so a page costs a slice here as it does in Resource Graph, not a whole query over
  // every resource again (which made paging a large inventory this local Azure's cost, not the
  // client's). A token whose result set is no longer held is evaluated again from its offset.
  const snapshots = new Map<number, JsonObject[]>();
  let nextSnapshot = 1;
  const keep = (rows: JsonObject[]): number => {
    const id = nextSnapshot++;
    snapshots.set(id, rows);
    if (snapshots.size > 16) snapshots.delete(snapshots.keys().next().value!);
    return id;
  };
  emu.router.add(
    'POST',
    '/providers/Microsoft.ResourceGraph/resources',
    { auth: 'arm', family: 'provider', apiVersions: RESOURCE_GRAPH_API_VERSIONS, typeName: 'resources' },
    (ctx) => {
      const body = asObject(ctx.body);
      if (!body || typeof body.query !== 'string') throw new ArmError(400, 'BadRequest', "The request body must carry a 'query' string.");
      const { table, stages } = parseQuery(body.query);
      const options = asObject(body.options) ?? {};
      const top = options.$top === undefined ? DEFAULT_TOP : Number(options.$top);
      if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
        throw new ArmError(400, 'BadRequest', `The value of $top must be between 1 and ${MAX_TOP}.`, undefined, [{ code: 'InvalidTop', message: `$top '${String(options.$top)}' is invalid.` }]);
      }
      const skipToken = typeof options.$skipToken === 'string' ? options.$skipToken : undefined;
      const page = skipToken ? parseSkipToken(skipToken) : { offset: Number(options.$skip ?? 0) };
      if (!Number.isInteger(page.offset) || page.offset < 0) throw new ArmError(400, 'BadRequest', 'The $skipToken is invalid.');
      const offset = page.offset;
      // Like Resource Graph: subscriptions the caller cannot read are left out, not refused.
      const asked = Array.isArray(body.subscriptions) ? body.subscriptions.map(String) : ctx.caller!.principal.subscriptions;
      const readable = asked.filter((id) => canAccess(ctx, id) && findSubscription(ctx.emu.state, id) && !faultedInArm(ctx, id));
      const wanted = new Set(readable.map((id) => id.toLowerCase()));
      const types = [...new Set(typesNamed(stages))].filter((t) => RENDERERS[t]);
      // Public galleries belong to no subscription of the caller's: any caller with one it can read sees them all.
      const input = (): JsonObject[] =>
        table === 'communitygalleryresources'
          ? readable.length > 0
            ? communityGalleryRows(ctx.emu.state)
            : []
          : indexed(ctx, new Set(types), wanted);
      // A later page is a slice of the first page's result set: nothing is rendered or evaluated again.
      const cached = page.snapshot !== undefined ? snapshots.get(page.snapshot) : undefined;
      const rows = cached ?? runStages(stages, input());
      const data = rows.slice(offset, offset + top);
      const result: JsonObject = { totalRecords: rows.length, count: data.length, data, facets: [], resultTruncated: 'false' };
      if (offset + top < rows.length) {
        const snapshot = page.snapshot !== undefined && cached ? page.snapshot : keep(rows);
        result.$skipToken = Buffer.from(`rg:${snapshot}:${offset + top}`).toString('base64url');
      }
      return { status: 200, body: result };
    },
  );
}

/** "rg:<result set>:<offset>" (or the older "rg:<offset>"), base64url. */
function parseSkipToken(token: string): { snapshot?: number; offset: number } {
  const parts = Buffer.from(token, 'base64url').toString('utf8').replace(/^rg:/, '').split(':');
  return parts.length === 2 ? { snapshot: Number(parts[0]), offset: Number(parts[1]) } : { offset: Number(parts[0]) };
}
