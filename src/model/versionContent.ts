// What an image version is made of beyond its OS disk source, and what each target region keeps:
// data disks by LUN, VHD sources, community and directly-shared gallery sources, per-region
// encryption with disk encryption sets, confidential-VM encryption and the safety profile. Every
// rule here is one Azure applies; each cites where Azure says so, and the local Azure
// (test/emulator) applies the same rule, so the input-agreement suite can compare them.
//
// Sources:
// - GalleryRP.json 2025-12-03 (GalleryImageVersionStorageProfile, GalleryDataDiskImage,
//   GalleryDiskImageSource {uri, storageAccountId}, GalleryArtifactVersionFullSource
//   {communityGalleryImageId, virtualMachineId}, EncryptionImages, OSDiskImageSecurityProfile,
//   ConfidentialVMEncryptionType, GalleryImageVersionSafetyProfile).
// - MicrosoftDocs/azure-compute-docs articles/virtual-machines/troubleshooting-shared-images.md,
//   "Creating or updating image versions" (quoted as TS below).

import { normalizeRegionName, sameRegion } from './replication';

/**
 * Data disk LUNs: 0–63. A VM takes data disks at LUN 0 to 63 (Azure's maximum of 64 data disks per
 * VM; learn.microsoft.com virtual-machines "Sizes" max data disks, and the VM API's dataDisks[].lun),
 * and a gallery data disk image is attached to a VM at its LUN (GalleryDataDiskImage.lun: "used to
 * identify data disks within the Virtual Machine").
 */
export const MIN_LUN = 0;
export const MAX_LUN = 63;

/** Where a data disk image comes from: a managed disk or snapshot (by id), or a VHD blob. */
export type DiskImageSource = { id: string } | { uri: string; storageAccountId: string };

export interface DataDiskSpec {
  lun: number;
  source: DiskImageSource;
}

function sourceKey(s: DiskImageSource): string {
  return ('id' in s ? s.id : s.uri).trim().toLowerCase();
}

/**
 * A LUN as typed: a whole number from 0 (GalleryDataDiskImage.lun is an int32 the spec bounds no
 * further, and Azure's gallery docs name no limit). Undefined when it is fine.
 */
export function validateLun(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > 2 ** 31 - 1) return `Enter the LUN as a whole number, usually from ${MIN_LUN} to ${MAX_LUN}, for example 0.`;
  return undefined;
}

/**
 * A LUN Azure takes for an image but a VM cannot use: VMs attach data disks at LUN 0–63 (Azure
 * refuses a VM's "dataDisk.lun" outside it), so a VM made from the image would fail. A warning,
 * not a refusal: the image version itself is accepted.
 */
export function lunWarning(text: string): string | undefined {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) > MAX_LUN ? `LUN ${t} is above ${MAX_LUN}: VMs attach data disks at LUN ${MIN_LUN}–${MAX_LUN}, so VMs made from this version could not attach it.` : undefined;
}

/** The lowest LUN not yet taken (for the suggestion), or undefined when all 64 are. */
export function nextFreeLun(taken: readonly number[]): number | undefined {
  for (let lun = MIN_LUN; lun <= MAX_LUN; lun++) if (!taken.includes(lun)) return lun;
  return undefined;
}

/**
 * The data disks a request carries. TS: "Duplicated lun numbers have been detected in the input
 * data disks", "Duplicated source ids are found in the input disks", "OSDiskImage and
 * DataDiskImage cannot point to same blob".
 */
export function validateDataDisks(disks: readonly DataDiskSpec[], osSource?: DiskImageSource): string | undefined {
  const luns = new Set<number>();
  const sources = new Set<string>(osSource ? [sourceKey(osSource)] : []);
  for (const d of disks) {
    const lunProblem = Number.isInteger(d.lun) ? validateLun(String(d.lun)) : `Use a whole-number LUN, 0 or more (not ${d.lun}).`;
    if (lunProblem) return lunProblem;
    if (luns.has(d.lun)) return `Use another LUN than ${d.lun}: each data disk needs its own LUN.`;
    luns.add(d.lun);
    const key = sourceKey(d.source);
    if (sources.has(key)) {
      const what = 'id' in d.source ? d.source.id : d.source.uri;
      return osSource && key === sourceKey(osSource)
        ? `Use another disk for LUN ${d.lun}: ${what} is already the OS disk's source.`
        : `Use another disk for LUN ${d.lun}: ${what} is already the source of another data disk.`;
    }
    sources.add(key);
  }
  return undefined;
}

