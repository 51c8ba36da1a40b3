import { ArmError, conflict, invalidParameter } from '../arm/errors';
import { canAccess } from '../access';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asArray, asObject, asString, isObject } from '../json';
import type { StoredResource } from '../state';
import type { ArtifactKind } from './artifacts';
import { envelope, registerArtifact } from './artifacts';
import { imageKind, securityTypeOf } from './images';
import { normalizePublishing, replan } from './publishing';
import { normalizeRegion, replicationStatusBody } from './replication';
import { checkVersionName, propertyChange } from './rules';
import type { SourceInfo } from './sources';
import { describeSource } from './sources';

export const VERSION_TYPE = 'Microsoft.Compute/galleries/images/versions';
const BODY = 'galleryImageVersion';
const ONE_SOURCE =
  'The gallery artifact version source can only be specified either directly under storageProfile or within individual OS or data disks. One and only one source type (user image, snapshot, disk, virtual machine) can be provided.';

function sourceIdOf(storageProfile: JsonObject | undefined): { id?: string; path: string; onDisk: boolean } {
  const top = asObject(storageProfile?.source);
  const topId = asString(top?.id) ?? asString(top?.virtualMachineId);
  const osDisk = asString(asObject(asObject(storageProfile?.osDiskImage)?.source)?.id);
  if (topId && osDisk) throw invalidParameter(ONE_SOURCE, `${BODY}.properties.storageProfile`);
  if (topId) return { id: topId, path: 'storageProfile.source.id', onDisk: false };
  return { id: osDisk, path: 'storageProfile.osDiskImage.source.id', onDisk: true };
}

