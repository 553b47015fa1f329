import { z } from 'zod';
import { Id } from './fields';
import { VenueQuery } from './venue';

/**
 * Poster templates and the paper each prints on. Sheets put several small posters on one
 * A4 with cut marks: 2×A5 side by side on a landscape A4, 4×A6 in a 2×2 grid on a portrait A4.
 */
export const POSTER_TEMPLATES = ['a4', 'a5', 'a6', 'sheet_2xa5', 'sheet_4xa6'] as const;
export type PosterTemplate = (typeof POSTER_TEMPLATES)[number];

export interface Paper {
  /** CSS @page size and the PDF page size, in millimetres. */
  widthMm: number;
  heightMm: number;
  /** Posters on one sheet of this paper. */
  perPage: number;
}

export const PAPER: Record<PosterTemplate, Paper> = {
  a4: { widthMm: 210, heightMm: 297, perPage: 1 },
  a5: { widthMm: 148, heightMm: 210, perPage: 1 },
  a6: { widthMm: 105, heightMm: 148, perPage: 1 },
  sheet_2xa5: { widthMm: 297, heightMm: 210, perPage: 2 },
  sheet_4xa6: { widthMm: 210, heightMm: 297, perPage: 4 },
};

/** Why a poster is printed; recorded with every print. */
export const PRINT_REASONS = ['new', 'damaged', 'faded', 'lost', 'too_small', 'moved', 'code_revoked', 'other'] as const;
export type PrintReason = (typeof PRINT_REASONS)[number];

/** Everything one poster shows; text is always rendered as text, never as markup. */
export const PosterData = z.object({
  venueId: Id,
  postingPointId: Id,
  postingPointLabel: z.string(),
  /** The short human code printed under the QR for manual entry, e.g. "KB-0042". */
  shortCode: z.string(),
  /** What the "if you cannot scan, type:" line offers (shared/qr/manual-entry.ts); null leaves the line out. */
  manualCode: z.string().nullable(),
  venueName: z.string(),
  address: z.string(),
  /** The issuing office, as the poster's header: "UBND XÃ KỲ BẮC". */
  officeName: z.string(),
  /** The exact string inside the QR. */
  payload: z.string(),
  revision: z.number().int(),
  /** dd/MM/yyyy of the code's issue. */
  issuedOn: z.string(),
});
export type PosterData = z.infer<typeof PosterData>;

/** Which venues a print job covers: a list of ids, the list screen's filter, or the replacement queue. */
export const PosterSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('venues'), venueIds: z.array(Id).min(1).max(20_000) }),
  z.object({ kind: z.literal('filter'), query: VenueQuery.omit({ limit: true, offset: true }) }),
  z.object({ kind: z.literal('queue') }),
]);
export type PosterSelection = z.infer<typeof PosterSelection>;

export const PrintJobCreate = z.object({
  selection: PosterSelection,
  template: z.enum(POSTER_TEMPLATES),
  copies: z.number().int().min(1).max(20).default(1),
  reason: z.enum(PRINT_REASONS).default('new'),
  laminated: z.boolean().default(false),
});
export type PrintJobCreateInput = z.input<typeof PrintJobCreate>;

export const PrintJob = z.object({
  jobId: Id,
  template: z.enum(POSTER_TEMPLATES),
  posters: z.number().int(),
  pages: z.number().int(),
});
export type PrintJob = z.infer<typeof PrintJob>;

/** One slice of a job's posters, for the print view to lay out (the view asks slice by slice). */
export const PrintSlice = z.object({
  template: z.enum(POSTER_TEMPLATES),
  posters: z.array(PosterData),
  total: z.number().int(),
});
export type PrintSlice = z.infer<typeof PrintSlice>;

export const PRINT_PHASES = ['ready', 'rendering', 'done', 'failed', 'cancelled'] as const;

export const PrintJobStatus = z.object({
  jobId: Id,
  phase: z.enum(PRINT_PHASES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  fileName: z.string().nullable(),
});
export type PrintJobStatus = z.infer<typeof PrintJobStatus>;
