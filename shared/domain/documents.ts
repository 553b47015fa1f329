import { z } from 'zod';
import { Id } from './fields';
import { RoundDetail, type Finding } from './inspections';

/**
 * The documents of an inspection round: the record of the round (biên bản kiểm tra) and a
 * reminder notice for a venue owner (giấy nhắc nhở). Until issued a document is a draft
 * computed from today's data, without a number. Issuing stores everything it prints and
 * gives it the next number: from then on it is a fixed record, printed the same every time.
 */
export const DOCUMENT_KINDS = ['round_record', 'reminder'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Ký hiệu of each kind, after the number: "01/BB-KT", "07/GNN". */
const SYMBOLS: Record<DocumentKind, string> = { round_record: 'BB-KT', reminder: 'GNN' };

/**
 * The number an issued document carries: a sequence per kind that starts again at 01 each
 * year (the year it is issued), two digits at least, as offices number their papers.
 */
export const documentNumber = (kind: DocumentKind, sequence: number) => `${String(sequence).padStart(2, '0')}/${SYMBOLS[kind]}`;

/** What a draft prints where the number goes: dots to be filled in by hand. */
export const draftNumber = (kind: DocumentKind) => `……/${SYMBOLS[kind]}`;

export const DocumentRequest = z
  .object({ kind: z.enum(DOCUMENT_KINDS), roundId: Id, venueId: Id.optional() })
  .superRefine((input, context) => {
    if (input.kind === 'reminder' && input.venueId === undefined) {
      context.addIssue({ code: 'custom', path: ['venueId'], message: 'A reminder is for one venue' });
    }
  });
export type DocumentRequest = z.infer<typeof DocumentRequest>;

export const DocumentVenue = z.object({
  id: Id,
  name: z.string(),
  code: z.string(),
  ownerName: z.string(),
  /** Address, village, commune. */
  place: z.string(),
});
export type DocumentVenue = z.infer<typeof DocumentVenue>;

/** Everything a document prints, as it was when computed: the snapshot an issued document keeps. */
export const DocumentContent = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  detail: RoundDetail,
  /** The venue a reminder is for; null for a round's record. */
  venueId: Id.nullable(),
  officeName: z.string(),
  /** The commune the place-and-date line names, without its level; null when unknown. */
  place: z.string().nullable(),
  /** "Xã Kỳ Bắc (Thôn A, Thôn B)", or null when the round names no area and the office no commune. */
  area: z.string().nullable(),
  venues: z.array(DocumentVenue),
});
export type DocumentContent = z.infer<typeof DocumentContent>;

export const IssuedDocumentSummary = z.object({
  id: Id,
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  roundId: Id,
  venueId: Id.nullable(),
  /** The reminder's venue as the document names it; null for a record. */
  venueName: z.string().nullable(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
});
export type IssuedDocumentSummary = z.infer<typeof IssuedDocumentSummary>;

export const IssuedDocument = IssuedDocumentSummary.extend({ content: DocumentContent });
export type IssuedDocument = z.infer<typeof IssuedDocument>;

/** Which document the PDF is of: an issued one, or the draft of a round's record or reminder. */
export const DocumentPdfRequest = z.union([z.object({ documentId: Id }), DocumentRequest]);
export type DocumentPdfRequest = z.infer<typeof DocumentPdfRequest>;

/** The record's date: the round's last day, else its last visit, else its first day (yyyy-MM-dd). */
export function recordDayOf(detail: RoundDetail): string {
  const lastVisit = detail.visits.map((visit) => visit.visitedOn).sort().at(-1);
  return detail.round.endsOn ?? lastVisit ?? detail.round.startsOn;
}

/** What a reminder lists: the venue's findings in the round still to be put right (no action yet, or open). */
export const stillOpen = (finding: Pick<Finding, 'action'>) => finding.action === null || finding.action.status === 'open';

/** Whether a venue has something a reminder could ask of its owner in this round. */
export const hasOpenFindings = (detail: RoundDetail, venueId: string) =>
  detail.visits.some((visit) => visit.venueId === venueId && visit.findings.some(stillOpen));
