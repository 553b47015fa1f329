import { z } from 'zod';
import { Id } from './fields';

export const CODE_SOURCES = ['minted', 'official'] as const;
export type CodeSource = (typeof CODE_SOURCES)[number];

export const VenueCode = z.object({
  id: Id,
  venueId: Id,
  revision: z.number().int(),
  source: z.enum(CODE_SOURCES),
  payload: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type VenueCode = z.infer<typeof VenueCode>;

/**
 * What a scanned or typed code turns out to be. "genuine_current" and "official_current"
 * are the only good answers; the rest say what is wrong, for the inspector's finding.
 */
export const VERDICTS = [
  'genuine_current',
  'official_current',
  'outdated_revision',
  'other_venue',
  'other_office',
  'unknown_office',
  'invalid_signature',
  'unknown_venue',
  'unrecognised',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const Verification = z.object({
  verdict: z.enum(VERDICTS),
  venueId: Id.nullable(),
  shortCode: z.string().nullable(),
  revision: z.number().int().nullable(),
  currentRevision: z.number().int().nullable(),
  /** The office that signed it, for a code of another office whose key we trust. */
  officeName: z.string().nullable(),
});
export type Verification = z.infer<typeof Verification>;

export const REVOKE_REASONS = ['lost', 'misused', 'moved', 'damaged', 'other'] as const;

export const OfficeKey = z.object({ keyId: z.string(), publicKey: z.string(), officeName: z.string() });
