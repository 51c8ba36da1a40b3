import type { PipelinePolicy } from '@azure/core-rest-pipeline';

// The SDK's paging helper throws "Pagination failed with unexpected statusCode 500" without the
// response body, losing Azure's code and message. This policy remembers the ARM error body of
// failed responses by request id, so toAzureError can give the user Azure's own words.
const MAX_REMEMBERED = 200;
const bodies = new Map<string, unknown>();

export const errorBodyPolicy: PipelinePolicy = {
  name: 'acgRememberErrorBody',
  async sendRequest(request, next) {
    const response = await next(request);
    if (response.status >= 400 && response.bodyAsText) {
      try {
        bodies.set(request.requestId, JSON.parse(response.bodyAsText) as unknown);
        if (bodies.size > MAX_REMEMBERED) bodies.delete(bodies.keys().next().value as string);
      } catch {
        // Not JSON (a proxy's HTML page): the status alone will have to do.
      }
    }
    return response;
  },
};

export function rememberedErrorBody(requestId: string | undefined): unknown {
  return requestId ? bodies.get(requestId) : undefined;
}
