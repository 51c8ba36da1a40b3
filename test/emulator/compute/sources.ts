import * as crypto from 'node:crypto';
import { COMPUTE_API_VERSIONS, DISK_API_VERSIONS } from '../arm/apiVersions';
import { page } from '../arm/paging';
import { notFoundError } from '../arm/notFound';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asArray, asObject, asString, isObject } from '../json';
import type { EmulatorState, StoredResource } from '../state';
import { findResourceGroup, getResource, resourcesOfType } from '../state';

/** What an image version needs to know about its source, whatever its kind. */
export interface SourceInfo {
  kind: 'image' | 'virtualMachine' | 'disk' | 'snapshot' | 'galleryImageVersion';
  id: string;
  location: string;
  osType: 'Windows' | 'Linux';
  osState: 'Generalized' | 'Specialized';
  hyperVGeneration: 'V1' | 'V2';
  securityType: 'Standard' | 'TrustedLaunch' | 'ConfidentialVM';
  sizeGB: number;
  /** The data disks an image version made from this source gets (a VM's, a managed image's, a version's). */
  dataDisks: SourceDataDisk[];
  /** A disk or snapshot of a data disk (no OS): usable only as a data disk image. */
  isDataDisk: boolean;
  /** A VM's managed disks' storage types (Azure refuses UltraSSD_LRS ones). */
  diskTypes: Array<{ id: string; storageAccountType: string }>;
  /** A VM's OS disk kind when it is not a plain managed disk. */
  osDiskKind?: 'ephemeral' | 'unmanaged';
}

export interface SourceDataDisk {
  lun: number;
  sizeGB: number;
  hostCaching?: string;
}

export const SOURCE_TYPES = {
  image: 'Microsoft.Compute/images',
  virtualMachine: 'Microsoft.Compute/virtualMachines',
  disk: 'Microsoft.Compute/disks',
  snapshot: 'Microsoft.Compute/snapshots',
} as const;

export interface SourceSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  osType: 'Windows' | 'Linux';
  hyperVGeneration?: 'V1' | 'V2';
  securityType?: 'Standard' | 'TrustedLaunch' | 'ConfidentialVM';
  osState?: 'Generalized' | 'Specialized';
  sizeGB?: number;
  tags?: Record<string, string>;
  /**
   * A VM's OS disk made before Azure had Generation 2: the disk resource carries no
   * hyperVGeneration (Azure treats it as V1). Only for virtual machines.
   */
  osDiskWithoutGeneration?: boolean;
  /** A VM whose OS disk is ephemeral (diffDiskSettings Local), or an unmanaged VHD. Only for VMs. */
  osDiskKind?: 'ephemeral' | 'unmanaged';
  /** Data disks of a VM or managed image (a VM gets a managed disk resource for each). */
  dataDisks?: Array<{ lun: number; sizeGB?: number; storageAccountType?: string }>;
  /** A disk or snapshot of a data disk: no osType on the resource. Only for disks and snapshots. */
  dataDisk?: boolean;
}

function baseId(s: SourceSpec, type: string): string {
  return `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/${type}/${s.name}`;
}

function meta(s: SourceSpec): JsonObject {
  return {
    osType: s.osType,
    osState: s.osState ?? 'Generalized',
    hyperVGeneration: s.hyperVGeneration ?? 'V2',
    securityType: s.securityType ?? 'Standard',
    sizeGB: s.sizeGB ?? 30,
    dataDisk: s.dataDisk === true,
    dataDisks: (s.dataDisks ?? []).map((d) => ({ lun: d.lun, sizeGB: d.sizeGB ?? 64, hostCaching: 'None' })),
  };
}

function stored(s: SourceSpec, type: string, properties: JsonObject, extra?: JsonObject): StoredResource {
  const r: StoredResource = {
    id: baseId(s, type),
    name: s.name,
    type,
    location: s.location,
    properties,
    provisioningState: 'Succeeded',
    createdAt: new Date().toISOString(),
    meta: meta(s),
  };
  if (s.tags) r.tags = s.tags;
  if (extra) r.extra = extra;
  return r;
}

