import { NEW_VILLAGES_LISTED, type NewVillages } from '../../shared/domain/import';
import type { CheckedRow } from './check-rows';
import { unitKey, type UnitLookup } from './unit-lookup';

/** One village however the rows spell it ("Thôn 03", "thôn 3"): created once, counted once. */
export const newVillageKey = (village: NonNullable<CheckedRow['newVillage']>) => `${village.communeId}|${unitKey(village.name)}`;

/** The villages the checked rows would add to the units list, in file order, with how many rows name each. */
export function newVillagesOf(rows: readonly CheckedRow[], lookup: UnitLookup): NewVillages {
  const found = new Map<string, { name: string; communeName: string; rows: number }>();
  for (const { newVillage } of rows) {
    if (!newVillage) continue;
    const key = newVillageKey(newVillage);
    const seen = found.get(key);
    if (seen) seen.rows++;
    else found.set(key, { name: newVillage.name, communeName: lookup.communeName(newVillage.communeId), rows: 1 });
  }
  return { total: found.size, first: [...found.values()].slice(0, NEW_VILLAGES_LISTED) };
}
