// What the share, update and delete commands have in common: which resource a command acts on
// (a tree node, an id in the options object, or a pick), the subscription it is in, how a change
// is shown in the tree, and how Azure's refusals are worded.
import * as vscode from 'vscode';
import type { AzureTarget, Gallery } from '../azure/types';
import type { Azure } from '../azureLoader';
import { parseArmId } from '../model/armId';
import { isOwnResource } from '../tree/capabilities';
import type { Explorer } from '../tree/explorer';
import type { GalleryNode } from '../tree/nodes/galleryNode';
import type { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import type { ImageVersionNode } from '../tree/nodes/imageVersionNode';
import { failureKind } from '../ui/failures';
import { pickNode } from '../ui/pickNode';
import { VsCodePrompter } from '../ui/vscodePrompter';
import type { Prompter } from '../ui/wizard';
import { isOptionsObject, signedInSubscriptions, subscriptionNode } from './createCommon';

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

const RESOURCE_KINDS: readonly ResourceKind[] = ['gallery', 'imageDefinition', 'imageVersion'];

export function kindOfNode(node: ResourceNode): ResourceKind {
  return node.armReference().kind as ResourceKind;
}

export function isResourceNode(value: unknown): value is ResourceNode {
  return isOwnResource(value, RESOURCE_KINDS);
}

/** `(node?, options?)` or `(options?)`, whatever node kinds the command takes. */
export function splitArgs<O extends object>(args: unknown[], accepts: readonly ResourceKind[]): { node?: ResourceNode; options: O } {
  const [first, second] = args;
  if (isResourceNode(first) && accepts.includes(kindOfNode(first))) return { node: first, options: (isOptionsObject(second) ? second : {}) as O };
  return { options: (isOptionsObject(first) ? first : isOptionsObject(second) ? second : {}) as O };
}

export function targetOf(node: ResourceNode): AzureTarget {
  return node.target;
}

/** The display name of the resource: gallery, definition or version name (the last segment of its id). */
export function nameOf(node: ResourceNode): string {
  return node.resourceId.split('/').filter(Boolean).pop() ?? node.resourceId;
}

const KIND_WORDS: Record<ResourceKind, string> = { gallery: 'gallery', imageDefinition: 'image definition', imageVersion: 'image version' };

/** "gallery contoso_images", "image definition ubuntu", "image version 1.0.0 of ubuntu". */
export function describeNode(node: ResourceNode): string {
  const ref = node.armReference();
  if (ref.kind === 'imageVersion') return `image version ${ref.versionName} of ${ref.imageName}`;
  return `${KIND_WORDS[kindOfNode(node)]} ${nameOf(node)}`;
}

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
    const found = await explorer.findNode(id, kind);
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

/** The user's tenants by name (GET /tenants), to say whom a sharing change reaches; empty if Azure will not say. */
export async function knownTenants(explorer: Explorer, target: AzureTarget): Promise<Map<string, string>> {
  const tenants = await explorer
    .azure()
    .listTenants(target.cloud, target.credential, target.userAgent)
    .catch(() => []);
  return new Map(tenants.map((t) => [t.id.toLowerCase(), t.name]));
}

/** "Name (id)" for a tenant the user belongs to, the bare id otherwise. */
export function tenantLabel(names: ReadonlyMap<string, string>, id: string): string {
  const name = names.get(id.toLowerCase());
  return name ? `${name} (${id})` : id;
}

/** Parses ids given as one string ("a, b") or a list. */
export function idList(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(', ');
}
