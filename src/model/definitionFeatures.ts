// An image definition's features beyond its security type: which disk controllers its images
// support, accelerated networking and hibernation. Azure keeps them all in `properties.features`
// as {name, value} strings; the extension reads and writes only the ones it knows and keeps every
// other feature as Azure returned it.
//
// Sources:
// - Feature names and values as Azure's own clients send them: `az sig image-definition create
//   --features "DiskControllerTypes=SCSI,NVMe IsAcceleratedNetworkSupported=true
//   IsHibernateSupported=true"` (learn.microsoft.com/cli/azure/sig/image-definition; the NVMe
//   article, learn.microsoft.com/azure/virtual-machines/nvme-overview, tags an image for NVMe with
//   DiskControllerTypes "SCSI, NVMe"; hibernation, learn.microsoft.com/azure/virtual-machines/
//   hibernate-resume, IsHibernateSupported=true).
// - Values: "Allowed characters are English alphanumerical characters with spaces and commas. The
//   length of the value cannot exceed 100 characters." (Azure's InvalidParameter answer for a
//   feature value, quoted in Azure/azure-cli#24142).
// - Changing features after creation: the PUT/PATCH must carry `allowUpdateImage: true`
//   (GalleryRP.json 2025-12-03 GalleryImageProperties.allowUpdateImage: "Must be set to true if the
//   gallery image features are being updated"); the features Azure lets change are
//   DiskControllerTypes, SecurityType, IsAcceleratedNetworkSupported and IsHibernateSupported
//   (Azure/azure-cli#33172, the Compute team's request for `az sig image-definition update`;
//   Azure/azure-powershell#29368 tests Update-AzGalleryImageDefinition -Feature -AllowUpdateImage).

export type Feature = { name?: string; value?: string; startsAtVersion?: string };

export const DISK_CONTROLLER_FEATURE = 'DiskControllerTypes';
export const ACCELERATED_NETWORKING_FEATURE = 'IsAcceleratedNetworkSupported';
export const HIBERNATION_FEATURE = 'IsHibernateSupported';

/** SCSI only, or both (an NVMe-capable image also boots on SCSI sizes). */
export const DISK_CONTROLLER_CHOICES = ['SCSI', 'SCSI, NVMe'] as const;
export type DiskControllerTypes = (typeof DISK_CONTROLLER_CHOICES)[number];

/** The features the extension offers; undefined leaves the feature out (Azure's default). */
export interface DefinitionFeatures {
  diskControllerTypes?: DiskControllerTypes;
  acceleratedNetworking?: boolean;
  hibernation?: boolean;
}

/** The features Azure lets change on an existing definition (with allowUpdateImage). */
export const UPDATABLE_FEATURES = ['SecurityType', DISK_CONTROLLER_FEATURE, ACCELERATED_NETWORKING_FEATURE, HIBERNATION_FEATURE] as const;

const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

/** "SCSI,NVMe", "scsi, nvme" → "SCSI, NVMe"; undefined for anything else. */
export function parseDiskControllerTypes(text: string | undefined): DiskControllerTypes | undefined {
  const parts = (text ?? '').split(',').map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
  if (parts.length === 1 && parts[0] === 'scsi') return 'SCSI';
  if (parts.length === 2 && parts.includes('scsi') && parts.includes('nvme')) return 'SCSI, NVMe';
  return undefined;
}

function parseBool(text: string | undefined): boolean | undefined {
  if (same(text, 'true')) return true;
  if (same(text, 'false')) return false;
  return undefined;
}

/** The known features in a definition's list (unknown values read as absent). */
export function featuresFrom(features: readonly Feature[] | undefined): DefinitionFeatures {
  const value = (name: string) => features?.find((f) => same(f.name, name))?.value;
  const out: DefinitionFeatures = {};
  const disk = parseDiskControllerTypes(value(DISK_CONTROLLER_FEATURE));
  if (disk) out.diskControllerTypes = disk;
  const an = parseBool(value(ACCELERATED_NETWORKING_FEATURE));
  if (an !== undefined) out.acceleratedNetworking = an;
  const hib = parseBool(value(HIBERNATION_FEATURE));
  if (hib !== undefined) out.hibernation = hib;
  return out;
}

