// What an image version can be made from, listed from one subscription: managed images, virtual
// machines, OS disks and snapshots, and the versions of its galleries — each with as much of its
// shape (OS, state, generation, architecture, security type) as Azure tells, so the command can
// say why a source does not fit a definition instead of hiding it.
import type { Disk, Image, Snapshot, VirtualMachine } from '@azure/arm-compute';
import { parseArchitecture, parseHyperVGeneration, parseOsState, parseOsType, parseSecurityType, vmGenerationsFromDisks } from '../model/imageRules';
import { compareVersions } from '../model/versions';
import { idParts } from './armPath';
import { computeClient } from './clientFactory';
import { azureCall } from './errors';
import { listGalleries } from './galleries';
import { listImageDefinitions } from './images';
import type { AzureTarget, CallOptions, ImageDefinition } from './types';
import type { VersionSource } from './writeTypes';

function resourceGroupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

/** A disk's or VM's security type as SourceShape reads it (ConfidentialVM_* variants are ConfidentialVM). */
function securityOf(text: string | undefined): VersionSource['securityType'] {
  if (!text) return 'Standard';
  const lower = text.toLowerCase();
  if (lower.startsWith('confidentialvm')) return 'ConfidentialVM';
  if (lower === 'trustedlaunch') return 'TrustedLaunch';
  return 'Standard';
}

function imageSource(i: Image): VersionSource | undefined {
  if (!i.id) return undefined;
  return {
    id: i.id,
    name: i.name ?? '',
    kind: 'image',
    location: i.location,
    resourceGroup: resourceGroupOf(i.id),
    osType: parseOsType(i.storageProfile?.osDisk?.osType),
    osState: parseOsState(i.storageProfile?.osDisk?.osState),
    hyperVGeneration: parseHyperVGeneration(i.hyperVGeneration),
    securityType: 'Standard',
    dataDisks: (i.storageProfile?.dataDisks ?? []).map((d) => ({ lun: d.lun, sizeGB: d.diskSizeGB })),
  };
}

/** Snapshots and managed disks carry the same fields; only OS disks (with an osType) can be a source. */
function osDiskSource(kind: 'snapshot' | 'disk', d: Snapshot | Disk): VersionSource | undefined {
  if (!d.id || !d.osType) return undefined;
  return {
    id: d.id,
    name: d.name ?? '',
    kind,
    location: d.location,
    resourceGroup: resourceGroupOf(d.id),
    osType: parseOsType(d.osType),
    hyperVGeneration: parseHyperVGeneration(d.hyperVGeneration),
    architecture: parseArchitecture(d.supportedCapabilities?.architecture),
    securityType: securityOf(d.securityProfile?.securityType),
  };
}

function vmSource(vm: VirtualMachine, generationOf: ReturnType<typeof vmGenerationsFromDisks>): VersionSource | undefined {
  if (!vm.id) return undefined;
  const generation = generationOf(vm.storageProfile?.osDisk?.managedDisk?.id);
  return {
    id: vm.id,
    name: vm.name ?? '',
    kind: 'virtualMachine',
    location: vm.location,
    resourceGroup: resourceGroupOf(vm.id),
    osType: parseOsType(vm.storageProfile?.osDisk?.osType),
    hyperVGeneration: generation.generation,
    generationUnknown: generation.unknown,
    securityType: securityOf(vm.securityProfile?.securityType),
    // Azure copies a VM's data disks into the version (storageProfile.dataDiskImages).
    dataDisks: (vm.storageProfile?.dataDisks ?? []).map((d) => ({ lun: d.lun, name: d.name ?? d.managedDisk?.id?.split('/').pop(), sizeGB: d.diskSizeGB })),
  };
}

/**
 * What a version counts as when it is the source: a definition that requires Trusted launch or a
 * confidential VM makes TrustedLaunch/ConfidentialVM versions; the "…Supported" types (and
 * Standard) make versions that also run as standard VMs.
 */
