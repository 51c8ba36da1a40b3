// The lines of an image version's hover that describe the image itself: its disks, each target
// region's replicas, storage, encryption and exclusion from latest, its safety settings and tags.
// Plain text (markdown-escaped by the caller's `escape`), so it is tested without VS Code.
import type { ImageVersion, RegionEncryption, TargetRegionSetting } from '../../azure/types';
import { tagsToText } from '../../model/tags';

/** The last segment of a resource id (a disk encryption set's name), or the whole text. */
function shortName(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

function encryptionText(e: RegionEncryption): string {
  const parts: string[] = [];
  if (e.osDiskEncryptionSetId) parts.push(`OS disk: ${shortName(e.osDiskEncryptionSetId)}`);
  if (e.confidentialVmEncryptionType) parts.push(`confidential VM: ${e.confidentialVmEncryptionType}${e.secureVmDiskEncryptionSetId ? ` (${shortName(e.secureVmDiskEncryptionSetId)})` : ''}`);
  for (const d of e.dataDisks) if (d.diskEncryptionSetId) parts.push(`LUN ${d.lun}: ${shortName(d.diskEncryptionSetId)}`);
  return parts.join(', ');
}

export function regionLine(r: TargetRegionSetting, versionStorage: string | undefined): string {
  const storage = r.storageAccountType ?? versionStorage;
  const parts = [`${r.regionalReplicaCount} replica${r.regionalReplicaCount === 1 ? '' : 's'}`, storage ?? "Azure's default storage"];
  if (r.excludeFromLatest) parts.push('excluded from latest here');
  const encryption = r.encryption ? encryptionText(r.encryption) : '';
  if (encryption) parts.push(`encrypted with ${encryption}`);
  return `${r.name}: ${parts.join(' · ')}`;
}

/** Each line of the version's detail, in the order the hover shows them. */
export function versionDetailLines(v: ImageVersion): string[] {
  const lines: string[] = [];
  if (v.targetRegions.length > 0) {
    lines.push('Target regions:');
    for (const r of v.targetRegions) lines.push(`· ${regionLine(r, v.storageAccountType)}`);
  }
  for (const l of v.extendedLocations) lines.push(`Edge zone: ${l}`);
  if (v.osDiskImage?.source) lines.push(`OS disk from: ${v.osDiskImage.source}`);
  if (v.dataDiskImages.length > 0) {
    lines.push(`Data disks: ${v.dataDiskImages.length}`);
    for (const d of [...v.dataDiskImages].sort((a, b) => (a.lun ?? 0) - (b.lun ?? 0))) {
      const size = d.sizeInGB !== undefined ? `, ${d.sizeInGB} GB` : '';
      const caching = d.hostCaching ? `, caching ${d.hostCaching}` : '';
      lines.push(`· LUN ${d.lun ?? '?'}${size}${caching}${d.source ? ` from ${shortName(d.source)}` : ''}`);
    }
  }
  const safety: string[] = [];
  if (v.blockDeletionBeforeEndOfLife) safety.push('deletion blocked before end of life');
  if (v.allowDeletionOfReplicatedLocations) safety.push('replicated regions may be removed');
  if (safety.length > 0) lines.push(`Safety: ${safety.join('; ')}`);
  if (Object.keys(v.tags).length > 0) lines.push(`Tags: ${tagsToText(v.tags)}`);
  return lines;
}
