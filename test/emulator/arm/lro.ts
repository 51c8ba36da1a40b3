import * as crypto from 'node:crypto';
import { matchesScope } from '../config';
import type { Emulator } from '../emulator';
import type { JsonObject } from '../json';
import type { Operation, OperationKind, StoredResource } from '../state';
import { deleteResource, getResource, key } from '../state';
import { aggregate, replicationStatuses } from '../compute/replication';

export interface StartOperation {
  kind: OperationKind;
  resourceId: string;
  subscriptionId: string;
  location: string;
  method: string;
  path: string;
  untilReplicated?: boolean;
  resultBody?: JsonObject;
}

/** Starts an operation with the knobs in force now (duration, failure, never-finishing). */
export function startOperation(emu: Emulator, input: StartOperation): Operation {
  const { lro } = emu.config;
  const op: Operation = {
    id: crypto.randomUUID(),
    subscriptionId: input.subscriptionId,
    location: input.location.replace(/\s+/g, '').toLowerCase(),
    kind: input.kind,
    resourceId: input.resourceId,
    startTime: Date.now(),
    durationMs: lro.neverFinish && matchesScope(lro.neverFinish, input.method, input.path) ? null : lro.durationMs,
  };
  if (lro.fail && matchesScope(lro.fail, input.method, input.path)) op.failure = { code: lro.fail.code, message: lro.fail.message };
  if (input.untilReplicated) op.untilReplicated = true;
  if (input.resultBody) op.resultBody = input.resultBody;
  emu.state.operations[op.id] = op;
  return op;
}

function statusUrl(emu: Emulator, op: Operation, apiVersion: string, monitor: boolean): string {
  const base = `${emu.baseUrl}/subscriptions/${op.subscriptionId}/providers/Microsoft.Compute/locations/${op.location}/capsOperations/${op.id}`;
  return `${base}?${monitor ? 'monitor=true&' : ''}api-version=${apiVersion}`;
}

/** Headers of the first answer: Azure-AsyncOperation always; DELETE and POST also carry Location. */
export function lroHeaders(emu: Emulator, op: Operation, apiVersion: string, withLocation: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'Azure-AsyncOperation': statusUrl(emu, op, apiVersion, false),
    'Retry-After': String(emu.config.lro.retryAfterSeconds),
  };
  if (withLocation) headers.Location = statusUrl(emu, op, apiVersion, true);
  return headers;
}

/** Finishes every operation whose time has come and applies its effect on the resource. */
export function settleOperations(emu: Emulator, now: number): boolean {
  let changed = false;
  for (const op of Object.values(emu.state.operations)) {
    if (op.status) continue;
    const outcome = decide(emu, op, now);
    if (!outcome) continue;
    op.status = outcome.status;
    op.endTime = now;
    if (outcome.error) op.error = outcome.error;
    apply(emu, op);
    changed = true;
  }
  // Forget old finished operations so the state file does not grow without bound.
  for (const op of Object.values(emu.state.operations)) {
    if (op.endTime !== undefined && now - op.endTime > 3_600_000) {
      delete emu.state.operations[op.id];
      changed = true;
    }
  }
  return changed;
}

function decide(emu: Emulator, op: Operation, now: number): Pick<Operation, 'status' | 'error'> | undefined {
  if (op.durationMs === null) return undefined;
  if (now - op.startTime < op.durationMs) return undefined;
  if (op.failure) return { status: 'Failed', error: op.failure };
  if (op.untilReplicated) {
    const resource = getResource(emu.state, op.resourceId);
    if (resource) {
      const statuses = replicationStatuses(resource, now);
      const agg = aggregate(statuses);
      if (agg === 'Failed') {
        const failed = statuses.filter((s) => s.state === 'Failed').map((s) => s.region);
        return {
          status: 'Failed',
          error: { code: 'ReplicationFailed', message: `Replication failed in region(s) '${failed.join(', ')}'. Check the replication status of the image version for details.` },
        };
      }
      if (agg !== 'Completed') return undefined;
    }
  }
  return { status: 'Succeeded' };
}

function apply(emu: Emulator, op: Operation): void {
  const resource = getResource(emu.state, op.resourceId);
  if (!resource || resource.operationId !== op.id) {
    if (op.kind === 'delete' && op.status === 'Succeeded') removeTree(emu, op.resourceId);
    return;
  }
  resource.operationId = undefined;
  if (op.kind === 'delete') {
    if (op.status === 'Succeeded') removeTree(emu, op.resourceId);
    else resource.provisioningState = 'Failed';
    return;
  }
  resource.provisioningState = op.status === 'Succeeded' ? 'Succeeded' : 'Failed';
}

/** Deletes a resource, everything nested under it and role assignments scoped to it. */
export function removeTree(emu: Emulator, id: string): void {
  const prefix = key(id);
  for (const k of Object.keys(emu.state.resources)) if (k === prefix || k.startsWith(prefix + '/')) delete emu.state.resources[k];
  emu.state.roleAssignments = emu.state.roleAssignments.filter((a) => {
    const s = key(a.scope);
    return s !== prefix && !s.startsWith(prefix + '/');
  });
  deleteResource(emu.state, id);
  emu.state.resourceGroups = emu.state.resourceGroups.filter((g) => `/subscriptions/${g.subscriptionId}/resourcegroups/${g.name}`.toLowerCase() !== prefix);
}

/** Marks a resource as worked on by an operation (provisioningState Creating/Updating/Deleting meanwhile). */
export function attach(resource: StoredResource, op: Operation, state: StoredResource['provisioningState']): void {
  resource.operationId = op.id;
  resource.provisioningState = state;
}

/** The body of the operation-status URL (what Azure-AsyncOperation points to). */
export function operationStatusBody(op: Operation): JsonObject {
  const body: JsonObject = {
    startTime: new Date(op.startTime).toISOString(),
    status: op.status ?? 'InProgress',
    name: op.id,
  };
  if (op.endTime !== undefined) body.endTime = new Date(op.endTime).toISOString();
  if (op.error) body.error = { code: op.error.code, message: op.error.message };
  return body;
}
