// Create Image Version's answers before the summary: definition → version → source → target
// regions → replicas → storage → latest → end of life. Each says which option it reads, how an
// answer given there is checked without prompting, its summary line and how it goes back into
// the options (ui/answers.ts); the prompts are in sourceSteps.ts and regionSteps.ts.
import { sourceFitsDefinition } from '../../model/imageRules';
import { isStorageAccountType, normalizeRegionName, STORAGE_ACCOUNT_TYPES, validateTargetRegions } from '../../model/replication';
import type { ImageDefinitionNode } from '../../tree/nodes/imageDefinitionNode';
import type { Answer, Problem } from '../../ui/answers';
import { endOfLifeAnswer, resourceAnswer } from '../../ui/commonAnswers';
import type { PickEntry, Step } from '../../ui/wizard';
import { advancedAnswers, edgeZoneAnswer, replicationModeAnswer, versionTagsAnswer } from './advancedAnswers';
import { regionLabel } from '../../ui/regions';
import { regionEntries, sourceFromOptions } from './options';
import { regionSteps, storageLabel } from './regionSteps';
import { versionNumberAnswer, type VersionNumberContext } from './versionAnswer';
import { buildSpec, buildTargets, countsOf, excludedIn, storageIn } from './spec';
import { KIND_SINGULAR, perRegion } from './summary';
import { AZURE_DEFAULT, definitionShape, type CreateImageVersionOptions, type Lookups, type State, type StorageChoice } from './types';

export type VersionAnswer = Answer<State, CreateImageVersionOptions>;

/**
 * What the answers look things up with; `given` is filled when the options object is read. The
 * prompts that browse the tree (definitions, shared and community sources) come from index.ts.
 */
export interface VersionContext extends VersionNumberContext {
  lookups: Lookups;
  given: Set<keyof State>;
  definitionOf(id: string): Promise<ImageDefinitionNode | undefined>;
  definitionItems(): Promise<PickEntry<ImageDefinitionNode>[]>;
  sourceStep: Step<State>;
  /** Why a version number is taken in the definition, or undefined. */
  versionTaken(s: State, version: string): Promise<string | undefined>;
  /** Every step is asked, the answers given filled in (Edit and Try Again). */
  edit?: boolean;
}

/** The target regions and replica counts together, as Azure checks them (model/replication.ts). */
const targetsProblem = (s: State): Problem => {
  const counts = countsOf(s);
  return typeof counts === 'string' ? counts : validateTargetRegions(buildTargets(s, counts), normalizeRegionName(s.source!.location));
};

/** The target regions the answers mean, none while they do not add up. */
function targetsOf(s: State) {
  const counts = countsOf(s);
  return typeof counts === 'string' || !s.source ? [] : buildTargets(s, counts);
}

const STORAGE_HINT = `Use ${AZURE_DEFAULT} (Azure's default) or one of ${STORAGE_ACCOUNT_TYPES.join(', ')}.`;
const isStorageChoice = (v: string | undefined): boolean => v === undefined || v === AZURE_DEFAULT || isStorageAccountType(v);

function whereAnswers(ctx: VersionContext): VersionAnswer[] {
  const { lookups, given } = ctx;
  return [
    resourceAnswer<State, CreateImageVersionOptions, ImageDefinitionNode>({
      key: 'definition',
      label: 'Definition',
      required: true,
      idOption: 'definition',
      find: ctx.definitionOf,
      summary: (s) => `${s.definition?.image.name} (${s.definition?.parent.gallery.name})`,
      placeholder: 'The image definition the version belongs to',
      items: () => ctx.definitionItems(),
      set: (s, d) => {
        if (s.definition && s.definition.resourceId !== d.resourceId && !given.has('source')) s.source = undefined;
        s.definition = d;
      },
    }),
    versionNumberAnswer(ctx),
    {
      key: 'source',
      label: 'Source',
      required: true,
      read: async (o, s) => {
        if (!o.source || !s.definition) return undefined;
        const found = await sourceFromOptions(o, s.definition, lookups);
        if (typeof found === 'string') return found;
        s.source = found;
        return undefined;
      },
      check: (s) => sourceFitsDefinition(s.source!, definitionShape(s.definition!.image)),
      summary: (s) => `${s.source?.name} (${KIND_SINGULAR[s.source?.kind ?? 'image']}, ${s.source?.location}: the version's region)`,
      write: (s, o) => {
        const source = s.source;
        o.source = source?.id;
        o.sourceLocation = source?.kind === 'communityGalleryImageVersion' || source?.kind === 'sharedGalleryImageVersion' ? source.location : undefined;
        o.storageAccountId = source?.storageAccountId;
      },
      steps: [ctx.sourceStep],
    },
  ];
}

