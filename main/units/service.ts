import type { AdminUnit, UnitLevel } from '../../shared/domain/admin-unit';
import { AppError } from '../../shared/api/result';
import type { Db } from '../db/open';

interface UnitRow {
  id: string;
  parent_id: string | null;
  level: UnitLevel;
  name: string;
  official_code: string | null;
  retired_at: string | null;
}

const toUnit = (row: UnitRow): AdminUnit => ({
  id: row.id,
  parentId: row.parent_id,
  level: row.level,
  name: row.name,
  officialCode: row.official_code,
  retired: row.retired_at !== null,
});

export function listUnits(db: Db, includeRetired: boolean): AdminUnit[] {
  const rows = db
    .prepare<[number], UnitRow>(
      `SELECT id, parent_id, level, name, official_code, retired_at FROM admin_units
       WHERE ? OR retired_at IS NULL ORDER BY level, name_folded`,
    )
    .all(includeRetired ? 1 : 0);
  return rows.map(toUnit);
}

/** Refuses a reference to a unit that does not exist or is not of the expected level. */
export function requireUnit(db: Db, id: string, level: UnitLevel, field: string): void {
  const row = db.prepare<[string], { level: UnitLevel }>('SELECT level FROM admin_units WHERE id = ?').get(id);
  if (!row || row.level !== level) {
    throw new AppError('INVALID_INPUT', `Đơn vị hành chính "${id}" không tồn tại`, field, 'unknown_reference');
  }
}
