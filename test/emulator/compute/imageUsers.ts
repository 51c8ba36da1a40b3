// VMs and scale sets made from gallery images: what Resource Graph's "who uses it" query finds.
// Seeded as state (no VM or scale-set create route: the extension never creates them). Shapes
// from ComputeRP's models (VirtualMachine: properties.storageProfile.imageReference;
// VirtualMachineScaleSet: properties.virtualMachineProfile.storageProfile.imageReference, sku with
// capacity) and ImageReference (https://learn.microsoft.com/javascript/api/@azure/arm-compute/imagereference):
// a gallery image goes in `id` (a definition's id = latest), `sharedGalleryImageId` or
// `communityGalleryImageId`.
import * as crypto from 'node:crypto';
import type { JsonObject } from '../json';
import type { StoredResource } from '../state';
import { virtualMachine } from './sources';

export const SCALE_SET_TYPE = 'Microsoft.Compute/virtualMachineScaleSets';

/** One of the three ways a VM names a gallery image. */
export type ImageReferenceSpec = { id: string } | { sharedGalleryImageId: string } | { communityGalleryImageId: string };

export interface ImageUserSpec {
  kind: 'vm' | 'vmss';
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  osType: 'Windows' | 'Linux';
  reference: ImageReferenceSpec;
  /** Scale sets: how many instances. */
  capacity?: number;
}

/** A VM made from the image (its OS disk comes with it), or a scale set whose model names it. */
export function imageUser(spec: ImageUserSpec): StoredResource[] {
  if (spec.kind === 'vm') {
    const { vm, osDisk } = virtualMachine({ subscriptionId: spec.subscriptionId, resourceGroup: spec.resourceGroup, name: spec.name, location: spec.location, osType: spec.osType });
    const storageProfile = vm.properties.storageProfile as JsonObject;
    vm.properties = { ...vm.properties, storageProfile: { imageReference: { ...spec.reference }, ...storageProfile } };
    return [vm, osDisk];
  }
  const id = `/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroup}/providers/${SCALE_SET_TYPE}/${spec.name}`;
  return [
    {
      id,
      name: spec.name,
      type: SCALE_SET_TYPE,
      location: spec.location,
      properties: {
        uniqueId: crypto.createHash('sha1').update(id).digest('hex').slice(0, 32),
        orchestrationMode: 'Uniform',
        upgradePolicy: { mode: 'Manual' },
        overprovision: true,
        virtualMachineProfile: {
          storageProfile: {
            imageReference: { ...spec.reference },
            osDisk: { osType: spec.osType, createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS' } },
          },
          osProfile: { computerNamePrefix: spec.name.slice(0, 9), adminUsername: 'azureuser' },
          networkProfile: { networkInterfaceConfigurations: [] },
        },
        timeCreated: new Date().toISOString(),
      },
      extra: { sku: { name: 'Standard_D2s_v5', tier: 'Standard', capacity: spec.capacity ?? 2 } },
      provisioningState: 'Succeeded',
      createdAt: new Date().toISOString(),
    },
  ];
}

