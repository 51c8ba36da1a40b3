// What is sent: the answers as a NewImageDefinition, and the options that reopen the wizard with
// them when Azure refuses.
import type { NewImageDefinition } from '../../azure/writeTypes';
import { featureEntries } from '../../model/definitionFeatures';
import { parseIsoDate } from '../../model/endOfLife';
import { azureDefaultSecurityType, type SecurityType } from '../../model/imageRules';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { rangeFromText } from '../../ui/answerText';
import { keyOf, type AdvancedKey, type Asking, type CreateImageDefinitionOptions, type State } from './types';

export type Keep = <T>(key: AdvancedKey, value: T) => T | undefined;

/** Keeps an advanced answer if it is still wanted. */
export function keeper(state: State, asking: Asking, given: Set<keyof State>): Keep {
  const { interactive, wants } = asking;
  // Advanced answers the user unticked afterwards are not sent.
  return <T>(key: AdvancedKey, value: T): T | undefined => (!interactive || !state.advanced || wants(state, key) || given.has(keyOf(key)) ? value : undefined);
}

export function buildSpec(state: State, gallery: GalleryNode, keep: Keep): NewImageDefinition {
  return {
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
}

/** The options that reopen the wizard with what was sent ("Edit and Try Again"). */
export function retryOptions(state: State, gallery: GalleryNode, name: string, spec: NewImageDefinition, keep: Keep, options: CreateImageDefinitionOptions): CreateImageDefinitionOptions {
  return {
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
}
