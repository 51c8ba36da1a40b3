// Show Usage: the VMs and scale sets in the selected subscriptions whose image reference names a
// definition or version (those naming the definition follow latest: they count for it and for the
// version latest resolves to), found with one Resource Graph query. A quick pick lists each with
// its resource group, subscription, kind and whether it pins the version or follows latest;
// picking one opens it in the portal.
import * as vscode from 'vscode';
import { noUsersLine, usersInWords, userVia, type SubjectUser } from '../model/usage';
import { portalLinkOf } from '../tree/capabilities';
import type { Explorer } from '../tree/explorer';
import { attempt } from '../ui/failures';
import { log } from '../ui/log';
import type { PickEntry } from '../ui/wizard';
import { findUsage } from './imageUsage';
import { describeNode, prompterFor, resolveNode, splitArgs, subscriptionLabel, subscriptionNames, withQuietProgress, type ManageOptions } from './manageCommon';

export const SHOW_USAGE_COMMAND = 'azureComputeGallery.showUsage';
const TITLE = 'Show Usage';

export interface ShowUsageOptions extends ManageOptions {
  /** The definition's or version's resource id (also accepted as `definition` or `version`). */
  id?: string;
  definition?: string;
  version?: string;
  abortSignal?: AbortSignal;
}

/** What Show Usage found, as it answers its caller. */
export interface UsageReport {
  /** "image version 1.0.0 of ubuntu-22.04-lts". */
  subject: string;
  /** How many subscriptions were searched. */
  subscriptions: number;
  users: Array<Pick<SubjectUser, 'id' | 'name' | 'kind' | 'resourceGroup' | 'subscriptionId' | 'via' | 'version' | 'form'>>;
}

const KIND_WORDS: Record<SubjectUser['kind'], string> = { virtualMachine: 'Virtual machine', scaleSet: 'Scale set' };
const ICONS: Record<SubjectUser['kind'], string> = { virtualMachine: 'vm', scaleSet: 'server-environment' };

export async function showUsage(explorer: Explorer, ...args: unknown[]): Promise<UsageReport | undefined> {
  const { node: given, options } = splitArgs<ShowUsageOptions>(args, ['imageDefinition', 'imageVersion']);
  const node = await resolveNode(explorer, given, options.id ?? options.version ?? options.definition, ['imageDefinition', 'imageVersion'], TITLE);
  if (!node) return undefined;
  const what = describeNode(node);
  const usage = await attempt(`find the VMs and scale sets that use ${what}`, () =>
    withQuietProgress(`Finding the VMs and scale sets that use ${what}`, () => findUsage(explorer, node, options.abortSignal)),
  );
  const report: UsageReport = {
    subject: what,
    subscriptions: usage.subscriptions,
    users: usage.users.map(({ id, name, kind, resourceGroup, subscriptionId, via, version, form }) => ({ id, name, kind, resourceGroup, subscriptionId, via, version, form })),
  };
  log().info(`${TITLE}: ${node.resourceId}: ${usersInWords(usage.users)} in ${usage.subscriptions} subscriptions`);

  const names = subscriptionNames(explorer);
  const items: PickEntry<string>[] = [];
  if (usage.users.length === 0) {
    items.push({ label: noUsersLine(what, usage.subscriptions), detail: 'Resource Graph may take a few minutes to show a VM or scale set just created.', value: '', refusal: 'Nothing uses it: press Escape to close.' });
  } else {
    items.push({ separator: `${usersInWords(usage.users)} in the ${usage.subscriptions === 1 ? 'selected subscription' : `${usage.subscriptions} selected subscriptions`}` });
    for (const u of usage.users) {
      items.push({
        label: `$(${ICONS[u.kind]}) ${u.name}`,
        description: `${u.resourceGroup} · ${subscriptionLabel(names, u.subscriptionId.toLowerCase())}`,
        detail: `${KIND_WORDS[u.kind]} · ${userVia(u)}`,
        value: u.id,
      });
    }
  }
  const answer = await prompterFor(options).pick<string>({
    title: `${TITLE}: ${what}`,
    step: 1,
    totalSteps: 1,
    canGoBack: false,
    placeholder: usage.users.length === 0 ? `Nothing in the selected subscriptions uses ${what}` : `Who uses ${what}: pick one to open it in the portal`,
    items,
  });
  if (typeof answer === 'string' && answer) {
    const url = portalLinkOf(answer, node.target);
    if (url) void vscode.env.openExternal(vscode.Uri.parse(url, true));
  }
  return report;
}
