import { AppError } from '../../shared/api/result';
import { PARENT_LEVELS, type UnitLevel } from '../../shared/domain/admin-unit';
import type { Db } from '../db/open';
import { findUnit } from './service';

/** Level names for the Vietnamese messages services write. */
export const LEVEL_NAME_VI: Record<UnitLevel, string> = {
  province: 'tỉnh/thành phố',
  district: 'quận/huyện',
  commune: 'xã/phường',
  village: 'thôn/xóm/tổ dân phố',
};

/** Code widths of the statistics office's list (tỉnh 2, huyện 3, xã 5 digits); villages have no national code. */
const CODE_WIDTH: Partial<Record<UnitLevel, number>> = { province: 2, district: 3, commune: 5 };

/**
 * Excel drops the leading zeros of a code typed as a number ("01" → 1): pad digit-only
 * codes back to their level's width, so re-importing either form finds the same unit.
 */
export function normalizeOfficialCode(level: UnitLevel, code: string | null): string | null {
  const width = CODE_WIDTH[level];
  if (code === null || width === undefined || !/^\d+$/.test(code)) return code;
  return code.padStart(width, '0');
}

/** A unit of `level` may sit under `parentId`: the parent exists, is in use and is of a level above (PARENT_LEVELS). */
export function assertParentFits(db: Db, level: UnitLevel, parentId: string | null): void {
  const allowed = PARENT_LEVELS[level];
  if (parentId === null) {
    if (allowed.length === 0) return;
    throw new AppError('INVALID_INPUT', `Một ${LEVEL_NAME_VI[level]} phải thuộc một đơn vị cấp trên.`, 'parentId', 'required');
  }
  const parent = findUnit(db, parentId);
  if (!parent || parent.retired) {
    throw new AppError('INVALID_INPUT', `Đơn vị cấp trên "${parentId}" không tồn tại hoặc đã thôi dùng.`, 'parentId', 'unknown_reference');
  }
  if (!allowed.includes(parent.level)) {
    throw new AppError(
      'INVALID_INPUT',
      `Một ${LEVEL_NAME_VI[level]} không thể trực thuộc ${LEVEL_NAME_VI[parent.level]} "${parent.name}".`,
      'parentId',
      'invalid',
    );
  }
}

/** Official codes are unique per level (a province and a commune may share digits). */
export function assertOfficialCodeFree(db: Db, level: UnitLevel, code: string | null, exceptId: string | null = null): void {
  if (code === null) return;
  const holder = db
    .prepare<[UnitLevel, string], { id: string; name: string }>(
      'SELECT id, name FROM admin_units WHERE level = ? AND official_code = ?',
    )
    .get(level, code);
  if (holder && holder.id !== exceptId) {
    throw new AppError('DUPLICATE', `Mã ${code} đã là mã của ${LEVEL_NAME_VI[level]} "${holder.name}".`, 'officialCode');
  }
}

/** Only a commune's codes carry a prefix (venues are numbered per commune). */
export function assertPrefixFits(level: UnitLevel, codePrefix: string | null): void {
  if (codePrefix !== null && level !== 'commune') {
    throw new AppError('INVALID_INPUT', 'Chỉ xã/phường mới có tiền tố mã cơ sở.', 'codePrefix', 'invalid');
  }
}
