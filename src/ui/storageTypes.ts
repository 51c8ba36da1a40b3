// The storage type of a version's replicas, as Create Image Version and Update Image Version (for
// added regions) offer it: Azure's default (nothing sent), or a type; a type a region cannot hold
// (zone-redundant where it has no zones) is shown with the reason and refused (model/replication).
import { STORAGE_ACCOUNT_TYPES, validateStorageInRegion, type StorageAccountType } from '../model/replication';
import type { RegionChoice } from './regions';
import type { PickEntry } from './wizard';

const STORAGE_DETAILS: Record<StorageAccountType, string> = {
  Standard_LRS: 'Standard HDD, locally redundant: the cheapest',
  Standard_ZRS: 'Standard, zone-redundant: survives a zone outage (regions with availability zones only)',
  Premium_LRS: 'Premium SSD, locally redundant: faster VM creation from the image',
  PremiumV2_LRS: 'Premium SSD v2, locally redundant',
};

/** "Azure's default" (`none`: the value that sends nothing, and what it means), then every type. */
export function storageTypeItems<T extends string>(regions: readonly string[], labels: readonly RegionChoice[], none: { value: T; detail: string }): PickEntry<T | StorageAccountType>[] {
  return [
    { label: "Azure's default", detail: none.detail, value: none.value },
    ...STORAGE_ACCOUNT_TYPES.map((t) => ({
      label: t,
      detail: STORAGE_DETAILS[t],
      value: t,
      refusal: regions.map((r) => validateStorageInRegion(t, r, labels.find((l) => l.name === r)?.zones)).find(Boolean),
    })),
  ];
}
