import type { ScanColumn, ScanColumnRole, ScanLayout, ScanSheet } from '../../shared/domain/scans';
import { foldVietnamese } from '../../shared/text/fold';
import { guessField } from '../import/header-guess';
import { convertLegacy, detectLegacyEncoding } from '../import/legacy-encoding';
import type { RawSheet } from '../import/read-file';
import { parsePeriod, type Period, type PeriodContext } from './periods';

const SAMPLES_SHOWN = 5;
const SAMPLES_FOR_DETECTION = 200;
const HEADER_SEARCH_ROWS = 30;

const normalize = (header: string) => foldVietnamese(header).replace(/[.:*()]/g, '').replace(/\s+/g, ' ').trim();

/** The string inside the QR: "Mã QR", "Chuỗi mã", "Nội dung mã QR", "Mã chính thức". */
const PAYLOAD = /\bqr\b|chuoi ma|noi dung ma|ma chinh thuc/;
/** "Số lượt quét", "Lượt quét", "Số lần quét", "Lượt check-in", "Số lượt khai báo", "Tổng lượt quét". */
const SCANS = /^(tong )?(so )?(luot|lan) (quet|check ?-?in|khai bao)|^(so )?luot$/;
/** The period column of a long sheet: "Ngày", "Ngày quét", "Tuần", "Tháng", "Kỳ", "Thời gian". */
const PERIOD = /^(ngay|tuan|thang|ky|thoi gian|thoi ky)\b/;

export interface RoleGuess {
  role: ScanColumnRole | null;
  /** Set when the header itself is a day, week or month: a count column of a wide sheet. */
  period: Period | null;
}

/** What a header names. A header that is a period ("01/12", "Tuần 48", "T12/2026", an Excel date) is a count column of a wide sheet. */
export function guessRole(header: string, context: Omit<PeriodContext, 'hint'>): RoleGuess {
  const folded = normalize(header);
  if (folded === '') return { role: null, period: null };
  const period = parsePeriod(header, { ...context, hint: null });
  if (typeof period !== 'string') return { role: 'scans', period };
  if (PAYLOAD.test(folded)) return { role: 'payload', period: null };
  if (SCANS.test(folded)) return { role: 'scans', period: null };
  if (PERIOD.test(folded)) return { role: 'period', period: null };
  const field = guessField(header);
  return { role: field === 'code' || field === 'name' || field === 'village' ? field : null, period: null };
}

/** A header typed with a legacy font is read in the encoding that makes it a known header. */
function decodeHeader(text: string, context: Omit<PeriodContext, 'hint'>): string {
  if (guessRole(text, context).role !== null) return text;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const converted = convertLegacy(text, encoding);
    if (guessRole(converted, context).role !== null) return converted;
  }
  return text;
}

const IDENTIFIERS: ReadonlySet<ScanColumnRole> = new Set(['code', 'payload', 'name']);

/**
 * The header row among the first rows (title rows come above it): the row naming the
 * most kinds of column, with a venue identifier and counts or periods among them.
 */
export function findScanHeaderRow(rows: string[][], context: Omit<PeriodContext, 'hint'>): number | null {
  let best: { row: number; score: number } | null = null;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const guesses = rows[index].map((cell) => guessRole(decodeHeader(cell, context), context));
    const roles = new Set(guesses.map((guess) => guess.role).filter((role) => role !== null));
    const identified = [...roles].some((role) => IDENTIFIERS.has(role));
    if (!identified || !(roles.has('scans') || roles.has('period'))) continue;
    const score = roles.size + (guesses.some((guess) => guess.period) ? 1 : 0);
    if (!best || score > best.score) best = { row: index + 1, score };
  }
  return best?.row ?? null;
}

function describeColumn(sheet: RawSheet, headerRow: number, index: number, context: Omit<PeriodContext, 'hint'>) {
  const header = decodeHeader(sheet.rows[headerRow - 1]?.[index] ?? '', context);
  const values: string[] = [];
  for (let row = headerRow; row < sheet.rows.length && values.length < SAMPLES_FOR_DETECTION; row++) {
    const text = sheet.rows[row][index]?.trim();
    if (text) values.push(text);
  }
  const encoding = detectLegacyEncoding(values);
  const guess = guessRole(header, context);
  return {
    index,
    header,
    samples: values.slice(0, SAMPLES_SHOWN).map((text) => convertLegacy(text, encoding)),
    guess,
    encoding,
  };
}

const toScanPeriod = (period: Period) => ({ kind: period.kind, firstDay: period.first, lastDay: period.last });

/**
 * The mapping step for one sheet: its header row (found, or the clerk's), each column's
 * header, samples (legacy fonts converted), guessed role and, for a header that is a
 * period, the days it covers with the year it was given. Wide when any header is a period:
 * then columns named as counts ("Tổng lượt quét") are totals and left out.
 */
export function describeScanSheet(sheet: RawSheet, context: Omit<PeriodContext, 'hint'>, chosenHeaderRow?: number): ScanSheet {
  const headerRow = chosenHeaderRow ?? findScanHeaderRow(sheet.rows, context);
  const width = headerRow === null ? 0 : Math.max(0, ...sheet.rows.slice(headerRow - 1, headerRow + 50).map((row) => row.length));
  const described = headerRow === null ? [] : Array.from({ length: width }, (_, index) => describeColumn(sheet, headerRow, index, context));
  const layout: ScanLayout = described.some((column) => column.guess.period) ? 'wide' : 'long';
  const taken = new Set<ScanColumnRole>();
  const columns = described.map(({ guess, ...column }): ScanColumn => {
    let role = guess.role;
    if (layout === 'wide' && role === 'scans' && !guess.period) role = null;
    // Two columns named alike: the first keeps the guess (a wide sheet's counts excepted).
    if (role !== null && !(layout === 'wide' && role === 'scans')) {
      if (taken.has(role)) role = null;
      else taken.add(role);
    }
    return { ...column, guess: role, period: guess.period ? toScanPeriod(guess.period) : null };
  });
  return { name: sheet.name, rowCount: sheet.rows.length, headerRow, layout, columns };
}
