import { describe, expect, it } from 'vitest';
import { vietnameseSortKey } from '../../shared/text/sort-key';

const NAMES = [
  'Đào', 'Dương', 'Duy', 'An', 'Ăn', 'Ân', 'Anh', 'Bắc', 'Bác', 'Bạc', 'Bà', 'Ba', 'Bả', 'Bã',
  'Chợ Kỳ Bắc', 'Chợ Kỳ Anh', 'Cửa hàng', 'Cưa', 'Cua', 'Ô', 'Ơ', 'O', 'Ông', 'Ơn', 'Ư', 'U',
  'Yến', 'Xuân', 'Hoà', 'Hòa', 'Hoa', 'Hóa', 'Hương', 'Hưng', 'Ê', 'E', 'Đường Sắt', 'Đường',
  'Giang', 'Gia', 'Kỳ', 'Kỷ', 'Kỹ', 'Ký', 'Kị', 'Ky', 'Tâm', 'Tám', 'Tầm', 'Trường', 'Trương',
];

describe('vietnameseSortKey', () => {
  it('orders names as Intl.Collator("vi") does', () => {
    const collator = new Intl.Collator('vi');
    const expected = [...NAMES].sort(collator.compare);
    const actual = [...NAMES].sort((a, b) => {
      const ka = vietnameseSortKey(a);
      const kb = vietnameseSortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    expect(actual).toEqual(expected);
  });

  it('puts đ after d and ư after u', () => {
    expect(vietnameseSortKey('Đa') > vietnameseSortKey('Dz')).toBe(true);
    expect(vietnameseSortKey('Ưa') > vietnameseSortKey('Uz')).toBe(true);
  });

  it('gives old and new tone placement the same key', () => {
    expect(vietnameseSortKey('Hoà')).toBe(vietnameseSortKey('Hòa'));
    expect(vietnameseSortKey('Thuý')).toBe(vietnameseSortKey('Thúy'));
  });
});
