// The project's own types for what the create commands send and list (resource groups, new
// galleries, definitions and versions, version sources). Like types.ts: no SDK type leaks out.
import type { CallOptions, SharingPermission } from './types';

export interface ResourceGroupInfo {
  id: string;
  name: string;
  location: string;
}

/** A long-running write: how often to poll when Azure gives no Retry-After (the emulator in tests). */
export interface LroOptions extends CallOptions {
  pollIntervalMs?: number;
}

export interface NewCommunityInfo {
  publisherUri: string;
  publisherContact: string;
  eula: string;
  publicNamePrefix: string;
}

export interface NewGallery {
  location: string;
  description?: string;
  sharing: SharingPermission;
  /** Required when sharing is Community. */
  community?: NewCommunityInfo;
  tags?: Record<string, string>;
  /** Deleted image versions stay restorable for 7 days (softDeletePolicy); not sent when not given. */
  softDelete?: boolean;
}

export interface NewRange {
  min?: number;
  max?: number;
}

export interface NewImageDefinition {
  location: string;
  osType: 'Windows' | 'Linux';
  osState: 'Generalized' | 'Specialized';
  hyperVGeneration: 'V1' | 'V2';
  architecture: 'x64' | 'Arm64';
  /** Always sent as the SecurityType feature, Standard included (absent, Azure makes Generation 2 TrustedLaunchSupported). */
  securityType: string;
  /** Other features (disk controllers, accelerated networking, hibernation), sent after the security type. */
  features?: { name: string; value: string }[];
  tags?: Record<string, string>;
  publisher: string;
  offer: string;
  sku: string;
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  endOfLifeDate?: Date;
  recommended?: { vCPUs?: NewRange; memory?: NewRange };
  disallowedDiskTypes?: string[];
  purchasePlan?: { name?: string; publisher?: string; product?: string };
}

export type VersionSourceKind =
  | 'image'
  | 'virtualMachine'
  | 'snapshot'
  | 'disk'
  | 'galleryImageVersion'
  /** A version of a community gallery: /CommunityGalleries/{publicName}/Images/{image}/Versions/{version}. */
  | 'communityGalleryImageVersion'
  /** A version of a gallery shared directly: /SharedGalleries/{uniqueName}/Images/{image}/Versions/{version}. */
  | 'sharedGalleryImageVersion'
  /** A VHD blob (id is its URL; storageAccountId names the account). */
  | 'vhd';

/** A data disk a source brings with it (a VM's, a managed image's, a gallery version's). */
export interface SourceDataDisk {
  lun: number;
  /** The disk or snapshot name, where Azure tells it. */
  name?: string;
  sizeGB?: number;
}

/** Something an image version can be made from, with what is known of its shape (unknown: undefined). */
export interface VersionSource {
  id: string;
  name: string;
  kind: VersionSourceKind;
  location: string;
  resourceGroup: string;
  osType?: 'Windows' | 'Linux';
  osState?: 'Generalized' | 'Specialized';
  hyperVGeneration?: 'V1' | 'V2';
  /** Why the generation is not known, for a VM whose OS disk does not tell it (Azure then decides). */
  generationUnknown?: string;
  architecture?: 'x64' | 'Arm64';
  /** Standard, TrustedLaunch or ConfidentialVM (what model/imageRules' SourceShape expects). */
  securityType?: 'Standard' | 'TrustedLaunch' | 'ConfidentialVM';
  /** For a gallery image version: "gallery/definition". */
  parentName?: string;
  /** The data disks Azure copies with this source (VMs, managed images, gallery versions). */
  dataDisks?: SourceDataDisk[];
  /** For a VHD: the storage account holding the blob. */
  storageAccountId?: string;
}

/** A managed disk or snapshot without an OS: what a data disk image can be made from. */
export interface DataDiskCandidate {
  id: string;
  name: string;
  kind: 'disk' | 'snapshot';
  location: string;
  resourceGroup: string;
  sizeGB?: number;
}

/** A disk encryption set of the subscription (Microsoft.Compute/diskEncryptionSets). */
export interface DiskEncryptionSetInfo {
  id: string;
  name: string;
  location: string;
  resourceGroup: string;
  /** EncryptionAtRestWithCustomerKey, EncryptionAtRestWithPlatformAndCustomerKeys, ConfidentialVmEncryptedWithCustomerKey. */
  encryptionType?: string;
}

/** A storage account a VHD can be read from. */
export interface StorageAccountInfo {
  id: string;
  name: string;
  location: string;
  resourceGroup: string;
  /** Its blob endpoint, e.g. https://contoso.blob.core.windows.net/. */
  blobEndpoint: string;
  kind?: string;
  sku?: string;
}

/** Where a disk image comes from: a disk or snapshot by id, or a VHD blob of a storage account. */
export type NewDiskImageSource = { id: string } | { uri: string; storageAccountId: string };

export interface NewDataDisk {
  lun: number;
  source: NewDiskImageSource;
}

export interface NewRegionEncryption {
  osDiskImage?: { diskEncryptionSetId?: string; confidentialVMEncryptionType?: string; secureVMDiskEncryptionSetId?: string };
  dataDiskImages?: { lun: number; diskEncryptionSetId: string }[];
}

export interface NewTargetRegion {
  name: string;
  regionalReplicaCount: number;
  /** Undefined: none sent, Azure applies its default. */
  storageAccountType?: string;
  /** Sent only when true for a region (Azure's default is false). */
  excludeFromLatest?: boolean;
  encryption?: NewRegionEncryption;
}

/** publishingProfile.targetExtendedLocations[] (edge zones). */
export interface NewExtendedLocation {
  /** The region of the edge zone. */
  name: string;
  /** The edge zone, e.g. microsoftlosangeles1. */
  edgeZone: string;
  replicas?: number;
  /** Standard_LRS, Standard_ZRS, StandardSSD_LRS or Premium_LRS (EdgeZoneStorageAccountType). */
  storageAccountType?: string;
  encryption?: NewRegionEncryption;
}

export interface NewImageVersion {
  /** The source's region: a version is made where its source is. */
  location: string;
  source: { kind: VersionSourceKind; id: string; storageAccountId?: string };
  /** Only with a disk, snapshot or VHD source. */
  dataDisks?: NewDataDisk[];
  targetRegions: NewTargetRegion[];
  replicaCount: number;
  /** Undefined: none sent, Azure applies its default. */
  storageAccountType?: string;
  excludeFromLatest: boolean;
  endOfLifeDate?: Date;
  replicationMode?: 'Full' | 'Shallow';
  targetExtendedLocations?: NewExtendedLocation[];
  safetyProfile?: { allowDeletionOfReplicatedLocations?: boolean; blockDeletionBeforeEndOfLife?: boolean };
  tags?: Record<string, string>;
}
