// Create Image Definition: gallery → name → OS type → OS state → generation → publisher / offer /
// SKU (unique as a triple) → architecture → security type → summary, with "Advanced…" for the
// optional properties. The definition lives in the gallery's region.
import * as vscode from 'vscode';
import { linkWarning } from '../model/urls';
import { describeFeatures, featureEntries, type DefinitionFeatures } from '../model/definitionFeatures';
import { tagsToText, validateTags, type Tags } from '../model/tags';
import { featureSteps } from '../ui/featureSteps';
import { tagsStep } from '../ui/tagsStep';
import type { ImageDefinition } from '../azure/types';
import type { NewImageDefinition } from '../azure/writeTypes';
import { validateEndOfLifeDate, parseIsoDate } from '../model/endOfLife';
import {
  ARCHITECTURES,
  HYPERV_GENERATIONS,
  OS_STATES,
  OS_TYPES,
  SECURITY_TYPES,
  azureDefaultSecurityType,
  describeSecurityType,
  parseArchitecture,
  parseHyperVGeneration,
  parseOsState,
  parseOsType,
  parseSecurityType,
  validateDefinitionShape,
  type Architecture,
  type HyperVGeneration,
  type OsState,
  type OsType,
  type SecurityType,
} from '../model/imageRules';
import { validateImageDefinitionName, validateOffer, validatePublisher, validateSku } from '../model/names';
import { validateRecommendedMemory, validateRecommendedVCpus, type ResourceRange } from '../model/recommendedRanges';
import type { Explorer } from '../tree/explorer';
import { GalleryNode } from '../tree/nodes/galleryNode';
import { rangeFromText, rangeToText, validateRangeText } from '../ui/answerText';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { inputStep, pickManyStep, pickStep, runWizard, type PickEntry, type Step } from '../ui/wizard';
import { failureMessage } from '../ui/failures';
import {
  galleryNodeById,
  lazyBy,
  pollIntervalMs,
  prompterOf,
  reloadAndReveal,
  signedInSubscriptions,
  splitArguments,
  summaryLine,
  waitCancellably,
  type CommonCreateOptions,
} from './createCommon';

export const CREATE_DEFINITION_COMMAND = 'azureComputeGallery.createImageDefinition';
const TITLE = 'Create Image Definition';

export interface CreateImageDefinitionOptions extends CommonCreateOptions {
  /** The gallery's resource id. */
  gallery?: string;
  name?: string;
  osType?: OsType;
  osState?: OsState;
  /** V2 when not given. */
  hyperVGeneration?: HyperVGeneration;
  /** x64 when not given. */
  architecture?: Architecture;
  /**
   * Always sent as the SecurityType feature. When not given: Azure's own default for the
   * generation — TrustedLaunchSupported for V2, Standard for V1.
   */
  securityType?: SecurityType;
  publisher?: string;
  offer?: string;
  sku?: string;
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  /** YYYY-MM-DD (or a zoned ISO date-time), in the future. */
  endOfLifeDate?: string;
  recommended?: { vCPUs?: ResourceRange; memory?: ResourceRange };
  disallowedDiskTypes?: string[];
  purchasePlan?: { name?: string; publisher?: string; product?: string };
  /** Disk controllers, accelerated networking, hibernation; a feature not given is left out. */
  features?: DefinitionFeatures;
  /** Resource tags (at most 50; names up to 512 characters without < > % & \ ? /, values up to 256). */
  tags?: Record<string, string>;
}

const ADVANCED = ['description', 'eula', 'privacy', 'releaseNotes', 'endOfLife', 'vCPUs', 'memory', 'disallowed', 'plan', 'features', 'tags'] as const;
type AdvancedKey = (typeof ADVANCED)[number];
const ADVANCED_LABELS: Record<AdvancedKey, { label: string; detail: string }> = {
  description: { label: 'Description', detail: 'What the image is for' },
  eula: { label: 'EULA link', detail: 'The end-user license agreement' },
  privacy: { label: 'Privacy statement link', detail: 'The privacy statement for the image' },
  releaseNotes: { label: 'Release notes link', detail: 'Where the release notes are' },
  endOfLife: { label: 'End-of-life date', detail: 'After this date the definition is marked as past its end of life' },
  vCPUs: { label: 'Recommended vCPUs', detail: 'The vCPU range VMs from this image should have' },
  memory: { label: 'Recommended memory', detail: 'The memory range (GB) VMs from this image should have' },
  disallowed: { label: 'Disallowed disk types', detail: 'OS disk types VMs from this image must not use' },
  plan: { label: 'Purchase plan', detail: 'The Marketplace plan (name, publisher, product) the image comes from' },
  features: { label: 'Features', detail: 'Disk controllers (SCSI, NVMe), accelerated networking, hibernation' },
  tags: { label: 'Tags', detail: 'Resource tags as name=value pairs' },
};

