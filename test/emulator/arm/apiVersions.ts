import { ArmError } from './errors';

/** Every gallery API version Azure serves (2021-07-01 is what `az sig gallery-application` still sends). */
export const GALLERY_API_VERSIONS = [
  '2021-07-01',
  '2021-10-01',
  '2022-01-03',
  '2022-03-03',
  '2022-08-03',
  '2023-07-03',
  '2024-03-03',
  '2025-03-03',
  '2025-12-03',
] as const;

/** Microsoft.Compute images and virtual machines (@azure/arm-compute 25 sends 2026-04-01). */
export const COMPUTE_API_VERSIONS = [
  '2021-03-01', '2021-04-01', '2021-07-01', '2021-11-01', '2022-03-01', '2022-08-01', '2022-11-01', '2023-03-01',
  '2023-07-01', '2023-09-01', '2024-03-01', '2024-07-01', '2024-11-01', '2025-04-01', '2025-11-01', '2026-04-01',
] as const;

/** Microsoft.Compute disks and snapshots (@azure/arm-compute 25 sends 2026-03-02). */
export const DISK_API_VERSIONS = [
  '2021-04-01', '2021-08-01', '2021-12-01', '2022-03-02', '2022-07-02', '2023-01-02', '2023-04-02', '2023-10-02',
  '2024-03-02', '2025-01-02', '2026-03-02',
] as const;

/** Microsoft.Storage storage accounts (what @azure/arm-storage 18 and az 2.45 send, and their neighbours). */
export const STORAGE_API_VERSIONS = [
  '2021-04-01', '2021-06-01', '2021-08-01', '2021-09-01', '2022-05-01', '2022-09-01', '2023-01-01', '2023-05-01',
  '2024-01-01', '2025-01-01', '2025-06-01',
] as const;

/** Subscriptions, tenants, locations (az 2.45 sends 2019-11-01; @azure/arm-resources-subscriptions 2 sends 2022-12-01). */
export const SUBSCRIPTION_API_VERSIONS = [
  '2016-06-01', '2018-06-01', '2019-06-01', '2019-11-01', '2020-01-01', '2021-01-01', '2022-01-01', '2022-12-01',
] as const;

/** Resource groups (az sends 2021-04-01; @azure/arm-resources 8 sends 2025-04-01). */
export const RESOURCE_GROUP_API_VERSIONS = [
  '2021-04-01', '2022-09-01', '2023-07-01', '2024-03-01', '2024-07-01', '2024-11-01', '2025-03-01', '2025-04-01',
] as const;

/** Role definitions and assignments (@azure/arm-authorization 9 sends 2022-04-01). */
export const AUTHORIZATION_API_VERSIONS = [
  '2015-07-01', '2018-01-01-preview', '2018-09-01-preview', '2020-04-01-preview', '2020-10-01', '2022-04-01', '2022-05-01-preview',
] as const;

export const METADATA_API_VERSIONS = ['2015-01-01', '2018-01-01', '2019-05-01', '2020-06-01', '2022-09-01'] as const;

export const SUPPORTED_LOCATIONS = [
  'eastus', 'eastus2', 'westus', 'westus2', 'westus3', 'centralus', 'northeurope', 'westeurope', 'uksouth', 'francecentral',
  'germanywestcentral', 'swedencentral', 'japaneast', 'australiaeast', 'southeastasia', 'canadacentral',
];

/** Checks api-version the way ARM's front door does, before the request reaches a resource provider. */
export function checkApiVersion(
  given: string | undefined,
  supported: readonly string[],
  family: 'arm' | 'provider',
  typeName: string,
  location: string,
): void {
  if (given === undefined || given === '') {
    throw new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  if (supported.includes(given)) return;
  const newestFirst = [...supported].reverse();
  if (family === 'arm') {
    throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${given}' is invalid. The supported versions are '${newestFirst.join(',')}'.`);
  }
  throw new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location '${location}' and API version '${given}' for type '${typeName}'. The supported api-versions are '${supported.join(', ')}'. The supported locations are '${SUPPORTED_LOCATIONS.join(', ')}'.`,
  );
}
