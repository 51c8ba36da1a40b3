// Update Image Version's edge zones: which stay (unselecting one removes it and its replicas, which
// the flow confirms before sending), which are added (listed by Azure or typed region/edgezone),
// their replica counts, and the storage type of the added ones (Azure cannot change it later).
// What is sent is merged into Azure's own objects (model/edgeZones mergeExtendedLocations).
import {
  describeEdgeZoneChanges,
  edgeZoneChanges,
  edgeZoneKey,
  EDGE_ZONE_STORAGE_TYPES,
  hasEdgeZoneChanges,
  parseEdgeZoneReplicas,
  parseEdgeZoneText,
  sameEdgeZone,
  validateEdgeZones,
  whyEdgeZoneEditsRefused,
  type EdgeZoneChoice,
  type EdgeZoneEdit,
} from '../../model';
import { typedEdgeZonesStep } from '../../ui/edgeZoneSteps';
import { inputStep, pickManyStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import type { State, Values } from './fields';

const TYPE_OTHERS = '$type';

export interface EdgeZoneContext {
  current: Values;
  /** The edge zones Azure lists for the subscription (loaded when the step shows). */
  edgeZones: () => Promise<EdgeZoneChoice[]>;
  /** The regions Azure offers the subscription (empty when they could not be listed). */
  regionChoices: readonly { name: string }[];
}

const known = (ctx: EdgeZoneContext) => (ctx.regionChoices.length > 0 ? ctx.regionChoices.map((r) => r.name) : undefined);

const chosen = (s: State) => s.fields?.includes('edgeZones') ?? false;
const listOf = (ctx: EdgeZoneContext, s: State): EdgeZoneEdit[] => s.edgeZones ?? ctx.current.edgeZones;
const addedOf = (ctx: EdgeZoneContext, s: State) => listOf(ctx, s).filter((z) => !ctx.current.edgeZones.some((c) => sameEdgeZone(c, z)));

/** The new list for the zones picked (or typed: added after the others); a zone kept or picked again keeps what it has. */
function picked(ctx: EdgeZoneContext, s: State, zones: readonly { name: string; edgeZone: string }[], keepOthers: boolean): EdgeZoneEdit[] {
  const before = listOf(ctx, s);
  const known = [...before, ...ctx.current.edgeZones];
  const list = zones.map((z) => known.find((k) => sameEdgeZone(k, z)) ?? { name: z.name, edgeZone: z.edgeZone });
  return keepOthers ? [...before, ...list.filter((l) => !before.some((b) => sameEdgeZone(l, b)))] : list;
}

function replicaTextOf(list: readonly EdgeZoneEdit[]): string {
  const counts = list.map((l) => l.replicas);
  if (counts.every((c) => c === undefined)) return '';
  if (counts.every((c) => c === counts[0])) return String(counts[0]);
  return list.filter((l) => l.replicas !== undefined).map((l) => `${l.edgeZone}=${l.replicas}`).join(', ');
}

/** Why the edge-zone answers (from the steps or the options object) cannot be sent, or undefined. */
export function edgeZoneProblem(ctx: EdgeZoneContext, s: State): string | undefined {
  return s.edgeZones !== undefined ? whyEdgeZoneEditsRefused(ctx.current.edgeZones, s.edgeZones, known(ctx)) : undefined;
}

/** The summary line for the edge zones, when they change. */
export function edgeZoneSummary(ctx: EdgeZoneContext, s: State): PickEntry<'save' | 'line'> | undefined {
  if (!chosen(s)) return undefined;
  const c = edgeZoneChanges(ctx.current.edgeZones, listOf(ctx, s));
  if (!hasEdgeZoneChanges(c)) return undefined;
  return { label: c.removed.length > 0 ? '$(warning) Edge zones' : 'Edge zones', description: describeEdgeZoneChanges(c), value: 'line', refusal: 'To change the edge zones, go Back to their steps.' };
}

export function edgeZoneSteps(ctx: EdgeZoneContext): Step<State>[] {
  return [
    pickManyStep<State, string>({
      title: 'Edge zones',
      placeholder: 'Edge zones to replicate to (unselecting one deletes its replicas; you confirm before anything is sent)',
      when: chosen,
      items: async (s) => {
        const entries: PickEntry<string>[] = ctx.current.edgeZones.map((z) => ({
          label: z.edgeZone,
          description: `${edgeZoneKey(z)} · replicated now${z.replicas !== undefined ? ` ×${z.replicas}` : ''}${z.storageAccountType ? ` · ${z.storageAccountType}` : ''}`,
          value: edgeZoneKey(z),
        }));
        const has = (key: string) => entries.some((e) => 'value' in e && e.value.toLowerCase() === key.toLowerCase());
        for (const z of await ctx.edgeZones().catch(() => [])) {
          const key = edgeZoneKey({ name: z.region, edgeZone: z.name });
          if (!has(key)) entries.push({ label: z.displayName, description: key, value: key });
        }
        for (const z of listOf(ctx, s)) if (!has(edgeZoneKey(z))) entries.push({ label: z.edgeZone, description: edgeZoneKey(z), value: edgeZoneKey(z) });
        entries.push({ label: '$(edit) Type other edge zones…', detail: 'As region/edgezone, e.g. westus/microsoftlosangeles1', value: TYPE_OTHERS });
        return entries;
      },
      get: (s) => [...listOf(ctx, s).map(edgeZoneKey), ...(s.edgeZonesTyped !== undefined ? [TYPE_OTHERS] : [])],
      same: (a, b) => a.toLowerCase() === b.toLowerCase(),
      set: (s, keys) => {
        s.edgeZonesTyped = keys.includes(TYPE_OTHERS) ? (s.edgeZonesTyped ?? '') : undefined;
        const zones = parseEdgeZoneText(keys.filter((k) => k !== TYPE_OTHERS).join(','));
        if (typeof zones !== 'string') s.edgeZones = picked(ctx, s, zones, false);
      },
    }),
    typedEdgeZonesStep<State>({
      prompt: 'Edge zones to add, as region/edgezone separated by commas (Azure needs both names)',
      when: chosen,
      apply: (s, zones) => (s.edgeZones = picked(ctx, s, zones, true)),
      check: (zones) => validateEdgeZones(zones, known(ctx)),
    }),
    inputStep<State>({
      title: 'Edge zone replicas',
      prompt: (s) =>
        `Replicas per edge zone (1–100): one number for every edge zone, or edgezone=count pairs such as ${listOf(ctx, s)[0]?.edgeZone ?? 'microsoftlosangeles1'}=2 (zones not named keep their count; empty: new zones get Azure's default)`,
      when: (s) => chosen(s) && listOf(ctx, s).length > 0,
      get: (s) => replicaTextOf(listOf(ctx, s)),
      set: (s, v) => {
        const counts = parseEdgeZoneReplicas(v, listOf(ctx, s));
        if (typeof counts === 'string') return;
        s.edgeZones = listOf(ctx, s).map((z) => {
          const n = counts.byZone.get(edgeZoneKey(z)) ?? counts.all;
          return n === undefined ? z : { ...z, replicas: n };
        });
      },
      validate: (v, s) => {
        const counts = parseEdgeZoneReplicas(v, listOf(ctx, s));
        return typeof counts === 'string' ? counts : undefined;
      },
    }),
    pickStep<State, string>({
      title: 'Storage for the added edge zones',
      placeholder: (s) => `Storage type of the replicas in ${addedOf(ctx, s).map(edgeZoneKey).join(', ')} (Azure cannot change it later)`,
      when: (s) => chosen(s) && addedOf(ctx, s).length > 0,
      items: () => [{ label: "Azure's default", detail: 'Nothing is sent; Azure chooses', value: '' }, ...EDGE_ZONE_STORAGE_TYPES.map((t) => ({ label: t, value: t as string }))],
      get: (s) => {
        const types = addedOf(ctx, s).map((z) => z.storageAccountType ?? '');
        return types.every((t) => t === types[0]) ? types[0] : undefined;
      },
      suggest: () => '',
      set: (s, v) => {
        const added = addedOf(ctx, s);
        s.edgeZones = listOf(ctx, s).map((z) => {
          if (!added.some((a) => sameEdgeZone(a, z))) return z;
          const { storageAccountType: _before, ...rest } = z;
          return v ? { ...rest, storageAccountType: v } : rest;
        });
      },
    }),
  ];
}
