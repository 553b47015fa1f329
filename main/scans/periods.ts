import { MAX_PERIOD_DAYS, MAX_SCANS, type PeriodKind, type ScanRowReason } from '../../shared/domain/scans';
import { foldVietnamese } from '../../shared/text/fold';
import { calendarDay, dayNumber, dayOf, isoWeekMonday, lastDayOfMonth } from './days';

/** What a period column's header says its cells are: "Ngày" (days), "Tuần" (week numbers), "Tháng" (months). */
export type PeriodHint = 'day' | 'week' | 'month' | null;

export interface Period {
  kind: PeriodKind;
  /** yyyy-MM-dd, both included. */
  first: string;
  last: string;
}

export type PeriodReason = Extract<ScanRowReason, 'not_a_period' | 'no_such_day' | 'too_long_period'>;

export interface PeriodContext {
  hint: PeriodHint;
  /** The year of days and weeks written without one; null: the most recent that has begun by `today`. */
  year: number | null;
  /** Today in Vietnam, yyyy-MM-dd. */
  today: string;
}

/** Day 0 of Excel's serial numbers is 30/12/1899 (its 1900 leap-year slip only shifts days before March 1900). */
const EXCEL_EPOCH = dayNumber('1899-12-30');
const EXCEL_SERIALS = { min: 25_569, max: 80_000 }; // 1970 … 2119

const YEAR_TAIL = String.raw`(?:\s*[/.-]\s*(\d{4})|\s+(?:nam\s+)?(\d{4}))?`;
const MONTH = new RegExp(String.raw`^(?:thang|t|month)\s*(\d{1,2})${YEAR_TAIL}$`);
const WEEK = new RegExp(String.raw`^(?:tuan|w|week)\s*(?:thu\s+|so\s+)?(\d{1,2})${YEAR_TAIL}$`);
const FULL_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SHORT_DAY = /^(\d{1,2})[/.-](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;
const NUMBER = /^(\d+)(?:\.\d+)?$/;
const RANGE = /^(\S+)\s*(?:\s-\s|–|—|\sden\s|\stoi\s)\s*(\S+)$/;

type Result = Period | PeriodReason;

/**
 * Tries `build` with the chosen year, or else with this year and, when that lies ahead of
 * today, the year before: "01/12" typed in January means last December.
 */
function withYear(year: number | null, context: PeriodContext, build: (year: number) => Result): Result {
  if (year !== null) return build(year);
  if (context.year !== null) return build(context.year);
  const thisYear = Number(context.today.slice(0, 4));
  const period = build(thisYear);
  return typeof period !== 'string' && period.first > context.today ? build(thisYear - 1) : period;
}

const yearOf = (text: string | undefined) => (text === undefined ? null : text.length === 2 ? 2000 + Number(text) : Number(text));

function day(year: number, month: number, date: number): Result {
  const first = calendarDay(year, month, date);
  return first === null ? 'no_such_day' : { kind: 'day', first, last: first };
}

function week(year: number, number: number): Result {
  const monday = isoWeekMonday(year, number);
  return monday === null ? 'no_such_day' : { kind: 'week', first: monday, last: dayOf(dayNumber(monday) + 6) };
}

function month(year: number, number: number): Result {
  const first = calendarDay(year, number, 1);
  return first === null ? 'no_such_day' : { kind: 'month', first, last: lastDayOfMonth(year, number) };
}

function bareNumber(value: number, context: PeriodContext): Result {
  if (context.hint === 'week') return withYear(null, context, (year) => week(year, value));
  if (context.hint === 'month') return withYear(null, context, (year) => month(year, value));
  // A date cell Excel stored as its serial number (a header formatted as General).
  if (value >= EXCEL_SERIALS.min && value <= EXCEL_SERIALS.max) {
    const first = dayOf(EXCEL_EPOCH + Math.floor(value));
    return { kind: 'day', first, last: first };
  }
  return 'not_a_period';
}

function single(text: string, context: PeriodContext): Result {
  let match: RegExpExecArray | null;
  if ((match = ISO_DAY.exec(text))) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = FULL_DAY.exec(text))) return day(yearOf(match[3])!, Number(match[2]), Number(match[1]));
  if ((match = MONTH.exec(text))) return withYear(yearOf(match[2] ?? match[3]), context, (year) => month(year, Number(match![1])));
  if ((match = WEEK.exec(text))) return withYear(yearOf(match[2] ?? match[3]), context, (year) => week(year, Number(match![1])));
  if ((match = MONTH_YEAR.exec(text))) {
    const [year, number] = [Number(match[2]), Number(match[1])];
    return context.hint === 'week' ? week(year, number) : month(year, number);
  }
  if ((match = SHORT_DAY.exec(text)) && context.hint !== 'week' && context.hint !== 'month') {
    const [date, monthNumber] = [Number(match[1]), Number(match[2])];
    return withYear(null, context, (year) => day(year, monthNumber, date));
  }
  if ((match = NUMBER.exec(text))) return bareNumber(Number(text), context);
  return 'not_a_period';
}

