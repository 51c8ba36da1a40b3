// Create Application Version: application → version → package → default configuration →
// install / remove / update commands → target regions → replicas → summary ("More options…":
// file names, reboot behaviour, storage, latest, end of life, safety, tags) → submit. The version
// then replicates, followed in the tree by the replication watcher like an image version.
import type { ApplicationVersion } from '../../../azure/types';
import { parseIsoDate } from '../../../model/endOfLife';
import { nextPatchVersion } from '../../../model/versions';
import type { Explorer } from '../../../tree/explorer';
import type { ApplicationNode } from '../../../tree/nodes/applicationNode';
import { askedSteps, asker, optionsOf, readAnswers, summaryLines } from '../../../ui/answers';
import { inputFailure } from '../../../ui/failures';
import { createOrLook } from '../../createOrLook';
import { log } from '../../../ui/log';
import { pickStep, runWizard, type PickEntry, type Step } from '../../../ui/wizard';
import { lazy, prompterOf, reloadAndReveal, type RegionChoice } from '../../createCommon';
import { blobStoreOf } from '../../../ui/blobPicker';
import type { VersionCreations } from '../../createVersionProgress';
import { resolveApplicationNode, splitNodeArgs } from '../common';
import { sentLinks } from './readAccess';
import { mainAnswers, targetsOf, type CreateApplicationVersionOptions, type State, type VersionContext } from './answers';

export type { CreateApplicationVersionOptions } from './answers';
const TITLE = 'Create Application Version';
const MAIN = 8;

export async function createApplicationVersion(explorer: Explorer, creations: VersionCreations, ...args: unknown[]): Promise<ApplicationVersion | undefined> {
  const { node: given, options: all } = splitNodeArgs<CreateApplicationVersionOptions>(args);
  // A function cannot go back into the options object "Edit and Try Again" gives.
  const { chooseFile: _chooseFile, ...options } = all;
  const node = await resolveApplicationNode(explorer, given, options.application, 'galleryApplication', TITLE);
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = node.target;
  const app = node.application;
  const existing = lazy(async () => (await azure.listApplicationVersions(target, app.id).catch(() => [] as ApplicationVersion[])).map((v) => v.name));
  const ctx: VersionContext = {
    source: app.location,
    regions: lazy(() => azure.listLocations(target.cloud, target.credential, target.userAgent, target.subscriptionId) as Promise<RegionChoice[]>),
    existing,
    suggestName: async () => nextPatchVersion(await existing()),
    blobs: { store: () => blobStoreOf(azure, target), chooseFile: all.chooseFile, abortSignal: options.abortSignal },
    now: () => new Date(),
  };
  const answers = mainAnswers(ctx);
  const state: State = {};
  const read = await readAnswers(answers, options, state);
  if (!read.interactive && read.problems.length > 0) throw inputFailure(TITLE, read.problems, 'Nothing was created.', { answers: options, edit: true });
  const ask = asker(read, options.edit);
  const summary = (withMore: boolean): Step<State> =>
    pickStep<State, 'send' | 'more' | 'line'>({
      title: 'Summary',
      placeholder: withMore ? 'Pick Create, More options… for the rest, or a line to change its answer (Escape sends nothing)' : 'Pick Create, or a line to change its answer (Escape sends nothing)',
      when: (s) => withMore || s.more === true,
      items: async (s): Promise<PickEntry<'send' | 'more' | 'line'>[]> => [
        { label: '$(check) Create application version', detail: `${s.name} of ${app.name}, replicated to ${(s.regions ?? [app.location]).join(', ')}`, value: 'send' },
        ...(withMore ? [{ label: '$(settings) More options…', detail: 'File names on the VM, reboot behaviour, storage, latest, end of life, safety, tags', value: 'more' as const }] : []),
        { separator: 'Summary' },
        ...(await summaryLines(answers, s, 'line' as const)),
      ],
      get: () => 'send',
      set: (s, choice) => {
        if (withMore) s.more = choice === 'more';
        return choice === 'line' ? 'again' : undefined;
      },
    });
  const steps = [...askedSteps(answers.slice(0, MAIN), ask), summary(true), ...askedSteps(answers.slice(MAIN), ask), summary(false)];
  if (read.interactive && !(await runWizard(`${TITLE}: ${app.name}`, steps, state, prompterOf(options)))) return undefined;
  const targets = targetsOf(state, app.location);
  if (typeof targets === 'string') throw inputFailure(TITLE, [`Target regions: ${targets}`], 'Nothing was created.');
  return send(explorer, creations, node, state, targets, optionsOf(answers, state, { prompter: options.prompter, application: app.id }));
}

async function send(explorer: Explorer, creations: VersionCreations, node: ApplicationNode, s: State, targetRegions: { name: string; regionalReplicaCount: number }[], answers: CreateApplicationVersionOptions): Promise<ApplicationVersion | undefined> {
  const app = node.application;
  const name = s.name!;
  const links = await sentLinks(explorer.azure(), node.target, s, answers);
  const spec = {
    location: app.location,
    ...links,
    install: s.install!,
    remove: s.remove!,
    update: s.update,
    packageFileName: s.packageFileName,
    configFileName: s.configFileName,
    scriptBehaviorAfterReboot: s.rebootBehaviour || undefined,
    targetRegions,
    storageAccountType: s.storageAccountType || undefined,
    excludeFromLatest: s.excludeFromLatest,
    endOfLifeDate: s.endOfLifeDate ? parseIsoDate(s.endOfLifeDate) : undefined,
    allowDeletionOfReplicatedLocations: s.allowDeletionOfReplicatedLocations,
    tags: s.tags,
  };
  const created = await createOrLook({
    resource: `application version ${name} of ${app.name}`,
    create: () => explorer.azure().startApplicationVersion(node.target, app.id, name, spec),
    look: () => explorer.azure().getApplicationVersion(node.target, `${app.id.replace(/\/+$/, '')}/versions/${name}`, false),
    answers,
    log: (line) => log().info(line),
  });
  if (!created) return undefined;
  log().info(`${TITLE}: ${created.id} submitted (${targetRegions.map((t) => `${t.name}×${t.regionalReplicaCount}`).join(', ')})`);
  // A progress notification follows it until it is replicated (or failed), as for an image version.
  await creations.track({ id: created.id, subscriptionId: node.target.subscriptionId, startedAt: new Date().toISOString() }, node.target);
  await reloadAndReveal(explorer, node, created.id);
  return created;
}
