/**
 * Fixed identities of every seed, so tests, docs and the sandbox can name them.
 * None of these is a real Azure id or secret.
 */
export const CONTOSO_TENANT_ID = 'a1b2c3d4-0000-4000-a000-000000000001';
export const FABRIKAM_TENANT_ID = 'a1b2c3d4-0000-4000-a000-000000000002';

export const PRODUCTION_SUBSCRIPTION_ID = '00000000-0000-4000-8000-00000000a001';
export const DEVELOPMENT_SUBSCRIPTION_ID = '00000000-0000-4000-8000-00000000a002';
export const FABRIKAM_SUBSCRIPTION_ID = '00000000-0000-4000-8000-00000000b001';

/** The local service principal every seed signs in with (tenant Contoso). */
export const LOCAL_PRINCIPAL = {
  tenantId: CONTOSO_TENANT_ID,
  clientId: 'c0ffee00-0000-4000-8000-000000000001',
  clientSecret: 'local-emulator-secret',
  objectId: 'c0ffee00-0000-4000-8000-0000000000a1',
} as const;

/** A second principal, in tenant Fabrikam, owning the Fabrikam subscription. */
export const PARTNER_PRINCIPAL = {
  tenantId: FABRIKAM_TENANT_ID,
  clientId: 'c0ffee00-0000-4000-8000-000000000002',
  clientSecret: 'partner-emulator-secret',
  objectId: 'c0ffee00-0000-4000-8000-0000000000b1',
} as const;

/**
 * Built-in role definition ids (the real, public ones: Microsoft Learn, "Azure built-in roles",
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles), and one custom role
 * of Contoso's own (its id is made up, as a custom role's is a GUID its tenant chose).
 */
export const ROLE_IDS = {
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'Compute Gallery Sharing Admin': '1ef6a3be-d0ac-425d-8c01-acb62866290b',
  'Compute Gallery Image Reader': 'cf7c76d2-98a3-4358-a134-615aa78bf44d',
  'Compute Gallery Artifacts Publisher': '85a2d0d9-2eba-4c9c-b355-11c2cc0788ab',
  'Virtual Machine Contributor': '9980e02c-c2be-4d73-94e8-173b1dc7cf3c',
  'Contoso Image Auditor': 'c0c0a000-0000-4000-8000-0000000000c1',
} as const;

/** Public name of the demo community gallery (prefix + '-' + GUID, as Azure forms it). */
export const DEMO_COMMUNITY_PUBLIC_NAME = 'ContosoPublic-5c3f9a1e-7b2d-4e8f-9a6b-1d2c3e4f5a6b';

export const USERS = {
  ada: { id: 'd0d0d0d0-0000-4000-8000-000000000001', mail: 'ada.lovelace@contoso.com', displayName: 'Ada Lovelace' },
  grace: { id: 'd0d0d0d0-0000-4000-8000-000000000002', mail: 'grace.hopper@contoso.com', displayName: 'Grace Hopper' },
  alan: { id: 'd0d0d0d0-0000-4000-8000-000000000003', mail: 'alan.turing@contoso.com', displayName: 'Alan Turing' },
  pat: { id: 'd0d0d0d0-0000-4000-8000-000000000004', mail: 'pat.kim@fabrikam.com', displayName: 'Pat Kim' },
} as const;

export const GROUPS = {
  publishers: { id: 'e0e0e0e0-0000-4000-8000-000000000001', mail: 'image-publishers@contoso.com', displayName: 'Image Publishers' },
  platform: { id: 'e0e0e0e0-0000-4000-8000-000000000002', mail: 'platform-engineering@contoso.com', displayName: 'Platform Engineering' },
} as const;
