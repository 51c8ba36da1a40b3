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

export type VersionSourceKind = 'image' | 'virtualMachine' | 'snapshot' | 'disk' | 'galleryImageVersion';

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
}

export interface NewTargetRegion {
  name: string;
  regionalReplicaCount: number;
  storageAccountType: string;
}

export interface NewImageVersion {
  /** The source's region: a version is made where its source is. */
  location: string;
  source: { kind: VersionSourceKind; id: string };
  targetRegions: NewTargetRegion[];
  replicaCount: number;
  storageAccountType: string;
  excludeFromLatest: boolean;
  endOfLifeDate?: Date;
  replicationMode?: 'Full' | 'Shallow';
  tags?: Record<string, string>;
}
