import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * Ed25519 as strictly as RFC 8032 reads (noble-curves with ZIP-215 off): Node's own
 * verify accepts keys of small order, such as the all-zero key, for which anyone can make
 * a signature that verifies; trusting one would let anyone mint codes that read as
 * another office's. Non-canonical encodings of keys and signatures are refused too, so
 * one signed message has one signature.
 */
export function isUsablePublicKey(raw: Uint8Array): boolean {
  try {
    return raw.length === 32 && !ed25519.Point.fromBytes(raw, false).isSmallOrder();
  } catch {
    return false;
  }
}

export function verifyStrict(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || !isUsablePublicKey(publicKey)) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
