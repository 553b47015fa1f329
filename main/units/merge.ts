import { AppError } from '../../shared/api/result';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { getSettings, updateSettings } from '../settings/service';
import { LEVEL_NAME_VI } from './rules';
import { getUnit } from './service';
import { changeUnit } from './write';
import { writeTransaction } from '../db/statements';

type Placement = { communeId: string | null; villageId: string | null };

/**
 * Moves the venues placed in `from` to `into` with one audit row each, so a venue's
 * history shows where it was before the reorganisation. A village's venues also take
 * the village's commune. The version bump makes an edit started before the merge stale.
 */
function moveVenues(db: Db, actor: string, from: AdminUnit, into: AdminUnit): number {
  if (from.level !== 'commune' && from.level !== 'village') return 0;
  const column = from.level === 'commune' ? 'commune_id' : 'village_id';
  const venues = db
    .prepare<[string], { id: string; commune_id: string | null; village_id: string | null }>(
      `SELECT id, commune_id, village_id FROM venues WHERE ${column} = ?`,
    )
    .all(from.id);
  const move = db.prepare(
    `UPDATE venues SET commune_id = ?, village_id = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
  );
  const now = nowIso();
  for (const venue of venues) {
    const before: Placement = { communeId: venue.commune_id, villageId: venue.village_id };
    const after: Placement =
      from.level === 'commune' ? { ...before, communeId: into.id } : { communeId: into.parentId, villageId: into.id };
    move.run(after.communeId, after.villageId, now, actor, venue.id);
    recordAudit(db, { staffId: actor, entity: 'venue', entityId: venue.id, action: 'unit_merge', before, after });
  }
  return venues.length;
}

/** Child units (retired ones too, so history reads the same) now hang under `into`. */
function moveChildren(db: Db, actor: string, from: AdminUnit, into: AdminUnit): number {
  const children = db.prepare<[string], { id: string }>('SELECT id FROM admin_units WHERE parent_id = ?').all(from.id);
  for (const child of children) changeUnit(db, actor, getUnit(db, child.id), { parentId: into.id }, 'unit_merge');
  return children.length;
}

/**
 * Merges one unit into another of the same level, as the 2025 reorganisation did:
 * its venues and child units move over, and it stays on record as merged and retired.
 * All in one transaction.
 */
export function mergeUnits(db: Db, session: Session, fromId: string, intoId: string) {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const from = getUnit(db, fromId);
    const into = getUnit(db, intoId);
    if (from.retired) {
      throw new AppError('INVALID_INPUT', `"${from.name}" đã thôi dùng hoặc đã được gộp.`, 'fromId', 'invalid');
    }
    if (into.id === from.id || into.retired || into.level !== from.level) {
      throw new AppError(
        'INVALID_INPUT',
        `Chỉ gộp được "${from.name}" vào một ${LEVEL_NAME_VI[from.level]} khác đang dùng.`,
        'intoId',
        'invalid',
      );
    }
    const venuesMoved = moveVenues(db, actor, from, into);
    const unitsMoved = moveChildren(db, actor, from, into);
    // The office's own commune follows a merge too, or new venues would default to a retired unit.
    if (getSettings(db).homeCommuneId === from.id) updateSettings(db, session, { homeCommuneId: into.id });
    changeUnit(db, actor, from, { mergedIntoId: into.id, retired: true }, 'merge');
    recordAudit(db, { staffId: actor, entity: 'unit', entityId: into.id, action: 'merge_in', after: { mergedFromId: from.id, venuesMoved, unitsMoved } });
    return { into: getUnit(db, into.id), venuesMoved, unitsMoved };
  });
}
