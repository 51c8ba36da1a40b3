// Create Image Version: definition → version (the next patch offered) → source (managed image, VM,
// OS snapshot or disk, gallery version, community or shared gallery version, VHD; misfits shown
// with the reason) → target regions (the source region always in) → replicas → storage (Azure's
// default, a type, or one per region) → exclude from latest (everywhere or per region) → edge zones
// (none by default; which, replicas, storage) → end of life → summary. "Advanced…": data disks, encryption per region, confidential-VM encryption,
// safety, replication mode. Submitting returns at once: the tree shows the version replicating,
// and VersionCreations reports the result.
import * as vscode from 'vscode';
import { tagsStep } from '../../ui/tagsStep';
import type { ImageVersion } from '../../azure/types';
import type { DiskEncryptionSetInfo } from '../../azure/writeTypes';
import { validateEndOfLifeDate } from '../../model/endOfLife';
import { compareVersionParts, nextPatchVersion, parseVersion, validateImageVersionName } from '../../model/versions';
import type { Explorer } from '../../tree/explorer';
import { GalleryNode } from '../../tree/nodes/galleryNode';
import { ImageDefinitionNode } from '../../tree/nodes/imageDefinitionNode';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { inputStep, pickStep, runWizard, type PickEntry, type Step } from '../../ui/wizard';
import { lazyBy, prompterOf, reloadAndReveal, signedInSubscriptions, splitArguments } from '../createCommon';
import { createOrLook } from '../createOrLook';
import type { VersionCreations } from '../createVersionProgress';
import { advancedSteps } from './advancedSteps';
import { edgeZoneSteps } from './edgeZoneSteps';
import { readOptions } from './options';
import { regionSteps } from './regionSteps';
import { sourceStep } from './sourceSteps';
import { buildSpec, problemsOf, retryOptions } from './spec';
import { summaryItems, type SummaryChoice } from './summary';
import { TITLE, subscriptionIdOf, type CreateImageVersionOptions, type Lookups, type State } from './types';

export { CREATE_VERSION_COMMAND, definitionShape, type CreateImageVersionOptions, type DataDiskOption, type TargetRegionOption } from './types';

function lookupsFor(explorer: Explorer): Lookups {
  const azure = explorer.azure();
  const targetOf = (d: ImageDefinitionNode) => d.parent.parent.subscription.target;
  const perSubscription = <T>(load: (d: ImageDefinitionNode) => Promise<T>) => lazyBy(subscriptionIdOf, load);
  return {
    sources: perSubscription((d) => azure.listVersionSources(targetOf(d))),
    regions: perSubscription((d) => {
      const t = targetOf(d);
      return azure.listLocations(t.cloud, t.credential, t.userAgent, t.subscriptionId);
    }),
    versionNames: lazyBy(
      (d: ImageDefinitionNode) => d.resourceId,
      (d) => azure.listImageVersionNames(targetOf(d), d.image.resourceGroup, d.image.galleryName, d.image.name),
    ),
    dataDiskCandidates: perSubscription((d) => azure.listDataDiskCandidates(targetOf(d))),
    encryptionSets: perSubscription((d) => azure.listDiskEncryptionSets(targetOf(d))),
    storageAccounts: perSubscription((d) => azure.listStorageAccounts(targetOf(d))),
    edgeZones: perSubscription((d) => azure.listEdgeZones(targetOf(d))),
  };
}

/** Why a version number cannot be used in the definition (Azure reads each part as a number: 1.0.0 = 01.0.0). */
function versionTakenCheck(lookups: Lookups) {
  return async (s: State, name: string): Promise<string | undefined> => {
    if (!s.definition) return undefined;
    try {
      const wanted = parseVersion(name);
      const names = await lookups.versionNames(s.definition);
      const clash = names.find((n) => {
        const existing = parseVersion(n);
        return n === name || (wanted !== undefined && existing !== undefined && compareVersionParts(wanted, existing) === 0);
      });
      if (!clash) return undefined;
      const same = clash === name ? '' : ` (${name} is the same number)`;
      return `Version ${clash} already exists in ${s.definition.image.name}${same}: use a higher one, such as ${nextPatchVersion(names)}.`;
    } catch (error) {
      log().warn(`Create Image Version: could not list versions: ${(error as Error).message}`);
      return undefined;
    }
  };
}

