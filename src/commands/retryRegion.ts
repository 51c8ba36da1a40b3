// Retry Region, on a target region whose replication failed: what Azure advises for it — its
// error for a failed region ends "If retry does not work, then please do an update by removing the
// failed regions and update again by adding them back." (Azure/azure-cli issue #15539). After a
// confirmation, two updates of the version's target regions, each written back from Azure's own
// JSON (src/azure/retryRegion.ts): the region removed, then added back with its own settings.
// Both are followed live through the tree's replication watcher (the one loop that polls a
// version): the region row and a progress notification show each poll. The same for a VM
// application version's region: Azure replicates its package as it replicates an image.
import type { ApplicationVersion, AzureTarget, ImageVersion } from '../azure/types';
import { parseArmId } from '../model/armId';
import { regionRows, type RegionRow } from '../model/regionReplication';
import { sameRegion } from '../model/replication';
import type { Explorer } from '../tree/explorer';
import type { ApplicationVersionNode } from '../tree/nodes/applicationVersionNode';
import type { ImageVersionNode } from '../tree/nodes/imageVersionNode';
import { isRegionOf, type RegionOfVersion } from '../tree/capabilities';
import { attempt, azureFailure, inputFailure } from '../ui/failures';
import { log } from '../ui/log';
import { notify } from '../ui/notify';
import { prompterFor, withProgress, type ManageOptions } from './manageCommon';

export const RETRY_REGION_COMMAND = 'azureComputeGallery.retryRegion';
const TITLE = 'Retry Region';
const IN_PROGRESS = new Set(['creating', 'updating', 'migrating']);

type VersionNode = ImageVersionNode | ApplicationVersionNode;
type Followed = ImageVersion | ApplicationVersion;

const versionOf = (node: VersionNode): Followed => ('applicationVersion' in node ? node.applicationVersion : node.version);

export interface RetryRegionOptions extends ManageOptions {
  /** The image (or application) version's resource id (with `region`, from the palette or a script). */
  version?: string;
  /** The region to retry: "westus2" or "West US 2". */
  region?: string;
}

function isOptions(value: unknown): value is RetryRegionOptions {
  return typeof value === 'object' && value !== null && !isRegionOf(value, 'imageVersion');
}

/** The region node the command runs on: the one clicked, or the one the options name. */
async function regionNodeOf(explorer: Explorer, args: unknown[]): Promise<{ node: RegionOfVersion<VersionNode>; options: RetryRegionOptions }> {
  const [first, second] = args;
  const options = (isOptions(first) ? first : isOptions(second) ? second : {}) as RetryRegionOptions;
  if (isRegionOf(first, 'imageVersion', 'applicationVersion')) return { node: first, options };
  if (!options.version || !options.region) throw inputFailure(TITLE, ['Run it on a failed region of an image version in the Galleries view, or give { version: "<image version id>", region: "westus2" }.'], 'Nothing was changed.');
  const kind = parseArmId(options.version)?.kind === 'applicationVersion' ? 'applicationVersion' : 'imageVersion';
  const version = await attempt(`find ${kind === 'imageVersion' ? 'image' : 'application'} version ${options.version}`, () => explorer.findNode(options.version!, kind));
  if (!version) throw inputFailure(TITLE, [`Use the id of an image or application version of a signed-in subscription, not ${options.version}.`], 'Nothing was changed.');
  const rows = (await explorer.provider.getChildren(version)).filter((n) => isRegionOf(n, 'imageVersion', 'applicationVersion'));
  const node = rows.find((n) => sameRegion(n.region, options.region!));
  if (!node) {
    throw inputFailure(TITLE, [`Use one of the version's target regions (${rows.map((n) => n.region).join(', ') || 'none reported'}), not ${options.region}.`], 'Nothing was changed.');
  }
  return { node, options };
}

function settingsOf(row: RegionRow): string {
  return [row.replicas !== undefined ? `${row.replicas} replica${row.replicas === 1 ? '' : 's'}` : '', row.storage ?? ''].filter(Boolean).join(', ');
}

/**
 * Waits until a poll of the version satisfies `done`, following the replication watcher: holds the
 * watch (so it goes on polling) and brings its next poll forward.
 */
function follow(explorer: Explorer, node: VersionNode, done: (v: Followed) => boolean, report: (v: Followed) => void): Promise<Followed> {
  const watcher = explorer.watcher;
  const key = node.versionId.toLowerCase();
  return new Promise<Followed>((resolve, reject) => {
    const release = watcher.hold(node.versionId);
    const listening = watcher.onDidPoll((event) => {
      if (event.node.versionId.toLowerCase() !== key) return;
      const status = (event.error as { statusCode?: number } | undefined)?.statusCode;
      if (event.reset) return settle(() => reject(new Error('The watch stopped (signed out, or another cloud chosen); Azure goes on with the update.')));
      if (event.error !== undefined && (status === 404 || status === 403 || event.done)) return settle(() => reject(event.error));
      const v = event.node.version ?? event.node.applicationVersion;
      if (event.error !== undefined || !v) return;
      report(v);
      if (done(v)) settle(() => resolve(v));
    });
    function settle(then: () => void): void {
      listening.dispose();
      release();
      then();
    }
    void watcher.pollNow(node);
  });
}

