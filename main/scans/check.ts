import { AppError } from '../../shared/api/result';
import type { TextEncoding } from '../../shared/domain/import';
import type { ScanColumnRole, ScanLayout, ScanMatch, ScanRowError } from '../../shared/domain/scans';
import { formatDate } from '../../shared/text/date';
import { isNotAVenue } from '../import/check-rows';
import { convertLegacy } from '../import/legacy-encoding';
import type { RawSheet } from '../import/read-file';
import type { Job } from '../jobs/job';
import { dayNumber } from './days';
import { aliasKeyOf, VenueDirectory, type Identifiers } from './matching';
import { parseCount, parsePeriod, periodHintOf, type Period, type PeriodHint, type PeriodReason } from './periods';
import { periodText, rowError } from './row-errors';

export interface ColumnPlanInput {
  layout: ScanLayout;
  year: number | null;
  headerRow: number;
  columns: ReadonlyArray<{ index: number; role: ScanColumnRole | null; encoding: TextEncoding }>;
}

interface Column {
  index: number;
  name: string;
  encoding: TextEncoding;
}

/** The columns to read, resolved: identifiers, then a period and a count column, or count columns each with its period. */
export interface ColumnPlan {
  layout: ScanLayout;
  year: number | null;
  headerRow: number;
  identifiers: Partial<Record<keyof Identifiers, Column>>;
  period: (Column & { hint: PeriodHint }) | null;
  count: Column | null;
  wide: Array<Column & { period: number }>;
}

export interface TablePeriod extends Period {
  firstNumber: number;
  lastNumber: number;
  /** Ends after today: counts of a period still running are refused. */
  future: boolean;
}

/** The distinct periods of a file: rows refer to them by index, so 3 million counts stay two integers each. */
export class PeriodTable {
  readonly list: TablePeriod[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly today: string) {}

  add(period: Period): number {
    const key = `${period.first}|${period.last}`;
    let found = this.index.get(key);
    if (found === undefined) {
      found = this.list.length;
      this.list.push({ ...period, firstNumber: dayNumber(period.first), lastNumber: dayNumber(period.last), future: period.last > this.today });
      this.index.set(key, found);
    }
    return found;
  }
}

/** One data row of the file, checked; kept compact (a file may have 200,000). */
export interface CheckedScanRow {
  rowNumber: number;
  identifiers: Identifiers;
  aliasKey: string;
  venueId: string | null;
  match: ScanMatch | null;
  /** Several venues fit the identifier (ambiguous); empty when none does. */
  candidates: readonly string[];
  /** Pairs: period index, scans (small integers: V8 keeps them unboxed, 2 slots per count). */
  counts: number[];
  /** What is wrong with the cells themselves: the row is not written, whatever venue it is. */
  errors: ScanRowError[] | null;
  /** What is wrong given its venue: closed, or a stored period overlapping one of its own. */
  venueErrors: ScanRowError[] | null;
  /** Pairs: period index, stored scans this row replaces. */
  replaced: number[] | null;
  /** The same venue and days (or overlapping days) already came in an earlier row. */
  duplicate: ScanRowError | null;
  skipped: boolean;
}

const columnName = (headers: readonly string[], index: number) => headers[index]?.trim() || `Cột ${index + 1}`;

const IDENTIFIER_NAMES = 'Mã cơ sở, Mã QR hoặc Tên cơ sở';

/**
 * Resolves the clerk's mapping, or refuses the whole file with what is missing: no column
 * naming the venue, no count, no period, or a count column whose header is not a period.
 * Nothing is read, nothing is written.
 */
export function planColumns(sheet: RawSheet, input: ColumnPlanInput, periods: PeriodTable, today: string): ColumnPlan {
  const headers = sheet.rows[input.headerRow - 1] ?? [];
  const plan: ColumnPlan = { layout: input.layout, year: input.year, headerRow: input.headerRow, identifiers: {}, period: null, count: null, wide: [] };
  for (const { index, role, encoding } of input.columns) {
    if (role === null) continue;
    const column = { index, name: columnName(headers, index), encoding };
    if (role === 'period') plan.period ??= { ...column, hint: periodHintOf(column.name) };
    else if (role === 'scans' && input.layout === 'long') plan.count ??= column;
    else if (role === 'scans') {
      const period = parsePeriod(headers[index] ?? '', { hint: null, year: input.year, today });
      if (typeof period === 'string') {
        throw new AppError('INVALID_INPUT', `Cột “${column.name}” không phải ngày, tuần hay tháng nên không đọc được số lượt quét của nó. Hãy bỏ qua cột này hoặc sửa tiêu đề.`, 'columns', 'invalid');
      }
      plan.wide.push({ ...column, period: periods.add(period) });
    } else plan.identifiers[role] ??= column;
  }
  if (!plan.identifiers.code && !plan.identifiers.payload && !plan.identifiers.name) {
    throw new AppError('INVALID_INPUT', `Không thấy cột nhận diện cơ sở (${IDENTIFIER_NAMES}). Chưa ghi gì.`, 'columns', 'required');
  }
  if (input.layout === 'long' && !plan.count) {
    throw new AppError('INVALID_INPUT', 'Không thấy cột số lượt quét (ví dụ “Số lượt quét”, “Lượt quét”). Chưa ghi gì.', 'columns', 'required');
  }
  if (input.layout === 'long' && !plan.period) {
    throw new AppError('INVALID_INPUT', 'Không thấy cột ngày, tuần hoặc tháng (ví dụ “Ngày”, “Tuần”, “Tháng”). Chưa ghi gì.', 'columns', 'required');
  }
  if (input.layout === 'wide' && plan.wide.length === 0) {
    throw new AppError('INVALID_INPUT', 'Không thấy cột số lượt quét theo ngày, tuần hoặc tháng (ví dụ “01/12”, “Tuần 48”, “T12/2026”). Chưa ghi gì.', 'columns', 'required');
  }
  return plan;
}

