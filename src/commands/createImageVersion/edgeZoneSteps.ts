// Edge zones (Azure Extended Zones), after the target regions: none by default (Enter goes on);
// else the edge zones Azure lists for the subscription (Subscriptions - List Locations with
// includeExtendedLocations), or typed as region/edgezone when Azure lists none or not the one
// wanted; then their replicas and storage type, each left to Azure's default unless chosen
// (nothing is sent for it). What Azure takes: model/edgeZones.ts.
import type { NewExtendedLocation } from '../../azure/writeTypes';
import { edgeZoneKey, parseEdgeZoneReplicas, parseEdgeZoneText, sameEdgeZone, validateEdgeZones, type EdgeZoneChoice } from '../../model/edgeZones';
import { EDGE_ZONE_STORAGE_TYPES } from '../../model/versionContent';
import { typedEdgeZonesStep } from '../../ui/edgeZoneSteps';
import { inputStep, pickManyStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import type { Lookups, State } from './types';

const TYPE_OTHERS = '$type';

const EDGE_STORAGE_DETAILS: Record<(typeof EDGE_ZONE_STORAGE_TYPES)[number], string> = {
  Standard_LRS: 'Standard HDD, locally redundant',
  Standard_ZRS: 'Standard, zone-redundant',
  StandardSSD_LRS: 'Standard SSD, locally redundant',
  Premium_LRS: 'Premium SSD, locally redundant',
};

const zonesOf = (s: State): NewExtendedLocation[] => s.extendedLocations ?? [];

/** The replica answer the current list means: '' (Azure's default), one number, or pairs. */
function replicaTextOf(list: readonly NewExtendedLocation[]): string {
  const counts = list.map((l) => l.replicas);
  if (counts.every((c) => c === undefined)) return '';
  if (counts.every((c) => c === counts[0])) return String(counts[0]);
  return list.map((l) => `${l.edgeZone}=${l.replicas ?? 1}`).join(', ');
}

/** `picked` (listed, or typed: added to the others) as the new list: a zone already chosen keeps its replicas and storage type. */
function withZones(s: State, picked: readonly { name: string; edgeZone: string }[], keepOthers: boolean): NewExtendedLocation[] {
  const before = zonesOf(s);
  const chosen = picked.map((p) => before.find((b) => sameEdgeZone(b, p)) ?? { name: p.name, edgeZone: p.edgeZone });
  // Typed ones come after those picked before, in the order typed.
  return keepOthers ? [...before, ...chosen.filter((c) => !before.some((b) => sameEdgeZone(b, c)))] : chosen;
}

/**
 * Asked with the target regions: a caller whose options object fixed the regions (and named no edge
 * zones) decided where the version replicates, so no edge zone is added behind its back.
 */
export function edgeZoneSteps(lookups: Lookups, askKey: (key: keyof State) => boolean): Step<State>[] {
  const ask = (key: keyof State) => askKey(key) && askKey('regions');
  const wanted = (s: State) => ask('extendedLocations') && s.edgeZonesWanted === true;
  const listed = async (s: State): Promise<EdgeZoneChoice[]> => (s.definition ? lookups.edgeZones(s.definition).catch(() => []) : []);
  return [
    pickStep<State, boolean>({
      title: 'Edge zones',
      placeholder: 'Replicate to edge zones (Azure Extended Zones) as well? Most versions need none',
      when: () => ask('extendedLocations'),
      items: () => [
        { label: 'No edge zones', detail: 'Replicate to the target regions only', value: false },
        { label: 'Add edge zones…', detail: 'Pick the edge zones Azure lists for the subscription, or type region/edgezone', value: true },
      ],
      get: (s) => s.edgeZonesWanted ?? (zonesOf(s).length > 0 ? true : undefined),
      suggest: () => false,
      set: (s, v) => {
        s.edgeZonesWanted = v;
        if (!v) s.extendedLocations = undefined;
      },
    }),
    pickManyStep<State, string>({
      title: 'Edge zones — which',
      placeholder: 'Select the edge zones to replicate to (each belongs to a region)',
      when: wanted,
      items: async (s) => {
        const zones = await listed(s);
        const entries: PickEntry<string>[] = zones.map((z) => ({ label: z.displayName, description: edgeZoneKey({ name: z.region, edgeZone: z.name }), value: edgeZoneKey({ name: z.region, edgeZone: z.name }) }));
        // Typed before: shown too, so going Back keeps them.
        for (const l of zonesOf(s)) if (!entries.some((e) => 'value' in e && e.value.toLowerCase() === edgeZoneKey(l).toLowerCase())) entries.push({ label: l.edgeZone, description: edgeZoneKey(l), value: edgeZoneKey(l) });
        if (zones.length === 0) entries.unshift({ separator: 'Azure lists no edge zone for this subscription' });
        entries.push({ label: '$(edit) Type other edge zones…', detail: 'As region/edgezone, e.g. westus/microsoftlosangeles1', value: TYPE_OTHERS });
        return entries;
      },
      get: (s) => (zonesOf(s).length > 0 || s.edgeZonesTyped ? [...zonesOf(s).map(edgeZoneKey), ...(s.edgeZonesTyped ? [TYPE_OTHERS] : [])] : undefined),
      same: (a, b) => a.toLowerCase() === b.toLowerCase(),
      set: (s, picked) => {
        s.edgeZonesTyped = picked.includes(TYPE_OTHERS) ? (s.edgeZonesTyped ?? '') : undefined;
        const zones = parseEdgeZoneText(picked.filter((p) => p !== TYPE_OTHERS).join(','));
        s.extendedLocations = typeof zones === 'string' ? zonesOf(s) : withZones(s, zones, false);
      },
    }),
    typedEdgeZonesStep<State>({
      prompt: 'Edge zones as region/edgezone, separated by commas (Azure needs both names)',
      when: wanted,
      apply: (s, zones) => (s.extendedLocations = withZones(s, zones, true)),
      // The regions Azure offers the subscription (Azure refuses an edge zone in another one).
      checkAsync: async (zones, s) => {
        const regions = s.definition ? await lookups.regions(s.definition).catch(() => []) : [];
        return regions.length === 0 ? undefined : validateEdgeZones(zones, regions.map((r) => r.name));
      },
    }),
    inputStep<State>({
      title: 'Edge zone replicas',
      prompt: (s) =>
        `Replicas in each edge zone (1–100): one number, or edgezone=count pairs such as ${zonesOf(s)[0]?.edgeZone ?? 'microsoftlosangeles1'}=2; empty: Azure's default (nothing is sent)`,
      placeholder: "empty: Azure's default",
      when: (s) => wanted(s) && zonesOf(s).length > 0,
      get: (s) => replicaTextOf(zonesOf(s)),
      set: (s, v) => {
        const counts = parseEdgeZoneReplicas(v, zonesOf(s));
        if (typeof counts === 'string') return;
        s.extendedLocations = zonesOf(s).map(({ replicas: _before, ...l }) => {
          const n = counts.byZone.get(edgeZoneKey(l)) ?? counts.all;
          return n === undefined ? l : { ...l, replicas: n };
        });
      },
      validate: (v, s) => {
        const counts = parseEdgeZoneReplicas(v, zonesOf(s));
        return typeof counts === 'string' ? counts : undefined;
      },
    }),
    pickStep<State, string>({
      title: 'Edge zone storage',
      placeholder: 'The storage type of the replicas in the edge zones (Azure cannot change it later)',
      when: (s) => wanted(s) && zonesOf(s).length > 0,
      items: () => [
        { label: "Azure's default", detail: 'Nothing is sent; Azure chooses', value: '' },
        ...EDGE_ZONE_STORAGE_TYPES.map((t) => ({ label: t, detail: EDGE_STORAGE_DETAILS[t], value: t as string })),
      ],
      get: (s) => {
        const types = zonesOf(s).map((l) => l.storageAccountType ?? '');
        return types.every((t) => t === types[0]) ? types[0] : undefined;
      },
      suggest: () => '',
      set: (s, v) => {
        s.extendedLocations = zonesOf(s).map(({ storageAccountType: _before, ...l }) => (v ? { ...l, storageAccountType: v } : l));
      },
    }),
  ];
}