function definitionStep(explorer: Explorer, subscriptions: SubscriptionNode[], given: Set<keyof State>, ask: (key: keyof State) => boolean): Step<State> {
  const items = async (): Promise<PickEntry<ImageDefinitionNode>[]> => {
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
  return pickStep<State, ImageDefinitionNode>({
    title: 'Definition',
    placeholder: 'The image definition the version belongs to',
    when: () => ask('definition'),
    items,
    get: (s) => s.definition,
    same: (a, b) => a.resourceId.toLowerCase() === b.resourceId.toLowerCase(),
    set: (s, d) => {
      if (s.definition && s.definition.resourceId !== d.resourceId && !given.has('source')) s.source = undefined;
      s.definition = d;
    },
  });
}

function allSteps(explorer: Explorer, subscriptions: SubscriptionNode[], lookups: Lookups, given: Set<keyof State>, interactive: boolean, edit: boolean): Step<State>[] {
  const ask = (key: keyof State) => interactive && (edit || !given.has(key));
  const versionTaken = versionTakenCheck(lookups);
  const labels = (s: State) => lookups.regions(s.definition!).catch(() => []);
  const showMode = (s: State) => s.advanced === true || given.has('replicationMode');
  return [
    definitionStep(explorer, subscriptions, given, ask),
    inputStep<State>({
      title: 'Version',
      prompt: (s) => `Version as Major.Minor.Patch (each 0–2147483647), unique in ${s.definition?.image.name}; the next patch is suggested`,
      placeholder: 'e.g. 1.0.0',
      when: () => ask('version'),
      get: (s) => s.version,
      suggest: async (s) => (s.definition ? nextPatchVersion(await lookups.versionNames(s.definition).catch(() => [])) : undefined),
      set: (s, v) => (s.version = v),
      validate: validateImageVersionName,
      validateAsync: (v, s) => versionTaken(s, v),
    }),
    sourceStep(explorer, lookups, ask),
    ...regionSteps(lookups, ask),
    ...edgeZoneSteps(lookups, ask),
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
      placeholder: 'Pick Create, or Advanced… for data disks, encryption, safety, the replication mode and tags',
      when: () => interactive,
      items: async (s) => summaryItems(s, await labels(s), true, showMode(s)),
      get: () => 'create',
      set: (s, choice) => {
        s.advanced = choice === 'advanced';
      },
    }),
    ...advancedSteps(lookups, (key) => ask(key)).map((step) => ({ ...step, when: (s: State) => s.advanced === true && (step.when?.(s) ?? true) })),
    pickStep<State, 'Full' | 'Shallow'>({
      title: 'Replication mode',
      placeholder: 'How Azure copies the image to the target regions',
      when: (s) => interactive && s.advanced === true && (edit || !given.has('replicationMode')),
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
      when: (s) => interactive && s.advanced === true && (edit || !given.has('tags')),
      get: (s) => s.tags,
      set: (s, t) => (s.tags = t),
    }),
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: 'Pick Create, or go Back to change an answer',
      when: (s) => interactive && s.advanced === true,
      items: async (s) => summaryItems(s, await labels(s), false, showMode(s)),
      get: () => 'create',
      set: () => undefined,
    }),
  ];
}

export async function createImageVersion(explorer: Explorer, creations: VersionCreations, ...args: unknown[]): Promise<ImageVersion | undefined> {
  const { node, options } = splitArguments<ImageDefinitionNode, CreateImageVersionOptions>(args, (v): v is ImageDefinitionNode => v instanceof ImageDefinitionNode);
  const prompter = prompterOf(options);
  const subscriptions = await signedInSubscriptions(explorer);
  const lookups = lookupsFor(explorer);
  const definitionNode = node ?? (options.definition ? await explorer.findNode(options.definition, 'imageDefinition') : undefined);
  const { state, problems, given } = await readOptions(options, definitionNode, lookups, versionTakenCheck(lookups));
  const interactive = options.edit === true || state.definition === undefined || state.version === undefined || options.source === undefined;
  // Encryption sets are listed only when the answers name some, to check they exist in their regions.
  const setsFor = async (s: State): Promise<DiskEncryptionSetInfo[] | undefined> =>
    s.definition && (s.encryption === 'customer' || s.regionEncryption) ? lookups.encryptionSets(s.definition).catch(() => undefined) : undefined;
  const labelsFor = async (s: State) => (s.definition ? lookups.regions(s.definition).catch(() => []) : []);
  if (!interactive) problems.push(...problemsOf(state, subscriptionIdOf(state.definition!), await setsFor(state), await labelsFor(state)).filter((p) => !problems.includes(p)));
  if (!interactive && problems.length > 0) throw inputFailure(TITLE, problems, 'Nothing was created.', { answers: options, edit: true });
  const steps = allSteps(explorer, subscriptions, lookups, given, interactive, options.edit === true);
  if (interactive && !(await runWizard(TITLE, steps, state, prompter))) return undefined;
  const remaining = problemsOf(state, subscriptionIdOf(state.definition!), await setsFor(state), await labelsFor(state));
  if (remaining.length > 0) {
    // Edit and Try Again reopens the wizard with the answers just given, to change these.
    const answers = interactive ? retryOptions(state, buildSpec(state, sendsMode(state, given)), options) : options;
    throw inputFailure(TITLE, remaining, 'Nothing was created.', { answers, edit: true });
  }
  return send(explorer, creations, state, options, given);
}

/** Whether the replication mode is sent (asked in Advanced, or given). */
function sendsMode(state: State, given: Set<keyof State>): boolean {
  return state.advanced === true || given.has('replicationMode');
}

async function send(explorer: Explorer, creations: VersionCreations, state: State, options: CreateImageVersionOptions, given: Set<keyof State>): Promise<ImageVersion | undefined> {
  const definition = state.definition!;
  const name = state.version!;
  const spec = buildSpec(state, sendsMode(state, given));
  const target = definition.parent.parent.subscription.target;
  const { resourceGroup, galleryName, name: imageName } = definition.image;
  const version = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Submitting image version ${name}` }, () =>
    createOrLook({
      resource: `image version ${name} of ${imageName}`,
      create: () => explorer.azure().startImageVersion(target, resourceGroup, galleryName, imageName, name, spec),
      look: () => explorer.azure().getImageVersion(target, `${definition.resourceId}/versions/${name}`, false),
      answers: retryOptions(state, spec, options),
      log: (line) => log().info(line),
    }),
  );
  if (!version) return undefined;
  log().info(`Submitted image version ${version.id} (${version.provisioningState ?? 'state unknown'})`);
  await creations.track({ id: version.id, subscriptionId: target.subscriptionId, startedAt: new Date().toISOString() }, target);
  await reloadAndReveal(explorer, definition, version.id);
  return version;
}
