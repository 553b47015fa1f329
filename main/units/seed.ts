import type { UnitLevel } from '../../shared/domain/admin-unit';
import { foldVietnamese } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { insertUnit } from './write';
import { writeTransaction } from '../db/statements';

interface ExampleUnit {
  level: UnitLevel;
  name: string;
  children?: ExampleUnit[];
}

const villages = (...names: string[]): ExampleUnit[] => names.map((name) => ({ level: 'village', name }));

/**
 * A small real-looking tree to try the app with before the official list is imported.
 * Marked is_example and given no official codes, so the real import never collides with it.
 */
const EXAMPLE: ExampleUnit = {
  level: 'province',
  name: 'Tỉnh Hà Tĩnh',
  children: [
    {
      level: 'district',
      name: 'Huyện Kỳ Anh',
      children: [
        { level: 'commune', name: 'Xã Kỳ Bắc', children: villages('Thôn Tân Thượng', 'Thôn Hoà Bình', 'Xóm Ga') },
        { level: 'commune', name: 'Xã Kỳ Phong', children: villages('Thôn Bắc Phong', 'Thôn Đông Phong') },
      ],
    },
  ],
};

/**
 * Adds whatever part of the example is missing (matched by parent, level and folded name),
 * so pressing the button twice, or after deleting a village, never makes duplicates.
 * Returns how many units it added.
 */
export function seedExampleUnits(db: Db, session: Session): { added: number } {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const findExample = db.prepare<[string | null, UnitLevel, string], { id: string }>(
      `SELECT id FROM admin_units
       WHERE is_example = 1 AND parent_id IS ? AND level = ? AND name_folded = ? AND retired_at IS NULL`,
    );
    let added = 0;
    const ensure = (unit: ExampleUnit, parentId: string | null) => {
      let id = findExample.get(parentId, unit.level, foldVietnamese(unit.name))?.id;
      if (id === undefined) {
        id = insertUnit(db, actor, { parentId, level: unit.level, name: unit.name, officialCode: null, codePrefix: null, isExample: true }).id;
        added++;
      }
      for (const child of unit.children ?? []) ensure(child, id);
    };
    ensure(EXAMPLE, null);
    return { added };
  });
}
