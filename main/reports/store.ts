import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import { ReportContent, type Report, type ReportRequest, type ReportSummary } from '../../shared/domain/reports';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { requireStaff, type Session } from '../session/session';
import { buildReport } from './content';

/**
 * Issued reports are fixed records: the row keeps the parameters and everything the report
 * prints (figures, sentences, number, addressees, signer, proposals) as they were when it
 * was issued. Nothing recomputes them: data that arrives later never changes a report sent.
 */

interface ReportRow {
  id: string;
  number: string;
  kind: string;
  content: string;
  issued_at: string;
  issued_by: string | null;
  issued_by_name: string | null;
}

/** A number such as "15/BC-UBND" is given once a year; "……/BC-UBND" (to be numbered by hand) may repeat. */
function assertNumberFree(db: Db, number: string, year: string): void {
  if (!/\d/.test(number)) return;
  const taken = statement<[string, string], { id: string }>(
    db,
    `SELECT id FROM reports WHERE number = ? AND substr(json_extract(content, '$.issuedOn'), 1, 4) = ?`,
  ).get(number, year);
  if (taken) {
    throw new AppError('DUPLICATE', `Số báo cáo "${number}" đã dùng cho một báo cáo khác trong năm ${year}.`, 'number', 'invalid');
  }
}

/** Issues the report: computes it as a preview would and stores it, with who issued it and when. */
export function issueReport(db: Db, session: Session, request: ReportRequest, today: string): Report {
  const actor = requireStaff(session);
  const id = newId();
  writeTransaction(db, () => {
    const { content } = buildReport(db, request, today);
    assertNumberFree(db, content.number, content.issuedOn.slice(0, 4));
    statement(
      db,
      `INSERT INTO reports (id, number, kind, params, content, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, content.number, content.kind, JSON.stringify(content.params), JSON.stringify(content), nowIso(), actor);
  });
  return getReport(db, id);
}

const REPORT_SELECT = `SELECT r.id, r.number, r.kind, r.content, r.issued_at, r.issued_by, s.name AS issued_by_name
  FROM reports r LEFT JOIN staff s ON s.id = r.issued_by`;

export function getReport(db: Db, id: string): Report {
  const row = statement<[string], ReportRow>(db, `${REPORT_SELECT} WHERE r.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo này.');
  const content = ReportContent.parse(JSON.parse(row.content));
  return {
    id: row.id,
    kind: content.kind,
    number: row.number,
    content,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by === null ? null : { id: row.issued_by, name: row.issued_by_name ?? '' },
  };
}

/** The issued reports, newest first; the list reads its columns from the stored JSON without loading the figures. */
export function listReports(db: Db): ReportSummary[] {
  const rows = statement<
    [],
    { id: string; kind: string; number: string; from_day: string; to_day: string; area_name: string | null; issued_at: string; issued_by_name: string | null }
  >(
    db,
    `SELECT r.id, r.kind, r.number, json_extract(r.params, '$.from') AS from_day, json_extract(r.params, '$.to') AS to_day,
            json_extract(r.content, '$.areaName') AS area_name, r.issued_at, s.name AS issued_by_name
       FROM reports r LEFT JOIN staff s ON s.id = r.issued_by
      ORDER BY r.issued_at DESC, r.id DESC`,
  ).all();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as ReportSummary['kind'],
    number: row.number,
    from: row.from_day,
    to: row.to_day,
    areaName: row.area_name,
    issuedAt: row.issued_at,
    issuedByName: row.issued_by_name,
  }));
}
