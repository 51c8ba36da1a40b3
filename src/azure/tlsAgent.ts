import * as https from 'node:https';
import * as tls from 'node:tls';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

// VS Code's proxy support adds the operating system's certificates to every HTTPS request that
// does not name its own CAs — a new TLS context per request, about 20 ms of extension-host CPU
// each (measured: npm run bench, figure 4), which serialises "load 50 subscriptions". This agent
// names the same trust itself, once: Node's default CAs (with NODE_EXTRA_CA_CERTS) plus the system
// store, in one secure context, with connections kept alive. Proxy resolution is unchanged.

type GetCaCertificates = (type?: 'default' | 'system' | 'bundled' | 'extra') => string[];

let agent: https.Agent | null | undefined;

function createAgent(): https.Agent | null {
  const getCaCertificates = (tls as { getCACertificates?: GetCaCertificates }).getCACertificates;
  // Older runtimes cannot list the system store: leave trust to VS Code as before.
  if (!getCaCertificates) return null;
  try {
    const ca = [...new Set([...getCaCertificates('default'), ...getCaCertificates('system')])];
    // The trust is in the secure context. `ca` is set, but empty, for two readers: VS Code's proxy
    // support sees the agent names its own CAs and adds none; Node's agent puts `ca` into every
    // request's pool key, and a 200 KB key costs milliseconds a request (npm run bench's profile).
    return new https.Agent({ keepAlive: true, ca: [], secureContext: tls.createSecureContext({ ca }) });
  } catch {
    return null;
  }
}

export const sharedTlsAgentPolicy: PipelinePolicy = {
  name: 'acgSharedTlsAgent',
  sendRequest(request, next) {
    agent ??= createAgent();
    if (agent && !request.agent && request.url.startsWith('https:')) request.agent = agent;
    return next(request);
  },
};
