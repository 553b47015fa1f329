import { RECENT_PRINT_MONTHS, type AreaFigures, type DashboardFigures, type DashboardQuery, type VenueFigures } from '../../shared/domain/dashboard';
import { ACTION_STATUSES, FINDING_CATEGORIES, type ActionStatus, type FindingCategory } from '../../shared/domain/inspections';
import { VENUE_TYPES, type VenueType } from '../../shared/domain/venue';
import { vietnameseSortKey } from '../../shared/text/sort-key';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { coveredDays, dayNumber, dayOf, daysBetween } from '../scans/days';
import { getSettings } from '../settings/service';
import { flaggedVenues, scopeOfArea } from './flagged-venues';
import { dashboardStatements, type AreaLevel, type FigureSet, type FigureStatement } from './figure-sql';
import { overdueBefore, printWindow } from './period';

export { RECENT_PRINT_MONTHS };

/** Up to this many days the scan series has a point per day, beyond it one per month. */
export const DAILY_SERIES_MAX_DAYS = 62;

/** What the table of an area calls the venues with no commune or village recorded. */
const UNIT_NOT_RECORDED_VI: Record<AreaLevel, string> = {
  commune: 'Chưa ghi xã/phường',
  village: 'Chưa ghi thôn/tổ dân phố',
};

interface VenueRow {
  unit_id: string | null;
  type: VenueType;
  registered: number;
  active: number;
  with_current_code: number;
  poster_printed: number;
  poster_recent: number;
  laminated: number;
  inspected: number;
  with_open_findings: number;
  with_overdue_actions: number;
  scans: number;
  zero_scans: number;
  low_scanning: number;
}

type Counts = Omit<VenueFigures, 'scansPerVenueDay'>;

const EMPTY: Counts = {
  registered: 0,
  active: 0,
  withCurrentCode: 0,
  posterPrinted: 0,
  posterRecent: 0,
  laminated: 0,
  inspected: 0,
  withOpenFindings: 0,
  withOverdueActions: 0,
  scans: 0,
  zeroScans: 0,
  lowScanning: 0,
};

const countsOf = (row: VenueRow): Counts => ({
  registered: row.registered,
  active: row.active,
  withCurrentCode: row.with_current_code,
  posterPrinted: row.poster_printed,
  posterRecent: row.poster_recent,
  laminated: row.laminated,
  inspected: row.inspected,
  withOpenFindings: row.with_open_findings,
  withOverdueActions: row.with_overdue_actions,
  scans: row.scans,
  zeroScans: row.zero_scans,
  lowScanning: row.low_scanning,
});

function add(into: Counts, more: Counts): Counts {
  const sum = { ...into };
  for (const key of Object.keys(EMPTY) as Array<keyof Counts>) sum[key] += more[key];
  return sum;
}

/** "No data" stays null: no file covers the period, or no venue has a code to scan. */
const withRate = (counts: Counts, scanDays: number): VenueFigures => ({
  ...counts,
  scansPerVenueDay: scanDays > 0 && counts.withCurrentCode > 0 ? counts.scans / (counts.withCurrentCode * scanDays) : null,
});

/** Villages when the area is a commune or a village (or the office's home commune), else communes. */
function areaLevelOf(query: DashboardQuery, homeCommuneId: string | null): AreaLevel {
  return query.communeId || query.villageId || homeCommuneId ? 'village' : 'commune';
}

interface UnitRow {
  id: string;
  name: string;
  listed: number;
}

/**
 * The units of the area table: those the rows name, and those it lists even without a
 * venue (yet), so the report shows every village: the village asked for, the villages of
 * the commune (or of the office's home commune), or every commune; retired units only
 * when venues still point at them.
 */
function unitsOf(db: Db, query: DashboardQuery, level: AreaLevel, homeCommuneId: string | null, rows: readonly VenueRow[]): UnitRow[] {
  const named = rows.flatMap((row) => (row.unit_id === null ? [] : [row.unit_id]));
  return statement<[{ named: string; only: string | null; level: AreaLevel; parent: string | null }], UnitRow>(
    db,
    `SELECT id, name, (CASE WHEN @only IS NOT NULL THEN id = @only
                            ELSE level = @level AND retired_at IS NULL AND (@level = 'commune' OR parent_id = @parent) END) AS listed
     FROM admin_units
     WHERE id IN (SELECT value FROM json_each(@named)) OR id = @only
        OR (@only IS NULL AND level = @level AND retired_at IS NULL AND (@level = 'commune' OR parent_id = @parent))`,
  ).all({ named: JSON.stringify(named), only: query.villageId ?? null, level, parent: query.communeId ?? homeCommuneId });
}

function areaRows(db: Db, query: DashboardQuery, level: AreaLevel, homeCommuneId: string | null, rows: readonly VenueRow[], scanDays: number): AreaFigures[] {
  const units = unitsOf(db, query, level, homeCommuneId, rows);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const byUnit = new Map<string | null, Counts>(units.filter((unit) => unit.listed === 1).map((unit) => [unit.id, EMPTY]));
  for (const row of rows) byUnit.set(row.unit_id, add(byUnit.get(row.unit_id) ?? EMPTY, countsOf(row)));
  return [...byUnit]
    .map(([unitId, counts]) => ({
      unitId,
      unitName: unitId === null ? UNIT_NOT_RECORDED_VI[level] : (names.get(unitId) ?? unitId),
      ...withRate(counts, scanDays),
    }))
    .map((area) => ({ area, key: area.unitId === null ? '\uffff' : vietnameseSortKey(area.unitName) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ area }) => area);
}

