import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RECENT_PRINT_MONTHS, type DashboardFigures, type DashboardQuery } from '../../shared/domain/dashboard';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { dashboardStatements, FIGURE_SETS, type FigureStatement } from '../../main/dashboard/figure-sql';
import { overdueBefore, printWindow } from '../../main/dashboard/period';
import { openDatabase, type Db } from '../../main/db/open';
import { todayInVietnam } from '../../main/inspections/rows';
import { dayNumber, dayOf } from '../../main/scans/days';
import { scopeOfArea } from '../../main/dashboard/flagged-venues';
import { lowScanningVenues } from '../../main/scans/low-scanning';
import { seedProvince, type SyntheticProvince } from '../support/synthetic-province';
import { makeTempDir } from '../support/temp-dir';
import { inTurn, ms, summary, table, timed } from './measure';
import { recordResult } from './results';

/**
 * The dashboard at a province's scale, for `npm run bench` (measures, never asserts):
 * `venues` venues over ~150 communes, `scanRows` daily scan counts, prints, codes, rounds,
 * findings and actions (test/support/synthetic-province.ts). For each query (period, area,
 * type) the app's path — dispatch('dashboard.figures') through the production dispatcher —
 * against the bare floor on the same database file: the very SQL text of every figure set
 * (main/dashboard/figure-sql.ts) with the same parameters, prepared once and run with
 * better-sqlite3 on a second, read-only connection, plus one bare read of what the zero and
 * low-scanning flags are computed from (the app computes them in lowScanningVenues and hands
 * them to the venue statement). Times in ms.
 */
export interface DashboardBenchOptions {
  venues: number;
  scanRows: number;
  /** Timed repetitions of each query, after one warm-up. */
  rounds: number;
  print: (line: string) => void;
}

interface Scenario {
  label: string;
  query: DashboardQuery;
}

const addDays = (day: string, days: number) => dayOf(dayNumber(day) + days);

/**
 * What the zero and low-scanning flags are computed from (main/scans/low-scanning.ts), read
 * bare: the days the files cover, and every active venue with a current code in the groups
 * the area needs — (commune, type); a village's group is its commune's — with its prorated
 * scans in the period. The quartiles over these rows are arithmetic, not SQL, and left out.
 */
function bareLowScanningSql(query: DashboardQuery): string {
  const groups = [...(query.communeId ? ['v.commune_id = @communeId'] : []), ...(query.type ? ['v.type = @type'] : [])];
  const prorated = `CASE WHEN s.first_day >= @from AND s.last_day <= @to THEN s.scans
    ELSE s.scans * (julianday(min(s.last_day, @to)) - julianday(max(s.first_day, @from)) + 1) / (julianday(s.last_day) - julianday(s.first_day) + 1) END`;
  const inPeriod = `s.first_day >= (SELECT coalesce(min(first_day), @from) FROM scan_sources WHERE first_day <= @to AND last_day >= @from)
    AND s.first_day <= @to AND s.last_day >= @from`;
  // A commune's venues are few: their counts along the primary key. Otherwise one pass over the period's counts.
  const scans = query.communeId
    ? `coalesce((SELECT sum(${prorated}) FROM scan_counts s WHERE s.venue_id = v.id AND ${inPeriod}), 0)`
    : 'coalesce(t.scans, 0)';
  const scanned = query.communeId ? '' : `LEFT JOIN (SELECT s.venue_id, sum(${prorated}) AS scans FROM scan_counts s WHERE ${inPeriod} GROUP BY s.venue_id) t ON t.venue_id = v.id`;
  return `
  WITH RECURSIVE days(day) AS (SELECT @from UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < @to)
  SELECT v.id, v.village_id, v.commune_id, v.type, ${scans} AS scans,
         (SELECT count(*) FROM days d WHERE EXISTS (SELECT 1 FROM scan_sources f WHERE f.kind = 'file' AND d.day BETWEEN f.first_day AND f.last_day)) AS covered_days
  FROM venues v ${scanned}
  WHERE v.status = 'active' AND EXISTS (SELECT 1 FROM venue_codes c WHERE c.venue_id = v.id AND c.revoked_at IS NULL)
    ${groups.map((condition) => `AND ${condition}`).join(' ')}`;
}

/** The parameters the app gives the figure statements, made the way dashboardFigures makes them (main/dashboard/figures.ts). */
function figureStatements(db: Db, query: DashboardQuery, today: string) {
  const flagged = [...lowScanningVenues(db, { from: query.from, to: query.to }, scopeOfArea(db, query)).values()];
  return dashboardStatements(query, {
    // No home commune in a province office: villages only when the query names a commune or village.
    areaLevel: query.communeId || query.villageId ? 'village' : 'commune',
    overdueBefore: overdueBefore(query.to, today),
    printWindow: printWindow(query.to, RECENT_PRINT_MONTHS),
    zeroScanIds: flagged.filter((venue) => venue.flag === 'zero').map((venue) => venue.venueId),
    lowScanIds: flagged.filter((venue) => venue.flag === 'low').map((venue) => venue.venueId),
  });
}

