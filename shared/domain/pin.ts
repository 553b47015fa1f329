import { z } from 'zod';

/**
 * A person's PIN: 4 to 8 digits. Digits only, because it is typed on the start screen of a
 * shared office PC, often on a numeric keypad; the KDF and the wait after wrong tries are
 * what make a short one costly to guess from a copied database or at the keyboard.
 */
export const Pin = z.string().regex(/^\d{4,8}$/);

/** How many wrong PINs in a row are answered at once; after that each try waits (see main/staff/pin-tries.ts). */
export const FREE_PIN_TRIES = 5;

/** The idle-lock choices the Settings page offers, in minutes; 0 is off. */
export const IDLE_LOCK_MINUTES = [0, 5, 10, 15, 30] as const;

/**
 * Seconds without an operation or user input after which the session locks; 0: never.
 * The page offers the minutes above; the API also takes any whole number of seconds from
 * 5 to an hour, which is what lets a test see the lock without waiting minutes.
 */
export const SHORTEST_IDLE_LOCK_SECONDS = 5;
export const IdleLockSeconds = z
  .number()
  .int()
  .refine((seconds) => seconds === 0 || (seconds >= SHORTEST_IDLE_LOCK_SECONDS && seconds <= 3600));

/** A new install locks after 15 idle minutes: long enough not to lock while a clerk reads, short enough to cover a lunch break. */
export const DEFAULT_IDLE_LOCK_SECONDS = 15 * 60;
