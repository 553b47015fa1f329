import { AppError } from '../../shared/api/result';
import { SCAN_ROW_STATUSES, type ScanCheckSummary, type ScanRow, type ScanRowCounts, type ScanRowStatus } from '../../shared/domain/scans';
import type { Db } from '../db/open';
import type { RawSheet } from '../import/read-file';
import type { Job } from '../jobs/job';
import { readRows, type CheckedScanRow, type ColumnPlan, type PeriodTable } from './check';
import { dayOf } from './days';
import { VenueDirectory } from './matching';
import { checkAgainstVenue, disjoint, isPlanned, markRepeats, rowErrors, statusOf, StoredCounts, type RowContext } from './row-state';

const PERIODS_SHOWN = 400;

/** The days the file's periods span (a period read from a cell or header, whether its count was good or not). */
const rangeOf = (periods: PeriodTable) => {
  let first = Infinity;
  let last = -Infinity;
  for (const period of periods.list) {
    if (period.firstNumber < first) first = period.firstNumber;
    if (period.lastNumber > last) last = period.lastNumber;
  }
  return first === Infinity ? null : { from: dayOf(first), to: dayOf(last) };
};

/**
 * A scan file after its rows were checked: each row matched to a venue (or not), its
 * counts, and what committing would do with it. The clerk's assignments change it row by
 * row, and the preview always says what the commit will write.
 */
export class CheckedScanFile {
  private readonly rowsByVenue = new Map<string, number[]>();
  private readonly suggestions = new Map<string, string[]>();
  private cachedSummary: ScanCheckSummary | null = null;
  readonly context: RowContext;

  private constructor(
    readonly sheet: RawSheet,
    readonly plan: ColumnPlan,
    readonly periods: PeriodTable,
    readonly rows: CheckedScanRow[],
    directory: VenueDirectory,
    stored: StoredCounts,
  ) {
    const periodColumn = new Map(plan.wide.map((column) => [column.period, column.name]));
    const identifier = plan.identifiers.name ?? plan.identifiers.code ?? plan.identifiers.payload!;
    this.context = {
      periods: periods.list,
      directory,
      stored,
      columnOf: (period) => periodColumn.get(period) ?? plan.period?.name ?? '',
      identifierColumn: identifier.name,
      periodsDisjoint: disjoint(periods.list),
    };
    rows.forEach((row, index) => row.venueId && this.indexRow(row.venueId, index));
  }

  /** Reads, matches and checks every row against the stored counts, with progress and cancel. */
  static async check(db: Db, sheet: RawSheet, plan: ColumnPlan, periods: PeriodTable, today: string, job: Job): Promise<CheckedScanFile> {
    const directory = new VenueDirectory(db);
    const rows = await readRows(sheet, plan, periods, directory, today, job);
    const file = new CheckedScanFile(sheet, plan, periods, rows, directory, new StoredCounts(db, rangeOf(periods)));
    file.context.stored.load(new Set(file.rowsByVenue.keys()));
    for (const row of rows) checkAgainstVenue(row, file.context);
    await job.pause();
    for (const indexes of file.rowsByVenue.values()) markRepeats(indexes.map((index) => rows[index]), file.context);
    return file;
  }

  private indexRow(venueId: string, index: number) {
    const indexes = this.rowsByVenue.get(venueId);
    if (!indexes) this.rowsByVenue.set(venueId, [index]);
    // Kept in row order: the earlier row of a repeat keeps its counts.
    else if (indexes[indexes.length - 1] < index) indexes.push(index);
    else indexes.splice(indexes.findIndex((other) => other > index), 0, index);
  }

  private unindexRow(venueId: string, index: number) {
    const indexes = this.rowsByVenue.get(venueId);
    if (indexes) indexes.splice(indexes.indexOf(index), 1);
  }

  private recheckVenue(venueId: string) {
    markRepeats((this.rowsByVenue.get(venueId) ?? []).map((index) => this.rows[index]), this.context);
  }

  private counts(): ScanRowCounts {
    const counts = Object.fromEntries(SCAN_ROW_STATUSES.map((status) => [status, 0])) as ScanRowCounts;
    for (const row of this.rows) counts[statusOf(row)]++;
    return counts;
  }

  /** The preview's figures, kept until an assignment changes them: the page asks for them a few times a second while a step runs. */
  summary(): ScanCheckSummary {
    this.cachedSummary ??= this.computeSummary();
    return this.cachedSummary;
  }

  private computeSummary(): ScanCheckSummary {
    let countsToWrite = 0;
    let countsReplaced = 0;
    for (const row of this.rows) {
      if (!isPlanned(row) || row.duplicate) continue;
      countsToWrite += row.counts.length / 2;
      countsReplaced += (row.replaced?.length ?? 0) / 2;
    }
    const range = rangeOf(this.periods);
    const sorted = [...this.periods.list].sort((a, b) => a.firstNumber - b.firstNumber || a.lastNumber - b.lastNumber);
    return {
      layout: this.plan.layout,
      year: this.plan.year,
      periods: sorted.slice(0, PERIODS_SHOWN).map((period) => ({ kind: period.kind, firstDay: period.first, lastDay: period.last })),
      periodCount: sorted.length,
      firstDay: range?.from ?? null,
      lastDay: range?.to ?? null,
      rows: this.counts(),
      countsToWrite,
      countsReplaced,
    };
  }

