import type { AdminUnit } from '../../shared/domain/admin-unit';
import { foldVietnamese } from '../../shared/text/fold';

/**
 * Unit words clerks may or may not write: "Xã Kỳ Bắc" and "Kỳ Bắc", "Thôn 03", "Thôn 3",
 * "TDP số 3" and "Tổ dân phố 3" are the same unit.
 */
const UNIT_WORDS = /^(xa|phuong|thi tran|dac khu|thon|xom|to dan pho|tdp|to|ap|khu pho|khu|ban|lang)\s+(so\s+)?/;

export const unitKey = (name: string) =>
  foldVietnamese(name)
    .replace(UNIT_WORDS, '')
    .replace(/\b0+(\d)/g, '$1')
    .trim();

/** Communes and villages by name, for the rows of one import; includes villages the import will create. */
export class UnitLookup {
  private readonly communes = new Map<string, AdminUnit>();
  private readonly villages = new Map<string, AdminUnit>();
  private readonly communeNames = new Map<string, string>();

  /**
   * Takes every unit, retired ones included: a file typed before a merge names the old
   * unit, and its rows go where the merge sent that unit's venues. Units in use are set last,
   * so they win a name clash.
   */
  constructor(units: readonly AdminUnit[]) {
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const follow = (unit: AdminUnit): AdminUnit | undefined => {
      let current: AdminUnit | undefined = unit;
      for (let hops = 0; current?.retired && hops < 10; hops++) current = current.mergedIntoId ? byId.get(current.mergedIntoId) : undefined;
      return current?.retired ? undefined : current;
    };
    const retiredFirst = [...units].sort((a, b) => Number(b.retired) - Number(a.retired));
    for (const unit of retiredFirst) {
      const target = follow(unit);
      if (!target) continue;
      if (unit.level === 'commune') {
        this.communes.set(unitKey(unit.name), target);
        this.communeNames.set(target.id, target.name);
      }
      if (unit.level === 'village') {
        const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
        const communeId = parent ? (follow(parent)?.id ?? unit.parentId) : unit.parentId;
        this.villages.set(`${communeId}|${unitKey(unit.name)}`, target);
      }
    }
  }

  commune(name: string): AdminUnit | undefined {
    return this.communes.get(unitKey(name));
  }

  /** The name of a commune in use, for what the clerk reads ("Xã Kỳ Bắc"). */
  communeName(communeId: string): string {
    return this.communeNames.get(communeId) ?? '';
  }

  village(communeId: string, name: string): AdminUnit | undefined {
    return this.villages.get(`${communeId}|${unitKey(name)}`);
  }
}
