import type { AdminUnit, UnitImportSummary, UnitLevel } from '../../shared/domain/admin-unit';
import { foldVietnamese } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { readUnitSheet, sheetKey, type SheetUnit } from './import-sheet';
import { findUnit } from './service';
import { changeUnit, insertUnit } from './write';
import { writeTransaction } from '../db/statements';

/**
 * The unit a sheet row stands for: the one with its official code or, failing that, one
 * typed by hand without a code under the same parent with the same name, which then
 * gets the code instead of being duplicated. Examples are never adopted.
 */
function findMatch(db: Db, unit: SheetUnit, parentId: string | null): AdminUnit | undefined {
  const row = db
    .prepare<[UnitLevel, string, UnitLevel, string | null, string], { id: string }>(
      `SELECT id FROM admin_units WHERE level = ? AND official_code = ?
       UNION ALL
       SELECT id FROM admin_units WHERE level = ? AND parent_id IS ? AND name_folded = ? AND official_code IS NULL AND is_example = 0
       LIMIT 1`,
    )
    .get(unit.level, unit.code, unit.level, parentId, foldVietnamese(unit.name));
  return row && findUnit(db, row.id);
}

/**
 * Imports the statistics office's list: upserts by (level, official code), so importing
 * the same or a newer list again adds only what is new and moves what moved (communes
 * re-parented from their abolished district to the province). The file is read before
 * the transaction; the writes are all-or-nothing.
 */
export async function importUnits(db: Db, session: Session, file: { fileName: string; bytes: Uint8Array }): Promise<UnitImportSummary> {
  requireStaff(session); // before the slow read, not only inside the transaction
  const units = await readUnitSheet(file.bytes, file.fileName);
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const idOf = new Map<string, string>();
    const summary: UnitImportSummary = { provinces: 0, districts: 0, communes: 0, added: 0, updated: 0 };
    const counted = { province: 'provinces', district: 'districts', commune: 'communes' } as const;
    for (const unit of units) {
      const parentId = unit.parent && idOf.get(sheetKey(unit.parent.level, unit.parent.code))!;
      const wanted = { parentId, name: unit.name, officialCode: unit.code };
      const existing = findMatch(db, unit, parentId);
      const saved = existing
        ? changeUnit(db, actor, existing, wanted, 'import')
        : insertUnit(db, actor, { ...wanted, level: unit.level, codePrefix: null }, 'import');
      if (!existing) summary.added++;
      else if (saved.version !== existing.version) summary.updated++;
      summary[counted[unit.level]]++;
      idOf.set(sheetKey(unit.level, unit.code), saved.id);
    }
    return summary;
  });
}
