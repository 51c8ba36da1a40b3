// Previewing a write: the request the SDK would send, recorded and stopped in its own pipeline.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { ArmRequest } from '../model/asCode';

interface Capture {
  requests: ArmRequest[];
}
const capturing = new AsyncLocalStorage<Capture>();

/** Thrown by the capture policy: the write was recorded and not sent. */
class Captured extends Error {}

/**
 * Inside previewRequests, the first request that is not a read is recorded and stopped: the body
 * is the one the SDK serialized (and rawBodyPolicy, before this, swapped in), so what the "as code"
 * forms show is byte for byte what the same call sends outside a preview. Reads go through, so a
 * write that reads first (an update merging onto Azure's JSON) previews what it would really send.
 */
export const capturePolicy: PipelinePolicy = {
  name: 'acgCaptureWrite',
  async sendRequest(request, next) {
    const capture = capturing.getStore();
    if (!capture || request.method === 'GET' || request.method === 'HEAD') return next(request);
    const text = typeof request.body === 'string' ? request.body : undefined;
    capture.requests.push({ method: request.method, url: request.url, body: text ? (JSON.parse(text) as unknown) : undefined });
    throw new Captured('Previewed: not sent.');
  },
};

/** The write request `send` would make (with the same arguments), without making it. */
export async function previewRequest(send: () => Promise<unknown>): Promise<ArmRequest> {
  const capture: Capture = { requests: [] };
  try {
    await capturing.run(capture, send);
  } catch (error) {
    if (capture.requests.length === 0) throw error;
  }
  const [request] = capture.requests;
  if (!request) throw new Error('This change sends no request to preview.');
  return request;
}

