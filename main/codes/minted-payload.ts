import crypto from 'node:crypto';
import { base32nopad } from '@scure/base';
import { verifyStrict } from './strict-ed25519';

/**
 * Our code format, version 1: "DQR1:KB-0042:2:ABCDEF:<signature>". Every character is in
 * QR's alphanumeric set (0-9 A-Z space $ % * + - . / :), which packs 5.5 bits a character
 * instead of 8, so the symbol stays at version 10 or below at error correction H. The
 * signature is Ed25519 over everything before it, in base32 without padding.
 */
export const MINTED_PREFIX = 'DQR1';

export interface MintedFields {
  shortCode: string;
  revision: number;
  keyId: string;
}

const signedPart = ({ shortCode, revision, keyId }: MintedFields) => `${MINTED_PREFIX}:${shortCode}:${revision}:${keyId}`;

export function mintPayload(fields: MintedFields, privateKey: crypto.KeyObject): string {
  const message = signedPart(fields);
  const signature = crypto.sign(null, Buffer.from(message), privateKey);
  return `${message}:${base32nopad.encode(signature)}`;
}

/** Wraps a minted code in the office's URL template ("https://…/qr?c={code}") so a phone camera opens a link. */
export function wrapInUrl(payload: string, template: string | null): string {
  return template ? template.replace('{code}', payload) : payload;
}

export interface ParsedMinted extends MintedFields {
  signature: Buffer;
  message: string;
}

/**
 * Splits a minted code: the whole text, or the part of a link that wraps it (after "=" or
 * "/", up to the end or the next "/", "?", "&" or "#"). Exact case and digits: any other
 * spelling of the same code is not ours, and a code pasted into someone else's link does
 * not pass as genuine (the verifier also compares the whole text with what was issued).
 */
export function parseMinted(text: string): ParsedMinted | null {
  const match = /(?:^|[=/])DQR1:([A-Z0-9-]{1,20}):(0|[1-9]\d{0,5}):([A-Z2-7]{6}):([A-Z2-7]{103})(?=$|[/?&#])/.exec(text);
  if (!match) return null;
  const [, shortCode, revision, keyId, signature] = match;
  let bytes: Buffer;
  try {
    bytes = Buffer.from(base32nopad.decode(signature));
  } catch {
    // Our format, but a signature that does not even decode: altered, so it must not verify.
    bytes = Buffer.alloc(0);
  }
  const fields = { shortCode, revision: Number(revision), keyId };
  return { ...fields, signature: bytes, message: signedPart(fields) };
}

/** Whether the signature is the office's with this raw 32-byte public key, verified strictly. */
export function signatureValid(parsed: ParsedMinted, publicKey: Uint8Array): boolean {
  return verifyStrict(parsed.signature, Buffer.from(parsed.message), publicKey);
}
