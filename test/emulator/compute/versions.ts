import { conflict, invalidParameter } from '../arm/errors';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asArray, asObject, asString, isObject } from '../json';
import type { StoredResource } from '../state';
import type { ArtifactKind } from './artifacts';
import { envelope, registerArtifact } from './artifacts';
import { keepIfSoftDeleted, restoreIfAsked } from './softDelete';
import { imageKind, securityTypeOf } from './images';
import { normalizePublishing, publishingForApiVersion, replan } from './publishing';
import { replicationStatusBody } from './replication';
import { checkVersionName, propertyChange } from './rules';
import type { SourceInfo } from './sources';
import { checkEncryption } from './versionEncryption';
import type { ResolvedStorage } from './versionSources';
import { checkStorageUpdate, resolveStorage } from './versionSources';

export const VERSION_TYPE = 'Microsoft.Compute/galleries/images/versions';
const BODY = 'galleryImageVersion';
/** Whether a definition with this SecurityType accepts a source of that security type. */
function securityCompatible(definition: string, source: SourceInfo['securityType']): boolean {
  if (source === 'TrustedLaunch') return ['TrustedLaunch', 'TrustedLaunchSupported', 'TrustedLaunchAndConfidentialVmSupported'].includes(definition);
  if (source === 'ConfidentialVM') return ['ConfidentialVM', 'ConfidentialVMSupported', 'TrustedLaunchAndConfidentialVmSupported'].includes(definition);
  return definition !== 'ConfidentialVM';
}

/** The source path for messages: whichever member names the source. */
function sourcePath(sp: JsonObject): string {
  const top = asObject(sp.source);
  for (const m of ['virtualMachineId', 'communityGalleryImageId', 'id']) if (typeof top?.[m] === 'string') return `storageProfile.source.${m}`;
  const os = asObject(asObject(sp.osDiskImage)?.source);
  return os?.uri !== undefined ? 'storageProfile.osDiskImage.source.uri' : 'storageProfile.osDiskImage.source.id';
}

/** The definition's rules for the OS disk's source (troubleshooting-shared-images.md messages). */
function checkAgainstDefinition(definition: StoredResource, os: ResolvedStorage['os'], sourceId: string, target: string): void {
  const def = definition.properties;
  if (String(def.osType).toLowerCase() !== os.osType.toLowerCase()) {
    throw invalidParameter(`The resource with id '${sourceId}' has a different OS type ['${os.osType}'] than the parent gallery image OS type generation ['${String(def.osType)}']`, target);
  }
  if (String(def.hyperVGeneration ?? 'V1').toLowerCase() !== os.hyperVGeneration.toLowerCase()) {
    throw invalidParameter(
      `The resource with id '${sourceId}' has a different Hypervisor generation ['${os.hyperVGeneration}'] than the parent gallery image Hypervisor generation ['${String(def.hyperVGeneration ?? 'V1')}']`,
      target,
    );
  }
  if (String(def.osState).toLowerCase() !== os.osState.toLowerCase()) {
    throw invalidParameter(`Cannot create Gallery Image Version from: ${sourceId} since the OS State in the parent gallery image ('${String(def.osState)}') is not '${os.osState}'.`, target);
  }
  // Trusted launch / confidential VM sources need a definition whose SecurityType supports them. Not
  // in the troubleshooting catalogue: rule and wording are the local Azure's assumption (SOURCES.md).
  const defSecurity = securityTypeOf(definition);
  if (!securityCompatible(defSecurity, os.securityType)) {
    throw invalidParameter(
      `The source '${sourceId}' has security type '${os.securityType}', which the gallery image '${definition.name}' with security type '${defSecurity}' does not support. Use a gallery image whose 'SecurityType' feature supports '${os.securityType}'.`,
      target,
    );
  }
}