function securityOfDefinition(definition: ImageDefinition): VersionSource['securityType'] {
  const type = parseSecurityType(definition.securityType) ?? 'Standard';
  if (type === 'TrustedLaunch') return 'TrustedLaunch';
  if (type === 'ConfidentialVM') return 'ConfidentialVM';
  return 'Standard';
}

/** Every item of a list, mapped; items the map has no source for are left out. */
async function collect<T, U = T>(iterator: AsyncIterable<T>, map: (item: T) => U | undefined = (item) => item as unknown as U): Promise<U[]> {
  const out: U[] = [];
  for await (const item of iterator) {
    const mapped = map(item);
    if (mapped !== undefined) out.push(mapped);
  }
  return out;
}

async function galleryVersionSources(target: AzureTarget, options: CallOptions): Promise<VersionSource[]> {
  const client = computeClient(target);
  const galleries = await listGalleries(target, options);
  const perGallery = await Promise.all(
    galleries.map(async (g) => {
      const definitions = await listImageDefinitions(target, g.resourceGroup, g.name, options);
      const perDefinition = await Promise.all(
        definitions.map((d) =>
          collect(client.galleryImageVersions.listByGalleryImage(g.resourceGroup, g.name, d.name, { abortSignal: options.abortSignal }), (v): VersionSource | undefined => {
            if (!v.id || (v.provisioningState && v.provisioningState !== 'Succeeded')) return undefined;
            return {
              id: v.id,
              name: v.name ?? idParts(v.id).version,
              kind: 'galleryImageVersion',
              location: v.location,
              resourceGroup: g.resourceGroup,
              osType: parseOsType(d.osType),
              osState: parseOsState(d.osState),
              hyperVGeneration: parseHyperVGeneration(d.hyperVGeneration),
              architecture: parseArchitecture(d.architecture),
              securityType: securityOfDefinition(d),
              parentName: `${g.name}/${d.name}`,
              dataDisks: (v.storageProfile?.dataDiskImages ?? []).map((disk) => ({ lun: disk.lun, sizeGB: disk.sizeInGB })),
            };
          }),
        ),
      );
      return perDefinition.flat();
    }),
  );
  return perGallery.flat();
}

/** Every source of the subscription, in kind order (images, VMs, snapshots, disks, gallery versions). */
export async function listVersionSources(target: AzureTarget, options: CallOptions = {}): Promise<VersionSource[]> {
  return azureCall(async () => {
    const client = computeClient(target);
    const signal = { abortSignal: options.abortSignal };
    const [images, vmModels, snapshots, allDisks, versions] = await Promise.all([
      collect(client.images.list(signal), imageSource),
      // A VM's model carries neither its generation nor whether it was generalized.
      collect(client.virtualMachines.listAll(signal)),
      // Only OS disks and snapshots (those with an osType) can be a version's source.
      collect(client.snapshots.list(signal), (snapshot) => osDiskSource('snapshot', snapshot)),
      collect(client.disks.list(signal)),
      galleryVersionSources(target, options),
    ]);
    // A VM's generation is its OS disk's: read from the disks just listed, not one request per VM.
    const generationOf = vmGenerationsFromDisks(allDisks);
    const vms = vmModels.flatMap((vm) => vmSource(vm, generationOf) ?? []);
    const disks = allDisks.flatMap((disk) => osDiskSource('disk', disk) ?? []);
    const byName = (a: VersionSource, b: VersionSource) => a.name.localeCompare(b.name);
    // Gallery versions by definition, then newest first by number (10.0.0 before 9.0.0), as the tree lists them.
    const byDefinitionThenVersion = (a: VersionSource, b: VersionSource) => (a.parentName ?? '').localeCompare(b.parentName ?? '') || compareVersions(b.name, a.name);
    return [...images.sort(byName), ...vms.sort(byName), ...snapshots.sort(byName), ...disks.sort(byName), ...versions.sort(byDefinitionThenVersion)];
  });
}