/**
 * The days a cell or header names: a day ("01/12/2026", "1/12", "2026-12-01", an Excel
 * date), an ISO week ("Tuần 48", "Tuần 48/2026", Monday to Sunday), a month ("T12/2026",
 * "Tháng 12/2026", "12/2026"), or a range ("01/12/2026 - 07/12/2026"). Under a header
 * "Tuần" or "Tháng" a bare number is a week or month. Days that do not exist (31/02, week
 * 53 of a year without one) are refused, not rolled over.
 */
export function parsePeriod(text: string, context: PeriodContext): Result {
  const folded = foldVietnamese(text)
    .replace(/^(ngay|ky|tu ngay)\s+(?=\d)/, '')
    .trim();
  if (folded === '') return 'not_a_period';
  const range = RANGE.exec(folded);
  if (!range) return single(folded, context);
  const end = single(range[2], context);
  if (typeof end === 'string') return end;
  const short = SHORT_DAY.exec(range[1]);
  // "01/12 - 07/12/2026": the start takes the end's year.
  const start = short ? day(Number(end.first.slice(0, 4)), Number(short[2]), Number(short[1])) : single(range[1], context);
  if (typeof start === 'string') return start;
  if (start.first > end.last) return 'not_a_period';
  if (dayNumber(end.last) - dayNumber(start.first) + 1 > MAX_PERIOD_DAYS) return 'too_long_period';
  return { kind: 'range', first: start.first, last: end.last };
}

/** What a period column's header says about its cells. */
export function periodHintOf(header: string): PeriodHint {
  const folded = foldVietnamese(header);
  if (/^tuan\b/.test(folded)) return 'week';
  if (/^thang\b/.test(folded)) return 'month';
  if (/^ngay\b/.test(folded)) return 'day';
  return null;
}

export type CountReason = Extract<ScanRowReason, 'not_a_number' | 'negative' | 'fractional' | 'too_large'>;

const GROUPED = /^\d{1,3}(?:([.,  ])\d{3})(?:\1\d{3})*$/;
const DECIMAL = /^(\d+)[.,](\d+)$/;

/**
 * A count as typed or stored: "1234", "1.234" and "1 234" (grouped thousands, as Vietnamese
 * write them), "12,0". Blank or a lone dash: no count. Negative, fractional, non-numeric and
 * absurdly large counts are refused with their reason.
 */
export function parseCount(text: string): number | null | CountReason {
  const trimmed = text.trim();
  if (trimmed === '' || /^[-–—]$/.test(trimmed)) return null;
  if (/^[-–−]\s*\d/.test(trimmed)) return 'negative';
  let value: number;
  let match: RegExpExecArray | null;
  if (/^\d+$/.test(trimmed)) value = Number(trimmed);
  else if (GROUPED.test(trimmed)) value = Number(trimmed.replace(/\D/g, ''));
  else if ((match = DECIMAL.exec(trimmed))) {
    if (/[1-9]/.test(match[2])) return 'fractional';
    value = Number(match[1]);
  } else if (/^\d+(?:\.\d+)?e\+?\d+$/i.test(trimmed)) return 'too_large';
  else return 'not_a_number';
  return value > MAX_SCANS ? 'too_large' : value;
}
