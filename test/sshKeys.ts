// Real OpenSSH public keys for tests that deploy VMs (Azure checks the key data, not only its form).
import * as crypto from 'node:crypto';

/** A real OpenSSH ed25519 public key line (the raw 32 bytes are the SPKI's last 32). */
export function ed25519PublicKey(comment = 'vm@test'): string {
  const der = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
  const str = (b: Buffer) => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(b.length, 0);
    return Buffer.concat([l, b]);
  };
  const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(der.subarray(der.length - 32))]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

