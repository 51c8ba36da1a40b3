// Create Application Version's answers, in the order they are asked; "More options…" in the summary
// asks the rest (file names, reboot behaviour, storage, latest, end of life, safety, tags).
import { REBOOT_BEHAVIOURS, replicaWarning, validateApplicationCommand, validateApplicationFileName, validatePackageUrl, type RebootBehaviour } from '../../../model/applications';
import { normalizeRegionName, STORAGE_ACCOUNT_TYPES, validateTargetRegions } from '../../../model/replication';
import { parseIsoDate } from '../../../model/endOfLife';
import { defaultSasExpiry, maskSas, validateSasExpiry } from '../../../model/sasLink';
import { validateImageVersionName } from '../../../model/versions';
import type { Answer } from '../../../ui/answers';
import { parseReplicaCounts, replicasIn } from '../../../ui/answerText';
import { endOfLifeAnswer, inputAnswer, pickAnswer, tagsAnswer, yesNoAnswer } from '../../../ui/commonAnswers';
import type { RegionChoice } from '../../../ui/regions';
import { storageTypeItems } from '../../../ui/storageTypes';
import type { Prompter } from '../../../ui/wizard';
import type { CommonCreateOptions } from '../../createCommon';
import { regionsStep } from '../common';
import { packageSourceStep, type PackageContext } from './packageSource';

/** The answers an options object and the flow's state hold alike. */
interface VersionAnswers {
  /** Major.Minor.Patch. */
  name?: string;
  /** The package's blob URL (publishingProfile.source.mediaLink). */
  packageUrl?: string;
  /** The default configuration file's blob URL (source.defaultConfigurationLink). */
  configurationUrl?: string;
  /** When the read-only SAS made for a picked blob expires, YYYY-MM-DD (default: the end of life if within a year, else a year on). */
  sasExpiry?: string;
  install?: string;
  remove?: string;
  update?: string;
  packageFileName?: string;
  configFileName?: string;
  /** "1" for every region, or "eastus=2, westus=1". */
  replicas?: string;
  storageAccountType?: string;
  excludeFromLatest?: boolean;
  /** YYYY-MM-DD in the future. */
  endOfLifeDate?: string;
  allowDeletionOfReplicatedLocations?: boolean;
  tags?: Record<string, string>;
}

export interface CreateApplicationVersionOptions extends CommonCreateOptions, VersionAnswers {
  /** The application's resource id (not needed when run on its node). */
  application?: string;
  /**
   * The storage account holding packageUrl's blob (what picking or uploading it gives): when the
   * version is sent, a read-only SAS is made for the blob unless its container is public.
   */
  packageStorageAccountId?: string;
  /** The same for configurationUrl. */
  configurationStorageAccountId?: string;
  /** Who chooses a local file to upload; VS Code's open dialog by default (tests give one). */
  chooseFile?: () => Promise<string | undefined>;
  /** settings.scriptBehaviorAfterReboot: None or Rerun (not given: Azure's default). */
  rebootBehaviour?: RebootBehaviour;
  /** Region names; the application's region is always one of them. */
  targetRegions?: string[];
  prompter?: Prompter;
}

export interface State extends VersionAnswers {
  packageAccount?: string;
  configurationAccount?: string;
  /** '': Azure's default (nothing sent). */
  rebootBehaviour?: RebootBehaviour | '';
  regions?: string[];
  /** "More options…" was picked in the summary. */
  more?: boolean;
}

type A = Answer<State, CreateApplicationVersionOptions>;

export interface VersionContext {
  /** The application's region (the source region of every version). */
  source: string;
  regions: () => Promise<RegionChoice[]>;
  existing: () => Promise<string[]>;
  suggestName: () => Promise<string | undefined>;
  blobs: PackageContext;
  now: () => Date;
}

/** A picked or uploaded blob is in the state with its account: a SAS is made for it when sent. */
export const needsSas = (s: State): boolean => s.packageAccount !== undefined || s.configurationAccount !== undefined;

/** The SAS expiry the state means: the answer, or the default from the end of life. */
export function sasExpiryOf(s: State, now: Date): Date {
  if (s.sasExpiry) return new Date(`${s.sasExpiry}T00:00:00Z`);
  return defaultSasExpiry(now, s.endOfLifeDate ? parseIsoDate(s.endOfLifeDate) : undefined);
}

