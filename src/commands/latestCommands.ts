// Make Latest and Exclude from Latest, on an image version.
//
// Make Latest: this version back in latest (if it was excluded) and every higher version not yet
// excluded taken out, so VMs asking for "latest" get this one (model/latestByRegion.ts plans it;
// Azure picks the highest candidate, latest.ts). Exclude from Latest: this version alone taken
// out. Both show one confirmation first (latestConfirmation): every version they change, what
// "latest" becomes for the definition and in each region where it differs, and a warning when the
// change would leave the definition or a region with no latest version.
// Each update is the version's own PATCH of `publishingProfile.excludeFromLatest` alone, through
// the Update Image Version path (src/azure/updates.ts imageVersionPatch): target regions are never
// rebuilt, a region's own exclusion stays as it is. The rows follow Azure's answers: each version
// updated is redrawn, and its definition recomputes "latest" for its siblings and itself.
import type { ImageVersion } from '../azure/types';
import {
  describeLatestChange,
  excludeChanges,
  latestLosses,
  latestOutcomeLines,
  makeLatestChanges,
  resolveLatestByRegion,
  withChanges,
  type LatestByRegion,
  type LatestChange,
} from '../model/latestByRegion';
import type { Explorer } from '../tree/explorer';
import type { ImageDefinitionNode } from '../tree/nodes/imageDefinitionNode';
import type { ImageVersionNode } from '../tree/nodes/imageVersionNode';
import { usageWarningFor } from './imageUsage';
import { attempt } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import type { ConfirmRequest } from '../ui/wizard';
import { pollIntervalMs } from './createCommon';
import { prompterFor, resolveNode, splitArgs, withProgress, type ManageOptions } from './manageCommon';

export const MAKE_LATEST_COMMAND = 'azureComputeGallery.makeLatest';
export const EXCLUDE_FROM_LATEST_COMMAND = 'azureComputeGallery.excludeFromLatest';

export interface LatestOptions extends ManageOptions {
  /** The image version's resource id (from the palette or a script; the tree passes the node). */
  version?: string;
}

type LatestAction = 'make' | 'exclude';

const TITLES: Record<LatestAction, string> = { make: 'Make Latest', exclude: 'Exclude from Latest' };

/** What a confirmation is made of; other checks (who uses the versions changed) add `warnings`. */
export interface LatestConfirmation {
  action: LatestAction;
  version: string;
  definition: string;
  changes: readonly LatestChange[];
  after: LatestByRegion;
  /** What would be left without a latest version (latestLosses), and anything else to heed first. */
  warnings: readonly string[];
}

/**
 * The one confirmation both commands show: the warnings first, then every version changed and
 * what "latest" becomes. The single place a new warning goes (e.g. how many VMs use it).
 */
export function latestConfirmation(c: LatestConfirmation): ConfirmRequest {
  const message = c.action === 'make' ? `Make ${c.version} the latest version of ${c.definition}?` : `Exclude ${c.version} of ${c.definition} from latest?`;
  const changes = c.changes.length === 1 ? `This changes ${describeLatestChange(c.changes[0]!)}.` : `This changes ${c.changes.length} versions: ${c.changes.map(describeLatestChange).join('; ')}.`;
  const detail = [...c.warnings.map((w) => `Warning: ${w}`), changes, ...latestOutcomeLines(c.after)].join('\n');
  return { message, detail, confirmLabel: TITLES[c.action] };
}

/** Every version of the definition in the tree: the rest of the pages are loaded, as a higher version may be among them. */
async function allVersions(explorer: Explorer, definition: ImageDefinitionNode): Promise<readonly ImageVersionNode[]> {
  await explorer.provider.getChildren(definition);
  while (definition.hasMore) {
    await definition.loadMore();
    await explorer.provider.getChildren(definition);
  }
  return definition.versionNodesShown;
}

async function runLatest(explorer: Explorer, action: LatestAction, args: unknown[]): Promise<ImageVersion | undefined> {
  const title = TITLES[action];
  const { node: given, options } = splitArgs<LatestOptions>(args, ['imageVersion']);
  const node = (await resolveNode(explorer, given, options.version, ['imageVersion'], title)) as ImageVersionNode | undefined;
  if (!node) return undefined;
  const definition = node.parent;
  const name = node.version.name;
  const definitionName = definition.image.name;
  const nodes = await attempt(`list the versions of ${definitionName}`, () => allVersions(explorer, definition));
  const versions = definition.regionalCandidates;
  const changes = action === 'make' ? makeLatestChanges(versions, name) : excludeChanges(versions, name);
  const before = resolveLatestByRegion(versions);
  if (changes.length === 0) {
    const why = action === 'make' ? `${name} already is the highest version not excluded from latest of ${definitionName}` : `${name} of ${definitionName} is already excluded from latest`;
    void notify('info', `${why}: nothing was sent.`);
    return node.version;
  }
  const after = resolveLatestByRegion(withChanges(versions, changes));
  if (!options.confirmed) {
    // Who follows latest: VMs and scale sets asking for the definition get another version after this.
    const usage = action === 'make' ? await usageWarningFor(explorer, definition, 'makeLatest') : await usageWarningFor(explorer, node, 'excludeFromLatest');
    const request = latestConfirmation({ action, version: name, definition: definitionName, changes, after, warnings: [...latestLosses(before, after), ...(usage ? [usage] : [])] });
    if (!(await prompterFor(options).confirm(request))) return undefined;
  }
  const azure = explorer.azure();
  const done: LatestChange[] = [];
  let result: ImageVersion | undefined;
  await withProgress(`${title}: ${name} of ${definitionName}`, async (report) => {
    for (const change of changes) {
      const target = nodes.find((n) => n.version.name === change.name);
      if (!target) continue;
      report(describeLatestChange(change));
      const sent = done.length === 0 ? 'Nothing was changed.' : `Already changed: ${done.map(describeLatestChange).join('; ')}. The others were not sent.`;
      const updated = await attempt(
        `${change.excludeFromLatest ? 'exclude' : 'include'} image version ${change.name} of ${definitionName} ${change.excludeFromLatest ? 'from' : 'in'} latest`,
        () => explorer.busyWhile(target, 'Updating…', () => azure.updateImageVersion(target.target, target.versionId, { excludeFromLatest: change.excludeFromLatest }, { pollIntervalMs: pollIntervalMs() })),
        { outcome: sent },
      );
      // Azure's answer redraws the row; its definition recomputes "latest" for the siblings and itself.
      target.update(updated);
      explorer.refresh(target);
      done.push(change);
      if (target === node) result = updated;
    }
  });
  log().info(`${title}: ${node.versionId} (${done.map(describeLatestChange).join('; ')})`);
  const now = resolveLatestByRegion(definition.regionalCandidates);
  void notify('info', `${title}: ${done.map(describeLatestChange).join('; ')}. ${now.latest ? `VMs asking for "latest" of ${definitionName} now get ${now.latest}.` : `No version of ${definitionName} is latest now${now.next ? ` (${now.next} will be once it is ready)` : ''}.`}`);
  return result ?? node.version;
}

export function makeLatest(explorer: Explorer, ...args: unknown[]): Promise<ImageVersion | undefined> {
  return runLatest(explorer, 'make', args);
}

export function excludeFromLatest(explorer: Explorer, ...args: unknown[]): Promise<ImageVersion | undefined> {
  return runLatest(explorer, 'exclude', args);
}
