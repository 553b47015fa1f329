import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ImportPhase } from '../../shared/domain/import';
import type { ScanImportStatus } from '../../shared/domain/scans';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase, type Db } from '../../main/db/open';
import { todayInVietnam } from '../../main/inspections/rows';
import { dayNumber, dayOf } from '../../main/scans/days';
import type { FixtureFile } from '../support/import-fixtures';
import { scanXlsx } from '../support/scan-fixtures';
import { seedProvince } from '../support/synthetic-province';
import { makeTempDir } from '../support/temp-dir';
import { bareParse, call, settle } from './import.bench';
import { recordResult } from './results';

/**
 * Importing scan counts at scale, for `npm run bench` (measures, never asserts): a file of
 * `rows` counts through the production flow (scans.open → check → commit via the
 * dispatcher, polling scans.status as the page does) into a province's register that
 * already holds `priorScanRows` daily counts, against the bare floor on a copy of the same
 * database: exceljs's streaming parse of the same file, then one INSERT of the same counts
 * into scan_counts in one transaction with a prepared statement (venue ids from one SELECT
 * of the codes). Both layouts, the same counts: long (code, day, count: a row per count)
 * and wide (a row per venue, a column per day).
 */
export interface ScanBenchOptions {
  rows: number;
  venues: number;
  priorScanRows: number;
  print: (line: string) => void;
}

/** Days each venue of the file has a count for: `rows` / this many venues. */
const DAYS_PER_VENUE = 10;

interface Count {
  code: string;
  day: string;
  scans: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** Peak resident memory during a step, and how far it rose above where the step began. */
const peak = ({ peakRss, startRss }: { peakRss: number; startRss: number }) => `${megabytes(peakRss)} (+${((peakRss - startRss) / 1024 / 1024).toFixed(0)})`;
const addDays = (day: string, days: number) => dayOf(dayNumber(day) + days);
const ddMM = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** Times `work` and samples the process's resident memory every 10 ms while it runs (and once after). */
async function measured<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number; peakRss: number; startRss: number }> {
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage.rss()), startRss };
  } finally {
    clearInterval(sampler);
  }
}

/** The venues of the file (every n-th active venue with a current code) and a count a day for each, over `days`. */
function countsFor(db: Db, rows: number, days: readonly string[]): Count[] {
  const codes = db
    .prepare<[], string>(
      `SELECT v.code FROM venues v
       WHERE v.status = 'active' AND EXISTS (SELECT 1 FROM venue_codes c WHERE c.venue_id = v.id AND c.revoked_at IS NULL)
       ORDER BY v.rowid`,
    )
    .pluck()
    .all();
  const venues = rows / days.length;
  if (venues > codes.length) throw new Error(`bench scans: ${rows} counts need ${venues} venues with a code, the register has ${codes.length}`);
  const step = codes.length / venues;
  return Array.from({ length: venues }, (_, i) => codes[Math.floor(i * step)]).flatMap((code, v) =>
    days.map((day, d) => ({ code, day, scans: (v * 31 + d * 17) % 50 })),
  );
}

const longFile = (counts: readonly Count[]) =>
  scanXlsx('luot-quet-doc.xlsx', [['Mã cơ sở', 'Ngày', 'Số lượt quét'], ...counts.map(({ code, day, scans }) => [code, `${ddMM(day)}/${day.slice(0, 4)}`, scans])]);

function wideFile(counts: readonly Count[], days: readonly string[]): Promise<FixtureFile> {
  const rows: Array<Array<string | number>> = [];
  for (let i = 0; i < counts.length; i += days.length) rows.push([counts[i].code, ...counts.slice(i, i + days.length).map((count) => count.scans)]);
  return scanXlsx('luot-quet-ngang.xlsx', [['Mã cơ sở', ...days.map(ddMM)], ...rows]);
}

