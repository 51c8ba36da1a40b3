// An options object read into the flow's state by the answers (answers.ts, advancedAnswers.ts),
// each checked with the same rules as the steps, so a complete object creates without a prompt,
// and a wrong answer is named before anything is sent. The options given as text (a source, a
// data disk) are found here.
import type { VersionSource } from '../../azure/writeTypes';
import { normalizeRegionName } from '../../model/replication';
import { parseGalleryVersionReference, validateVhdUrl, type RegionEncryption } from '../../model/versionContent';
import type { ImageDefinitionNode } from '../../tree/nodes/imageDefinitionNode';
import { readAnswers } from '../../ui/answers';
import type { VersionAnswer } from './answers';
import type { CreateImageVersionOptions, DataDiskChoice, Lookups, State, TargetRegionOption } from './types';

export interface ReadOptions {
  state: State;
  problems: string[];
  given: Set<keyof State>;
}


/** A source given as text: a resource id of the subscription, a community/shared version id, or a VHD URL. */
export async function sourceFromOptions(o: CreateImageVersionOptions, definition: ImageDefinitionNode, lookups: Lookups): Promise<VersionSource | string> {
  const text = o.source!.trim();
  const reference = parseGalleryVersionReference(text);
  if (reference) {
    const first = o.targetRegions?.[0];
    const location = o.sourceLocation ?? (typeof first === 'string' ? first : first?.name);
    if (!location) return 'Give sourceLocation: the region the community or shared gallery version is used from.';
    return {
      id: reference.id,
      name: `${reference.gallery}/${reference.image}/${reference.version}`,
      kind: reference.kind === 'community' ? 'communityGalleryImageVersion' : 'sharedGalleryImageVersion',
      location: normalizeRegionName(location),
      resourceGroup: '',
    };
  }
  if (/^[a-z]+:\/\//i.test(text)) {
    if (!o.storageAccountId) return 'Give storageAccountId: the storage account that holds the VHD.';
    const account = (await lookups.storageAccounts(definition)).find((a) => a.id.toLowerCase() === o.storageAccountId!.toLowerCase());
    if (!account) return `Use one of the subscription's storage accounts as storageAccountId: ${o.storageAccountId} was not found.`;
    const problem = validateVhdUrl(text, account.blobEndpoint);
    if (problem) return problem;
    return { id: text, name: text.split('/').pop() ?? text, kind: 'vhd', location: normalizeRegionName(account.location), resourceGroup: account.resourceGroup, storageAccountId: account.id };
  }
  const found = (await lookups.sources(definition)).find((s) => s.id.toLowerCase() === text.toLowerCase());
  if (!found) return `${text} is not a managed image, VM, OS snapshot or disk, or gallery image version of this subscription.`;
  return found;
}

/** Data disks given by id (a disk or snapshot of the subscription) or VHD URL (with its storage account). */
export async function dataDisksFromOptions(o: CreateImageVersionOptions, definition: ImageDefinitionNode, lookups: Lookups, region: string | undefined): Promise<DataDiskChoice[] | string> {
  const out: DataDiskChoice[] = [];
  for (const d of o.dataDisks ?? []) {
    const text = d.source.trim();
    if (/^[a-z]+:\/\//i.test(text)) {
      const account = d.storageAccountId ? (await lookups.storageAccounts(definition)).find((a) => a.id.toLowerCase() === d.storageAccountId!.toLowerCase()) : undefined;
      if (!account) return `Give LUN ${d.lun} the storageAccountId of one of the subscription's storage accounts (the one holding ${text}).`;
      if (region && normalizeRegionName(account.location) !== region) return `Use a storage account in ${region} for LUN ${d.lun}: ${account.name} is in ${normalizeRegionName(account.location)}.`;
      const problem = validateVhdUrl(text, account.blobEndpoint);
      if (problem) return `LUN ${d.lun}: ${problem}`;
      out.push({ lun: d.lun, source: { uri: text, storageAccountId: account.id }, label: text.split('/').pop() ?? text });
      continue;
    }
    const found = (await lookups.dataDiskCandidates(definition)).find((c) => c.id.toLowerCase() === text.toLowerCase());
    if (!found) return `Use a managed disk or snapshot without an OS, or a VHD URL, for LUN ${d.lun}: ${text} is neither.`;
    // troubleshooting-shared-images.md: "Source … is not found. Please check source exists, and is in the same region as gallery image version being created".
    if (region && normalizeRegionName(found.location) !== region) return `Use a disk or snapshot in ${region} for LUN ${d.lun}: ${found.name} is in ${normalizeRegionName(found.location)}, and Azure copies data disks from the version's region.`;
    out.push({ lun: d.lun, source: { id: found.id }, label: `${found.name} (${found.kind})` });
  }
  return out;
}

export function regionEncryptionFromOptions(o: CreateImageVersionOptions): Record<string, RegionEncryption> | undefined {
  const out: Record<string, RegionEncryption> = {};
  for (const r of o.targetRegions ?? []) {
    if (typeof r === 'string') continue;
    const os = r.osDiskEncryptionSetId || r.secureVMDiskEncryptionSetId ? { diskEncryptionSetId: r.osDiskEncryptionSetId, secureVMDiskEncryptionSetId: r.secureVMDiskEncryptionSetId } : undefined;
    const data = r.dataDiskEncryptionSetIds?.length ? r.dataDiskEncryptionSetIds : undefined;
    if (os || data) out[normalizeRegionName(r.name)] = { ...(os ? { osDiskImage: os } : {}), ...(data ? { dataDiskImages: data } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** The target regions given, each as an object. */
export function regionEntries(o: CreateImageVersionOptions): TargetRegionOption[] | undefined {
  return o.targetRegions?.map((r) => (typeof r === 'string' ? { name: r } : r));
}

/** Reads the options object into the state; `given` holds the answers that need no prompt. */
export async function readOptions(answers: readonly VersionAnswer[], o: CreateImageVersionOptions, definition: ImageDefinitionNode | undefined, given = new Set<keyof State>()): Promise<ReadOptions> {
  const state: State = { definition };
  const { problems } = await readAnswers(answers, o, state, given);
  if (o.definition && !definition) problems.unshift(`Definition: ${o.definition} is not an image definition of the signed-in subscriptions.`);
  return { state, problems, given };
}