/** Whether a definition with this SecurityType accepts a source of that security type. */
function securityCompatible(definition: string, source: SourceInfo['securityType']): boolean {
  if (source === 'TrustedLaunch') return ['TrustedLaunch', 'TrustedLaunchSupported', 'TrustedLaunchAndConfidentialVmSupported'].includes(definition);
  if (source === 'ConfidentialVM') return ['ConfidentialVM', 'ConfidentialVMSupported', 'TrustedLaunchAndConfidentialVmSupported'].includes(definition);
  return definition !== 'ConfidentialVM';
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
    const { id: sourceId, path, onDisk } = sourceIdOf(storageProfile);
    const target = `${BODY}.properties.${path}`;
    if (!sourceId) throw invalidParameter(ONE_SOURCE, `${BODY}.properties.storageProfile`);
    if (existing) {
      const before = sourceIdOf(asObject(existing.properties.storageProfile));
      if (before.id && before.id.toLowerCase() !== sourceId.toLowerCase()) throw propertyChange(BODY, path);
    }
    if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\//i.test(sourceId)) {
      throw invalidParameter(
        `Property id '${sourceId}' at path 'properties.${path}' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.`,
        target,
      );
    }
    const sourceSub = sourceId.split('/')[2];
    if (!canAccess(ctx, sourceSub)) {
      throw new ArmError(
        403,
        'LinkedAuthorizationFailed',
        `The client '${ctx.caller?.objectId ?? ''}' has permission to perform action 'Microsoft.Compute/galleries/images/versions/write' on scope '${definition.id}', however it does not have permission to perform action 'read' on the linked scope(s) '${sourceId}' or the linked scope(s) are invalid.`,
      );
    }
    const info = describeSource(ctx.emu.state, sourceId);
    if (!info) throw invalidParameter(`Source was not found: ${sourceId}. Please make sure the source exists.`, target);
    if (!onDisk && !['image', 'virtualMachine', 'galleryImageVersion'].includes(info.kind)) {
      throw invalidParameter(`The source id: ${sourceId} must either be a managed image, virtual machine or another gallery image version`, target);
    }
    if (onDisk && !['disk', 'snapshot'].includes(info.kind)) {
      throw invalidParameter(`The source id: ${sourceId} must be a managed disk or snapshot.`, target);
    }
    if (normalizeRegion(info.location) !== normalizeRegion(location)) {
      throw invalidParameter(
        `Source ${sourceId} is not found. Please check source exists, and is in the same region as gallery image version being created.`,
        target,
      );
    }
    const def = definition.properties;
    if (String(def.osType).toLowerCase() !== info.osType.toLowerCase()) {
      throw invalidParameter(`The resource with id '${sourceId}' has a different OS type ['${info.osType}'] than the parent gallery image OS type generation ['${String(def.osType)}']`, target);
    }
    if (String(def.hyperVGeneration ?? 'V1').toLowerCase() !== info.hyperVGeneration.toLowerCase()) {
      throw invalidParameter(
        `The resource with id '${sourceId}' has a different Hypervisor generation ['${info.hyperVGeneration}'] than the parent gallery image Hypervisor generation ['${String(def.hyperVGeneration ?? 'V1')}']`,
        target,
      );
    }
    if (String(def.osState).toLowerCase() !== info.osState.toLowerCase()) {
      throw invalidParameter(
        `Cannot create Gallery Image Version from: ${sourceId} since the OS State in the parent gallery image ('${String(def.osState)}') is not '${info.osState}'.`,
        target,
      );
    }
    const defSecurity = securityTypeOf(definition);
    if (!securityCompatible(defSecurity, info.securityType)) {
      throw invalidParameter(
        `The source '${sourceId}' has security type '${info.securityType}', which the gallery image '${definition.name}' with security type '${defSecurity}' does not support. Use a gallery image whose 'SecurityType' feature supports '${info.securityType}'.`,
        target,
      );
    }
    const publishedDate = asString(asObject(existing?.properties.publishingProfile)?.publishedDate) ?? new Date().toISOString();
    const publishingProfile = normalizePublishing(asObject(properties.publishingProfile), location, BODY, publishedDate, 'Microsoft.Compute/galleries/images/versions');
    const eol = publishingProfile.endOfLifeDate;
    const safety = asObject(properties.safetyProfile) ?? {};
    if (safety.blockDeletionBeforeEndOfLife === true && typeof eol !== 'string') {
      throw invalidParameter(
        "'safetyProfile.blockDeletionBeforeEndOfLife' can only be set when 'publishingProfile.endOfLifeDate' is set.",
        `${BODY}.properties.safetyProfile.blockDeletionBeforeEndOfLife`,
      );
    }
    const osDisk: JsonObject = { ...(asObject(storageProfile.osDiskImage) ?? {}), hostCaching: asString(asObject(storageProfile.osDiskImage)?.hostCaching) ?? 'ReadWrite', sizeInGB: info.sizeGB };
    const sp: JsonObject = { osDiskImage: osDisk };
    if (!onDisk) sp.source = { id: sourceId };
    const dataDisks = (asArray(storageProfile.dataDiskImages) ?? []).filter(isObject);
    if (dataDisks.length > 0) {
      const luns = dataDisks.map((d) => d.lun);
      if (new Set(luns).size !== luns.length) {
        throw invalidParameter('Duplicated lun numbers have been detected in the input data disks. Lun number must be unique for each data disk.', `${BODY}.properties.storageProfile.dataDiskImages`);
      }
      sp.dataDiskImages = dataDisks.map((d) => ({ ...d, hostCaching: asString(d.hostCaching) ?? 'None', sizeInGB: 32 }));
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
    resource.replication = replan(resource, previous?.replication, replication.durationMs, replication.failRegions);
    return true;
  },
  beforeDelete(_ctx, resource) {
    const safety = asObject(resource.properties.safetyProfile);
    const eol = asString(asObject(resource.properties.publishingProfile)?.endOfLifeDate);
    if (safety?.blockDeletionBeforeEndOfLife === true && eol && Date.parse(eol) > Date.now()) {
      throw conflict(
        'OperationNotAllowed',
        `Deleting the gallery image version '${resource.name}' is not allowed before its end of life date '${eol}' because 'safetyProfile.blockDeletionBeforeEndOfLife' is set.`,
        `${BODY}.properties.safetyProfile.blockDeletionBeforeEndOfLife`,
      );
    }
  },
  render(ctx, r) {
    return renderVersion(r, ctx.query.get('$expand')?.toLowerCase() === 'replicationstatus');
  },
};

export function renderVersion(r: StoredResource, expandReplication: boolean): JsonObject {
  const props: JsonObject = {
    publishingProfile: r.properties.publishingProfile,
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
