// The answers under "Advanced…": which optional settings to fill in, then one step (or a few) for
// each setting picked.
import { describeFeatures } from '../../model/definitionFeatures';
import { validateRecommendedMemory, validateRecommendedVCpus, type ResourceRange } from '../../model/recommendedRanges';
import { rangeFromText, rangeToText } from '../../ui/answerText';
import { sameOption, type Answer } from '../../ui/answers';
import { endOfLifeAnswer, inputAnswer, linkAnswer, tagsAnswer } from '../../ui/commonAnswers';
import { featureSteps } from '../../ui/featureSteps';
import { pickManyStep, type Step } from '../../ui/wizard';
import { planPart, validateMemory, validateVCpus } from './options';
import { ADVANCED, ADVANCED_LABELS, DISK_TYPES, keyOf, type AdvancedKey, type CreateImageDefinitionOptions, type State } from './types';

type DefinitionAnswer = Answer<State, CreateImageDefinitionOptions>;
type Wants = (s: State, key: AdvancedKey) => boolean;

/** The pick of the settings to fill in: those with an answer already are ticked. */
export function advancedPickStep(interactive: () => boolean): Step<State> {
  return pickManyStep<State, AdvancedKey>({
    title: 'Advanced',
    placeholder: 'Pick the settings to fill in, then press Enter',
    when: (s) => interactive() && s.advanced === true,
    items: () => ADVANCED.map((k) => ({ label: ADVANCED_LABELS[k].label, detail: ADVANCED_LABELS[k].detail, value: k })),
    get: (s) => s.advancedChosen,
    suggest: (s) => ADVANCED.filter((k) => hasAnswer(s, k)),
    set: (s, keys) => {
      s.advancedChosen = keys;
    },
  });
}

function hasAnswer(s: State, k: AdvancedKey): boolean {
  if (k === 'disallowed') return (s.disallowedDiskTypes?.length ?? 0) > 0;
  if (k === 'features') return s.features !== undefined && describeFeatures(s.features) !== '';
  if (k === 'tags') return Object.keys(s.tags ?? {}).length > 0;
  return s[keyOf(k)] !== undefined;
}

/** A recommended range: typed as text ("2-16"), given in the options as { min, max }. */
function rangeAnswer(key: 'vCPUs' | 'memory', o: { title: string; label: string; summaryLabel: string; prompt: string; placeholder: string; validate(v: string): string | undefined; rule(r: ResourceRange): string | undefined }, when: (s: State) => boolean): DefinitionAnswer {
  return inputAnswer<State, CreateImageDefinitionOptions>({
    key,
    label: o.label,
    title: o.title,
    prompt: o.prompt,
    placeholder: o.placeholder,
    when,
    keep: 'optional',
    validate: o.validate,
    option: {
      read: (opts, s) => {
        const range = opts.recommended?.[key];
        if (range) s[key] = rangeToText(range);
      },
      write: (s, opts) => {
        opts.recommended = { ...opts.recommended, [key]: s[key] ? rangeFromText(s[key]) : undefined };
      },
    },
    // The range as given, in its own form (its text may not read back).
    check: (_s, _given, opts) => o.rule(opts.recommended?.[key] ?? {}),
    summary: (s) => (s[key] ? { label: o.summaryLabel, value: s[key] } : undefined),
  });
}

/** The purchase plan: three answers, given together as `purchasePlan`. */
function planAnswers(when: (s: State) => boolean): DefinitionAnswer[] {
  const parts = [
    { key: 'planName', part: 'name', title: 'Plan name', prompt: 'Purchase plan: the plan name', example: 'ubuntu-2204' },
    { key: 'planPublisher', part: 'publisher', title: 'Plan publisher', prompt: 'Purchase plan: the publisher', example: 'canonical' },
    { key: 'planProduct', part: 'product', title: 'Plan product', prompt: 'Purchase plan: the product (offer)', example: 'ubuntu-server' },
  ] as const;
  return parts.map((p) =>
    inputAnswer<State, CreateImageDefinitionOptions>({
      key: p.key,
      label: p.title,
      prompt: p.prompt,
      placeholder: `e.g. ${p.example}`,
      when,
      keep: 'optional',
      validate: planPart(p.part, p.example),
      option: {
        read: (o, s) => {
          s[p.key] ??= o.purchasePlan?.[p.part];
        },
        write: (s, o) => {
          if (p.key === 'planName') o.purchasePlan = s.planName ? { name: s.planName, publisher: s.planPublisher, product: s.planProduct } : undefined;
        },
      },
      summary: (s) => (p.key === 'planName' && s.planName ? { label: 'Purchase plan', value: `${s.planName} / ${s.planPublisher} / ${s.planProduct}` } : undefined),
    }),
  );
}

