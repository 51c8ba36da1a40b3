import { ArmError, invalidParameter } from '../arm/errors';
import { canAccess } from '../access';
import type { Ctx } from '../http';
import type { JsonObject } from '../json';
import { asArray, asObject, asString, isObject } from '../json';
import type { StoredResource } from '../state';
import { childrenOf, findSubscription, getResource, resourcesOfType } from '../state';
import { GALLERY_TYPE, sharingOf, uniqueNameOf } from './galleries';
import { IMAGE_TYPE } from './images';
import { blobEndpointOf, findStorageAccount } from './keysAndStorage';
import { targetRegionNames } from './publishing';
import { normalizeRegion } from './replication';
import type { SourceDataDisk, SourceInfo } from './sources';
import { describeSource } from './sources';

// Where an image version's disks come from, as Azure takes them (GalleryRP.json
// `GalleryImageVersionStorageProfile`): one source for the whole image under `storageProfile.source`
// (`id` of a managed image, VM or gallery image version, or a direct-shared `/SharedGalleries/…` id;
// `virtualMachineId`; `communityGalleryImageId`), or a source per disk under `osDiskImage.source`
// and `dataDiskImages[].source` (`id` of a managed disk or snapshot, or a VHD: `storageAccountId` +
// `uri`, older clients send the storage account as `id` next to `uri`: azure-cli custom.py
// `create_image_version`). Every refusal quotes troubleshooting-shared-images.md
// (https://learn.microsoft.com/azure/virtual-machines/troubleshooting-shared-images) unless noted.

const BODY = 'galleryImageVersion';
const VERSION_TYPE = 'Microsoft.Compute/galleries/images/versions';
export const ONE_SOURCE =
  'The gallery artifact version source can only be specified either directly under storageProfile or within individual OS or data disks. One and only one source type (user image, snapshot, disk, virtual machine) can be provided.';

/** What the version is made of, after every source was found and checked. */
export interface ResolvedStorage {
  storageProfile: JsonObject;
  /** The OS disk's facts (from the source, or the definition's for a VHD). */
  os: Pick<SourceInfo, 'osType' | 'osState' | 'hyperVGeneration' | 'securityType' | 'sizeGB'>;
  /** LUNs of the version's data disks (what encryption.dataDiskImages may name). */
  dataLuns: number[];
}

interface DiskSource {
  /** The path of the member that names it, for `target`. */
  path: string;
  id?: string;
  uri?: string;
  storageAccountId?: string;
}

function diskSourceOf(disk: JsonObject | undefined, path: string): DiskSource | undefined {
  const src = asObject(disk?.source);
  if (!src) return undefined;
  const uri = asString(src.uri);
  const id = asString(src.id);
  const storageAccountId = asString(src.storageAccountId) ?? (uri ? id : undefined);
  if (!uri && !id && !storageAccountId) return undefined;
  return uri ? { path, uri, storageAccountId } : { path, id };
}

/** `storageProfile.source`: which member names it (at most one). */
function topSourceOf(sp: JsonObject): { member: 'id' | 'virtualMachineId' | 'communityGalleryImageId'; value: string } | undefined {
  const src = asObject(sp.source);
  if (!src) return undefined;
  const named = (['id', 'virtualMachineId', 'communityGalleryImageId'] as const).filter((m) => typeof src[m] === 'string' && src[m] !== '');
  if (named.length > 1) throw invalidParameter(ONE_SOURCE, `${BODY}.properties.storageProfile.source`);
  return named.length === 1 ? { member: named[0], value: String(src[named[0]]) } : undefined;
}

function sourceNotFound(id: string, path: string): ArmError {
  return invalidParameter(`Source was not found: ${id}. Please make sure the source exists.`, `${BODY}.properties.${path}`);
}

function notInRegion(id: string, path: string): ArmError {
  return invalidParameter(
    `Source ${id} is not found. Please check source exists, and is in the same region as gallery image version being created.`,
    `${BODY}.properties.${path}`,
  );
}

