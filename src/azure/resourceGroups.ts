import { resourceClient } from './clientFactory';
import { azureCall } from './errors';
import type { AzureTarget, CallOptions } from './types';
import type { ResourceGroupInfo } from './writeTypes';

/** Every resource group of the subscription, by name. */
export async function listResourceGroups(target: AzureTarget, options: CallOptions = {}): Promise<ResourceGroupInfo[]> {
  return azureCall(async () => {
    const groups: ResourceGroupInfo[] = [];
    for await (const g of resourceClient(target).resourceGroups.list({ abortSignal: options.abortSignal })) {
      groups.push({ id: g.id ?? '', name: g.name ?? '', location: g.location });
    }
    return groups.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** Creates (or, if it exists in that region, keeps) a resource group. */
export async function createResourceGroup(target: AzureTarget, name: string, location: string, options: CallOptions = {}): Promise<ResourceGroupInfo> {
  return azureCall(async () => {
    const g = await resourceClient(target).resourceGroups.createOrUpdate(name, { location }, { abortSignal: options.abortSignal });
    return { id: g.id ?? '', name: g.name ?? name, location: g.location };
  });
}