/** A managed image (always generalized; has no security type of its own). */
export function managedImage(s: SourceSpec): StoredResource {
  const hyperV = s.hyperVGeneration ?? 'V2';
  return stored({ ...s, osState: 'Generalized', securityType: 'Standard' }, SOURCE_TYPES.image, {
    storageProfile: {
      osDisk: { osType: s.osType, osState: 'Generalized', diskSizeGB: s.sizeGB ?? 30, caching: 'ReadWrite', storageAccountType: 'Premium_LRS' },
      dataDisks: (s.dataDisks ?? []).map((d) => ({ lun: d.lun, diskSizeGB: d.sizeGB ?? 64, caching: 'None', storageAccountType: d.storageAccountType ?? 'Premium_LRS' })),
      zoneResilient: true,
    },
    hyperVGeneration: hyperV,
  });
}

/**
 * A VM and its OS managed disk, as Azure keeps them: two resources, the VM referring to the disk by
 * `storageProfile.osDisk.managedDisk.id`. The VM's generation is its OS disk's `hyperVGeneration`
 * (the VM model has none), and the disk carries the VM's security profile.
 */
export function virtualMachine(spec: SourceSpec): { vm: StoredResource; osDisk: StoredResource; dataDisks: StoredResource[] } {
  const s: SourceSpec = spec.osDiskWithoutGeneration ? { ...spec, hyperVGeneration: 'V1' } : spec;
  const id = baseId(s, SOURCE_TYPES.virtualMachine);
  const hash = crypto.createHash('sha1').update(id).digest('hex').slice(0, 32);
  const osDiskName = `${s.name}_OsDisk_1_${hash}`;
  const osDiskSpec: SourceSpec = { ...s, name: osDiskName, tags: undefined, dataDisks: undefined };
  // Data disks are managed disks of their own, attached at their LUN (Azure names them as the portal does).
  const dataDiskSpecs = (s.dataDisks ?? []).map((d) => ({
    lun: d.lun,
    type: d.storageAccountType ?? 'Premium_LRS',
    spec: { ...s, name: `${s.name}_DataDisk_${d.lun}_${hash.slice(0, 8)}`, sizeGB: d.sizeGB ?? 64, tags: undefined, dataDisks: undefined, dataDisk: true } as SourceSpec,
  }));
  const props: JsonObject = {
    vmId: crypto.randomUUID(),
    hardwareProfile: { vmSize: 'Standard_D2s_v5' },
    storageProfile: {
      osDisk: {
        osType: s.osType,
        name: osDiskName,
        createOption: 'FromImage',
        caching: 'ReadWrite',
        managedDisk: {
          id: baseId(osDiskSpec, SOURCE_TYPES.disk),
          storageAccountType: 'Premium_LRS',
        },
        deleteOption: 'Delete',
        diskSizeGB: s.sizeGB ?? 30,
      },
      dataDisks: dataDiskSpecs.map((d) => ({
        lun: d.lun,
        name: d.spec.name,
        createOption: 'Empty',
        caching: 'None',
        managedDisk: { id: baseId(d.spec, SOURCE_TYPES.disk), storageAccountType: d.type },
        deleteOption: 'Detach',
        diskSizeGB: d.spec.sizeGB ?? 64,
        toBeDetached: false,
      })),
    },
    networkProfile: { networkInterfaces: [] },
    timeCreated: new Date().toISOString(),
  };
  if (s.securityType && s.securityType !== 'Standard') {
    props.securityProfile = { securityType: s.securityType, uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };
  }
  const osDiskModel = asObject(asObject(props.storageProfile)?.osDisk) ?? {};
  if (s.osDiskKind === 'ephemeral') Object.assign(osDiskModel, { caching: 'ReadOnly', diffDiskSettings: { option: 'Local', placement: 'CacheDisk' } });
  if (s.osDiskKind === 'unmanaged') {
    // An unmanaged OS disk is a page blob, not a disk resource.
    delete osDiskModel.managedDisk;
    osDiskModel.vhd = { uri: `https://${s.name.replace(/[^a-z0-9]/gi, '').toLowerCase()}disks.blob.core.windows.net/vhds/${osDiskName}.vhd` };
  }
  const vm = stored(s, SOURCE_TYPES.virtualMachine, props);
  if (s.osDiskKind) vm.meta = { ...vm.meta, osDiskKind: s.osDiskKind };
  const diskProperties: JsonObject = { ...diskProps(osDiskSpec), diskState: 'Attached', diskIOPSReadWrite: 500, diskMBpsReadWrite: 100 };
  if (s.osDiskWithoutGeneration) delete diskProperties.hyperVGeneration;
  const osDisk = stored(osDiskSpec, SOURCE_TYPES.disk, diskProperties, { sku: { name: 'Premium_LRS', tier: 'Premium' }, managedBy: vm.id });
  const dataDisks = dataDiskSpecs.map((d) =>
    stored(d.spec, SOURCE_TYPES.disk, { ...diskProps(d.spec), diskState: 'Attached', diskIOPSReadWrite: 500, diskMBpsReadWrite: 100 }, {
      sku: { name: d.type, tier: d.type.startsWith('Premium') ? 'Premium' : d.type.startsWith('Ultra') ? 'Ultra' : 'Standard' },
      managedBy: vm.id,
    }),
  );
  return { vm, osDisk, dataDisks };
}