/** The target regions a state means, each with its replica count, or what to fix. */
export function targetsOf(s: State, source: string): { name: string; regionalReplicaCount: number }[] | string {
  const regions = [normalizeRegionName(source), ...(s.regions ?? []).map(normalizeRegionName).filter((r) => r !== normalizeRegionName(source))];
  const counts = parseReplicaCounts(s.replicas ?? '1', regions);
  if (typeof counts === 'string') return counts;
  const targets = regions.map((name) => ({ name, regionalReplicaCount: replicasIn(counts, name) }));
  return validateTargetRegions(targets, source) ?? targets;
}

const command = (key: 'install' | 'remove' | 'update', label: string, prompt: string): A =>
  inputAnswer<State, CreateApplicationVersionOptions>({
    key,
    label,
    required: key !== 'update',
    prompt,
    keep: key === 'update' ? 'optional' : 'typed',
    validate: (v) => validateApplicationCommand(v, key),
  });

export function mainAnswers(ctx: VersionContext): A[] {
  const more = (s: State) => s.more === true;
  const url = (key: 'packageUrl' | 'configurationUrl', label: string, noun: string, optional: boolean): A => {
    const account = key === 'packageUrl' ? 'packageAccount' : 'configurationAccount';
    const option = key === 'packageUrl' ? 'packageStorageAccountId' : 'configurationStorageAccountId';
    return {
      key,
      label,
      required: !optional,
      read: (o, s) => {
        if (o[key] === undefined || s[key] !== undefined) return;
        s[key] = o[key];
        s[account] = o[option];
      },
      write: (s, o) => {
        o[key] = s[key];
        o[option] = s[account];
      },
      check: (s) => (optional && !s[key] ? undefined : validatePackageUrl(s[key] ?? '', noun)),
      summary: (s) => s[key] && maskSas(s[key]),
      steps: [
        packageSourceStep<State>({
          title: label,
          what: { noun, optional },
          ctx: ctx.blobs,
          get: (s) => (s[key] ? { url: s[key], accountId: s[account] } : undefined),
          set: (s, v) => {
            s[key] = v?.url;
            s[account] = v?.accountId;
          },
        }),
      ],
    };
  };
  /** A yes/no of "More options…": its summary line only when yes. */
  const moreYesNo = (key: 'excludeFromLatest' | 'allowDeletionOfReplicatedLocations', label: string, placeholder: string, no: string, yes: string): A =>
    yesNoAnswer<State, CreateApplicationVersionOptions>({ key, label, when: more, placeholder, summary: (s) => (s[key] ? 'Yes' : undefined), no: { label: no }, yes: { label: yes } });
  return [
    inputAnswer<State, CreateApplicationVersionOptions>({
      key: 'name',
      label: 'Version',
      required: true,
      prompt: 'The version as Major.Minor.Patch, e.g. 1.0.0',
      keep: 'trimmed',
      suggest: () => ctx.suggestName(),
      validate: (v) => validateImageVersionName(v.trim()),
      validateAsync: async (v) => ((await ctx.existing()).some((n) => n === v.trim()) ? `Version ${v.trim()} already exists: choose another.` : undefined),
    }),
    url('packageUrl', 'Package', 'package', false),
    url('configurationUrl', 'Default configuration', 'default configuration file', true),
    command('install', 'Install command', 'The command that installs the application (up to 4096 characters), e.g. tar -xzf app.tar.gz && ./install.sh'),
    command('remove', 'Remove command', 'The command that removes the application (up to 4096 characters), e.g. ./uninstall.sh'),
    command('update', 'Update command', 'The command that updates an installed application (optional: Enter with nothing runs remove, then install)'),
    {
      key: 'regions',
      label: 'Target regions',
      read: (o, s) => {
        if (o.targetRegions !== undefined) s.regions = o.targetRegions.map(normalizeRegionName);
      },
      write: (s, o) => {
        o.targetRegions = s.regions;
      },
      check: (s) => {
        const t = targetsOf({ ...s, replicas: '1' }, ctx.source);
        return typeof t === 'string' ? t : undefined;
      },
      summary: (s) => (s.regions ?? [normalizeRegionName(ctx.source)]).join(', '),
      steps: [regionsStep<State>(() => ctx.source, ctx.regions)],
    },
    inputAnswer<State, CreateApplicationVersionOptions>({
      key: 'replicas',
      label: 'Replicas',
      prompt: 'Replicas per region: one number for every region, or region=count pairs (1–3 for a package in a block blob)',
      keep: 'trimmed',
      suggest: () => '1',
      validate: (v, s) => {
        const t = targetsOf({ ...s, replicas: v }, ctx.source);
        return typeof t === 'string' ? t : undefined;
      },
      warn: (v, s) => {
        const t = targetsOf({ ...s, replicas: v }, ctx.source);
        return typeof t === 'string' ? undefined : replicaWarning(t.map((x) => x.regionalReplicaCount));
      },
    }),
    inputAnswer<State, CreateApplicationVersionOptions>({ key: 'packageFileName', label: 'Package file name', when: more, prompt: "The package's file name on the VM (optional: Azure names it after the application)", keep: 'optional', validate: validateApplicationFileName }),
    inputAnswer<State, CreateApplicationVersionOptions>({ key: 'configFileName', label: 'Configuration file name', when: more, prompt: "The configuration's file name on the VM (optional: Azure names it <application>_config)", keep: 'optional', validate: validateApplicationFileName }),
    pickAnswer<State, CreateApplicationVersionOptions, RebootBehaviour | ''>({
      key: 'rebootBehaviour',
      label: 'After a reboot',
      when: more,
      placeholder: 'What the install, update or remove script does when the VM reboots while it runs',
      allowed: { values: ['', ...REBOOT_BEHAVIOURS], hint: 'Use None or Rerun.' },
      summary: (s) => (s.rebootBehaviour ? (s.rebootBehaviour === 'Rerun' ? 'Rerun: the script runs again' : 'None: the script is not run again') : undefined),
      items: () => [
        { label: "Azure's default", detail: 'Nothing is sent', value: '' as const },
        { label: 'Rerun', detail: 'The script runs again after the reboot', value: 'Rerun' as const },
        { label: 'None', detail: 'The script is not run again', value: 'None' as const },
      ],
    }),
    pickAnswer<State, CreateApplicationVersionOptions, string>({
      key: 'storageAccountType',
      label: 'Storage',
      when: more,
      placeholder: 'The storage type of the replicas',
      allowed: { values: ['', ...STORAGE_ACCOUNT_TYPES], hint: `Use ${STORAGE_ACCOUNT_TYPES.join(', ')}.` },
      summary: (s) => s.storageAccountType || undefined,
      items: async (s) => storageTypeItems<string>(s.regions ?? [normalizeRegionName(ctx.source)], await ctx.regions().catch(() => []), { value: '', detail: 'Nothing is sent; Azure chooses' }),
    }),
    moreYesNo('excludeFromLatest', 'Exclude from latest', 'Exclude this version from "latest"? (VMs naming versions/latest get the highest version not excluded)', 'No, keep it in "latest"', 'Yes, exclude it from "latest"'),
    endOfLifeAnswer<State, CreateApplicationVersionOptions>({ when: more }),
    inputAnswer<State, CreateApplicationVersionOptions>({
      key: 'sasExpiry',
      label: 'SAS expires',
      when: (s) => more(s) && needsSas(s),
      prompt: 'When the read-only SAS made for the picked blob expires (YYYY-MM-DD): the gallery reads the blob when it replicates, and in some regions when a region is added later',
      keep: 'trimmed',
      suggest: (s) => sasExpiryOf(s, ctx.now()).toISOString().slice(0, 10),
      validate: (v) => validateSasExpiry(v, ctx.now()),
      // Shown whenever a SAS will be made, not only once asked: the expiry is part of what is sent.
      summary: (s) => (needsSas(s) ? { label: 'Package access', value: `read-only SAS until ${sasExpiryOf(s, ctx.now()).toISOString().slice(0, 10)}` } : undefined),
    }),
    moreYesNo('allowDeletionOfReplicatedLocations', 'Allow removing replicated regions', 'Let a later update remove regions this version is replicated to? (safetyProfile)', 'No', 'Yes'),
    tagsAnswer<State, CreateApplicationVersionOptions>({ when: more }),
  ];
}
