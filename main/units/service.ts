import type { AdminUnit, UnitLevel } from '../../shared/domain/admin-unit';
import { AppError } from '../../shared/api/result';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

interface UnitRow {
  id: string;
  parent_id: string | null;
  level: UnitLevel;
  name: string;
  official_code: string | null;
  code_prefix: string | null;
  is_example: number;
  merged_into_id: string | null;
  retired_at: string | null;
  version: number;
}

const UNIT_COLUMNS = 'id, parent_id, level, name, official_code, code_prefix, is_example, merged_into_id, retired_at, version';

const toUnit = (row: UnitRow): AdminUnit => ({
  id: row.id,
  parentId: row.parent_id,
  level: row.level,
  name: row.name,
  officialCode: row.official_code,
  codePrefix: row.code_prefix,
  isExample: row.is_example === 1,
  mergedIntoId: row.merged_into_id,
  retired: row.retired_at !== null,
  version: row.version,
});

export function listUnits(db: Db, includeRetired: boolean): AdminUnit[] {
  const rows = statement<[number], UnitRow>(db, 
      `SELECT ${UNIT_COLUMNS} FROM admin_units WHERE ? OR retired_at IS NULL ORDER BY level, name_folded`,
    )
    .all(includeRetired ? 1 : 0);
  return rows.map(toUnit);
}

export function findUnit(db: Db, id: string): AdminUnit | undefined {
  const row = statement<[string], UnitRow>(db, `SELECT ${UNIT_COLUMNS} FROM admin_units WHERE id = ?`).get(id);
  return row && toUnit(row);
}

export function getUnit(db: Db, id: string): AdminUnit {
  const unit = findUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị hành chính ${id}`);
  return unit;
}

/** A unit a venue may point at: it exists, is of the expected level and is not retired. */
export function requireUnit(db: Db, id: string, level: UnitLevel, field: string): AdminUnit {
  const unit = findUnit(db, id);
  if (!unit || unit.level !== level || unit.retired) {
    throw new AppError('INVALID_INPUT', `Đơn vị hành chính "${id}" không tồn tại hoặc đã ngừng sử dụng`, field, 'unknown_reference');
  }
  return unit;
}
