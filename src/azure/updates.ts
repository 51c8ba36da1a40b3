// Updates (PATCH) of galleries, image definitions and image versions: only what Azure lets change
// after creation. A gallery: its description and its sharing permissions (Private → Groups or
// Community; Community needs the publisher information). A definition: description, links,
// end of life, recommended sizes, disallowed disk types. A version: exclude from latest, end of
// life, target regions and replica counts, the deletion block.
import type { GalleryImageUpdate, GalleryUpdate } from '@azure/arm-compute';
import { mergeTargetRegions, type RawTargetRegion, type TargetRegionEdit } from '../model/updateRules';
import { mergeExtendedLocations, rawExtendedLocations, type EdgeZoneEdit } from '../model/edgeZones';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { AzureError, azureCall } from './errors';
import { toGallery } from './galleries';
import { toImageDefinition } from './images';
import { rawBody } from './rawBody';
import { getResourceJson } from './resourceJson';
import { lroPolling } from './sharing';
import type { AzureTarget, CallOptions, Gallery, ImageDefinition, ImageVersion, SharingPermission } from './types';
import { getImageVersion } from './versions';
import { encryptionBody } from './createImageVersion';
import type { LroOptions, NewCommunityInfo, NewRange, NewRegionEncryption } from './writeTypes';

export interface GalleryChanges {
  description?: string;
  /** Switching permissions: Private → Groups (direct share) or → Community (with `community`). */
  sharing?: SharingPermission;
  community?: NewCommunityInfo;
  /** Turns soft delete of image versions on or off (softDeletePolicy.isSoftDeleteEnabled). */
  softDelete?: boolean;
}

/** Updates a gallery and waits until Azure reports it done. */
export async function updateGallery(target: AzureTarget, resourceGroup: string, name: string, changes: GalleryChanges, options: LroOptions = {}): Promise<Gallery> {
  const body: GalleryUpdate = {};
  if (changes.description !== undefined) body.description = changes.description;
  if (changes.softDelete !== undefined) body.softDeletePolicy = { isSoftDeleteEnabled: changes.softDelete };
  if (changes.sharing !== undefined) {
    body.sharingProfile = { permissions: changes.sharing };
    if (changes.community) body.sharingProfile.communityGalleryInfo = { ...changes.community };
  }
  return azureCall(async () => toGallery(await computeClient(target).galleries.update(resourceGroup, name, body, lroPolling(options))));
}

/** What can change on an image definition; `null` removes an optional value. */
export interface ImageDefinitionChanges {
  description?: string | null;
  eula?: string | null;
  privacyStatementUri?: string | null;
  releaseNoteUri?: string | null;
  endOfLifeDate?: Date | null;
  recommended?: { vCPUs?: NewRange; memory?: NewRange };
  disallowedDiskTypes?: string[];
  /** The whole new feature list (security type included); sent with allowUpdateImage, which Azure requires for a feature change. */
  features?: { name?: string; value?: string; startsAtVersion?: string }[];
}

// ARM PATCH is a JSON merge patch: `null` removes a member. The SDK's models type these members as
// optional strings and dates, and pass a null through to the JSON unchanged.
const removed = null as unknown as undefined;

export function imageDefinitionPatch(changes: ImageDefinitionChanges): GalleryImageUpdate {
  const body: GalleryImageUpdate = {};
  for (const key of ['description', 'eula', 'privacyStatementUri', 'releaseNoteUri'] as const) {
    const value = changes[key];
    if (value === null || value === '') body[key] = removed;
    else if (value !== undefined) body[key] = value;
  }
  if (changes.endOfLifeDate === null) body.endOfLifeDate = removed;
  else if (changes.endOfLifeDate !== undefined) body.endOfLifeDate = changes.endOfLifeDate;
  if (changes.recommended) {
    // Only the ranges named change; a named range without bounds is removed.
    const range = (r: NewRange | undefined) => (r && (r.min !== undefined || r.max !== undefined) ? { ...r } : removed);
    body.recommended = {};
    if ('vCPUs' in changes.recommended) body.recommended.vCPUs = range(changes.recommended.vCPUs);
    if ('memory' in changes.recommended) body.recommended.memory = range(changes.recommended.memory);
  }
  if (changes.disallowedDiskTypes) body.disallowed = { diskTypes: [...changes.disallowedDiskTypes] };
  if (changes.features) {
    // A merge patch replaces an array whole; allowUpdateImage: "Must be set to true if the gallery
    // image features are being updated" (GalleryRP.json 2025-12-03).
    body.features = changes.features.map((f) => ({ ...f }));
    body.allowUpdateImage = true;
  }
  return body;
}