function diskProps(s: SourceSpec): JsonObject {
  if (s.dataDisk) {
    // A data disk carries no OS type, generation or security type.
    return {
      creationData: { createOption: 'Empty' },
      diskSizeGB: s.sizeGB ?? 64,
      diskSizeBytes: (s.sizeGB ?? 64) * 1024 * 1024 * 1024,
      uniqueId: crypto.randomUUID(),
      timeCreated: new Date().toISOString(),
      networkAccessPolicy: 'AllowAll',
      publicNetworkAccess: 'Enabled',
    };
  }
  const p: JsonObject = {
    osType: s.osType,
    hyperVGeneration: s.hyperVGeneration ?? 'V2',
    creationData: { createOption: 'FromImage' },
    diskSizeGB: s.sizeGB ?? 30,
    diskSizeBytes: (s.sizeGB ?? 30) * 1024 * 1024 * 1024,
    uniqueId: crypto.randomUUID(),
    timeCreated: new Date().toISOString(),
    networkAccessPolicy: 'AllowAll',
    publicNetworkAccess: 'Enabled',
    supportedCapabilities: { architecture: 'x64' },
  };
  if (s.securityType && s.securityType !== 'Standard') {
    p.securityProfile = { securityType: s.securityType === 'ConfidentialVM' ? 'ConfidentialVM_VMGuestStateOnlyEncryptedWithPlatformKey' : 'TrustedLaunch' };
  }
  return p;
}

export function disk(s: SourceSpec): StoredResource {
  return stored(s, SOURCE_TYPES.disk, { ...diskProps(s), diskState: 'Unattached', diskIOPSReadWrite: 500, diskMBpsReadWrite: 100 }, {
    sku: { name: 'Premium_LRS', tier: 'Premium' },
  });
}

export function snapshot(s: SourceSpec): StoredResource {
  return stored(s, SOURCE_TYPES.snapshot, { ...diskProps(s), diskState: 'Unattached', incremental: false }, {
    sku: { name: 'Standard_LRS', tier: 'Standard' },
  });
}

/** What the emulator knows about a source id, or undefined if there is no such source. */
export function describeSource(state: EmulatorState, id: string): SourceInfo | undefined {
  const r = getResource(state, id);
  if (!r) return undefined;
  const kinds: Record<string, SourceInfo['kind']> = {
    'microsoft.compute/images': 'image',
    'microsoft.compute/virtualmachines': 'virtualMachine',
    'microsoft.compute/disks': 'disk',
    'microsoft.compute/snapshots': 'snapshot',
    'microsoft.compute/galleries/images/versions': 'galleryImageVersion',
  };
  const kind = kinds[r.type.toLowerCase()];
  if (!kind) return undefined;
  const m = asObject(r.meta) ?? {};
  const generation = kind === 'virtualMachine' ? vmGeneration(state, r) : kind === 'galleryImageVersion' ? undefined : generationOf(r);
  return {
    kind,
    id: r.id,
    location: r.location,
    osType: (asString(m.osType) as SourceInfo['osType']) ?? 'Linux',
    osState: (asString(m.osState) as SourceInfo['osState']) ?? 'Generalized',
    hyperVGeneration: generation ?? (asString(m.hyperVGeneration) as SourceInfo['hyperVGeneration']) ?? 'V1',
    securityType: (asString(m.securityType) as SourceInfo['securityType']) ?? 'Standard',
    sizeGB: typeof m.sizeGB === 'number' ? m.sizeGB : 30,
    dataDisks: dataDisksOf(r, m),
    isDataDisk: m.dataDisk === true,
    diskTypes: kind === 'virtualMachine' ? vmDiskTypes(r) : [],
    osDiskKind: (asString(m.osDiskKind) as SourceInfo['osDiskKind']) ?? undefined,
  };
}

