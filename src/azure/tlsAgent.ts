import * as fs from 'node:fs';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

// VS Code's proxy support adds the operating system's certificates to every HTTPS request that
// does not name its own CAs — a new TLS context per request, about 20 ms of extension-host CPU
// each (measured: npm run bench, figure 4), which serialises "load 50 subscriptions". This agent
// names the same trust itself, once: Node's default CAs (with NODE_EXTRA_CA_CERTS) plus the system
// store, in one secure context, with connections kept alive. Proxy resolution is unchanged.

export type GetCaCertificates = (type?: 'default' | 'system' | 'bundled' | 'extra') => string[];

let agent: https.Agent | null | undefined;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM bundle, each exactly BEGIN…END: p11-kit bundles (Fedora, RHEL,
 * openSUSE) put a "# label" line between them, which must not end up in a certificate's text.
 */
export function pemBlocks(bundle: string): string[] {
  return bundle.match(PEM_BLOCK) ?? [];
}

/** Where Linux distributions keep the system store as one PEM bundle (the paths VS Code reads). */
const LINUX_CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/ssl/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
];

/**
 * The system store. On Linux, one read of the distribution's bundle file (~1 ms), as VS Code's
 * proxy support does, instead of Node scanning /etc/ssl/certs file by file (40–80 ms, measured:
 * npm run bench's CPU profile) — on the way to the first subscriptions.
 */
function systemCertificates(getCaCertificates: GetCaCertificates): string[] {
  if (process.platform === 'linux') {
    for (const file of LINUX_CA_BUNDLES) {
      try {
        return pemBlocks(fs.readFileSync(file, 'utf8'));
      } catch {
        // not this distribution's path
      }
    }
  }
  return getCaCertificates('system');
}

/** A certificate's identity for de-duplication: its base64 body, whatever the line breaks. */
function certificateBody(pem: string): string {
  return (pem.match(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/)?.[1] ?? pem).replace(/\s+/g, '');
}

/** The internal handle Node's own TLS code and the well-known system-store packages add CAs through. */
interface NativeContext {
  addCACert?: (pem: string) => void;
}

/**
 * Node's default trust (its bundled roots and NODE_EXTRA_CA_CERTS) plus the system store. Each CA
 * given in `ca` is parsed again for every context; Node's bundled roots are parsed once per process
 * and shared. So the context starts from Node's default store and adds what the bundled roots lack:
 * the NODE_EXTRA_CA_CERTS certificates (again: whether a copied store keeps them has varied between
 * Node versions, and adding one twice is harmless) and the system certificates (about 50 of 170 on
 * Debian) — 3–4× cheaper than naming all ~265 (measured in Node 24), on the way to the first
 * subscriptions. Where the handle is missing, the whole list is named.
 */
export function createTrustContext(getCaCertificates: GetCaCertificates): tls.SecureContext {
  const bundled = getCaCertificates('bundled');
  const known = new Set(bundled.map(certificateBody));
  const added: string[] = [];
  for (const pem of [...getCaCertificates('extra'), ...systemCertificates(getCaCertificates)]) {
    const body = certificateBody(pem);
    if (known.has(body)) continue;
    known.add(body);
    added.push(pem.trim());
  }
  const context = tls.createSecureContext();
  const native = (context as { context?: NativeContext }).context;
  if (typeof native?.addCACert === 'function') {
    for (const pem of added) native.addCACert(pem);
    return context;
  }
  return tls.createSecureContext({ ca: [...bundled, ...added] });
}

function createAgent(): https.Agent | null {
  const getCaCertificates = (tls as { getCACertificates?: GetCaCertificates }).getCACertificates;
  // Older runtimes cannot list the system store: leave trust to VS Code as before.
  if (!getCaCertificates) return null;
  try {
    // The trust is in the secure context. `ca` is set, but empty, for two readers: VS Code's proxy
    // support sees the agent names its own CAs and adds none; Node's agent puts `ca` into every
    // request's pool key, and a 200 KB key costs milliseconds a request (npm run bench's profile).
    return new https.Agent({ keepAlive: true, ca: [], secureContext: createTrustContext(getCaCertificates) });
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