/** The region's row in what a poll found (undefined: no longer a target nor reported). */
const rowOf = (v: Followed, region: string): RegionRow | undefined =>
  regionRows(v.targetRegions, v.replication?.regions ?? [], v.storageAccountType).find((r) => sameRegion(r.region, region));

export async function retryRegion(explorer: Explorer, ...args: unknown[]): Promise<Followed | undefined> {
  const { node: regionNode, options } = await regionNodeOf(explorer, args);
  const versionNode = regionNode.parent;
  const row = regionNode.row;
  const target: AzureTarget = versionNode.target;
  const version = versionOf(versionNode);
  const application = 'applicationVersion' in versionNode;
  const what = application ? `application version ${version.name} of ${versionNode.parent.application.name}` : `image version ${version.name} of ${versionNode.parent.image.name}`;
  const update = application ? 'Update Application Version' : 'Update Image Version';
  const region = row.region;
  if (sameRegion(region, version.location)) {
    throw inputFailure(TITLE, [`${row.label} is the version's own region: Azure keeps it in the target regions, so it cannot be removed and added back. Create the version again instead.`], 'Nothing was changed.');
  }
  const allowNote = version.allowDeletionOfReplicatedLocations ? '' : " The version's safety profile allows removing replicated regions during the first update, and is set back afterwards.";
  if (!options.confirmed) {
    const ok = await prompterFor(options).confirm({
      message: `Retry ${row.label} for ${what}?`,
      detail: `${row.label} is ${row.stateText}${row.details ? `: ${row.details}` : '.'} As Azure advises for a failed region, this removes ${row.label} from the version's target regions (its replicas there are deleted), then adds it back with the same settings (${settingsOf(row) || "Azure's own"}, encryption and exclusion from latest as they are), so Azure copies the ${application ? 'package' : 'image'} there again. VMs cannot be created from this version in ${row.label} until it is Completed.${allowNote}`,
      confirmLabel: 'Retry Region',
    });
    if (!ok) return undefined;
  }
  const azure = explorer.azure();
  return explorer.busyWhile(versionNode, `Retrying ${row.label}…`, () =>
    withProgress(`${TITLE}: ${row.label} of ${version.name}`, async (report) => {
      report(`Removing ${row.label}…`);
      const removal = await attempt(`remove ${row.label} from ${what}`, () => azure.startRegionRemoval(target, versionNode.versionId, region), { outcome: 'Nothing was changed.' });
      log().info(`${TITLE}: ${versionNode.versionId} ${region} removed (step 1 of 2)`);
      const removed = await attempt(`remove ${row.label} from ${what}`, () =>
        follow(explorer, versionNode, (v) => !IN_PROGRESS.has(v.provisioningState?.toLowerCase() ?? '') && !rowOf(v, region), () => report(`Removing ${row.label}…`)),
      );
      if (removed.provisioningState?.toLowerCase() === 'failed') {
        throw azureFailure(`remove ${row.label} from ${what}`, new Error(`Azure reports the version's provisioning state Failed after the update.`), { outcome: `${row.label} may no longer be a target region: open ${update} to add it back.` });
      }
      report(`Adding ${row.label} back…`);
      await attempt(`add ${row.label} back to ${what}`, () => azure.startRegionReAdd(target, versionNode.versionId, removal), {
        outcome: `${row.label} was removed and is not a target region now: run ${update} to add it back.`,
      });
      log().info(`${TITLE}: ${versionNode.versionId} ${region} added back (step 2 of 2)`);
      const after = await attempt(`follow ${row.label} of ${what}`, () =>
        follow(
          explorer,
          versionNode,
          (v) => {
            const r = rowOf(v, region);
            return !IN_PROGRESS.has(v.provisioningState?.toLowerCase() ?? '') && (r?.state === 'Completed' || r?.state === 'Failed');
          },
          (v) => report(rowOf(v, region)?.stateText ?? `${v.provisioningState ?? 'Updating'}…`),
        ),
      );
      const final = rowOf(after, region);
      if (final?.state !== 'Completed') {
        throw azureFailure(`replicate ${what} to ${row.label}`, new Error(final?.details ?? `${row.label} is ${final?.stateText ?? 'not reported'}.`), {
          outcome: `${row.label} was removed and added back, and failed again. If it keeps failing, leave it out (${update}) or create the version again.`,
        });
      }
      void notify('info', `${row.label} of ${what} is replicated again: Completed.`);
      return after;
    }),
  );
}