function replicationAnswers(ctx: VersionContext): VersionAnswer[] {
  const { lookups } = ctx;
  const steps = regionSteps(lookups);
  const labels = (s: State) => (s.definition ? lookups.regions(s.definition).catch(() => []) : Promise.resolve([]));
  const regionsOf = (s: State) => targetsOf(s).map((t) => t.name);
  return [
    {
      key: 'regions',
      label: 'Target regions',
      read: (o, s) => {
        const entries = regionEntries(o);
        if (entries && s.source) {
          const source = normalizeRegionName(s.source.location);
          s.regions = [source, ...new Set(entries.map((r) => normalizeRegionName(r.name)).filter((n) => n !== source))];
        }
      },
      check: targetsProblem,
      summary: async (s) => {
        const names = await labels(s);
        return targetsOf(s)
          .map((t) => `${regionLabel(names, t.name)} ×${t.regionalReplicaCount}`)
          .join(', ');
      },
      // Each region with its own count, storage type, exclusion and encryption, as sent.
      write: (s, o) => {
        if (!s.source) return;
        o.targetRegions = buildSpec(s, false).targetRegions.map((t) => ({
          name: t.name,
          replicas: t.regionalReplicaCount,
          ...(s.regionStorage?.[t.name] ? { storageAccountType: s.regionStorage[t.name] } : {}),
          ...(t.excludeFromLatest ? { excludeFromLatest: true } : {}),
          ...(s.encryption === 'customer' && t.encryption?.osDiskImage?.diskEncryptionSetId ? { osDiskEncryptionSetId: t.encryption.osDiskImage.diskEncryptionSetId } : {}),
          ...(s.encryption === 'customer' && t.encryption?.dataDiskImages?.length ? { dataDiskEncryptionSetIds: t.encryption.dataDiskImages } : {}),
          ...(t.encryption?.osDiskImage?.secureVMDiskEncryptionSetId ? { secureVMDiskEncryptionSetId: t.encryption.osDiskImage.secureVMDiskEncryptionSetId } : {}),
        }));
      },
      steps: [steps.regions],
    },
    {
      key: 'replicas',
      label: 'Target regions',
      read: (o, s) => {
        const entries = regionEntries(o);
        if (!entries) {
          if (o.replicaCount !== undefined) s.replicas = String(o.replicaCount);
          return;
        }
        const counts = entries.map((r) => r.replicas ?? o.replicaCount ?? 1);
        if (counts.every((c) => c === counts[0]) && (o.replicaCount === undefined || o.replicaCount === counts[0])) s.replicas = String(counts[0] ?? 1);
        else s.replicas = entries.map((r, i) => `${normalizeRegionName(r.name)}=${counts[i]}`).join(', ');
      },
      // Checked with the regions when they are given; without a source, neither can be.
      check: (s) => (!s.source ? { sameAs: 'source' } : s.regions !== undefined ? { sameAs: 'regions' } : targetsProblem(s)),
      write: () => undefined,
      steps: [steps.replicas],
    },
    {
      key: 'storage',
      label: 'Storage type',
      read: (o, s) => {
        const entries = regionEntries(o) ?? [];
        const regionStorage: Record<string, StorageChoice> = {};
        for (const r of entries) if (r.storageAccountType) regionStorage[normalizeRegionName(r.name)] = r.storageAccountType;
        s.storage = o.storageAccountType;
        s.regionStorage = Object.keys(regionStorage).length ? regionStorage : undefined;
        const bad = [o.storageAccountType, ...entries.map((r) => r.storageAccountType)].find((t) => !isStorageChoice(t));
        return bad ? `${bad} is not a storage type. ${STORAGE_HINT}` : undefined;
      },
      summary: async (s) => ({ label: 'Storage', value: perRegion(regionsOf(s), await labels(s), (r) => storageLabel(storageIn(s, r))) }),
      write: (s, o) => {
        o.storageAccountType = s.storage;
      },
      steps: [steps.storage],
    },
    {
      key: 'excludeFromLatest',
      label: 'Exclude from latest',
      read: (o, s) => {
        s.excludeFromLatest = o.excludeFromLatest;
        const excluded = (regionEntries(o) ?? []).filter((r) => r.excludeFromLatest).map((r) => normalizeRegionName(r.name));
        s.excludedRegions = o.targetRegions ? excluded : undefined;
      },
      summary: async (s) => perRegion(regionsOf(s), await labels(s), (r) => (excludedIn(s, r) ? 'Yes' : 'No')),
      write: (s, o) => {
        o.excludeFromLatest = s.excludeFromLatest ?? false;
      },
      steps: [steps.latest],
    },
  ];
}

export function basicAnswers(ctx: VersionContext): VersionAnswer[] {
  return [
    ...whereAnswers(ctx),
    ...replicationAnswers(ctx),
    edgeZoneAnswer(ctx),
    endOfLifeAnswer<State, CreateImageVersionOptions>({
      title: 'End of life',
      prompt: 'End-of-life date as YYYY-MM-DD, in the future (optional: press Enter with nothing for none)',
      summary: (s) => ({ label: 'End of life', value: s.endOfLifeDate ?? '(none)' }),
    }),
  ];
}

/** Every answer, grouped as the flow asks them and as the summary lists them. */
export function versionAnswers(ctx: VersionContext) {
  const basic = basicAnswers(ctx);
  const advanced = advancedAnswers(ctx);
  const mode = replicationModeAnswer(ctx.given);
  const tags = versionTagsAnswer();
  const all = [...basic, ...advanced, mode, tags];
  const byKey = (key: keyof State) => all.find((a) => a.key === key)!;
  const summary = (
    ['definition', 'version', 'source', 'dataDisks', 'regions', 'storage', 'excludeFromLatest', 'extendedLocations', 'encryption', 'endOfLifeDate', 'blockDeletion', 'replicationMode', 'tags'] as const
  ).map(byKey);
  return { basic, advanced, mode, tags, all, summary };
}

export type VersionAnswers = ReturnType<typeof versionAnswers>;
