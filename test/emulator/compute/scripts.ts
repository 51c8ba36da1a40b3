import { invalidParameter } from '../arm/errors';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asObject, asString } from '../json';
import type { ArtifactKind } from './artifacts';
import { envelope, registerArtifact } from './artifacts';
import { galleryKind } from './galleries';
import { OS_TYPES } from './images';
import { normalizePublishing, replan } from './publishing';
import { displayRegion, replicationStatusBody } from './replication';
import { checkArtifactName, checkVersionName, oneOf } from './rules';

/** Gallery scripts and in-VM access control profiles: newer gallery artifacts, kept to the spec's shapes. */
const SCRIPT_NAME = /^[a-zA-Z0-9]+([_]?[a-zA-Z0-9]+)*$/;

export const scriptKind: ArtifactKind = {
  type: 'Microsoft.Compute/galleries/scripts',
  typeName: 'galleries/scripts',
  bodyName: 'galleryScript',
  template: `${galleryKind.template}/scripts/{galleryScriptName}`,
  nameParam: 'galleryScriptName',
  parent: galleryKind,
  childTypes: ['Microsoft.Compute/galleries/scripts/versions'],
  immediate: true,
  checkName(name) {
    if (!SCRIPT_NAME.test(name) || name.length > 80) throw invalidParameter(`The gallery script name '${name}' is invalid.`, 'galleryScriptName');
  },
  prepare({ properties }) {
    const supportedOSType = oneOf(properties.supportedOSType, OS_TYPES, 'galleryScript.properties.supportedOSType', true)!;
    const { provisioningState: _p, ...rest } = properties;
    return { ...rest, supportedOSType };
  },
  render(_ctx, r) {
    return envelope(r, { ...r.properties, provisioningState: r.provisioningState });
  },
};

export const scriptVersionKind: ArtifactKind = {
  type: 'Microsoft.Compute/galleries/scripts/versions',
  typeName: 'galleries/scripts/versions',
  bodyName: 'galleryScriptVersion',
  template: `${scriptKind.template}/versions/{galleryScriptVersionName}`,
  nameParam: 'galleryScriptVersionName',
  parent: scriptKind,
  childTypes: [],
  immediate: true,
  checkName: (name) => checkVersionName(name, 'galleryScriptVersionName'),
  prepare({ properties, location, existing }) {
    const body = 'galleryScriptVersion';
    const profile = asObject(properties.publishingProfile);
    if (!asString(asObject(profile?.source)?.scriptLink)) {
      throw invalidParameter(`Required parameter '${body}.properties.publishingProfile.source.scriptLink' is missing (null).`, `${body}.properties.publishingProfile.source.scriptLink`);
    }
    const publishedDate = asString(asObject(existing?.properties.publishingProfile)?.publishedDate) ?? new Date().toISOString();
    return {
      publishingProfile: normalizePublishing(profile, location, body, publishedDate, 'Microsoft.Compute/galleries/scripts/versions'),
      safetyProfile: { allowDeletionOfReplicatedLocations: false, ...(asObject(properties.safetyProfile) ?? {}) },
    };
  },
  afterWrite(_ctx, resource, _created, previous) {
    resource.replication = replan(resource, previous?.replication, 0, []);
    return false;
  },
  render(_ctx, r) {
    return envelope(r, { ...r.properties, provisioningState: r.provisioningState, replicationStatus: replicationStatusBody(r, Date.now()) });
  },
};

export const profileKind: ArtifactKind = {
  type: 'Microsoft.Compute/galleries/inVMAccessControlProfiles',
  typeName: 'galleries/inVMAccessControlProfiles',
  bodyName: 'galleryInVMAccessControlProfile',
  template: `${galleryKind.template}/inVMAccessControlProfiles/{inVMAccessControlProfileName}`,
  nameParam: 'inVMAccessControlProfileName',
  parent: galleryKind,
  childTypes: ['Microsoft.Compute/galleries/inVMAccessControlProfiles/versions'],
  immediate: true,
  checkName: (name) => checkArtifactName(name, 'inVMAccessControlProfileName', 'in-VM access control profile'),
  prepare({ properties, existing }) {
    const body = 'galleryInVMAccessControlProfile.properties';
    const osType = oneOf(properties.osType, OS_TYPES, `${body}.osType`, true)!;
    const applicableHostEndpoint = oneOf(properties.applicableHostEndpoint, ['WireServer', 'IMDS'] as const, `${body}.applicableHostEndpoint`, true)!;
    if (existing && existing.properties.osType !== osType) throw invalidParameter(`Changing property '${body}.osType' is not allowed.`, `${body}.osType`);
    const { provisioningState: _p, ...rest } = properties;
    return { ...rest, osType, applicableHostEndpoint };
  },
  render(_ctx, r) {
    return envelope(r, { ...r.properties, provisioningState: r.provisioningState });
  },
};

export const profileVersionKind: ArtifactKind = {
  type: 'Microsoft.Compute/galleries/inVMAccessControlProfiles/versions',
  typeName: 'galleries/inVMAccessControlProfiles/versions',
  bodyName: 'galleryInVMAccessControlProfileVersion',
  template: `${profileKind.template}/versions/{inVMAccessControlProfileVersionName}`,
  nameParam: 'inVMAccessControlProfileVersionName',
  parent: profileKind,
  childTypes: [],
  immediate: true,
  checkName: (name) => checkVersionName(name, 'inVMAccessControlProfileVersionName'),
  prepare({ properties, location, existing }) {
    const body = 'galleryInVMAccessControlProfileVersion.properties';
    const mode = oneOf(properties.mode, ['Audit', 'Enforce', 'Disabled'] as const, `${body}.mode`, true)!;
    const defaultAccess = oneOf(properties.defaultAccess, ['Allow', 'Deny'] as const, `${body}.defaultAccess`, true)!;
    const { provisioningState: _p, replicationStatus: _r, publishedDate: _d, ...rest } = properties;
    const targets = Array.isArray(properties.targetLocations) && properties.targetLocations.length > 0 ? properties.targetLocations : [{ name: location }];
    const out: JsonObject = {
      ...rest,
      mode,
      defaultAccess,
      targetLocations: targets.map((t) => (asObject(t) ? { ...asObject(t)!, name: displayRegion(String(asObject(t)!.name)) } : t)),
      excludeFromLatest: properties.excludeFromLatest ?? false,
      publishedDate: asString(existing?.properties.publishedDate) ?? new Date().toISOString(),
    };
    return out;
  },
  afterWrite(_ctx, resource) {
    resource.replication = [];
    return false;
  },
  render(_ctx, r) {
    return envelope(r, { ...r.properties, provisioningState: r.provisioningState });
  },
};

export function registerScripts(emu: Emulator): void {
  registerArtifact(emu, scriptKind, `${galleryKind.template}/scripts`, 'Microsoft.Compute/galleries/scripts');
  registerArtifact(emu, scriptVersionKind, `${scriptKind.template}/versions`, 'Microsoft.Compute/galleries/scripts/versions');
  registerArtifact(emu, profileKind, `${galleryKind.template}/inVMAccessControlProfiles`, 'Microsoft.Compute/galleries/inVMAccessControlProfiles');
  registerArtifact(emu, profileVersionKind, `${profileKind.template}/versions`, 'Microsoft.Compute/galleries/inVMAccessControlProfiles/versions');
}
