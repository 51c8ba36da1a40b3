// Create Image Definition's answers given up front: read into the state, then checked the way the
// wizard's steps check them, so a call with options gets the same messages before anything is sent.
import { linkWarning } from '../../model/urls';
import { validateTags } from '../../model/tags';
import { validateEndOfLifeDate } from '../../model/endOfLife';
import {
  ARCHITECTURES,
  HYPERV_GENERATIONS,
  OS_STATES,
  OS_TYPES,
  SECURITY_TYPES,
  parseArchitecture,
  parseHyperVGeneration,
  parseOsState,
  parseOsType,
  parseSecurityType,
  validateDefinitionShape,
} from '../../model/imageRules';
import { validateImageDefinitionName, validateOffer, validatePublisher, validateSku } from '../../model/names';
import { validateRecommendedMemory, validateRecommendedVCpus } from '../../model/recommendedRanges';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { rangeToText, validateRangeText } from '../../ui/answerText';
import { DISK_TYPES, type Clashes, type CreateImageDefinitionOptions, type State } from './types';

// Azure stores any text in these links (model/urls.ts linkWarning): anything but a plain https://
// address is a warning shown while typing, never a refusal.
function linkWarner(what: string, example: string): (value: string) => string | undefined {
  return (value) => linkWarning(value, what, example);
}

export const warnEula = linkWarner('EULA link', 'https://www.contoso.com/eula');
export const warnPrivacy = linkWarner('privacy statement link', 'https://www.contoso.com/privacy');
export const warnReleaseNotes = linkWarner('release notes link', 'https://www.contoso.com/release-notes');
export const validateEol = (value: string) => validateEndOfLifeDate(value.trim(), new Date());
export const validateVCpus = (value: string) => validateRangeText(value, 'vCPUs');
export const validateMemory = (value: string) => validateRangeText(value, 'memory (GB)');
export const planPart = (what: string, example: string) => (value: string) =>
  value.trim() === '' ? `Enter the plan's ${what} as the Marketplace lists it, for example ${example}.` : /\s/.test(value.trim()) ? `Remove the spaces from the plan's ${what}.` : undefined;

/** The state as the options give it (the gallery already looked up from its id). */
export function stateFromOptions(options: CreateImageDefinitionOptions, gallery: GalleryNode | undefined): State {
  return {
    gallery,
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
}

export interface OptionsCheck {
  problems: string[];
  /** The answers given and accepted: the wizard does not ask them again (unless edit is set). */
  given: Set<keyof State>;
  /** Something required is missing, or edit is set: the wizard runs. */
  interactive: boolean;
}

export async function checkOptions(state: State, options: CreateImageDefinitionOptions, clashes: Clashes): Promise<OptionsCheck> {
  const { nameTaken, tripleTaken } = clashes;
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
  return { problems, given, interactive };
}
