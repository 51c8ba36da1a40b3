import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import forge from 'node-forge';
import { writeFileAtomic } from './files';

export interface TlsMaterial {
  caCertPem: string;
  caPath: string;
  certPem: string;
  keyPem: string;
}

interface TlsBundle {
  caCert: string;
  caKey: string;
  leafCert: string;
  leafKey: string;
}

/** Git-ignored cache of the CA, so that every run (and the harness that trusts it) sees the same CA. */
export const defaultCacheDir = path.resolve(__dirname, '..', '..', '.emulator');

const HOSTS = { dns: ['localhost'], ip: ['127.0.0.1', '::1'] };
const DAY = 24 * 60 * 60 * 1000;

/** Loads the cached CA and leaf certificate, generating them once (under a lock: test workers start together). */
export async function loadOrCreateTls(cacheDir = defaultCacheDir): Promise<TlsMaterial> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const bundlePath = path.join(cacheDir, 'tls.json');
  const caPath = path.join(cacheDir, 'ca.pem');
  let bundle = readBundle(bundlePath);
  if (!bundle) {
    bundle = await withLock(path.join(cacheDir, 'tls.lock'), () => {
      const existing = readBundle(bundlePath);
      if (existing) return existing;
      const created = createBundle();
      writeFileAtomic(bundlePath, JSON.stringify(created), 0o600);
      return created;
    });
  }
  if (!fs.existsSync(caPath) || fs.readFileSync(caPath, 'utf8') !== bundle.caCert) writeFileAtomic(caPath, bundle.caCert);
  return { caCertPem: bundle.caCert, caPath, certPem: bundle.leafCert, keyPem: bundle.leafKey };
}

function readBundle(file: string): TlsBundle | undefined {
  try {
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as TlsBundle;
    const leaf = forge.pki.certificateFromPem(bundle.leafCert);
    // Renew well before expiry so a long-lived checkout never serves an expired certificate.
    if (leaf.validity.notAfter.getTime() - Date.now() < 30 * DAY) return undefined;
    return bundle;
  } catch {
    return undefined;
  }
}

async function withLock<T>(lockPath: string, fn: () => T): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.closeSync(fd);
      break;
    } catch {
      const stale = (() => {
        try {
          return Date.now() - fs.statSync(lockPath).mtimeMs > 30_000;
        } catch {
          return false;
        }
      })();
      if (stale) fs.rmSync(lockPath, { force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockPath}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

/** RSA keys from Node's crypto (native, fast); certificates built with node-forge. */
function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

function serial(): string {
  // Positive, 16 random bytes: a leading 0 nibble keeps the DER integer positive.
  return '0' + crypto.randomBytes(16).toString('hex').slice(1);
}

function createBundle(): TlsBundle {
  const now = Date.now();
  const ca = newKeyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = serial();
  caCert.validity.notBefore = new Date(now - DAY);
  caCert.validity.notAfter = new Date(now + 3650 * DAY);
  const caName = [
    { name: 'commonName', value: 'Local Azure Emulator CA' },
    { name: 'organizationName', value: 'azure-compute-gallery tests' },
  ];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const leaf = newKeyPair();
  const leafCert = forge.pki.createCertificate();
  leafCert.publicKey = leaf.publicKey;
  leafCert.serialNumber = serial();
  leafCert.validity.notBefore = new Date(now - DAY);
  // Below 398 days: clients that enforce the CA/B limit on leaf lifetime still accept it.
  leafCert.validity.notAfter = new Date(now + 397 * DAY);
  leafCert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  leafCert.setIssuer(caName);
  leafCert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [...HOSTS.dns.map((value) => ({ type: 2, value })), ...HOSTS.ip.map((ip) => ({ type: 7, ip }))],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leafCert.sign(ca.privateKey, forge.md.sha256.create());

  return {
    caCert: forge.pki.certificateToPem(caCert),
    caKey: forge.pki.privateKeyToPem(ca.privateKey),
    leafCert: forge.pki.certificateToPem(leafCert),
    leafKey: forge.pki.privateKeyToPem(leaf.privateKey),
  };
}

/** A stable secret for signing tokens, kept next to the CA so tokens stay valid across restarts. */
export function loadOrCreateSigningKey(cacheDir = defaultCacheDir): Buffer {
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, 'token-signing.key');
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length >= 32) return key;
  } catch {
    // first run
  }
  const key = crypto.randomBytes(32);
  try {
    fs.writeFileSync(file, key.toString('base64'), { flag: 'wx', mode: 0o600 });
    return key;
  } catch {
    // Another process won the race: use its key.
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
}
