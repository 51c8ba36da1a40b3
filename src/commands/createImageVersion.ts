// Create Image Version: definition → version (the next patch offered) → source (managed image, VM,
// OS snapshot or disk, or another gallery version; those that do not fit the definition shown with
// the reason) → target regions (the source region always in) → replicas → storage type → exclude
// from latest → end of life → summary ("Advanced…": replication mode). Submitting returns at once:
// the tree shows the version replicating, and VersionCreations reports the result.
import * as vscode from 'vscode';
import type { ImageDefinition, ImageVersion } from '../azure/types';
import type { NewImageVersion, VersionSource, VersionSourceKind } from '../azure/writeTypes';
import { parseIsoDate, validateEndOfLifeDate } from '../model/endOfLife';
import {
  describeSecurityType,
  parseArchitecture,
  parseHyperVGeneration,
  parseOsState,
  parseOsType,
  parseSecurityType,
  sourceFitsDefinition,
  type DefinitionShape,
} from '../model/imageRules';
import {
  DEFAULT_STORAGE_ACCOUNT_TYPE,
  STORAGE_ACCOUNT_TYPES,
  isStorageAccountType,
  normalizeRegionName,
  validateTargetRegions,
  whyRegionCannotBeRemoved,
  withSourceRegion,
  type StorageAccountType,
  type TargetRegion,
} from '../model/replication';
import { compareVersionParts, nextPatchVersion, parseVersion, validateImageVersionName } from '../model/versions';
import type { Explorer } from '../tree/explorer';
import { GalleryNode } from '../tree/nodes/galleryNode';
import { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import { parseReplicaCounts, replicasIn, type ReplicaCounts } from '../ui/answerText';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { inputStep, pickManyStep, pickStep, runWizard, type PickEntry, type Step } from '../ui/wizard';
import { tagsToText, validateTags, type Tags } from '../model/tags';
import { tagsStep } from '../ui/tagsStep';
import { failureMessage } from '../ui/failures';
import {
  definitionNodeById,
  lazyBy,
  prompterOf,
  regionLabel,
  reloadAndReveal,
  signedInSubscriptions,
  splitArguments,
  summaryLine,
  type CommonCreateOptions,
  type RegionChoice,
} from './createCommon';
import type { VersionCreations } from './createVersionProgress';

export const CREATE_VERSION_COMMAND = 'azureComputeGallery.createImageVersion';
const TITLE = 'Create Image Version';

export interface TargetRegionOption {
  name: string;
  replicas?: number;
  storageAccountType?: StorageAccountType;
}

export interface CreateImageVersionOptions extends CommonCreateOptions {
  /** The image definition's resource id. */
  definition?: string;
  /** Major.Minor.Patch. */
  version?: string;
  /** Resource id of a managed image, VM, OS snapshot or disk, or gallery image version. */
  source?: string;
  /** The source region is always added (first). Default: only the source region. */
  targetRegions?: (string | TargetRegionOption)[];
  /** Replicas in each region not given its own count. Default 1. */
  replicaCount?: number;
  /** Default Standard_LRS. */
  storageAccountType?: StorageAccountType;
  /** Default false. */
  excludeFromLatest?: boolean;
  /** YYYY-MM-DD (or a zoned ISO date-time), in the future. */
  endOfLifeDate?: string;
  /** Default Full. */
  replicationMode?: 'Full' | 'Shallow';
  /** Resource tags (Advanced…; Azure's tag rules, model/tags.ts). */
  tags?: Record<string, string>;
}

interface State {
  tags?: Tags;
  definition?: ImageDefinitionNode;
  version?: string;
  source?: VersionSource;
  /** Normalized region names, the source region first. */
  regions?: string[];
  replicas?: string;
  storageAccountType?: StorageAccountType;
  excludeFromLatest?: boolean;
  endOfLifeDate?: string;
  advanced?: boolean;
  replicationMode?: 'Full' | 'Shallow';
  /** Per-region details given in the options object. */
  regionOptions?: TargetRegionOption[];
}

type SummaryChoice = 'create' | 'advanced' | 'line';

const KIND_HEADINGS: Record<VersionSourceKind, string> = {
  image: 'Managed images',
  virtualMachine: 'Virtual machines',
  snapshot: 'OS disk snapshots',
  disk: 'OS disks',
  galleryImageVersion: 'Gallery image versions',
};
const KIND_ICONS: Record<VersionSourceKind, string> = { image: 'file-media', virtualMachine: 'vm', snapshot: 'device-camera', disk: 'database', galleryImageVersion: 'versions' };
const STORAGE_DETAILS: Record<StorageAccountType, string> = {
  Standard_LRS: 'Standard HDD, locally redundant: the default and the cheapest',
  Standard_ZRS: 'Standard, zone-redundant: survives a zone outage (regions with availability zones)',
  Premium_LRS: 'Premium SSD, locally redundant: faster VM creation from the image',
};

export function definitionShape(d: ImageDefinition): DefinitionShape {
  return {
    osType: parseOsType(d.osType) ?? 'Linux',
    osState: parseOsState(d.osState) ?? 'Generalized',
    hyperVGeneration: parseHyperVGeneration(d.hyperVGeneration),
    architecture: parseArchitecture(d.architecture),
    securityType: parseSecurityType(d.securityType) ?? 'Standard',
  };
}

/** What is known of a source's shape, and why its generation is not, where it is not (Azure decides). */
function describeSource(s: VersionSource): string {
  const parts = [s.osType, s.osState, s.hyperVGeneration, s.architecture, s.securityType && s.securityType !== 'Standard' ? describeSecurityType(s.securityType) : undefined];
  return [...parts, s.generationUnknown].filter(Boolean).join(' · ');
}

export async function createImageVersion(explorer: Explorer, creations: VersionCreations, ...args: unknown[]): Promise<ImageVersion | undefined> {
  const { node, options } = splitArguments<ImageDefinitionNode, CreateImageVersionOptions>(args, (v): v is ImageDefinitionNode => v instanceof ImageDefinitionNode);
  const prompter = prompterOf(options);
  const subscriptions = await signedInSubscriptions(explorer);
  const azure = explorer.azure();
  const targetOf = (d: ImageDefinitionNode) => d.parent.parent.subscription.target;
  const subscriptionIdOf = (d: ImageDefinitionNode) => d.parent.parent.subscription.subscriptionId;
  const sourcesOf = lazyBy(subscriptionIdOf, (d) => azure.listVersionSources(targetOf(d)));
  const regionsOf = lazyBy(subscriptionIdOf, async (d): Promise<RegionChoice[]> => {
    const t = targetOf(d);
    return azure.listLocations(t.cloud, t.credential, t.userAgent, t.subscriptionId);
  });
  const versionNamesOf = lazyBy(
    (d: ImageDefinitionNode) => d.resourceId,
    (d) => azure.listImageVersionNames(targetOf(d), d.image.resourceGroup, d.image.galleryName, d.image.name),
  );
  const versionTaken = async (s: State, name: string) => {
    if (!s.definition) return undefined;
    try {
      // Azure reads each part as a number, so 1.0.0 and 01.0.0 are the same version.
      const wanted = parseVersion(name);
      const clash = (await versionNamesOf(s.definition)).find((n) => {
        const existing = parseVersion(n);
        return n === name || (wanted !== undefined && existing !== undefined && compareVersionParts(wanted, existing) === 0);
      });
      if (!clash) return undefined;
      const same = clash === name ? '' : ` (${name} is the same number)`;
      return `Version ${clash} already exists in ${s.definition.image.name}${same}: use a higher one, such as ${nextPatchVersion(await versionNamesOf(s.definition))}.`;
    } catch (error) {
      log().warn(`Create Image Version: could not list versions: ${(error as Error).message}`);
      return undefined;
    }
  };
  const misfit = (s: State, source: VersionSource) => (s.definition ? sourceFitsDefinition(source, definitionShape(s.definition.image)) : undefined);

  const state: State = {
    definition: node ?? (options.definition ? await definitionNodeById(explorer, options.definition) : undefined),
    version: options.version,
    storageAccountType: options.storageAccountType,
    excludeFromLatest: options.excludeFromLatest,
    endOfLifeDate: options.endOfLifeDate,
    replicationMode: options.replicationMode,
    replicas: options.replicaCount !== undefined ? String(options.replicaCount) : undefined,
    regionOptions: options.targetRegions?.map((r) => (typeof r === 'string' ? { name: r } : r)),
    tags: options.tags,
  };
  const problems: string[] = [];
  const given = new Set<keyof State>();
  if (options.definition && !state.definition) problems.push(`Definition: ${options.definition} is not an image definition of the signed-in subscriptions.`);
  if (state.definition) given.add('definition');
  if (options.source && state.definition) {
    const found = (await sourcesOf(state.definition)).find((s) => s.id.toLowerCase() === options.source!.toLowerCase());
    const reason = found ? misfit(state, found) : `${options.source} is not a managed image, VM, OS snapshot or disk, or gallery image version of this subscription.`;
    if (found) state.source = found;
    if (reason) problems.push(`Source: ${reason}`);
    else given.add('source');
  }
  const required: (keyof State)[] = ['definition', 'version', 'source'];
  const interactive = options.edit === true || required.some((k) => (k === 'source' ? options.source : state[k]) === undefined);
  const check = (key: keyof State, label: string, message: string | undefined) => {
    if (state[key] === undefined) return;
    if (message === undefined) given.add(key);
    else problems.push(`${label}: ${message}`);
  };
  check('version', 'Version', state.version === undefined ? undefined : validateImageVersionName(state.version) ?? (await versionTaken(state, state.version)));
  check('storageAccountType', 'Storage type', state.storageAccountType === undefined || isStorageAccountType(state.storageAccountType) ? undefined : `Use ${STORAGE_ACCOUNT_TYPES.join(', ')}.`);
  check('excludeFromLatest', 'Exclude from latest', undefined);
  check('endOfLifeDate', 'End-of-life date', state.endOfLifeDate === undefined ? undefined : validateEndOfLifeDate(state.endOfLifeDate.trim(), new Date()));
  check('tags', 'Tags', state.tags === undefined ? undefined : validateTags(state.tags));
  check('replicationMode', 'Replication mode', state.replicationMode === undefined || ['Full', 'Shallow'].includes(state.replicationMode) ? undefined : 'Use Full or Shallow.');
  if (state.regionOptions) {
    const counts = state.regionOptions.map((r) => r.replicas ?? options.replicaCount ?? 1);
    if (counts.every((c) => c === counts[0]) && (options.replicaCount === undefined || options.replicaCount === counts[0])) state.replicas = String(counts[0] ?? 1);
    else state.replicas = state.regionOptions.map((r, i) => `${normalizeRegionName(r.name)}=${counts[i]}`).join(', ');
  }
  if (state.source) {
    const source = normalizeRegionName(state.source.location);
    if (state.regionOptions) {
      state.regions = [source, ...new Set(state.regionOptions.map((r) => normalizeRegionName(r.name)).filter((n) => n !== source))];
    }
    const counts = parseReplicaCounts(state.replicas ?? '1', state.regions ?? [source]);
    const message = typeof counts === 'string' ? counts : validateTargetRegions(buildTargets(state, counts), source);
    if (message) problems.push(`Target regions: ${message}`);
    else {
      if (state.regions) given.add('regions');
      if (state.replicas !== undefined) given.add('replicas');
    }
  }
  if (!interactive && problems.length > 0) {
    void notify('error', `Create Image Version: fix these answers, nothing was created. ${problems.join(' ')}`);
    return undefined;
  }
  const ask = (key: keyof State) => interactive && (options.edit === true || !given.has(key));

  const definitionItems = async (): Promise<PickEntry<ImageDefinitionNode>[]> => {
    const entries: PickEntry<ImageDefinitionNode>[] = [];
    for (const sub of subscriptions) {
      for (const gallery of (await explorer.provider.getChildren(sub)).filter((n): n is GalleryNode => n instanceof GalleryNode)) {
        const definitions = (await explorer.provider.getChildren(gallery)).filter((n): n is ImageDefinitionNode => n instanceof ImageDefinitionNode);
        if (definitions.length === 0) continue;
        entries.push({ separator: `${gallery.gallery.name} · ${sub.subscription.name}` });
        for (const d of definitions) {
          const i = d.image;
          entries.push({ label: i.name, description: [i.osType, i.osState, i.hyperVGeneration, i.securityType ?? 'Standard'].join(' · '), value: d });
        }
      }
    }
    if (entries.length === 0) throw new Error('There is no image definition yet: create one first (Azure Compute Gallery: Create Image Definition…).');
    return entries;
  };

  const sourceItems = async (s: State): Promise<PickEntry<VersionSource>[]> => {
    const sources = await sourcesOf(s.definition!);
    const entries: PickEntry<VersionSource>[] = [];
    let heading: VersionSourceKind | undefined;
    for (const source of sources) {
      if (source.kind !== heading) {
        heading = source.kind;
        entries.push({ separator: KIND_HEADINGS[source.kind] });
      }
      const reason = misfit(s, source);
      entries.push({
        label: `$(${KIND_ICONS[source.kind]}) ${source.name}`,
        description: `${source.location} · ${source.parentName ?? source.resourceGroup}`,
        detail: reason ? `$(circle-slash) Does not fit: ${reason}` : describeSource(source) || undefined,
        value: source,
        refusal: reason ? `${source.name} does not fit ${s.definition!.image.name}: ${reason} Pick another source, or use a definition that matches it.` : undefined,
      });
    }
    if (entries.length === 0) throw new Error('This subscription has no managed image, VM, OS snapshot or disk, or gallery image version to make a version from.');
    return entries;
  };

  const regionItems = async (s: State): Promise<PickEntry<string>[]> => {
    const source = normalizeRegionName(s.source!.location);
    const regions = await regionsOf(s.definition!);
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

  const summary = (s: State, regions: RegionChoice[], withAdvancedItem: boolean): PickEntry<SummaryChoice>[] => {
    const line = (label: string, value: string, step: string) => summaryLine(label, value, step, 'line' as const);
    const counts = parseReplicaCounts(s.replicas ?? '1', s.regions ?? []);
    const targets = typeof counts === 'string' ? [] : buildTargets(s, counts);
    const entries: PickEntry<SummaryChoice>[] = [
      {
        label: '$(check) Create image version',
        detail: `${s.version} of ${s.definition?.image.name}: Azure replicates it in the background; the tree shows the progress`,
        value: 'create',
      },
    ];
    if (withAdvancedItem) entries.push({ label: '$(settings-gear) Advanced…', detail: 'Replication mode (Full or Shallow), tags', value: 'advanced' });
    entries.push(
      { separator: 'Summary' },
      line('Definition', `${s.definition?.image.name} (${s.definition?.parent.gallery.name})`, 'Definition'),
      line('Version', s.version ?? '', 'Version'),
      line('Source', `${s.source?.name} (${KIND_HEADINGS[s.source?.kind ?? 'image'].replace(/s$/, '').toLowerCase()}, ${s.source?.location}: the version's region)`, 'Source'),
      line('Target regions', targets.map((t) => `${regionLabel(regions, t.name)} ×${t.regionalReplicaCount}`).join(', '), 'Target regions'),
      line('Storage', s.storageAccountType ?? DEFAULT_STORAGE_ACCOUNT_TYPE, 'Storage'),
      line('Exclude from latest', s.excludeFromLatest ? 'Yes' : 'No', 'Latest'),
      line('End of life', s.endOfLifeDate ?? '(none)', 'End of life'),
    );
    // A mode kept from an earlier run (Edit and Try Again) is sent, so it is shown too.
    if (s.advanced || given.has('replicationMode')) entries.push(line('Replication mode', s.replicationMode ?? 'Full', 'Replication mode'));
    if (s.tags && Object.keys(s.tags).length > 0) entries.push(line('Tags', tagsToText(s.tags), 'Tags'));
    return entries;
  };

  const steps: Step<State>[] = [
    pickStep<State, ImageDefinitionNode>({
      title: 'Definition',
      placeholder: 'The image definition the version belongs to',
      when: () => ask('definition'),
      items: definitionItems,
      get: (s) => s.definition,
      same: (a, b) => a.resourceId.toLowerCase() === b.resourceId.toLowerCase(),
      set: (s, d) => {
        if (s.definition && s.definition.resourceId !== d.resourceId && !given.has('source')) s.source = undefined;
        s.definition = d;
      },
    }),
    inputStep<State>({
      title: 'Version',
      prompt: (s) => `Version as Major.Minor.Patch (each 0–2147483647), unique in ${s.definition?.image.name}; the next patch is suggested`,
      placeholder: 'e.g. 1.0.0',
      when: () => ask('version'),
      get: (s) => s.version,
      suggest: async (s) => (s.definition ? nextPatchVersion(await versionNamesOf(s.definition).catch(() => [])) : undefined),
      set: (s, v) => (s.version = v),
      validate: validateImageVersionName,
      validateAsync: (v, s) => versionTaken(s, v),
    }),
    pickStep<State, VersionSource>({
      title: 'Source',
      placeholder: 'The source of the image (those that do not fit say why)',
      when: () => ask('source'),
      items: sourceItems,
      get: (s) => s.source,
      same: (a, b) => a.id.toLowerCase() === b.id.toLowerCase(),
      set: (s, source) => {
        const before = s.source ? normalizeRegionName(s.source.location) : undefined;
        const now = normalizeRegionName(source.location);
        if (s.regions && before !== now) s.regions = [now, ...s.regions.filter((r) => r !== before && r !== now)];
        s.source = source;
      },
    }),
    pickManyStep<State, string>({
      title: 'Target regions',
      placeholder: 'Regions to replicate to (the source region is always included)',
      when: () => ask('regions'),
      items: regionItems,
      get: (s) => s.regions,
      suggest: (s) => [normalizeRegionName(s.source!.location)],
      set: (s, names) => {
        const source = normalizeRegionName(s.source!.location);
        s.regions = [source, ...names.map(normalizeRegionName).filter((n) => n !== source)];
      },
    }),
    inputStep<State>({
      title: 'Replicas',
      prompt: replicaPrompt,
      placeholder: 'e.g. 1',
      when: () => ask('replicas'),
      get: (s) => s.replicas,
      suggest: () => '1',
      set: (s, v) => (s.replicas = v.trim()),
      validate: (v, s) => {
        const counts = parseReplicaCounts(v, s.regions ?? []);
        return typeof counts === 'string' ? counts : validateTargetRegions(buildTargets(s, counts), s.source!.location);
      },
    }),
    pickStep<State, StorageAccountType>({
      title: 'Storage',
      placeholder: 'The storage type of the replicas',
      when: () => ask('storageAccountType'),
      items: () => STORAGE_ACCOUNT_TYPES.map((t) => ({ label: t, detail: STORAGE_DETAILS[t], value: t })),
      get: (s) => s.storageAccountType,
      suggest: () => DEFAULT_STORAGE_ACCOUNT_TYPE,
      set: (s, v) => {
        s.storageAccountType = v;
      },
    }),
    pickStep<State, boolean>({
      title: 'Latest',
      placeholder: 'Should VMs that ask for the "latest" version get this one?',
      when: () => ask('excludeFromLatest'),
      items: () => [
        { label: 'No, keep it in "latest"', detail: 'VMs that ask for the latest version get this one when it is the highest', value: false },
        { label: 'Yes, exclude it from "latest"', detail: 'Only VMs that name this version exactly get it', value: true },
      ],
      get: (s) => s.excludeFromLatest,
      suggest: () => false,
      set: (s, v) => {
        s.excludeFromLatest = v;
      },
    }),
    inputStep<State>({
      title: 'End of life',
      prompt: 'End-of-life date as YYYY-MM-DD, in the future (optional: press Enter with nothing for none)',
      placeholder: 'e.g. 2030-12-31',
      when: () => ask('endOfLifeDate'),
      get: (s) => s.endOfLifeDate,
      set: (s, v) => (s.endOfLifeDate = v.trim() || undefined),
      validate: (v) => validateEndOfLifeDate(v.trim(), new Date()),
    }),
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: 'Pick Create, or Advanced… for the replication mode',
      when: () => interactive,
      items: async (s) => summary(s, await regionsOf(s.definition!).catch(() => []), true),
      get: () => 'create',
      set: (s, choice) => {
        s.advanced = choice === 'advanced';
      },
    }),
    pickStep<State, 'Full' | 'Shallow'>({
      title: 'Replication mode',
      placeholder: 'How Azure copies the image to the target regions',
      when: (s) => interactive && s.advanced === true && (options.edit === true || !given.has('replicationMode')),
      items: () => [
        { label: 'Full', detail: 'A full copy in every target region: for versions VMs are made from', value: 'Full' as const },
        { label: 'Shallow', detail: 'A quicker, shallow copy meant for testing an image (Azure limits what shallow versions support)', value: 'Shallow' as const },
      ],
      get: (s) => s.replicationMode,
      suggest: () => 'Full',
      set: (s, v) => {
        s.replicationMode = v;
      },
    }),
    tagsStep<State>({
      when: (s) => interactive && s.advanced === true && (options.edit === true || !given.has('tags')),
      get: (s) => s.tags,
      set: (s, t) => (s.tags = t),
    }),
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: 'Pick Create, or go Back to change an answer',
      when: (s) => interactive && s.advanced === true,
      items: async (s) => summary(s, await regionsOf(s.definition!).catch(() => []), false),
      get: () => 'create',
      set: () => undefined,
    }),
  ];

  if (interactive && !(await runWizard(TITLE, steps, state, prompter))) return undefined;

  const definition = state.definition!;
  const source = state.source!;
  const counts = parseReplicaCounts(state.replicas ?? '1', state.regions ?? [source.location]);
  const targets = buildTargets(state, typeof counts === 'string' ? { all: 1, byRegion: new Map() } : counts);
  const name = state.version!;
  const spec: NewImageVersion = {
    location: normalizeRegionName(source.location),
    source: { kind: source.kind, id: source.id },
    targetRegions: targets,
    replicaCount: typeof counts === 'string' ? 1 : counts.all,
    storageAccountType: state.storageAccountType ?? DEFAULT_STORAGE_ACCOUNT_TYPE,
    excludeFromLatest: state.excludeFromLatest ?? false,
    endOfLifeDate: state.endOfLifeDate ? parseIsoDate(state.endOfLifeDate.trim()) : undefined,
    replicationMode: state.advanced || given.has('replicationMode') ? state.replicationMode : undefined,
    tags: state.tags,
  };
  const target = targetOf(definition);
  let version: ImageVersion;
  try {
    version = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Submitting image version ${name}` }, () =>
      azure.startImageVersion(target, definition.image.resourceGroup, definition.image.galleryName, definition.image.name, name, spec),
    );
  } catch (error) {
    logFailure(`Create Image Version ${name}`, error);
    const retry: CreateImageVersionOptions = {
      definition: definition.resourceId,
      version: name,
      source: source.id,
      targetRegions: targets.map((t) => ({ name: t.name, replicas: t.regionalReplicaCount, storageAccountType: t.storageAccountType })),
      storageAccountType: spec.storageAccountType as StorageAccountType,
      excludeFromLatest: spec.excludeFromLatest,
      endOfLifeDate: state.endOfLifeDate,
      tags: state.tags,
      replicationMode: spec.replicationMode,
      edit: true,
      prompter: options.prompter,
    };
    void notify('error', failureMessage(`create image version ${name} of ${definition.image.name}`, error), 'Edit and Try Again').then((action) =>
      action ? vscode.commands.executeCommand(CREATE_VERSION_COMMAND, retry) : undefined,
    );
    return undefined;
  }
  log().info(`Submitted image version ${version.id} (${version.provisioningState ?? 'state unknown'})`);
  await creations.track({ id: version.id, subscriptionId: target.subscriptionId, startedAt: new Date().toISOString() }, target);
  await reloadAndReveal(explorer, definition, version.id);
  return version;
}

/** The target regions to send: the source region first, replica counts and storage types applied. */
function buildTargets(s: State, counts: ReplicaCounts): TargetRegion[] {
  const storage = s.storageAccountType ?? DEFAULT_STORAGE_ACCOUNT_TYPE;
  const source = s.source!.location;
  const list: TargetRegion[] = (s.regions ?? [normalizeRegionName(source)]).map((name) => ({
    name,
    regionalReplicaCount: replicasIn(counts, name),
    storageAccountType: s.regionOptions?.find((r) => normalizeRegionName(r.name) === name)?.storageAccountType ?? storage,
  }));
  return withSourceRegion(list, source);
}
