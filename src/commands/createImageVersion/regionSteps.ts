// Target regions, replicas, and per region: storage type and exclusion from "latest".
import { AZURE_DEFAULT_STORAGE, normalizeRegionName, validateTargetRegions, whyRegionCannotBeRemoved } from '../../model/replication';
import { storageTypeItems } from '../../ui/storageTypes';
import { parseReplicaCounts } from '../../ui/answerText';
import { CANCEL, isNavigation, pickManyStep, type PickEntry, type Prompter, type Step, type StepHeader } from '../../ui/wizard';
import { regionLabel, type RegionChoice } from '../../ui/regions';
import { buildTargets, storageIn } from './spec';
import { AZURE_DEFAULT, type Lookups, type State, type StorageChoice } from './types';

export function storageLabel(choice: StorageChoice): string {
  return choice === AZURE_DEFAULT ? "Azure's default" : choice;
}

/** The choices; a type a region cannot hold (ZRS without zones) is shown with the reason and refused. */
const storageItems = (regions: readonly string[], labels: readonly RegionChoice[]): PickEntry<StorageChoice>[] =>
  storageTypeItems(regions, labels, { value: AZURE_DEFAULT, detail: `${AZURE_DEFAULT_STORAGE.replace(/^Azure's default: /, '')} (nothing is sent; Azure chooses)` });

type StorageAnswer = StorageChoice | 'perRegion';
type LatestAnswer = 'no' | 'yes' | 'some';

