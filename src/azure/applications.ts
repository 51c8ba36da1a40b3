// VM applications: a gallery's application definitions and their versions — list, read, create,
// update (only what changed) — in the project's own types. Deleting goes through deletes.ts.
import type { GalleryApplication, GalleryApplicationVersion } from '@azure/arm-compute';
import { mergeTargetRegions, type RawTargetRegion, type TargetRegionEdit } from '../model/updateRules';
import { parseArmId } from '../model/armId';
import { computeClient } from './clientFactory';
import { AzureError, azureCall } from './errors';
import { toPublishedVersion } from './publishedVersion';
import { rawBody } from './rawBody';
import { getResourceJson } from './resourceJson';
import { lroPolling } from './sharing';
import type { Application, ApplicationVersion, AzureTarget, CallOptions } from './types';
import type { LroOptions } from './writeTypes';

interface AppParts {
  subscriptionId: string;
  resourceGroup: string;
  gallery: string;
  application: string;
  version: string;
}

function appParts(id: string): AppParts {
  const ref = parseArmId(id);
  const r = (ref ?? {}) as { subscriptionId?: string; resourceGroupName?: string; galleryName?: string; applicationName?: string; versionName?: string };
  return { subscriptionId: r.subscriptionId ?? '', resourceGroup: r.resourceGroupName ?? '', gallery: r.galleryName ?? '', application: r.applicationName ?? '', version: r.versionName ?? '' };
}

export function toApplication(a: GalleryApplication): Application {
  const id = a.id ?? '';
  const { subscriptionId, resourceGroup, gallery } = appParts(id);
  return {
    id,
    name: a.name ?? '',
    galleryName: gallery,
    resourceGroup,
    subscriptionId,
    location: a.location,
    supportedOSType: a.supportedOSType ?? 'Linux',
    description: a.description,
    eula: a.eula,
    privacyStatementUri: a.privacyStatementUri,
    releaseNoteUri: a.releaseNoteUri,
    endOfLifeDate: a.endOfLifeDate,
    tags: { ...(a.tags ?? {}) },
  };
}

export function toApplicationVersion(v: GalleryApplicationVersion): ApplicationVersion {
  const published = toPublishedVersion(v);
  const { subscriptionId, resourceGroup, gallery, application } = appParts(published.id);
  const profile = v.publishingProfile;
  return {
    ...published,
    applicationName: application,
    galleryName: gallery,
    resourceGroup,
    subscriptionId,
    mediaLink: profile?.source?.mediaLink ?? '',
    defaultConfigurationLink: profile?.source?.defaultConfigurationLink,
    install: profile?.manageActions?.install,
    remove: profile?.manageActions?.remove,
    update: profile?.manageActions?.update,
    packageFileName: profile?.settings?.packageFileName,
    configFileName: profile?.settings?.configFileName,
    scriptBehaviorAfterReboot: profile?.settings?.scriptBehaviorAfterReboot,
  };
}

export async function listApplications(target: AzureTarget, resourceGroup: string, galleryName: string, options: CallOptions = {}): Promise<Application[]> {
  return azureCall(async () => {
    const out: Application[] = [];
    for await (const a of computeClient(target).galleryApplications.listByGallery(resourceGroup, galleryName, { abortSignal: options.abortSignal })) out.push(toApplication(a));
    return out;
  });
}

export async function getApplication(target: AzureTarget, id: string, options: CallOptions = {}): Promise<Application> {
  const p = appParts(id);
  return azureCall(async () => toApplication(await computeClient(target).galleryApplications.get(p.resourceGroup, p.gallery, p.application, { abortSignal: options.abortSignal })));
}

/** Every version of an application (lists carry no replication status, as for image versions). */
export async function listApplicationVersions(target: AzureTarget, applicationId: string, options: CallOptions = {}): Promise<ApplicationVersion[]> {
  const p = appParts(applicationId);
  return azureCall(async () => {
    const out: ApplicationVersion[] = [];
    for await (const v of computeClient(target).galleryApplicationVersions.listByGalleryApplication(p.resourceGroup, p.gallery, p.application, { abortSignal: options.abortSignal })) {
      out.push(toApplicationVersion(v));
    }
    return out;
  });
}

