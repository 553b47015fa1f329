import type { DashboardQuery } from '../../shared/domain/dashboard';

/**
 * The SQL behind every figure set of the dashboard, in one place: dashboardFigures runs
 * exactly these statements, once each, and the benchmark times the same text bare. Each
 * is one set-based aggregate (GROUP BY with conditional sums), never a query per venue
 * from the app. SQL text is built from fixed fragments only; every value is a named
 * parameter.
 *
 * The venue list's click-through filters (main/venues/search.ts) ask the same questions
 * one venue at a time; test/unit/dashboard.test.ts holds the two to the same counts.
 */

export type AreaLevel = 'commune' | 'village';

/** What the statements need besides the query: computed by dashboardFigures, passed as parameters. */
export interface FigureInputs {
  areaLevel: AreaLevel;
  /** Open actions due before this day are overdue (the period's end, or today if earlier). */
  overdueBefore: string;
  /** Prints at or after `since` and before `before` (UTC instants) are recent. */
  printWindow: { since: string; before: string };
  /** Venues flagged by lowScanningVenues for the period. */
  zeroScanIds: readonly string[];
  lowScanIds: readonly string[];
}

export interface FigureStatement {
  sql: string;
  params: Record<string, string | null>;
}

export const FIGURE_SETS = ['venues', 'scanSeries', 'scanSources', 'findings', 'openFindings', 'actions'] as const;
export type FigureSet = (typeof FIGURE_SETS)[number];

/** Conditions on venues `v` for the area and type; empty for the whole office. */
function areaConditions(query: DashboardQuery): string[] {
  return [
    ...(query.communeId ? ['v.commune_id = @communeId'] : []),
    ...(query.villageId ? ['v.village_id = @villageId'] : []),
    ...(query.type ? ['v.type = @type'] : []),
  ];
}