export function regionSteps(lookups: Lookups): Record<'regions' | 'replicas' | 'storage' | 'latest', Step<State>> {
  const regionItems = async (s: State): Promise<PickEntry<string>[]> => {
    const source = normalizeRegionName(s.source!.location);
    const regions = await lookups.regions(s.definition!);
    const sorted = [...regions.filter((r) => r.name === source), ...regions.filter((r) => r.name !== source)];
    return sorted.map((r) => ({
      label: r.displayName,
      description: r.name === source ? `${r.name} · source region` : r.name,
      value: r.name,
      locked: r.name === source ? whyRegionCannotBeRemoved(r.name, source) : undefined,
    }));
  };
  const replicaPrompt = (s: State) =>
    (s.regions ?? []).length > 1
      ? `Replicas per region (1–100): one number for every region, or region=count pairs such as ${s.regions![0]}=2, ${s.regions![1]}=1 (regions not named get 1)`
      : `Replicas in ${s.regions?.[0] ?? 'the source region'} (1–100)`;
  const regionsOf = (s: State) => s.regions ?? [normalizeRegionName(s.source!.location)];
  const names = async (s: State): Promise<RegionChoice[]> => lookups.regions(s.definition!).catch(() => []);

  const storageStep: Step<State> = {
    title: 'Storage',
    async ask(s, prompter, header) {
      const many = regionsOf(s).length > 1;
      for (;;) {
        const perRegion = Object.keys(s.regionStorage ?? {}).length > 0;
        const items: PickEntry<StorageAnswer>[] = [...storageItems(regionsOf(s), await names(s))];
        if (many) items.push({ label: 'Different per region…', detail: 'Choose the storage type of each target region', value: 'perRegion' });
        const answer = await prompter.pick<StorageAnswer>({ ...header, placeholder: 'The storage type of the replicas', items, selected: [perRegion ? 'perRegion' : (s.storage ?? AZURE_DEFAULT)] });
        if (isNavigation(answer)) return answer;
        if (answer !== 'perRegion') {
          s.storage = answer;
          s.regionStorage = undefined;
          return undefined;
        }
        const chosen = await storagePerRegion(s, prompter, header, await names(s));
        if (chosen === 'back') continue;
        if (chosen === 'cancel') return CANCEL;
        return undefined;
      }
    },
  };

  const latestStep: Step<State> = {
    title: 'Latest',
    async ask(s, prompter, header) {
      const regions = regionsOf(s);
      for (;;) {
        const items: PickEntry<LatestAnswer>[] = [
          { label: 'No, keep it in "latest"', detail: 'VMs that ask for the latest version get this one when it is the highest', value: 'no' },
          { label: 'Yes, exclude it from "latest"', detail: 'Only VMs that name this version exactly get it', value: 'yes' },
        ];
        if (regions.length > 1) items.push({ label: 'Exclude it in some regions only…', detail: 'Pick the target regions where "latest" skips this version', value: 'some' });
        // The question the answers answer (issue 18: "Should VMs … get this one?" read backwards with "No, keep it").
        const current: LatestAnswer = s.excludeFromLatest ? 'yes' : s.excludedRegions?.length ? 'some' : 'no';
        const answer = await prompter.pick<LatestAnswer>({ ...header, placeholder: 'Exclude this version from "latest"? (VMs that ask for the latest version get the highest version not excluded)', items, selected: [current] });
        if (isNavigation(answer)) return answer;
        if (answer !== 'some') {
          s.excludeFromLatest = answer === 'yes';
          s.excludedRegions = undefined;
          return undefined;
        }
        const labels = await names(s);
        const picked = await prompter.pickMany<string>({
          ...header,
          title: `${header.title} — regions`,
          placeholder: 'Target regions where "latest" skips this version',
          items: regions.map((r) => ({ label: regionLabel(labels, r), value: r })),
          selected: s.excludedRegions ?? [],
        });
        if (isNavigation(picked)) {
          if (picked === CANCEL) return picked;
          continue;
        }
        s.excludeFromLatest = false;
        s.excludedRegions = picked.length ? picked : undefined;
        return undefined;
      }
    },
  };

  return {
    regions: pickManyStep<State, string>({
      title: 'Target regions',
      placeholder: 'Regions to replicate to (the source region is always included)',
      items: regionItems,
      get: (s) => s.regions,
      suggest: (s) => [normalizeRegionName(s.source!.location)],
      set: (s, picked) => {
        const source = normalizeRegionName(s.source!.location);
        s.regions = [source, ...picked.map(normalizeRegionName).filter((n) => n !== source)];
      },
    }),
    replicas: {
      title: 'Replicas',
      async ask(s, prompter, header) {
        const answer = await prompter.input({
          ...header,
          prompt: replicaPrompt(s),
          placeholder: 'e.g. 1',
          value: s.replicas ?? '1',
          validate: (v) => {
            const counts = parseReplicaCounts(v, s.regions ?? []);
            return typeof counts === 'string' ? counts : validateTargetRegions(buildTargets(s, counts), s.source!.location);
          },
        });
        if (isNavigation(answer)) return answer;
        s.replicas = answer.trim();
        return undefined;
      },
    },
    storage: storageStep,
    latest: latestStep,
  };
}

/** One pick per region; 'back' returns to the storage list, 'cancel' ends the flow. */
async function storagePerRegion(s: State, prompter: Prompter, header: StepHeader, labels: RegionChoice[]): Promise<'done' | 'back' | 'cancel'> {
  const regions = s.regions ?? [normalizeRegionName(s.source!.location)];
  const chosen: Record<string, StorageChoice> = {};
  for (let i = 0; i < regions.length; ) {
    const region = regions[i];
    const answer = await prompter.pick<StorageChoice>({
      ...header,
      title: `${header.title} — ${regionLabel(labels, region)}`,
      placeholder: `The storage type in ${regionLabel(labels, region)} (${i + 1} of ${regions.length})`,
      items: storageItems([region], labels),
      selected: [chosen[region] ?? storageIn(s, region)],
    });
    if (isNavigation(answer)) {
      if (answer === CANCEL) return 'cancel';
      if (i === 0) return 'back';
      i--;
      continue;
    }
    chosen[region] = answer;
    i++;
  }
  s.regionStorage = chosen;
  s.storage = undefined;
  return 'done';
}
