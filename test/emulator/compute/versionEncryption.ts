import { invalidParameter } from '../arm/errors';
import type { EmulatorState } from '../state';
import type { Json, JsonObject } from '../json';
import { asArray, asObject, asString, isObject } from '../json';
import { findDiskEncryptionSet } from './keysAndStorage';
import { displayRegion, normalizeRegion } from './replication';

// Customer-managed keys per target region (GalleryRP.json `EncryptionImages`: `osDiskImage` with
// `diskEncryptionSetId` and, for confidential VMs, `securityProfile`; `dataDiskImages[]` with `lun`
// and `diskEncryptionSetId`). Messages quote troubleshooting-shared-images.md
// (https://learn.microsoft.com/azure/virtual-machines/troubleshooting-shared-images) unless noted.

const PATH = 'galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption';
const DES_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/]+$/i;
/** GalleryRP.json `ConfidentialVMEncryptionType`. */
const CVM_TYPES = ['EncryptedVMGuestStateOnlyWithPmk', 'EncryptedWithPmk', 'EncryptedWithCmk', 'NonPersistedTPM'];
/** Definitions whose versions may carry confidential VM disk encryption (SecurityType feature values). */
const CONFIDENTIAL = ['confidentialvm', 'confidentialvmsupported', 'trustedlaunchandconfidentialvmsupported'];

export interface EncryptionContext {
  state: EmulatorState;
  /** The version's subscription: a disk encryption set must be in it. */
  subscriptionId: string;
  /** The definition's SecurityType feature value. */
  securityType: string;
  /** LUNs of the version's data disks. */
  dataLuns: number[];
  /** The stored target regions before this update (undefined on create). */
  before?: Json[];
}

/** One disk encryption set reference: well formed, in the version's subscription, existing, in the region it encrypts. */
function checkDes(ctx: EncryptionContext, id: Json | undefined, member: string, region: string): string | undefined {
  if (id === undefined || id === null) return undefined;
  const value = typeof id === 'string' ? id : '';
  if (!DES_ID.test(value)) throw invalidParameter(`The value of parameter ${PATH}.${member} is invalid`, `${PATH}.${member}`);
  if (value.split('/')[2].toLowerCase() !== ctx.subscriptionId.toLowerCase()) {
    throw invalidParameter(`The disk encryption set '${value}' must be in the same subscription '${ctx.subscriptionId}' as the gallery resource`, `${PATH}.${member}`);
  }
  const des = findDiskEncryptionSet(ctx.state, value);
  if (!des) throw invalidParameter(`The disk encryption set ${value} was not found`, `${PATH}.${member}`);
  if (normalizeRegion(des.location) !== normalizeRegion(region)) {
    // The catalogue's mitigation: "Create or use an encryption set in the same subscription and
    // region as the image version" (each region's copy is encrypted there). The local Azure's wording.
    throw invalidParameter(
      `The disk encryption set '${value}' is in region '${displayRegion(des.location)}' and cannot encrypt the copy in target region '${displayRegion(region)}'. Use a disk encryption set in '${displayRegion(region)}'.`,
      `${PATH}.${member}`,
    );
  }
  return value;
}

/**
 * Confidential VM OS disk encryption (`encryption.osDiskImage.securityProfile`): only for
 * definitions whose SecurityType is ConfidentialVM(Supported) (GalleryRP.json
 * `OSDiskImageSecurityProfile`; *Confidential VMs from a gallery*,
 * https://learn.microsoft.com/azure/confidential-computing/create-confidential-vm-from-compute-gallery).
 * `EncryptedWithCmk` needs `secureVMDiskEncryptionSetId`. The local Azure's wording.
 */
function checkConfidential(ctx: EncryptionContext, profile: JsonObject | undefined, region: string): void {
  if (!profile) return;
  const member = 'osDiskImage.securityProfile';
  if (!CONFIDENTIAL.includes(ctx.securityType.toLowerCase())) {
    throw invalidParameter(
      `Confidential VM encryption (${PATH}.${member}) can only be used for an image whose SecurityType is ConfidentialVM or ConfidentialVMSupported; this image's SecurityType is '${ctx.securityType}'.`,
      `${PATH}.${member}`,
    );
  }
  const type = profile.confidentialVMEncryptionType;
  if (type !== undefined && !CVM_TYPES.includes(String(type))) {
    throw invalidParameter(`The value '${String(type)}' of parameter '${PATH}.${member}.confidentialVMEncryptionType' is invalid. Allowed values are: ${CVM_TYPES.join(', ')}.`, `${PATH}.${member}.confidentialVMEncryptionType`);
  }
  const des = checkDes(ctx, profile.secureVMDiskEncryptionSetId, `${member}.secureVMDiskEncryptionSetId`, region);
  if (type === 'EncryptedWithCmk' && !des) {
    throw invalidParameter(`Required parameter '${PATH}.${member}.secureVMDiskEncryptionSetId' is missing (null): 'EncryptedWithCmk' needs a disk encryption set.`, `${PATH}.${member}.secureVMDiskEncryptionSetId`);
  }
}

