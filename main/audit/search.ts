import type { AuditEntity, AuditLogEntry, AuditLogPage } from '../../shared/domain/audit';
import type { ParsedInputOf } from '../../shared/api/contract';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { type AuditRow, toEntry } from './service';

/** How each kind of record is named now; a posting point is named by its venue, which is what the clerk opens. */
const SUBJECT_OF: Record<AuditEntity, string | null> = {
  venue: 'SELECT name, id AS venue_id FROM venues WHERE id = ?',
  posting_point: 'SELECT v.name, v.id AS venue_id FROM posting_points p JOIN venues v ON v.id = p.venue_id WHERE p.id = ?',
  unit: 'SELECT name, NULL AS venue_id FROM admin_units WHERE id = ?',
  staff: 'SELECT name, NULL AS venue_id FROM staff WHERE id = ?',
  round: 'SELECT name, NULL AS venue_id FROM inspection_rounds WHERE id = ?',
  scan_source: "SELECT NULLIF(file_name, '') AS name, NULL AS venue_id FROM scan_sources WHERE id = ?",
  // The office's settings are one record: the page names them by their kind.
  settings: null,
};

interface Subject {
  name: string | null;
  venue_id: string | null;
}

function subjectOf(db: Db, entity: AuditEntity, entityId: string): Subject {
  const sql = SUBJECT_OF[entity];
  const found = sql ? statement<[string], Subject>(db, sql).get(entityId) : undefined;
  return found ?? { name: null, venue_id: null };
}

/**
 * The office's history for an admin, newest first, a page at a time. The log is walked down
 * its primary key (UUIDv7 ids sort by time), so a page costs its own rows, however long the
 * log; paging goes on from the last id shown rather than by offset.
 */
export function searchAudit(db: Db, input: ParsedInputOf<'audit.search'>): AuditLogPage {
  const where: string[] = [];
  const values: string[] = [];
  const narrow = (clause: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    values.push(value);
  };
  narrow('a.staff_id = ?', input.staffId);
  narrow('a.entity = ?', input.entity);
  narrow('a.at >= ?', input.since);
  narrow('a.at < ?', input.until);
  narrow('a.id < ?', input.before);
  // One row more than the page tells whether there is a next page.
  const rows = statement<Array<string | number>, AuditRow>(
    db,
    `SELECT a.id, a.at, a.staff_id, s.name AS staff_name, a.entity, a.entity_id, a.action, a.before_json, a.after_json
     FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.id DESC LIMIT ?`,
  ).all(...values, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const entries: AuditLogEntry[] = page.map((row) => {
    const subject = subjectOf(db, row.entity, row.entity_id);
    return { ...toEntry(db, row), subject: subject.name, venueId: subject.venue_id };
  });
  return { entries, nextBefore: rows.length > input.limit ? page[page.length - 1].id : null };
}
