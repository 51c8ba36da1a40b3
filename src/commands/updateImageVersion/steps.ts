// Update Image Version's wizard steps: pick what to change, then one step per value, then the
// before → after summary, which is the confirmation.
import { normalizeRegionName } from '../../model/replication';
import { regionsAndReplicasSteps } from '../../ui/regionsAndReplicas';
import { storageTypeItems } from '../../ui/storageTypes';
import { describeTargetChanges, hasTargetChanges, targetChanges, type CurrentTarget } from '../../model/updateRules';
import type { DiskEncryptionSetInfo } from '../../azure/writeTypes';
import type { RegionEncryption } from '../../model/versionContent';
import { askedSteps, summaryLines } from '../../ui/answers';
import { asCodeEntries, isAsCodeChoice, type AsCodeChoice } from '../../ui/asCodeItems';
import { CANCEL, isNavigation, pickManyStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { fieldOf, type UpdateVersionAnswer } from './answers';
import type { RegionChoice } from '../createCommon';
import { edgeZoneSummary, type EdgeZoneContext } from './edgeZones';
import { FIELDS, LABELS, merged, needsEncryption, shown, targetsOf, type EncryptedDisks, type Field, type State, type Values } from './fields';

export interface StepContext extends EdgeZoneContext {
  versionName: string;
  /** The disks encrypted with the user's keys in the regions the version has (added regions need the same). */
  encrypted: EncryptedDisks;
  /** The subscription's disk encryption sets, listed when the version is encrypted. */
  encryptionSets: () => Promise<DiskEncryptionSetInfo[]>;
  current: Values;
  currentTargets: readonly CurrentTarget[];
  source: string;
  regionChoices: readonly RegionChoice[];
  /** Copies what the changes would send as code (the summary's "Copy as …"). */
  asCode?: (state: State, choice: AsCodeChoice) => Promise<unknown>;
}

const chose = (s: State, f: Field) => s.fields?.includes(f) ?? false;

export function regionLabelIn(ctx: StepContext, name: string): string {
  return ctx.regionChoices.find((r) => r.name === name)?.displayName ?? name;
}

function addedRegions(ctx: StepContext, s: State): string[] {
  return merged(ctx.current, s).regions.map(normalizeRegionName).filter((r) => !ctx.currentTargets.some((t) => t.name === r));
}

/**
 * A disk encrypted with the user's key in the regions the version has must be encrypted in an added
 * region too (Azure: "A disk encryption set is required for disk … in target region …"): one set
 * per added region, from the sets in that region, for every such disk; and for a confidential
 * version whose VM guest state is kept with the user's key (EncryptedWithCmk), that key's set there.
 */
function addedEncryptionStep(ctx: StepContext): Step<State> {
  const e = ctx.encrypted;
  const disks = [e.os ? 'the OS disk' : '', ...e.luns.map((l) => `LUN ${l}`)].filter(Boolean).join(', ');
  const kinds: ('disks' | 'confidential')[] = [...(e.os || e.luns.length > 0 ? ['disks' as const] : []), ...(e.confidentialSet ? ['confidential' as const] : [])];
  return {
    title: 'Encryption in the added regions',
    when: (s) => chose(s, 'regions') && addedRegions(ctx, s).length > 0 && needsEncryption(e),
    async ask(state, prompter, header) {
      const sets = await ctx.encryptionSets();
      const questions = addedRegions(ctx, state).flatMap((region) => kinds.map((kind) => ({ region, kind })));
      const chosen: Record<string, RegionEncryption> = {};
      for (let i = 0; i < questions.length; ) {
        const { region, kind } = questions[i]!;
        const what = kind === 'disks' ? disks : "the confidential VM's key";
        const here = sets.filter((set) => normalizeRegionName(set.location) === region);
        const items: PickEntry<string>[] = here.map((set) => ({ label: set.name, description: `${set.resourceGroup}${set.encryptionType ? ` · ${set.encryptionType}` : ''}`, value: set.id }));
        if (here.length === 0) {
          items.push({ label: `No disk encryption set in ${regionLabelIn(ctx, region)}`, value: '', refusal: `Create a disk encryption set in ${region} first (Azure encrypts with a set of the region), or go Back and leave ${region} out.` });
        }
        const previous = state.encryptionByRegion?.[region]?.osDiskImage;
        const before = kind === 'confidential' ? previous?.secureVMDiskEncryptionSetId : (previous?.diskEncryptionSetId ?? state.encryptionByRegion?.[region]?.dataDiskImages?.[0]?.diskEncryptionSetId);
        const answer = await prompter.pick<string>({
          ...header,
          title: `${header.title} — ${regionLabelIn(ctx, region)}`,
          placeholder: `The disk encryption set for ${what} in ${regionLabelIn(ctx, region)}, as in the version's other regions`,
          items,
          selected: before ? [before] : [],
        });
        if (answer === CANCEL) return CANCEL;
        if (isNavigation(answer)) {
          if (i === 0) return answer;
          i--;
          continue;
        }
        const r = chosen[region] ?? {};
        chosen[region] =
          kind === 'confidential'
            ? { ...r, osDiskImage: { ...r.osDiskImage, secureVMDiskEncryptionSetId: answer } }
            : {
                ...r,
                ...(e.os ? { osDiskImage: { ...r.osDiskImage, diskEncryptionSetId: answer } } : {}),
                ...(e.luns.length > 0 ? { dataDiskImages: e.luns.map((lun) => ({ lun, diskEncryptionSetId: answer })) } : {}),
              };
        i++;
      }
      state.encryptionByRegion = chosen;
      return undefined;
    },
  };
}

export function regionSteps(ctx: StepContext): Record<'regions' | 'replicas' | 'newStorage' | 'encryptionByRegion' | 'regionLatest', Step<State>> {
  const { current, currentTargets, source } = ctx;
  const { regions, replicas } = regionsAndReplicasSteps<State>({
    titles: { regions: LABELS.regions, replicas: LABELS.replicas },
    placeholder: `Regions to replicate to (${source}, the source region, always stays; unselecting a region deletes its replicas)`,
    source: () => source,
    offers: () =>
      [...new Set([source, ...currentTargets.map((t) => t.name), ...ctx.regionChoices.map((r) => r.name)])].map((n) => {
        const now = currentTargets.find((t) => t.name === n);
        return { name: n, label: regionLabelIn(ctx, n), description: now ? `${n} · replicated now${now.storageAccountType ? ` · ${now.storageAccountType}` : ''}` : n };
      }),
    getRegions: (s) => s.regions ?? current.regions,
    setRegions: (s, names) => (s.regions = names),
    targets: (s) => merged(current, s).regions,
    onlyRegion: () => source,
    unnamed: 'keep their count',
    getReplicas: (s) => s.replicas ?? current.replicas,
    setReplicas: (s, text) => (s.replicas = text),
    validateReplicas: (v, s) => {
      const t = targetsOf(current, { ...s, replicas: v.trim() }, currentTargets, source, ctx.encrypted.confidential);
      return typeof t === 'string' ? t : undefined;
    },
    when: { regions: (s) => chose(s, 'regions'), replicas: (s) => chose(s, 'replicas') || chose(s, 'regions') },
  });
  return {
    regions,
    replicas,
    newStorage: pickStep<State, string>({
      title: 'Storage for the added regions',
      placeholder: (s) => `Storage type of the replicas in ${addedRegions(ctx, s).join(', ')} (Azure cannot change it later)`,
      when: (s) => chose(s, 'regions') && addedRegions(ctx, s).length > 0 && s.storageByRegion === undefined,
      items: (s) =>
        storageTypeItems<string>(addedRegions(ctx, s), ctx.regionChoices, {
          value: '',
          detail: "Send no storage type: Azure uses the version's own default type if it set one, else Standard_ZRS where the region has availability zones and Standard_LRS where it has none",
        }),
      get: (s) => s.newStorage ?? current.newStorage,
      set: (s, v) => {
        s.newStorage = v;
      },
    }),
    encryptionByRegion: addedEncryptionStep(ctx),
    regionLatest: pickManyStep<State, string>({
      title: LABELS.regionLatest,
      placeholder: 'Select the regions where VMs asking for "latest" should skip this version (none selected: no region skips it)',
      when: (s) => chose(s, 'regionLatest'),
      items: (s) => merged(current, s).regions.map((n) => ({ label: regionLabelIn(ctx, n), description: n, value: normalizeRegionName(n) })),
      get: (s) => s.regionLatest ?? current.regionLatest,
      set: (s, v) => (s.regionLatest = v),
    }),
  };
}

function summaryStep(ctx: StepContext, answers: readonly UpdateVersionAnswer[]): Step<State> {
  const { current, currentTargets, source } = ctx;
  return pickStep<State, 'save' | 'line' | AsCodeChoice>({
    title: 'Summary',
    placeholder: 'Pick Save, or pick a line to change its value',
    items: async (s): Promise<PickEntry<'save' | 'line' | AsCodeChoice>[]> => {
      const t = targetsOf(current, s, currentTargets, source, ctx.encrypted.confidential);
      const changes = typeof t === 'string' ? undefined : targetChanges(currentTargets, t);
      const replicates = changes !== undefined && changes.added.length + changes.removed.length + changes.counts.length > 0;
      const entries: PickEntry<'save' | 'line' | AsCodeChoice>[] = [
        { label: `$(check) Save changes to ${ctx.versionName}`, detail: replicates ? 'Azure replicates in the background; the tree shows the progress' : undefined, value: 'save' },
        { separator: 'Before → after' },
      ];
      // The settings picked, before → after; the regions and replicas as one line of changes.
      entries.push(...(await summaryLines(answers.filter((a) => !TARGET_FIELDS.includes(a.key as Field) && chose(s, a.key as Field)), s, 'line' as const)));
      if (changes && hasTargetChanges(changes)) {
        entries.push({
          label: changes.removed.length > 0 ? '$(warning) Target regions' : 'Target regions',
          description: describeTargetChanges(changes),
          value: 'line',
          goTo: s.fields?.includes('regions') ? LABELS.regions : LABELS.replicas,
        });
      }
      const edge = edgeZoneSummary(ctx, s);
      if (edge) entries.push(edge);
      entries.push(...asCodeEntries());
      return entries;
    },
    get: () => 'save',
    set: async (s, choice) => (isAsCodeChoice(choice) ? ctx.asCode?.(s, choice).then(() => 'again' as const) : undefined),
  });
}

/** The fields whose changes show as a line of their own: the regions and replicas as one, the edge zones. */
const TARGET_FIELDS: readonly Field[] = ['regions', 'replicas', 'regionLatest', 'edgeZones'];

export function updateVersionSteps(ctx: StepContext, answers: readonly UpdateVersionAnswer[]): Step<State>[] {
  const { current } = ctx;
  return [
    pickManyStep<State, Field>({
      title: 'What to change',
      placeholder: `Select what to change on ${ctx.versionName} (its source cannot change)`,
      items: () => FIELDS.map((f) => ({ label: LABELS[f], description: shown(f, current), value: f })),
      get: (s) => s.fields,
      set: (s, v) => (s.fields = v),
    }),
    // Each value is asked when its field was picked (the storage and encryption of added regions with the regions).
    ...askedSteps(answers, (key, s) => chose(s, fieldOf(key)) || (key === 'replicas' && chose(s, 'regions'))),
    summaryStep(ctx, answers),
  ];
}
