import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { coveredDays } from './days';

export interface ScanWindow {
  /** yyyy-MM-dd, both ends included. */
  from: string;
  to: string;
}

export interface LowScanning {
  venueId: string;
  /** Scans in the window (prorated where a count straddles its ends). */
  scans: number;
  /** Scans per day of the window that the office's scan data covers. */
  perDay: number;
  /** Median perDay of the venue's (commune, type) group; null when the group has fewer than 4 venues. */
  groupMedian: number | null;
  flag: 'zero' | 'low';
  /** Scans / people entering at the venue's last door count, or null when never counted. */
  doorRate: number | null;
}

/** A group smaller than this has no meaningful quartile: its venues are flagged only for zero scans. */
const MIN_GROUP = 4;

/**
 * Sources (files and counts typed by hand) that overlap the window. Every stored count lies
 * inside its source's day range, so their earliest first day bounds the counts to read.
 */
const sourcesOverlapping = (db: Db, window: ScanWindow) =>
  statement<[string, string], { kind: 'file' | 'manual'; first_day: string; last_day: string }>(
    db,
    'SELECT kind, first_day, last_day FROM scan_sources WHERE first_day <= ? AND last_day >= ?',
  ).all(window.to, window.from);

/**
 * Days of the window that imported files cover. A count typed by hand for one venue says
 * nothing about the others, so only files make "no scan" mean zero rather than "not known".
 */
export function daysWithScanData(db: Db, window: ScanWindow): number {
  return coveredDays(
    sourcesOverlapping(db, window).filter((source) => source.kind === 'file'),
    window.from,
    window.to,
  );
}

/** The earliest first day a count overlapping the window can have, or null when no count overlaps it. */
function lowerBound(db: Db, window: ScanWindow): string | null {
  const sources = sourcesOverlapping(db, window);
  if (sources.length === 0) return null;
  return sources.reduce((earliest, source) => (source.first_day < earliest ? source.first_day : earliest), window.from);
}

/** Scans of counts c overlapping the window, those straddling its ends prorated by days. */
const PRORATED = `sum(CASE WHEN c.first_day >= @from AND c.last_day <= @to THEN c.scans
  ELSE c.scans * (julianday(min(c.last_day, @to)) - julianday(max(c.first_day, @from)) + 1)
             / (julianday(c.last_day) - julianday(c.first_day) + 1) END)`;
const OVERLAPPING = 'c.first_day >= @lower AND c.first_day <= @to AND c.last_day >= @from';

/** Scans in the window at each venue that has any, counts straddling the window's ends prorated by days. */
export function scansInWindow(db: Db, window: ScanWindow): Map<string, number> {
  const lower = lowerBound(db, window);
  if (lower === null) return new Map();
  const rows = statement<{ from: string; to: string; lower: string }, { venue_id: string; scans: number }>(
    db,
    `SELECT c.venue_id, ${PRORATED} AS scans FROM scan_counts c WHERE ${OVERLAPPING} GROUP BY c.venue_id`,
  ).all({ ...window, lower });
  return new Map(rows.map((row) => [row.venue_id, row.scans]));
}

/** Linear interpolation between the closest ranks (Excel's PERCENTILE.INC) of ascending values. */
function percentile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

const DOOR_RATES = `SELECT venue_id, scans, entering FROM (
   SELECT x.venue_id, sum(json_extract(p.value, '$.observation.scans')) AS scans,
          sum(json_extract(p.value, '$.observation.peopleEntering')) AS entering,
          row_number() OVER (PARTITION BY x.venue_id ORDER BY x.visited_on DESC, x.id DESC) AS recency
   FROM visits x, json_each(x.points) p
   WHERE x.points LIKE '%"peopleEntering"%' AND json_extract(p.value, '$.observation.peopleEntering') > 0 AND (@venue IS NULL OR x.venue_id = @venue)
   GROUP BY x.id)
 WHERE recency = 1`;

/** Scans / people entering at each venue's last visit with a door count (one venue's, when given). */
function doorRates(db: Db, venueId: string | null): Map<string, number> {
  const rows = statement<{ venue: string | null }, { venue_id: string; scans: number; entering: number }>(db, DOOR_RATES).all({ venue: venueId });
  return new Map(rows.map((row) => [row.venue_id, row.scans / row.entering]));
}

/** Active venues with a code in force: the ones a scan can be expected at. */
const SCANNABLE = `v.status = 'active' AND EXISTS (SELECT 1 FROM venue_codes k WHERE k.venue_id = v.id AND k.revoked_at IS NULL)`;

interface Scannable {
  id: string;
  commune_id: string | null;
  type: string;
}

/**
 * Flags, group by group, the venues that scanned nothing or sit in the bottom quarter of
 * their group. A group is the scannable venues of one type in one commune, zeros included,
 * so "the lowest quartile" is the bottom quarter of the whole group; a venue already
 * counted as zero is flagged "zero", not "low".
 */