/** OS disk types Azure knows; the portal offers the same list. */
export const DISK_TYPES = ['Standard_LRS', 'StandardSSD_LRS', 'StandardSSD_ZRS', 'Premium_LRS', 'Premium_ZRS', 'PremiumV2_LRS', 'UltraSSD_LRS'] as const;

interface State {
  gallery?: GalleryNode;
  name?: string;
  osType?: OsType;
  osState?: OsState;
  hyperVGeneration?: HyperVGeneration;
  publisher?: string;
  offer?: string;
  sku?: string;
  architecture?: Architecture;
  securityType?: SecurityType;
  /** "Advanced…" was picked in the summary. */
  advanced?: boolean;
  advancedChosen?: AdvancedKey[];
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  endOfLifeDate?: string;
  vCPUs?: string;
  memory?: string;
  disallowedDiskTypes?: string[];
  planName?: string;
  planPublisher?: string;
  planProduct?: string;
  features?: DefinitionFeatures;
  tags?: Tags;
}

type SummaryChoice = 'create' | 'advanced' | 'line';

// Azure stores any text in these links (model/urls.ts linkWarning): anything but a plain https://
// address is a warning shown while typing, never a refusal.
function linkWarner(what: string, example: string): (value: string) => string | undefined {
  return (value) => linkWarning(value, what, example);
}

const warnEula = linkWarner('EULA link', 'https://www.contoso.com/eula');
const warnPrivacy = linkWarner('privacy statement link', 'https://www.contoso.com/privacy');
const warnReleaseNotes = linkWarner('release notes link', 'https://www.contoso.com/release-notes');
const validateEol = (value: string) => validateEndOfLifeDate(value.trim(), new Date());
const validateVCpus = (value: string) => validateRangeText(value, 'vCPUs');
const validateMemory = (value: string) => validateRangeText(value, 'memory (GB)');
const planPart = (what: string, example: string) => (value: string) =>
  value.trim() === '' ? `Enter the plan's ${what} as the Marketplace lists it, for example ${example}.` : /\s/.test(value.trim()) ? `Remove the spaces from the plan's ${what}.` : undefined;

const OS_LABELS: Record<OsType, string> = { Linux: '$(terminal-linux) Linux', Windows: '$(window) Windows' };
const STATE_DETAILS: Record<OsState, string> = {
  Generalized: 'Prepared with sysprep or waagent -deprovision: each VM gets its own name, users and settings',
  Specialized: 'Copied as it is: VMs keep the machine name, users and settings of the source',
};
const GENERATION_DETAILS: Record<HyperVGeneration, string> = {
  V2: 'Generation 2 (recommended): UEFI boot; needed for Trusted launch, confidential VMs and Arm64',
  V1: 'Generation 1: BIOS boot, for older images',
};

