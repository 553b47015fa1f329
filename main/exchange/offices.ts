import { AppError } from '../../shared/api/result';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { foldVietnamese } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { getSettings } from '../settings/service';
import { findUnit, getUnit } from '../units/service';

/** The province or district this upper office serves; a commune office has none. */
export function requireUpperOffice(db: Db): AdminUnit {
  const settings = getSettings(db);
  if (settings.officeKind !== 'upper' || settings.upperUnitId === null) {
    throw new AppError(
      'CONFLICT',
      'Chỉ văn phòng cấp trên (tỉnh, hoặc huyện với dữ liệu trước 2025) đã chọn đơn vị của mình trong Cài đặt mới nhận được gói dữ liệu của xã.',
    );
  }
  return getUnit(db, settings.upperUnitId);
}

/**
 * The unit this office is the People's Committee of, as its documents' headings name it:
 * its commune at a commune office, its province or district at an upper office.
 */
export function officeUnitOf(db: Db): AdminUnit | undefined {
  const settings = getSettings(db);
  const unitId = settings.officeKind === 'upper' ? settings.upperUnitId : settings.homeCommuneId;
  return unitId ? findUnit(db, unitId) : undefined;
}

/** Commune-level units below the upper unit, through a district or straight under a province. */
export function communesUnder(db: Db, upperUnitId: string, includeRetired = false): AdminUnit[] {
  const rows = db
    .prepare<[string, number], { id: string }>(
      `WITH RECURSIVE below(id) AS (
         SELECT id FROM admin_units WHERE parent_id = ?
         UNION ALL
         SELECT unit.id FROM admin_units unit JOIN below ON unit.parent_id = below.id WHERE unit.level != 'village'
       )
       SELECT unit.id FROM below JOIN admin_units unit ON unit.id = below.id
       WHERE unit.level = 'commune' AND (? OR unit.retired_at IS NULL)
       ORDER BY unit.name_folded`,
    )
    .all(upperUnitId, includeRetired ? 1 : 0);
  return rows.map((row) => getUnit(db, row.id));
}

/** Whether `unitId` lies below `upperUnitId` in the units tree. */
export function isUnder(db: Db, unitId: string, upperUnitId: string): boolean {
  const found = db
    .prepare<[string, string], { id: string }>(
      `WITH RECURSIVE above(id) AS (
         SELECT parent_id FROM admin_units WHERE id = ?
         UNION ALL
         SELECT unit.parent_id FROM admin_units unit JOIN above ON unit.id = above.id WHERE unit.parent_id IS NOT NULL
       )
       SELECT id FROM above WHERE id = ? LIMIT 1`,
    )
    .get(unitId, upperUnitId);
  return found !== undefined;
}

/** Where a commune's records belong now: itself, or the commune it was merged into (2025), followed to the end. */
export function landingOf(db: Db, commune: AdminUnit): AdminUnit {
  let unit = commune;
  for (let step = 0; unit.mergedIntoId !== null && step < 10; step++) unit = getUnit(db, unit.mergedIntoId);
  return unit;
}

/**
 * The unit here that a package's commune names: the same id (units shared between the
 * offices), else the statistics office's code, which every office imports alike, else
 * the one commune under this office with the same name (lists without codes, such as
 * the example units).
 */
export function senderUnit(db: Db, upperUnitId: string, commune: { id: string; officialCode: string | null; name: string }): AdminUnit | undefined {
  const byId = findUnit(db, commune.id);
  if (byId?.level === 'commune') return byId;
  if (commune.officialCode !== null) {
    const row = db
      .prepare<[string], { id: string }>("SELECT id FROM admin_units WHERE level = 'commune' AND official_code = ?")
      .get(commune.officialCode);
    if (row) return getUnit(db, row.id);
  }
  const sameName = communesUnder(db, upperUnitId, true).filter((unit) => foldVietnamese(unit.name) === foldVietnamese(commune.name));
  return sameName.length === 1 ? sameName[0] : undefined;
}
