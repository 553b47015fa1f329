import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneDigits, splitPhones } from '../../shared/text/phone';

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '0912 345 678'],
    ['0912345678', '0912 345 678'],
    ['0912.345.678', '0912 345 678'],
    ['0912-345-678', '0912 345 678'],
    ['+84 912 345 678', '0912 345 678'],
    ['+84912345678', '0912 345 678'],
    ['84912345678', '0912 345 678'],
    ['0084 912 345 678', '0912 345 678'],
    ['912345678', '0912 345 678'], // Excel dropped the leading zero
    ['0389 123 456', '0389 123 456'],
    ['0701234567', '0701 234 567'],
    ['0239 3861 234', '0239 3861 234'],
    ['(0239) 3861234', '0239 3861 234'],
    ['02393861234', '0239 3861 234'],
    ['2393861234', '0239 3861 234'], // a landline that lost its zero
    ['+84 24 3825 1234', '0243 8251 234'],
    ['1900 1234', '1900 1234'],
    ['1800 599 920', '1800 599920'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['', '12345', '0112 345 678', 'không có', '0912 345 67', '0912 345 6789', '+1 202 555 0100', '09123456a8'])(
    'refuses %j',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );

  it('gives national digits for matching', () => {
    expect(phoneDigits('+84 912.345.678')).toBe('0912345678');
  });
});

describe('splitPhones', () => {
  it('splits several numbers typed in one field', () => {
    expect(splitPhones('0912 345 678; 0239 3861 234, 0987654321 / ')).toEqual(['0912 345 678', '0239 3861 234', '0987654321']);
  });
});
