import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import type { ScanImportSummary } from '../../shared/domain/scans';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { Job } from '../jobs/job';
import type { CheckedScanFile } from './checked-file';
import { dayOf } from './days';

const SLICE = 5000;

/** The newest source: a file imported or a count typed since the check makes the check stale. */
export const latestSourceId = (db: Db) =>
  statement<[], { id: string | null }>(db, 'SELECT max(id) AS id FROM scan_sources').get()?.id ?? null;

export const insertSource = (db: Db) =>
  statement(
    db,
    `INSERT INTO scan_sources (id, kind, file_name, first_day, last_day, row_count, created_at, created_by)
     VALUES (@id, @kind, @fileName, @firstDay, @lastDay, @rowCount, @createdAt, @createdBy)`,
  );

export const insertCount = (db: Db) =>
  statement<[string, string, string, number, string]>(db, 'INSERT INTO scan_counts (venue_id, first_day, last_day, scans, source_id) VALUES (?, ?, ?, ?, ?)');

/**
 * A stored count of exactly the same days, replaced: the check found it, so the commit
 * knows which counts replace and which are new. (An UPSERT would open a statement journal
 * per row, doubling the cost of a 100,000-count import.)
 */
export const replaceCount = (db: Db) =>
  statement<[number, string, string, string, string]>(db, 'UPDATE scan_counts SET scans = ?, source_id = ? WHERE venue_id = ? AND first_day = ? AND last_day = ?');

const replacesPeriod = (replaced: readonly number[], period: number) => {
  for (let pair = 0; pair < replaced.length; pair += 2) if (replaced[pair] === period) return true;
  return false;
};

export interface CommitInput {
  file: CheckedScanFile;
  fileName: string;
  actor: string;
  /** The newest source when the rows were checked. */
  checkedAgainst: string | null;
  /** The clerk chose to leave rows still ambiguous or unmatched out (the caller refuses otherwise). */
  skipUnresolved: boolean;
}

/**
 * Writes the planned counts of a checked file in ONE transaction, in slices so progress and
 * cancel are answered (the write gate holds everything else back), with one source row for
 * the file, the clerk's assignments as aliases, and one audit entry. A cancel or a failure
 * rolls everything back.
 */
export async function commitScanFile(db: Db, input: CommitInput, job: Job): Promise<ScanImportSummary> {
  const { file } = input;
  const { rows: counts } = file.summary();
  const unresolved = counts.ambiguous + counts.unmatched;
  const planned = [...file.planned()];
  const total = planned.reduce((sum, row) => sum + row.counts.length / 2, 0);
  if (total === 0) throw new AppError('CONFLICT', 'Không có số lượt quét nào để nhập: mọi dòng đều lỗi, chưa ghép hoặc bị bỏ qua.');
  let first = Infinity;
  let last = -Infinity;
  let replaced = 0;
  const periods = file.periods.list;
  for (const row of planned) {
    replaced += (row.replaced?.length ?? 0) / 2;
    for (let pair = 0; pair < row.counts.length; pair += 2) {
      first = Math.min(first, periods[row.counts[pair]].firstNumber);
      last = Math.max(last, periods[row.counts[pair]].lastNumber);
    }
  }
  const sourceId = newId();
  const summary: ScanImportSummary = {
    sourceId,
    written: total,
    replaced,
    rowsSkipped: counts.skipped + (input.skipUnresolved ? unresolved : 0),
    rowsWithErrors: counts.error,
    aliasesSaved: 0,
    firstDay: dayOf(first),
    lastDay: dayOf(last),
  };
  db.exec('BEGIN IMMEDIATE');
  try {
    if (latestSourceId(db) !== input.checkedAgainst) {
      throw new AppError('CONFLICT', 'Số lượt quét đã được nhập hoặc sửa từ lúc kiểm tra tệp này. Hãy kiểm tra lại các dòng trước khi nhập.');
    }
    insertSource(db).run({
      id: sourceId,
      kind: 'file',
      fileName: input.fileName,
      firstDay: summary.firstDay,
      lastDay: summary.lastDay,
      rowCount: total,
      createdAt: nowIso(),
      createdBy: input.actor,
    });
    const insert = insertCount(db);
    const replace = replaceCount(db);
    job.report(0, total);
    let done = 0;
    for (const row of planned) {
      const venueId = row.venueId!;
      for (let pair = 0; pair < row.counts.length; pair += 2) {
        const period = periods[row.counts[pair]];
        if (row.replaced && replacesPeriod(row.replaced, row.counts[pair])) {
          replace.run(row.counts[pair + 1], sourceId, venueId, period.first, period.last);
        } else insert.run(venueId, period.first, period.last, row.counts[pair + 1], sourceId);
      }
      done += row.counts.length / 2;
      if (done >= job.done + SLICE) {
        job.report(done);
        await job.pause();
      }
    }
    const saveAlias = statement(
      db,
      `INSERT INTO scan_aliases (identifier, venue_id, created_at, created_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (identifier) DO UPDATE SET venue_id = excluded.venue_id, created_at = excluded.created_at, created_by = excluded.created_by`,
    );
    for (const [identifier, venueId] of file.assignments()) {
      saveAlias.run(identifier, venueId, nowIso(), input.actor);
      summary.aliasesSaved++;
    }
    recordAudit(db, {
      staffId: input.actor,
      entity: 'scan_source',
      entityId: sourceId,
      action: 'scans_imported',
      after: { fileName: input.fileName, firstDay: summary.firstDay, lastDay: summary.lastDay, written: total, replaced, aliases: summary.aliasesSaved },
    });
    job.report(total);
    await job.pause();
    db.exec('COMMIT');
    return summary;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

