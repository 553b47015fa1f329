import { randomBytes, timingSafeEqual } from 'node:crypto';
import { scrypt } from '@noble/hashes/scrypt.js';
import { z } from 'zod';

/**
 * How a PIN is stretched, stored beside its hash so a later version can raise the cost
 * and still check the PINs set before (they are rehashed at their next right entry).
 * scrypt with N = 2^14, r = 8 (16 MB; the scrypt paper's cost for interactive logins): a
 * few hundred milliseconds per try on an old office PC, which is what a copied database
 * costs an attacker per guess of a 4–8 digit PIN.
 */
export const PinParams = z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), dkLen: z.number().int() });
export type PinParams = z.infer<typeof PinParams>;

export const CURRENT_PIN_PARAMS: PinParams = { alg: 'scrypt', N: 2 ** 14, r: 8, p: 1, dkLen: 32 };

/** What the staff table keeps for a PIN: never sent to the renderer. */
export interface StoredPin {
  hash: Buffer;
  salt: Buffer;
  params: PinParams;
}

const stretch = (pin: string, salt: Buffer, { N, r, p, dkLen }: PinParams) =>
  Buffer.from(scrypt(pin, salt, { N, r, p, dkLen, maxmem: 128 * r * (N + p + 2) }));

/** A fresh random salt per PIN, so equal PINs of two people hash apart. */
export function hashPin(pin: string, params: PinParams = CURRENT_PIN_PARAMS): StoredPin {
  const salt = randomBytes(16);
  return { hash: stretch(pin, salt, params), salt, params };
}

/** Compares in constant time, so the time taken says nothing of how much of the hash matched. */
export function pinMatches(pin: string, stored: StoredPin): boolean {
  const candidate = stretch(pin, stored.salt, stored.params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}

export const isCurrentStrength = (params: PinParams): boolean =>
  JSON.stringify(params) === JSON.stringify(CURRENT_PIN_PARAMS);