export async function createImageDefinition(explorer: Explorer, ...args: unknown[]): Promise<ImageDefinition | undefined> {
  const { node, options } = splitArguments<GalleryNode, CreateImageDefinitionOptions>(args, (v): v is GalleryNode => v instanceof GalleryNode);
  const prompter = prompterOf(options);
  const subscriptions = await signedInSubscriptions(explorer);
  const azure = explorer.azure();
  const definitionsOf = lazyBy(
    (g: GalleryNode) => g.resourceId,
    (g) => azure.listImageDefinitions(g.parent.subscription.target, g.gallery.resourceGroup, g.gallery.name),
  );
  const lookupFailed = (error: unknown) => {
    log().warn(`Create Image Definition: could not list the gallery's definitions: ${(error as Error).message}`);
    return [] as ImageDefinition[];
  };
  const nameTaken = async (s: State, name: string) => {
    if (!s.gallery) return undefined;
    const clash = (await definitionsOf(s.gallery).catch(lookupFailed)).find((d) => d.name.toLowerCase() === name.toLowerCase());
    return clash ? `The gallery already has an image definition named "${clash.name}": choose another name.` : undefined;
  };
  const tripleTaken = async (s: State, sku: string) => {
    if (!s.gallery) return undefined;
    const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
    const clash = (await definitionsOf(s.gallery).catch(lookupFailed)).find((d) => same(d.publisher, s.publisher) && same(d.offer, s.offer) && same(d.sku, sku));
    return clash
      ? `"${clash.name}" already uses publisher ${clash.publisher}, offer ${clash.offer} and SKU ${clash.sku} in this gallery: the three together must be unique, so change the SKU (or go Back and change the offer or publisher).`
      : undefined;
  };

  const state: State = {
    gallery: node ?? (options.gallery ? await galleryNodeById(explorer, options.gallery) : undefined),
    name: options.name,
    osType: options.osType,
    osState: options.osState,
    hyperVGeneration: options.hyperVGeneration,
    publisher: options.publisher,
    offer: options.offer,
    sku: options.sku,
    architecture: options.architecture,
    securityType: options.securityType,
    description: options.description,
    eula: options.eula,
    privacyStatementUri: options.privacyStatementUri,
    releaseNoteUri: options.releaseNoteUri,
    endOfLifeDate: options.endOfLifeDate,
    vCPUs: options.recommended?.vCPUs ? rangeToText(options.recommended.vCPUs) : undefined,
    memory: options.recommended?.memory ? rangeToText(options.recommended.memory) : undefined,
    disallowedDiskTypes: options.disallowedDiskTypes,
    planName: options.purchasePlan?.name,
    planPublisher: options.purchasePlan?.publisher,
    planProduct: options.purchasePlan?.product,
    features: options.features,
    tags: options.tags,
  };
  const problems: string[] = [];
  if (options.gallery && !state.gallery) problems.push(`Gallery: ${options.gallery} is not a gallery of the signed-in subscriptions.`);
  const required: (keyof State)[] = ['gallery', 'name', 'osType', 'osState', 'publisher', 'offer', 'sku'];
  const interactive = options.edit === true || required.some((k) => state[k] === undefined);
  const given = new Set<keyof State>();
  const check = (key: keyof State, label: string, message: string | undefined) => {
    if (state[key] === undefined) return;
    if (message === undefined) given.add(key);
    else problems.push(`${label}: ${message}`);
  };
  const enumProblem = (value: string | undefined, parse: (t: string) => string | undefined, allowed: readonly string[]) =>
    value === undefined || parse(value) === value ? undefined : `Use one of ${allowed.join(', ')}.`;
  check('gallery', 'Gallery', undefined);
  check('name', 'Name', state.name === undefined ? undefined : validateImageDefinitionName(state.name) ?? (await nameTaken(state, state.name)));
  check('osType', 'OS type', enumProblem(state.osType, (t) => parseOsType(t), OS_TYPES));
  check('osState', 'OS state', enumProblem(state.osState, (t) => parseOsState(t), OS_STATES));
  check('hyperVGeneration', 'VM generation', enumProblem(state.hyperVGeneration, (t) => parseHyperVGeneration(t), HYPERV_GENERATIONS));
  check('publisher', 'Publisher', state.publisher === undefined ? undefined : validatePublisher(state.publisher));
  check('offer', 'Offer', state.offer === undefined ? undefined : validateOffer(state.offer));
  check('sku', 'SKU', state.sku === undefined ? undefined : validateSku(state.sku) ?? (await tripleTaken(state, state.sku)));
  check('architecture', 'Architecture', enumProblem(state.architecture, (t) => parseArchitecture(t), ARCHITECTURES));
  check('securityType', 'Security type', enumProblem(state.securityType, (t) => parseSecurityType(t), SECURITY_TYPES));
  const shape = validateDefinitionShape({ hyperVGeneration: state.hyperVGeneration ?? 'V2', architecture: state.architecture, securityType: state.securityType });
  if (shape && state.securityType !== undefined) {
    problems.push(`Security type: ${shape}`);
    given.delete('securityType');
  } else if (shape) {
    problems.push(`Architecture: ${shape}`);
    given.delete('architecture');
  }
  check('description', 'Description', undefined);
  check('eula', 'EULA', undefined);
  check('privacyStatementUri', 'Privacy statement', undefined);
  check('releaseNoteUri', 'Release notes', undefined);
  check('features', 'Features', undefined);
  check('tags', 'Tags', state.tags === undefined ? undefined : validateTags(state.tags));
  check('endOfLifeDate', 'End-of-life date', state.endOfLifeDate === undefined ? undefined : validateEol(state.endOfLifeDate));
  check('vCPUs', 'Recommended vCPUs', options.recommended?.vCPUs ? validateRecommendedVCpus(options.recommended.vCPUs) : undefined);
  check('memory', 'Recommended memory', options.recommended?.memory ? validateRecommendedMemory(options.recommended.memory) : undefined);
  const unknownDisk = state.disallowedDiskTypes?.find((d) => !(DISK_TYPES as readonly string[]).includes(d));
  check('disallowedDiskTypes', 'Disallowed disk types', unknownDisk ? `${unknownDisk} is not a disk type: use ${DISK_TYPES.join(', ')}.` : undefined);
  if (options.purchasePlan) {
    check('planName', 'Plan name', planPart('name', 'ubuntu-2204')(state.planName ?? ''));
    check('planPublisher', 'Plan publisher', planPart('publisher', 'canonical')(state.planPublisher ?? ''));
    check('planProduct', 'Plan product', planPart('product', 'ubuntu-server')(state.planProduct ?? ''));
  }
  if (!interactive && problems.length > 0) {
    void notify('error', `Create Image Definition: fix these answers, nothing was created. ${problems.join(' ')}`);
    return undefined;
  }
  const ask = (key: keyof State) => interactive && (options.edit === true || !given.has(key));
  const wants = (s: State, key: AdvancedKey) => s.advanced === true && (s.advancedChosen ?? []).includes(key);

  const galleryItems = async (): Promise<PickEntry<GalleryNode>[]> => {
    const entries: PickEntry<GalleryNode>[] = [];
    for (const sub of subscriptions) {
      const galleries = (await explorer.provider.getChildren(sub)).filter((n): n is GalleryNode => n instanceof GalleryNode);
      if (galleries.length === 0) continue;
      entries.push({ separator: sub.subscription.name });
      for (const g of galleries) entries.push({ label: g.gallery.name, description: `${g.gallery.resourceGroup} · ${g.gallery.location}`, value: g });
    }
    if (entries.length === 0) throw new Error('There is no gallery yet: create one first (Azure Compute Gallery: Create Gallery…).');
    return entries;
  };

  const summary = (s: State, withAdvancedItem: boolean): PickEntry<SummaryChoice>[] => {
    const line = (label: string, value: string, step: string) => summaryLine(label, value, step, 'line' as const);
    const entries: PickEntry<SummaryChoice>[] = [
      {
        label: '$(check) Create image definition',
        detail: `${s.name} in ${s.gallery?.gallery.name} (${s.gallery?.gallery.location})`,
        value: 'create',
      },
    ];
    if (withAdvancedItem) {
      entries.push({
        label: '$(settings-gear) Advanced…',
        detail: 'Description, EULA, privacy and release-notes links, end of life, recommended vCPUs and memory, disallowed disk types, purchase plan, features, tags',
        value: 'advanced',
      });
    }
    entries.push(
      { separator: 'Summary' },
      line('Gallery', `${s.gallery?.gallery.name} (${s.gallery?.gallery.location}, the definition's region)`, 'Gallery'),
      line('Name', s.name ?? '', 'Name'),
      line('OS', `${s.osType} · ${s.osState}`, 'OS type'),
      line('VM generation', s.hyperVGeneration ?? 'V2', 'VM generation'),
      line('Publisher / offer / SKU', `${s.publisher} / ${s.offer} / ${s.sku}`, 'Publisher'),
      line('Architecture', s.architecture ?? 'x64', 'Architecture'),
      line('Security type', securityLine(s), 'Security type'),
    );
    if (s.description) entries.push(line('Description', s.description, 'Description'));
    if (s.eula) entries.push(line('EULA', s.eula, 'EULA link'));
    if (s.privacyStatementUri) entries.push(line('Privacy statement', s.privacyStatementUri, 'Privacy statement link'));
    if (s.releaseNoteUri) entries.push(line('Release notes', s.releaseNoteUri, 'Release notes link'));
    if (s.endOfLifeDate) entries.push(line('End of life', s.endOfLifeDate, 'End-of-life date'));
    if (s.vCPUs) entries.push(line('Recommended vCPUs', s.vCPUs, 'Recommended vCPUs'));
    if (s.memory) entries.push(line('Recommended memory (GB)', s.memory, 'Recommended memory'));
    if (s.disallowedDiskTypes?.length) entries.push(line('Disallowed disk types', s.disallowedDiskTypes.join(', '), 'Disallowed disk types'));
    if (s.planName) entries.push(line('Purchase plan', `${s.planName} / ${s.planPublisher} / ${s.planProduct}`, 'Plan name'));
    if (s.features && describeFeatures(s.features)) entries.push(line('Features', describeFeatures(s.features), 'Disk controllers'));
    if (s.tags && Object.keys(s.tags).length > 0) entries.push(line('Tags', tagsToText(s.tags), 'Tags'));
    return entries;
  };

  const text = (key: 'description' | 'eula' | 'privacyStatementUri' | 'releaseNoteUri' | 'endOfLifeDate' | 'vCPUs' | 'memory' | 'planName' | 'planPublisher' | 'planProduct') => ({
    get: (s: State) => s[key],
    set: (s: State, v: string) => {
      s[key] = v.trim() === '' ? undefined : v.trim();
    },
  });

  const steps: Step<State>[] = [
    pickStep<State, GalleryNode>({
      title: 'Gallery',
      placeholder: 'The gallery for the new definition (it gets the gallery\'s region)',
      when: () => ask('gallery'),
      items: galleryItems,
      get: (s) => s.gallery,
      same: (a, b) => a.resourceId.toLowerCase() === b.resourceId.toLowerCase(),
      set: (s, g) => {
        s.gallery = g;
      },
    }),
    inputStep<State>({
      title: 'Name',
      prompt: 'Image definition name: letters, digits, underscores, hyphens and periods; up to 80; starts and ends with a letter or digit; unique in the gallery',
      placeholder: 'e.g. ubuntu-22.04-lts',
      when: () => ask('name'),
      get: (s) => s.name,
      set: (s, v) => (s.name = v),
      validate: validateImageDefinitionName,
      validateAsync: (v, s) => nameTaken(s, v),
    }),
    pickStep<State, OsType>({
      title: 'OS type',
      placeholder: 'The operating system of the images',
      when: () => ask('osType'),
      items: () => OS_TYPES.map((t) => ({ label: OS_LABELS[t], value: t })),
      get: (s) => s.osType,
      set: (s, v) => {
        s.osType = v;
      },
    }),
    pickStep<State, OsState>({
      title: 'OS state',
      placeholder: 'Were the images generalized before capture?',
      when: () => ask('osState'),
      items: () => OS_STATES.map((t) => ({ label: t, detail: STATE_DETAILS[t], value: t })),
      get: (s) => s.osState,
      set: (s, v) => {
        s.osState = v;
      },
    }),
    pickStep<State, HyperVGeneration>({
      title: 'VM generation',
      placeholder: 'The Hyper-V generation of the VMs the images boot',
      when: () => ask('hyperVGeneration'),
      items: () => (['V2', 'V1'] as const).map((g) => ({ label: g, detail: GENERATION_DETAILS[g], value: g })),
      get: (s) => s.hyperVGeneration,
      suggest: () => 'V2',
      set: (s, v) => {
        s.hyperVGeneration = v;
      },
    }),
    inputStep<State>({
      title: 'Publisher',
      prompt: 'Publisher: letters, digits, hyphens, periods and underscores; up to 128; not ending in a period',
      placeholder: 'e.g. Contoso',
      when: () => ask('publisher'),
      get: (s) => s.publisher,
      set: (s, v) => (s.publisher = v),
      validate: validatePublisher,
    }),
    inputStep<State>({
      title: 'Offer',
      prompt: 'Offer: letters, digits, hyphens, periods and underscores; up to 64; not ending in a period',
      placeholder: 'e.g. UbuntuServer',
      when: () => ask('offer'),
      get: (s) => s.offer,
      set: (s, v) => (s.offer = v),
      validate: validateOffer,
    }),
    inputStep<State>({
      title: 'SKU',
      prompt: 'SKU: letters, digits, hyphens, periods and underscores; up to 64; publisher, offer and SKU together must be unique in the gallery',
      placeholder: 'e.g. 22_04-lts-gen2',
      when: () => ask('sku'),
      get: (s) => s.sku,
      set: (s, v) => (s.sku = v),
      validate: validateSku,
      validateAsync: (v, s) => tripleTaken(s, v),
    }),
    pickStep<State, Architecture>({
      title: 'Architecture',
      placeholder: 'The CPU architecture of the images',
      when: () => ask('architecture'),
      items: (s) =>
        ARCHITECTURES.map((a) => ({
          label: a,
          detail: a === 'x64' ? 'Intel and AMD processors' : 'Arm-based processors (Generation 2 only)',
          value: a,
          refusal: validateDefinitionShape({ hyperVGeneration: s.hyperVGeneration ?? 'V2', architecture: a }),
        })),
      get: (s) => s.architecture,
      suggest: () => 'x64',
      set: (s, v) => {
        s.architecture = v;
      },
    }),
    pickStep<State, SecurityType>({
      title: 'Security type',
      placeholder: (s) =>
        (s.hyperVGeneration ?? 'V2') === 'V2'
          ? 'Which VM security features the images support (the choice is sent as it is: left out, Azure makes a Generation 2 definition Trusted launch supported)'
          : 'Which VM security features the images support (Generation 1: Standard)',
      when: () => ask('securityType'),
      items: (s) =>
        SECURITY_TYPES.map((t) => {
          const refusal = validateDefinitionShape({ hyperVGeneration: s.hyperVGeneration ?? 'V2', securityType: t });
          return {
            label: describeSecurityType(t),
            description: t === 'TrustedLaunchSupported' && !refusal ? `${t} · recommended` : t,
            detail: refusal
              ? `$(circle-slash) Needs Generation 2 (V2)`
              : t === 'Standard' && (s.hyperVGeneration ?? 'V2') === 'V2'
                ? 'No Trusted launch: sent explicitly, because Azure makes Generation 2 definitions Trusted launch supported by default'
                : t === 'TrustedLaunchSupported'
                  ? "Azure's default for Generation 2: VMs may use Trusted launch or not"
                  : undefined,
            value: t,
            refusal,
          };
        }),
      get: (s) => s.securityType,
      suggest: (s) => azureDefaultSecurityType(s.hyperVGeneration ?? 'V2', s.architecture ?? 'x64'),
      set: (s, v) => {
        s.securityType = v;
      },
    }),
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: 'Pick Create, or Advanced… for optional settings',
      when: () => interactive,
      items: (s) => summary(s, true),
      get: () => 'create',
      set: (s, choice) => {
        s.advanced = choice === 'advanced';
      },
    }),
    pickManyStep<State, AdvancedKey>({
      title: 'Advanced',
      placeholder: 'Pick the settings to fill in, then press Enter',
      when: (s) => interactive && s.advanced === true,
      items: () => ADVANCED.map((k) => ({ label: ADVANCED_LABELS[k].label, detail: ADVANCED_LABELS[k].detail, value: k })),
      get: (s) => s.advancedChosen,
      suggest: (s) =>
        ADVANCED.filter((k) =>
          ({
            description: s.description,
            eula: s.eula,
            privacy: s.privacyStatementUri,
            releaseNotes: s.releaseNoteUri,
            endOfLife: s.endOfLifeDate,
            vCPUs: s.vCPUs,
            memory: s.memory,
            disallowed: s.disallowedDiskTypes?.length ? 'x' : undefined,
            plan: s.planName,
            features: s.features && describeFeatures(s.features) ? 'x' : undefined,
            tags: s.tags && Object.keys(s.tags).length > 0 ? 'x' : undefined,
          })[k] !== undefined,
        ),
      set: (s, keys) => {
        s.advancedChosen = keys;
      },
    }),
    inputStep<State>({ title: 'Description', prompt: 'Description of the image definition (Enter with nothing leaves it out)', when: (s) => wants(s, 'description'), ...text('description') }),
    inputStep<State>({ title: 'EULA link', prompt: 'Link to the end-user license agreement, usually an https:// address', placeholder: 'https://www.contoso.com/eula', when: (s) => wants(s, 'eula'), warn: warnEula, ...text('eula') }),
    inputStep<State>({
      title: 'Privacy statement link',
      prompt: 'Link to the privacy statement, usually an https:// address',
      placeholder: 'https://www.contoso.com/privacy',
      when: (s) => wants(s, 'privacy'),
      warn: warnPrivacy,
      ...text('privacyStatementUri'),
    }),
    inputStep<State>({
      title: 'Release notes link',
      prompt: 'Link to the release notes, usually an https:// address',
      placeholder: 'https://www.contoso.com/release-notes',
      when: (s) => wants(s, 'releaseNotes'),
      warn: warnReleaseNotes,
      ...text('releaseNoteUri'),
    }),
    inputStep<State>({
      title: 'End-of-life date',
      prompt: 'End-of-life date as YYYY-MM-DD, in the future (Enter with nothing leaves it out)',
      placeholder: 'e.g. 2030-12-31',
      when: (s) => wants(s, 'endOfLife'),
      validate: validateEol,
      ...text('endOfLifeDate'),
    }),
    inputStep<State>({
      title: 'Recommended vCPUs',
      prompt: 'Recommended vCPUs as min-max, e.g. 2-16 (2- for at least 2, -16 for at most 16)',
      placeholder: 'e.g. 2-16',
      when: (s) => wants(s, 'vCPUs'),
      validate: validateVCpus,
      ...text('vCPUs'),
    }),
    inputStep<State>({
      title: 'Recommended memory',
      prompt: 'Recommended memory in GB as min-max, e.g. 4-64',
      placeholder: 'e.g. 4-64',
      when: (s) => wants(s, 'memory'),
      validate: validateMemory,
      ...text('memory'),
    }),
    pickManyStep<State, string>({
      title: 'Disallowed disk types',
      placeholder: 'OS disk types VMs from this image must not use (none selected allows all)',
      when: (s) => wants(s, 'disallowed'),
      items: () => DISK_TYPES.map((d) => ({ label: d, value: d })),
      get: (s) => s.disallowedDiskTypes,
      set: (s, v) => {
        s.disallowedDiskTypes = v;
      },
    }),
    inputStep<State>({ title: 'Plan name', prompt: 'Purchase plan: the plan name', placeholder: 'e.g. ubuntu-2204', when: (s) => wants(s, 'plan'), validate: planPart('name', 'ubuntu-2204'), ...text('planName') }),
    inputStep<State>({
      title: 'Plan publisher',
      prompt: 'Purchase plan: the publisher',
      placeholder: 'e.g. canonical',
      when: (s) => wants(s, 'plan'),
      validate: planPart('publisher', 'canonical'),
      ...text('planPublisher'),
    }),
    inputStep<State>({
      title: 'Plan product',
      prompt: 'Purchase plan: the product (offer)',
      placeholder: 'e.g. ubuntu-server',
      when: (s) => wants(s, 'plan'),
      validate: planPart('product', 'ubuntu-server'),
      ...text('planProduct'),
    }),
    ...featureSteps<State>({
      when: (s) => wants(s, 'features'),
      get: (s) => s.features ?? (wants(s, 'features') ? {} : undefined),
      set: (s, f) => {
        s.features = f;
      },
    }),
    tagsStep<State>({
      when: (s) => wants(s, 'tags'),
      get: (s) => s.tags,
      set: (s, t) => {
        s.tags = t;
      },
    }),
    pickStep<State, SummaryChoice>({
      title: 'Summary',
      placeholder: 'Pick Create, or go Back to change an answer',
      when: (s) => interactive && s.advanced === true,
      items: (s) => summary(s, false),
      get: () => 'create',
      set: () => undefined,
    }),
  ];

  if (interactive && !(await runWizard(TITLE, steps, state, prompter))) return undefined;

  const gallery = state.gallery!;
  const name = state.name!;
  // Advanced answers the user unticked afterwards are not sent.
  const keep = <T>(key: AdvancedKey, value: T): T | undefined => (!interactive || !state.advanced || wants(state, key) || given.has(keyOf(key)) ? value : undefined);
  const spec: NewImageDefinition = {
    location: gallery.gallery.location,
    osType: state.osType!,
    osState: state.osState!,
    hyperVGeneration: state.hyperVGeneration ?? 'V2',
    architecture: state.architecture ?? 'x64',
    securityType: state.securityType ?? azureDefaultSecurityType(state.hyperVGeneration ?? 'V2', state.architecture ?? 'x64'),
    publisher: state.publisher!,
    offer: state.offer!,
    sku: state.sku!,
    description: keep('description', state.description),
    eula: keep('eula', state.eula),
    privacyStatementUri: keep('privacy', state.privacyStatementUri),
    releaseNoteUri: keep('releaseNotes', state.releaseNoteUri),
    endOfLifeDate: keep('endOfLife', state.endOfLifeDate ? parseIsoDate(state.endOfLifeDate) : undefined),
    recommended: {
      vCPUs: keep('vCPUs', state.vCPUs ? rangeFromText(state.vCPUs) : undefined),
      memory: keep('memory', state.memory ? rangeFromText(state.memory) : undefined),
    },
    disallowedDiskTypes: keep('disallowed', state.disallowedDiskTypes),
    purchasePlan: keep('plan', state.planName ? { name: state.planName, publisher: state.planPublisher, product: state.planProduct } : undefined),
    features: featureEntries(keep('features', state.features) ?? {}),
    tags: keep('tags', state.tags),
  };
  const target = gallery.parent.subscription.target;
  let created: ImageDefinition;
  try {
    const outcome = await waitCancellably(`Creating image definition ${name}`, options.abortSignal, (signal) =>
      azure.createImageDefinition(target, gallery.gallery.resourceGroup, gallery.gallery.name, name, spec, { pollIntervalMs: pollIntervalMs(), abortSignal: signal }),
    );
    if (!outcome) {
      // Cancel stops the waiting only: Azure carries on, and the tree shows where it stands.
      explorer.reload(gallery);
      void notify('info', `Stopped waiting for image definition ${name}. Azure goes on creating it: refresh the gallery to see its state.`);
      return undefined;
    }
    created = outcome.value;
  } catch (error) {
    logFailure(`Create Image Definition ${name}`, error);
    const retry: CreateImageDefinitionOptions = {
      gallery: gallery.resourceId,
      name,
      osType: spec.osType,
      osState: spec.osState,
      hyperVGeneration: spec.hyperVGeneration,
      architecture: spec.architecture,
      securityType: spec.securityType as SecurityType,
      publisher: spec.publisher,
      offer: spec.offer,
      sku: spec.sku,
      description: spec.description,
      eula: spec.eula,
      privacyStatementUri: spec.privacyStatementUri,
      releaseNoteUri: spec.releaseNoteUri,
      endOfLifeDate: spec.endOfLifeDate ? state.endOfLifeDate : undefined,
      recommended: spec.recommended,
      disallowedDiskTypes: spec.disallowedDiskTypes,
      purchasePlan: spec.purchasePlan,
      features: keep('features', state.features),
      tags: spec.tags,
      edit: true,
      prompter: options.prompter,
    };
    void notify('error', failureMessage(`create image definition "${name}"`, error), 'Edit and Try Again').then((action) =>
      action ? vscode.commands.executeCommand(CREATE_DEFINITION_COMMAND, retry) : undefined,
    );
    return undefined;
  }
  log().info(`Created image definition ${created.id}`);
  const definitionNode = await reloadAndReveal(explorer, gallery, created.id);
  void notify('info', `Created image definition ${created.name} in ${gallery.gallery.name}.`, 'Create Image Version').then((action) =>
    action ? vscode.commands.executeCommand('azureComputeGallery.createImageVersion', definitionNode) : undefined,
  );
  return created;
}

function keyOf(key: AdvancedKey): keyof State {
  const map: Record<AdvancedKey, keyof State> = {
    description: 'description',
    eula: 'eula',
    privacy: 'privacyStatementUri',
    releaseNotes: 'releaseNoteUri',
    endOfLife: 'endOfLifeDate',
    vCPUs: 'vCPUs',
    memory: 'memory',
    disallowed: 'disallowedDiskTypes',
    plan: 'planName',
    features: 'features',
    tags: 'tags',
  };
  return map[key];
}

/** "Trusted launch supported (Azure's default for Generation 2)" when nothing was chosen, else the choice. */
function securityLine(s: State): string {
  const generation = s.hyperVGeneration ?? 'V2';
  const type = s.securityType ?? azureDefaultSecurityType(generation, s.architecture ?? 'x64');
  return s.securityType === undefined ? `${describeSecurityType(type)} (Azure's default for this generation and architecture)` : describeSecurityType(type);
}