export async function getApplicationVersion(target: AzureTarget, id: string, withReplication: boolean, options: CallOptions = {}): Promise<ApplicationVersion> {
  const p = appParts(id);
  return azureCall(async () =>
    toApplicationVersion(
      await computeClient(target).galleryApplicationVersions.get(p.resourceGroup, p.gallery, p.application, p.version, {
        ...(withReplication ? { expand: 'ReplicationStatus' } : {}),
        abortSignal: options.abortSignal,
      }),
    ),
  );
}

export interface NewApplication {
  location: string;
  supportedOSType: 'Linux' | 'Windows';
  description?: string;
  eula?: string;
  privacyStatementUri?: string;
  releaseNoteUri?: string;
  endOfLifeDate?: Date;
  tags?: Record<string, string>;
}

/** PUT of an application definition; waits until Azure reports it done. */
export async function createApplication(target: AzureTarget, resourceGroup: string, galleryName: string, name: string, spec: NewApplication, options: LroOptions = {}): Promise<Application> {
  const body: GalleryApplication = { location: spec.location, supportedOSType: spec.supportedOSType };
  for (const key of ['description', 'eula', 'privacyStatementUri', 'releaseNoteUri'] as const) if (spec[key]) body[key] = spec[key];
  if (spec.endOfLifeDate) body.endOfLifeDate = spec.endOfLifeDate;
  if (spec.tags && Object.keys(spec.tags).length > 0) body.tags = { ...spec.tags };
  return azureCall(async () => toApplication(await computeClient(target).galleryApplications.createOrUpdate(resourceGroup, galleryName, name, body, lroPolling(options))));
}

/** What can change on an application definition; `null` removes an optional value. */
export interface ApplicationChanges {
  description?: string | null;
  eula?: string | null;
  privacyStatementUri?: string | null;
  releaseNoteUri?: string | null;
  endOfLifeDate?: Date | null;
  /** The whole new tag set (a merge patch replaces `tags` whole). */
  tags?: Record<string, string>;
}

/** The PATCH body: only what changed (a JSON merge patch: `null` removes a member). */
export function applicationPatch(changes: ApplicationChanges): Record<string, unknown> {
  const { tags, ...rest } = changes;
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) properties[key] = value instanceof Date ? value.toISOString() : value;
  return { ...(tags ? { tags: { ...tags } } : {}), ...(Object.keys(properties).length > 0 ? { properties } : {}) };
}

export async function updateApplication(target: AzureTarget, id: string, changes: ApplicationChanges, options: LroOptions = {}): Promise<Application> {
  const p = appParts(id);
  return azureCall(async () =>
    toApplication(await computeClient(target).galleryApplications.update(p.resourceGroup, p.gallery, p.application, {}, { ...lroPolling(options), ...rawBody(applicationPatch(changes)) })),
  );
}

export interface NewApplicationVersion {
  location: string;
  mediaLink: string;
  defaultConfigurationLink?: string;
  install: string;
  remove: string;
  update?: string;
  packageFileName?: string;
  configFileName?: string;
  scriptBehaviorAfterReboot?: 'None' | 'Rerun';
  targetRegions: { name: string; regionalReplicaCount: number; storageAccountType?: string; excludeFromLatest?: boolean }[];
  /** Azure's default when absent. */
  storageAccountType?: string;
  excludeFromLatest?: boolean;
  endOfLifeDate?: Date;
  allowDeletionOfReplicatedLocations?: boolean;
  tags?: Record<string, string>;
}

export function applicationVersionBody(spec: NewApplicationVersion): GalleryApplicationVersion {
  const settings = {
    ...(spec.packageFileName ? { packageFileName: spec.packageFileName } : {}),
    ...(spec.configFileName ? { configFileName: spec.configFileName } : {}),
    ...(spec.scriptBehaviorAfterReboot ? { scriptBehaviorAfterReboot: spec.scriptBehaviorAfterReboot } : {}),
  };
  return {
    location: spec.location,
    ...(spec.tags && Object.keys(spec.tags).length > 0 ? { tags: { ...spec.tags } } : {}),
    publishingProfile: {
      source: { mediaLink: spec.mediaLink, ...(spec.defaultConfigurationLink ? { defaultConfigurationLink: spec.defaultConfigurationLink } : {}) },
      manageActions: { install: spec.install, remove: spec.remove, ...(spec.update ? { update: spec.update } : {}) },
      ...(Object.keys(settings).length > 0 ? { settings } : {}),
      targetRegions: spec.targetRegions.map((t) => ({ ...t })),
      ...(spec.storageAccountType ? { storageAccountType: spec.storageAccountType } : {}),
      ...(spec.excludeFromLatest ? { excludeFromLatest: true } : {}),
      ...(spec.endOfLifeDate ? { endOfLifeDate: spec.endOfLifeDate } : {}),
    },
    ...(spec.allowDeletionOfReplicatedLocations !== undefined ? { safetyProfile: { allowDeletionOfReplicatedLocations: spec.allowDeletionOfReplicatedLocations } } : {}),
  };
}