/** A LUN typed for a new data disk, checked against those already added. */
export function validateNewLun(text: string, taken: readonly number[]): string | undefined {
  const problem = validateLun(text);
  if (problem) return problem;
  const n = Number(text.trim());
  if (taken.includes(n)) {
    const free = nextFreeLun(taken);
    return `Use another LUN than ${n}: a data disk already has it${free !== undefined ? ` (${free} is free)` : ''}.`;
  }
  return undefined;
}

/**
 * Data disks may be listed only when the OS disk comes from a disk, snapshot or VHD: TS "The
 * gallery artifact version source can only be specified either directly under storageProfile or
 * within individual OS or data disks." A VM, managed image or gallery version brings its own data
 * disks (storageProfile.source), as Azure copies them.
 */
export function dataDisksAllowedWith(kind: string): boolean {
  return kind === 'disk' || kind === 'snapshot' || kind === 'vhd';
}

// Customer-managed keys are offered with every kind of source. The troubleshooting catalogue's
// "Encryption is not supported for source resource …" ("only supports encryption for VMs, disks,
// snapshots and managed images") is not applied: the spec's own examples encrypt versions made from
// a VHD, a community image and another gallery version (GalleryImageVersion_Create_WithVHD,
// _WithCommunityImageVersionAsSource, _WithImageVersionAsSource), so Azure takes those requests
// (test/emulator/SOURCES.md decides the same).

// ---- VHD sources ---------------------------------------------------------------------------------

/**
 * A VHD blob URL as typed, for a storage account whose blob endpoint is `blobEndpoint` (e.g.
 * https://contoso.blob.core.windows.net/). Azure copies the blob from the account named by
 * storageAccountId (GalleryDiskImageSource), so the URL must be on that account's endpoint, use
 * HTTPS (the only protocol Azure reads blobs over for managed disks and images) and name a blob.
 * That the blob is a VHD (learn.microsoft.com "Upload a VHD to Azure": fixed-size VHD page blobs)
 * only Azure can tell when it reads it: see vhdUrlWarning.
 */
