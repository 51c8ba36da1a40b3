// Create VM Application: gallery → name → OS type → description → EULA → privacy statement →
// release notes → end of life → tags → summary → create. The application lives in the gallery's
// region; its versions (Create Application Version…) hold the packages.
import * as vscode from 'vscode';
import type { Application } from '../../azure/types';
import { parseIsoDate } from '../../model/endOfLife';
import { validateApplicationName } from '../../model/names';
import type { Explorer } from '../../tree/explorer';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { askedSteps, asker, optionsOf, readAnswers, type Answer } from '../../ui/answers';
import { endOfLifeAnswer, inputAnswer, linkAnswer, pickAnswer, tagsAnswer } from '../../ui/commonAnswers';
import { inputFailure } from '../../ui/failures';
import { log } from '../../ui/log';
import { notify } from '../../ui/notify';
import { runWizard, type Prompter } from '../../ui/wizard';
import { pollIntervalMs, prompterOf, reloadAndReveal, waitCancellably, type CommonCreateOptions } from '../createCommon';
import { createOrLook } from '../createOrLook';
import { CREATE_APPLICATION_VERSION_COMMAND, resolveGalleryOf, splitNodeArgs, summaryStep, type ApplicationTexts } from './common';

const TITLE = 'Create VM Application';

interface State extends ApplicationTexts {
  name?: string;
  /** Linux or Windows (supportedOSType: required, cannot change later). */
  osType?: 'Linux' | 'Windows';
}

export interface CreateApplicationOptions extends CommonCreateOptions, State {
  /** The gallery's resource id (not needed when run on the gallery's node). */
  gallery?: string;
  prompter?: Prompter;
}

type A = Answer<State, CreateApplicationOptions>;

function answers(taken: (name: string) => Promise<string | undefined>): A[] {
  return [
    inputAnswer<State, CreateApplicationOptions>({
      key: 'name',
      label: 'Name',
      required: true,
      prompt: 'The application name: letters, digits, hyphens, periods and underscores (1–80), e.g. monitoring-agent',
      placeholder: 'e.g. monitoring-agent',
      keep: 'trimmed',
      validate: (v) => validateApplicationName(v.trim()),
      validateAsync: (v) => taken(v.trim()),
    }),
    pickAnswer<State, CreateApplicationOptions, 'Linux' | 'Windows'>({
      key: 'osType',
      label: 'OS type',
      required: true,
      option: {
        read: (o, s) => {
          if (o.osType !== undefined) s.osType = o.osType;
        },
        write: (s, o) => {
          o.osType = s.osType;
        },
      },
      placeholder: 'The OS the application installs on (cannot change later)',
      allowed: { values: ['Linux', 'Windows'], hint: 'Use Linux or Windows.' },
      items: () => [
        { label: 'Linux', value: 'Linux' as const },
        { label: 'Windows', value: 'Windows' as const },
      ],
    }),
    inputAnswer<State, CreateApplicationOptions>({ key: 'description', label: 'Description', prompt: 'A description (optional: Enter with nothing leaves it out)', keep: 'optional' }),
    linkAnswer<State, CreateApplicationOptions>({ key: 'eula', label: 'EULA', prompt: 'A link to the end-user license agreement (optional)', what: 'EULA link', example: 'https://www.contoso.com/eula' }),
    linkAnswer<State, CreateApplicationOptions>({ key: 'privacyStatementUri', label: 'Privacy statement', prompt: 'A link to the privacy statement (optional)', what: 'privacy statement link', example: 'https://www.contoso.com/privacy' }),
    linkAnswer<State, CreateApplicationOptions>({ key: 'releaseNoteUri', label: 'Release notes', prompt: 'A link to the release notes (optional)', what: 'release notes link', example: 'https://www.contoso.com/notes' }),
    endOfLifeAnswer<State, CreateApplicationOptions>(),
    tagsAnswer<State, CreateApplicationOptions>(),
  ];
}

export async function createApplication(explorer: Explorer, ...args: unknown[]): Promise<Application | undefined> {
  const { node, options } = splitNodeArgs<CreateApplicationOptions>(args);
  const gallery = await resolveGalleryOf(explorer, node, options.gallery, TITLE);
  if (!gallery) return undefined;
  const azure = explorer.azure();
  const target = gallery.target;
  const g = gallery.gallery;
  const existing = azure.listApplications(target, g.resourceGroup, g.name).catch(() => [] as Application[]);
  const taken = async (name: string) => {
    const clash = (await existing).find((a) => a.name.toLowerCase() === name.toLowerCase());
    return clash ? `The gallery already has a VM application named "${clash.name}": choose another name.` : undefined;
  };
  const list = answers(taken);
  const state: State = {};
  const read = await readAnswers(list, options, state);
  if (!read.interactive && read.problems.length > 0) throw inputFailure(TITLE, read.problems, 'Nothing was created.', { answers: options, edit: true });
  const steps = [
    ...askedSteps(list, asker(read, options.edit)),
    summaryStep<State, CreateApplicationOptions>((s) => ({ label: '$(check) Create VM application', detail: `${s.name} (${s.osType}) in ${g.name}, ${g.location}` }), () => list),
  ];
  if (read.interactive && !(await runWizard(TITLE, steps, state, prompterOf(options)))) return undefined;
  return send(explorer, gallery, state, optionsOf(list, state, { prompter: options.prompter, gallery: gallery.resourceId }), options.abortSignal);
}

async function send(explorer: Explorer, gallery: GalleryNode, s: State, answers: CreateApplicationOptions, abortSignal: AbortSignal | undefined): Promise<Application | undefined> {
  const azure = explorer.azure();
  const g = gallery.gallery;
  const name = s.name!;
  const spec = {
    location: g.location,
    supportedOSType: s.osType!,
    description: s.description,
    eula: s.eula,
    privacyStatementUri: s.privacyStatementUri,
    releaseNoteUri: s.releaseNoteUri,
    endOfLifeDate: s.endOfLifeDate ? parseIsoDate(s.endOfLifeDate) : undefined,
    tags: s.tags,
  };
  const outcome = await waitCancellably(`Creating VM application ${name}`, abortSignal, (signal) =>
    createOrLook({
      resource: `VM application "${name}"`,
      create: () => azure.createApplication(gallery.target, g.resourceGroup, g.name, name, spec, { pollIntervalMs: pollIntervalMs(), abortSignal: signal }),
      look: async () => (await azure.listApplications(gallery.target, g.resourceGroup, g.name)).find((a) => a.name.toLowerCase() === name.toLowerCase()),
      answers,
      log: (line) => log().info(line),
    }),
  );
  const created = outcome?.value;
  if (!created) {
    explorer.reload(gallery.applications);
    void notify('info', `Stopped waiting for VM application ${name}. Azure goes on creating it: refresh the gallery to see its state.`);
    return undefined;
  }
  log().info(`Created VM application ${created.id}`);
  const shown = await reloadAndReveal(explorer, gallery.applications, created.id);
  void notify('info', `Created VM application ${created.name} (${created.supportedOSType}) in ${g.name}.`, 'Create Application Version').then((action) =>
    action ? vscode.commands.executeCommand(CREATE_APPLICATION_VERSION_COMMAND, shown) : undefined,
  );
  return created;
}
