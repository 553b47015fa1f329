import { AppError } from '../../shared/api/result';
import {
  DocumentContent,
  documentNumber,
  type DocumentKind,
  type DocumentRequest,
  type IssuedDocument,
  type IssuedDocumentSummary,
} from '../../shared/domain/documents';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import { newId } from '../core/ids';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { requireStaff, type Session } from '../session/session';
import { buildDocumentContent } from './content';

/**
 * Issued documents are fixed records: the row keeps the number given at issue and
 * everything the document prints. Nothing recomputes them: a later visit, an action done or
 * a venue renamed never changes a biên bản or a reminder already handed over.
 */

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  number: string;
  round_id: string;
  venue_id: string | null;
  venue_name: string | null;
  issued_at: string;
  issued_by_name: string | null;
}

/** The next number of a kind in a year: one more than the highest given (read in the write's transaction). */
export function nextSequence(db: Db, kind: DocumentKind, year: number): number {
  const row = statement<[string, number], { last: number | null }>(
    db,
    'SELECT max(sequence) AS last FROM issued_documents WHERE kind = ? AND year = ?',
  ).get(kind, year);
  return (row?.last ?? 0) + 1;
}

/** Issues the document as its draft shows it now: stores that content under the next number of its kind and year. */
export function issueDocument(db: Db, session: Session, request: DocumentRequest, today: string): IssuedDocument {
  const actor = requireStaff(session);
  const id = newId();
  writeTransaction(db, () => {
    const content = buildDocumentContent(db, request);
    if (content.kind === 'round_record' && content.detail.visits.length === 0) {
      throw new AppError('INVALID_INPUT', 'Đợt kiểm tra chưa có lượt kiểm tra nào: chưa lập được biên bản.', 'roundId', 'invalid');
    }
    // One record per round, one reminder per venue in it: a second click or a second clerk reprints, never numbers again.
    const earlier = statement<[string, string, string | null], { number: string }>(
      db,
      'SELECT number FROM issued_documents WHERE kind = ? AND round_id = ? AND venue_id IS ?',
    ).get(request.kind, request.roundId, content.venueId);
    if (earlier) {
      const what = request.kind === 'round_record' ? 'Đợt kiểm tra này đã có biên bản' : 'Cơ sở này đã có giấy nhắc nhở của đợt';
      throw new AppError('CONFLICT', `${what} số ${earlier.number}: hãy in lại văn bản đó từ danh sách văn bản đã ban hành, không cấp số mới.`);
    }
    const year = Number(today.slice(0, 4));
    const sequence = nextSequence(db, request.kind, year);
    const number = documentNumber(request.kind, sequence);
    statement(
      db,
      `INSERT INTO issued_documents (id, kind, year, sequence, number, round_id, venue_id, content, issued_at, issued_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, request.kind, year, sequence, number, request.roundId, content.venueId, JSON.stringify(content), nowIso(), actor);
    // The round's history says who gave which number: the office's history page reads it as a sentence.
    recordAudit(db, { staffId: actor, entity: 'round', entityId: request.roundId, action: 'document_issued', after: { kind: request.kind, number, venueId: content.venueId } });
  });
  return getDocument(db, id);
}

const SUMMARY_COLUMNS = `d.id, d.kind, d.number, d.round_id, d.venue_id, d.issued_at, s.name AS issued_by_name,
  (SELECT json_extract(v.value, '$.name') FROM json_each(d.content, '$.venues') v
    WHERE json_extract(v.value, '$.id') = d.venue_id) AS venue_name`;

const summaryOf = (row: DocumentRow): IssuedDocumentSummary => ({
  id: row.id,
  kind: row.kind,
  number: row.number,
  roundId: row.round_id,
  venueId: row.venue_id,
  venueName: row.venue_name,
  issuedAt: row.issued_at,
  issuedByName: row.issued_by_name,
});

export function getDocument(db: Db, id: string): IssuedDocument {
  const row = statement<[string], DocumentRow & { content: string }>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, d.content FROM issued_documents d LEFT JOIN staff s ON s.id = d.issued_by WHERE d.id = ?`,
  ).get(id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản này.');
  return { ...summaryOf(row), content: DocumentContent.parse(JSON.parse(row.content)) };
}

/** The documents issued for a round, oldest first (in the order issued), without their content. */
export function listDocuments(db: Db, roundId: string): IssuedDocumentSummary[] {
  return statement<[string], DocumentRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM issued_documents d LEFT JOIN staff s ON s.id = d.issued_by
      WHERE d.round_id = ? ORDER BY d.issued_at, d.rowid`,
  )
    .all(roundId)
    .map(summaryOf);
}
