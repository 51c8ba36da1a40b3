// Update Image Version's answers, one per setting: the option it reads, how a value given there is
// checked, its before → after summary line, and its prompt (steps.ts for the regions). Reading the
// options object comes from them (ui/answers.ts); the rules across answers (the target list, the
// encryption of added regions, blocked deletion) are checked by index.ts on the whole.
import { validateEdgeZones } from '../../model/edgeZones';
import { validateEndOfLifeDate } from '../../model/endOfLife';
import { STORAGE_ACCOUNT_TYPES, normalizeRegionName, whyRegionCannotBeRemoved } from '../../model/replication';
import type { CurrentTarget } from '../../model/updateRules';
import { renamedOption, sameOption, type Answer } from '../../ui/answers';
import { endOfLifeAnswer, yesNoAnswer, type YesNoAnswerOptions } from '../../ui/commonAnswers';
import { LABELS, merged, shown, type Field, type State, type TargetRegionUpdate, type UpdateImageVersionOptions, type Values } from './fields';
import { edgeZoneSteps } from './edgeZones';
import { regionSteps, type StepContext } from './steps';

export type UpdateVersionAnswer = Answer<State, UpdateImageVersionOptions>;

/** The field an answer belongs to: the storage and encryption of added regions go with the regions. */
export const fieldOf = (key: keyof State): Field => (key === 'newStorage' || key === 'encryptionByRegion' || key === 'storageByRegion' ? 'regions' : (key as Field));

/** The target regions given, each as an object with its normalized name. */
const entriesOf = (o: UpdateImageVersionOptions): TargetRegionUpdate[] | undefined => o.targetRegions?.map((r) => (typeof r === 'string' ? { name: normalizeRegionName(r) } : { ...r, name: normalizeRegionName(r.name) }));

/** "now → after" for the summary. */
const change = (f: Field, current: Values) => (s: State) => `${shown(f, current)} → ${shown(f, merged(current, s))}`;

const none = { write: () => undefined };

type RegionKey = 'regions' | 'replicas' | 'newStorage' | 'encryptionByRegion' | 'regionLatest';

function regionAnswers(ctx: StepContext): UpdateVersionAnswer[] {
  const { source, currentTargets } = ctx;
  const steps = regionSteps(ctx);
  const countNow = (name: string) => currentTargets.find((t: CurrentTarget) => t.name === name)?.regionalReplicaCount;
  /** A part of the target regions: read from the regions given (`targetRegions`), asked with the regions. */
  const part = (key: RegionKey, label: string, read: (entries: TargetRegionUpdate[] | undefined, o: UpdateImageVersionOptions, s: State) => void, check?: UpdateVersionAnswer['check']): UpdateVersionAnswer => ({
    key,
    label,
    read: (o, s) => {
      read(entriesOf(o), o, s);
    },
    check,
    ...none,
    steps: [steps[key]],
  });
  const encryptionOf = (r: TargetRegionUpdate) => {
    const os = { ...(r.osDiskEncryptionSetId ? { diskEncryptionSetId: r.osDiskEncryptionSetId } : {}), ...(r.secureVMDiskEncryptionSetId ? { secureVMDiskEncryptionSetId: r.secureVMDiskEncryptionSetId } : {}) };
    return { ...(Object.keys(os).length > 0 ? { osDiskImage: os } : {}), ...(r.dataDiskEncryptionSetIds ? { dataDiskImages: r.dataDiskEncryptionSetIds } : {}) };
  };
  return [
    part(
      'regions',
      'Target regions',
      (entries, _o, s) => {
        s.regions = entries?.map((r) => r.name);
      },
      (s) => (s.regions!.includes(source) ? undefined : `${whyRegionCannotBeRemoved(source, source)} Add ${source} to the list.`),
    ),
    part('replicas', LABELS.replicas, (entries, o, s) => {
      if (!entries) {
        if (o.replicaCount !== undefined) s.replicas = String(o.replicaCount);
      } else if (o.replicaCount !== undefined || entries.some((r) => r.replicas !== undefined)) {
        s.replicas = entries.map((r) => `${r.name}=${r.replicas ?? o.replicaCount ?? countNow(r.name) ?? 1}`).join(', ');
      }
    }),
    part(
      'newStorage',
      'Storage type',
      (entries, o, s) => {
        s.newStorage = o.storageAccountType;
        const storage = (entries ?? []).filter((r) => r.storageAccountType !== undefined);
        if (storage.length > 0) s.storageByRegion = Object.fromEntries(storage.map((r) => [r.name, r.storageAccountType!]));
      },
      (s) => ((STORAGE_ACCOUNT_TYPES as readonly string[]).includes(s.newStorage!) ? undefined : `use ${STORAGE_ACCOUNT_TYPES.join(', ')}, or leave it out for Azure's default.`),
    ),
    part('encryptionByRegion', 'Encryption', (entries, _o, s) => {
      const encrypted = (entries ?? []).filter((r) => r.osDiskEncryptionSetId !== undefined || r.dataDiskEncryptionSetIds !== undefined || r.secureVMDiskEncryptionSetId !== undefined);
      if (encrypted.length > 0) s.encryptionByRegion = Object.fromEntries(encrypted.map((r) => [r.name, encryptionOf(r)]));
    }),
    part('regionLatest', LABELS.regionLatest, (entries, _o, s) => {
      if (entries?.some((r) => r.excludeFromLatest !== undefined)) s.regionLatest = entries.filter((r) => r.excludeFromLatest ?? currentTargets.find((t) => t.name === r.name)?.excludeFromLatest ?? false).map((r) => r.name);
    }),
  ];
}

