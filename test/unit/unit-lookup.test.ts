import { describe, expect, it } from 'vitest';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { UnitLookup } from '../../main/import/unit-lookup';

const unit = (id: string, level: AdminUnit['level'], name: string, parentId: string | null, extra: Partial<AdminUnit> = {}): AdminUnit => ({
  id,
  parentId,
  level,
  name,
  officialCode: null,
  codePrefix: null,
  isExample: false,
  mergedIntoId: null,
  retired: false,
  version: 1,
  ...extra,
});

describe('UnitLookup', () => {
  const units = [
    unit('c1', 'commune', 'Xã Kỳ Bắc', null),
    unit('c0', 'commune', 'Xã Kỳ Tiến', null, { retired: true, mergedIntoId: 'c1' }),
    unit('v1', 'village', 'Thôn 3', 'c1'),
    unit('v2', 'village', 'Thôn Hoà Bình', 'c1'),
    unit('v0', 'village', 'Thôn Hoà Bình cũ', 'c1', { retired: true, mergedIntoId: 'v2' }),
    unit('vt', 'village', 'Xóm Trại', 'c0', { retired: true, mergedIntoId: 'v2' }),
  ];
  const lookup = new UnitLookup(units);

  it('matches with or without the unit word, and numbers with or without leading zeros', () => {
    expect(lookup.commune('Kỳ Bắc')?.id).toBe('c1');
    expect(lookup.village('c1', 'Thôn 03')?.id).toBe('v1');
    expect(lookup.village('c1', 'TDP số 3')?.id).toBe('v1');
    expect(lookup.village('c1', '3')?.id).toBe('v1');
  });

  it('follows a merge: old names land where the merge sent the venues', () => {
    expect(lookup.commune('Xã Kỳ Tiến')?.id).toBe('c1');
    expect(lookup.village('c1', 'Thôn Hoà Bình cũ')?.id).toBe('v2');
    expect(lookup.village('c1', 'Xóm Trại')?.id).toBe('v2');
  });
});