/** The data disks a version made from `r` gets: a version's own dataDiskImages, else what the seed recorded. */
function dataDisksOf(r: StoredResource, m: JsonObject): SourceDataDisk[] {
  if (r.type.toLowerCase() === 'microsoft.compute/galleries/images/versions') {
    const images = asArray(asObject(r.properties.storageProfile)?.dataDiskImages) ?? [];
    return images.filter(isObject).map((d) => ({ lun: Number(d.lun), sizeGB: typeof d.sizeInGB === 'number' ? d.sizeInGB : 64, hostCaching: asString(d.hostCaching) }));
  }
  return (asArray(m.dataDisks) ?? []).filter(isObject).map((d) => ({ lun: Number(d.lun), sizeGB: typeof d.sizeGB === 'number' ? d.sizeGB : 64, hostCaching: asString(d.hostCaching) }));
}

/** A VM's managed disks with their storage types (the OS disk first). */
function vmDiskTypes(vm: StoredResource): Array<{ id: string; storageAccountType: string }> {
  const sp = asObject(vm.properties.storageProfile);
  const disks = [asObject(sp?.osDisk), ...(asArray(sp?.dataDisks) ?? []).filter(isObject)];
  return disks
    .map((d) => asObject(d?.managedDisk))
    .filter((d): d is JsonObject => d !== undefined)
    .map((d) => ({ id: asString(d.id) ?? '', storageAccountType: asString(d.storageAccountType) ?? 'Premium_LRS' }));
}

/** A managed image's, disk's or snapshot's generation: its hyperVGeneration, V1 (Azure's default) when it has none. */
function generationOf(r: StoredResource): SourceInfo['hyperVGeneration'] {
  return asString(r.properties.hyperVGeneration)?.toUpperCase() === 'V2' ? 'V2' : 'V1';
}

/** A VM's generation is its OS managed disk's (the VM model carries none). */
function vmGeneration(state: EmulatorState, vm: StoredResource): SourceInfo['hyperVGeneration'] {
  const diskId = asString(asObject(asObject(asObject(vm.properties.storageProfile)?.osDisk)?.managedDisk)?.id);
  const osDisk = diskId ? getResource(state, diskId) : undefined;
  if (osDisk) return generationOf(osDisk);
  // Every seeded VM has its OS disk; one made otherwise keeps the generation it was made with.
  return (asString(asObject(vm.meta)?.hyperVGeneration) as SourceInfo['hyperVGeneration'] | undefined) ?? 'V2';
}

export function renderSource(r: StoredResource): JsonObject {
  const out: JsonObject = { id: r.id, name: r.name, type: r.type, location: r.location };
  if (r.tags) out.tags = r.tags;
  if (r.extra) Object.assign(out, r.extra);
  out.properties = { ...r.properties, provisioningState: r.provisioningState };
  return out;
}

/** Read-only routes for the sources an image version can be made from. */
export function registerSources(emu: Emulator): void {
  const families: Array<{ segment: string; type: string; versions: readonly string[] }> = [
    { segment: 'images', type: SOURCE_TYPES.image, versions: COMPUTE_API_VERSIONS },
    { segment: 'virtualMachines', type: SOURCE_TYPES.virtualMachine, versions: COMPUTE_API_VERSIONS },
    { segment: 'disks', type: SOURCE_TYPES.disk, versions: DISK_API_VERSIONS },
    { segment: 'snapshots', type: SOURCE_TYPES.snapshot, versions: DISK_API_VERSIONS },
  ];
  for (const f of families) {
    const opts = { auth: 'arm' as const, family: 'provider' as const, apiVersions: f.versions, typeName: f.segment, action: `${f.type}/read` };
    emu.router.add('GET', `/subscriptions/{subscriptionId}/providers/Microsoft.Compute/${f.segment}`, opts, (ctx) => ({
      status: 200,
      body: page(ctx, resourcesOfType(ctx.emu.state, f.type, `/subscriptions/${ctx.params.subscriptionId}`).map(renderSource)),
    }));
    emu.router.add('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/${f.segment}`, opts, (ctx) => {
      const rg = findResourceGroup(ctx.emu.state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
      const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${rg?.name ?? ctx.params.resourceGroupName}`;
      return { status: 200, body: page(ctx, resourcesOfType(ctx.emu.state, f.type, scope).map(renderSource)) };
    });
    emu.router.add('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/${f.segment}/{name}`, opts, (ctx) => {
      const r = getResource(ctx.emu.state, ctx.path.replace(/\/$/, ''));
      if (!r || r.type.toLowerCase() !== f.type.toLowerCase()) throw notFoundError(ctx.path, ctx.params.resourceGroupName);
      return { status: 200, body: renderSource(r) };
    });
  }
}
