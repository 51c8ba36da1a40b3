// Create Image Version's options object (what a caller may give up front), the state the steps
// fill in, and the look-ups the steps share.
import type { ImageDefinition } from '../../azure/types';
import type { EdgeZoneChoice } from '../../model/edgeZones';
import type { Tags } from '../../model/tags';
import type { DataDiskCandidate, DiskEncryptionSetInfo, NewDiskImageSource, NewExtendedLocation, StorageAccountInfo, VersionSource, VersionSourceKind } from '../../azure/writeTypes';
import { parseArchitecture, parseHyperVGeneration, parseOsState, parseOsType, parseSecurityType, type DefinitionShape } from '../../model/imageRules';
import type { StorageAccountType } from '../../model/replication';
import type { ConfidentialVmEncryptionType, RegionEncryption } from '../../model/versionContent';
import type { ImageDefinitionNode } from '../../tree/nodes/imageDefinitionNode';
import type { CommonCreateOptions, RegionChoice } from '../createCommon';

export const CREATE_VERSION_COMMAND = 'azureComputeGallery.createImageVersion';
export const TITLE = 'Create Image Version';

/** Send no storage type: Azure applies its default (ZRS where the region has zones, else LRS). */
export const AZURE_DEFAULT = 'AzureDefault';
export type StorageChoice = StorageAccountType | typeof AZURE_DEFAULT;

export interface TargetRegionOption {
  name: string;
  replicas?: number;
  /** This region's storage type; AzureDefault (or absent, with no version-wide type) sends none. */
  storageAccountType?: StorageChoice;
  /** Exclude the version from "latest" in this region only. */
  excludeFromLatest?: boolean;
  /** Disk encryption set (resource id) for the OS disk in this region. */
  osDiskEncryptionSetId?: string;
  /** Disk encryption set per data-disk LUN in this region. */
  dataDiskEncryptionSetIds?: { lun: number; diskEncryptionSetId: string }[];
  /** Confidential definitions, EncryptedWithCmk: the disk encryption set of the confidential VM key. */
  secureVMDiskEncryptionSetId?: string;
}

export interface DataDiskOption {
  lun: number;
  /** A managed disk or snapshot id, or a VHD blob URL (then storageAccountId too). */
  source: string;
  storageAccountId?: string;
}

export interface CreateImageVersionOptions extends CommonCreateOptions {
  /** The image definition's resource id. */
  definition?: string;
  /** Major.Minor.Patch. */
  version?: string;
  /**
   * A managed image, VM, OS snapshot or disk, or gallery image version (resource id); a community or
   * directly-shared gallery version (/CommunityGalleries/…/Versions/x, /SharedGalleries/…); or a
   * VHD blob URL (with storageAccountId).
   */
  source?: string;
  /** Where a community or shared gallery source is used from (its version is made there). Default: the first target region. */
  sourceLocation?: string;
  /** A VHD source's storage account (resource id). */
  storageAccountId?: string;
  /** Data disks by LUN (0–63): only with an OS disk, snapshot or VHD source. */
  dataDisks?: DataDiskOption[];
  /** The source region is always added (first). Default: only the source region. */
  targetRegions?: (string | TargetRegionOption)[];
  /** Replicas in each region not given its own count. Default 1. */
  replicaCount?: number;
  /** Every region not given its own type. Default AzureDefault: none sent, Azure applies ZRS where the region has zones, else LRS. */
  storageAccountType?: StorageChoice;
  /** Default false. */
  excludeFromLatest?: boolean;
  /** YYYY-MM-DD (or a zoned ISO date-time), in the future. */
  endOfLifeDate?: string;
  /** Default Full. */
  replicationMode?: 'Full' | 'Shallow';
  /** Resource tags (Advanced…; Azure's tag rules, model/tags.ts). */
  tags?: Record<string, string>;
  /** Confidential definitions: how the OS disk's VM guest state is encrypted in every region. */
  confidentialVMEncryptionType?: ConfidentialVmEncryptionType;
  /**
   * Edge zones (publishingProfile.targetExtendedLocations): {name: region, edgeZone, replicas?,
   * storageAccountType?: Standard_LRS | Standard_ZRS | StandardSSD_LRS | Premium_LRS}. Default none;
   * replicas and storage type absent: Azure's default.
   */
  targetExtendedLocations?: NewExtendedLocation[];
  /** Needs endOfLifeDate. Default false. */
  blockDeletionBeforeEndOfLife?: boolean;
  /** Default false. */
  allowDeletionOfReplicatedLocations?: boolean;
}

