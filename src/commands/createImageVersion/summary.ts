// The summary: every answer, one line each (per region where regions differ), shown before sending;
// the lines come from the answers (answers.ts, advancedAnswers.ts), the wording per region from here.
import type { VersionSourceKind } from '../../azure/writeTypes';
import { summaryLines } from '../../ui/answers';
import { asCodeEntries, type AsCodeChoice } from '../../ui/asCodeItems';
import type { PickEntry } from '../../ui/wizard';
import { regionLabel, type RegionChoice } from '../../ui/regions';
import type { VersionAnswer } from './answers';
import { encryptionIn } from './spec';
import type { State } from './types';

export const KIND_SINGULAR: Record<VersionSourceKind, string> = {
  image: 'managed image',
  virtualMachine: 'virtual machine',
  snapshot: 'OS disk snapshot',
  disk: 'OS disk',
  galleryImageVersion: 'gallery image version',
  communityGalleryImageVersion: 'community gallery version',
  sharedGalleryImageVersion: 'version shared with you',
  vhd: 'VHD',
};

export type SummaryChoice = 'create' | 'advanced' | 'line' | AsCodeChoice;

const shortId = (id: string) => id.split('/').pop() ?? id;

export function perRegion(regions: string[], labels: RegionChoice[], value: (region: string) => string): string {
  const values = regions.map(value);
  if (values.every((v) => v === values[0])) return values[0] ?? '';
  return regions.map((r, i) => `${regionLabel(labels, r)}: ${values[i]}`).join('; ');
}

export function dataDiskLine(s: State): string | undefined {
  if (s.dataDisks?.length) return s.dataDisks.map((d) => `LUN ${d.lun}: ${d.label}`).join(', ');
  const brought = s.source?.dataDisks ?? [];
  if (brought.length) return `${brought.map((d) => `LUN ${d.lun}${d.name ? `: ${d.name}` : ''}${d.sizeGB ? ` (${d.sizeGB} GB)` : ''}`).join(', ')} — copied from the source, as Azure does`;
  return undefined;
}

export function encryptionText(s: State, region: string): string {
  const e = encryptionIn(s, region);
  const parts: string[] = [];
  if (e?.osDiskImage?.diskEncryptionSetId) parts.push(`OS disk ${shortId(e.osDiskImage.diskEncryptionSetId)}`);
  for (const d of e?.dataDiskImages ?? []) parts.push(`LUN ${d.lun} ${shortId(d.diskEncryptionSetId)}`);
  if (e?.osDiskImage?.confidentialVMEncryptionType) parts.push(`confidential VM ${e.osDiskImage.confidentialVMEncryptionType}${e.osDiskImage.secureVMDiskEncryptionSetId ? ` (${shortId(e.osDiskImage.secureVMDiskEncryptionSetId)})` : ''}`);
  return parts.length ? parts.join(', ') : 'platform-managed keys';
}

/** The summary pick: Create (and Advanced… the first time), then a line per answer, each going back to its step. */
export async function summaryItems(s: State, answers: readonly VersionAnswer[], withAdvancedItem: boolean): Promise<PickEntry<SummaryChoice>[]> {
  const entries: PickEntry<SummaryChoice>[] = [
    { label: '$(check) Create image version', detail: `${s.version} of ${s.definition?.image.name}: Azure replicates it in the background; the tree shows the progress`, value: 'create' },
  ];
  if (withAdvancedItem) entries.push({ label: '$(settings-gear) Advanced…', detail: 'Data disks, encryption, safety, replication mode (Full or Shallow), tags', value: 'advanced' });
  entries.push({ separator: 'Summary' }, ...(await summaryLines(answers, s, 'line' as const)), ...asCodeEntries());
  return entries;
}