interface RegionKeys {
  region: string;
  os?: string;
  data: Map<number, string>;
}

function keysOf(ctx: EncryptionContext, region: string, encryption: JsonObject | undefined): RegionKeys {
  const os = asObject(encryption?.osDiskImage);
  const keys: RegionKeys = { region, os: checkDes(ctx, os?.diskEncryptionSetId, 'osDiskImage.diskEncryptionSetId', region), data: new Map() };
  checkConfidential(ctx, asObject(os?.securityProfile), region);
  for (const d of (asArray(encryption?.dataDiskImages) ?? []).filter(isObject)) {
    const lun = d.lun;
    if (typeof lun !== 'number' || !ctx.dataLuns.includes(lun)) {
      throw invalidParameter(
        `An invalid lun [${String(lun)}] was specified in encryption.dataDiskImages. The lun must be one of the following values ['${ctx.dataLuns.join(',')}']`,
        `${PATH}.dataDiskImages`,
      );
    }
    if (keys.data.has(lun)) {
      throw invalidParameter(`Duplicate luns '${lun}' were specified in target region '${displayRegion(region)}' encryption.dataDiskImages`, `${PATH}.dataDiskImages`);
    }
    const des = checkDes(ctx, d.diskEncryptionSetId, 'dataDiskImages.diskEncryptionSetId', region);
    if (des) keys.data.set(lun, des);
  }
  return keys;
}

/** "If you're using encryption on the OS disk [a data disk], use encryption in all regions." */
function checkEveryRegion(all: RegionKeys[]): void {
  const osUser = all.find((k) => k.os);
  for (const k of all) {
    if (osUser && !k.os) {
      throw invalidParameter(
        `A disk encryption set is required for disk '${PATH}.osDiskImage.diskEncryptionSetId' in target region '${displayRegion(k.region)}' since disk encryption set '${osUser.os}' is used for the corresponding disk in region '${displayRegion(osUser.region)}'`,
        `${PATH}.osDiskImage.diskEncryptionSetId`,
      );
    }
    for (const other of all) {
      for (const [lun, des] of other.data) {
        if (!k.data.has(lun)) {
          throw invalidParameter(
            `A disk encryption set is required for disk 'LUN ${lun}' in target region '${displayRegion(k.region)}' since disk encryption set '${des}' is used for the corresponding disk in region '${displayRegion(other.region)}'`,
            `${PATH}.dataDiskImages`,
          );
        }
      }
    }
  }
}

/** An update may not add a data disk's encryption in a region that already has its copy. */
function checkNoNewKeys(ctx: EncryptionContext, all: RegionKeys[]): void {
  const before = new Map(
    (ctx.before ?? []).filter(isObject).map((r) => [normalizeRegion(String(r.name)), (asArray(asObject(r.encryption)?.dataDiskImages) ?? []).filter(isObject).map((d) => d.lun)]),
  );
  for (const k of all) {
    const old = before.get(normalizeRegion(k.region));
    if (!old) continue;
    for (const lun of k.data.keys()) {
      if (!old.includes(lun)) {
        throw invalidParameter(
          `Cannot specify new data disk image encryption lun [${lun}] with a disk encryption set in region [${displayRegion(k.region)}] for update gallery image version request. To update this version, remove the new lun. If you need to change the data disk image encryption settings, you must create a new gallery image version with the correct settings.`,
          `${PATH}.dataDiskImages`,
        );
      }
    }
  }
}

/** Checks every target region's (and target extended location's) encryption. */
export function checkEncryption(ctx: EncryptionContext, targetRegions: Json[], extendedLocations: Json | undefined): void {
  const all = targetRegions.filter(isObject).map((r) => keysOf(ctx, asString(r.name) ?? '', asObject(r.encryption)));
  checkEveryRegion(all);
  if (ctx.before) checkNoNewKeys(ctx, all);
  for (const e of (asArray(extendedLocations) ?? []).filter(isObject)) keysOf(ctx, asString(e.name) ?? '', asObject(e.encryption));
}