function flag(venues: readonly Scannable[], scans: ReadonlyMap<string, number>, days: number, rates: ReadonlyMap<string, number>) {
  const flagged = new Map<string, LowScanning>();
  const groups = new Map<string, Array<{ id: string; scans: number; perDay: number }>>();
  for (const venue of venues) {
    const venueScans = scans.get(venue.id) ?? 0;
    const key = `${venue.commune_id ?? ''}|${venue.type}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ id: venue.id, scans: venueScans, perDay: venueScans / days });
  }
  for (const group of groups.values()) {
    const sorted = group.length >= MIN_GROUP ? group.map((venue) => venue.perDay).sort((a, b) => a - b) : null;
    const median = sorted ? percentile(sorted, 0.5) : null;
    const lowest = sorted ? percentile(sorted, 0.25) : null;
    for (const venue of group) {
      const kind = venue.scans === 0 ? 'zero' : lowest !== null && venue.perDay <= lowest ? 'low' : null;
      if (!kind) continue;
      flagged.set(venue.id, { venueId: venue.id, scans: venue.scans, perDay: venue.perDay, groupMedian: median, flag: kind, doorRate: rates.get(venue.id) ?? null });
    }
  }
  return flagged;
}

/**
 * Which venues to judge. Groups are (commune, type), so flags computed for one commune or
 * one type are exactly the register-wide flags of the venues in it, at a fraction of the
 * cost. Unset: the whole register.
 */
export interface ScanScope {
  communeId?: string | null;
  type?: string | null;
}

const IN_SCOPE = '(@commune IS NULL OR v.commune_id = @commune) AND (@type IS NULL OR v.type = @type)';

/** Scans in the window at each venue in scope that has any (prorated like scansInWindow). */
function scopedScans(db: Db, window: ScanWindow, scope: { commune: string | null; type: string | null }): Map<string, number> {
  if (scope.commune === null && scope.type === null) return scansInWindow(db, window);
  const lower = lowerBound(db, window);
  if (lower === null) return new Map();
  const rows = statement<{ from: string; to: string; lower: string; commune: string | null; type: string | null }, { venue_id: string; scans: number }>(
    db,
    `SELECT c.venue_id, ${PRORATED} AS scans FROM venues v JOIN scan_counts c ON c.venue_id = v.id
     WHERE ${IN_SCOPE} AND ${OVERLAPPING} GROUP BY c.venue_id`,
  ).all({ ...window, lower, ...scope });
  return new Map(rows.map((row) => [row.venue_id, row.scans]));
}

/**
 * Active venues with a current (unrevoked) code that scan little in the window: zero scans,
 * or the lowest quartile of their type in their commune. Empty when no scan data covers
 * the window. perDay = scans in the window / days of the window imported files cover.
 */
export function lowScanningVenues(db: Db, window: ScanWindow, scope: ScanScope = {}): Map<string, LowScanning> {
  const days = daysWithScanData(db, window);
  if (days === 0) return new Map();
  const bounds = { commune: scope.communeId ?? null, type: scope.type ?? null };
  const venues = statement<{ commune: string | null; type: string | null }, Scannable>(
    db,
    `SELECT v.id, v.commune_id, v.type FROM venues v WHERE ${IN_SCOPE} AND ${SCANNABLE}`,
  ).all(bounds);
  return flag(venues, scopedScans(db, window, bounds), days, doorRates(db, null));
}

/**
 * The same verdict for one venue, computed on its group alone (a venue page should not
 * wait for the whole register): null when it is not flagged or cannot be.
 */
export function lowScanningOf(db: Db, window: ScanWindow, venueId: string): LowScanning | null {
  const days = daysWithScanData(db, window);
  const venue = statement<[string], Scannable>(db, `SELECT v.id, v.commune_id, v.type FROM venues v WHERE v.id = ? AND ${SCANNABLE}`).get(venueId);
  if (days === 0 || !venue) return null;
  const group = statement<{ commune: string | null; type: string }, Scannable>(
    db,
    `SELECT v.id, v.commune_id, v.type FROM venues v WHERE v.commune_id IS @commune AND v.type = @type AND ${SCANNABLE}`,
  ).all({ commune: venue.commune_id, type: venue.type });
  const lower = lowerBound(db, window);
  const scans = new Map<string, number>();
  if (lower !== null) {
    const rows = statement<{ from: string; to: string; lower: string; commune: string | null; type: string }, { venue_id: string; scans: number }>(
      db,
      `SELECT c.venue_id, ${PRORATED} AS scans FROM venues v JOIN scan_counts c ON c.venue_id = v.id
       WHERE v.commune_id IS @commune AND v.type = @type AND ${OVERLAPPING} GROUP BY c.venue_id`,
    ).all({ ...window, lower, commune: venue.commune_id, type: venue.type });
    for (const row of rows) scans.set(row.venue_id, row.scans);
  }
  return flag(group, scans, days, doorRates(db, venueId)).get(venueId) ?? null;
}
