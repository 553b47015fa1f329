import { describe, expect, it } from 'vitest';
import { coveredDays, isoWeekMonday } from '../../main/scans/days';
import { parseCount, parsePeriod, type PeriodContext } from '../../main/scans/periods';
import { describeScanSheet } from '../../main/scans/scan-columns';

const on = (today: string, overrides: Partial<PeriodContext> = {}): PeriodContext => ({ hint: null, year: null, today, ...overrides });
const period = (first: string, last = first) => ({ first, last });

describe('periods written in scan files', () => {
  it('reads days: dd/MM/yyyy, d/M/yyyy, ISO, "Ngày 01/12/2026", an Excel serial', () => {
    const today = on('2026-12-20');
    expect(parsePeriod('01/12/2026', today)).toMatchObject({ kind: 'day', ...period('2026-12-01') });
    expect(parsePeriod('1/12/2026', today)).toMatchObject(period('2026-12-01'));
    expect(parsePeriod('01-12-2026', today)).toMatchObject(period('2026-12-01'));
    expect(parsePeriod('2026-12-01', today)).toMatchObject(period('2026-12-01'));
    expect(parsePeriod('Ngày 01/12/2026', today)).toMatchObject(period('2026-12-01'));
    // 46357 is how Excel stores 01/12/2026 when the header is formatted as General.
    expect(parsePeriod('46357', today)).toMatchObject({ kind: 'day', ...period('2026-12-01') });
  });

  it('gives a day without a year the chosen year, else the latest that is not ahead of today', () => {
    expect(parsePeriod('01/12', on('2026-12-20'))).toMatchObject(period('2026-12-01'));
    expect(parsePeriod('25/12', on('2026-12-20'))).toMatchObject(period('2025-12-25'));
    expect(parsePeriod('25/12', on('2026-12-20', { year: 2026 }))).toMatchObject(period('2026-12-25'));
    expect(parsePeriod('01/12', on('2027-01-05'))).toMatchObject(period('2026-12-01'));
  });

  it('reads ISO weeks, Monday to Sunday, in the chosen or latest begun year', () => {
    expect(parsePeriod('Tuần 48', on('2026-12-20'))).toEqual({ kind: 'week', ...period('2026-11-23', '2026-11-29') });
    expect(parsePeriod('Tuần 48/2025', on('2026-12-20'))).toMatchObject(period('2025-11-24', '2025-11-30'));
    expect(parsePeriod('tuan 1 nam 2026', on('2026-12-20'))).toMatchObject(period('2025-12-29', '2026-01-04'));
    expect(parsePeriod('W52', on('2026-12-20'))).toMatchObject(period('2025-12-22', '2025-12-28'));
    // Under a "Tuần" header the cells are bare week numbers.
    expect(parsePeriod('48', on('2026-12-20', { hint: 'week', year: 2025 }))).toMatchObject(period('2025-11-24', '2025-11-30'));
    expect(isoWeekMonday(2020, 53)).toBe('2020-12-28');
    expect(parsePeriod('Tuần 53/2025', on('2026-12-20'))).toBe('no_such_day');
  });

  it('reads months: "T12/2026", "Tháng 12/2026", "12/2026", and bare numbers under a "Tháng" header', () => {
    const today = on('2027-01-10');
    expect(parsePeriod('T12/2026', today)).toEqual({ kind: 'month', ...period('2026-12-01', '2026-12-31') });
    expect(parsePeriod('Tháng 12/2026', today)).toMatchObject(period('2026-12-01', '2026-12-31'));
    expect(parsePeriod('tháng 2 năm 2024', today)).toMatchObject(period('2024-02-01', '2024-02-29'));
    expect(parsePeriod('12/2026', today)).toMatchObject({ kind: 'month', ...period('2026-12-01', '2026-12-31') });
    expect(parsePeriod('11', on('2027-01-10', { hint: 'month' }))).toMatchObject(period('2026-11-01', '2026-11-30'));
    expect(parsePeriod('Tháng 13/2026', today)).toBe('no_such_day');
  });

  it('reads ranges and refuses days that do not exist or periods over a year', () => {
    const today = on('2026-12-20');
    expect(parsePeriod('01/12/2026 - 07/12/2026', today)).toEqual({ kind: 'range', ...period('2026-12-01', '2026-12-07') });
    expect(parsePeriod('01/12 đến 07/12/2026', today)).toMatchObject(period('2026-12-01', '2026-12-07'));
    expect(parsePeriod('01/01/2024 - 31/12/2025', today)).toBe('too_long_period');
    expect(parsePeriod('31/02/2026', today)).toBe('no_such_day');
    expect(parsePeriod('29/02/2025', today)).toBe('no_such_day');
    expect(parsePeriod('hôm qua', today)).toBe('not_a_period');
    expect(parsePeriod('', today)).toBe('not_a_period');
  });

  it('reads counts as Vietnamese write them and refuses the rest with a reason', () => {
    expect(parseCount('1234')).toBe(1234);
    expect(parseCount('1.234')).toBe(1234);
    expect(parseCount('1 234 567')).toBe(1234567);
    expect(parseCount('12,0')).toBe(12);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('')).toBeNull();
    expect(parseCount('-')).toBeNull();
    expect(parseCount('-5')).toBe('negative');
    expect(parseCount('2.5')).toBe('fractional');
    expect(parseCount('mười')).toBe('not_a_number');
    expect(parseCount('1e+21')).toBe('too_large');
    expect(parseCount('99999999')).toBe('too_large');
  });

  it('counts the days of a window that merged day ranges cover', () => {
    const ranges = [
      { first_day: '2026-11-01', last_day: '2026-11-10' },
      { first_day: '2026-11-05', last_day: '2026-11-12' },
      { first_day: '2026-11-20', last_day: '2026-12-31' },
    ];
    expect(coveredDays(ranges, '2026-11-01', '2026-11-30')).toBe(12 + 11);
    expect(coveredDays(ranges, '2026-11-13', '2026-11-19')).toBe(0);
  });
});

describe('the columns of a scan sheet', () => {
  const context = { year: 2026, today: '2026-12-20' };

  it('finds the header under title rows and tells a wide sheet by its period headers', () => {
    const sheet = describeScanSheet(
      {
        name: 'T12',
        rows: [
          ['SỐ LƯỢT QUÉT MÃ QR'],
          [],
          ['STT', 'Mã cơ sở', 'Tên cơ sở', 'Thôn', 'Tuần 48', 'Tuần 49', 'Tổng'],
          ['1', 'KB-0001', 'Chợ Kỳ Bắc', 'Tân Thượng', '700', '710', '1410'],
        ],
      },
      context,
    );
    expect(sheet).toMatchObject({ headerRow: 3, layout: 'wide' });
    expect(sheet.columns.map((column) => column.guess)).toEqual([null, 'code', 'name', 'village', 'scans', 'scans', null]);
    expect(sheet.columns[4].period).toEqual({ kind: 'week', firstDay: '2026-11-23', lastDay: '2026-11-29' });
  });

  it('guesses a long sheet: "Mã QR", "Ngày", "Lượt quét"', () => {
    const sheet = describeScanSheet(
      { name: 'Export', rows: [['Mã QR', 'Tên địa điểm', 'Ngày', 'Lượt quét'], ['DQR1:KB-0001:1:AAAAAA:B', 'Chợ', '01/12/2026', '5']] },
      context,
    );
    expect(sheet).toMatchObject({ headerRow: 1, layout: 'long' });
    expect(sheet.columns.map((column) => column.guess)).toEqual(['payload', 'name', 'period', 'scans']);
  });
});
