import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import { MAX_PERIOD_DAYS, type ScanCount, type VenueScans } from '../../shared/domain/scans';
import { formatDate } from '../../shared/text/date';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import { requireOwnVenue } from '../exchange/ownership';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { todayInVietnam } from '../inspections/rows';
import { requireStaff, type Session } from '../session/session';
import { getVenue } from '../venues/rows';
import { dayNumber, dayOf, daysBetween } from './days';
import { insertCount, insertSource, replaceCount } from './commit';
import { daysWithScanData, lowScanningOf, type ScanWindow } from './low-scanning';
import { periodText } from './row-errors';

/** Days a venue page judges scanning over, as round suggestions do. */
const RECENT_DAYS = 30;

/** The last RECENT_DAYS days, today included. */
export function recentWindow(): ScanWindow {
  const to = todayInVietnam();
  return { from: dayOf(dayNumber(to) - RECENT_DAYS + 1), to };
}

interface CountRow {
  first_day: string;
  last_day: string;
  scans: number;
  source_id: string;
  kind: 'file' | 'manual';
  file_name: string;
  created_at: string;
  staff_name: string | null;
}

const COUNT_SQL = `SELECT c.first_day, c.last_day, c.scans, c.source_id, s.kind, s.file_name, s.created_at, st.name AS staff_name
  FROM scan_counts c JOIN scan_sources s ON s.id = c.source_id LEFT JOIN staff st ON st.id = s.created_by`;

const toCount = (row: CountRow): ScanCount => ({
  firstDay: row.first_day,
  lastDay: row.last_day,
  scans: row.scans,
  source: { id: row.source_id, kind: row.kind, fileName: row.file_name, createdAt: row.created_at, createdBy: row.staff_name },
});

/**
 * A count typed by hand on a venue page, under the import's rules: a venue of this office
 * (a received commune's counts come in its packages), an open venue, a period
 * that has ended and is at most a year long, and a stored period either exactly the same
 * (replaced) or not overlapping at all.
 */
export function recordScanCount(db: Db, session: Session, input: { venueId: string; firstDay: string; lastDay: string; scans: number }): ScanCount {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const venue = getVenue(db, input.venueId);
    requireOwnVenue(db, input.venueId);
    if (venue.status === 'closed') {
      throw new AppError('INVALID_INPUT', `Cơ sở ${venue.code} — ${venue.name} đã đóng cửa; không ghi số lượt quét được.`, 'venueId', 'invalid');
    }
    const today = todayInVietnam();
    if (input.lastDay > today) {
      throw new AppError('INVALID_INPUT', `Kỳ ${periodText(input.firstDay, input.lastDay)} chưa kết thúc (hôm nay ${formatDate(today)}).`, 'lastDay', 'invalid');
    }
    if (daysBetween(input.firstDay, input.lastDay) > MAX_PERIOD_DAYS) {
      throw new AppError('INVALID_INPUT', 'Một kỳ dài nhất là một năm.', 'lastDay', 'invalid');
    }
    const overlapping = statement<[string, string, string], { first_day: string; last_day: string; scans: number }>(
      db,
      'SELECT first_day, last_day, scans FROM scan_counts WHERE venue_id = ? AND first_day <= ? AND last_day >= ?',
    ).all(input.venueId, input.lastDay, input.firstDay);
    const same = overlapping.find((row) => row.first_day === input.firstDay && row.last_day === input.lastDay);
    const other = overlapping.find((row) => row !== same);
    if (other) {
      throw new AppError(
        'INVALID_INPUT',
        `Kỳ ${periodText(input.firstDay, input.lastDay)} trùng một phần với kỳ đã nhập ${periodText(other.first_day, other.last_day)}; chỉ thay được đúng cùng kỳ.`,
        'firstDay',
        'invalid',
      );
    }
    const sourceId = newId();
    insertSource(db).run({
      id: sourceId,
      kind: 'manual',
      fileName: '',
      firstDay: input.firstDay,
      lastDay: input.lastDay,
      rowCount: 1,
      createdAt: nowIso(),
      createdBy: actor,
    });
    if (same) replaceCount(db).run(input.scans, sourceId, input.venueId, input.firstDay, input.lastDay);
    else insertCount(db).run(input.venueId, input.firstDay, input.lastDay, input.scans, sourceId);
    recordAudit(db, {
      staffId: actor,
      entity: 'scan_source',
      entityId: sourceId,
      action: 'scan_count_recorded',
      before: same ? { scans: same.scans } : null,
      after: { venueId: input.venueId, firstDay: input.firstDay, lastDay: input.lastDay, scans: input.scans },
    });
    return toCount(statement<[string, string], CountRow>(db, `${COUNT_SQL} WHERE c.venue_id = ? AND c.first_day = ?`).get(input.venueId, input.firstDay)!);
  });
}

/** Scans of the counts in the window, those straddling its ends prorated by days (as lowScanning reckons). */
function scansWithin(counts: readonly ScanCount[], window: ScanWindow): number {
  const from = dayNumber(window.from);
  const to = dayNumber(window.to);
  let scans = 0;
  for (const count of counts) {
    const first = dayNumber(count.firstDay);
    const last = dayNumber(count.lastDay);
    const overlap = Math.min(last, to) - Math.max(first, from) + 1;
    if (overlap > 0) scans += (count.scans * overlap) / (last - first + 1);
  }
  return scans;
}

/** A venue's counts over time, and how its scanning over the last 30 days compares with its group. */
export function venueScans(db: Db, venueId: string): VenueScans {
  getVenue(db, venueId);
  const counts = statement<[string], CountRow>(db, `${COUNT_SQL} WHERE c.venue_id = ? ORDER BY c.first_day`).all(venueId).map(toCount);
  const window = recentWindow();
  const coveredDays = daysWithScanData(db, window);
  const flagged = lowScanningOf(db, window, venueId);
  return {
    counts,
    window,
    coveredDays,
    perDay: coveredDays > 0 ? scansWithin(counts, window) / coveredDays : null,
    lowScanning: flagged && { flag: flagged.flag, perDay: flagged.perDay, groupMedian: flagged.groupMedian, doorRate: flagged.doorRate },
  };
}