function checkResourceId(ctx: Ctx, id: string, path: string, definition: StoredResource): void {
  if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\//i.test(id)) {
    throw invalidParameter(
      `Property id '${id}' at path 'properties.${path}' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.`,
      `${BODY}.properties.${path}`,
    );
  }
  if (!canAccess(ctx, id.split('/')[2])) {
    // ARM's linked-access check (a source in a subscription the caller cannot read).
    throw new ArmError(
      403,
      'LinkedAuthorizationFailed',
      `The client '${ctx.caller?.objectId ?? ''}' has permission to perform action 'Microsoft.Compute/galleries/images/versions/write' on scope '${definition.id}', however it does not have permission to perform action 'read' on the linked scope(s) '${id}' or the linked scope(s) are invalid.`,
    );
  }
}

/** A gallery image version source must have a replica in the new version's region; other sources must be in it. */
function checkRegion(ctx: Ctx, info: SourceInfo, location: string, path: string): void {
  const here = normalizeRegion(location);
  const version = info.kind === 'galleryImageVersion' ? getResource(ctx.emu.state, info.id) : undefined;
  const ok = normalizeRegion(info.location) === here || (version !== undefined && targetRegionNames(version).includes(here));
  if (!ok) throw notInRegion(info.id, path);
}

/** The newest version of an image that `latest` would pick (not excluded, finished). */
export function latestVersion(versions: StoredResource[]): StoredResource | undefined {
  const key = (v: StoredResource): number[] => v.name.split('.').map(Number);
  return versions
    .filter((v) => asObject(v.properties.publishingProfile)?.excludeFromLatest !== true)
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    })
    .pop();
}

/**
 * `/CommunityGalleries/{publicName}/Images/{image}[/Versions/{version}]` or
 * `/SharedGalleries/{uniqueName}/Images/{image}[/Versions/{version}]` → the gallery image version it
 * names (an image alone: its latest version, as the spec example
 * GalleryImageVersion_Create_WithCommunityImageVersionAsSource.json names an image). A shared
 * gallery must be shared with the version's subscription or the caller's tenant.
 */
export function resolvePublished(ctx: Ctx, id: string): StoredResource | undefined {
  const m = /^\/(CommunityGalleries|SharedGalleries)\/([^/]+)\/Images\/([^/]+)(?:\/Versions\/([^/]+))?$/i.exec(id);
  if (!m) return undefined;
  const community = m[1].toLowerCase() === 'communitygalleries';
  const name = m[2].toLowerCase();
  const sub = ctx.params.subscriptionId.toLowerCase();
  const tenant = (ctx.caller?.tenantId ?? findSubscription(ctx.emu.state, ctx.params.subscriptionId)?.tenantId ?? '').toLowerCase();
  const gallery = resourcesOfType(ctx.emu.state, GALLERY_TYPE).find((g) => {
    const s = sharingOf(g);
    if (community) {
      const names = (asArray(s.community?.publicNames) ?? []).map((n) => String(n).toLowerCase());
      return s.permissions === 'Community' && s.community?.communityGalleryEnabled === true && names.includes(name);
    }
    const ids = (type: string): string[] => s.groups.filter((x) => x.type === type).flatMap((x) => x.ids.map((i) => i.toLowerCase()));
    const mine = g.id.split('/')[2].toLowerCase() === sub;
    return uniqueNameOf(g).toLowerCase() === name && s.permissions === 'Groups' && (mine || ids('Subscriptions').includes(sub) || ids('AADTenants').includes(tenant));
  });
  if (!gallery) return undefined;
  const image = childrenOf(ctx.emu.state, gallery.id, IMAGE_TYPE).find((i) => i.name.toLowerCase() === m[3].toLowerCase());
  if (!image) return undefined;
  const versions = childrenOf(ctx.emu.state, image.id, VERSION_TYPE).filter((v) => v.provisioningState === 'Succeeded');
  return m[4] ? versions.find((v) => v.name.toLowerCase() === m[4].toLowerCase()) : latestVersion(versions);
}

