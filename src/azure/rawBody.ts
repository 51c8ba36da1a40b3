import type { PipelinePolicy } from '@azure/core-rest-pipeline';

// The SDK's serializers keep only the members its models know. An update that must write back
// what Azure returned (a target region's encryption, its additional replica sets, a member newer
// than this SDK) cannot go through them, because a JSON merge patch replaces arrays whole: a member
// the serializer drops is deleted in Azure. Such a request carries a marker header instead; this
// policy swaps the serialized body for the JSON the caller built and removes the marker, so the
// SDK still does everything else (URL, api-version, auth, retries, the long-running operation).
const MARKER = 'x-acg-raw-body';
const bodies = new Map<string, string>();
let next = 0;

/** Request options that make the SDK send `json` as the body of this one call. */
export function rawBody(json: unknown): { requestOptions: { headers: Record<string, string> } } {
  const key = `b${++next}`;
  bodies.set(key, JSON.stringify(json));
  return { requestOptions: { headers: { [MARKER]: key } } };
}

export const rawBodyPolicy: PipelinePolicy = {
  name: 'acgRawBody',
  async sendRequest(request, nextPolicy) {
    const key = request.headers.get(MARKER);
    if (key !== undefined) {
      request.headers.delete(MARKER);
      const body = bodies.get(key);
      bodies.delete(key);
      // Failing closed: sending the SDK's own (partial) body instead would report success for a
      // change that was never made, or drop what the built body kept.
      if (body === undefined) throw new Error(`The request body built for this update is gone (marker ${key}): nothing was sent.`);
      request.body = body;
    }
    return nextPolicy(request);
  },
};
