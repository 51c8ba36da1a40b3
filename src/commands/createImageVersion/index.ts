// Create Image Version: definition → version (the next patch offered) → source (managed image, VM,
// OS snapshot or disk, gallery version, community or shared gallery version, VHD; misfits shown
// with the reason) → target regions (the source region always in) → replicas → storage (Azure's
// default, a type, or one per region) → exclude from latest (everywhere or per region) → edge zones
// (none by default; which, replicas, storage) → end of life → summary. "Advanced…": data disks, encryption per region, confidential-VM encryption,
// safety, replication mode. Submitting returns at once: the tree shows the version replicating,
// and VersionCreations reports the result.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../constants';
import { belowHighestReason, versionSchemeOf } from '../../model/nextVersion';
import type { ImageVersion } from '../../azure/types';
import type { DiskEncryptionSetInfo } from '../../azure/writeTypes';
import type { Explorer } from '../../tree/explorer';
import { compareVersionParts, nextPatchVersion, parseVersion } from '../../model/versions';
import { nodeOf } from '../../tree/capabilities';
import type { ImageDefinitionNode } from '../../tree/nodes/imageDefinitionNode';
import type { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { askedSteps, asker, optionsOf, readAnswers, type Given } from '../../ui/answers';
import { inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { pickStep, runWizard, type PickEntry, type Step } from '../../ui/wizard';
import { lazyBy, prompterOf, reloadAndReveal, signedInSubscriptions, splitArguments } from '../createCommon';
import { createOrLook } from '../createOrLook';
import type { VersionCreations } from '../createVersionProgress';
import { showsReplicationMode } from './advancedAnswers';
import { versionAnswers, type VersionAnswers, type VersionContext } from './answers';
import { sourceStep } from './sourceSteps';
import { buildSpec, problemsOf } from './spec';
import { summaryItems, type SummaryChoice } from './summary';
import { isAsCodeChoice, type AsCodeChoice } from '../../ui/asCodeItems';
import { copyAsCode } from '../asCode';
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
export function versionTakenCheck(lookups: Lookups) {
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

function definitionItems(explorer: Explorer, subscriptions: SubscriptionNode[]): () => Promise<PickEntry<ImageDefinitionNode>[]> {
  return async () => {
    const entries: PickEntry<ImageDefinitionNode>[] = [];
    for (const sub of subscriptions) {
      for (const gallery of (await explorer.provider.getChildren(sub)).filter(nodeOf('gallery'))) {
        const definitions = (await explorer.provider.getChildren(gallery)).filter(nodeOf('imageDefinition'));
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
}

function allSteps(answers: VersionAnswers, read: Given<State>, edit: boolean, asCode: (s: State, choice: AsCodeChoice) => Promise<unknown>): Step<State>[] {
  const ask = asker(read, edit);
  const summary = (withAdvancedItem: boolean) =>
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: withAdvancedItem ? 'Pick Create, or Advanced… for data disks, encryption, safety, the replication mode and tags' : 'Pick Create, or pick a line to change its answer',
      when: (s) => read.interactive && (withAdvancedItem || s.advanced === true),
      items: (s) => summaryItems(s, answers.summary, withAdvancedItem),
      get: () => 'create',
      set: async (s, choice) => {
        if (isAsCodeChoice(choice)) return asCode(s, choice).then(() => 'again' as const);
        if (withAdvancedItem) s.advanced = choice === 'advanced';
        return undefined;
      },
    });
  const advanced = askedSteps(answers.advanced, ask).map((step) => ({ ...step, when: (s: State) => s.advanced === true && (step.when?.(s) ?? true) }));
  return [...askedSteps(answers.basic, ask), summary(true), ...advanced, ...askedSteps([answers.mode, answers.tags], ask), summary(false)];
}

export async function createImageVersion(explorer: Explorer, creations: VersionCreations, ...args: unknown[]): Promise<ImageVersion | undefined> {
  const { node, options } = splitArguments<ImageDefinitionNode, CreateImageVersionOptions>(args, nodeOf('imageDefinition'));
  const prompter = prompterOf(options);
  const subscriptions = await signedInSubscriptions(explorer);
  const lookups = lookupsFor(explorer);
  const context: VersionContext = {
    lookups,
    given: new Set(),
    definitionOf: (id) => explorer.findNode(id, 'imageDefinition'),
    edit: options.edit === true,
    definitionItems: definitionItems(explorer, subscriptions),
    sourceStep: sourceStep(explorer, lookups),
    versionTaken: versionTakenCheck(lookups),
    versionScheme: () => versionSchemeOf(vscode.workspace.getConfiguration(SETTINGS_SECTION).get('versionScheme')),
  };
  const answers = versionAnswers(context);
  const state: State = { definition: node };
  const read = await readAnswers(answers.all, options, state, context.given);
  const { problems, interactive } = read;
  if (options.definition && !state.definition) problems.unshift(`Definition: ${options.definition} is not an image definition of the signed-in subscriptions.`);
  // Encryption sets are listed only when the answers name some, to check they exist in their regions.
  const setsFor = async (s: State): Promise<DiskEncryptionSetInfo[] | undefined> =>
    s.definition && (s.encryption === 'customer' || s.regionEncryption) ? lookups.encryptionSets(s.definition).catch(() => undefined) : undefined;
  const labelsFor = async (s: State) => (s.definition ? lookups.regions(s.definition).catch(() => []) : []);
  if (!interactive) problems.push(...problemsOf(state, subscriptionIdOf(state.definition!), await setsFor(state), await labelsFor(state)).filter((p) => !problems.includes(p)));
  if (!interactive && problems.length > 0) throw inputFailure(TITLE, problems, 'Nothing was created.', { answers: options, edit: true });
  const asCode = (s: State, choice: AsCodeChoice) => {
    const definition = s.definition!;
    const target = definition.parent.parent.subscription.target;
    const { resourceGroup, galleryName, name: imageName } = definition.image;
    const spec = buildSpec(s, showsReplicationMode(context.given)(s));
    const azure = explorer.azure();
    return copyAsCode(explorer, target, choice, async () => [await azure.previewRequest(() => azure.startImageVersion(target, resourceGroup, galleryName, imageName, s.version!, spec))]);
  };
  const steps = allSteps(answers, read, options.edit === true, asCode);
  if (interactive && !(await runWizard(TITLE, steps, state, prompter))) return undefined;
  // The options object that asks for these answers again (Retry runs it, Edit and Try Again reopens the wizard with it).
  const answersNow = () => optionsOf(answers.all, state, { prompter: options.prompter } as CreateImageVersionOptions);
  const remaining = problemsOf(state, subscriptionIdOf(state.definition!), await setsFor(state), await labelsFor(state));
  if (remaining.length > 0) {
    // Edit and Try Again reopens the wizard with the answers just given, to change these.
    throw inputFailure(TITLE, remaining, 'Nothing was created.', { answers: interactive ? answersNow() : options, edit: true });
  }
  const lower = belowHighestReason(state.version!, await lookups.versionNames(state.definition!).catch(() => []));
  if (lower) log().info(`${TITLE}: ${lower}`);
  return send(explorer, creations, state, showsReplicationMode(context.given)(state), answersNow());
}

async function send(
  explorer: Explorer,
  creations: VersionCreations,
  state: State,
  sendsMode: boolean,
  /** The options object that asks for these answers again (Retry, Edit and Try Again): from the answers. */
  answers: CreateImageVersionOptions,
): Promise<ImageVersion | undefined> {
  const definition = state.definition!;
  const name = state.version!;
  const spec = buildSpec(state, sendsMode);
  const target = definition.parent.parent.subscription.target;
  const { resourceGroup, galleryName, name: imageName } = definition.image;
  const version = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Submitting image version ${name}` }, () =>
    createOrLook({
      resource: `image version ${name} of ${imageName}`,
      create: () => explorer.azure().startImageVersion(target, resourceGroup, galleryName, imageName, name, spec),
      look: () => explorer.azure().getImageVersion(target, `${definition.resourceId}/versions/${name}`, false),
      answers,
      log: (line) => log().info(line),
    }),
  );
  if (!version) return undefined;
  log().info(`Submitted image version ${version.id} (${version.provisioningState ?? 'state unknown'})`);
  await creations.track({ id: version.id, subscriptionId: target.subscriptionId, startedAt: new Date().toISOString() }, target);
  await reloadAndReveal(explorer, definition, version.id);
  return version;
}