/** The floor's insert: the parsed rows to (venue, day, count), one source row, one transaction, one prepared statement. */
function bareInsert(db: Db, parsed: string[][], layout: 'long' | 'wide', today: string): number {
  const ids = new Map(db.prepare<[], [string, string]>('SELECT code, id FROM venues').raw().all());
  const insert = db.prepare('INSERT INTO scan_counts (venue_id, first_day, last_day, scans, source_id) VALUES (?, ?, ?, ?, ?)');
  // dd/MM/yyyy, or dd/MM in the latest year that does not put it after today.
  const iso = (text: string) => {
    if (text.length > 5) return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
    const day = `${today.slice(0, 4)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
    return day > today ? `${Number(today.slice(0, 4)) - 1}${day.slice(4)}` : day;
  };
  return db.transaction(() => {
    const sourceId = uuidv7();
    db.prepare(`INSERT INTO scan_sources (id, kind, file_name, first_day, last_day, row_count, created_at) VALUES (?, 'file', 'bare', '', '', 0, '')`).run(sourceId);
    let written = 0;
    const [header, ...body] = parsed;
    for (const row of body) {
      const venueId = ids.get(row[0]);
      if (layout === 'long') {
        const day = iso(row[1]);
        insert.run(venueId, day, day, Number(row[2]), sourceId);
        written++;
      } else {
        for (let column = 1; column < header.length; column++) {
          const day = iso(header[column]);
          insert.run(venueId, day, day, Number(row[column]), sourceId);
          written++;
        }
      }
    }
    return written;
  }).immediate();
}

async function appImport(core: AppCore, file: FixtureFile) {
  const phase = (status: ScanImportStatus, until: ImportPhase) => settle(core, status, until, 'scans.status');
  const laps: Record<'read' | 'check' | 'commit', number> = { read: 0, check: 0, commit: 0 };
  let mark = performance.now();
  const lap = (name: keyof typeof laps) => {
    laps[name] = performance.now() - mark;
    mark = performance.now();
  };
  const read = await phase(await call<ScanImportStatus>(core, 'scans.open', file), 'read');
  lap('read');
  const [sheet] = read.sheets;
  if (sheet.headerRow === null) throw new Error(`bench scans: no header row found in ${file.fileName}`);
  const checked = await phase(
    await call<ScanImportStatus>(core, 'scans.check', {
      importId: read.importId,
      sheet: sheet.name,
      headerRow: sheet.headerRow,
      layout: sheet.layout,
      columns: sheet.columns.map((column) => ({ index: column.index, role: column.guess, encoding: column.encoding })),
      year: null,
    }),
    'checked',
  );
  lap('check');
  const done = await phase(await call<ScanImportStatus>(core, 'scans.commit', { importId: read.importId, skipUnresolved: false }), 'committed');
  lap('commit');
  return { laps, layout: sheet.layout, check: checked.check!, summary: done.summary! };
}

async function benchLayout(core: AppCore, bareDb: Db, label: 'long' | 'wide', file: FixtureFile, counts: number, print: ScanBenchOptions['print']) {
  const bytes = Buffer.from(file.bytesBase64, 'base64');
  const parse = await measured(() => bareParse(bytes));
  const insert = await measured(() => bareInsert(bareDb, parse.value, label, todayInVietnam()));
  if (insert.value !== counts) throw new Error(`bench scans: the bare insert wrote ${insert.value} counts, expected ${counts}`);
  const app = await measured(() => appImport(core, file));
  const { laps, check, summary } = app.value;
  if (app.value.layout !== label || summary.written !== counts) {
    throw new Error(`bench scans: the app read a ${app.value.layout} sheet and wrote ${summary.written} counts (rows ${JSON.stringify(check.rows)}), expected ${label} and ${counts}`);
  }
  const bare = parse.ms + insert.ms;
  print('');
  const shape = label === 'long' ? 'a row per count' : `${(parse.value.length - 1).toLocaleString('en')} rows × ${parse.value[0].length - 1} day columns`;
  print(`${label} layout: ${counts.toLocaleString('en')} counts (${shape}), ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
  print('                 time      per count   peak RSS (rise)');
  print(`bare parse     ${seconds(parse.ms).padStart(8)}  ${((parse.ms * 1000) / counts).toFixed(1).padStart(7)} µs  ${peak(parse).padStart(14)}`);
  print(`bare insert    ${seconds(insert.ms).padStart(8)}  ${((insert.ms * 1000) / counts).toFixed(1).padStart(7)} µs  ${peak(insert).padStart(14)}`);
  print(`app read       ${seconds(laps.read).padStart(8)}`);
  print(`app check      ${seconds(laps.check).padStart(8)}`);
  print(`app commit     ${seconds(laps.commit).padStart(8)}`);
  print(`app total      ${seconds(app.ms).padStart(8)}  ${((app.ms * 1000) / counts).toFixed(1).padStart(7)} µs  ${peak(app).padStart(14)}`);
  recordResult({ part: 'scans', measure: `scan count import, ${label} layout, ${counts} counts`, app: app.ms / 1000, baseline: bare / 1000, unit: 's', ratio: app.ms / bare, goal: '≤ 1.5x' });
  print(`ratio app / (bare parse + bare insert): ${(app.ms / bare).toFixed(2)}x (goal ≤ 1.5x); rows ${JSON.stringify(check.rows)}`);
}

export async function runScanBench({ rows, venues, priorScanRows, print }: ScanBenchOptions): Promise<void> {
  if (rows % DAYS_PER_VENUE !== 0) throw new Error(`bench scans: BENCH_SCAN_IMPORT_ROWS must be a multiple of ${DAYS_PER_VENUE}`);
  const temp = makeTempDir('diemqr-bench-scans-');
  let core: AppCore | undefined;
  let bareDb: Db | undefined;
  try {
    print('');
    print(`Scan import: ${rows.toLocaleString('en')} counts into ${venues.toLocaleString('en')} venues already holding ${priorScanRows.toLocaleString('en')} daily counts`);
    const appDir = path.join(temp.dir, 'app');
    core = openAppCore({ dataDir: appDir, appVersion: 'bench' });
    const staff = await call<{ id: string }>(core, 'staff.create', { name: 'Nguyễn Thị Lan', role: 'clerk' });
    await call(core, 'session.start', { staffId: staff.id });

    // The files cover the 2 × 10 days up to two days ago (long, then wide); the stored counts end the day before.
    const firstDay = addDays(todayInVietnam(), -(2 * DAYS_PER_VENUE + 1));
    const longDays = Array.from({ length: DAYS_PER_VENUE }, (_, i) => addDays(firstDay, i));
    const wideDays = Array.from({ length: DAYS_PER_VENUE }, (_, i) => addDays(firstDay, DAYS_PER_VENUE + i));
    let started = performance.now();
    const db = openDatabase(path.join(appDir, DATABASE_FILE));
    seedProvince(db, { venues, scanRows: priorScanRows, lastScanDay: addDays(firstDay, -1), actorId: staff.id });
    const longCounts = countsFor(db, rows, longDays);
    const wideCounts = countsFor(db, rows, wideDays);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const barePath = path.join(temp.dir, 'bare.sqlite3');
    db.prepare('VACUUM INTO ?').run(barePath);
    db.close();
    bareDb = openDatabase(barePath);
    print(`seeded and copied for the bare floor in ${seconds(performance.now() - started)}`);

    started = performance.now();
    const [long, wide] = [await longFile(longCounts), await wideFile(wideCounts, wideDays)];
    print(`files written with exceljs in ${seconds(performance.now() - started)}; days ${ddMM(longDays[0])}–${ddMM(wideDays.at(-1)!)}, headers without a year`);

    await benchLayout(core, bareDb, 'long', long, rows, print);
    await benchLayout(core, bareDb, 'wide', wide, rows, print);
    print(`process peak RSS (whole run so far): ${megabytes(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    bareDb?.close();
    core?.close();
    temp.remove();
  }
}