/** Updates an image definition and waits until Azure reports it done. */
export async function updateImageDefinition(target: AzureTarget, id: string, changes: ImageDefinitionChanges, options: LroOptions = {}): Promise<ImageDefinition> {
  const { resourceGroup, gallery, image } = idParts(id);
  return azureCall(async () =>
    toImageDefinition(await computeClient(target).galleryImages.update(resourceGroup, gallery, image, imageDefinitionPatch(changes), lroPolling(options))),
  );
}

/** What can change on an image version; `null` removes the end-of-life date. */
export interface ImageVersionChanges {
  excludeFromLatest?: boolean;
  endOfLifeDate?: Date | null;
  /** The whole new list (the version's own region must stay in it); what stays is written back as Azure has it. */
  targetRegions?: TargetRegionEdit[];
  /** The whole new list of edge zones; what stays is written back as Azure has it (mergeExtendedLocations). */
  targetExtendedLocations?: EdgeZoneEdit[];
  /** Needed (true) when the new list leaves out a region the version is replicated to. */
  allowDeletionOfReplicatedLocations?: boolean;
  blockDeletionBeforeEndOfLife?: boolean;
  /**
   * Azure's JSON of the version the user edited. With a new target list, the update is refused if
   * the regions changed in Azure since (a pipeline added a region or replicas): the list was built
   * from what the user saw, and the API has no ETag for versions to let Azure refuse it.
   */
  basedOn?: unknown;
}

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);

/**
 * The PATCH body as JSON: only what changes. `current` is the version as Azure returned it; a new
 * target list is merged into Azure's own region objects (mergeTargetRegions), never rebuilt.
 */
export function imageVersionPatch(changes: ImageVersionChanges, current?: unknown): Json {
  const publishing: Json = {};
  if (changes.excludeFromLatest !== undefined) publishing.excludeFromLatest = changes.excludeFromLatest;
  if (changes.endOfLifeDate === null) publishing.endOfLifeDate = null;
  else if (changes.endOfLifeDate !== undefined) publishing.endOfLifeDate = changes.endOfLifeDate.toISOString();
  if (changes.targetRegions) {
    const profile = objectAt(objectAt(objectAt(current)?.properties)?.publishingProfile);
    // Without Azure's own regions the list would be rebuilt from the edit alone, losing what it holds.
    if (!Array.isArray(profile?.targetRegions)) throw new AzureError("Azure's answer for the version has no target regions to merge the change into: nothing was sent. Refresh and try again.", 'TargetRegionsUnknown');
    const raw = (profile.targetRegions as unknown[]).filter((r): r is RawTargetRegion => typeof objectAt(r)?.name === 'string');
    const replicaCount = typeof profile?.replicaCount === 'number' ? profile.replicaCount : 1;
    const edits = changes.targetRegions.map((t) => (t.encryption ? { ...t, encryption: encryptionBody(t.encryption as NewRegionEncryption) } : t));
    publishing.targetRegions = mergeTargetRegions(raw, edits, replicaCount);
  }
  if (changes.targetExtendedLocations) {
    const raw = rawExtendedLocations(current);
    // As for regions: without Azure's own edge zones the list would lose what they hold.
    if (raw === undefined || current === undefined) throw new AzureError("Azure's answer for the version has no edge zones to merge the change into: nothing was sent. Refresh and try again.", 'TargetRegionsUnknown');
    publishing.targetExtendedLocations = mergeExtendedLocations(raw, changes.targetExtendedLocations);
  }
  const safety: Json = {};
  if (changes.allowDeletionOfReplicatedLocations !== undefined) safety.allowDeletionOfReplicatedLocations = changes.allowDeletionOfReplicatedLocations;
  if (changes.blockDeletionBeforeEndOfLife !== undefined) safety.blockDeletionBeforeEndOfLife = changes.blockDeletionBeforeEndOfLife;
  const properties: Json = {};
  if (Object.keys(publishing).length > 0) properties.publishingProfile = publishing;
  if (Object.keys(safety).length > 0) properties.safetyProfile = safety;
  return { properties };
}