/** A cell's text, converted from a legacy font when its column was typed with one (cells are NFC already). */
function cell(cells: readonly string[], column: Column | undefined): string {
  if (!column) return '';
  const text = cells[column.index] ?? '';
  return (column.encoding === 'unicode' ? text : convertLegacy(text, column.encoding)).trim();
}

/**
 * Reads the data rows of one sheet with one mapping: identifiers, counts, what is wrong in
 * the cells, and the venue matched. Runs 200,000 times on a large file, so it allocates
 * only what it keeps.
 */
class RowReader {
  private readonly periodCache = new Map<string, number | PeriodReason | 'no_period'>();
  private readonly todayText: string;

  constructor(
    private readonly plan: ColumnPlan,
    private readonly periods: PeriodTable,
    private readonly directory: VenueDirectory,
    private readonly today: string,
  ) {
    this.todayText = formatDate(today);
  }

  private countIn(errors: ScanRowError[], rowNumber: number, column: Column, text: string): number | null {
    const value = parseCount(text);
    if (typeof value !== 'string') return value;
    errors.push(rowError(rowNumber, column.name, value, { value: text.trim() }));
    return null;
  }

  private add(counts: number[], errors: ScanRowError[], rowNumber: number, column: Column, period: number, value: number) {
    const found = this.periods.list[period];
    if (found.future) errors.push(rowError(rowNumber, column.name, 'future', { period: periodText(found.first, found.last), today: this.todayText }));
    counts.push(period, value);
  }

  private periodOf(text: string): number | PeriodReason | 'no_period' {
    let period = this.periodCache.get(text);
    if (period === undefined) {
      const parsed = text === '' ? 'no_period' : parsePeriod(text, { hint: this.plan.period!.hint, year: this.plan.year, today: this.today });
      period = typeof parsed === 'string' ? parsed : this.periods.add(parsed);
      this.periodCache.set(text, period);
    }
    return period;
  }

  /** One row, checked and matched; null for a blank row, a total row or a row without counts. */
  read(rowNumber: number, cells: readonly string[]): CheckedScanRow | null {
    const { plan } = this;
    const counts: number[] = [];
    const errors: ScanRowError[] = [];
    if (plan.layout === 'wide') {
      for (const column of plan.wide) {
        const value = this.countIn(errors, rowNumber, column, cells[column.index] ?? '');
        if (value !== null) this.add(counts, errors, rowNumber, column, column.period, value);
      }
    } else {
      const periodColumn = plan.period!;
      const countColumn = plan.count!;
      const periodCell = (cells[periodColumn.index] ?? '').trim();
      const countCell = (cells[countColumn.index] ?? '').trim();
      if (periodCell === '' && countCell === '') return null;
      const period = this.periodOf(periodCell);
      if (typeof period === 'string') errors.push(rowError(rowNumber, periodColumn.name, period, { value: periodCell }));
      const value = this.countIn(errors, rowNumber, countColumn, countCell);
      if (countCell === '') errors.push(rowError(rowNumber, countColumn.name, 'no_count'));
      if (typeof period === 'number' && value !== null) this.add(counts, errors, rowNumber, periodColumn, period, value);
    }
    if (counts.length === 0 && errors.length === 0) return null;
    const identifiers: Identifiers = {
      code: cell(cells, plan.identifiers.code),
      payload: cell(cells, plan.identifiers.payload),
      name: cell(cells, plan.identifiers.name),
      village: cell(cells, plan.identifiers.village),
    };
    if (!identifiers.code && !identifiers.payload && !identifiers.name) {
      const column = plan.identifiers.name ?? plan.identifiers.code ?? plan.identifiers.payload!;
      errors.unshift(rowError(rowNumber, column.name, 'no_identifier'));
    }
    const found = this.directory.match(identifiers);
    // A total line ("Tổng cộng", the column numbers under a header) names no venue: only then is it worth asking.
    if (found.venueId === null && isNotAVenue(cells as string[])) return null;
    return {
      rowNumber,
      identifiers,
      aliasKey: aliasKeyOf(identifiers),
      venueId: found.venueId,
      match: found.venueId === null ? null : found.match,
      candidates: found.venueId === null ? found.candidates : [],
      counts,
      errors: errors.length > 0 ? errors : null,
      venueErrors: null,
      replaced: null,
      duplicate: null,
      skipped: false,
    };
  }
}

const SLICE = 2000;

/** Reads and matches every data row, pausing between slices so progress and cancel are answered. */
export async function readRows(
  sheet: RawSheet,
  plan: ColumnPlan,
  periods: PeriodTable,
  directory: VenueDirectory,
  today: string,
  job: Job,
): Promise<CheckedScanRow[]> {
  const reader = new RowReader(plan, periods, directory, today);
  const rows: CheckedScanRow[] = [];
  const total = Math.max(0, sheet.rows.length - plan.headerRow);
  job.report(0, total);
  for (let start = plan.headerRow; start < sheet.rows.length; start += SLICE) {
    const end = Math.min(sheet.rows.length, start + SLICE);
    for (let index = start; index < end; index++) {
      const row = reader.read(index + 1, sheet.rows[index]);
      if (row) rows.push(row);
    }
    job.report(end - plan.headerRow);
    await job.pause();
  }
  return rows;
}
