// The summary: every answer, one line each (per region where regions differ), shown before sending.
import type { PickEntry } from '../../ui/wizard';
import { edgeZonesText } from '../../model/edgeZones';
import { tagsToText } from '../../model/tags';
import { regionLabel, summaryLine, type RegionChoice } from '../createCommon';
import { storageLabel } from './regionSteps';
import { buildTargets, countsOf, encryptionIn, excludedIn, storageIn } from './spec';
import type { VersionSourceKind } from '../../azure/writeTypes';
import type { State } from './types';

const KIND_SINGULAR: Record<VersionSourceKind, string> = {
  image: 'managed image',
  virtualMachine: 'virtual machine',
  snapshot: 'OS disk snapshot',
  disk: 'OS disk',
  galleryImageVersion: 'gallery image version',
  communityGalleryImageVersion: 'community gallery version',
  sharedGalleryImageVersion: 'version shared with you',
  vhd: 'VHD',
};

export type SummaryChoice = 'create' | 'advanced' | 'line';

const shortId = (id: string) => id.split('/').pop() ?? id;

function perRegion(regions: string[], labels: RegionChoice[], value: (region: string) => string): string {
  const values = regions.map(value);
  if (values.every((v) => v === values[0])) return values[0] ?? '';
  return regions.map((r, i) => `${regionLabel(labels, r)}: ${values[i]}`).join('; ');
}

function dataDiskLine(s: State): string | undefined {
  if (s.dataDisks?.length) return s.dataDisks.map((d) => `LUN ${d.lun}: ${d.label}`).join(', ');
  const brought = s.source?.dataDisks ?? [];
  if (brought.length) return `${brought.map((d) => `LUN ${d.lun}${d.name ? `: ${d.name}` : ''}${d.sizeGB ? ` (${d.sizeGB} GB)` : ''}`).join(', ')} — copied from the source, as Azure does`;
  return undefined;
}

function encryptionText(s: State, region: string): string {
  const e = encryptionIn(s, region);
  const parts: string[] = [];
  if (e?.osDiskImage?.diskEncryptionSetId) parts.push(`OS disk ${shortId(e.osDiskImage.diskEncryptionSetId)}`);
  for (const d of e?.dataDiskImages ?? []) parts.push(`LUN ${d.lun} ${shortId(d.diskEncryptionSetId)}`);
  if (e?.osDiskImage?.confidentialVMEncryptionType) parts.push(`confidential VM ${e.osDiskImage.confidentialVMEncryptionType}${e.osDiskImage.secureVMDiskEncryptionSetId ? ` (${shortId(e.osDiskImage.secureVMDiskEncryptionSetId)})` : ''}`);
  return parts.length ? parts.join(', ') : 'platform-managed keys';
}

export function summaryItems(s: State, labels: RegionChoice[], withAdvancedItem: boolean, showReplicationMode: boolean): PickEntry<SummaryChoice>[] {
  const line = (label: string, value: string, step: string) => summaryLine(label, value, step, 'line' as const);
  const counts = countsOf(s);
  const targets = typeof counts === 'string' || !s.source ? [] : buildTargets(s, counts);
  const regions = targets.map((t) => t.name);
  const entries: PickEntry<SummaryChoice>[] = [
    { label: '$(check) Create image version', detail: `${s.version} of ${s.definition?.image.name}: Azure replicates it in the background; the tree shows the progress`, value: 'create' },
  ];
  if (withAdvancedItem) entries.push({ label: '$(settings-gear) Advanced…', detail: 'Data disks, encryption, safety, replication mode (Full or Shallow), tags', value: 'advanced' });
  const kind = KIND_SINGULAR[s.source?.kind ?? 'image'];
  entries.push(
    { separator: 'Summary' },
    line('Definition', `${s.definition?.image.name} (${s.definition?.parent.gallery.name})`, 'Definition'),
    line('Version', s.version ?? '', 'Version'),
    line('Source', `${s.source?.name} (${kind}, ${s.source?.location}: the version's region)`, 'Source'),
  );
  const disks = dataDiskLine(s);
  if (disks) entries.push(line('Data disks', disks, s.dataDisks?.length ? 'Data disks' : 'Source'));
  entries.push(
    line('Target regions', targets.map((t) => `${regionLabel(labels, t.name)} ×${t.regionalReplicaCount}`).join(', '), 'Target regions'),
    line('Storage', perRegion(regions, labels, (r) => storageLabel(storageIn(s, r))), 'Storage'),
    line('Exclude from latest', perRegion(regions, labels, (r) => (excludedIn(s, r) ? 'Yes' : 'No')), 'Latest'),
    line('Edge zones', edgeZonesText(s.extendedLocations ?? []), 'Edge zones'),
    line('Encryption', perRegion(regions, labels, (r) => encryptionText(s, r)), 'Encryption'),
    line('End of life', s.endOfLifeDate ?? '(none)', 'End of life'),
  );
  const safety = [s.blockDeletion ? 'deletion blocked before end of life' : '', s.allowReplicatedDeletion ? 'replicated regions may be removed' : ''].filter(Boolean);
  entries.push(line('Safety', safety.length ? safety.join('; ') : '(none)', 'Safety'));
  // A mode kept from an earlier run (Edit and Try Again) is sent, so it is shown too.
  if (showReplicationMode) entries.push(line('Replication mode', s.replicationMode ?? 'Full', 'Replication mode'));
  if (s.tags && Object.keys(s.tags).length > 0) entries.push(line('Tags', tagsToText(s.tags), 'Tags'));
  return entries;
}
