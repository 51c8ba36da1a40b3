import { createHttpHeaders, createPipelineRequest, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import { AzureError, toAzureError } from './errors';
import type { CallOptions } from './types';

/**
 * One GET through a pipeline for an API no SDK client here covers (Microsoft Graph, the storage
 * accounts list): the JSON body, or an AzureError with the service's own code and message.
 * `what` names the service in the message when it sends no error body.
 */
export async function getJson(pipeline: Pipeline, client: HttpClient, url: string, what: string, options: CallOptions = {}): Promise<unknown> {
  const request = createPipelineRequest({ url, method: 'GET', headers: createHttpHeaders({ Accept: 'application/json' }), abortSignal: options.abortSignal });
  let response;
  try {
    response = await pipeline.sendRequest(client, request);
  } catch (error) {
    throw toAzureError(error);
  }
  let body: unknown;
  try {
    body = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
  } catch {
    body = undefined;
  }
  if (response.status >= 400) {
    const inner = (body as { error?: { code?: string; message?: string; target?: string } } | undefined)?.error;
    throw new AzureError(
      inner?.message ?? `${what} answered ${response.status}.`,
      inner?.code ?? `Http${response.status}`,
      response.status,
      inner?.target,
      response.headers.get('request-id') ?? response.headers.get('x-ms-request-id') ?? undefined,
    );
  }
  return body;
}
