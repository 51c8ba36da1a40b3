// The steps under "Advanced…": which optional settings to fill in, then one step (or a few) for
// each setting picked.
import { describeFeatures } from '../../model/definitionFeatures';
import { featureSteps } from '../../ui/featureSteps';
import { tagsStep } from '../../ui/tagsStep';
import { inputStep, pickManyStep, type Step } from '../../ui/wizard';
import { planPart, validateEol, validateMemory, validateVCpus, warnEula, warnPrivacy, warnReleaseNotes } from './options';
import { ADVANCED, ADVANCED_LABELS, DISK_TYPES, type AdvancedKey, type Asking, type State } from './types';

/** A free-text answer: Enter with nothing leaves the setting out. */
const text = (key: 'description' | 'eula' | 'privacyStatementUri' | 'releaseNoteUri' | 'endOfLifeDate' | 'vCPUs' | 'memory' | 'planName' | 'planPublisher' | 'planProduct') => ({
  get: (s: State) => s[key],
  set: (s: State, v: string) => {
    s[key] = v.trim() === '' ? undefined : v.trim();
  },
});

export function advancedSteps({ interactive, wants }: Asking): Step<State>[] {
  return [
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
  ];
}
