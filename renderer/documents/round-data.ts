import type { Result } from '../../shared/api/result';
import type { DocumentContent, DocumentRequest, DocumentVenue } from '../../shared/domain/documents';
import type { RoundDetail } from '../../shared/domain/inspections';
import { api } from '../api/client';
import { useDocumentLoad, type Loaded } from './document-load';

/**
 * What a round's document (biên bản, giấy nhắc nhở) prints: main computes it (a draft,
 * from today's data) or keeps it (an issued document, as it was issued); the view only
 * lays it out.
 */
export interface ShownDocument {
  content: DocumentContent;
  /** The issued document's number ("01/BB-KT"); null for a draft, which has none yet. */
  number: string | null;
}

export const leaderOf = (detail: RoundDetail) => detail.round.team[0]?.name;

export const venuesOf = (content: DocumentContent): ReadonlyMap<string, DocumentVenue> => new Map(content.venues.map((venue) => [venue.id, venue]));

/** The value of an answer, or its refusal thrown for useDocumentLoad to show. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** Today's draft of a round's record or of a venue's reminder. */
export function useDraftDocument(request: DocumentRequest): Loaded<ShownDocument> {
  return useDocumentLoad(`${request.kind}/${request.roundId}/${request.venueId ?? '*'}`, async () => ({
    content: valueOf(await api['documents.draft'](request)),
    number: null,
  }));
}

/** An issued document, as it was issued. */
export function useIssuedDocument(id: string): Loaded<ShownDocument> {
  return useDocumentLoad(`issued/${id}`, async () => {
    const issued = valueOf(await api['documents.get']({ id }));
    return { content: issued.content, number: issued.number };
  });
}
