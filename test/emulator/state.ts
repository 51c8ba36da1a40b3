import * as fs from 'node:fs';
import type { JsonObject } from './json';
import { writeFileAtomic } from './files';

export interface Tenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  countryCode: string;
}

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Disabled' | 'Warned' | 'PastDue' | 'Deleted';
}

/** A service principal that can sign in, and what it may see. */
export interface Principal {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  objectId: string;
  displayName: string;
  /** Tenants it can get tokens for (home tenant first). */
  tenants: string[];
  /** Subscriptions it has access to; anything else under /subscriptions is 403. */
  subscriptions: string[];
}

export interface ResourceGroup {
  subscriptionId: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export type ProvisioningState = 'Creating' | 'Updating' | 'Deleting' | 'Succeeded' | 'Failed' | 'Migrating';

/** One target region's simulated copy. Time-based, so it keeps advancing while nobody is looking. */
export interface RegionReplication {
  region: string;
  startedAt: number;
  durationMs: number;
  fail: boolean;
}

/** Any ARM resource the emulator stores (galleries and their children, sources). */
export interface StoredResource {
  id: string;
  name: string;
  type: string;
  location: string;
  tags?: Record<string, string>;
  /** Wire-shaped properties as accepted; read-only/derived members are added on the way out. */
  properties: JsonObject;
  /** Other top-level members some types carry (identity, sku, zones ...). */
  extra?: JsonObject;
  /** Facts the emulator needs but Azure does not show on this type (e.g. a VM's OS state). */
  meta?: JsonObject;
  provisioningState: ProvisioningState;
  createdAt: string;
  replication?: RegionReplication[];
  /** The long-running operation still working on this resource. */
  operationId?: string;
}

export interface RoleDefinition {
  id: string;
  roleName: string;
  description: string;
  type: 'BuiltInRole' | 'CustomRole';
  actions: string[];
  notActions: string[];
  dataActions: string[];
}

export interface RoleAssignment {
  name: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType: string;
  description?: string;
  createdOn: string;
  createdBy: string;
}

export interface GraphObject {
  kind: 'user' | 'group' | 'servicePrincipal';
  tenantId: string;
  id: string;
  displayName: string;
  mail?: string;
  userPrincipalName?: string;
  appId?: string;
  mailNickname?: string;
  /** 'Guest' for a person invited from outside the tenant; members have none. */
  userType?: 'Member' | 'Guest';
  /** When it was created here (epoch ms), for the replication delay Azure RBAC sees. */
  createdAt?: number;
}

export type OperationKind = 'create' | 'update' | 'delete' | 'action';

export interface OperationFailure {
  code: string;
  message: string;
}

/** A long-running operation, as the operation-status URL reports it. */
export interface Operation {
  id: string;
  subscriptionId: string;
  location: string;
  kind: OperationKind;
  resourceId: string;
  startTime: number;
  /** null: never finishes (a knob). */
  durationMs: number | null;
  failure?: OperationFailure;
  /** Image/application version creation ends only when every region has replicated. */
  untilReplicated?: boolean;
  /** Body the final Location GET answers (e.g. /share answers the SharingUpdate). */
  resultBody?: JsonObject;
  endTime?: number;
  status?: 'Succeeded' | 'Failed';
  error?: OperationFailure;
}

export interface EmulatorState {
  format: 1;
  seed: string;
  tenants: Tenant[];
  subscriptions: Subscription[];
  principals: Principal[];
  resourceGroups: ResourceGroup[];
  /** Keyed by lower-cased resource id (ARM ids are case-insensitive). */
  resources: Record<string, StoredResource>;
  roleDefinitions: RoleDefinition[];
  roleAssignments: RoleAssignment[];
  graph: GraphObject[];
  operations: Record<string, Operation>;
  /**
   * Regions whose copies fail for one version (lower-cased version id → region names), set with
   * `POST /_admin/replication-faults`; copies planned for those regions fail half way.
   */
  replicationFaults?: Record<string, string[]>;
  /** Image versions deleted in a gallery with soft delete (lower-cased id → the version and when), see compute/softDelete.ts. */
  softDeleted?: Record<string, { resource: StoredResource; deletedAt: string }>;
}

export function emptyState(seed: string): EmulatorState {
  return {
    format: 1,
    seed,
    tenants: [],
    subscriptions: [],
    principals: [],
    resourceGroups: [],
    resources: {},
    roleDefinitions: [],
    roleAssignments: [],
    graph: [],
    operations: {},
  };
}

export const key = (id: string): string => id.toLowerCase();

export function findSubscription(state: EmulatorState, id: string): Subscription | undefined {
  const lower = id.toLowerCase();
  return state.subscriptions.find((s) => s.subscriptionId.toLowerCase() === lower);
}

export function findResourceGroup(state: EmulatorState, subscriptionId: string, name: string): ResourceGroup | undefined {
  const s = subscriptionId.toLowerCase();
  const n = name.toLowerCase();
  return state.resourceGroups.find((g) => g.subscriptionId.toLowerCase() === s && g.name.toLowerCase() === n);
}

export function getResource(state: EmulatorState, id: string): StoredResource | undefined {
  return state.resources[key(id)];
}

export function putResource(state: EmulatorState, resource: StoredResource): void {
  state.resources[key(resource.id)] = resource;
}

export function deleteResource(state: EmulatorState, id: string): void {
  delete state.resources[key(id)];
}

/** Direct children (one more `/type/name` segment pair) of a resource id, of one type. */
export function childrenOf(state: EmulatorState, parentId: string, type: string): StoredResource[] {
  const prefix = key(parentId) + '/';
  const wanted = type.toLowerCase();
  return Object.values(state.resources)
    .filter((r) => key(r.id).startsWith(prefix) && r.type.toLowerCase() === wanted)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function resourcesOfType(state: EmulatorState, type: string, scopePrefix?: string): StoredResource[] {
  const wanted = type.toLowerCase();
  const prefix = scopePrefix ? key(scopePrefix) + '/' : '';
  return Object.values(state.resources)
    .filter((r) => r.type.toLowerCase() === wanted && key(r.id).startsWith(prefix))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function loadStateFile(file: string): EmulatorState | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorState;
    return parsed.format === 1 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function saveStateFile(file: string, state: EmulatorState): void {
  writeFileAtomic(file, JSON.stringify(state));
}
