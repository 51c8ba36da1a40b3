import * as crypto from 'node:crypto';
import { COMPUTE_API_VERSIONS, DISK_API_VERSIONS } from '../arm/apiVersions';
import { page } from '../arm/paging';
import { notFoundError } from '../arm/notFound';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import { asObject, asString } from '../json';
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
      dataDisks: [],
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
export function virtualMachine(spec: SourceSpec): { vm: StoredResource; osDisk: StoredResource } {
  const s: SourceSpec = spec.osDiskWithoutGeneration ? { ...spec, hyperVGeneration: 'V1' } : spec;
  const id = baseId(s, SOURCE_TYPES.virtualMachine);
  const osDiskName = `${s.name}_OsDisk_1_${crypto.createHash('sha1').update(id).digest('hex').slice(0, 32)}`;
  const osDiskSpec: SourceSpec = { ...s, name: osDiskName, tags: undefined };
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
      dataDisks: [],
    },
    networkProfile: { networkInterfaces: [] },
    timeCreated: new Date().toISOString(),
  };
  if (s.securityType && s.securityType !== 'Standard') {
    props.securityProfile = { securityType: s.securityType, uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };
  }
  const vm = stored(s, SOURCE_TYPES.virtualMachine, props);
  const diskProperties: JsonObject = { ...diskProps(osDiskSpec), diskState: 'Attached', diskIOPSReadWrite: 500, diskMBpsReadWrite: 100 };
  if (s.osDiskWithoutGeneration) delete diskProperties.hyperVGeneration;
  const osDisk = stored(osDiskSpec, SOURCE_TYPES.disk, diskProperties, { sku: { name: 'Premium_LRS', tier: 'Premium' }, managedBy: vm.id });
  return { vm, osDisk };
}

function diskProps(s: SourceSpec): JsonObject {
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
  if (kind === 'galleryImageVersion') {
    const m = r.meta ?? {};
    return {
      kind,
      id: r.id,
      location: r.location,
      osType: (asString(m.osType) as SourceInfo['osType']) ?? 'Linux',
      osState: (asString(m.osState) as SourceInfo['osState']) ?? 'Generalized',
      hyperVGeneration: (asString(m.hyperVGeneration) as SourceInfo['hyperVGeneration']) ?? 'V1',
      securityType: (asString(m.securityType) as SourceInfo['securityType']) ?? 'Standard',
      sizeGB: typeof m.sizeGB === 'number' ? m.sizeGB : 30,
    };
  }
  const m = asObject(r.meta) ?? {};
  return {
    kind,
    id: r.id,
    location: r.location,
    osType: (asString(m.osType) as SourceInfo['osType']) ?? 'Linux',
    osState: (asString(m.osState) as SourceInfo['osState']) ?? 'Generalized',
    hyperVGeneration: kind === 'virtualMachine' ? vmGeneration(state, r) : generationOf(r),
    securityType: (asString(m.securityType) as SourceInfo['securityType']) ?? 'Standard',
    sizeGB: typeof m.sizeGB === 'number' ? m.sizeGB : 30,
  };
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

function renderSource(r: StoredResource): JsonObject {
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