/** A whole-image source: managed image, VM, gallery image version (own, shared or community). */
function resolveTop(ctx: Ctx, top: NonNullable<ReturnType<typeof topSourceOf>>, definition: StoredResource, location: string): SourceInfo {
  const path = `storageProfile.source.${top.member}`;
  const id = top.value;
  let info: SourceInfo | undefined;
  if (top.member === 'communityGalleryImageId' || /^\/SharedGalleries\//i.test(id)) {
    if (top.member === 'communityGalleryImageId' && !/^\/CommunityGalleries\//i.test(id)) throw sourceNotFound(id, path);
    const v = resolvePublished(ctx, id);
    info = v ? describeSource(ctx.emu.state, v.id) : undefined;
    if (!info) throw sourceNotFound(id, path);
  } else {
    checkResourceId(ctx, id, path, definition);
    info = describeSource(ctx.emu.state, id);
    if (!info) throw sourceNotFound(id, path);
    const allowed = top.member === 'virtualMachineId' ? ['virtualMachine'] : ['image', 'virtualMachine', 'galleryImageVersion'];
    if (!allowed.includes(info.kind)) {
      throw invalidParameter(`The source id: ${id} must either be a managed image, virtual machine or another gallery image version`, `${BODY}.properties.${path}`);
    }
  }
  checkRegion(ctx, info, location, path);
  if (info.osDiskKind === 'ephemeral') {
    throw invalidParameter(`Source virtual machine ${id} cannot contain an ephemeral OS disk`, `${BODY}.properties.${path}`);
  }
  if (info.osDiskKind === 'unmanaged') {
    throw invalidParameter(`Source virtual machine ${id} must be created from Managed Disks`, `${BODY}.properties.${path}`);
  }
  const ultra = info.diskTypes.find((d) => d.storageAccountType.toLowerCase() === 'ultrassd_lrs');
  if (ultra) {
    throw invalidParameter(`Source virtual machine ${id} cannot contain disk ['${ultra.id}'] stored in an UltraSSD account type`, `${BODY}.properties.${path}`);
  }
  return info;
}

/** One disk's source: a managed disk or snapshot in the version's region, or a VHD on a storage account there. */
function resolveDisk(ctx: Ctx, src: DiskSource, definition: StoredResource, location: string, os: boolean): SourceInfo | undefined {
  if (src.uri !== undefined) {
    const accountId = src.storageAccountId ?? '';
    const accountPath = `${src.path}.storageAccountId`;
    if (!accountId) throw invalidParameter(`Required parameter '${BODY}.properties.${accountPath}' is missing (null).`, `${BODY}.properties.${accountPath}`);
    checkResourceId(ctx, accountId, accountPath, definition);
    const account = findStorageAccount(ctx.emu.state, accountId);
    if (!account) throw sourceNotFound(accountId, accountPath);
    if (normalizeRegion(account.location) !== normalizeRegion(location)) throw notInRegion(src.uri, `${src.path}.uri`);
    // The blob must be on the account named with it (azure-rest-api-specs#10466: "CAPS will have to
    // validate the storage accounts match between those two"); the local Azure's wording.
    if (!src.uri.toLowerCase().startsWith(blobEndpointOf(account, ctx.emu).toLowerCase())) {
      throw invalidParameter(
        `The uri '${src.uri}' is not a blob of the storage account '${accountId}'. Give the storage account that holds the VHD.`,
        `${BODY}.properties.${src.path}.uri`,
      );
    }
    return undefined;
  }
  const id = src.id ?? '';
  const path = `${src.path}.id`;
  checkResourceId(ctx, id, path, definition);
  const info = describeSource(ctx.emu.state, id);
  if (!info) throw sourceNotFound(id, path);
  if (!['disk', 'snapshot'].includes(info.kind) || (os && info.isDataDisk)) {
    throw invalidParameter(`The source id: ${id} must be a managed disk or snapshot`, `${BODY}.properties.${path}`);
  }
  checkRegion(ctx, info, location, path);
  return info;
}

function luns(disks: JsonObject[]): number[] {
  const out = disks.map((d, i) => {
    if (typeof d.lun !== 'number' || !Number.isInteger(d.lun) || d.lun < 0) {
      throw invalidParameter(`Required parameter '${BODY}.properties.storageProfile.dataDiskImages[${i}].lun' is missing (null).`, `${BODY}.properties.storageProfile.dataDiskImages[${i}].lun`);
    }
    return d.lun;
  });
  if (new Set(out).size !== out.length) {
    throw invalidParameter('Duplicated lun numbers have been detected in the input data disks. Lun number must be unique for each data disk.', `${BODY}.properties.storageProfile.dataDiskImages`);
  }
  return out;
}

/** No two disks from the same source. */
function checkDistinct(os: DiskSource | undefined, data: DiskSource[]): void {
  const key = (s: DiskSource): string => (s.uri ?? s.id ?? '').toLowerCase();
  if (os?.uri && data.some((d) => key(d) === key(os))) {
    throw invalidParameter(`OSDiskImage and DataDiskImage cannot point to same blob ${os.uri}`, `${BODY}.properties.storageProfile.dataDiskImages`);
  }
  const all = [...(os ? [os] : []), ...data].map(key);
  if (new Set(all).size !== all.length) {
    throw invalidParameter('Duplicated source ids are found in the input disks. Source id should be unique for each disk', `${BODY}.properties.storageProfile.dataDiskImages`);
  }
}

/** The facts of a VHD's OS: whatever the definition says (the blob cannot be inspected). */
function fromDefinition(definition: StoredResource): ResolvedStorage['os'] {
  const p = definition.properties;
  return {
    osType: asString(p.osType) === 'Windows' ? 'Windows' : 'Linux',
    osState: asString(p.osState) === 'Specialized' ? 'Specialized' : 'Generalized',
    hyperVGeneration: asString(p.hyperVGeneration)?.toUpperCase() === 'V2' ? 'V2' : 'V1',
    securityType: 'Standard',
    sizeGB: 128,
  };
}

/** Checks a new version's sources and builds the storage profile Azure stores: what was sent, plus sizes and caching. */
export function resolveStorage(ctx: Ctx, sp: JsonObject, definition: StoredResource, location: string): ResolvedStorage {
  const top = topSourceOf(sp);
  const osDisk = asObject(sp.osDiskImage);
  const osSrc = diskSourceOf(osDisk, 'storageProfile.osDiskImage.source');
  const dataDisks = (asArray(sp.dataDiskImages) ?? []).filter(isObject);
  const dataSrcs = dataDisks.map((d, i) => diskSourceOf(d, `storageProfile.dataDiskImages[${i}].source`));
  const perDisk = osSrc !== undefined || dataSrcs.some((s) => s !== undefined);
  if ((top && perDisk) || (!top && !osSrc)) throw invalidParameter(ONE_SOURCE, `${BODY}.properties.storageProfile`);
  const sentLuns = luns(dataDisks);
  const out: JsonObject = { ...sp };
  if (top) {
    const info = resolveTop(ctx, top, definition, location);
    // The source's data disks become the version's (Azure shows them under dataDiskImages).
    const byLun = new Map(dataDisks.map((d) => [Number(d.lun), d]));
    for (const lun of sentLuns) {
      if (!info.dataDisks.some((d) => d.lun === lun)) {
        throw invalidParameter(
          `An invalid lun [${lun}] was specified in storageProfile.dataDiskImages. The lun must be one of the following values ['${info.dataDisks.map((d) => d.lun).join(',')}']`,
          `${BODY}.properties.storageProfile.dataDiskImages`,
        );
      }
    }
    out.osDiskImage = { ...(osDisk ?? {}), hostCaching: asString(osDisk?.hostCaching) ?? 'ReadWrite', sizeInGB: info.sizeGB };
    if (info.dataDisks.length > 0) out.dataDiskImages = info.dataDisks.map((d: SourceDataDisk) => dataImage(byLun.get(d.lun), d.lun, d.sizeGB, d.hostCaching));
    else delete out.dataDiskImages;
    return { storageProfile: out, os: info, dataLuns: info.dataDisks.map((d) => d.lun) };
  }
  const data = dataSrcs.map((s, i) => {
    if (!s) throw invalidParameter(`Required parameter '${BODY}.properties.storageProfile.dataDiskImages[${i}].source' is missing (null).`, `${BODY}.properties.storageProfile.dataDiskImages[${i}].source`);
    return s;
  });
  checkDistinct(osSrc, data);
  const osInfo = resolveDisk(ctx, osSrc!, definition, location, true);
  const dataInfos = data.map((s) => resolveDisk(ctx, s, definition, location, false));
  const os = osInfo ?? fromDefinition(definition);
  out.osDiskImage = { ...osDisk, hostCaching: asString(osDisk?.hostCaching) ?? 'ReadWrite', sizeInGB: os.sizeGB };
  if (dataDisks.length > 0) out.dataDiskImages = dataDisks.map((d, i) => dataImage(d, sentLuns[i], dataInfos[i]?.sizeGB ?? 128, undefined));
  return { storageProfile: out, os, dataLuns: sentLuns };
}

function dataImage(sent: JsonObject | undefined, lun: number, sizeGB: number, caching: string | undefined): JsonObject {
  return { ...(sent ?? {}), lun, hostCaching: asString(sent?.hostCaching) ?? caching ?? 'None', sizeInGB: sizeGB };
}

/**
 * An update keeps the sources: a sent source must be the stored one ("Changing property
 * 'galleryImageVersion.properties.storageProfile.<diskImage>.source.id' is not allowed"), and no data
 * disk may be added nor a LUN changed ("Adding new Data Disks or changing the LUN of a Data Disk in
 * an existing Image is not allowed"). An empty storageProfile keeps everything (spec example
 * GalleryImageVersion_Update_WithoutSourceId.json).
 */
export function checkStorageUpdate(sp: JsonObject, existing: JsonObject, changeError: (path: string) => ArmError): JsonObject {
  const before = topSourceOf(existing);
  const now = topSourceOf(sp);
  if (now && (!before || before.member !== now.member || before.value.toLowerCase() !== now.value.toLowerCase())) throw changeError(`storageProfile.source.${now.member}`);
  const pairs: Array<[JsonObject | undefined, JsonObject | undefined, string]> = [[asObject(sp.osDiskImage), asObject(existing.osDiskImage), 'storageProfile.osDiskImage.source']];
  const oldData = (asArray(existing.dataDiskImages) ?? []).filter(isObject);
  const newData = (asArray(sp.dataDiskImages) ?? []).filter(isObject);
  for (const d of newData) {
    const match = oldData.find((o) => o.lun === d.lun);
    if (!match) {
      throw invalidParameter('Adding new Data Disks or changing the LUN of a Data Disk in an existing Image is not allowed', `${BODY}.properties.storageProfile.dataDiskImages`);
    }
    pairs.push([d, match, `storageProfile.dataDiskImages.source`]);
  }
  for (const [n, o, path] of pairs) {
    const a = diskSourceOf(n, path);
    const b = diskSourceOf(o, path);
    if (a && (!b || (a.id ?? a.uri ?? '').toLowerCase() !== (b.id ?? b.uri ?? '').toLowerCase())) throw changeError(`${path}.${a.uri ? 'uri' : 'id'}`);
  }
  return existing;
}
