/** The knobs: set at start, changed while running through `POST /_admin/config`. */

/** Which requests a rule applies to. Every given field must match. */
export interface RequestScope {
  /** Regular expression (case-insensitive) tested against the path. */
  path?: string;
  method?: string;
  subscriptionId?: string;
}

export interface FaultRule extends RequestScope {
  /** throttle: 429 + Retry-After; error: a 5xx with an ARM error body; drop: destroy the socket unanswered. */
  kind: 'throttle' | 'error' | 'drop';
  /** For `error`: 500 (default), 502, 503 or 504. */
  status?: number;
  code?: string;
  message?: string;
  /** For throttle and 503. Default 1. */
  retryAfterSeconds?: number;
  /** Fire on every Nth matching request (1 = all). */
  every?: number;
  /** Or fire with this probability (0..1). */
  probability?: number;
  /** Stop after firing this many times. */
  times?: number;
  /** Let this many matching requests through before the rule may fire (e.g. cut an upload part way). */
  after?: number;
  /** For `drop`: handle the request first, then drop the connection (the answer is lost, the change is made). */
  afterProcessing?: boolean;
}

export interface LroFailure extends RequestScope {
  code: string;
  message: string;
}

export interface EmulatorConfig {
  /** Added to every request before it is answered. */
  latencyMs: number;
  /** Items per page of every list; the rest follows `nextLink`. */
  pageSize: number;
  /** Lifetime of issued access tokens (expires_in). Small values exercise token refresh. */
  tokenLifetimeSeconds: number;
  lro: {
    /** How long PUT/PATCH/DELETE/POST operations stay InProgress. */
    durationMs: number;
    /** Retry-After (seconds) on LRO answers while in progress; 0 lets SDKs poll at their own interval. */
    retryAfterSeconds: number;
    /** Operations that start while set end as Failed with this error. */
    fail: LroFailure | null;
    /** Operations that start while set never finish. */
    neverFinish: RequestScope | null;
  };
  replication: {
    /** Time for one region to reach 100 %; later regions in a list take a little longer. */
    durationMs: number;
    /** Regions whose replication fails half way (for versions created while set). */
    failRegions: string[];
    /**
     * The create or update operation of a version ends Succeeded without waiting for its regions:
     * they keep replicating (or fail) afterwards while the version reads Succeeded. Real Azure does
     * this: "The Azure Compute Gallery Get API returns provisioningState=Succeeded once the parent
     * LRO finishes, but RegionalReplicationStatus.State for the new region can remain" not
     * Completed (Azure/AgentBaker PR #8373). Off: the operation waits for every region, as before.
     */
    succeedBeforeReplicated: boolean;
  };
  faults: FaultRule[];
  /**
   * Who may invite guests (Microsoft Graph POST /invitations): 'everyone', or 'none', the tenant
   * whose External collaboration settings let nobody invite ("No one in the organization can
   * invite guest users including admins (most restrictive)"): Graph answers 403 "Guest
   * invitations not allowed for your company." (Microsoft Entra provisioning troubleshooting,
   * "Users fail to provision with error AzureActiveDirectoryForbidden").
   */
  guestInvitations: 'everyone' | 'none';
  /**
   * How long a user or guest created a moment ago stays unknown to Azure RBAC: a role assignment
   * for it without principalType fails with PrincipalNotFound meanwhile (the replication delay
   * of learn.microsoft.com/azure/role-based-access-control/troubleshooting).
   */
  directoryReplicationMs: number;
}

export const defaultConfig: EmulatorConfig = {
  latencyMs: 0,
  pageSize: 100,
  tokenLifetimeSeconds: 3600,
  lro: { durationMs: 200, retryAfterSeconds: 1, fail: null, neverFinish: null },
  replication: { durationMs: 1500, failRegions: [], succeedBeforeReplicated: false },
  faults: [],
  guestInvitations: 'everyone',
  directoryReplicationMs: 30_000,
};

export type ConfigPatch = Partial<Omit<EmulatorConfig, 'lro' | 'replication'>> & {
  lro?: Partial<EmulatorConfig['lro']>;
  replication?: Partial<EmulatorConfig['replication']>;
};

export function applyConfigPatch(base: EmulatorConfig, patch: ConfigPatch | undefined): EmulatorConfig {
  if (!patch) return structuredClone(base);
  return {
    ...base,
    ...patch,
    lro: { ...base.lro, ...patch.lro },
    replication: { ...base.replication, ...patch.replication },
    faults: patch.faults ? structuredClone(patch.faults) : structuredClone(base.faults),
  };
}

export function matchesScope(scope: RequestScope, method: string, path: string): boolean {
  if (scope.method && scope.method.toUpperCase() !== method.toUpperCase()) return false;
  if (scope.path && !new RegExp(scope.path, 'i').test(path)) return false;
  if (scope.subscriptionId) {
    const m = /^\/subscriptions\/([^/]+)/i.exec(path);
    if (!m || m[1].toLowerCase() !== scope.subscriptionId.toLowerCase()) return false;
  }
  return true;
}
