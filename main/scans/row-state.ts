import type { ScanRowStatus } from '../../shared/domain/scans';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { CheckedScanRow, TablePeriod } from './check';
import { dayNumber } from './days';
import type { VenueDirectory } from './matching';
import { periodText, rowError } from './row-errors';

interface Stored {
  first: number;
  last: number;
  firstDay: string;
  lastDay: string;
  scans: number;
}

interface DayRange {
  from: string;
  to: string;
}

const toStored = (row: { first_day: string; last_day: string; scans: number }): Stored => ({
  first: dayNumber(row.first_day),
  last: dayNumber(row.last_day),
  firstDay: row.first_day,
  lastDay: row.last_day,
  scans: row.scans,
});

/**
 * The stored counts of the file's venues over the file's days: read once for the venues
 * matched at check time, and venue by venue for those the clerk assigns later. A venue's
 * stored periods never overlap, so sorted by first day they are sorted by last day too.
 */
const NONE: readonly Stored[] = [];

export class StoredCounts {
  private readonly byVenue = new Map<string, Stored[]>();
  /** Venues read in bulk: those without a list have no stored count in range. */
  private loaded: ReadonlySet<string> = new Set();

  constructor(
    private readonly db: Db,
    private readonly range: DayRange | null,
  ) {}

  /** One range read for many venues; its lower bound comes from the sources, whose day ranges hold all their counts. */
  load(venueIds: ReadonlySet<string>): void {
    this.loaded = venueIds;
    if (!this.range) return;
    const lower = statement<[string, string], { lower: string | null }>(
      this.db,
      'SELECT min(first_day) AS lower FROM scan_sources WHERE first_day <= ? AND last_day >= ?',
    ).get(this.range.to, this.range.from)?.lower;
    if (!lower) return;
    const rows = statement<{ lower: string; from: string; to: string }, { venue_id: string; first_day: string; last_day: string; scans: number }>(
      this.db,
      `SELECT venue_id, first_day, last_day, scans FROM scan_counts
       WHERE first_day >= @lower AND first_day <= @to AND last_day >= @from`,
    );
    for (const row of rows.iterate({ lower, from: this.range.from, to: this.range.to })) {
      if (!venueIds.has(row.venue_id)) continue;
      const list = this.byVenue.get(row.venue_id);
      if (list) list.push(toStored(row));
      else this.byVenue.set(row.venue_id, [toStored(row)]);
    }
    for (const list of this.byVenue.values()) if (list.length > 1) list.sort((a, b) => a.first - b.first);
  }

  of(venueId: string): readonly Stored[] {
    let list = this.byVenue.get(venueId);
    if (!list && this.loaded.has(venueId)) return NONE;
    if (!list) {
      list = this.range
        ? statement<[string, string, string], { first_day: string; last_day: string; scans: number }>(
            this.db,
            'SELECT first_day, last_day, scans FROM scan_counts WHERE venue_id = ? AND first_day <= ? AND last_day >= ? ORDER BY first_day',
          )
            .all(venueId, this.range.to, this.range.from)
            .map(toStored)
        : [];
      this.byVenue.set(venueId, list);
    }
    return list;
  }
}

/** Index of the first range whose last day is on or after `day`, in ranges sorted by first (and so by last) day. */
function firstEndingFrom(ranges: ReadonlyArray<{ last: number }>, day: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle].last < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface RowContext {
  periods: readonly TablePeriod[];
  directory: VenueDirectory;
  stored: StoredCounts;
  /** The column a count of this period was read from (a wide sheet's header, or the period column). */
  columnOf(period: number): string;
  /** The column that names the venue, for a row-wide refusal. */
  identifierColumn: string;
  /** No two periods of the file overlap (all days, or all weeks…): two counts then clash only on the same period. */
  periodsDisjoint: boolean;
}

/** Whether no two of the periods share a day. */
export function disjoint(periods: readonly TablePeriod[]): boolean {
  const sorted = [...periods].sort((a, b) => a.firstNumber - b.firstNumber);
  return sorted.every((period, index) => index === 0 || period.firstNumber > sorted[index - 1].lastNumber);
}

/**
 * Checks a row against its venue: a received commune's venues take counts only from that
 * commune's packages (matched, so the clerk sees which venue, but refused with the reason);
 * closed venues take no counts; a stored count of exactly
 * the same days is replaced (and said so); one that overlaps without being the same is
 * refused, since replacing it would leave some days counted twice or not at all.
 */
