// Update Image Version: what Azure lets change after creation — exclude from latest, the
// end-of-life date, the target regions and their replica counts (the source region always stays),
// and the block on deleting it before its end of life. What to change → each value → summary →
// update. A change of regions or replicas replicates for minutes: like Create Image Version, it is
// submitted and then followed in the background (notification and tree); other changes finish in
// seconds, shown with a progress notification.
import type { ImageVersion } from '../azure/types';
import type { ImageVersionChanges } from '../azureChunk';
import { isoDay, parseIsoDate, validateEndOfLifeDate } from '../model/endOfLife';
import { normalizeRegionName, validateTargetRegions, whyRegionCannotBeRemoved, type StorageAccountType } from '../model/replication';
import { describeTargetChanges, hasTargetChanges, replicaText, targetChanges, updatedTargets } from '../model/updateRules';
import type { Explorer } from '../tree/explorer';
import type { ImageVersionNode } from '../tree/nodes/imageVersionNode';
import { parseReplicaCounts, replicasIn } from '../ui/answerText';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { inputStep, pickManyStep, pickStep, runWizard, type PickEntry, type Step } from '../ui/wizard';
import { pollIntervalMs, type RegionChoice } from './createCommon';
import type { VersionCreations } from './createVersionProgress';
import { failureMessage } from '../ui/failures';
import { prompterFor, resolveNode, splitArgs, targetOf, withProgress, type ManageOptions } from './manageCommon';

export const UPDATE_VERSION_COMMAND = 'azureComputeGallery.updateImageVersion';
const TITLE = 'Update Image Version';

export interface TargetRegionUpdate {
  name: string;
  replicas?: number;
}

export interface UpdateImageVersionOptions extends ManageOptions {
  /** The image version's resource id. */
  version?: string;
  excludeFromLatest?: boolean;
  /** YYYY-MM-DD (or a zoned ISO date-time) in the future; "" removes it. */
  endOfLifeDate?: string;
  /** The whole new list of target regions; the version's own (source) region must stay in it. */
  targetRegions?: (string | TargetRegionUpdate)[];
  /** Replicas in every region not given its own count (default: what the region has now, or 1). */
  replicaCount?: number;
  /** Block deleting the version before its end-of-life date (needs an end-of-life date). */
  blockDeletionBeforeEndOfLife?: boolean;
}

