// Update Image Definition's wizard: what to change → each value (the current one shown) → summary
// (before → after).
import type { HyperVGeneration } from '../../model/imageRules';
import { featureSteps, securityTypeStep } from '../../ui/featureSteps';
import { inputStep, pickManyStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { DISK_TYPES } from '../createImageDefinition';
import { FIELDS, LABELS, PROMPTS, VALIDATE, shown, warnLink, type Field, type State, type TextField, type Values } from './fields';

export interface StepContext {
  name: string;
  current: Values;
  generation: HyperVGeneration;
}

function summaryStep({ name, current }: StepContext): Step<State> {
  return pickStep<State, 'save' | 'line'>({
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
  });
}

export function updateDefinitionSteps(ctx: StepContext): Step<State>[] {
  const { name, current, generation } = ctx;
  return [
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
    summaryStep(ctx),
  ];
}