type Setting = 'excludeFromLatest' | 'blockDeletion' | 'allowDeletion';

export function updateVersionAnswers(ctx: StepContext): UpdateVersionAnswer[] {
  const { current } = ctx;
  /** A yes/no setting: the option it is given as, the value now offered first, before → after in the summary. */
  const setting = (key: Setting, option: keyof UpdateImageVersionOptions & ('excludeFromLatest' | 'blockDeletionBeforeEndOfLife' | 'allowDeletionOfReplicatedLocations'), o: Pick<YesNoAnswerOptions<State, UpdateImageVersionOptions>, 'placeholder' | 'no' | 'yes'>) =>
    yesNoAnswer<State, UpdateImageVersionOptions>({
      key,
      label: LABELS[key],
      option: renamedOption<State, UpdateImageVersionOptions, Setting, typeof option>(key, option),
      suggest: () => current[key],
      summary: change(key, current),
      ...o,
    });
  const chose = (s: State, f: Field) => s.fields?.includes(f) ?? false;
  const eol = (s: State) => merged(current, s).endOfLifeDate;
  return [
    setting('excludeFromLatest', 'excludeFromLatest', {
      placeholder: 'Exclude this version from "latest"? (VMs that ask for the latest version get the highest version not excluded)',
      no: { label: 'No, keep it in "latest"', detail: 'VMs that ask for the latest version get this one when it is the highest' },
      yes: { label: 'Yes, exclude it from "latest"', detail: () => 'Only VMs that name this version exactly get it' },
    }),
    endOfLifeAnswer<State, UpdateImageVersionOptions>({
      label: LABELS.endOfLifeDate,
      prompt: `End-of-life date as YYYY-MM-DD, in the future (empty removes it) — now ${shown('endOfLifeDate', current)}`,
      emptyRemoves: true,
      suggest: () => current.endOfLifeDate,
      option: sameOption<State, UpdateImageVersionOptions, 'endOfLifeDate'>('endOfLifeDate', (v) => v?.trim()),
      also: (v, s) =>
        v.trim() === '' && current.blockDeletion && !chose(s, 'blockDeletion')
          ? 'Deletion is blocked until the end-of-life date, so it cannot be removed: type a date, or go Back, select "Block deletion before end of life" too and choose No.'
          : undefined,
      // Given up front, the date's own rule; blocked deletion is checked with the other answers.
      check: (s) => validateEndOfLifeDate(s.endOfLifeDate ?? '', new Date()),
      summary: change('endOfLifeDate', current),
    }),
    ...regionAnswers(ctx),
    {
      key: 'edgeZones',
      label: LABELS.edgeZones,
      read: (o, s) => {
        s.edgeZones = o.targetExtendedLocations?.map((e) => ({ ...e, name: normalizeRegionName(e.name) }));
      },
      check: (s) => validateEdgeZones(s.edgeZones!),
      ...none,
      // The summary line is edgeZoneSummary's (steps.ts): what is added, removed and changed.
      steps: edgeZoneSteps(ctx),
    },
    setting('blockDeletion', 'blockDeletionBeforeEndOfLife', {
      placeholder: 'Refuse to delete this version before its end-of-life date?',
      no: { label: 'No, allow deleting it any time' },
      yes: {
        label: 'Yes, block deleting it before its end of life',
        detail: (s) => (eol(s) ? `Until ${eol(s)}` : undefined),
        refusal: (s) => (eol(s) ? undefined : 'Blocking deletion needs an end-of-life date: go Back, select "End-of-life date" too and set one.'),
      },
    }),
    setting('allowDeletion', 'allowDeletionOfReplicatedLocations', {
      placeholder: 'May a later update remove regions this version is replicated to?',
      no: { label: 'No, refuse to remove replicated regions', detail: 'Azure refuses an update that drops a region until this is allowed' },
      yes: { label: 'Yes, allow removing replicated regions' },
    }),
  ];
}
