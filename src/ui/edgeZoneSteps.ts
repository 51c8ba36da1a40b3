// The "Edge zones — typed" step Create and Update Image Version both ask: zones typed as
// region/edgezone, checked as typed, put into each flow's own state by the flow.
import { parseEdgeZoneText } from '../model/edgeZones';

/** A zone as typed: its region and its name. */
type TypedZone = { name: string; edgeZone: string };
import { inputStep, type Step } from './wizard';

export function typedEdgeZonesStep<S extends { edgeZonesTyped?: string }>(o: {
  prompt: string;
  when: (s: S) => boolean;
  /** Puts the typed zones into the flow's state. */
  apply: (s: S, zones: TypedZone[]) => void;
  /** A check of the zones against what is known now (the regions listed), undefined if they pass. */
  check?: (zones: TypedZone[], s: S) => string | undefined;
  /** A check that needs a request (the regions Azure offers the subscription). */
  checkAsync?: (zones: TypedZone[], s: S) => Promise<string | undefined>;
}): Step<S> {
  const parsed = (v: string): TypedZone[] | string => {
    const typed = parseEdgeZoneText(v);
    if (typeof typed === 'string') return typed;
    return typed.length === 0 ? 'Type at least one edge zone as region/edgezone, or go Back and unselect "Type other edge zones…".' : typed;
  };
  return inputStep<S>({
    title: 'Edge zones — typed',
    prompt: o.prompt,
    placeholder: 'e.g. westus/microsoftlosangeles1, australiaeast/perth',
    when: (s) => o.when(s) && s.edgeZonesTyped !== undefined,
    get: (s) => s.edgeZonesTyped || undefined,
    set: (s, v) => {
      const typed = parseEdgeZoneText(v);
      s.edgeZonesTyped = v.trim();
      if (typeof typed !== 'string') o.apply(s, typed);
    },
    validate: (v, s) => {
      const zones = parsed(v);
      return typeof zones === 'string' ? zones : o.check?.(zones, s);
    },
    validateAsync: o.checkAsync
      ? async (v, s) => {
          const zones = parsed(v);
          return typeof zones === 'string' ? undefined : o.checkAsync?.(zones, s);
        }
      : undefined,
  });
}