const whereOf = (conditions: readonly string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

/** `JOIN venues v … WHERE …` restricting rows of a table with a venue_id column to the area; nothing for the whole office. */
function areaJoin(query: DashboardQuery, table: string, more: readonly string[] = []): string {
  const area = areaConditions(query);
  const join = area.length > 0 ? `JOIN venues v ON v.id = ${table}.venue_id` : '';
  return `${join} ${whereOf([...area, ...more])}`;
}

/**
 * Scan counts overlapping the period. Every count lies inside its source's day range, so the
 * sources overlapping the period bound the first days to read (an index range, not a scan
 * of every count before the period's end).
 */
const SCAN_ROWS_IN_PERIOD = [
  's.first_day >= (SELECT coalesce(min(first_day), @from) FROM scan_sources WHERE first_day <= @to AND last_day >= @from)',
  's.first_day <= @to',
  's.last_day >= @from',
];

/** A finding f is open while it has no action, or its action is not done. */
export const OPEN_FINDING = "NOT EXISTS (SELECT 1 FROM corrective_actions a WHERE a.finding_id = f.id AND a.status != 'open')";

/** A count over days straddling the period's ends counts for the days inside it, pro rata. */
const PRORATED_SCANS = `CASE WHEN s.first_day >= @from AND s.last_day <= @to THEN s.scans
  ELSE s.scans * (julianday(min(s.last_day, @to)) - julianday(max(s.first_day, @from)) + 1)
             / (julianday(s.last_day) - julianday(s.first_day) + 1) END`;

/**
 * Every venue figure per (area unit, type) in one pass over the area's venues. Each other
 * table is read once: an uncorrelated `v.id IN (SELECT …)` is built once into an index of
 * venue ids and probed per venue (a LEFT JOIN to an aggregate lets SQLite choose to rescan
 * it per venue when it guesses the area small: 6 s for a commune of 10,000). The lists of
 * large tables (codes, prints) are restricted to the area, those of small ones are not.
 * Scans are summed per venue along the primary key (venue_id, first_day). Unary + keeps
 * SQLite from walking the commune index for the grouping (a random read per venue; the
 * table scan is 2.5× faster).
 */
function venuesSql(query: DashboardQuery, level: AreaLevel): string {
  const unit = level === 'village' ? '+v.village_id' : '+v.commune_id';
  const inArea = (table: string, alias: string, conditions: readonly string[] = []) =>
    `v.id IN (SELECT ${alias}.venue_id FROM ${table} ${alias} ${areaJoin(query, alias, conditions)})`;
  const inAll = (table: string, alias: string, conditions: readonly string[]) =>
    `v.id IN (SELECT ${alias}.venue_id FROM ${table} ${alias} ${whereOf(conditions)})`;
  return `
  SELECT ${unit} AS unit_id, v.type AS type,
    count(*) AS registered,
    total(v.status = 'active') AS active,
    total(v.status = 'active' AND ${inArea('venue_codes', 'c', ['c.revoked_at IS NULL'])}) AS with_current_code,
    total(${inArea('prints', 'p')}) AS poster_printed,
    total(${inArea('prints', 'p', ['p.printed_at >= @printedSince', 'p.printed_at < @printedBefore'])}) AS poster_recent,
    -- laminated comes from the row holding max(printed_at): the last print.
    total(v.id IN (SELECT venue_id FROM (SELECT p.venue_id, max(p.printed_at), p.laminated FROM prints p ${areaJoin(query, 'p')} GROUP BY p.venue_id)
                   WHERE laminated = 1)) AS laminated,
    total(${inAll('visits', 'x', ['x.visited_on BETWEEN @from AND @to'])}) AS inspected,
    total(${inAll('findings', 'f', [OPEN_FINDING])}) AS with_open_findings,
    total(${inAll('corrective_actions', 'a', ["a.status = 'open'", 'a.due_on < @overdueBefore'])}) AS with_overdue_actions,
    total((SELECT sum(${PRORATED_SCANS}) FROM scan_counts s WHERE s.venue_id = v.id AND ${SCAN_ROWS_IN_PERIOD.join(' AND ')})) AS scans,
    total(v.id IN (SELECT value FROM json_each(@zeroScanIds))) AS zero_scans,
    total(v.id IN (SELECT value FROM json_each(@lowScanIds))) AS low_scanning
  FROM venues v ${whereOf(areaConditions(query))}
  GROUP BY unit_id, v.type`;
}

/** Scans per distinct counting period (a day, a week, a month); spread over days afterwards. */
const scanSeriesSql = (query: DashboardQuery) => `
  SELECT s.first_day, s.last_day, sum(s.scans) AS scans
  FROM scan_counts s ${areaJoin(query, 's', SCAN_ROWS_IN_PERIOD)}
  GROUP BY s.first_day, s.last_day`;

/** Where scan data exists: the sources overlapping the period (each bounds its counts), and the whole range ever imported. */
const SCAN_SOURCES_SQL = `
  SELECT kind, first_day, last_day FROM scan_sources WHERE first_day <= @to AND last_day >= @from
  UNION ALL
  SELECT 'all', min(first_day), max(last_day) FROM scan_sources`;

const findingsSql = (query: DashboardQuery) => `
  SELECT f.category, count(*) AS findings, count(DISTINCT f.venue_id) AS venues
  FROM findings f JOIN visits x ON x.id = f.visit_id ${areaJoin(query, 'f', ['x.visited_on BETWEEN @from AND @to'])}
  GROUP BY f.category`;

const openFindingsSql = (query: DashboardQuery) => `
  SELECT f.category, count(DISTINCT f.venue_id) AS venues
  FROM findings f ${areaJoin(query, 'f', [OPEN_FINDING])}
  GROUP BY f.category`;

const actionsSql = (query: DashboardQuery) => `
  SELECT a.status, count(*) AS count, total(a.status = 'open' AND a.due_on < @overdueBefore) AS overdue
  FROM corrective_actions a ${areaJoin(query, 'a')}
  GROUP BY a.status`;

/** The statements of every figure set with their parameters, as dashboardFigures runs them. */
export function dashboardStatements(query: DashboardQuery, inputs: FigureInputs): Record<FigureSet, FigureStatement> {
  const params = {
    from: query.from,
    to: query.to,
    communeId: query.communeId ?? null,
    villageId: query.villageId ?? null,
    type: query.type ?? null,
    overdueBefore: inputs.overdueBefore,
    printedSince: inputs.printWindow.since,
    printedBefore: inputs.printWindow.before,
    zeroScanIds: JSON.stringify(inputs.zeroScanIds),
    lowScanIds: JSON.stringify(inputs.lowScanIds),
  };
  return {
    venues: { sql: venuesSql(query, inputs.areaLevel), params },
    scanSeries: { sql: scanSeriesSql(query), params },
    scanSources: { sql: SCAN_SOURCES_SQL, params },
    findings: { sql: findingsSql(query), params },
    openFindings: { sql: openFindingsSql(query), params },
    actions: { sql: actionsSql(query), params },
  };
}