export function advancedAnswers(wants: Wants): DefinitionAnswer[] {
  const when = (k: AdvancedKey) => (s: State) => wants(s, k);
  const link = (key: 'eula' | 'privacyStatementUri' | 'releaseNoteUri', k: AdvancedKey, label: string, title: string, what: string, prompt: string, example: string) =>
    linkAnswer<State, CreateImageDefinitionOptions>({ key, label, title, what, prompt, example, when: when(k), summary: (s) => s[key] });
  return [
    inputAnswer<State, CreateImageDefinitionOptions>({
      key: 'description',
      label: 'Description',
      prompt: 'Description of the image definition (Enter with nothing leaves it out)',
      when: when('description'),
      keep: 'optional',
    }),
    link('eula', 'eula', 'EULA', 'EULA link', 'EULA link', 'Link to the end-user license agreement, usually an https:// address', 'https://www.contoso.com/eula'),
    link('privacyStatementUri', 'privacy', 'Privacy statement', 'Privacy statement link', 'privacy statement link', 'Link to the privacy statement, usually an https:// address', 'https://www.contoso.com/privacy'),
    link('releaseNoteUri', 'releaseNotes', 'Release notes', 'Release notes link', 'release notes link', 'Link to the release notes, usually an https:// address', 'https://www.contoso.com/release-notes'),
    endOfLifeAnswer<State, CreateImageDefinitionOptions>({
      prompt: 'End-of-life date as YYYY-MM-DD, in the future (Enter with nothing leaves it out)',
      when: when('endOfLife'),
    }),
    rangeAnswer(
      'vCPUs',
      {
        title: 'Recommended vCPUs',
        label: 'Recommended vCPUs',
        summaryLabel: 'Recommended vCPUs',
        prompt: 'Recommended vCPUs as min-max, e.g. 2-16 (2- for at least 2, -16 for at most 16)',
        placeholder: 'e.g. 2-16',
        validate: validateVCpus,
        rule: validateRecommendedVCpus,
      },
      when('vCPUs'),
    ),
    rangeAnswer(
      'memory',
      {
        title: 'Recommended memory',
        label: 'Recommended memory',
        summaryLabel: 'Recommended memory (GB)',
        prompt: 'Recommended memory in GB as min-max, e.g. 4-64',
        placeholder: 'e.g. 4-64',
        validate: validateMemory,
        rule: validateRecommendedMemory,
      },
      when('memory'),
    ),
    {
      key: 'disallowedDiskTypes',
      label: 'Disallowed disk types',
      ...sameOption<State, CreateImageDefinitionOptions, 'disallowedDiskTypes'>('disallowedDiskTypes'),
      check: (s) => {
        const unknown = s.disallowedDiskTypes?.find((d) => !(DISK_TYPES as readonly string[]).includes(d));
        return unknown ? `${unknown} is not a disk type: use ${DISK_TYPES.join(', ')}.` : undefined;
      },
      summary: (s) => (s.disallowedDiskTypes?.length ? s.disallowedDiskTypes.join(', ') : undefined),
      steps: [
        pickManyStep<State, string>({
          title: 'Disallowed disk types',
          placeholder: 'OS disk types VMs from this image must not use (none selected allows all)',
          when: when('disallowed'),
          items: () => DISK_TYPES.map((d) => ({ label: d, value: d })),
          get: (s) => s.disallowedDiskTypes,
          set: (s, v) => {
            s.disallowedDiskTypes = v;
          },
        }),
      ],
    },
    ...planAnswers(when('plan')),
    {
      key: 'features',
      label: 'Features',
      ...sameOption<State, CreateImageDefinitionOptions, 'features'>('features'),
      summary: (s) => (s.features && describeFeatures(s.features) ? describeFeatures(s.features) : undefined),
      steps: featureSteps<State>({
        when: when('features'),
        get: (s) => s.features ?? (wants(s, 'features') ? {} : undefined),
        set: (s, f) => {
          s.features = f;
        },
      }),
    },
    tagsAnswer<State, CreateImageDefinitionOptions>({ when: when('tags') }),
  ];
}
