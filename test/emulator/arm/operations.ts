import { COMPUTE_API_VERSIONS, GALLERY_API_VERSIONS, RESOURCE_GROUP_API_VERSIONS } from './apiVersions';
import { ArmError } from './errors';
import { operationStatusBody } from './lro';
import type { Emulator } from '../emulator';
import type { Ctx, Reply } from '../http';
import type { Operation } from '../state';

function find(ctx: Ctx): Operation {
  const op = ctx.emu.state.operations[ctx.params.operationId];
  if (!op || op.subscriptionId.toLowerCase() !== ctx.params.subscriptionId.toLowerCase()) {
    throw new ArmError(404, 'NotFound', `The operation '${ctx.params.operationId}' was not found.`);
  }
  return op;
}

function retryAfter(ctx: Ctx): Record<string, string> {
  return { 'Retry-After': String(ctx.emu.config.lro.retryAfterSeconds) };
}

/** Location semantics: 202 while running, then the final answer (the result body, or 204/200 empty). */
function monitor(ctx: Ctx, op: Operation): Reply {
  if (!op.status) return { status: 202, headers: { ...retryAfter(ctx), Location: `${ctx.emu.baseUrl}${ctx.requestPath}?${ctx.query.raw.toString()}` } };
  if (op.status === 'Failed') {
    const e = op.error ?? { code: 'InternalOperationError', message: 'The operation failed.' };
    return { status: 400, body: { error: { code: e.code, message: e.message } } };
  }
  return op.resultBody ? { status: 200, body: op.resultBody } : { status: 200 };
}

/** The operation-status URLs handed out in Azure-AsyncOperation and Location headers. */
export function registerOperations(emu: Emulator): void {
  emu.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/capsOperations/{operationId}',
    { auth: 'arm', family: 'provider', apiVersions: [...GALLERY_API_VERSIONS, ...COMPUTE_API_VERSIONS], typeName: 'locations/capsOperations', action: 'Microsoft.Compute/locations/capsOperations/read' },
    (ctx) => {
      const op = find(ctx);
      if (ctx.query.get('monitor') === 'true') return monitor(ctx, op);
      return { status: 200, body: operationStatusBody(op), headers: op.status ? {} : retryAfter(ctx) };
    },
  );
  emu.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/operationresults/{operationId}',
    { auth: 'arm', family: 'arm', apiVersions: RESOURCE_GROUP_API_VERSIONS, typeName: 'operationresults', action: 'Microsoft.Resources/subscriptions/operationresults/read' },
    (ctx) => monitor(ctx, find(ctx)),
  );
}