function typeRows(rows: readonly VenueRow[], scanDays: number) {
  const byType = new Map<VenueType, Counts>();
  for (const row of rows) byType.set(row.type, add(byType.get(row.type) ?? EMPTY, countsOf(row)));
  return VENUE_TYPES.filter((type) => byType.has(type)).map((type) => ({ type, ...withRate(byType.get(type)!, scanDays) }));
}

interface SourceRow {
  kind: 'file' | 'manual' | 'all';
  first_day: string | null;
  last_day: string | null;
}

type Range = { first_day: string; last_day: string };

/**
 * Scans per day of the period, each count spread evenly over its days, then per month
 * beyond DAILY_SERIES_MAX_DAYS. A point that no source covers at all is null.
 */
function scanSeries(query: DashboardQuery, periods: ReadonlyArray<Range & { scans: number }>, sources: readonly Range[]) {
  const start = dayNumber(query.from);
  const perDay = new Array<number>(daysBetween(query.from, query.to)).fill(0);
  for (const period of periods) {
    const first = dayNumber(period.first_day);
    const last = dayNumber(period.last_day);
    const share = period.scans / (last - first + 1);
    for (let day = Math.max(first, start); day <= Math.min(last, start + perDay.length - 1); day++) perDay[day - start] += share;
  }
  const points: Array<{ day: string; first: string; last: string; scans: number }> = [];
  perDay.forEach((scans, index) => {
    const day = dayOf(start + index);
    const pointDay = perDay.length <= DAILY_SERIES_MAX_DAYS ? day : `${day.slice(0, 7)}-01`;
    const point = points.at(-1);
    if (point?.day === pointDay) {
      point.scans += scans;
      point.last = day;
    } else points.push({ day: pointDay, first: day, last: day, scans });
  });
  return points.map((point) => ({ day: point.day, scans: coveredDays(sources, point.first, point.last) > 0 ? point.scans : null }));
}

/**
 * The dashboard's figures for a period and area (and venue type). `today` (yyyy-MM-dd in
 * Vietnam) decides what is overdue when the period runs past it. Every figure comes from
 * the statements of dashboardStatements, run once each.
 */
export function dashboardFigures(db: Db, query: DashboardQuery, today: string): DashboardFigures {
  const { homeCommuneId } = getSettings(db);
  const areaLevel = areaLevelOf(query, homeCommuneId);
  const flagged = [...flaggedVenues(db, { from: query.from, to: query.to }, scopeOfArea(db, query)).values()];
  const statements = dashboardStatements(query, {
    areaLevel,
    overdueBefore: overdueBefore(query.to, today),
    printWindow: printWindow(query.to, RECENT_PRINT_MONTHS),
    zeroScanIds: flagged.filter((venue) => venue.flag === 'zero').map((venue) => venue.venueId),
    lowScanIds: flagged.filter((venue) => venue.flag === 'low').map((venue) => venue.venueId),
  });
  const run = <R>(set: FigureSet): R[] => {
    const { sql, params }: FigureStatement = statements[set];
    return statement<[FigureStatement['params']], R>(db, sql).all(params);
  };

  const sources = run<SourceRow>('scanSources');
  const overlapping = sources.filter((source): source is SourceRow & Range => source.kind !== 'all');
  const ever = sources.find((source) => source.kind === 'all');
  const scanDays = coveredDays(overlapping.filter((source) => source.kind === 'file'), query.from, query.to);

  const venueRows = run<VenueRow>('venues');
  const findings = new Map(run<{ category: FindingCategory; findings: number; venues: number }>('findings').map((row) => [row.category, row]));
  const openFindings = new Map(run<{ category: FindingCategory; venues: number }>('openFindings').map((row) => [row.category, row.venues]));
  const actions = run<{ status: ActionStatus; count: number; overdue: number }>('actions');

  return {
    query,
    days: daysBetween(query.from, query.to),
    scanDays,
    scanData: ever?.first_day && ever.last_day ? { firstDay: ever.first_day, lastDay: ever.last_day } : null,
    totals: withRate(venueRows.map(countsOf).reduce(add, EMPTY), scanDays),
    areaLevel,
    byArea: areaRows(db, query, areaLevel, homeCommuneId, venueRows, scanDays),
    byType: typeRows(venueRows, scanDays),
    scanSeries: scanSeries(query, run<Range & { scans: number }>('scanSeries'), overlapping),
    findingsByCategory: FINDING_CATEGORIES.map((category) => ({
      category,
      findings: findings.get(category)?.findings ?? 0,
      venues: findings.get(category)?.venues ?? 0,
    })),
    openFindingsByCategory: FINDING_CATEGORIES.map((category) => ({ category, venues: openFindings.get(category) ?? 0 })),
    actions: {
      byStatus: ACTION_STATUSES.map((status) => ({ status, count: actions.find((row) => row.status === status)?.count ?? 0 })),
      overdue: actions.reduce((sum, row) => sum + row.overdue, 0),
    },
  };
}
