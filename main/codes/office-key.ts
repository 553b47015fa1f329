import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { base32nopad } from '@scure/base';

/**
 * The office's Ed25519 signing key: made on first run, kept in the data folder (backed
 * up with it), never leaves it. Its public half is shared with other offices and the
 * district so they can tell a genuine poster offline.
 */
export interface OfficeKey {
  keyId: string;
  privateKey: crypto.KeyObject;
  /** The 32 raw bytes of the public key. */
  publicKey: Buffer;
}

const KEY_FILE = path.join('keys', 'office-ed25519.pem');

/** The raw 32-byte public key of an Ed25519 KeyObject (the last 32 bytes of its SPKI DER). */
const rawPublicKey = (key: crypto.KeyObject) => key.export({ type: 'spki', format: 'der' }).subarray(-32);

/** A short name for a public key, carried in every minted code: 6 base32 characters of its SHA-256. */
export const keyIdOf = (publicKey: Buffer) => base32nopad.encode(crypto.createHash('sha256').update(publicKey).digest()).slice(0, 6);

export function loadOrCreateOfficeKey(dataDir: string): OfficeKey {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  const publicKey = rawPublicKey(crypto.createPublicKey(privateKey));
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** A public key from its raw 32 bytes, for verifying another office's codes. */
export function publicKeyFromRaw(raw: Buffer): crypto.KeyObject {
  const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
  return crypto.createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' });
}
