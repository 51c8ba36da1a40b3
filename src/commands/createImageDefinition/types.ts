// Create Image Definition's options object (what a caller may give up front), the state the steps
// fill in, the "Advanced…" settings, and what the steps share.
import type { AsCodeChoice } from '../../ui/asCodeItems';
import type { DefinitionFeatures } from '../../model/definitionFeatures';
import type { Tags } from '../../model/tags';
import type { Architecture, HyperVGeneration, OsState, OsType, SecurityType } from '../../model/imageRules';
import type { ResourceRange } from '../../model/recommendedRanges';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import type { CommonCreateOptions } from '../createCommon';

export const CREATE_DEFINITION_COMMAND = 'azureComputeGallery.createImageDefinition';
export const TITLE = 'Create Image Definition';

/**
 * What a definition describes about itself, given the same way at create and at update (where ""
 * removes a text or a date, a range without min and max removes that recommendation, and only the
 * features named change).
 */
export interface DefinitionDetails {
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  /** YYYY-MM-DD (or a zoned ISO date-time), in the future. */
  endOfLifeDate?: string;
  recommended?: { vCPUs?: ResourceRange; memory?: ResourceRange };
  disallowedDiskTypes?: string[];
  /** Disk controllers, accelerated networking, hibernation; a feature not given is left as it is. */
  features?: DefinitionFeatures;
}

export interface CreateImageDefinitionOptions extends CommonCreateOptions, DefinitionDetails {
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
  purchasePlan?: { name?: string; publisher?: string; product?: string };
  /** Resource tags (at most 50; names up to 512 characters without < > % & \ ? /, values up to 256). */
  tags?: Record<string, string>;
}

export const ADVANCED = ['description', 'eula', 'privacy', 'releaseNotes', 'endOfLife', 'vCPUs', 'memory', 'disallowed', 'plan', 'features', 'tags'] as const;
export type AdvancedKey = (typeof ADVANCED)[number];
export const ADVANCED_LABELS: Record<AdvancedKey, { label: string; detail: string }> = {
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

export interface State {
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

export type SummaryChoice = 'create' | 'advanced' | 'line' | AsCodeChoice;

/** Checks against the gallery's existing definitions (listed once per gallery). */
export interface Clashes {
  nameTaken: (s: State, name: string) => Promise<string | undefined>;
  tripleTaken: (s: State, sku: string) => Promise<string | undefined>;
}

/** The State key holding an advanced setting's answer. */
export function keyOf(key: AdvancedKey): keyof State {
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