/** What an edit of regions or edge zones was based on: both lists as Azure had them. */
function regionsOf(json: unknown): unknown {
  const profile = objectAt(objectAt(objectAt(json)?.properties)?.publishingProfile);
  return [profile?.targetRegions, profile?.targetExtendedLocations ?? []];
}

/** The PATCH request: the body built from Azure's current JSON, sent as built (rawBody), not through the SDK's models. */
async function sendVersionPatch(target: AzureTarget, id: string, changes: ImageVersionChanges, options: LroOptions) {
  const { resourceGroup, gallery, image, version } = idParts(id);
  const lists = changes.targetRegions !== undefined || changes.targetExtendedLocations !== undefined;
  const current = lists ? await getResourceJson(target, id, options) : undefined;
  if (lists && changes.basedOn !== undefined && JSON.stringify(regionsOf(changes.basedOn)) !== JSON.stringify(regionsOf(current))) {
    throw new AzureError(
      "The version's target regions or edge zones changed in Azure while you were editing them (another update added, removed or re-counted them): nothing was sent. Refresh the version and make your change again.",
      'TargetRegionsChanged',
      409,
    );
  }
  const body = imageVersionPatch(changes, current);
  // Wrapped: the poller is itself awaitable, and awaiting it would wait for the whole operation.
  return { poller: computeClient(target).galleryImageVersions.update(resourceGroup, gallery, image, version, {}, { ...lroPolling(options), ...rawBody(body) }) };
}

/** Updates an image version and waits until Azure reports it done (replication included). */
export async function updateImageVersion(target: AzureTarget, id: string, changes: ImageVersionChanges, options: LroOptions = {}): Promise<ImageVersion> {
  await azureCall(async () => (await sendVersionPatch(target, id, changes, options)).poller);
  return getImageVersion(target, id, true, options);
}

/**
 * Sends the update and returns as soon as Azure accepted it, with the version as Azure reports it
 * now (Updating): a change of target regions replicates for minutes, watched like a new version.
 */
export async function startImageVersionUpdate(target: AzureTarget, id: string, changes: ImageVersionChanges, options: CallOptions = {}): Promise<ImageVersion> {
  await azureCall(async () => (await sendVersionPatch(target, id, changes, { abortSignal: options.abortSignal })).poller.submitted());
  return getImageVersion(target, id, true, options);
}

/** An image definition's recommended sizes and disallowed disk types (the project's ImageDefinition leaves them out). */
export async function getImageDefinitionExtras(
  target: AzureTarget,
  id: string,
  options: CallOptions = {},
): Promise<{
  recommended: { vCPUs?: NewRange; memory?: NewRange };
  disallowedDiskTypes: string[];
  /** Every feature as Azure has it now (a feature change sends the whole list). */
  features: { name?: string; value?: string; startsAtVersion?: string }[];
}> {
  const { resourceGroup, gallery, image } = idParts(id);
  const i = await azureCall(() => computeClient(target).galleryImages.get(resourceGroup, gallery, image, { abortSignal: options.abortSignal }));
  const range = (r: { min?: number; max?: number } | undefined) => (r && (r.min !== undefined || r.max !== undefined) ? { min: r.min, max: r.max } : undefined);
  return {
    recommended: { vCPUs: range(i.recommended?.vCPUs), memory: range(i.recommended?.memory) },
    disallowedDiskTypes: i.disallowed?.diskTypes ?? [],
    features: (i.features ?? []).map((f) => ({ name: f.name, value: f.value, ...(f.startsAtVersion !== undefined ? { startsAtVersion: f.startsAtVersion } : {}) })),
  };
}
