// Target regions and replicas, the two steps Create Image Version and Update Image Version ask
// alike: the regions (the source region first and locked, since Azure keeps a version's replica
// there), then the replicas per region as one number or region=count pairs (ui/answerText.ts).
// Each flow gives its wording (what a region the pairs leave out gets) and its rule for the counts,
// so what users see stays each flow's own. Pure, like wizard.ts: no `vscode` here.
import { normalizeRegionName, whyRegionCannotBeRemoved } from '../model/replication';
import { inputStep, pickManyStep, type PickEntry, type Step } from './wizard';

/** A region offered: its name, how it is shown, and what is said of it (default: its name). */
export interface RegionOffer {
  name: string;
  label: string;
  description?: string;
}

export interface RegionsAndReplicasOptions<S> {
  titles: { regions: string; replicas: string };
  /** The regions pick's placeholder. */
  placeholder: string;
  /** The source region: always a target, listed first and locked. */
  source(s: S): string;
  /** The regions offered (the source among them or not: it is put first either way). */
  offers(s: S): RegionOffer[] | Promise<RegionOffer[]>;
  getRegions(s: S): string[] | undefined;
  /** Regions highlighted when there is no answer yet. */
  suggestRegions?(s: S): string[] | undefined;
  /** The regions picked, normalized, the source first. */
  setRegions(s: S, regions: string[]): void;
  /** The regions the replicas are asked for, and what the single-region prompt names without one. */
  targets(s: S): readonly string[];
  onlyRegion(s: S): string;
  /** What a region the region=count pairs leave out gets: "get 1" (a create), "keep their count" (an update). */
  unnamed: string;
  /** The replicas prompt's placeholder, if any. */
  replicasPlaceholder?: string;
  getReplicas(s: S): string | undefined;
  setReplicas(s: S, text: string): void;
  validateReplicas(text: string, s: S): string | undefined;
  when?: { regions?(s: S): boolean; replicas?(s: S): boolean };
}

export function replicaPrompt(targets: readonly string[], onlyRegion: string, unnamed: string): string {
  return targets.length > 1
    ? `Replicas per region (1–100): one number for every region, or region=count pairs such as ${targets[0]}=2, ${targets[1]}=1 (regions not named ${unnamed})`
    : `Replicas in ${targets[0] ?? onlyRegion} (1–100)`;
}

/** The two steps, as `regions` and `replicas`. */
export function regionsAndReplicasSteps<S>(o: RegionsAndReplicasOptions<S>): { regions: Step<S>; replicas: Step<S> } {
  const items = async (s: S): Promise<PickEntry<string>[]> => {
    const source = normalizeRegionName(o.source(s));
    const offers = await o.offers(s);
    const sorted = [...offers.filter((r) => r.name === source), ...offers.filter((r) => r.name !== source)];
    return sorted.map((r) => ({
      label: r.label,
      description: r.name === source ? `${r.name} · source region` : (r.description ?? r.name),
      value: r.name,
      locked: r.name === source ? whyRegionCannotBeRemoved(r.name, source) : undefined,
    }));
  };
  return {
    regions: pickManyStep<S, string>({
      title: o.titles.regions,
      placeholder: o.placeholder,
      when: o.when?.regions,
      items,
      get: o.getRegions,
      suggest: o.suggestRegions,
      set: (s, picked) => {
        const source = normalizeRegionName(o.source(s));
        o.setRegions(s, [source, ...picked.map(normalizeRegionName).filter((n) => n !== source)]);
      },
    }),
    replicas: inputStep<S>({
      title: o.titles.replicas,
      prompt: (s) => replicaPrompt(o.targets(s), o.onlyRegion(s), o.unnamed),
      placeholder: o.replicasPlaceholder,
      when: o.when?.replicas,
      get: o.getReplicas,
      set: (s, v) => o.setReplicas(s, v.trim()),
      validate: (v, s) => o.validateReplicas(v, s),
    }),
  };
}