/**
 * Sends the PUT of a new application version and returns once Azure accepted it, with the version as
 * Azure reports it then: it replicates for a while, followed by the tree's replication watcher.
 */
export async function startApplicationVersion(target: AzureTarget, applicationId: string, versionName: string, spec: NewApplicationVersion, options: CallOptions = {}): Promise<ApplicationVersion> {
  const p = appParts(applicationId);
  const poller = computeClient(target).galleryApplicationVersions.createOrUpdate(p.resourceGroup, p.gallery, p.application, versionName, applicationVersionBody(spec), { abortSignal: options.abortSignal });
  await azureCall(() => poller.submitted());
  return getApplicationVersion(target, `${applicationId.replace(/\/+$/, '')}/versions/${versionName}`, true, options);
}

/** What can change on an application version. */
export interface ApplicationVersionChanges {
  excludeFromLatest?: boolean;
  endOfLifeDate?: Date | null;
  /** The whole new list; what stays is written back as Azure has it (mergeTargetRegions). */
  targetRegions?: TargetRegionEdit[];
  allowDeletionOfReplicatedLocations?: boolean;
  /** The whole new tag set. */
  tags?: Record<string, string>;
}

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);

/**
 * The PATCH body: only what changed. A publishingProfile in it carries its `source` as Azure has it:
 * GalleryApplicationVersionPublishingProfile lists `source` as required (GalleryRP.json), and the
 * Azure CLI's `az sig gallery-application version update` sends the package link with every update.
 */
export function applicationVersionPatch(changes: ApplicationVersionChanges, current: unknown): Json {
  const profile = objectAt(objectAt(objectAt(current)?.properties)?.publishingProfile);
  const publishing: Json = {};
  if (changes.excludeFromLatest !== undefined) publishing.excludeFromLatest = changes.excludeFromLatest;
  if (changes.endOfLifeDate === null) publishing.endOfLifeDate = null;
  else if (changes.endOfLifeDate !== undefined) publishing.endOfLifeDate = changes.endOfLifeDate.toISOString();
  if (changes.targetRegions) {
    if (!Array.isArray(profile?.targetRegions)) throw new AzureError("Azure's answer for the version has no target regions to merge the change into: nothing was sent. Refresh and try again.", 'TargetRegionsUnknown');
    const raw = (profile.targetRegions as unknown[]).filter((r): r is RawTargetRegion => typeof objectAt(r)?.name === 'string');
    publishing.targetRegions = mergeTargetRegions(raw, changes.targetRegions, typeof profile.replicaCount === 'number' ? profile.replicaCount : 1);
  }
  const properties: Json = {};
  if (Object.keys(publishing).length > 0) properties.publishingProfile = { ...(profile?.source ? { source: profile.source } : {}), ...publishing };
  if (changes.allowDeletionOfReplicatedLocations !== undefined) properties.safetyProfile = { allowDeletionOfReplicatedLocations: changes.allowDeletionOfReplicatedLocations };
  return { ...(changes.tags ? { tags: { ...changes.tags } } : {}), ...(Object.keys(properties).length > 0 ? { properties } : {}) };
}

/** Sends the PATCH and returns once Azure accepted it, with the version as Azure reports it then. */
export async function startApplicationVersionUpdate(target: AzureTarget, id: string, changes: ApplicationVersionChanges, options: CallOptions = {}): Promise<ApplicationVersion> {
  const p = appParts(id);
  const current = await getResourceJson(target, id, options);
  const body = applicationVersionPatch(changes, current);
  const poller = computeClient(target).galleryApplicationVersions.update(p.resourceGroup, p.gallery, p.application, p.version, {}, { abortSignal: options.abortSignal, ...rawBody(body) });
  await azureCall(() => poller.submitted());
  return getApplicationVersion(target, id, true, options);
}