export const versionKind: ArtifactKind = {
  type: VERSION_TYPE,
  typeName: 'galleries/images/versions',
  bodyName: BODY,
  template: `${imageKind.template}/versions/{galleryImageVersionName}`,
  nameParam: 'galleryImageVersionName',
  parent: imageKind,
  childTypes: [],
  checkName: (name) => checkVersionName(name, 'galleryImageVersionName'),
  prepare({ ctx, properties, location, parent, existing }) {
    const definition = parent!;
    const storageProfile = asObject(properties.storageProfile);
    if (!storageProfile) throw invalidParameter(`Required parameter '${BODY}.properties.storageProfile' is missing (null).`, `${BODY}.properties.storageProfile`);
    const apiVersion = ctx.query.get('api-version') ?? undefined;
    let sp: JsonObject;
    let dataLuns: number[];
    if (existing) {
      const before = asObject(existing.properties.storageProfile) ?? {};
      sp = checkStorageUpdate(storageProfile, before, (path) => propertyChange(BODY, path));
      dataLuns = (asArray(sp.dataDiskImages) ?? []).filter(isObject).map((d) => Number(d.lun));
    } else {
      const resolved = resolveStorage(ctx, storageProfile, definition, location);
      const path = sourcePath(storageProfile);
      const named = asString(asObject(asObject(storageProfile.source))?.[path.split('.').pop()!]) ?? asString(asObject(asObject(storageProfile.osDiskImage)?.source)?.id) ?? asString(asObject(asObject(storageProfile.osDiskImage)?.source)?.uri) ?? '';
      checkAgainstDefinition(definition, resolved.os, named, `${BODY}.properties.${path}`);
      sp = resolved.storageProfile;
      dataLuns = resolved.dataLuns;
    }
    const publishedDate = asString(asObject(existing?.properties.publishingProfile)?.publishedDate) ?? new Date().toISOString();
    const publishingProfile = normalizePublishing(asObject(properties.publishingProfile), location, BODY, publishedDate, VERSION_TYPE, {
      apiVersion,
      imageVersion: true,
      existing: asObject(existing?.properties.publishingProfile),
    });
    checkEncryption(
      {
        state: ctx.emu.state,
        subscriptionId: definition.id.split('/')[2],
        securityType: securityTypeOf(definition),
        dataLuns,
        before: existing ? asArray(asObject(existing.properties.publishingProfile)?.targetRegions) : undefined,
      },
      asArray(publishingProfile.targetRegions) ?? [],
      publishingProfile.targetExtendedLocations,
    );
    const eol = publishingProfile.endOfLifeDate;
    const safety = asObject(properties.safetyProfile) ?? {};
    if (safety.blockDeletionBeforeEndOfLife === true && typeof eol !== 'string') {
      throw invalidParameter(
        "'safetyProfile.blockDeletionBeforeEndOfLife' can only be set when 'publishingProfile.endOfLifeDate' is set.",
        `${BODY}.properties.safetyProfile.blockDeletionBeforeEndOfLife`,
      );
    }
    const out: JsonObject = {
      publishingProfile,
      storageProfile: sp,
      safetyProfile: { allowDeletionOfReplicatedLocations: false, ...safety, reportedForPolicyViolation: false },
    };
    if (properties.securityProfile !== undefined) out.securityProfile = properties.securityProfile;
    return out;
  },
  afterWrite(ctx, resource, _created, previous) {
    const definition = ctx.emu.state.resources[resource.id.split('/versions/')[0].toLowerCase()];
    resource.meta = {
      osType: asString(definition?.properties.osType) ?? 'Linux',
      osState: asString(definition?.properties.osState) ?? 'Generalized',
      hyperVGeneration: asString(definition?.properties.hyperVGeneration) ?? 'V1',
      securityType: definition ? securityTypeOf(definition).replace(/Supported$/, '').replace('TrustedLaunchAndConfidentialVm', 'TrustedLaunch') : 'Standard',
      sizeGB: 30,
    };
    const { replication } = ctx.emu.config;
    const failRegions = [...replication.failRegions, ...(ctx.emu.state.replicationFaults?.[resource.id.toLowerCase()] ?? [])];
    resource.replication = replan(resource, previous?.replication, replication.durationMs, failRegions);
    // Whether the operation ends only once every region is copied (see succeedBeforeReplicated).
    return !replication.succeedBeforeReplicated;
  },
  beforeDelete(ctx, resource) {
    const safety = asObject(resource.properties.safetyProfile);
    const eol = asString(asObject(resource.properties.publishingProfile)?.endOfLifeDate);
    if (safety?.blockDeletionBeforeEndOfLife === true && eol && Date.parse(eol) > Date.now()) {
      throw conflict(
        'OperationNotAllowed',
        `Deleting the gallery image version '${resource.name}' is not allowed before its end of life date '${eol}' because 'safetyProfile.blockDeletionBeforeEndOfLife' is set.`,
        `${BODY}.properties.safetyProfile.blockDeletionBeforeEndOfLife`,
      );
    }
    keepIfSoftDeleted(ctx, resource);
  },
  restore: restoreIfAsked,
  render(ctx, r) {
    return renderVersion(r, ctx.query.get('$expand')?.toLowerCase() === 'replicationstatus', ctx.query.get('api-version') ?? undefined);
  },
};

export function renderVersion(r: StoredResource, expandReplication: boolean, apiVersion?: string): JsonObject {
  const props: JsonObject = {
    publishingProfile: publishingForApiVersion(r.properties.publishingProfile, apiVersion) ?? null,
    storageProfile: r.properties.storageProfile,
    safetyProfile: r.properties.safetyProfile,
    provisioningState: r.provisioningState,
  };
  if (r.properties.securityProfile !== undefined) props.securityProfile = r.properties.securityProfile;
  if (expandReplication) props.replicationStatus = replicationStatusBody(r, Date.now());
  return envelope(r, props);
}

export function registerVersions(emu: Emulator): void {
  registerArtifact(emu, versionKind, `${imageKind.template}/versions`, 'Microsoft.Compute/galleries/images/versions');
}