const FIELDS = ['excludeFromLatest', 'endOfLifeDate', 'regions', 'replicas', 'blockDeletion'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = {
  excludeFromLatest: 'Exclude from latest',
  endOfLifeDate: 'End-of-life date',
  regions: 'Target regions',
  replicas: 'Replicas per region',
  blockDeletion: 'Block deletion before end of life',
};

interface State {
  fields?: Field[];
  excludeFromLatest?: boolean;
  endOfLifeDate?: string;
  regions?: string[];
  replicas?: string;
  blockDeletion?: boolean;
}

export async function updateImageVersion(explorer: Explorer, creations: VersionCreations, ...args: unknown[]): Promise<ImageVersion | undefined> {
  const { node: given, options } = splitArgs<UpdateImageVersionOptions>(args, ['imageVersion']);
  const node = (await resolveNode(explorer, given, options.version, ['imageVersion'], TITLE)) as ImageVersionNode | undefined;
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = targetOf(node);
  const v0 = node.version;
  const what = `image version ${v0.name} of ${node.parent.image.name}`;

  let version: ImageVersion;
  let safety: { allowDeletionOfReplicatedLocations: boolean; blockDeletionBeforeEndOfLife: boolean };
  let regionChoices: RegionChoice[];
  try {
    [version, safety, regionChoices] = await Promise.all([
      azure.getImageVersion(target, v0.id, false),
      azure.getImageVersionSafety(target, v0.id),
      azure.listLocations(target.cloud, target.credential, target.userAgent, target.subscriptionId).catch(() => [] as RegionChoice[]),
    ]);
  } catch (error) {
    logFailure(`${TITLE} ${v0.id}`, error);
    void notify('error', failureMessage(`read ${what}`, error));
    return undefined;
  }
  const source = normalizeRegionName(version.location);
  const currentTargets = version.targetRegions.map((t) => ({ name: normalizeRegionName(t.name), regionalReplicaCount: t.regionalReplicaCount, storageAccountType: t.storageAccountType }));
  const current: Required<Omit<State, 'fields'>> = {
    excludeFromLatest: version.excludeFromLatest,
    endOfLifeDate: version.endOfLifeDate ? isoDay(version.endOfLifeDate) : '',
    regions: currentTargets.map((t) => t.name),
    replicas: replicaText(currentTargets),
    blockDeletion: safety.blockDeletionBeforeEndOfLife,
  };
  const merged = (s: State) => ({ ...current, ...Object.fromEntries(Object.entries(s).filter(([k, val]) => k !== 'fields' && val !== undefined)) }) as typeof current;
  /** The target list a state means, or a sentence saying what to fix. */
  const targetsOf = (s: State) => {
    const m = merged(s);
    const regions = [source, ...m.regions.map(normalizeRegionName).filter((r) => r !== source)];
    const counts = parseReplicaCounts(m.replicas, regions);
    if (typeof counts === 'string') return counts;
    // A plain number applies to every region; pairs name some, and the others keep what they have.
    const pairs = /=|:/.test(m.replicas);
    const replicasOf = (r: string) => (pairs && !counts.byRegion.has(r) ? (currentTargets.find((t) => t.name === r)?.regionalReplicaCount ?? 1) : replicasIn(counts, r));
    const list = updatedTargets(currentTargets, regions, replicasOf, source, version.storageAccountType);
    return validateTargetRegions(list, source) ?? list;
  };
  const regionLabel = (name: string) => regionChoices.find((r) => r.name === name)?.displayName ?? name;
  const shown = (f: Field, v: typeof current): string => {
    switch (f) {
      case 'excludeFromLatest':
        return v.excludeFromLatest ? 'Yes' : 'No';
      case 'endOfLifeDate':
        return v.endOfLifeDate || '(none)';
      case 'regions':
        return v.regions.join(', ');
      case 'replicas':
        return v.replicas;
      case 'blockDeletion':
        return v.blockDeletion ? 'Yes' : 'No';
    }
  };

  // Values given up front: checked before anything is asked or sent.
  const state: State = {};
  const problems: string[] = [];
  const givenFields: Field[] = [];
  if (options.excludeFromLatest !== undefined) {
    state.excludeFromLatest = options.excludeFromLatest;
    givenFields.push('excludeFromLatest');
  }
  if (options.endOfLifeDate !== undefined) {
    const problem = validateEndOfLifeDate(options.endOfLifeDate.trim(), new Date());
    if (problem) problems.push(`End-of-life date: ${problem}`);
    state.endOfLifeDate = options.endOfLifeDate.trim();
    givenFields.push('endOfLifeDate');
  }
  if (options.targetRegions !== undefined) {
    const names = options.targetRegions.map((r) => normalizeRegionName(typeof r === 'string' ? r : r.name));
    if (!names.includes(source)) problems.push(`Target regions: ${whyRegionCannotBeRemoved(source, source)} Add ${source} to the list.`);
    state.regions = names;
    givenFields.push('regions');
    const counts = options.targetRegions.map((r) => (typeof r === 'string' ? undefined : r.replicas));
    if (options.replicaCount !== undefined || counts.some((c) => c !== undefined)) {
      state.replicas = names.map((n, i) => `${n}=${counts[i] ?? options.replicaCount ?? currentTargets.find((t) => t.name === n)?.regionalReplicaCount ?? 1}`).join(', ');
      givenFields.push('replicas');
    }
  } else if (options.replicaCount !== undefined) {
    state.replicas = String(options.replicaCount);
    givenFields.push('replicas');
  }
  if (options.blockDeletionBeforeEndOfLife !== undefined) {
    state.blockDeletion = options.blockDeletionBeforeEndOfLife;
    givenFields.push('blockDeletion');
  }
  if (givenFields.includes('regions') || givenFields.includes('replicas')) {
    const t = targetsOf(state);
    if (typeof t === 'string' && problems.length === 0) problems.push(`Target regions: ${t}`);
  }
  const blockProblem = (s: State) => (merged(s).blockDeletion && !merged(s).endOfLifeDate ? 'Blocking deletion before the end of life needs an end-of-life date: set one too.' : undefined);
  if (givenFields.length > 0 && blockProblem(state)) problems.push(blockProblem(state)!);
  if (problems.length > 0) {
    void notify('error', `${TITLE}: fix these values, nothing was changed. ${problems.join(' ')}`);
    return undefined;
  }

  if (givenFields.length === 0) {
    const regionItems = async (): Promise<PickEntry<string>[]> => {
      const names = [...new Set([source, ...currentTargets.map((t) => t.name), ...regionChoices.map((r) => r.name)])];
      return names.map((n) => ({
        label: regionLabel(n),
        description: n === source ? `${n} · source region` : currentTargets.some((t) => t.name === n) ? `${n} · replicated now` : n,
        value: n,
        locked: n === source ? whyRegionCannotBeRemoved(n, source) : undefined,
      }));
    };
    const steps: Step<State>[] = [
      pickManyStep<State, Field>({
        title: 'What to change',
        placeholder: `Select what to change on ${v0.name} (its source cannot change)`,
        items: () => FIELDS.map((f) => ({ label: LABELS[f], description: shown(f, current), value: f })),
        get: (s) => s.fields,
        set: (s, v) => (s.fields = v),
      }),
      pickStep<State, boolean>({
        title: LABELS.excludeFromLatest,
        placeholder: 'Should VMs that ask for the "latest" version get this one?',
        when: (s) => s.fields?.includes('excludeFromLatest') ?? false,
        items: () => [
          { label: 'No, keep it in "latest"', detail: 'VMs that ask for the latest version get this one when it is the highest', value: false },
          { label: 'Yes, exclude it from "latest"', detail: 'Only VMs that name this version exactly get it', value: true },
        ],
        get: (s) => s.excludeFromLatest ?? current.excludeFromLatest,
        set: (s, v) => {
          s.excludeFromLatest = v;
        },
      }),
      inputStep<State>({
        title: LABELS.endOfLifeDate,
        prompt: `End-of-life date as YYYY-MM-DD, in the future (empty removes it) — now ${shown('endOfLifeDate', current)}`,
        placeholder: 'e.g. 2030-12-31',
        when: (s) => s.fields?.includes('endOfLifeDate') ?? false,
        get: (s) => s.endOfLifeDate ?? current.endOfLifeDate,
        set: (s, v) => (s.endOfLifeDate = v.trim()),
        validate: (v, s) =>
          validateEndOfLifeDate(v.trim(), new Date()) ??
          (v.trim() === '' && current.blockDeletion && !(s.fields?.includes('blockDeletion') ?? false)
            ? 'Deletion is blocked until the end-of-life date, so it cannot be removed: type a date, or go Back, select "Block deletion before end of life" too and choose No.'
            : undefined),
      }),
      pickManyStep<State, string>({
        title: LABELS.regions,
        placeholder: `Regions to replicate to (${source}, the source region, always stays; unselecting a region deletes its replicas)`,
        when: (s) => s.fields?.includes('regions') ?? false,
        items: regionItems,
        get: (s) => s.regions ?? current.regions,
        set: (s, names) => (s.regions = [source, ...names.map(normalizeRegionName).filter((n) => n !== source)]),
      }),
      inputStep<State>({
        title: LABELS.replicas,
        prompt: (s) => {
          const regions = merged(s).regions;
          return regions.length > 1
            ? `Replicas per region (1–100): one number for every region, or region=count pairs such as ${regions[0]}=2, ${regions[1]}=1 (regions not named keep their count)`
            : `Replicas in ${regions[0] ?? source} (1–100)`;
        },
        when: (s) => (s.fields?.includes('replicas') ?? false) || (s.fields?.includes('regions') ?? false),
        get: (s) => s.replicas ?? current.replicas,
        set: (s, v) => (s.replicas = v.trim()),
        validate: (v, s) => {
          const t = targetsOf({ ...s, replicas: v.trim() });
          return typeof t === 'string' ? t : undefined;
        },
      }),
      pickStep<State, boolean>({
        title: LABELS.blockDeletion,
        placeholder: 'Refuse to delete this version before its end-of-life date?',
        when: (s) => s.fields?.includes('blockDeletion') ?? false,
        items: (s) => [
          { label: 'No, allow deleting it any time', value: false },
          {
            label: 'Yes, block deleting it before its end of life',
            detail: merged(s).endOfLifeDate ? `Until ${merged(s).endOfLifeDate}` : undefined,
            value: true,
            refusal: merged(s).endOfLifeDate ? undefined : 'Blocking deletion needs an end-of-life date: go Back, select "End-of-life date" too and set one.',
          },
        ],
        get: (s) => s.blockDeletion ?? current.blockDeletion,
        set: (s, v) => {
          s.blockDeletion = v;
        },
      }),
      pickStep<State, 'save' | 'line'>({
        title: 'Summary',
        placeholder: 'Pick Save, or go Back to change a value',
        items: (s): PickEntry<'save' | 'line'>[] => {
          const t = targetsOf(s);
          const changes = typeof t === 'string' ? undefined : targetChanges(currentTargets, t);
          const entries: PickEntry<'save' | 'line'>[] = [
            {
              label: `$(check) Save changes to ${v0.name}`,
              detail: changes && hasTargetChanges(changes) ? 'Azure replicates in the background; the tree shows the progress' : undefined,
              value: 'save',
            },
            { separator: 'Before → after' },
          ];
          for (const f of s.fields ?? []) {
            if (f === 'regions' || f === 'replicas') continue;
            entries.push({ label: LABELS[f], description: `${shown(f, current)} → ${shown(f, merged(s))}`, value: 'line', refusal: `To change the ${LABELS[f].toLowerCase()}, go Back to its step.` });
          }
          if (changes && hasTargetChanges(changes)) {
            entries.push({
              label: changes.removed.length > 0 ? '$(warning) Target regions' : 'Target regions',
              description: describeTargetChanges(changes),
              value: 'line',
              refusal: 'To change the regions or replicas, go Back to their steps.',
            });
          }
          return entries;
        },
        get: () => 'save',
        set: () => undefined,
      }),
    ];
    for (;;) {
      if (!(await runWizard(`${TITLE}: ${v0.name}`, steps, state, prompterFor(options)))) return undefined;
      if ((state.fields ?? []).length > 0 && !blockProblem(state)) break;
    }
  }

  const after = merged(state);
  const targets = targetsOf(state);
  if (typeof targets === 'string') return undefined; // checked above and while typing
  const regionChanges = targetChanges(currentTargets, targets);
  const changes: ImageVersionChanges = {};
  if (after.excludeFromLatest !== current.excludeFromLatest) changes.excludeFromLatest = after.excludeFromLatest;
  if (after.endOfLifeDate !== current.endOfLifeDate) changes.endOfLifeDate = after.endOfLifeDate ? parseIsoDate(after.endOfLifeDate) ?? null : null;
  if (after.blockDeletion !== current.blockDeletion) changes.blockDeletionBeforeEndOfLife = after.blockDeletion;
  const replicate = hasTargetChanges(regionChanges);
  if (replicate) {
    changes.targetRegions = targets.map((t) => ({ name: t.name, regionalReplicaCount: t.regionalReplicaCount, storageAccountType: t.storageAccountType as StorageAccountType }));
    // Azure refuses to drop a replicated region unless the version allows it.
    if (regionChanges.removed.length > 0 && !safety.allowDeletionOfReplicatedLocations) changes.allowDeletionOfReplicatedLocations = true;
  }
  if (Object.keys(changes).length === 0) {
    void notify('info', `${v0.name} already has these values: nothing was sent.`);
    return version;
  }
  if (regionChanges.removed.length > 0 && !options.confirmed) {
    const ok = await prompterFor(options).confirm({
      message: `Remove ${regionChanges.removed.join(', ')} from ${what}?`,
      detail: `Azure deletes the version's replicas in ${regionChanges.removed.map(regionLabel).join(', ')}: VMs there can no longer be created from it (existing VMs keep running). ${
        changes.allowDeletionOfReplicatedLocations ? "The version's safety profile is changed to allow removing replicated regions. " : ''
      }Adding a region back later copies the image again.`,
      confirmLabel: 'Remove Regions',
    });
    if (!ok) return undefined;
  }
  const definition = node.parent;
  try {
    if (replicate) {
      const updated = await withProgress(`Submitting the update of ${v0.name}`, () => azure.startImageVersionUpdate(target, v0.id, changes));
      log().info(`${TITLE}: ${v0.id} submitted (${describeTargetChanges(regionChanges)})`);
      await creations.track({ id: v0.id, subscriptionId: target.subscriptionId, startedAt: new Date().toISOString() }, target);
      node.update(updated);
      explorer.refresh(node);
      explorer.watchReplication(node);
      return updated;
    }
    const updated = await withProgress(`Updating ${what}`, () => azure.updateImageVersion(target, v0.id, changes, { pollIntervalMs: pollIntervalMs() }));
    log().info(`${TITLE}: ${v0.id} ${Object.keys(changes).join(', ')}`);
    node.update(updated);
    explorer.reload(definition); // "latest" may move to another version
    void notify('info', `Updated ${what}: ${(Object.keys(changes) as (keyof ImageVersionChanges)[]).map((k) => describeChange(k, changes)).join('; ')}.`);
    return updated;
  } catch (error) {
    logFailure(`${TITLE} ${v0.id}`, error);
    void notify('error', failureMessage(`update ${what}`, error));
    return undefined;
  }
}

function describeChange(key: keyof ImageVersionChanges, c: ImageVersionChanges): string {
  switch (key) {
    case 'excludeFromLatest':
      return c.excludeFromLatest ? 'excluded from latest' : 'back in latest';
    case 'endOfLifeDate':
      return c.endOfLifeDate ? `end of life ${isoDay(c.endOfLifeDate)}` : 'no end of life';
    case 'blockDeletionBeforeEndOfLife':
      return c.blockDeletionBeforeEndOfLife ? 'deletion blocked before end of life' : 'deletion no longer blocked';
    default:
      return key;
  }
}
