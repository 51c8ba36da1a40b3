import type { EmulatorConfig } from '../config';
import type { EmulatorState } from '../state';
import { SeedBuilder } from './builder';
import { CONTOSO_TENANT_ID, DEVELOPMENT_SUBSCRIPTION_ID, FABRIKAM_SUBSCRIPTION_ID, FABRIKAM_TENANT_ID, PRODUCTION_SUBSCRIPTION_ID } from './wellKnown';

export const SEED_SUBSCRIPTIONS = [
  { id: PRODUCTION_SUBSCRIPTION_ID, name: 'Contoso Production', tenantId: CONTOSO_TENANT_ID },
  { id: DEVELOPMENT_SUBSCRIPTION_ID, name: 'Contoso Development', tenantId: CONTOSO_TENANT_ID },
  { id: FABRIKAM_SUBSCRIPTION_ID, name: 'Fabrikam Images', tenantId: FABRIKAM_TENANT_ID },
];

/** Identities only (tenants, subscriptions, principals, roles, directory): no resource groups, no resources. */
export function emptySeed(config: EmulatorConfig): EmulatorState {
  return new SeedBuilder('empty', config).identities(SEED_SUBSCRIPTIONS).state;
}
