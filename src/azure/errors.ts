import { rememberedErrorBody } from './errorBodies';

/** Every failure of the Azure layer: Azure's own code and message, where to look, and the request id. */
export class AzureError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly statusCode?: number,
    readonly target?: string,
    readonly requestId?: string,
    readonly details: { code: string; message: string; target?: string }[] = [],
  ) {
    super(message);
    this.name = 'AzureError';
  }

  get isNotFound(): boolean {
    return this.statusCode === 404;
  }

  get isAuthentication(): boolean {
    return this.statusCode === 401 || this.code === 'CredentialUnavailableError' || this.code === 'AuthenticationRequired';
  }

  get isThrottling(): boolean {
    return this.statusCode === 429;
  }

  get isCancelled(): boolean {
    return this.code === 'Cancelled';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; target?: string; details?: { code?: string; message?: string; target?: string }[] };
  code?: string;
  message?: string;
  target?: string;
}

interface RestErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  request?: { requestId?: string; headers?: { get(name: string): string | undefined } };
  response?: { status?: number; headers?: { get(name: string): string | undefined }; bodyAsText?: string | null; parsedBody?: unknown };
  details?: unknown;
}

function parseBody(error: RestErrorLike): ErrorBody | undefined {
  const parsed = error.response?.parsedBody ?? error.details ?? rememberedErrorBody(error.request?.requestId);
  if (parsed && typeof parsed === 'object') return parsed as ErrorBody;
  const text = error.response?.bodyAsText;
  if (text) {
    try {
      return JSON.parse(text) as ErrorBody;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Turns whatever the SDK or the network threw into an AzureError, keeping Azure's words. */
// @azure/core-lro reports an operation that ended Failed as a plain Error carrying Azure's code and
// message: "The long-running operation has failed. <code>. <message>".
const LRO_FAILED = /^The long-running operation has failed\. (\S+?)\. ([\s\S]*)$/;

export function toAzureError(thrown: unknown): AzureError {
  if (thrown instanceof AzureError) return thrown;
  const error = (thrown ?? {}) as RestErrorLike;
  if (error.name === 'AbortError') return new AzureError('The operation was cancelled.', 'Cancelled');
  const lro = !error.statusCode && typeof error.message === 'string' ? LRO_FAILED.exec(error.message) : null;
  if (lro) return new AzureError(lro[2] ?? '', lro[1] ?? 'OperationFailed');
  const body = parseBody(error);
  const inner = body?.error ?? body;
  const status = error.statusCode ?? error.response?.status;
  const requestId =
    error.response?.headers?.get('x-ms-request-id') ?? error.response?.headers?.get('x-ms-correlation-request-id') ?? error.request?.requestId;
  const code = inner?.code ?? error.code ?? (error.name && error.name !== 'Error' ? error.name : 'Unknown');
  const message = inner?.message ?? error.message ?? String(thrown);
  const details = (body?.error?.details ?? []).map((d) => ({ code: d.code ?? '', message: d.message ?? '', target: d.target }));
  return new AzureError(message, code, status, inner?.target, requestId, details);
}

/** Runs an SDK call and rethrows its failure as an AzureError. */
export async function azureCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAzureError(error);
  }
}