export function validateVhdUrl(text: string, blobEndpoint: string): string | undefined {
  const t = text.trim();
  const example = `${blobEndpoint.replace(/\/*$/, '/')}vhds/disk.vhd`;
  if (t.length === 0) return `Enter the VHD's blob URL, for example ${example}.`;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return `Enter a full blob URL, for example ${example}.`;
  }
  if (url.protocol !== 'https:') return `Use an https:// URL (Azure reads the blob over HTTPS), for example ${example}.`;
  let endpoint: URL | undefined;
  try {
    endpoint = new URL(blobEndpoint);
  } catch {
    endpoint = undefined;
  }
  if (endpoint && (url.host.toLowerCase() !== endpoint.host.toLowerCase() || !url.pathname.toLowerCase().startsWith(endpoint.pathname.replace(/\/*$/, '/').toLowerCase()))) {
    return `Use a blob of the storage account picked (${endpoint.host}${endpoint.pathname.replace(/\/$/, '')}), for example ${example}.`;
  }
  const rest = url.pathname.slice(endpoint ? endpoint.pathname.replace(/\/*$/, '/').length : 1);
  // A blob directly under the endpoint is in the account's $root container (learn.microsoft.com
  // "Naming and referencing containers, blobs, and metadata"), so no container is required.
  const parts = rest.split('/').filter(Boolean);
  if (parts.length < 1) return `Add the blob's name (its container, then the blob), for example ${example}.`;
  return undefined;
}

/**
 * A blob not named .vhd: Azure reads whatever page blob is named and only then finds whether it is a
 * fixed-size VHD, so the name alone is no refusal; it is worth a second look.
 */
export function vhdUrlWarning(text: string): string | undefined {
  const path = text.trim().split(/[?#]/)[0] ?? '';
  return path && !/\.vhd$/i.test(path) ? 'This blob is not named .vhd: Azure makes disk images from fixed-size VHD page blobs only, and refuses anything else when it reads it.' : undefined;
}

// ---- Community and directly-shared gallery versions ----------------------------------------------

export interface GalleryVersionReference {
  kind: 'community' | 'shared';
  /** Public name (community) or unique name (shared). */
  gallery: string;
  image: string;
  version: string;
  /** As Azure spells it: /CommunityGalleries/{publicName}/Images/{image}/Versions/{version}. */
  id: string;
}

const REFERENCE = /^\/(CommunityGalleries|SharedGalleries)\/([^/]+)\/Images\/([^/]+)\/Versions\/([^/]+)$/i;

/** Parses a pasted community or shared gallery version id (a trailing slash and spaces ignored). */
export function parseGalleryVersionReference(text: string): GalleryVersionReference | undefined {
  const m = REFERENCE.exec(text.trim().replace(/\/+$/, ''));
  if (!m) return undefined;
  const kind = m[1].toLowerCase() === 'communitygalleries' ? 'community' : 'shared';
  const id = `/${kind === 'community' ? 'CommunityGalleries' : 'SharedGalleries'}/${m[2]}/Images/${m[3]}/Versions/${m[4]}`;
  return { kind, gallery: m[2], image: m[3], version: m[4], id };
}

export function validateGalleryVersionReference(text: string): string | undefined {
  if (parseGalleryVersionReference(text)) return undefined;
  return 'Enter a community or shared gallery version id, for example /CommunityGalleries/ContosoImages-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d/Images/ubuntu/Versions/1.0.0 or /SharedGalleries/{unique name}/Images/{image}/Versions/{version}.';
}

// ---- Encryption per region -----------------------------------------------------------------------

/** GalleryRP.json 2025-12-03 ConfidentialVMEncryptionType (NonPersistedTPM is not an encryption choice of the portal or CLI). */
export const CONFIDENTIAL_VM_ENCRYPTION_TYPES = ['EncryptedVMGuestStateOnlyWithPmk', 'EncryptedWithPmk', 'EncryptedWithCmk'] as const;
export type ConfidentialVmEncryptionType = (typeof CONFIDENTIAL_VM_ENCRYPTION_TYPES)[number];

export interface RegionEncryption {
  osDiskImage?: { diskEncryptionSetId?: string; confidentialVMEncryptionType?: ConfidentialVmEncryptionType; secureVMDiskEncryptionSetId?: string };
  dataDiskImages?: { lun: number; diskEncryptionSetId: string }[];
}

export interface RegionEncryptionInput {
  region: string;
  encryption?: RegionEncryption;
}

/** A disk encryption set as the rules need it. */
export interface EncryptionSetRef {
  id: string;
  location: string;
}

function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1]?.toLowerCase();
}

const DES_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/]+$/i;

/**
 * Checks every region's encryption before sending. `luns`: the data disks the version has;
 * `sets`: the subscription's disk encryption sets, when listed (then each id must be one of them,
 * in the region that uses it). TS rows: "The value of parameter …diskEncryptionSetId is invalid",
 * "The disk encryption set … must be in the same subscription … as the gallery resource", "Disk
 * encryption sets can be used only in the same subscription and region in which they were
 * created", "An invalid lun [n] was specified in encryption.dataDiskImages", "Duplicate luns …
 * were specified in target region", and "A disk encryption set is required for disk … in target
 * region … since disk encryption set … is used for the corresponding disk in region …".
 */
export function validateRegionEncryption(
  regions: readonly RegionEncryptionInput[],
  luns: readonly number[],
  subscriptionId: string,
  sets?: readonly EncryptionSetRef[],
): string | undefined {
  const checkSet = (id: string, region: string, disk: string): string | undefined => {
    if (!DES_ID.test(id.trim())) return `Use a disk encryption set's resource id for the ${disk} in ${region}, for example /subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des-${region}.`;
    if (subscriptionOf(id) !== subscriptionId.toLowerCase()) return `Use a disk encryption set of the gallery's subscription (${subscriptionId}) for the ${disk} in ${region}: Azure takes none from another subscription.`;
    if (sets) {
      const found = sets.find((s) => s.id.toLowerCase() === id.trim().toLowerCase());
      if (!found) return `Use one of the subscription's disk encryption sets for the ${disk} in ${region}: ${id} was not found.`;
      if (!sameRegion(found.location, region)) return `Use a disk encryption set in ${normalizeRegionName(region)} for the ${disk} there: ${id.split('/').pop()} is in ${normalizeRegionName(found.location)}.`;
    }
    return undefined;
  };
  for (const r of regions) {
    const region = normalizeRegionName(r.region);
    const os = r.encryption?.osDiskImage;
    if (os?.diskEncryptionSetId) {
      const p = checkSet(os.diskEncryptionSetId, region, 'OS disk');
      if (p) return p;
    }
    if (os?.secureVMDiskEncryptionSetId) {
      const p = checkSet(os.secureVMDiskEncryptionSetId, region, 'confidential VM key');
      if (p) return p;
    }
    if (os?.confidentialVMEncryptionType === 'EncryptedWithCmk' && !os.secureVMDiskEncryptionSetId) {
      return `Choose a disk encryption set for the confidential VM key in ${region}: EncryptedWithCmk uses a customer-managed key.`;
    }
    const seen = new Set<number>();
    for (const d of r.encryption?.dataDiskImages ?? []) {
      if (!luns.includes(d.lun)) return `Remove the encryption for LUN ${d.lun} in ${region}: the version has data disks at ${luns.length ? luns.join(', ') : 'no LUN'} only.`;
      if (seen.has(d.lun)) return `List LUN ${d.lun} only once in ${region}'s encryption.`;
      seen.add(d.lun);
      const p = checkSet(d.diskEncryptionSetId, region, `data disk at LUN ${d.lun}`);
      if (p) return p;
    }
  }
  // A disk encrypted with a set in one region needs a set in every region.
  const osEncrypted = regions.find((r) => r.encryption?.osDiskImage?.diskEncryptionSetId);
  if (osEncrypted) {
    const missing = regions.find((r) => !r.encryption?.osDiskImage?.diskEncryptionSetId);
    if (missing) return `Choose a disk encryption set for the OS disk in ${normalizeRegionName(missing.region)} too: it is encrypted with one in ${normalizeRegionName(osEncrypted.region)}, and Azure needs the same disk encrypted in every region.`;
  }
  for (const lun of luns) {
    const encrypted = regions.find((r) => r.encryption?.dataDiskImages?.some((d) => d.lun === lun));
    const missing = encrypted && regions.find((r) => !r.encryption?.dataDiskImages?.some((d) => d.lun === lun));
    if (encrypted && missing) {
      return `Choose a disk encryption set for LUN ${lun} in ${normalizeRegionName(missing.region)} too: it is encrypted with one in ${normalizeRegionName(encrypted.region)}, and Azure needs the same disk encrypted in every region.`;
    }
  }
  return undefined;
}

// ---- Safety profile --------------------------------------------------------------------------------

/**
 * GalleryImageVersionSafetyProfile.blockDeletionBeforeEndOfLife needs an end-of-life date: TS
 * "DeleteGalleryImageVersionBlockedBeforeEndOfLife … its endOfLifeDate has not reached yet", and
 * Azure refuses the flag on a version without one.
 */
export function validateSafety(blockDeletionBeforeEndOfLife: boolean | undefined, endOfLifeDate: string | undefined): string | undefined {
  if (blockDeletionBeforeEndOfLife && !endOfLifeDate?.trim()) {
    return 'Add an end-of-life date to block deletion before end of life, or leave deletion unblocked.';
  }
  return undefined;
}

// ---- Edge zones ------------------------------------------------------------------------------------

/** GalleryRP.json 2025-12-03 EdgeZoneStorageAccountType: what a target extended location takes. */
export const EDGE_ZONE_STORAGE_TYPES = ['Standard_LRS', 'Standard_ZRS', 'StandardSSD_LRS', 'Premium_LRS'] as const;

export interface ExtendedLocationInput {
  name: string;
  edgeZone: string;
  replicas?: number;
  storageAccountType?: string;
}

/**
 * publishingProfile.targetExtendedLocations[] (GalleryTargetExtendedLocation): a region, the edge
 * zone in it, replicas 1–100 (as regionalReplicaCount: the troubleshooting catalogue's "The value
 * … is out of range. The value must be between 1 and 100") and an EdgeZoneStorageAccountType.
 */
export function validateExtendedLocations(list: readonly ExtendedLocationInput[]): string | undefined {
  for (const [i, l] of list.entries()) {
    const which = `edge zone ${i + 1}`;
    if (!l.name?.trim()) return `Give ${which} its region (name), for example westus.`;
    if (!l.edgeZone?.trim()) return `Give ${which} its edge zone (edgeZone), for example microsoftlosangeles1.`;
    if (l.replicas !== undefined && (!Number.isInteger(l.replicas) || l.replicas < 1 || l.replicas > 100)) return `Use 1 to 100 replicas in ${l.edgeZone} (not ${l.replicas}).`;
    // Azure reads enum values in any case (the Extended Zones docs type standardssd_lrs).
    if (l.storageAccountType !== undefined && !EDGE_ZONE_STORAGE_TYPES.some((t) => t.toLowerCase() === String(l.storageAccountType).toLowerCase())) {
      return `Use ${EDGE_ZONE_STORAGE_TYPES.join(', ')} as the storage type in ${l.edgeZone} (not ${l.storageAccountType}).`;
    }
  }
  return undefined;
}