export function checkAgainstVenue(row: CheckedScanRow, context: RowContext): void {
  row.venueErrors = null;
  row.replaced = null;
  if (row.venueId === null) return;
  const errors = [];
  const owner = context.directory.receivedFrom(row.venueId);
  const closed = context.directory.isClosed(row.venueId);
  if (owner || closed) {
    const { code, name } = context.directory.venue(row.venueId)!;
    const venue = `${code} — ${name}`;
    if (owner) errors.push(rowError(row.rowNumber, context.identifierColumn, 'venue_received', { venue, owner }));
    if (closed) errors.push(rowError(row.rowNumber, context.identifierColumn, 'venue_closed', { venue }));
  }
  const stored = context.stored.of(row.venueId);
  const replaced: number[] = [];
  for (let pair = 0; stored.length > 0 && pair < row.counts.length; pair += 2) {
    const period = context.periods[row.counts[pair]];
    for (let at = firstEndingFrom(stored, period.firstNumber); at < stored.length && stored[at].first <= period.lastNumber; at++) {
      const other = stored[at];
      if (other.first === period.firstNumber && other.last === period.lastNumber) replaced.push(row.counts[pair], other.scans);
      else {
        errors.push(
          rowError(row.rowNumber, context.columnOf(row.counts[pair]), 'overlaps_stored', {
            period: periodText(period.first, period.last),
            stored: periodText(other.firstDay, other.lastDay),
          }),
        );
      }
    }
  }
  if (errors.length > 0) row.venueErrors = errors;
  if (replaced.length > 0) row.replaced = replaced;
}

/** Whether a row's counts go in at commit: matched or assigned, not skipped, nothing wrong with it. */
export const isPlanned = (row: CheckedScanRow) => row.venueId !== null && !row.skipped && !row.errors && !row.venueErrors;

interface Accepted {
  first: number;
  last: number;
  period: number;
  rowNumber: number;
}

/**
 * Marks the rows of one venue that repeat days an earlier row of the file already gave it
 * (or that overlap among themselves): a count would otherwise be written twice. The first
 * row keeps its counts; the later one is refused, naming the earlier.
 */
export function markRepeats(rows: readonly CheckedScanRow[], context: RowContext): void {
  if (context.periodsDisjoint) markSamePeriods(rows, context);
  else markOverlaps(rows, context);
}

function repeatOf(row: CheckedScanRow, context: RowContext, mine: number, other: number, otherRow: number) {
  const period = context.periods[mine];
  const otherPeriod = context.periods[other];
  const same = period.firstNumber === otherPeriod.firstNumber && period.lastNumber === otherPeriod.lastNumber;
  return rowError(row.rowNumber, context.columnOf(mine), same ? 'repeated_in_file' : 'overlaps_in_file', {
    period: periodText(period.first, period.last),
    other: periodText(otherPeriod.first, otherPeriod.last),
    row: String(otherRow),
  });
}

/** The common case, a file of days (or of weeks, or months): a repeat is the same period again. */
function markSamePeriods(rows: readonly CheckedScanRow[], context: RowContext): void {
  // The row that gave each period, by period index (0: none yet).
  const takenBy = new Int32Array(context.periods.length);
  for (const row of rows) {
    row.duplicate = null;
    if (!isPlanned(row)) continue;
    for (let pair = 0; pair < row.counts.length && !row.duplicate; pair += 2) {
      const earlier = takenBy[row.counts[pair]];
      if (earlier !== 0) row.duplicate = repeatOf(row, context, row.counts[pair], row.counts[pair], earlier);
      // Two columns with the same header in one row: the row repeats itself.
      for (let other = 0; other < pair && !row.duplicate; other += 2) {
        if (row.counts[other] === row.counts[pair]) row.duplicate = repeatOf(row, context, row.counts[pair], row.counts[other], row.rowNumber);
      }
    }
    if (row.duplicate) continue;
    for (let pair = 0; pair < row.counts.length; pair += 2) takenBy[row.counts[pair]] = row.rowNumber;
  }
}

/** Periods of different lengths (a week column beside day columns): a repeat is any shared day. */
function markOverlaps(rows: readonly CheckedScanRow[], context: RowContext): void {
  const accepted: Accepted[] = [];
  for (const row of rows) {
    row.duplicate = null;
    if (!isPlanned(row)) continue;
    const own: Accepted[] = [];
    for (let pair = 0; pair < row.counts.length; pair += 2) {
      const period = context.periods[row.counts[pair]];
      own.push({ first: period.firstNumber, last: period.lastNumber, period: row.counts[pair], rowNumber: row.rowNumber });
    }
    own.sort((a, b) => a.first - b.first);
    let clash: { mine: Accepted; other: Accepted } | null = null;
    for (let at = 1; at < own.length && !clash; at++) if (own[at].first <= own[at - 1].last) clash = { mine: own[at], other: own[at - 1] };
    for (const mine of own) {
      if (clash) break;
      const at = firstEndingFrom(accepted, mine.first);
      if (at < accepted.length && accepted[at].first <= mine.last) clash = { mine, other: accepted[at] };
    }
    if (clash) {
      row.duplicate = repeatOf(row, context, clash.mine.period, clash.other.period, clash.other.rowNumber);
      continue;
    }
    for (const mine of own) accepted.splice(firstEndingFrom(accepted, mine.first), 0, mine);
  }
}

/** Everything wrong with a row, in the order a clerk fixes it: the cells, the venue, the repeat. */
export const rowErrors = (row: CheckedScanRow) => [...(row.errors ?? []), ...(row.venueErrors ?? []), ...(row.duplicate ? [row.duplicate] : [])];

export function statusOf(row: CheckedScanRow): ScanRowStatus {
  if (row.skipped) return 'skipped';
  if (row.errors) return 'error';
  if (row.venueId === null) return row.candidates.length > 1 ? 'ambiguous' : 'unmatched';
  if (row.venueErrors || row.duplicate) return 'error';
  return row.replaced ? 'replace' : 'new';
}