/** The {name, value} entries for the chosen features, in a fixed order. */
export function featureEntries(chosen: DefinitionFeatures): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  if (chosen.diskControllerTypes) out.push({ name: DISK_CONTROLLER_FEATURE, value: chosen.diskControllerTypes });
  if (chosen.acceleratedNetworking !== undefined) out.push({ name: ACCELERATED_NETWORKING_FEATURE, value: String(chosen.acceleratedNetworking) });
  if (chosen.hibernation !== undefined) out.push({ name: HIBERNATION_FEATURE, value: String(chosen.hibernation) });
  return out;
}

/**
 * The whole new list after a change: each named feature replaced where it stands (its
 * `startsAtVersion` dropped only if its value changes), added at the end when new, removed when
 * `changes` names it as undefined; every other entry — the security type, features the extension
 * does not know — kept as Azure returned it.
 */
export function featuresWith(current: readonly Feature[] | undefined, changes: DefinitionFeatures): Feature[] {
  const names: Record<keyof DefinitionFeatures, string> = {
    diskControllerTypes: DISK_CONTROLLER_FEATURE,
    acceleratedNetworking: ACCELERATED_NETWORKING_FEATURE,
    hibernation: HIBERNATION_FEATURE,
  };
  const wanted = new Map(featureEntries(changes).map((e) => [e.name.toLowerCase(), e.value]));
  const touched = (Object.keys(changes) as (keyof DefinitionFeatures)[]).map((k) => names[k].toLowerCase());
  const out: Feature[] = [];
  for (const f of current ?? []) {
    const key = (f.name ?? '').toLowerCase();
    if (!touched.includes(key)) out.push({ ...f });
    else if (wanted.has(key)) {
      const value = wanted.get(key)!;
      out.push(same(f.value, value) ? { ...f } : { name: f.name, value });
      wanted.delete(key);
    }
  }
  for (const e of featureEntries(changes)) if (wanted.has(e.name.toLowerCase())) out.push(e);
  return out;
}

/** Whether two feature lists say the same (names and values compared as Azure does, case-insensitively). */
export function sameFeatures(a: readonly Feature[] | undefined, b: readonly Feature[] | undefined): boolean {
  const key = (l: readonly Feature[] | undefined) =>
    (l ?? []).map((f) => `${(f.name ?? '').toLowerCase()}=${(f.value ?? '').toLowerCase()}@${f.startsAtVersion ?? ''}`).sort().join('|');
  return key(a) === key(b);
}

/** A feature value Azure takes: letters, digits, spaces and commas, at most 100 characters. */
export function validateFeatureValue(value: string): string | undefined {
  if (value.length > 100) return `Shorten the feature value to 100 characters (it has ${value.length}).`;
  if (!/^[A-Za-z0-9 ,]*$/.test(value)) return 'Use only letters, digits, spaces and commas in a feature value, for example SCSI, NVMe.';
  return undefined;
}

/** "SCSI and NVMe disk controllers · accelerated networking · hibernation", for summaries and tooltips. */
export function describeFeatures(f: DefinitionFeatures): string {
  const parts: string[] = [];
  if (f.diskControllerTypes) parts.push(f.diskControllerTypes === 'SCSI' ? 'SCSI disk controller' : 'SCSI and NVMe disk controllers');
  if (f.acceleratedNetworking !== undefined) parts.push(f.acceleratedNetworking ? 'accelerated networking' : 'no accelerated networking');
  if (f.hibernation !== undefined) parts.push(f.hibernation ? 'hibernation' : 'no hibernation');
  return parts.join(' · ');
}
