// Target regions, replicas, and per region: storage type and exclusion from "latest".
import { AZURE_DEFAULT_STORAGE, normalizeRegionName, validateTargetRegions } from '../../model/replication';
import { regionsAndReplicasSteps } from '../../ui/regionsAndReplicas';
import { storageTypeItems } from '../../ui/storageTypes';
import { parseReplicaCounts } from '../../ui/answerText';
import { CANCEL, isNavigation, type PickEntry, type Prompter, type Step, type StepHeader } from '../../ui/wizard';
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

  const { regions, replicas } = regionsAndReplicasSteps<State>({
    titles: { regions: 'Target regions', replicas: 'Replicas' },
    placeholder: 'Regions to replicate to (the source region is always included)',
    source: (s) => s.source!.location,
    offers: async (s) => (await lookups.regions(s.definition!)).map((r) => ({ name: r.name, label: r.displayName })),
    getRegions: (s) => s.regions,
    suggestRegions: (s) => [normalizeRegionName(s.source!.location)],
    setRegions: (s, picked) => (s.regions = picked),
    targets: (s) => s.regions ?? [],
    onlyRegion: () => 'the source region',
    unnamed: 'get 1',
    replicasPlaceholder: 'e.g. 1',
    getReplicas: (s) => s.replicas ?? '1',
    setReplicas: (s, text) => (s.replicas = text),
    validateReplicas: (v, s) => {
      const counts = parseReplicaCounts(v, s.regions ?? []);
      return typeof counts === 'string' ? counts : validateTargetRegions(buildTargets(s, counts), s.source!.location);
    },
  });

  return {
    regions,
    replicas,
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
