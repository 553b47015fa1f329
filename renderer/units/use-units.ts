import { useMemo } from 'react';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import type { Option } from '../forms/Choice';

/**
 * Units for pickers and filters (those in use, in the back end's order) and names for
 * display, retired and merged units included, so an old venue or history still reads.
 */
export function useUnits() {
  const result = useOperation(() => api['units.list']({ includeRetired: true }), []);
  return useMemo(() => {
    const all: AdminUnit[] = result?.ok ? result.value : [];
    const inUse = all.filter((unit) => !unit.retired);
    const communes = inUse.filter((unit) => unit.level === 'commune');
    // What an upper office can serve: a province, or a district for data before 2025.
    const uppers = inUse.filter((unit) => unit.level === 'province' || unit.level === 'district');
    const villagesOf = (communeId: string | null | undefined) =>
      inUse.filter((unit) => unit.level === 'village' && unit.parentId === communeId);
    const nameOf = (id: string | null) => all.find((unit) => unit.id === id)?.name ?? '';
    return { communes, uppers, villagesOf, nameOf };
  }, [result]);
}

/** Units as a picker's options, in the order given. */
export const unitOptions = (units: readonly AdminUnit[]): Option<string>[] =>
  units.map((unit) => ({ value: unit.id, label: unit.name }));
