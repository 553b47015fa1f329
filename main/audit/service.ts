import { newId } from '../core/ids';
import type { AuditEntity, AuditEntry } from '../../shared/domain/audit';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

type Fields = Record<string, unknown>;

export interface AuditRecord {
  staffId: string | null;
  entity: AuditEntity;
  entityId: string;
  action: string;
  before?: Fields | null;
  after?: Fields | null;
}

/** Keeps only what changed, so the history reads "phone: 0912… → 0987…" and not the whole record. */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } | null {
  const was: Fields = {};
  const now: Fields = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return Object.keys(now).length === 0 ? null : { before: was, after: now };
}

/** Drops empty values, so a new record's history lists what was filled in, not twenty dashes. */
export function filledFields(fields: Fields): Fields {
  const isEmpty = (value: unknown) =>
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value)));
}

/** Appends one row to the audit log; call it inside the transaction that made the change. */
export function recordAudit(db: Db, record: AuditRecord): void {
  statement(db, 
    `INSERT INTO audit_log (id, at, staff_id, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    nowIso(),
    record.staffId,
    record.entity,
    record.entityId,
    record.action,
    record.before ? JSON.stringify(record.before) : null,
    record.after ? JSON.stringify(record.after) : null,
  );
}

export interface AuditRow {
  id: string;
  at: string;
  staff_id: string | null;
  staff_name: string | null;
  entity: AuditEntity;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

/** Where an id found in an entry's fields can be named; units are named by the window, which holds them all. */
const NAMED_BY_ID = ['SELECT name FROM inspection_rounds WHERE id = ?', 'SELECT name FROM staff WHERE id = ?', 'SELECT name FROM venues WHERE id = ?'] as const;

/** The ids an entry keeps in its fields (roundId, venueId, …) with the name each has now, so the history reads in words. */
function namesIn(db: Db, ...fields: Array<Fields | null>): Record<string, string> {
  const lookups = NAMED_BY_ID.map((sql) => statement<[string], { name: string }>(db, sql));
  const names: Record<string, string> = {};
  for (const [key, value] of fields.flatMap((entry) => Object.entries(entry ?? {}))) {
    if (!key.endsWith('Id') || typeof value !== 'string' || value in names) continue;
    const found = lookups.map((lookup) => lookup.get(value)).find((row) => row !== undefined);
    if (found) names[value] = found.name;
  }
  return names;
}

/** A stored row as the history shows it: the fields parsed, the ids in them named. */
export function toEntry(db: Db, row: AuditRow): AuditEntry {
  const before = row.before_json ? (JSON.parse(row.before_json) as Fields) : null;
  const after = row.after_json ? (JSON.parse(row.after_json) as Fields) : null;
  return {
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    staffName: row.staff_name,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before,
    after,
    names: namesIn(db, before, after),
  };
}

/** The history of one record, newest first (UUIDv7 ids sort by time). */
export function listAudit(db: Db, entity: AuditEntity, entityId: string): AuditEntry[] {
  const rows = statement<[string, string], AuditRow>(db, 
      `SELECT a.id, a.at, a.staff_id, s.name AS staff_name, a.entity, a.entity_id, a.action, a.before_json, a.after_json
       FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
       WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC`,
    )
    .all(entity, entityId);
  return rows.map((row) => toEntry(db, row));
}
