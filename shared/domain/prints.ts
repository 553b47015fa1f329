import { z } from 'zod';

/** One recorded print or PDF export of a poster. */
export const PrintRecord = z.object({
  id: z.string(),
  postingPointLabel: z.string(),
  revision: z.number().int(),
  template: z.string(),
  copies: z.number().int(),
  reason: z.string(),
  laminated: z.boolean(),
  output: z.enum(['pdf', 'printer']),
  printedAt: z.string(),
  printedBy: z.string().nullable(),
});
export type PrintRecord = z.infer<typeof PrintRecord>;

export const QUEUE_REASONS = ['never_printed', 'code_revoked', 'requested'] as const;

/** A venue waiting for a (new) poster, and why. */
export const QueueEntry = z.object({
  venueId: z.string(),
  shortCode: z.string(),
  venueName: z.string(),
  /** The page groups the queue by village: a team prints and puts up one village at a time. */
  villageId: z.string().nullable(),
  reasons: z.array(z.enum(QUEUE_REASONS)),
  /** What the open requests say (from inspection findings), e.g. "damaged". */
  requestReasons: z.array(z.string()),
});
export type QueueEntry = z.infer<typeof QueueEntry>;
