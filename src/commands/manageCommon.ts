// What the share, update and delete commands have in common: which resource a command acts on
// (a tree node, an id in the options object, or a pick), the subscription it is in, how a change
// is shown in the tree, and how Azure's refusals are worded.
import * as vscode from 'vscode';
import type { AzureTarget, Gallery } from '../azure/types';
import type { Azure } from '../azureLoader';
import { parseArmId } from '../model/armId';
import type { Explorer } from '../tree/explorer';
import type { ExplorerNode } from '../tree/explorerProvider';
import { GalleryNode } from '../tree/nodes/galleryNode';
import { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import { ImageVersionNode } from '../tree/nodes/imageVersionNode';
import { SubscriptionNode } from '../tree/nodes/subscriptionNode';
import { failureKind } from '../ui/failures';
import { pickNode } from '../ui/pickNode';
import { VsCodePrompter } from '../ui/vscodePrompter';
import type { Prompter } from '../ui/wizard';
import { definitionNodeById, galleryNodeById, isOptionsObject, signedInSubscriptions, subscriptionNode } from './createCommon';

/** What every share, update and delete command's options object may carry. */
export interface ManageOptions {
  /** Who asks the missing answers and confirmations; VS Code's own UI by default (tests pass a ScriptedPrompter). */
  prompter?: Prompter;
  /**
   * Destructive commands only: the confirmation was given some other way (a script that already
   * asked). Without it every destructive command asks first.
   */
  confirmed?: boolean;
}

export type ResourceNode = GalleryNode | ImageDefinitionNode | ImageVersionNode;
export type ResourceKind = 'gallery' | 'imageDefinition' | 'imageVersion';

export function prompterFor(options: ManageOptions): Prompter {
  return options.prompter ?? new VsCodePrompter();
}

export function kindOfNode(node: ResourceNode): ResourceKind {
  return node instanceof GalleryNode ? 'gallery' : node instanceof ImageDefinitionNode ? 'imageDefinition' : 'imageVersion';
}

export function isResourceNode(value: unknown): value is ResourceNode {
  return value instanceof GalleryNode || value instanceof ImageDefinitionNode || value instanceof ImageVersionNode;
}

/** `(node?, options?)` or `(options?)`, whatever node kinds the command takes. */
export function splitArgs<O extends object>(args: unknown[], accepts: readonly ResourceKind[]): { node?: ResourceNode; options: O } {
  const [first, second] = args;
  if (isResourceNode(first) && accepts.includes(kindOfNode(first))) return { node: first, options: (isOptionsObject(second) ? second : {}) as O };
  return { options: (isOptionsObject(first) ? first : isOptionsObject(second) ? second : {}) as O };
}

export function subscriptionOf(node: ResourceNode): SubscriptionNode {
  let n: ExplorerNode | undefined = node;
  while (n && !(n instanceof SubscriptionNode)) n = n.parent;
  return n as SubscriptionNode;
}

export function targetOf(node: ResourceNode): AzureTarget {
  return subscriptionOf(node).subscription.target;
}

/** The display name of the resource: gallery, definition or version name. */
export function nameOf(node: ResourceNode): string {
  if (node instanceof GalleryNode) return node.gallery.name;
  if (node instanceof ImageDefinitionNode) return node.image.name;
  return node.version.name;
}

const KIND_WORDS: Record<ResourceKind, string> = { gallery: 'gallery', imageDefinition: 'image definition', imageVersion: 'image version' };

/** "gallery contoso_images", "image definition ubuntu", "image version 1.0.0 of ubuntu". */
export function describeNode(node: ResourceNode): string {
  if (node instanceof ImageVersionNode) return `image version ${node.version.name} of ${node.parent.image.name}`;
  return `${KIND_WORDS[kindOfNode(node)]} ${nameOf(node)}`;
}

/** The tree's node for an image version id (loading its definition's first page if needed). */
export async function versionNodeById(explorer: Explorer, id: string): Promise<ImageVersionNode | undefined> {
  const ref = parseArmId(id);
  if (ref?.kind !== 'imageVersion') return undefined;
  const definition = await definitionNodeById(explorer, id.replace(/\/versions\/[^/]+\/?$/i, ''));
  if (!definition) return undefined;
  const isIt = (n: ExplorerNode): n is ImageVersionNode => n instanceof ImageVersionNode && n.versionId.toLowerCase() === id.toLowerCase();
  let shown = -1;
  for (;;) {
    const children = await explorer.provider.getChildren(definition);
    const hit = children.find(isIt);
    if (hit) return hit;
    // Not on the pages loaded: a trailing "Load more…" row means Azure has more.
    const versions = children.filter((c) => c instanceof ImageVersionNode).length;
    const more = versions > shown && versions > 0 && !(children[children.length - 1] instanceof ImageVersionNode);
    if (!more) return undefined;
    shown = versions;
    await definition.loadMore();
  }
}

const BY_KIND: Record<ResourceKind, (explorer: Explorer, id: string) => Promise<ResourceNode | undefined>> = {
  gallery: galleryNodeById,
  imageDefinition: definitionNodeById,
  imageVersion: versionNodeById,
};

/**
 * The node a command acts on: the one it was invoked on, the one whose id the options name, or —
 * from the palette — one the user picks. Throws a sentence when the id is not in the tree.
 */
export async function resolveNode(
  explorer: Explorer,
  node: ResourceNode | undefined,
  id: string | undefined,
  accepts: readonly ResourceKind[],
  title: string,
): Promise<ResourceNode | undefined> {
  if (node) return node;
  if (id) {
    const ref = parseArmId(id);
    const kind = accepts.find((k) => k === ref?.kind);
    if (!kind) throw new Error(`${title}: ${id} is not the id of ${accepts.map((k) => `a ${KIND_WORDS[k]}`).join(' or ')}. Use the id Copy Resource ID gives.`);
    await signedInSubscriptions(explorer);
    const subscriptionId = (ref as { subscriptionId?: string }).subscriptionId ?? '';
    if (!subscriptionNode(explorer, subscriptionId)) {
      throw new Error(`${title}: ${id} is in subscription ${subscriptionId}, which is not among the signed-in subscriptions (Select Subscriptions… to add it).`);
    }
    const found = await BY_KIND[kind](explorer, id);
    if (!found) throw new Error(`${title}: ${id} was not found. It may have been deleted or moved: refresh the view.`);
    return found;
  }
  await signedInSubscriptions(explorer);
  const picked = await pickNode(explorer, { title, accept: (n) => isResourceNode(n) && accepts.includes(kindOfNode(n)) });
  return picked && isResourceNode(picked) ? picked : undefined;
}

/** A gallery command's gallery: the node it ran on, the one its id names, or one the user picks. */
export async function resolveGallery(explorer: Explorer, node: ResourceNode | undefined, id: string | undefined, title: string): Promise<GalleryNode | undefined> {
  return (await resolveNode(explorer, node, id, ['gallery'], title)) as GalleryNode | undefined;
}

/** What a gallery command starts from: its gallery, options, prompter and Azure target. */
export interface GalleryCommand<O> {
  node: GalleryNode;
  options: O;
  prompter: Prompter;
  azure: Azure;
  target: AzureTarget;
  name: string;
}

/** `(node?, options?)` resolved to the gallery (undefined when the user picks none). */
export async function galleryCommand<O extends ManageOptions & { gallery?: string }>(explorer: Explorer, args: unknown[], title: string): Promise<GalleryCommand<O> | undefined> {
  const { node: given, options } = splitArgs<O>(args, ['gallery']);
  const node = await resolveGallery(explorer, given, options.gallery, title);
  if (!node) return undefined;
  return { node, options, prompter: prompterFor(options), azure: explorer.azure(), target: targetOf(node), name: node.gallery.name };
}

/** Shows a gallery's new state at once (its row, its tooltip) and lets its subscription relist later. */
export function showGalleryUpdate(explorer: Explorer, node: GalleryNode, gallery: Gallery): void {
  node.update(gallery);
  node.parent.galleries.invalidate();
  explorer.refresh(node.parent);
}

/** Next steps for the refusals these commands meet, where the generic wording would mislead. */
export function isCancelled(error: unknown): boolean {
  return failureKind(error) === 'cancelled';
}

/** Runs a long Azure call with a progress notification (never modal: the window stays usable). */
export function withProgress<T>(title: string, work: (report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => work((message) => progress.report({ message }))),
  );
}

/** A quick read (a few seconds at most) shown in the status bar, not as a notification. */
export function withQuietProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => work()));
}

/** Names of the signed-in subscriptions by id (lower case), to label subscription ids. */
export function subscriptionNames(explorer: Explorer): Map<string, string> {
  return new Map(explorer.root.subscriptions.map((s) => [s.subscription.subscriptionId.toLowerCase(), s.subscription.name]));
}

/** "Name (id)" for a subscription the tree knows, the bare id otherwise. */
export function subscriptionLabel(names: ReadonlyMap<string, string>, id: string): string {
  return names.has(id) ? `${names.get(id)} (${id})` : id;
}

/** Parses ids given as one string ("a, b") or a list. */
export function idList(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(', ');
}
