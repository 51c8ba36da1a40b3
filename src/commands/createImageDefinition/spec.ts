// What is sent: the answers still wanted (an advanced setting unticked afterwards is not sent), as
// a NewImageDefinition, and the options that reopen the wizard with them when Azure refuses.
import type { NewImageDefinition } from '../../azure/writeTypes';
import { featureEntries } from '../../model/definitionFeatures';
import { parseIsoDate } from '../../model/endOfLife';
import { azureDefaultSecurityType } from '../../model/imageRules';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { rangeFromText } from '../../ui/answerText';
import { optionsOf } from '../../ui/answers';
import type { DefinitionAnswers } from './options';
import { ADVANCED, keyOf, type AdvancedKey, type CreateImageDefinitionOptions, type State } from './types';

/** The answers to send: an advanced answer is dropped when "Advanced…" was used and it was unticked there (unless given). */
export function sentState(state: State, interactive: boolean, wants: (s: State, key: AdvancedKey) => boolean, given: ReadonlySet<keyof State>): State {
  const sent: State = { ...state };
  if (!interactive || !state.advanced) return sent;
  for (const key of ADVANCED) {
    if (wants(state, key) || given.has(keyOf(key))) continue;
    sent[keyOf(key)] = undefined as never;
    if (key === 'plan') sent.planPublisher = sent.planProduct = undefined;
  }
  return sent;
}

export function buildSpec(s: State, gallery: GalleryNode): NewImageDefinition {
  return {
    location: gallery.gallery.location,
    osType: s.osType!,
    osState: s.osState!,
    hyperVGeneration: s.hyperVGeneration ?? 'V2',
    architecture: s.architecture ?? 'x64',
    securityType: s.securityType ?? azureDefaultSecurityType(s.hyperVGeneration ?? 'V2', s.architecture ?? 'x64'),
    publisher: s.publisher!,
    offer: s.offer!,
    sku: s.sku!,
    description: s.description,
    eula: s.eula,
    privacyStatementUri: s.privacyStatementUri,
    releaseNoteUri: s.releaseNoteUri,
    endOfLifeDate: s.endOfLifeDate ? parseIsoDate(s.endOfLifeDate) : undefined,
    recommended: { vCPUs: s.vCPUs ? rangeFromText(s.vCPUs) : undefined, memory: s.memory ? rangeFromText(s.memory) : undefined },
    disallowedDiskTypes: s.disallowedDiskTypes,
    purchasePlan: s.planName ? { name: s.planName, publisher: s.planPublisher, product: s.planProduct } : undefined,
    features: featureEntries(s.features ?? {}),
    tags: s.tags,
  };
}

/** The options object that asks for what was sent again (Retry runs it, Edit and Try Again reopens the wizard with it). */
export function answersOf(answers: DefinitionAnswers, sent: State, spec: NewImageDefinition, options: CreateImageDefinitionOptions): CreateImageDefinitionOptions {
  // The security type as sent: Azure's default for the generation when none was chosen.
  return optionsOf([...answers.basic, ...answers.advanced], { ...sent, hyperVGeneration: spec.hyperVGeneration, architecture: spec.architecture, securityType: spec.securityType as State['securityType'] }, { prompter: options.prompter });
}
