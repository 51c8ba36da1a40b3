// Update Image Version's answers, one per setting: the option it reads, how a value given there is
// checked, its before → after summary line, and its prompt (steps.ts for the regions). Reading the
// options object comes from them (ui/answers.ts); the rules across answers (the target list, the
// encryption of added regions, blocked deletion) are checked by index.ts on the whole.
import { validateEdgeZones } from '../../model/edgeZones';
import { validateEndOfLifeDate } from '../../model/endOfLife';
import { STORAGE_ACCOUNT_TYPES, normalizeRegionName, whyRegionCannotBeRemoved } from '../../model/replication';
import type { CurrentTarget } from '../../model/updateRules';
import { renamedOption, sameOption, type Answer } from '../../ui/answers';
import { endOfLifeAnswer, yesNoAnswer } from '../../ui/commonAnswers';
import { LABELS, merged, shown, type Field, type State, type TargetRegionUpdate, type UpdateImageVersionOptions, type Values } from './fields';
import { edgeZoneSteps } from './edgeZones';
import { regionSteps, type StepContext } from './steps';

export type UpdateVersionAnswer = Answer<State, UpdateImageVersionOptions>;

/** The field an answer belongs to: the storage and encryption of added regions go with the regions. */
export const fieldOf = (key: keyof State): Field => (key === 'newStorage' || key === 'encryptionByRegion' || key === 'storageByRegion' ? 'regions' : (key as Field));

const entriesOf = (o: UpdateImageVersionOptions): TargetRegionUpdate[] | undefined => o.targetRegions?.map((r) => (typeof r === 'string' ? { name: r } : r));

/** "now → after" for the summary. */
const change = (f: Field, current: Values) => (s: State) => `${shown(f, current)} → ${shown(f, merged(current, s))}`;

const none = { write: () => undefined };

function regionAnswers(ctx: StepContext): UpdateVersionAnswer[] {
  const { source, currentTargets } = ctx;
  const steps = regionSteps(ctx);
  const countNow = (name: string) => currentTargets.find((t: CurrentTarget) => t.name === name)?.regionalReplicaCount;
  return [
    {
      key: 'regions',
      label: 'Target regions',
      read: (o, s) => {
        const entries = entriesOf(o);
        if (entries) s.regions = entries.map((r) => normalizeRegionName(r.name));
      },
      check: (s) => (s.regions!.includes(source) ? undefined : `${whyRegionCannotBeRemoved(source, source)} Add ${source} to the list.`),
      ...none,
      steps: [steps.regions],
    },
    {
      key: 'replicas',
      label: LABELS.replicas,
      read: (o, s) => {
        const entries = entriesOf(o);
        if (!entries) {
          if (o.replicaCount !== undefined) s.replicas = String(o.replicaCount);
        } else if (o.replicaCount !== undefined || entries.some((r) => r.replicas !== undefined)) {
          s.replicas = entries.map((r) => `${normalizeRegionName(r.name)}=${r.replicas ?? o.replicaCount ?? countNow(normalizeRegionName(r.name)) ?? 1}`).join(', ');
        }
      },
      ...none,
      steps: [steps.replicas],
    },
    {
      key: 'newStorage',
      label: 'Storage type',
      read: (o, s) => {
        s.newStorage = o.storageAccountType;
        const storage = (entriesOf(o) ?? []).filter((r) => r.storageAccountType !== undefined);
        if (storage.length > 0) s.storageByRegion = Object.fromEntries(storage.map((r) => [normalizeRegionName(r.name), r.storageAccountType!]));
      },
      check: (s) => ((STORAGE_ACCOUNT_TYPES as readonly string[]).includes(s.newStorage!) ? undefined : `use ${STORAGE_ACCOUNT_TYPES.join(', ')}, or leave it out for Azure's default.`),
      ...none,
      steps: [steps.newStorage],
    },
    {
      key: 'encryptionByRegion',
      label: 'Encryption',
      read: (o, s) => {
        const encrypted = (entriesOf(o) ?? []).filter((r) => r.osDiskEncryptionSetId !== undefined || r.dataDiskEncryptionSetIds !== undefined || r.secureVMDiskEncryptionSetId !== undefined);
        if (encrypted.length === 0) return;
        s.encryptionByRegion = Object.fromEntries(
          encrypted.map((r) => {
            const os = { ...(r.osDiskEncryptionSetId ? { diskEncryptionSetId: r.osDiskEncryptionSetId } : {}), ...(r.secureVMDiskEncryptionSetId ? { secureVMDiskEncryptionSetId: r.secureVMDiskEncryptionSetId } : {}) };
            return [normalizeRegionName(r.name), { ...(Object.keys(os).length > 0 ? { osDiskImage: os } : {}), ...(r.dataDiskEncryptionSetIds ? { dataDiskImages: r.dataDiskEncryptionSetIds } : {}) }];
          }),
        );
      },
      ...none,
      steps: [steps.encryptionByRegion],
    },
    {
      key: 'regionLatest',
      label: LABELS.regionLatest,
      read: (o, s) => {
        const entries = entriesOf(o);
        if (!entries?.some((r) => r.excludeFromLatest !== undefined)) return;
        s.regionLatest = entries.filter((r) => r.excludeFromLatest ?? currentTargets.find((t) => t.name === normalizeRegionName(r.name))?.excludeFromLatest ?? false).map((r) => normalizeRegionName(r.name));
      },
      ...none,
      steps: [steps.regionLatest],
    },
  ];
}