  /** Rows whose counts the commit writes. */
  *planned(): Generator<CheckedScanRow> {
    for (const row of this.rows) if (isPlanned(row) && !row.duplicate) yield row;
  }

  private rowAt(rowNumber: number): number {
    let low = 0;
    let high = this.rows.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.rows[middle].rowNumber;
      if (found === rowNumber) return middle;
      if (found < rowNumber) low = middle + 1;
      else high = middle - 1;
    }
    throw new AppError('NOT_FOUND', `Không có dòng ${rowNumber} trong kết quả kiểm tra.`, 'rowNumber', 'unknown_reference');
  }

  /**
   * The clerk says which venue a row's identifier means (or skips it). Every row with the
   * same identifier that was not matched by itself follows: a long sheet names an unmatched
   * venue once per day.
   */
  assign(rowNumber: number, venueId: string | null): number {
    const chosen = this.rows[this.rowAt(rowNumber)];
    if (chosen.errors) throw new AppError('CONFLICT', `Dòng ${rowNumber} có lỗi trong tệp; hãy sửa tệp rồi nhập lại.`, 'rowNumber', 'invalid');
    if (venueId !== null && !this.context.directory.venue(venueId)) {
      throw new AppError('NOT_FOUND', 'Không tìm thấy cơ sở đã chọn.', 'venueId', 'unknown_reference');
    }
    const touched = new Set<string>();
    let changed = 0;
    this.rows.forEach((row, index) => {
      if (row.aliasKey !== chosen.aliasKey || row.errors || (row.match !== null && row.match !== 'assigned')) return;
      if (row.venueId) {
        touched.add(row.venueId);
        this.unindexRow(row.venueId, index);
      }
      row.skipped = venueId === null;
      row.venueId = venueId;
      row.match = venueId === null ? null : 'assigned';
      if (venueId) this.indexRow(venueId, index);
      checkAgainstVenue(row, this.context);
      changed++;
    });
    if (venueId) touched.add(venueId);
    for (const id of touched) this.recheckVenue(id);
    this.cachedSummary = null;
    return changed;
  }

  /** Rows of the preview, by status; suggestions for unmatched rows are looked up only for the rows shown. */
  page(status: ScanRowStatus | undefined, offset: number, limit: number): { rows: ScanRow[]; total: number } {
    const chosen = status ? this.rows.filter((row) => statusOf(row) === status) : this.rows;
    return { rows: chosen.slice(offset, offset + limit).map((row) => this.toScanRow(row)), total: chosen.length };
  }

  private suggestionsFor(row: CheckedScanRow): string[] {
    if (row.candidates.length > 1) return [...row.candidates];
    if (row.venueId !== null || row.errors) return [];
    let found = this.suggestions.get(row.aliasKey);
    if (!found) {
      found = this.context.directory.suggest(row.identifiers);
      this.suggestions.set(row.aliasKey, found);
    }
    return found;
  }

  toScanRow(row: CheckedScanRow): ScanRow {
    const { directory, periods } = this.context;
    let scans = 0;
    let first = Infinity;
    let last = -Infinity;
    for (let pair = 0; pair < row.counts.length; pair += 2) {
      const period = periods[row.counts[pair]];
      scans += row.counts[pair + 1];
      first = Math.min(first, period.firstNumber);
      last = Math.max(last, period.lastNumber);
    }
    const after = new Map<number, number>();
    for (let pair = 0; pair < row.counts.length; pair += 2) after.set(row.counts[pair], row.counts[pair + 1]);
    const replaces = [];
    for (let pair = 0; row.replaced && pair < row.replaced.length; pair += 2) {
      const period = periods[row.replaced[pair]];
      replaces.push({ kind: period.kind, firstDay: period.first, lastDay: period.last, before: row.replaced[pair + 1], after: after.get(row.replaced[pair])! });
    }
    const { code, payload, name, village } = row.identifiers;
    return {
      rowNumber: row.rowNumber,
      status: statusOf(row),
      identifier: { code: code || payload, name, village },
      venue: row.venueId ? directory.choice(row.venueId) : null,
      match: row.match,
      periods: row.counts.length / 2,
      scans,
      firstDay: first === Infinity ? null : dayOf(first),
      lastDay: last === -Infinity ? null : dayOf(last),
      replaces,
      errors: rowErrors(row),
      suggestions: this.suggestionsFor(row)
        .map((id) => directory.choice(id))
        .filter((choice) => choice !== null),
    };
  }

  /** Rows not written because of what is wrong with them, for the error report. */
  failed(): CheckedScanRow[] {
    return this.rows.filter((row) => statusOf(row) === 'error');
  }

  /** Assignments the clerk made, remembered as aliases so next month's file matches by itself. */
  assignments(): Map<string, string> {
    const aliases = new Map<string, string>();
    for (const row of this.planned()) if (row.match === 'assigned') aliases.set(row.aliasKey, row.venueId!);
    return aliases;
  }
}
