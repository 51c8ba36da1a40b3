// Update Image Version: what Azure lets change after creation — exclude from latest (for the whole
// version or per region), the end-of-life date, the target regions and their replica counts (the
// source region always stays; an added region gets its storage type), the edge zones (added,
// removed, replica counts), and the safety profile.
// What to change → each value → summary → update. Only what the user changed is sent, and a new
// region list is merged into Azure's own region objects, so nothing the user did not name changes.
// A change of regions or replicas replicates for minutes: like Create Image Version, it is
// submitted and then followed in the background (notification and tree); other changes finish in
// seconds, shown with a progress notification.
import type { ImageVersion } from '../../azure/types';
import type { ImageVersionChanges } from '../../azureChunk';
import { isoDay, parseIsoDate } from '../../model/endOfLife';
import { normalizeRegionName, validateStorageInRegion } from '../../model/replication';
import { describeTargetChanges, hasTargetChanges, targetChanges, whyVersionMustWait, type CurrentTarget } from '../../model/updateRules';
import { describeEdgeZoneChanges, edgeZoneChanges, edgeZoneFromRaw, hasEdgeZoneChanges, rawExtendedLocations, type EdgeZoneChoice } from '../../model/edgeZones';
import { edgeZoneProblem } from './edgeZones';
import type { Explorer } from '../../tree/explorer';
import type { ImageVersionNode } from '../../tree/nodes/imageVersionNode';
import { attempt, inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { runWizard } from '../../ui/wizard';
import { pollIntervalMs, type RegionChoice } from '../createCommon';
import type { VersionCreations } from '../createVersionProgress';
import { prompterFor, resolveNode, splitArgs, targetOf, withProgress } from '../manageCommon';
import type { DiskEncryptionSetInfo } from '../../azure/writeTypes';
import { readAnswers } from '../../ui/answers';
import { updateVersionAnswers } from './answers';
import { FIELDS, blockProblem, currentValues, encryptedDisks, encryptionProblem, merged, needsEncryption, targetsOf, type State, type UpdateImageVersionOptions } from './fields';
import { regionLabelIn, updateVersionSteps, type StepContext } from './steps';
import { copyAsCode } from '../asCode';
import { confirmVersionUsage } from '../imageUsage';

export type { TargetRegionUpdate, UpdateImageVersionOptions } from './fields';
export const UPDATE_VERSION_COMMAND = 'azureComputeGallery.updateImageVersion';
const TITLE = 'Update Image Version';
const NOTHING_CHANGED = 'Nothing was changed.';

export async function updateImageVersion(explorer: Explorer, creations: VersionCreations, ...args: unknown[]): Promise<ImageVersion | undefined> {
  const { node: given, options } = splitArgs<UpdateImageVersionOptions>(args, ['imageVersion']);
  const node = (await resolveNode(explorer, given, options.version, ['imageVersion'], TITLE)) as ImageVersionNode | undefined;
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = targetOf(node);
  const v0 = node.version;
  const what = `image version ${v0.name} of ${node.parent.image.name}`;

  // Azure's own JSON too, as the user sees it now: the update is refused if the regions change meanwhile.
  const [{ version, json: seen }, regionChoices] = await attempt(`read ${what}`, () =>
    Promise.all([
      azure.getImageVersionAndJson(target, v0.id),
      azure.listLocations(target.cloud, target.credential, target.userAgent, target.subscriptionId).catch(() => [] as RegionChoice[]),
    ]),
  );
  const wait = whyVersionMustWait(`Image version ${v0.name}`, version.provisioningState);
  if (wait) throw inputFailure(TITLE, [wait], NOTHING_CHANGED, { severity: 'warning' });
  const source = normalizeRegionName(version.location);
  const currentTargets: CurrentTarget[] = version.targetRegions.map((t) => ({ ...t, name: normalizeRegionName(t.name) }));
  const currentZones = (rawExtendedLocations(seen) ?? []).map(edgeZoneFromRaw);
  const current = currentValues(version, currentTargets, currentZones);
  let zones: Promise<EdgeZoneChoice[]> | undefined;
  const edgeZones = () => (zones ??= azure.listEdgeZones(target).catch(() => [] as EdgeZoneChoice[]));
  let sets: Promise<DiskEncryptionSetInfo[]> | undefined;
  const encryptionSets = () => (sets ??= azure.listDiskEncryptionSets(target).catch(() => [] as DiskEncryptionSetInfo[]));
  const ctx: StepContext = { versionName: v0.name, current, currentTargets, source, regionChoices, encrypted: encryptedDisks(version), encryptionSets, edgeZones };

  ctx.asCode = (s, choice) =>
    copyAsCode(explorer, target, choice, async () => {
      const changes = edgeZoneProblem(ctx, s) ?? changesOf(current, s, currentTargets, source, version);
      if (typeof changes === 'string') throw new Error(changes);
      if (changes.targetRegions || changes.targetExtendedLocations) changes.basedOn = seen;
      return [await azure.previewRequest(() => azure.updateImageVersion(target, v0.id, changes))];
    });
  // Values given up front: checked before anything is asked or sent.
  const answers = updateVersionAnswers(ctx);
  const state: State = {};
  const read = await readAnswers(answers, options, state);
  const { problems } = read;
  const givenFields = FIELDS.filter((f) => read.given.has(f));
  if (givenFields.some((f) => f === 'regions' || f === 'replicas' || f === 'regionLatest') || state.newStorage !== undefined) {
    const t = targetsOf(current, state, currentTargets, source, ctx.encrypted.confidential);
    if (typeof t === 'string' && problems.length === 0) problems.push(`Target regions: ${t}`);
  }
  if (givenFields.length > 0 && blockProblem(merged(current, state))) problems.push(blockProblem(merged(current, state))!);
  const givenList = problems.length === 0 && givenFields.includes('regions') ? targetsOf(current, state, currentTargets, source, ctx.encrypted.confidential) : undefined;
  if (givenList !== undefined && typeof givenList !== 'string') {
    const problem = encryptionProblem(version, givenList, needsEncryption(ctx.encrypted) ? await encryptionSets() : undefined);
    if (problem) problems.push(`Encryption: ${problem}`);
  }
  if (problems.length > 0) throw inputFailure(TITLE, problems, NOTHING_CHANGED);

  if (givenFields.length === 0) {
    for (;;) {
      if (!(await runWizard(`${TITLE}: ${v0.name}`, updateVersionSteps(ctx, answers), state, prompterFor(options)))) return undefined;
      if ((state.fields ?? []).length > 0 && !blockProblem(merged(current, state))) break;
    }
  }

  const changes = edgeZoneProblem(ctx, state) ?? changesOf(current, state, currentTargets, source, version);
  if (typeof changes !== 'string' && (changes.targetRegions || changes.targetExtendedLocations)) changes.basedOn = seen;
  const zoneless = typeof changes === 'string' ? undefined : storageProblem(changes, regionChoices);
  if (zoneless) throw inputFailure(TITLE, [zoneless], NOTHING_CHANGED);
  // The wizard's answers, or an options object naming encryption only for some added regions.
  const encryption = typeof changes === 'string' || !changes.targetRegions ? undefined : encryptionProblem(version, changes.targetRegions);
  if (encryption) throw inputFailure(TITLE, [encryption], NOTHING_CHANGED);
  if (typeof changes === 'string') throw inputFailure(TITLE, [changes], NOTHING_CHANGED);
  const regionChanges = changes.targetRegions ? targetChanges(currentTargets, changes.targetRegions) : undefined;
  if (Object.keys(changes).length === 0) {
    void notify('info', `${v0.name} already has these values: nothing was sent.`);
    return version;
  }
  // Who uses it: leaving "latest" or getting an end of life concerns them (src/commands/imageUsage.ts).
  if (!(await confirmVersionUsage(explorer, node, changes, prompterFor(options), options.confirmed))) return undefined;
  const zoneChanges = changes.targetExtendedLocations ? edgeZoneChanges(currentZones, changes.targetExtendedLocations) : undefined;
  if (zoneChanges && zoneChanges.removed.length > 0 && !options.confirmed) {
    const ok = await prompterFor(options).confirm({
      message: `Remove the edge zone${zoneChanges.removed.length === 1 ? '' : 's'} ${zoneChanges.removed.join(', ')} from ${what}?`,
      detail: "Azure deletes the version's replicas there: VMs in those edge zones can no longer be created from it (existing VMs keep running). Adding an edge zone back later copies the image again.",
      confirmLabel: 'Remove Edge Zones',
    });
    if (!ok) return undefined;
  }
  if (regionChanges && regionChanges.removed.length > 0 && !options.confirmed) {
    const ok = await prompterFor(options).confirm({
      message: `Remove ${regionChanges.removed.join(', ')} from ${what}?`,
      detail: `Azure deletes the version's replicas in ${regionChanges.removed.map((r) => regionLabelIn(ctx, r)).join(', ')}: VMs there can no longer be created from it (existing VMs keep running). ${
        changes.allowDeletionOfReplicatedLocations && !current.allowDeletion ? "The version's safety profile is changed to allow removing replicated regions. " : ''
      }Adding a region back later copies the image again.`,
      confirmLabel: 'Remove Regions',
    });
    if (!ok) return undefined;
  }
  const replicate =
    (regionChanges !== undefined && regionChanges.added.length + regionChanges.removed.length + regionChanges.counts.length > 0) || (zoneChanges !== undefined && hasEdgeZoneChanges(zoneChanges));
  return attempt(`update ${what}`, async () => {
    if (replicate) {
      const updated = await explorer.busyWhile(node, 'Updating…', () => withProgress(`Submitting the update of ${v0.name}`, () => azure.startImageVersionUpdate(target, v0.id, changes)));
      log().info(
        `${TITLE}: ${v0.id} submitted (${[regionChanges ? describeTargetChanges(regionChanges) : '', zoneChanges ? `edge zones: ${describeEdgeZoneChanges(zoneChanges)}` : ''].filter(Boolean).join('; ')})${changes.allowDeletionOfReplicatedLocations && !current.allowDeletion ? "; the version's safety profile now allows removing replicated regions" : ''}`,
      );
      await creations.track({ id: v0.id, subscriptionId: target.subscriptionId, startedAt: new Date().toISOString() }, target);
      node.update(updated);
      explorer.refresh(node);
      explorer.watchReplication(node);
      return updated;
    }
    const updated = await explorer.busyWhile(node, 'Updating…', () => withProgress(`Updating ${what}`, () => azure.updateImageVersion(target, v0.id, changes, { pollIntervalMs: pollIntervalMs() })));
    log().info(`${TITLE}: ${v0.id} ${Object.keys(changes).filter((k) => k !== 'basedOn').join(', ')}`);
    // Azure's answer redraws this row; its definition recomputes "latest" for the siblings and itself.
    node.update(updated);
    explorer.refresh(node);
    const said = (Object.keys(changes) as (keyof ImageVersionChanges)[]).filter((k) => k !== 'basedOn').map((k) => (k === 'targetRegions' && regionChanges ? describeTargetChanges(regionChanges) : describeChange(k, changes)));
    void notify('info', `Updated ${what}: ${said.join('; ')}.`);
    return updated;
  });
}

/** Only what differs from the version now, or what to fix. */
function changesOf(current: ReturnType<typeof currentValues>, state: State, currentTargets: CurrentTarget[], source: string, version: ImageVersion): ImageVersionChanges | string {
  const after = merged(current, state);
  const targets = targetsOf(current, state, currentTargets, source, encryptedDisks(version).confidential);
  if (typeof targets === 'string') return targets;
  const changes: ImageVersionChanges = {};
  if (after.excludeFromLatest !== current.excludeFromLatest) changes.excludeFromLatest = after.excludeFromLatest;
  if (after.endOfLifeDate !== current.endOfLifeDate) changes.endOfLifeDate = after.endOfLifeDate ? (parseIsoDate(after.endOfLifeDate) ?? null) : null;
  if (after.blockDeletion !== current.blockDeletion) changes.blockDeletionBeforeEndOfLife = after.blockDeletion;
  if (after.allowDeletion !== current.allowDeletion) changes.allowDeletionOfReplicatedLocations = after.allowDeletion;
  const regionChanges = targetChanges(currentTargets, targets);
  const zones = after.edgeZones;
  if (hasEdgeZoneChanges(edgeZoneChanges(current.edgeZones, zones))) changes.targetExtendedLocations = zones;
  if (hasTargetChanges(regionChanges)) {
    changes.targetRegions = targets;
    // Azure refuses to drop a replicated region unless the version allows it.
    if (regionChanges.removed.length > 0 && !(version.allowDeletionOfReplicatedLocations ?? false)) {
      if (changes.allowDeletionOfReplicatedLocations === false) return 'Removing a replicated region needs "Allow removing replicated regions": choose Yes there, or keep the region.';
      changes.allowDeletionOfReplicatedLocations = true;
    }
  }
  return changes;
}

/** Standard_ZRS asked for an added region without availability zones (troubleshooting-shared-images.md: not supported there). */
function storageProblem(changes: ImageVersionChanges, regions: readonly RegionChoice[]): string | undefined {
  return (changes.targetRegions ?? []).map((t) => validateStorageInRegion(t.storageAccountType, t.name, regions.find((r) => r.name === normalizeRegionName(t.name))?.zones)).find(Boolean);
}

function describeChange(key: keyof ImageVersionChanges, c: ImageVersionChanges): string {
  switch (key) {
    case 'excludeFromLatest':
      return c.excludeFromLatest ? 'excluded from latest' : 'back in latest';
    case 'endOfLifeDate':
      return c.endOfLifeDate ? `end of life ${isoDay(c.endOfLifeDate)}` : 'no end of life';
    case 'blockDeletionBeforeEndOfLife':
      return c.blockDeletionBeforeEndOfLife ? 'deletion blocked before end of life' : 'deletion no longer blocked';
    case 'allowDeletionOfReplicatedLocations':
      return c.allowDeletionOfReplicatedLocations ? 'replicated regions may be removed' : 'replicated regions may not be removed';
    default:
      return key;
  }
}
