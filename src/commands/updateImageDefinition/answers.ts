// Update Image Definition's answers, one per field that can change: the option it reads, how a
// value given there is checked, its before → after summary line, and its prompt (the value now
// filled in). Reading the options object and the summary come from them (ui/answers.ts).
import { validateResourceRange } from '../../model/recommendedRanges';
import { featuresFrom, featuresWith } from '../../model/definitionFeatures';
import { securityTypesFor, type HyperVGeneration } from '../../model/imageRules';
import { rangeToText } from '../../ui/answerText';
import { sameOption, type Answer } from '../../ui/answers';
import { endOfLifeAnswer, inputAnswer, linkAnswer } from '../../ui/commonAnswers';
import { featureSteps, securityTypeStep } from '../../ui/featureSteps';
import { pickManyStep } from '../../ui/wizard';
import { DISK_TYPES } from '../createImageDefinition';
import { LABELS, PROMPTS, VALIDATE, shown, type Extras, type Field, type State, type UpdateImageDefinitionOptions, type Values } from './fields';

export type UpdateAnswer = Answer<State, UpdateImageDefinitionOptions>;

export interface AnswerContext {
  current: Values;
  extras: Extras;
  generation: HyperVGeneration;
}

/** The field an answer changes (the security type is changed with the features). */
export const fieldOf = (key: keyof State): Field => (key === 'securityType' ? 'features' : (key as Field));

/** "now → after" for the summary. */
const change = (f: Field, current: Values) => (s: State) => `${shown(f, current)} → ${shown(f, { ...current, ...s })}`;

/** A text field: given as it is (trimmed), empty removes it. */
function textAnswer(f: 'description' | 'vCPUs' | 'memory', current: Values, extra: Partial<Parameters<typeof inputAnswer<State, UpdateImageDefinitionOptions>>[0]> = {}): UpdateAnswer {
  return inputAnswer<State, UpdateImageDefinitionOptions>({
    key: f,
    label: LABELS[f],
    prompt: `${PROMPTS[f]} — now ${shown(f, current)}`,
    keep: 'trimmed',
    suggest: () => current[f],
    validate: VALIDATE[f],
    summary: change(f, current),
    ...extra,
  });
}

/** A recommended range: given as { min, max } (no bounds removes it), typed as "2-16". */
function rangeAnswer(f: 'vCPUs' | 'memory', current: Values): UpdateAnswer {
  return textAnswer(f, current, {
    option: {
      read: (o, s) => {
        if (o.recommended && f in o.recommended) s[f] = rangeToText(o.recommended[f] ?? {});
      },
      write: () => undefined,
    },
    check: (_s, _given, o) => validateResourceRange(o.recommended?.[f] ?? {}, f === 'vCPUs' ? 'vCPUs' : 'memory (GB)'),
  });
}

function linkField(f: 'eula' | 'privacyStatementUri' | 'releaseNoteUri', current: Values, what: string, example: string): UpdateAnswer {
  return linkAnswer<State, UpdateImageDefinitionOptions>({
    key: f,
    label: LABELS[f],
    prompt: `${PROMPTS[f]} — now ${shown(f, current)}`,
    what,
    example,
    keep: 'trimmed',
    option: trimmedOption(f),
    suggest: () => current[f],
    summary: change(f, current),
  });
}

/** The option of the same name, trimmed ("" removes the value). */
function trimmedOption(f: 'description' | 'eula' | 'privacyStatementUri' | 'releaseNoteUri' | 'endOfLifeDate') {
  return sameOption<State, UpdateImageDefinitionOptions, typeof f>(f, (v) => v?.trim());
}

export function updateAnswers({ current, extras, generation }: AnswerContext): UpdateAnswer[] {
  const chose = (f: Field) => (s: State) => s.fields?.includes(f) ?? false;
  return [
    textAnswer('description', current, { option: trimmedOption('description') }),
    linkField('eula', current, 'EULA link', 'https://www.contoso.com/eula'),
    linkField('privacyStatementUri', current, 'privacy statement link', 'https://www.contoso.com/privacy'),
    linkField('releaseNoteUri', current, 'release notes link', 'https://www.contoso.com/release-notes'),
    endOfLifeAnswer<State, UpdateImageDefinitionOptions>({
      label: LABELS.endOfLifeDate,
      prompt: `${PROMPTS.endOfLifeDate} — now ${shown('endOfLifeDate', current)}`,
      emptyRemoves: true,
      option: trimmedOption('endOfLifeDate'),
      summary: change('endOfLifeDate', current),
    }),
    rangeAnswer('vCPUs', current),
    rangeAnswer('memory', current),
    {
      key: 'disallowedDiskTypes',
      label: LABELS.disallowedDiskTypes,
      ...sameOption<State, UpdateImageDefinitionOptions, 'disallowedDiskTypes'>('disallowedDiskTypes'),
      check: (s) => {
        const unknown = (s.disallowedDiskTypes ?? []).filter((t) => !(DISK_TYPES as readonly string[]).includes(t));
        return unknown.length > 0 ? `use ${DISK_TYPES.join(', ')} (not ${unknown.join(', ')}).` : undefined;
      },
      summary: change('disallowedDiskTypes', current),
      steps: [
        pickManyStep<State, string>({
          title: LABELS.disallowedDiskTypes,
          placeholder: 'OS disk types VMs from this image must not use (none selected: all allowed)',
          items: () => DISK_TYPES.map((t) => ({ label: t, value: t })),
          get: (s) => s.disallowedDiskTypes ?? current.disallowedDiskTypes,
          set: (s, v) => (s.disallowedDiskTypes = v),
        }),
      ],
    },
    {
      key: 'securityType',
      label: 'Security type',
      read: (o, s) => {
        if (o.features === undefined && o.securityType === undefined) return;
        // Only the named features change; the others keep what Azure has.
        s.features = featuresFrom(featuresWith(extras.features, o.features ?? {}));
        s.securityType = o.securityType ?? current.securityType;
      },
      check: (s) =>
        securityTypesFor(generation).includes(s.securityType!) ? undefined : `use ${securityTypesFor(generation).join(', ')} for a Generation ${generation === 'V2' ? 2 : 1} definition.`,
      write: () => undefined,
      steps: [securityTypeStep<State>({ generation, when: chose('features'), get: (s) => s.securityType ?? current.securityType, set: (s, v) => (s.securityType = v) })],
    },
    {
      key: 'features',
      label: LABELS.features,
      read: () => undefined,
      summary: change('features', current),
      write: () => undefined,
      steps: featureSteps<State>({
        when: chose('features'),
        get: (s) => s.features ?? current.features,
        set: (s, f) => {
          s.features = f;
        },
        unsetDetail: 'Remove the feature from the definition',
      }),
    },
  ];
}