function scenarios(province: SyntheticProvince, db: Db): Scenario[] {
  const { to } = province.scanPeriod;
  const month = { from: `${to.slice(0, 7)}-01`, to };
  const biggest = db
    .prepare<[], { commune_id: string; village_id: string }>(
      `SELECT commune_id, (SELECT village_id FROM venues w WHERE w.commune_id = v.commune_id GROUP BY village_id ORDER BY count(*) DESC LIMIT 1) AS village_id
       FROM venues v GROUP BY commune_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get()!;
  return [
    { label: 'province, last month', query: month },
    { label: `province, ${province.scanPeriod.from} … ${to}`, query: { ...province.scanPeriod } },
    { label: 'province, 12 months', query: { from: addDays(to, -364), to } },
    { label: 'province, month, household business', query: { ...month, type: 'household_business' } },
    { label: 'largest commune, month', query: { ...month, communeId: biggest.commune_id } },
    { label: 'its largest village, month', query: { ...month, communeId: biggest.commune_id, villageId: biggest.village_id } },
  ];
}

async function appFigures(core: AppCore, query: DashboardQuery): Promise<DashboardFigures> {
  const result = await core.dispatch('dashboard.figures', query);
  if (!result.ok) throw new Error(`bench: dashboard.figures ${JSON.stringify(query)}: ${result.error.code} ${result.error.message}`);
  return result.value as DashboardFigures;
}

type Bare = { set: string; run: () => unknown };

/** The bare floor of one query: the read of the low-scanning inputs and every figure statement, prepared once. */
function bareStatements(bare: Database.Database, statements: Record<string, FigureStatement>, query: DashboardQuery): Bare[] {
  const sets: Bare[] = FIGURE_SETS.map((set) => {
    const prepared = bare.prepare(statements[set].sql);
    const params = statements[set].params;
    return { set, run: () => prepared.all(params) };
  });
  const low = bare.prepare(bareLowScanningSql(query));
  const params = Object.fromEntries(Object.entries({ from: query.from, to: query.to, communeId: query.communeId, villageId: query.villageId, type: query.type }).filter(([, value]) => value !== undefined));
  return [{ set: 'low-scanning inputs', run: () => low.all(params) }, ...sets];
}

/** The bare answers must be the app's: same venue count, same scans, same venues with no scan. */
function checkSameFigures(label: string, app: DashboardFigures, bareSets: readonly Bare[]) {
  const inputs = bareSets[0].run() as Array<{ village_id: string | null; scans: number }>;
  const inArea = inputs.filter((venue) => !app.query.villageId || venue.village_id === app.query.villageId);
  const venueRows = bareSets.find((bare) => bare.set === 'venues')!.run() as Array<{ registered: number; scans: number; zero_scans: number }>;
  const sum = (key: 'registered' | 'scans' | 'zero_scans') => venueRows.reduce((total, row) => total + row[key], 0);
  const mismatch = [
    ['registered', app.totals.registered, sum('registered')],
    ['scans', Math.round(app.totals.scans), Math.round(sum('scans'))],
    ['zeroScans (venues statement)', app.totals.zeroScans, sum('zero_scans')],
    ['zeroScans (bare inputs)', app.totals.zeroScans, inArea.filter((venue) => venue.scans === 0).length],
  ].filter(([, a, b]) => a !== b);
  if (mismatch.length > 0) throw new Error(`bench dashboard (${label}): app and bare disagree: ${JSON.stringify(mismatch)}`);
}

const HEADERS = ['', 'bare p50', 'bare p95', 'changed p50', 'changed p95', 'p50 ×', 'p95 ×', 'kept p50', 'kept p95', 'p50 ×', 'p95 ×'];
const ratio = (app: number, bare: number) => `${(app / bare).toFixed(2)}x`;

function ratioRow(label: string, bare: readonly number[], app: readonly number[]): string[] {
  const b = summary(bare);
  const a = summary(app);
  return [label, ms(b.p50), ms(b.p95), ms(a.p50), ms(a.p95), ratio(a.p50, b.p50), ratio(a.p95, b.p95)];
}

/**
 * The app keeps the low-scanning flags until the database changes (main/dashboard/flagged-venues.ts):
 * "kept" is a second look at the same data, "after a change" the first look after any write,
 * forced by a commit on another connection.
 */
async function benchScenario(core: AppCore, appDb: Db, bare: Database.Database, scenario: Scenario, today: string, rounds: number) {
  const statements = figureStatements(appDb, scenario.query, today);
  const bareSets = bareStatements(bare, statements, scenario.query);
  checkSameFigures(scenario.label, await appFigures(core, scenario.query), bareSets);
  const touch = appDb.prepare('INSERT INTO bench_touch (at) VALUES (?)');
  const samples = { bare: [] as number[], kept: [] as number[], changed: [] as number[], low: [] as number[], sets: new Map<string, number[]>() };
  for (const { set } of bareSets) samples.sets.set(set, []);
  const runBare = async () => {
    let total = 0;
    for (const { set, run } of bareSets) {
      const spent = await timed(run);
      samples.sets.get(set)!.push(spent);
      total += spent;
    }
    samples.bare.push(total);
  };
  const runApp = async () => {
    touch.run(Date.now());
    samples.changed.push(await timed(() => appFigures(core, scenario.query)));
    samples.kept.push(await timed(() => appFigures(core, scenario.query)));
  };
  for (let round = 0; round < rounds; round++) {
    await inTurn(round, runBare, runApp);
    samples.low.push(await timed(() => lowScanningVenues(appDb, scenario.query, scopeOfArea(appDb, scenario.query))));
  }
  return samples;
}

export async function runDashboardBench(options: DashboardBenchOptions): Promise<void> {
  const { venues, scanRows, rounds, print } = options;
  const temp = makeTempDir('diemqr-bench-dashboard-');
  let core: AppCore | undefined;
  let appDb: Db | undefined;
  let bare: Database.Database | undefined;
  try {
    print('');
    print(`Dashboard: ${venues.toLocaleString('en')} venues, ${scanRows.toLocaleString('en')} daily scan counts`);
    core = openAppCore({ dataDir: temp.dir, appVersion: 'bench' });
    const staff = await core.dispatch('staff.create', { name: 'Nguyễn Thị Lan', role: 'leader' });
    if (!staff.ok) throw new Error(`bench: staff.create: ${staff.error.message}`);
    const staffId = (staff.value as { id: string }).id;
    await core.dispatch('session.start', { staffId });

    const today = todayInVietnam();
    const file = path.join(temp.dir, DATABASE_FILE);
    appDb = openDatabase(file);
    const started = performance.now();
    const province = seedProvince(appDb, { venues, scanRows, lastScanDay: addDays(today, -1), actorId: staffId });
    // A table of the bench's own, so a commit can tell the app its data changed without changing any.
    appDb.exec('CREATE TABLE bench_touch (at INTEGER)');
    appDb.pragma('wal_checkpoint(TRUNCATE)');
    const r = province.rows;
    print(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${province.communes.length} communes, ${r.codes.toLocaleString('en')} codes, ${r.prints.toLocaleString('en')} prints, ${r.visits.toLocaleString('en')} visits, ${r.findings.toLocaleString('en')} findings, ${r.actions.toLocaleString('en')} actions, ${r.scanCounts.toLocaleString('en')} scan counts (${province.scanPeriod.from} … ${province.scanPeriod.to}); database ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
    bare = new Database(file, { readonly: true });
    print(`bare = the app's figure statements (${FIGURE_SETS.join(', ')}) with its parameters + one SQL read of what the low-scanning flags need,`);
    print(`       prepared once, read-only second connection; app = dispatch('dashboard.figures', query): "changed" right after a commit on another`);
    print(`       connection (the app recomputes its low-scanning flags), "kept" the same call again; ${rounds} rounds after 1 warm-up; ms; goal ≤ 1.2x`);

    const rows: string[][] = [];
    const breakdowns: string[][] = [];
    for (const scenario of scenarios(province, appDb)) {
      const samples = await benchScenario(core, appDb, bare, scenario, today, rounds);
      rows.push([...ratioRow(scenario.label, samples.bare, samples.changed), ...ratioRow('', samples.bare, samples.kept).slice(3)]);
      const [bareP95, changedP95] = [summary(samples.bare).p95, summary(samples.changed).p95];
      recordResult({ part: 'dashboard', measure: `dashboard figures, ${scenario.label}, p95 after a change`, app: changedP95, baseline: bareP95, unit: 'ms', ratio: changedP95 / bareP95, goal: '≤ 1.2x' });
      const p50 = (values: readonly number[]) => ms(summary(values).p50);
      breakdowns.push([
        scenario.label,
        ...[...samples.sets.values()].map(p50),
        p50(samples.low),
        p50(samples.changed),
        p50(samples.kept),
      ]);
    }
    print('');
    for (const line of table(HEADERS, rows)) print(line);
    print('');
    print('Where the time goes (p50, ms): the bare statements one by one; the app\'s lowScanningVenues alone; the operation');
    const setNames = ['low-scanning inputs', ...FIGURE_SETS];
    for (const line of table(['', ...setNames.map((set) => `bare ${set}`), 'app: lowScanningVenues', 'app after a change', 'app, flags kept'], breakdowns)) print(line);
  } finally {
    bare?.close();
    appDb?.close();
    core?.close();
    temp.remove();
  }
}
