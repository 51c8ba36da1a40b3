// Create Image Version's answers under "Advanced…": data disks, encryption per region,
// confidential-VM encryption, safety, replication mode, tags; and the edge zones an options object
// may name. The prompts are in advancedSteps.ts.
import { normalizeRegionName } from '../../model/replication';
import { edgeZonesText, validateEdgeZones } from '../../model/edgeZones';
import { CONFIDENTIAL_VM_ENCRYPTION_TYPES } from '../../model/versionContent';
import { renamedOption, sameOption } from '../../ui/answers';
import { pickAnswer, tagsAnswer } from '../../ui/commonAnswers';
import type { VersionAnswer, VersionContext } from './answers';
import { confidentialStep, dataDiskStep, encryptionStep, safetyStep } from './advancedSteps';
import { edgeZoneSteps } from './edgeZoneSteps';
import { dataDisksFromOptions, regionEncryptionFromOptions } from './options';
import { buildTargets, countsOf } from './spec';
import { dataDiskLine, encryptionText, perRegion } from './summary';
import { isConfidential, type CreateImageVersionOptions, type State } from './types';

/** The replication mode is shown, and sent, once "Advanced…" was used or the options named it. */
export const showsReplicationMode = (given: ReadonlySet<keyof State>) => (s: State) => s.advanced === true || given.has('replicationMode');

export function advancedAnswers(ctx: VersionContext): VersionAnswer[] {
  const { lookups } = ctx;
  const regionsOf = (s: State) => {
    const counts = countsOf(s);
    return typeof counts === 'string' || !s.source ? [] : buildTargets(s, counts).map((t) => t.name);
  };
  const labels = (s: State) => (s.definition ? lookups.regions(s.definition).catch(() => []) : Promise.resolve([]));
  return [
    {
      key: 'dataDisks',
      label: 'Data disks',
      read: async (o, s) => {
        if (!o.dataDisks || !s.definition) return undefined;
        const disks = await dataDisksFromOptions(o, s.definition, lookups, s.source ? normalizeRegionName(s.source.location) : undefined);
        if (typeof disks === 'string') return disks;
        s.dataDisks = disks;
        return undefined;
      },
      summary: (s) => {
        const line = dataDiskLine(s);
        return line === undefined ? undefined : { value: line, step: s.dataDisks?.length ? 'Data disks' : 'Source' };
      },
      write: (s, o) => {
        o.dataDisks = s.dataDisks?.map((d) => ('id' in d.source ? { lun: d.lun, source: d.source.id } : { lun: d.lun, source: d.source.uri, storageAccountId: d.source.storageAccountId }));
      },
      steps: [dataDiskStep(lookups)],
    },
    {
      key: 'encryption',
      label: 'Encryption',
      read: (o, s) => {
        s.regionEncryption = regionEncryptionFromOptions(o);
        s.encryption = s.regionEncryption ? 'customer' : undefined;
      },
      summary: async (s) => perRegion(regionsOf(s), await labels(s), (r) => encryptionText(s, r)),
      // Written with the target regions, each carrying its sets.
      write: () => undefined,
      steps: [encryptionStep(lookups)],
    },
    {
      key: 'confidentialType',
      label: 'Confidential VM encryption',
      ...renamedOption<State, CreateImageVersionOptions, 'confidentialType', 'confidentialVMEncryptionType'>('confidentialType', 'confidentialVMEncryptionType'),
      check: (s) =>
        !isConfidential(s.definition?.image)
          ? 'Remove it: the definition is not for confidential VMs.'
          : (CONFIDENTIAL_VM_ENCRYPTION_TYPES as readonly string[]).includes(s.confidentialType!)
            ? undefined
            : `Use ${CONFIDENTIAL_VM_ENCRYPTION_TYPES.join(', ')}.`,
      steps: [confidentialStep(lookups)],
    },
    {
      key: 'blockDeletion',
      label: 'Safety',
      read: (o, s) => {
        s.blockDeletion = o.blockDeletionBeforeEndOfLife;
        s.allowReplicatedDeletion = o.allowDeletionOfReplicatedLocations;
      },
      summary: (s) => {
        const safety = [s.blockDeletion ? 'deletion blocked before end of life' : '', s.allowReplicatedDeletion ? 'replicated regions may be removed' : ''].filter(Boolean);
        return safety.length ? safety.join('; ') : '(none)';
      },
      write: (s, o) => {
        o.blockDeletionBeforeEndOfLife = s.blockDeletion;
        o.allowDeletionOfReplicatedLocations = s.allowReplicatedDeletion;
      },
      steps: [safetyStep()],
    },
  ];
}

/**
 * The edge zones (publishingProfile.targetExtendedLocations), asked after the target regions, and
 * only when the regions are asked: a caller who fixed the regions decided where the version goes.
 */
export function edgeZoneAnswer(ctx: VersionContext): VersionAnswer {
  const askRegions = (key: keyof State) => key !== 'regions' || ctx.edit === true || !ctx.given.has('regions');
  return {
    key: 'extendedLocations',
    label: 'Edge zones',
    ...renamedOption<State, CreateImageVersionOptions, 'extendedLocations', 'targetExtendedLocations'>('extendedLocations', 'targetExtendedLocations'),
    check: (s) => validateEdgeZones(s.extendedLocations!),
    summary: (s) => edgeZonesText(s.extendedLocations ?? []),
    steps: edgeZoneSteps(ctx.lookups, askRegions),
  };
}

/** Full or Shallow; asked under "Advanced…". */
export function replicationModeAnswer(given: ReadonlySet<keyof State>): VersionAnswer {
  const shown = showsReplicationMode(given);
  return pickAnswer<State, CreateImageVersionOptions, 'Full' | 'Shallow'>({
    key: 'replicationMode',
    label: 'Replication mode',
    allowed: { values: ['Full', 'Shallow'], hint: 'Use Full or Shallow.' },
    // A mode kept from an earlier run (Edit and Try Again) is sent, so it is shown too.
    summary: (s) => (shown(s) ? s.replicationMode ?? 'Full' : undefined),
    option: {
      ...sameOption<State, CreateImageVersionOptions, 'replicationMode'>('replicationMode'),
      write: (s, o) => {
        o.replicationMode = shown(s) ? s.replicationMode : undefined;
      },
    },
    placeholder: 'How Azure copies the image to the target regions',
    when: (s) => s.advanced === true,
    items: () => [
      { label: 'Full', detail: 'A full copy in every target region: for versions VMs are made from', value: 'Full' as const },
      { label: 'Shallow', detail: 'A quicker, shallow copy meant for testing an image (Azure limits what shallow versions support)', value: 'Shallow' as const },
    ],
    suggest: () => 'Full',
  });
}

export function versionTagsAnswer(): VersionAnswer {
  return tagsAnswer<State, CreateImageVersionOptions>({ when: (s) => s.advanced === true });
}
