// Update Image Definition: the properties Azure lets change after creation — description, the EULA,
// privacy statement and release notes links, the end-of-life date, the recommended vCPUs and
// memory, the disallowed disk types, the features Azure lets change (disk controllers, accelerated
// networking, hibernation; sent as the whole feature list with allowUpdateImage). What to change → each value (the current one shown) →
// summary (before → after) → update with progress. Empty removes an optional value.
import type { ImageDefinition } from '../azure/types';
import type { ImageDefinitionChanges } from '../azureChunk';
import { isoDay, parseIsoDate, validateEndOfLifeDate } from '../model/endOfLife';
import type { ResourceRange } from '../model/recommendedRanges';
import { validateResourceRange } from '../model/recommendedRanges';
import { validateOptionalLink } from '../model/updateRules';
import { linkWarning } from '../model/urls';
import { describeFeatures, featuresFrom, featuresWith, sameFeatures, type DefinitionFeatures } from '../model/definitionFeatures';
import { featureSteps, securityTypeStep } from '../ui/featureSteps';
import { describeSecurityType, featuresWithSecurityType, parseHyperVGeneration, securityTypeFromFeatures, securityTypesFor, type SecurityType } from '../model/imageRules';
import type { Explorer } from '../tree/explorer';
import type { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import { rangeFromText, rangeToText, validateRangeText } from '../ui/answerText';
import { log, logFailure } from '../ui/log';
import { notify } from '../ui/notify';
import { inputStep, pickManyStep, pickStep, runWizard, type PickEntry, type Step } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { DISK_TYPES } from './createImageDefinition';
import { failureMessage } from '../ui/failures';
import { prompterFor, resolveNode, splitArgs, targetOf, withProgress, type ManageOptions } from './manageCommon';

export const UPDATE_DEFINITION_COMMAND = 'azureComputeGallery.updateImageDefinition';
const TITLE = 'Update Image Definition';

export interface UpdateImageDefinitionOptions extends ManageOptions {
  /** The image definition's resource id. */
  definition?: string;
  /** "" removes it (the same for the links and the end-of-life date). */
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  /** YYYY-MM-DD (or a zoned ISO date-time) in the future; "" removes it. */
  endOfLifeDate?: string;
  /** A range without min and max removes that recommendation. */
  recommended?: { vCPUs?: ResourceRange; memory?: ResourceRange };
  disallowedDiskTypes?: string[];
  /** Only the features named change; a feature given as undefined is removed. */
  features?: DefinitionFeatures;
  /** A new security type (sent as the SecurityType feature, with allowUpdateImage). */
  securityType?: SecurityType;
}

const FIELDS = ['description', 'eula', 'privacyStatementUri', 'releaseNoteUri', 'endOfLifeDate', 'vCPUs', 'memory', 'disallowedDiskTypes', 'features'] as const;
type Field = (typeof FIELDS)[number];
type TextField = Exclude<Field, 'disallowedDiskTypes' | 'features'>;

const LABELS: Record<Field, string> = {
  description: 'Description',
  eula: 'EULA link',
  privacyStatementUri: 'Privacy statement link',
  releaseNoteUri: 'Release notes link',
  endOfLifeDate: 'End-of-life date',
  vCPUs: 'Recommended vCPUs',
  memory: 'Recommended memory (GB)',
  disallowedDiskTypes: 'Disallowed disk types',
  features: 'Features',
};

const LINK_EXAMPLES: Partial<Record<TextField, [string, string]>> = {
  eula: ['EULA link', 'https://www.contoso.com/eula'],
  privacyStatementUri: ['privacy statement link', 'https://www.contoso.com/privacy'],
  releaseNoteUri: ['release notes link', 'https://www.contoso.com/release-notes'],
};
/** Azure stores any text as a link: anything but a plain https:// address is a warning, not a refusal. */
const warnLink = (f: TextField, v: string) => (LINK_EXAMPLES[f] ? linkWarning(v, ...LINK_EXAMPLES[f]) : undefined);

const VALIDATE: Record<TextField, (v: string) => string | undefined> = {
  description: (v) => (v.length > 1000 ? `Shorten the description to 1000 characters (it has ${v.length}).` : undefined),
  eula: (v) => validateOptionalLink(v, 'EULA link', 'https://www.contoso.com/eula'),
  privacyStatementUri: (v) => validateOptionalLink(v, 'privacy statement link', 'https://www.contoso.com/privacy'),
  releaseNoteUri: (v) => validateOptionalLink(v, 'release notes link', 'https://www.contoso.com/release-notes'),
  endOfLifeDate: (v) => validateEndOfLifeDate(v.trim(), new Date()),
  vCPUs: (v) => validateRangeText(v, 'vCPUs'),
  memory: (v) => validateRangeText(v, 'memory (GB)'),
};

const PROMPTS: Record<TextField, string> = {
  description: 'What the image is for (leave it empty to remove the description)',
  eula: 'The end-user license agreement, as an https:// link (empty removes it)',
  privacyStatementUri: 'The privacy statement, as an https:// link (empty removes it)',
  releaseNoteUri: 'The release notes, as an https:// link (empty removes it)',
  endOfLifeDate: 'End-of-life date as YYYY-MM-DD, in the future (empty removes it)',
  vCPUs: 'Recommended vCPUs as min-max, e.g. 2-16 (2- for at least 2, -16 for at most 16; empty removes it)',
  memory: 'Recommended memory in GB as min-max, e.g. 4-64 (empty removes it)',
};

type Values = Partial<Record<TextField, string>> & { disallowedDiskTypes?: string[]; features?: DefinitionFeatures; securityType?: SecurityType };

interface State {
  fields?: Field[];
  values: Values;
}

export async function updateImageDefinition(explorer: Explorer, ...args: unknown[]): Promise<ImageDefinition | undefined> {
  const { node: given, options } = splitArgs<UpdateImageDefinitionOptions>(args, ['imageDefinition']);
  const node = (await resolveNode(explorer, given, options.definition, ['imageDefinition'], TITLE)) as ImageDefinitionNode | undefined;
  if (!node) return undefined;
  const azure = explorer.azure();
  const target = targetOf(node);
  const name = node.image.name;

  let extras: Awaited<ReturnType<typeof azure.getImageDefinitionExtras>>;
  try {
    extras = await azure.getImageDefinitionExtras(target, node.resourceId);
  } catch (error) {
    logFailure(`${TITLE} ${node.resourceId}`, error);
    void notify('error', failureMessage(`read image definition ${name}`, error));
    return undefined;
  }
  const i = node.image;
  const current: Values = {
    description: i.description ?? '',
    eula: i.eula ?? '',
    privacyStatementUri: i.privacyStatementUri ?? '',
    releaseNoteUri: i.releaseNoteUri ?? '',
    endOfLifeDate: i.endOfLifeDate ? isoDay(i.endOfLifeDate) : '',
    vCPUs: rangeToText(extras.recommended.vCPUs),
    memory: rangeToText(extras.recommended.memory),
    disallowedDiskTypes: extras.disallowedDiskTypes,
    features: featuresFrom(extras.features),
    securityType: securityTypeFromFeatures(extras.features),
  };
  const generation = parseHyperVGeneration(i.hyperVGeneration) ?? 'V1';
  const shown = (f: Field, v: Values) =>
    (f === 'disallowedDiskTypes'
      ? (v.disallowedDiskTypes ?? []).join(', ')
      : f === 'features'
        ? [describeSecurityType(v.securityType ?? 'Standard'), describeFeatures(v.features ?? {})].filter((x) => x).join(' · ')
        : (v[f] ?? '')) || '(none)';

  // Values given up front: each checked; any given means no prompt.
  const state: State = { values: {} };
  const given0: Field[] = [];
  const problems: string[] = [];
  const text = (f: TextField, v: string | undefined) => {
    if (v === undefined) return;
    const problem = VALIDATE[f](v);
    if (problem) problems.push(`${LABELS[f]}: ${problem}`);
    state.values[f] = v.trim();
    given0.push(f);
  };
  text('description', options.description);
  text('eula', options.eula);
  text('privacyStatementUri', options.privacyStatementUri);
  text('releaseNoteUri', options.releaseNoteUri);
  text('endOfLifeDate', options.endOfLifeDate);
  for (const what of ['vCPUs', 'memory'] as const) {
    if (!options.recommended || !(what in options.recommended)) continue;
    const r = options.recommended[what] ?? {};
    const problem = validateResourceRange(r, what === 'vCPUs' ? 'vCPUs' : 'memory (GB)');
    if (problem) problems.push(`${LABELS[what]}: ${problem}`);
    state.values[what] = rangeToText(r);
    given0.push(what);
  }
  if (options.disallowedDiskTypes !== undefined) {
    const unknown = options.disallowedDiskTypes.filter((t) => !(DISK_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0) problems.push(`Disallowed disk types: use ${DISK_TYPES.join(', ')} (not ${unknown.join(', ')}).`);
    state.values.disallowedDiskTypes = options.disallowedDiskTypes;
    given0.push('disallowedDiskTypes');
  }
  if (options.features !== undefined || options.securityType !== undefined) {
    // Only the named features change; the others keep what Azure has.
    state.values.features = featuresFrom(featuresWith(extras.features, options.features ?? {}));
    state.values.securityType = options.securityType ?? current.securityType;
    if (options.securityType !== undefined && !securityTypesFor(generation).includes(options.securityType)) {
      problems.push(`Security type: use ${securityTypesFor(generation).join(', ')} for a Generation ${generation === 'V2' ? 2 : 1} definition.`);
    }
    given0.push('features');
  }
  if (problems.length > 0) {
    void notify('error', `${TITLE}: fix these values, nothing was changed. ${problems.join(' ')}`);
    return undefined;
  }

  if (given0.length === 0) {
    const steps: Step<State>[] = [
      pickManyStep<State, Field>({
        title: 'What to change',
        placeholder: `Select what to change on ${name} (its OS, generation and publisher/offer/SKU cannot change)`,
        items: () => FIELDS.map((f) => ({ label: LABELS[f], description: shown(f, current), value: f })),
        get: (s) => s.fields,
        set: (s, v) => (s.fields = v),
      }),
      ...FIELDS.filter((f): f is TextField => f !== 'disallowedDiskTypes' && f !== 'features').map((f) =>
        inputStep<State>({
          title: LABELS[f],
          prompt: `${PROMPTS[f]} — now ${shown(f, current)}`,
          when: (s) => s.fields?.includes(f) ?? false,
          get: (s) => s.values[f] ?? current[f],
          set: (s, v) => (s.values[f] = v.trim()),
          validate: (v) => VALIDATE[f](v),
          warn: (v) => warnLink(f, v),
        }),
      ),
      pickManyStep<State, string>({
        title: LABELS.disallowedDiskTypes,
        placeholder: 'OS disk types VMs from this image must not use (none selected: all allowed)',
        when: (s) => s.fields?.includes('disallowedDiskTypes') ?? false,
        items: () => DISK_TYPES.map((t) => ({ label: t, value: t })),
        get: (s) => s.values.disallowedDiskTypes ?? current.disallowedDiskTypes,
        set: (s, v) => (s.values.disallowedDiskTypes = v),
      }),
      securityTypeStep<State>({
        generation,
        when: (s) => s.fields?.includes('features') ?? false,
        get: (s) => s.values.securityType ?? current.securityType,
        set: (s, v) => (s.values.securityType = v),
      }),
      ...featureSteps<State>({
        when: (s) => s.fields?.includes('features') ?? false,
        get: (s) => s.values.features ?? current.features,
        set: (s, f) => {
          s.values.features = f;
        },
        unsetDetail: 'Remove the feature from the definition',
      }),
      pickStep<State, 'save' | 'line'>({
        title: 'Summary',
        placeholder: 'Pick Save, or go Back to change a value',
        items: (s): PickEntry<'save' | 'line'>[] => [
          { label: `$(check) Save changes to ${name}`, detail: `${(s.fields ?? []).length} change${(s.fields ?? []).length === 1 ? '' : 's'}`, value: 'save' },
          { separator: 'Before → after' },
          ...(s.fields ?? []).map((f) => ({
            label: LABELS[f],
            description: `${shown(f, current)} → ${shown(f, { ...current, ...s.values })}`,
            value: 'line' as const,
            refusal: `To change the ${LABELS[f].toLowerCase()}, go Back to its step.`,
          })),
        ],
        get: () => 'save',
        set: () => undefined,
      }),
    ];
    for (;;) {
      if (!(await runWizard(`${TITLE}: ${name}`, steps, state, prompterFor(options)))) return undefined;
      if ((state.fields ?? []).length > 0) break;
    }
  } else {
    state.fields = given0;
  }

  // Only what differs from now is sent.
  const fields = (state.fields ?? []).filter((f) => shown(f, current) !== shown(f, { ...current, ...state.values }));
  if (fields.length === 0) {
    void notify('info', `${name} already has these values: nothing was sent.`);
    return node.image;
  }
  const changes: ImageDefinitionChanges = {};
  const v = state.values;
  for (const f of fields) {
    switch (f) {
      case 'description':
      case 'eula':
      case 'privacyStatementUri':
      case 'releaseNoteUri':
        changes[f] = v[f] ? v[f] : null;
        break;
      case 'endOfLifeDate':
        changes.endOfLifeDate = v.endOfLifeDate ? parseIsoDate(v.endOfLifeDate) ?? null : null;
        break;
      case 'vCPUs':
      case 'memory':
        changes.recommended = { ...changes.recommended, [f]: rangeFromText(v[f] ?? '') };
        break;
      case 'disallowedDiskTypes':
        changes.disallowedDiskTypes = v.disallowedDiskTypes ?? [];
        break;
      case 'features': {
        // The whole list goes (a merge patch replaces arrays): the three features as chosen, the
        // security type and anything else exactly as Azure has them.
        const f = v.features ?? {};
        const others = featuresWith(extras.features, { diskControllerTypes: f.diskControllerTypes, acceleratedNetworking: f.acceleratedNetworking, hibernation: f.hibernation });
        // The security type is named only when it changes: a definition made before the default keeps having none.
        const list = v.securityType && v.securityType !== current.securityType ? featuresWithSecurityType(others, v.securityType) : others;
        if (!sameFeatures(list, extras.features)) changes.features = list;
        break;
      }
    }
  }
  try {
    const updated = await withProgress(`Updating image definition ${name}`, () => azure.updateImageDefinition(target, node.resourceId, changes, { pollIntervalMs: pollIntervalMs() }));
    node.image = updated;
    explorer.refresh(node);
    node.parent.images.invalidate();
    log().info(`${TITLE}: ${node.resourceId} ${fields.join(', ')}`);
    void notify('info', `Updated ${fields.map((f) => LABELS[f].toLowerCase()).join(', ')} of ${name}.`);
    return updated;
  } catch (error) {
    logFailure(`${TITLE} ${node.resourceId}`, error);
    void notify('error', failureMessage(`update image definition ${name}`, error));
    return undefined;
  }
}
