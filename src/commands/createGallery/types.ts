// Create Gallery's options object (what a caller may give up front), the state the steps fill in,
// the sharing and community-field tables, and the look-ups the steps share.
import type { AsCodeChoice } from '../../ui/asCodeItems';
import type { SharingPermission } from '../../azure/types';
import type { NewCommunityInfo, ResourceGroupInfo } from '../../azure/writeTypes';
import { legalAgreementWarning, publisherUriWarning, validateLegalAgreementUri, validatePublicNamePrefix, validatePublisherEmail, validatePublisherUri } from '../../model/communityInfo';
import type { Tags } from '../../model/tags';
import type { CommonCreateOptions, RegionChoice } from '../createCommon';

export const CREATE_GALLERY_COMMAND = 'azureComputeGallery.createGallery';
export const TITLE = 'Create Gallery';

/** Every answer of Create Gallery; all required ones given → no prompts. */
export interface CreateGalleryOptions extends CommonCreateOptions {
  subscriptionId?: string;
  /** An existing resource group, or a new one (created in the gallery's region). */
  resourceGroup?: string;
  name?: string;
  /** Region name, e.g. eastus. */
  location?: string;
  description?: string;
  sharing?: SharingPermission;
  /** Required when sharing is Community. */
  community?: Partial<NewCommunityInfo>;
  /** Resource tags (Azure's tag rules: model/tags.ts). */
  tags?: Record<string, string>;
  /** Deleted image versions stay restorable for 7 days (soft delete); off when not given. Also: Soft Delete… later. */
  softDelete?: boolean;
}

export interface State {
  subscriptionId?: string;
  resourceGroup?: string;
  /** The resource group does not exist yet: it is created, in the gallery's region, at the end. */
  newResourceGroup?: boolean;
  name?: string;
  location?: string;
  /** A new group's region list starts here (ui/resourceGroupAnswer.ts). */
  usualLocation?: string;
  description?: string;
  sharing?: SharingPermission;
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
  publicNamePrefix?: string;
  /** The user acknowledged that community publisher details are public. */
  publicNoticeSeen?: boolean;
  tags?: Tags;
  softDelete?: boolean;
  /** "Tags…" was picked in the summary. */
  editTags?: boolean;
}

export type SummaryChoice = 'create' | 'tags' | 'line' | AsCodeChoice;

export const SHARING_LABELS: Record<SharingPermission, string> = { Private: 'Private', Groups: 'Direct share', Community: 'Community' };
export const SHARING_ICONS: Record<SharingPermission, string> = { Private: 'lock', Groups: 'organization', Community: 'globe' };
export const SHARING_KINDS: SharingPermission[] = ['Private', 'Groups', 'Community'];

export const COMMUNITY_FIELDS = [
  { key: 'publisherUri', title: 'Publisher website', prompt: 'The publisher\'s website, shown publicly to every Azure user, e.g. https://www.contoso.com/', validate: validatePublisherUri, warn: publisherUriWarning },
  { key: 'publisherContact', title: 'Publisher e-mail', prompt: 'The publisher\'s support e-mail address, shown publicly to every Azure user, e.g. support@contoso.com', validate: validatePublisherEmail },
  { key: 'eula', title: 'Legal agreement', prompt: 'A link to the legal agreement (EULA) for the images, shown publicly to every Azure user, e.g. https://www.contoso.com/eula', validate: validateLegalAgreementUri, warn: legalAgreementWarning },
  {
    key: 'publicNamePrefix',
    title: 'Public name prefix',
    prompt: 'The prefix of the public gallery name (5–16 letters and digits); Azure appends "-" and a GUID. Shown publicly to every Azure user.',
    validate: validatePublicNamePrefix,
  },
] as const;

export type CommunityKey = (typeof COMMUNITY_FIELDS)[number]['key'];

/** Per-subscription look-ups, each loaded once per run of the command. */
export interface Lookups {
  groupsOf: (subscriptionId: string) => Promise<ResourceGroupInfo[]>;
  regionsOf: (subscriptionId: string) => Promise<RegionChoice[]>;
  /** Why the gallery name cannot be used in the subscription, or undefined. */
  nameTaken: (subscriptionId: string | undefined, name: string, resourceGroup?: string) => Promise<string | undefined>;
  groupExists: (subscriptionId: string, name: string) => Promise<ResourceGroupInfo | undefined>;
}

/** What the steps need besides the state: the look-ups, which answers were given, whether the wizard runs. */
export interface StepContext {
  lookups: Lookups;
  /** Filled when the options object is read. */
  given: Set<keyof State>;
  interactive: boolean;
  /** Copies what the answers would send as code (the summary's "Copy as …"). */
  asCode?: (state: State, choice: AsCodeChoice) => Promise<unknown>;
}
