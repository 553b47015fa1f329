import { newId } from '../core/ids';
import type { AdminUnit, UnitLevel } from '../../shared/domain/admin-unit';
import { foldVietnamese } from '../../shared/text/fold';
import { changedFields, recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { getUnit } from './service';

export interface NewUnit {
  parentId: string | null;
  level: UnitLevel;
  name: string;
  officialCode: string | null;
  codePrefix: string | null;
  isExample?: boolean;
}

/** Inserts a unit and its audit row; runs inside the caller's transaction, after the caller's checks. */
export function insertUnit(db: Db, actor: string, unit: NewUnit, action = 'create'): AdminUnit {
  const id = newId();
  const now = nowIso();
  const isExample = unit.isExample ?? false;
  db.prepare(
    `INSERT INTO admin_units (id, parent_id, level, name, name_folded, official_code, code_prefix, is_example, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, unit.parentId, unit.level, unit.name, foldVietnamese(unit.name), unit.officialCode, unit.codePrefix, isExample ? 1 : 0, now, now);
  recordAudit(db, { staffId: actor, entity: 'unit', entityId: id, action, after: { ...unit, isExample } });
  return getUnit(db, id);
}

/** What can change on a unit after it exists; the level never does (a commune stays a commune). */
type Changeable = Pick<AdminUnit, 'parentId' | 'name' | 'officialCode' | 'codePrefix' | 'mergedIntoId' | 'retired'>;

const changeableOf = ({ parentId, name, officialCode, codePrefix, mergedIntoId, retired }: AdminUnit): Changeable => ({
  parentId,
  name,
  officialCode,
  codePrefix,
  mergedIntoId,
  retired,
});

/**
 * The one way a unit row changes (edit, retire, merge, re-parent, import): bumps its
 * version and audits only the fields that changed. A change to nothing writes nothing.
 * Runs inside the caller's transaction, after the caller's checks.
 */
export function changeUnit(db: Db, actor: string, before: AdminUnit, patch: Partial<Changeable>, action: string): AdminUnit {
  const after = { ...changeableOf(before), ...patch };
  const change = changedFields(changeableOf(before), after);
  if (change === null) return before;
  const now = nowIso();
  db.prepare(
    `UPDATE admin_units SET parent_id = @parentId, name = @name, name_folded = @nameFolded, official_code = @officialCode,
       code_prefix = @codePrefix, merged_into_id = @mergedIntoId,
       retired_at = CASE WHEN @retired = 1 THEN coalesce(retired_at, @now) END,
       updated_at = @now, version = version + 1
     WHERE id = @id`,
  ).run({ ...after, id: before.id, nameFolded: foldVietnamese(after.name), retired: after.retired ? 1 : 0, now });
  recordAudit(db, { staffId: actor, entity: 'unit', entityId: before.id, action, ...change });
  return getUnit(db, before.id);
}
