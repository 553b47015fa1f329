import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import type { PostingPoint } from '../../shared/domain/venue';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import { requireOwnVenue } from '../exchange/ownership';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { getVenue } from '../venues/rows';
import { statement, writeTransaction } from '../db/statements';


interface PointRow {
  id: string;
  venue_id: string;
  label: string;
  is_main: number;
  retired_at: string | null;
}

const toPoint = (row: PointRow): PostingPoint => ({
  id: row.id,
  venueId: row.venue_id,
  label: row.label,
  isMain: row.is_main === 1,
  retired: row.retired_at !== null,
});

export function listPostingPoints(db: Db, venueId: string): PostingPoint[] {
  return statement<[string], PointRow>(db, 
      'SELECT id, venue_id, label, is_main, retired_at FROM posting_points WHERE venue_id = ? ORDER BY position',
    )
    .all(venueId)
    .map(toPoint);
}

function getPoint(db: Db, id: string): PostingPoint {
  const row = statement<[string], PointRow>(db, 'SELECT id, venue_id, label, is_main, retired_at FROM posting_points WHERE id = ?')
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy vị trí niêm yết ${id}`);
  return toPoint(row);
}

/** Inserts a point; runs inside the caller's transaction (venue creation or addPostingPoint). */
export function insertPostingPoint(db: Db, venueId: string, label: string, isMain: boolean): string {
  const id = newId();
  const now = nowIso();
  statement(db, 
    `INSERT INTO posting_points (id, venue_id, label, position, is_main, created_at, updated_at)
     VALUES (?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM posting_points WHERE venue_id = ?), ?, ?, ?)`,
  ).run(id, venueId, label, venueId, isMain ? 1 : 0, now, now);
  return id;
}

export function addPostingPoint(db: Db, session: Session, venueId: string, label: string): PostingPoint {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    getVenue(db, venueId);
    requireOwnVenue(db, venueId);
    const id = insertPostingPoint(db, venueId, label, false);
    recordAudit(db, { staffId: actor, entity: 'venue', entityId: venueId, action: 'add_posting_point', after: { label } });
    return getPoint(db, id);
  });
}

export function renamePostingPoint(db: Db, session: Session, id: string, label: string): PostingPoint {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const before = getPoint(db, id);
    requireOwnVenue(db, before.venueId);
    statement(db, 'UPDATE posting_points SET label = ?, updated_at = ? WHERE id = ?').run(label, nowIso(), id);
    recordAudit(db, {
      staffId: actor,
      entity: 'venue',
      entityId: before.venueId,
      action: 'rename_posting_point',
      before: { label: before.label },
      after: { label },
    });
    return getPoint(db, id);
  });
}

/** Retires a point (its history stays); a venue always keeps at least one in use. */
export function retirePostingPoint(db: Db, session: Session, id: string): PostingPoint {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const point = getPoint(db, id);
    requireOwnVenue(db, point.venueId);
    if (point.retired) return point;
    const inUse = listPostingPoints(db, point.venueId).filter((p) => !p.retired);
    if (inUse.length <= 1) {
      throw new AppError('CONFLICT', 'Mỗi cơ sở phải còn ít nhất một vị trí niêm yết.', 'id', 'invalid');
    }
    statement(db, 'UPDATE posting_points SET retired_at = ?, updated_at = ? WHERE id = ?').run(nowIso(), nowIso(), id);
    if (point.isMain) {
      // The main entrance moves to the first point still in use.
      const next = inUse.find((p) => p.id !== id)!;
      statement(db, 'UPDATE posting_points SET is_main = 0 WHERE id = ?').run(id);
      statement(db, 'UPDATE posting_points SET is_main = 1 WHERE id = ?').run(next.id);
    }
    recordAudit(db, { staffId: actor, entity: 'venue', entityId: point.venueId, action: 'retire_posting_point', before: { label: point.label } });
    return getPoint(db, id);
  });
}