export function updateVersionAnswers(ctx: StepContext): UpdateVersionAnswer[] {
  const { current } = ctx;
  const chose = (s: State, f: Field) => s.fields?.includes(f) ?? false;
  const eol = (s: State) => merged(current, s).endOfLifeDate;
  return [
    yesNoAnswer<State, UpdateImageVersionOptions>({
      key: 'excludeFromLatest',
      label: LABELS.excludeFromLatest,
      placeholder: 'Exclude this version from "latest"? (VMs that ask for the latest version get the highest version not excluded)',
      suggest: () => current.excludeFromLatest,
      no: { label: 'No, keep it in "latest"', detail: 'VMs that ask for the latest version get this one when it is the highest' },
      yes: { label: 'Yes, exclude it from "latest"', detail: () => 'Only VMs that name this version exactly get it' },
      summary: change('excludeFromLatest', current),
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
    yesNoAnswer<State, UpdateImageVersionOptions>({
      key: 'blockDeletion',
      label: LABELS.blockDeletion,
      option: renamedOption<State, UpdateImageVersionOptions, 'blockDeletion', 'blockDeletionBeforeEndOfLife'>('blockDeletion', 'blockDeletionBeforeEndOfLife'),
      placeholder: 'Refuse to delete this version before its end-of-life date?',
      suggest: () => current.blockDeletion,
      no: { label: 'No, allow deleting it any time' },
      yes: {
        label: 'Yes, block deleting it before its end of life',
        detail: (s) => (eol(s) ? `Until ${eol(s)}` : undefined),
        refusal: (s) => (eol(s) ? undefined : 'Blocking deletion needs an end-of-life date: go Back, select "End-of-life date" too and set one.'),
      },
      summary: change('blockDeletion', current),
    }),
    yesNoAnswer<State, UpdateImageVersionOptions>({
      key: 'allowDeletion',
      label: LABELS.allowDeletion,
      option: renamedOption<State, UpdateImageVersionOptions, 'allowDeletion', 'allowDeletionOfReplicatedLocations'>('allowDeletion', 'allowDeletionOfReplicatedLocations'),
      placeholder: 'May a later update remove regions this version is replicated to?',
      suggest: () => current.allowDeletion,
      no: { label: 'No, refuse to remove replicated regions', detail: 'Azure refuses an update that drops a region until this is allowed' },
      yes: { label: 'Yes, allow removing replicated regions' },
      summary: change('allowDeletion', current),
    }),
  ];
}
