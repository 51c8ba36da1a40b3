import { invalidParameter } from '../arm/errors';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asObject, asString } from '../json';
import type { ArtifactKind } from './artifacts';
import { envelope, registerArtifact } from './artifacts';
import { galleryKind } from './galleries';
import { OS_TYPES } from './images';
import { normalizePublishing, replan } from './publishing';
import { replicationStatusBody } from './replication';
import { checkArtifactName, checkFutureDate, checkVersionName, oneOf, propertyChange } from './rules';

export const APPLICATION_TYPE = 'Microsoft.Compute/galleries/applications';
export const APPLICATION_VERSION_TYPE = 'Microsoft.Compute/galleries/applications/versions';
const APPLICATION_TEXT_MAX = 4096;

export const applicationKind: ArtifactKind = {
  type: APPLICATION_TYPE,
  typeName: 'galleries/applications',
  bodyName: 'galleryApplication',
  template: `${galleryKind.template}/applications/{galleryApplicationName}`,
  nameParam: 'galleryApplicationName',
  parent: galleryKind,
  childTypes: [APPLICATION_VERSION_TYPE],
  immediate: true,
  checkName: (name) => checkArtifactName(name, 'galleryApplicationName', 'gallery application'),
  prepare({ properties, existing }) {
    const supportedOSType = oneOf(properties.supportedOSType, OS_TYPES, 'galleryApplication.properties.supportedOSType', true)!;
    if (existing && String(existing.properties.supportedOSType).toLowerCase() !== supportedOSType.toLowerCase()) {
      throw propertyChange('galleryApplication', 'supportedOSType');
    }
    if (!existing || existing.properties.endOfLifeDate !== properties.endOfLifeDate) {
      checkFutureDate(properties.endOfLifeDate, 'galleryApplication.properties.endOfLifeDate');
    }
    const { provisioningState: _p, ...rest } = properties;
    return { ...rest, supportedOSType };
  },
  render(_ctx, r) {
    return envelope(r, { ...r.properties });
  },
};

export const applicationVersionKind: ArtifactKind = {
  type: APPLICATION_VERSION_TYPE,
  typeName: 'galleries/applications/versions',
  bodyName: 'galleryApplicationVersion',
  template: `${applicationKind.template}/versions/{galleryApplicationVersionName}`,
  nameParam: 'galleryApplicationVersionName',
  parent: applicationKind,
  childTypes: [],
  immediate: true,
  checkName: (name) => checkVersionName(name, 'galleryApplicationVersionName'),
  prepare({ properties, location, existing }) {
    const body = 'galleryApplicationVersion';
    const profile = asObject(properties.publishingProfile);
    if (!profile) throw invalidParameter(`Required parameter '${body}.properties.publishingProfile' is missing (null).`, `${body}.properties.publishingProfile`);
    const source = asObject(profile.source);
    if (!asString(source?.mediaLink)) {
      throw invalidParameter(`Required parameter '${body}.properties.publishingProfile.source.mediaLink' is missing (null).`, `${body}.properties.publishingProfile.source.mediaLink`);
    }
    const manage = asObject(profile.manageActions);
    if (manage && (!asString(manage.install) || !asString(manage.remove))) {
      throw invalidParameter(`Both 'install' and 'remove' are required in '${body}.properties.publishingProfile.manageActions'.`, `${body}.properties.publishingProfile.manageActions`);
    }
    // UserArtifactManage install / remove / update and UserArtifactSettings packageFileName /
    // configFileName: "This is limited to 4096 characters" (GalleryRP.json 2025-12-03).
    const settings = asObject(profile.settings);
    for (const [where, key] of [[manage, 'manageActions.install'], [manage, 'manageActions.remove'], [manage, 'manageActions.update'], [settings, 'settings.packageFileName'], [settings, 'settings.configFileName']] as const) {
      const value = asString(where?.[key.split('.')[1]!]);
      if (value !== undefined && value.length > APPLICATION_TEXT_MAX) {
        throw invalidParameter(`The value of '${key}' is ${value.length} characters long; it is limited to ${APPLICATION_TEXT_MAX} characters.`, `${body}.properties.publishingProfile.${key}`);
      }
    }
    // GalleryApplicationScriptRebootBehavior: None or Rerun (GalleryRP.json 2025-12-03).
    if (settings?.scriptBehaviorAfterReboot !== undefined) oneOf(settings.scriptBehaviorAfterReboot, ['None', 'Rerun'], `${body}.properties.publishingProfile.settings.scriptBehaviorAfterReboot`, false);
    const publishedDate = asString(asObject(existing?.properties.publishingProfile)?.publishedDate) ?? new Date().toISOString();
    const out: JsonObject = {
      publishingProfile: normalizePublishing(profile, location, body, publishedDate, APPLICATION_VERSION_TYPE),
      safetyProfile: { allowDeletionOfReplicatedLocations: false, ...(asObject(properties.safetyProfile) ?? {}) },
    };
    return out;
  },
  afterWrite(ctx, resource, _created, previous) {
    // Application packages are small: Azure reports them replicated almost at once. A region can
    // still fail as an image version's does (`POST /_admin/replication-faults` for this version):
    // the replication status is the same ReplicationStatus (GalleryRP.json 2025-12-03).
    resource.replication = replan(resource, previous?.replication, 0, ctx.emu.state.replicationFaults?.[resource.id.toLowerCase()] ?? []);
    return false;
  },
  render(ctx, r) {
    const props: JsonObject = {
      publishingProfile: r.properties.publishingProfile,
      safetyProfile: r.properties.safetyProfile,
      provisioningState: r.provisioningState,
    };
    if (ctx.query.get('$expand')?.toLowerCase() === 'replicationstatus') props.replicationStatus = replicationStatusBody(r, Date.now());
    return envelope(r, props);
  },
};

export function registerApplications(emu: Emulator): void {
  registerArtifact(emu, applicationKind, `${galleryKind.template}/applications`, 'Microsoft.Compute/galleries/applications');
  registerArtifact(emu, applicationVersionKind, `${applicationKind.template}/versions`, 'Microsoft.Compute/galleries/applications/versions');
}
