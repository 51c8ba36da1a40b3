// What the VM application commands share: which application (or version) a command acts on — the
// tree node it ran on, the id in its options object, or a pick — and the summary step they end with.
import { parseArmId } from '../../model/armId';
import type { Explorer } from '../../tree/explorer';
import { isGalleryGroup, isNodeOf, type NodeOfKind } from '../../tree/capabilities';
import type { GalleryNode } from '../../tree/nodes/galleryNode';
import { summaryLines, type Answer } from '../../ui/answers';
import { pickManyStep, pickStep, type PickEntry, type Step } from '../../ui/wizard';
import { pickNode } from '../../ui/pickNode';
import { regionLabel, type RegionChoice } from '../../ui/regions';
import { normalizeRegionName } from '../../model/replication';
import { isOptionsObject, signedInSubscriptions, subscriptionNode } from '../createCommon';

export const CREATE_APPLICATION_COMMAND = 'azureComputeGallery.createApplication';
export const CREATE_APPLICATION_VERSION_COMMAND = 'azureComputeGallery.createApplicationVersion';
export const UPDATE_APPLICATION_COMMAND = 'azureComputeGallery.updateApplication';
export const UPDATE_APPLICATION_VERSION_COMMAND = 'azureComputeGallery.updateApplicationVersion';
export const DELETE_APPLICATION_COMMAND = 'azureComputeGallery.deleteApplication';
export const DELETE_APPLICATION_VERSION_COMMAND = 'azureComputeGallery.deleteApplicationVersion';
export const COPY_APPLICATION_REFERENCE_COMMAND = 'azureComputeGallery.copyApplicationReference';

/**
 * An application definition's own texts, as Create VM Application and Update VM Application take
 * them (in an update, "" removes a value).
 */
export interface ApplicationTexts {
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  /** YYYY-MM-DD in the future. */
  endOfLifeDate?: string;
  /** The whole tag set. */
  tags?: Record<string, string>;
}

type Kind = 'galleryApplication' | 'applicationVersion';
const KIND_WORDS: Record<Kind, string> = { galleryApplication: 'a VM application', applicationVersion: 'a VM application version' };
type NodeOf<K extends Kind> = NodeOfKind[K];

/** `(node?, options?)` or `(options?)`. */
export function splitNodeArgs<O extends object>(args: unknown[]): { node?: unknown; options: O } {
  const [first, second] = args;
  if (isOptionsObject(first)) return { options: first as O };
  return { node: first, options: (isOptionsObject(second) ? second : {}) as O };
}

/** The application (or version) a command acts on: the node, the id given, or one the user picks. */
export async function resolveApplicationNode<K extends Kind>(explorer: Explorer, node: unknown, id: string | undefined, kind: K, title: string): Promise<NodeOf<K> | undefined> {
  if (isNodeOf(node, kind)) return node;
  await signedInSubscriptions(explorer);
  if (id) {
    const ref = parseArmId(id);
    if (ref?.kind !== kind) throw new Error(`${title}: ${id} is not the id of ${KIND_WORDS[kind]}. Use the id Copy Resource ID gives.`);
    if (!subscriptionNode(explorer, ref.subscriptionId)) {
      throw new Error(`${title}: ${id} is in subscription ${ref.subscriptionId}, which is not among the signed-in subscriptions (Select Subscriptions… to add it).`);
    }
    const found = await explorer.findNode(id, kind);
    if (!found) throw new Error(`${title}: ${id} was not found. It may have been deleted or moved: refresh the view.`);
    return found as NodeOf<K>;
  }
  const picked = await pickNode(explorer, { title, accept: (n) => isNodeOf(n, kind) });
  return isNodeOf(picked, kind) ? picked : undefined;
}

/** The gallery a new application goes in: the gallery (or its "VM Applications") node, its id, or a pick. */
export async function resolveGalleryOf(explorer: Explorer, node: unknown, id: string | undefined, title: string): Promise<GalleryNode | undefined> {
  const given = galleryOf(node);
  if (given) return given;
  await signedInSubscriptions(explorer);
  if (id) {
    const found = await explorer.findNode(id, 'gallery');
    if (!found) throw new Error(`${title}: gallery ${id} was not found among the signed-in subscriptions' galleries. Use the id Copy Resource ID gives.`);
    return found;
  }
  const picked = await pickNode(explorer, { title, accept: (n) => galleryOf(n) !== undefined });
  return galleryOf(picked);
}

/** The gallery node itself, or the gallery whose "VM Applications" row it is. */
function galleryOf(node: unknown): GalleryNode | undefined {
  if (isNodeOf(node, 'gallery')) return node;
  return isGalleryGroup(node, 'galleryApplication') ? node.gallery : undefined;
}

export type SummaryChoice = 'send' | 'line';

/** The last step: the action first, then a line per answer (picking one goes back to its step). */
export function summaryStep<S, O>(action: (s: S) => { label: string; detail?: string }, answers: () => readonly Answer<S, O>[], when?: (s: S) => boolean): Step<S> {
  return pickStep<S, SummaryChoice>({
    title: 'Summary',
    placeholder: 'Pick the first line to send it, or a line to change its answer (Escape sends nothing)',
    when,
    items: async (s): Promise<PickEntry<SummaryChoice>[]> => [{ ...action(s), value: 'send' }, { separator: 'Summary' }, ...(await summaryLines(answers(), s, 'line' as const))],
    get: () => 'send',
    set: (_s, choice) => (choice === 'send' ? undefined : 'again'),
  });
}

/** Target regions: a pick of the subscription's regions, the source region always kept. */
export function regionsStep<S extends { regions?: string[] }>(source: () => string, regionsOf: () => Promise<RegionChoice[]>): Step<S> {
  return pickManyStep<S, string>({
    title: 'Target regions',
    placeholder: 'Regions to replicate to (the source region is always included)',
    items: async () => {
      const src = normalizeRegionName(source());
      const regions = await regionsOf().catch(() => [] as RegionChoice[]);
      const list = regions.some((r) => r.name === src) ? regions : [{ name: src, displayName: src }, ...regions];
      return [...list.filter((r) => r.name === src), ...list.filter((r) => r.name !== src)].map((r) => ({
        label: regionLabel(regions, r.name),
        description: r.name === src ? 'source region' : undefined,
        value: r.name,
        locked: r.name === src ? 'The source region always holds a replica.' : undefined,
      }));
    },
    get: (s) => s.regions,
    suggest: () => [normalizeRegionName(source())],
    set: (s, picked) => {
      const src = normalizeRegionName(source());
      s.regions = [src, ...picked.map(normalizeRegionName).filter((r) => r !== src)];
    },
  });
}
