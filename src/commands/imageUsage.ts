// Who uses a gallery, definition or version, for Show Usage and for the confirmations of changes
// that affect them: one Resource Graph query per signed-in identity and cloud over every selected
// subscription (src/azure/imageUsers.ts), read against the tree's knowledge of the gallery's names
// and of what "latest" resolves to; the wording is the model's (src/model/usage.ts).
import { failureMessage } from '../ui/failures';
import { log } from '../ui/log';
import { usageWarning, usersOf, type ImageUser, type SubjectUser, type UsageChange, type UsageSubject } from '../model/usage';
import type { Explorer } from '../tree/explorer';
import type { GalleryNode } from '../tree/nodes/galleryNode';
import type { SubscriptionNode } from '../tree/nodes/subscriptionNode';
import type { Prompter } from '../ui/wizard';
import { describeNode, kindOfNode, withQuietProgress, type ResourceNode } from './manageCommon';

/** What a look-up found: the users of the node's subject and how many subscriptions were searched. */
export interface ImageUsage {
  users: SubjectUser[];
  subscriptions: number;
}

function galleryOf(node: ResourceNode): GalleryNode {
  const kind = kindOfNode(node);
  if (kind === 'gallery') return node as GalleryNode;
  const definition = kind === 'imageVersion' ? (node.parent as ResourceNode) : node;
  return definition.parent as GalleryNode;
}

/** What the node is, for the model: the definition, the version (and whether it is "latest" now), or the whole gallery. */
function subjectOf(node: ResourceNode): UsageSubject | undefined {
  const ref = node.armReference();
  if (ref.kind === 'imageVersion') return { imageName: ref.imageName, version: ref.versionName, isLatest: (node as { latestRole?: string }).latestRole === 'latest' };
  if (ref.kind === 'imageDefinition') return { imageName: ref.imageName };
  return undefined;
}

/** Subscriptions by who signs in where: each group is one Resource Graph query. */
export function byIdentity(nodes: readonly SubscriptionNode[]): SubscriptionNode[][] {
  const groups = new Map<unknown, Map<string, SubscriptionNode[]>>();
  for (const n of nodes) {
    const { credential, cloud } = n.subscription.target;
    const byCloud = groups.get(credential) ?? new Map<string, SubscriptionNode[]>();
    groups.set(credential, byCloud);
    byCloud.set(cloud.resourceManagerEndpointUrl, [...(byCloud.get(cloud.resourceManagerEndpointUrl) ?? []), n]);
  }
  return [...groups.values()].flatMap((byCloud) => [...byCloud.values()]);
}

/**
 * The VMs and scale sets in the selected subscriptions that use the node (a version, a definition,
 * or any image of a gallery). Throws Azure's error (an AzureError) when Resource Graph refuses.
 */
export async function findUsage(explorer: Explorer, node: ResourceNode, abortSignal?: AbortSignal): Promise<ImageUsage> {
  const gallery = galleryOf(node).gallery;
  const subject = subjectOf(node);
  const scope = { id: gallery.id, uniqueName: gallery.uniqueName, publicNames: gallery.community?.publicNames ?? [], imageName: subject?.imageName };
  const subscriptions = explorer.root.subscriptions;
  const found: ImageUser[] = [];
  for (const group of byIdentity(subscriptions)) {
    const ids = group.map((n) => n.subscription.subscriptionId);
    found.push(...(await explorer.azure().findImageUsers(group[0]!.subscription.target, ids, scope, { abortSignal })));
  }
  const users = subject ? usersOf(found, subject) : allUsers(found);
  return { users, subscriptions: subscriptions.length };
}

/** A gallery's users: every definition's, each as it references it. */
function allUsers(found: readonly ImageUser[]): SubjectUser[] {
  const names = [...new Set(found.map((u) => u.imageName.toLowerCase()))];
  return names.flatMap((imageName) => usersOf(found, { imageName }));
}

/**
 * The paragraph a confirmation adds about who uses what is about to change, or undefined when
 * nobody does (several changes at once: one look-up, a paragraph each). A failed look-up does not
 * stop the change: the paragraph says it could not check, with Azure's own words. Exported for
 * every command that confirms such a change: Exclude from Latest
 * `usageWarningFor(explorer, versionNode, 'excludeFromLatest')` (the followers, when it is latest
 * now), Make Latest `usageWarningFor(explorer, definitionNode, 'makeLatest')` (every follower of
 * the definition). `only` narrows the users (Stop Sharing: those in the subscriptions that lose
 * access).
 */
export async function usageWarningFor(
  explorer: Explorer,
  node: ResourceNode,
  change: UsageChange | readonly UsageChange[],
  only?: (user: SubjectUser) => boolean,
): Promise<string | undefined> {
  const what = describeNode(node);
  try {
    const usage = await withQuietProgress(`Checking which VMs and scale sets use ${what}`, () => findUsage(explorer, node));
    const users = only ? usage.users.filter(only) : usage.users;
    const lines = (typeof change === 'string' ? [change] : change).map((c) => usageWarning(c, users, what, usage.subscriptions)).filter((l): l is string => l !== undefined);
    return lines.length > 0 ? [...new Set(lines)].join('\n\n') : undefined;
  } catch (error) {
    log().warn(`Could not check which VMs and scale sets use ${what}: ${String(error)}`);
    return failureMessage(`check which VMs and scale sets use ${what}`, error, 'Check in the portal before going on.');
  }
}

/** The warning, or nothing when the change is already confirmed (no prompt to put it in). */
export function warningUnlessConfirmed(
  explorer: Explorer,
  node: ResourceNode,
  change: UsageChange | readonly UsageChange[],
  confirmed: boolean | undefined,
  only?: (user: SubjectUser) => boolean,
): Promise<string | undefined> {
  return confirmed ? Promise.resolve(undefined) : usageWarningFor(explorer, node, change, only);
}

/**
 * Update Image Version: a version about to leave "latest" or to get an end-of-life date, when VMs
 * or scale sets use it, says so and asks before anything is sent. True: go on.
 */
export async function confirmVersionUsage(
  explorer: Explorer,
  node: ResourceNode,
  changes: { excludeFromLatest?: boolean; endOfLifeDate?: Date | null },
  prompter: Prompter,
  confirmed: boolean | undefined,
): Promise<boolean> {
  const kinds: UsageChange[] = [];
  if (changes.excludeFromLatest === true) kinds.push('excludeFromLatest');
  if (changes.endOfLifeDate) kinds.push('endOfLife');
  if (kinds.length === 0 || confirmed) return true;
  const warning = await usageWarningFor(explorer, node, kinds);
  if (!warning) return true;
  return prompter.confirm({ message: `Update ${describeNode(node)}? It is in use.`, detail: warning, confirmLabel: 'Update' });
}
