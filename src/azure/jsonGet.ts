import { createHttpHeaders, createPipelineRequest, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import { AzureError, toAzureError } from './errors';
import type { CallOptions } from './types';

/**
 * One GET through a pipeline for an API no SDK client here covers (Microsoft Graph, the storage
 * accounts list): the JSON body, or an AzureError with the service's own code and message.
 * `what` names the service in the message when it sends no error body.
 */
export async function getJson(pipeline: Pipeline, client: HttpClient, url: string, what: string, options: CallOptions = {}): Promise<unknown> {
  return sendJson(pipeline, client, 'GET', url, undefined, what, options);
}

/** The same for a request with a JSON body (Microsoft Graph's POST /invitations). */
export async function sendJson(pipeline: Pipeline, client: HttpClient, method: 'GET' | 'POST', url: string, body: unknown, what: string, options: CallOptions = {}): Promise<unknown> {
  const headers = createHttpHeaders({ Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) });
  const request = createPipelineRequest({ url, method, headers, body: body === undefined ? undefined : JSON.stringify(body), abortSignal: options.abortSignal });
  let response;
  try {
    response = await pipeline.sendRequest(client, request);
  } catch (error) {
    throw toAzureError(error);
  }
  let answer: unknown;
  try {
    answer = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
  } catch {
    answer = undefined;
  }
  if (response.status >= 400) {
    const inner = (answer as { error?: { code?: string; message?: string; target?: string } } | undefined)?.error;
    throw new AzureError(
      inner?.message ?? `${what} answered ${response.status}.`,
      inner?.code ?? `Http${response.status}`,
      response.status,
      inner?.target,
      response.headers.get('request-id') ?? response.headers.get('x-ms-request-id') ?? undefined,
    );
  }
  return answer;
}
