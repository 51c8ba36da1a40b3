// The project's own small types: nothing outside src/azure sees the SDK's models.

/** Structurally the SDK's TokenCredential, so callers need not import @azure/core-auth. */
export interface TokenSource {
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: AbortSignal; tenantId?: string; enableCae?: boolean },
  ): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

export interface CloudEndpoints {
  /** AzureCloud, AzureChinaCloud, AzureUSGovernment or Custom. */
  name: string;
  resourceManagerEndpointUrl: string;
  activeDirectoryEndpointUrl: string;
  microsoftGraphEndpointUrl: string;
  portalUrl: string;
  /** The audience ARM tokens are requested for; the SDK default for the public cloud. */
  resourceManagerScope: string;
}

/** Where a call goes: one subscription in one cloud with one identity. */
export interface AzureTarget {
  cloud: CloudEndpoints;
  subscriptionId: string;
  tenantId?: string;
  credential: TokenSource;
  /** Sent as the User-Agent prefix, e.g. azure-compute-gallery-vscode/0.1.0. */
  userAgent: string;
}

export interface CallOptions {
  abortSignal?: AbortSignal;
}

export interface Subscription {
  subscriptionId: string;
  name: string;
  tenantId: string;
  state: string;
}

export interface Location {
  name: string;
  displayName: string;
  /** Whether the region has availability zones (Azure lists zone mappings for those that do); undefined when the list tells nothing of zones. */
  zones?: boolean;
}

export type SharingPermission = 'Private' | 'Groups' | 'Community';

export interface SharingGroup {
  type: 'Subscriptions' | 'AADTenants' | string;
  ids: string[];
}

export interface CommunityInfo {
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
  publicNamePrefix?: string;
  enabled: boolean;
  publicNames: string[];
}

export interface Gallery {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  description?: string;
  provisioningState?: string;
  uniqueName?: string;
  permissions: SharingPermission;
  groups: SharingGroup[];
  community?: CommunityInfo;
  sharingState?: string;
  /** Deleted image versions stay restorable for 7 days (the gallery's softDeletePolicy). */
  softDeleteEnabled: boolean;
  tags: Record<string, string>;
}

/** A resource in a gallery (a definition, an application, a version): its id, and where it is. */
export interface InGallery {
  id: string;
  name: string;
  galleryName: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
}

export interface ImageDefinition extends InGallery {
  description?: string;
  osType: string;
  osState: string;
  hyperVGeneration: string;
  architecture: string;
  securityType?: string;
  publisher: string;
  offer: string;
  sku: string;
  endOfLifeDate?: Date;
  provisioningState?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  /** Every feature as Azure returned it (SecurityType included). */
  features?: { name?: string; value?: string; startsAtVersion?: string }[];
  tags?: Record<string, string>;
}

export interface RegionReplication {
  region: string;
  state: string;
  progress: number;
  details?: string;
}

/** A disk encryption set per disk, as a target region's `encryption` names them. */
export interface RegionEncryption {
  osDiskEncryptionSetId?: string;
  /** Confidential VM encryption type of the OS disk (EncryptedVMGuestStateOnlyWithPmk, EncryptedWithPmk, EncryptedWithCmk). */
  confidentialVmEncryptionType?: string;
  secureVmDiskEncryptionSetId?: string;
  dataDisks: { lun: number; diskEncryptionSetId?: string }[];
}

export interface TargetRegionSetting {
  name: string;
  regionalReplicaCount: number;
  storageAccountType?: string;
  excludeFromLatest?: boolean;
  encryption?: RegionEncryption;
}

/** A disk image of a version: the OS disk or a data disk (by LUN), and what it was made from. */
export interface VersionDiskImage {
  lun?: number;
  sizeInGB?: number;
  hostCaching?: string;
  /** A disk or snapshot id, or a VHD's URI. */
  source?: string;
}

/** What an image version and a VM application version share: where it is published and how far it has replicated. */
export interface PublishedVersion {
  id: string;
  name: string;
  location: string;
  provisioningState?: string;
  excludeFromLatest: boolean;
  endOfLifeDate?: Date;
  publishedDate?: Date;
  replicaCount?: number;
  storageAccountType?: string;
  targetRegions: TargetRegionSetting[];
  replication?: { aggregatedState: string; regions: RegionReplication[] };
  allowDeletionOfReplicatedLocations: boolean;
  tags: Record<string, string>;
}

export interface ImageVersion extends PublishedVersion, InGallery {
  imageName: string;
  sourceId?: string;
  blockDeletionBeforeEndOfLife: boolean;
  osDiskImage?: VersionDiskImage;
  dataDiskImages: VersionDiskImage[];
  /** Edge zones the version is published to: "region/zone". */
  extendedLocations: string[];
}

/** A VM application definition of a gallery. */
export interface Application extends InGallery {
  supportedOSType: string;
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  endOfLifeDate?: Date;
  tags: Record<string, string>;
}

/** A VM application version: its package and commands, and its replication like an image version's. */
export interface ApplicationVersion extends PublishedVersion, InGallery {
  applicationName: string;
  mediaLink: string;
  defaultConfigurationLink?: string;
  install?: string;
  remove?: string;
  update?: string;
  packageFileName?: string;
  configFileName?: string;
  scriptBehaviorAfterReboot?: string;
}

/** One page of a list and the token for the next, when Azure has more. */
export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

/** A gallery shared directly with the caller (read-only view, by location). */
export interface SharedGallery {
  uniqueId: string;
  name: string;
  location: string;
}

export interface SharedImage {
  uniqueId: string;
  name: string;
  location: string;
  osType?: string;
  osState?: string;
  hyperVGeneration?: string;
  architecture?: string;
  publisher?: string;
  offer?: string;
  sku?: string;
  endOfLifeDate?: Date;
  /** As Azure returned them (SecurityType among them). */
  features?: { name?: string; value?: string }[];
}

export interface SharedImageVersion {
  uniqueId: string;
  name: string;
  location: string;
  publishedDate?: Date;
  endOfLifeDate?: Date;
  excludeFromLatest?: boolean;
}

/** A gallery, image or version seen from outside: shared directly with the caller, or public (community). */
export interface ExternalResource {
  source: 'shared' | 'community';
  location: string;
  /** The unique name (shared) or public name (community). */
  gallery: string;
  image?: string;
  version?: string;
}