/** A data disk as chosen: its LUN, where it comes from, and how the summary names it. */
export interface DataDiskChoice {
  lun: number;
  source: NewDiskImageSource;
  label: string;
}

export interface State {
  definition?: ImageDefinitionNode;
  version?: string;
  source?: VersionSource;
  dataDisks?: DataDiskChoice[];
  /** Normalized region names, the source region first. */
  regions?: string[];
  replicas?: string;
  /** Every region not in regionStorage. */
  storage?: StorageChoice;
  regionStorage?: Record<string, StorageChoice>;
  excludeFromLatest?: boolean;
  /** Regions the version is excluded from "latest" in (when not excluded everywhere). */
  excludedRegions?: string[];
  /** 'platform': no disk encryption sets; 'customer': regionEncryption holds them. */
  encryption?: 'platform' | 'customer';
  regionEncryption?: Record<string, RegionEncryption>;
  confidentialType?: ConfidentialVmEncryptionType;
  endOfLifeDate?: string;
  blockDeletion?: boolean;
  allowReplicatedDeletion?: boolean;
  extendedLocations?: NewExtendedLocation[];
  /** The Edge zones step's answer (true: pick or type some). */
  edgeZonesWanted?: boolean;
  /** Edge zones typed as region/edgezone (defined while "Type other edge zones…" is selected). */
  edgeZonesTyped?: string;
  advanced?: boolean;
  replicationMode?: 'Full' | 'Shallow';
  tags?: Tags;
  /** Per-region details given in the options object. */
  regionOptions?: TargetRegionOption[];
}

/** What the steps look up, each loaded once per flow. */
export interface Lookups {
  sources(d: ImageDefinitionNode): Promise<VersionSource[]>;
  regions(d: ImageDefinitionNode): Promise<RegionChoice[]>;
  versionNames(d: ImageDefinitionNode): Promise<string[]>;
  dataDiskCandidates(d: ImageDefinitionNode): Promise<DataDiskCandidate[]>;
  encryptionSets(d: ImageDefinitionNode): Promise<DiskEncryptionSetInfo[]>;
  storageAccounts(d: ImageDefinitionNode): Promise<StorageAccountInfo[]>;
  /** The edge zones Azure lists for the definition's subscription. */
  edgeZones(d: ImageDefinitionNode): Promise<EdgeZoneChoice[]>;
}

export const KIND_HEADINGS: Record<VersionSourceKind, string> = {
  image: 'Managed images',
  virtualMachine: 'Virtual machines',
  snapshot: 'OS disk snapshots',
  disk: 'OS disks',
  galleryImageVersion: 'Gallery image versions',
  communityGalleryImageVersion: 'Community gallery versions',
  sharedGalleryImageVersion: 'Versions shared with you',
  vhd: 'VHDs',
};

export function definitionShape(d: ImageDefinition): DefinitionShape {
  return {
    osType: parseOsType(d.osType) ?? 'Linux',
    osState: parseOsState(d.osState) ?? 'Generalized',
    hyperVGeneration: parseHyperVGeneration(d.hyperVGeneration),
    architecture: parseArchitecture(d.architecture),
    securityType: parseSecurityType(d.securityType) ?? 'Standard',
  };
}

/** Confidential-VM encryption applies where the definition's security type names confidential VMs. */
export function isConfidential(d: ImageDefinition | undefined): boolean {
  return /confidential/i.test(d?.securityType ?? '');
}

export function subscriptionIdOf(d: ImageDefinitionNode): string {
  return d.parent.parent.subscription.subscriptionId;
}
