import { AppError } from '../../shared/api/result';
import type { AdminUnit, UnitCreateValue, UnitUpdateValue } from '../../shared/domain/admin-unit';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { assertOfficialCodeFree, assertParentFits, assertPrefixFits, LEVEL_NAME_VI, normalizeOfficialCode } from './rules';
import { getUnit } from './service';
import { unitUsage } from './usage';
import { changeUnit, insertUnit } from './write';
import { writeTransaction } from '../db/statements';

/** Adds a unit by hand under a parent of a level above it. */
export function createUnit(db: Db, session: Session, input: UnitCreateValue): AdminUnit {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    assertParentFits(db, input.level, input.parentId);
    assertPrefixFits(input.level, input.codePrefix);
    const officialCode = normalizeOfficialCode(input.level, input.officialCode);
    assertOfficialCodeFree(db, input.level, officialCode);
    return insertUnit(db, actor, { ...input, officialCode });
  });
}

/** Renames a unit or sets its codes; refused with CONFLICT when someone changed it since it was read. */
export function updateUnit(db: Db, session: Session, input: UnitUpdateValue): AdminUnit {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const before = getUnit(db, input.id);
    if (before.version !== input.version) {
      throw new AppError('CONFLICT', `Đơn vị "${before.name}" vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.`);
    }
    assertPrefixFits(before.level, input.codePrefix);
    const officialCode = normalizeOfficialCode(before.level, input.officialCode);
    assertOfficialCodeFree(db, before.level, officialCode, before.id);
    return changeUnit(db, actor, before, { name: input.name, officialCode, codePrefix: input.codePrefix }, 'update');
  });
}

/**
 * Stops offering a unit for new venues. A unit that venues or units in use still
 * depend on is refused: merging it moves them, retiring would strand them.
 */
export function retireUnit(db: Db, session: Session, id: string): AdminUnit {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const before = getUnit(db, id);
    if (before.retired) return before;
    const usage = unitUsage(db, id);
    if (usage.venues > 0 || usage.children > 0) {
      throw new AppError(
        'CONFLICT',
        `${LEVEL_NAME_VI[before.level]} "${before.name}" còn ${usage.venues} cơ sở và ${usage.children} đơn vị trực thuộc: ` +
          'hãy gộp vào đơn vị khác thay vì thôi dùng.',
        'id',
        'invalid',
      );
    }
    return changeUnit(db, actor, before, { retired: true }, 'retire');
  });
}
