// Retry Region: what Azure advises for a region whose replication failed. Its error for a failed
// region says "If retry does not work, then please do an update by removing the failed regions and
// update again by adding them back." (Azure/azure-cli issue #15539). Two updates of the version's
// target regions, each written back from Azure's own JSON (as Update Image Version does): the
// region's object is kept from Azure's answer and sent back unchanged, so its replica count,
// storage type, encryption and any member this code does not model come back as they were.
import { regionAddedBack, retryRegionPlan, whyRegionCannotBeRetried, type RawRegion, type RetryRegionPlan } from '../model/regionReplication';
import { parseArmId } from '../model/armId';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { AzureError, azureCall } from './errors';
import { rawBody } from './rawBody';
import { getResourceJson } from './resourceJson';
import type { AzureTarget, CallOptions } from './types';

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);

function rawRegions(json: unknown): RawRegion[] {
  const profile = objectAt(objectAt(objectAt(json)?.properties)?.publishingProfile);
  if (!Array.isArray(profile?.targetRegions)) {
    throw new AzureError("Azure's answer for the version has no target regions: nothing was sent. Refresh and try again.", 'TargetRegionsUnknown');
  }
  return (profile.targetRegions as unknown[]).filter((r): r is RawRegion => typeof objectAt(r)?.name === 'string');
}

async function sendRegions(target: AzureTarget, id: string, json: unknown, targetRegions: RawRegion[], safety: Json | undefined, options: CallOptions): Promise<void> {
  const { resourceGroup, gallery, image, version } = idParts(id);
  const ref = parseArmId(id);
  const properties: Json = { publishingProfile: { targetRegions } };
  if (safety) properties.safetyProfile = safety;
  // Returns once Azure accepted it; the tree's replication watcher follows the rest.
  await azureCall(async () => {
    if (ref?.kind === 'applicationVersion') {
      // An application version's publishingProfile is sent with its source, as Update Application
      // Version sends it (azure/applications.ts applicationVersionPatch): the SDK's
      // GalleryApplicationVersionPublishingProfile requires `source`.
      const source = objectAt(objectAt(objectAt(json)?.properties)?.publishingProfile)?.source;
      properties.publishingProfile = { ...(source ? { source } : {}), targetRegions };
      const poller = computeClient(target).galleryApplicationVersions.update(resourceGroup, gallery, ref.applicationName, version, {}, { abortSignal: options.abortSignal, ...rawBody({ properties }) });
      await poller.submitted();
      return;
    }
    const started = { poller: computeClient(target).galleryImageVersions.update(resourceGroup, gallery, image, version, {}, { abortSignal: options.abortSignal, ...rawBody({ properties }) }) };
    await started.poller.submitted();
  });
}

export interface RegionRemoval {
  plan: RetryRegionPlan;
  /** The version did not allow removing replicated regions: step 1 allowed it, step 2 puts it back. */
  allowedDeletion: boolean;
}

/** Step 1: the target regions without `region`, from Azure's JSON read now. */
export async function startRegionRemoval(target: AzureTarget, id: string, region: string, options: CallOptions = {}): Promise<RegionRemoval> {
  const json = await getResourceJson(target, id, options);
  const regions = rawRegions(json);
  const location = String(objectAt(json)?.location ?? '');
  const refused = whyRegionCannotBeRetried(regions, region, location);
  if (refused) throw new AzureError(`${refused} Nothing was sent.`, 'RegionNotRetried');
  const plan = retryRegionPlan(regions, region);
  const safety = objectAt(objectAt(objectAt(json)?.properties)?.safetyProfile);
  // Azure refuses to drop a replicated region unless the version allows it
  // (GalleryRP.json, safetyProfile.allowDeletionOfReplicatedLocations).
  const allowedDeletion = safety?.allowDeletionOfReplicatedLocations !== true;
  await sendRegions(target, id, json, plan.withoutRegion, allowedDeletion ? { allowDeletionOfReplicatedLocations: true } : undefined, options);
  return { plan, allowedDeletion };
}

/** Step 2: the target regions as Azure holds them now, with the region's own object back. */
export async function startRegionReAdd(target: AzureTarget, id: string, removal: RegionRemoval, options: CallOptions = {}): Promise<void> {
  const json = await getResourceJson(target, id, options);
  const regions = rawRegions(json);
  await sendRegions(target, id, json, regionAddedBack(regions, removal.plan), removal.allowedDeletion ? { allowDeletionOfReplicatedLocations: false } : undefined, options);
}
