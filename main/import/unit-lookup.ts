import type { AdminUnit } from '../../shared/domain/admin-unit';
import { foldVietnamese } from '../../shared/text/fold';

/** Unit words clerks may or may not write: "Xã Kỳ Bắc" and "Kỳ Bắc", "Thôn 3" and "3" are the same unit. */
const UNIT_WORDS = /^(xa|phuong|thi tran|dac khu|thon|xom|to dan pho|to|ap|khu pho|khu|ban|lang)\s+/;

export const unitKey = (name: string) => foldVietnamese(name).replace(UNIT_WORDS, '').trim();

/** Communes and villages by name, for the rows of one import; includes villages the import will create. */
export class UnitLookup {
  private readonly communes = new Map<string, AdminUnit>();
  private readonly villages = new Map<string, AdminUnit>();

  constructor(units: readonly AdminUnit[]) {
    for (const unit of units) {
      if (unit.retired) continue;
      if (unit.level === 'commune') this.communes.set(unitKey(unit.name), unit);
      if (unit.level === 'village') this.villages.set(`${unit.parentId}|${unitKey(unit.name)}`, unit);
    }
  }

  commune(name: string): AdminUnit | undefined {
    return this.communes.get(unitKey(name));
  }

  village(communeId: string, name: string): AdminUnit | undefined {
    return this.villages.get(`${communeId}|${unitKey(name)}`);
  }
}
