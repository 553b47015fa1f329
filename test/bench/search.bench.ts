import fs from 'node:fs';
import path from 'node:path';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase, type Db } from '../../main/db/open';
import { VENUE_COLUMNS } from '../../main/venues/rows';
import { ftsQueryOf } from '../../main/venues/search';
import { foldVietnamese } from '../../shared/text/fold';
import { seedVenues, syntheticVenues, type SyntheticVenue } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';
import { inTurn, ms, percentile, summary, table, timed } from './measure';
import { recordResult } from './results';

/**
 * Search at scale: the app's search operation through the production dispatcher
 * (validation, listVenues with ranking, count, row mapping, output check) against bare
 * FTS5 queries, on a real database file with `venues` synthetic venues. Run by `npm run bench`,
 * never by `npm test`: it measures, it does not assert.
 */
export interface SearchBenchOptions {
  venues: number;
  /** Timed passes over the whole query set, after one warm-up pass. */
  rounds: number;
  /** Timed repetitions of each list page. */
  pageRepeats: number;
  print: (line: string) => void;
}

const PREFIX = 'TT';
const LIMIT = 100;

interface Query {
  category: string;
  text: string;
  fts: string;
}

/** Timings of each side for one category of queries. */
interface Samples {
  fair: number[];
  probe: number[];
  app: number[];
  /** Rows the app reported as total, one per distinct query. */
  totals: number[];
}

/** Every prefix a clerk types on the way to `text`, without the moments just after a space. */
function typing(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter((prefix) => !prefix.endsWith(' '));
}

/** About 200 queries a clerk would type, drawn from the same synthetic register plus the needles. */
function buildQueries(register: readonly SyntheticVenue[]): Query[] {
  const sample = (count: number, offset: number) =>
    Array.from({ length: count }, (_, i) => ({ venue: register[(offset + i * 7919) % register.length], index: (offset + i * 7919) % register.length }));
  const raw: Array<[string, string]> = [];
  const add = (category: string, texts: Iterable<string>) => {
    for (const text of texts) raw.push([category, text]);
  };
  for (const target of ['cho ky bac', 'quan ca phe duong sat', 'nha nghi hoa binh', 'tap hoa ba huong', 'nguyen van hung', 'karaoke', 'cua hang xang dau']) {
    for (const prefix of typing(target)) add(prefix.length <= 2 ? 'typing, 1-2 letters' : 'typing, 3+ letters', [prefix]);
  }
  const named = sample(20, 11).filter(({ venue }) => venue.ownerName !== '');
  add('name, as written', sample(20, 101).map(({ venue }) => venue.name));
  add('name, folded', sample(20, 203).map(({ venue }) => foldVietnamese(venue.name)));
  add('name, NFD / UPPER', ['Chợ Kỳ Bắc', 'Quán cà phê Đường Sắt', 'NHÀ NGHỈ HOÀ BÌNH', ...sample(7, 307).map(({ venue }) => venue.name)].map(
    (text, i) => (i % 2 === 0 ? text.normalize('NFD') : text.toUpperCase()),
  ));
  add('owner', named.slice(0, 15).map(({ venue }, i) => (i % 3 === 0 ? foldVietnamese(venue.ownerName) : venue.ownerName)));
  const phoned = sample(40, 409).filter(({ venue }) => venue.phones.length > 0).slice(0, 15);
  add('phone digits', phoned.map(({ venue }, i) => {
    const digits = venue.phones[0].replace(/\s/g, '');
    return i % 3 === 2 ? digits.slice(0, 6) : i % 3 === 1 ? digits.slice(1) : digits;
  }));
  add('code', [...sample(10, 503).map(({ index }) => `${PREFIX}-${String(index + 1).padStart(4, '0')}`), 'CS-0001', 'cs 0002', 'TT-4217', 'tt 42']);
  add('address', ['thon dong ha', 'xom 5', 'Tổ dân phố Bình Minh', 'xa thach kim', 'ven quoc lo 1a', 'Thôn Hải Phong', 'so 12', 'phuong hong linh']);
  add('no match', ['xyz', 'pizza hut', 'kobe', 'zzz 123', 'starbucks']);
  const seen = new Set<string>();
  return raw.flatMap(([category, text]) => {
    const fts = ftsQueryOf(text);
    if (fts === null || seen.has(text)) return [];
    seen.add(text);
    return [{ category, text, fts }];
  });
}

const NEEDLES = [
  { name: 'Chợ Kỳ Bắc', type: 'market', address: 'Thôn Tân Thượng' },
  { name: 'Quán cà phê Đường Sắt', type: 'cafe', ownerName: 'Nguyễn Văn Đức', phones: ['0239 3861 234'] },
  { name: 'Nhà nghỉ Hoà Bình', type: 'hotel' },
] as const;

const ratio = (app: number, bare: number) => `${(app / bare).toFixed(1)}x`;

/** Goals of issue 13 for the answer a clerk waits for: the one to the last keystroke. */
const GOAL = { timesFair: 1.3, ms: 50 };

const HEADERS = ['', 'n', 'bare p50', 'bare p95', 'bare mean', 'app p50', 'app p95', 'app mean', 'p50 ×', 'p95 ×', 'mean ×'];

function row(label: string, count: string, bare: number[], app: number[]): string[] {
  const b = summary(bare);
  const a = summary(app);
  return [label, count, ms(b.p50), ms(b.p95), ms(b.mean), ms(a.p50), ms(a.p95), ms(a.mean), ratio(a.p50, b.p50), ratio(a.p95, b.p95), ratio(a.mean, b.mean)];
}

const SEARCH_HEADERS = ['', 'n', 'fair p50', 'fair p95', 'probe p95', 'app p50', 'app p95', 'app mean', '×fair p50', '×fair p95', '×probe p95', 'matches'];

function searchRow(label: string, s: Samples): string[] {
  const [fair, probe, app] = [summary(s.fair), summary(s.probe), summary(s.app)];
  const totals = [...s.totals].sort((a, b) => a - b);
  return [
    label,
    `${s.totals.length}`,
    ms(fair.p50),
    ms(fair.p95),
    ms(probe.p95),
    ms(app.p50),
    ms(app.p95),
    ms(app.mean),
    ratio(app.p50, fair.p50),
    ratio(app.p95, fair.p95),
    ratio(app.p95, probe.p95),
    percentile(totals, 0.5).toLocaleString('en'),
  ];
}

async function appList(core: AppCore, input: Record<string, unknown>): Promise<{ total: number }> {
  const result = await core.dispatch('venues.list', input);
  if (!result.ok) throw new Error(`bench: venues.list ${JSON.stringify(input)}: ${result.error.code} ${result.error.message}`);
  return result.value as { total: number };
}

async function prepareRegister(dataDir: string, venues: number, print: SearchBenchOptions['print']) {
  const core = openAppCore({ dataDir, appVersion: 'bench' });
  const staff = await core.dispatch('staff.create', { name: 'Nguyễn Thị Lan', role: 'clerk' });
  if (!staff.ok) throw new Error(`bench: staff.create: ${staff.error.message}`);
  await core.dispatch('session.start', { staffId: (staff.value as { id: string }).id });
  for (const needle of NEEDLES) {
    const created = await core.dispatch('venues.create', { ...needle, acknowledgeDuplicates: true });
    if (!created.ok) throw new Error(`bench: venues.create ${needle.name}: ${created.error.message}`);
  }
  // A second connection for the bulk load and the bare queries, with the app's own pragmas (WAL).
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  const seedTime = await timed(() => seedVenues(db, venues, { prefix: PREFIX }));
  db.pragma('wal_checkpoint(TRUNCATE)');
  print(`seeded ${venues.toLocaleString('en')} venues in ${(seedTime / 1000).toFixed(1)} s`);
  return { core, db };
}

function printEnvironment(db: Db, dataDir: string, options: SearchBenchOptions, queries: number) {
  const { print } = options;
  const one = (sql: string) => db.prepare(sql).pluck().get();
  const size = fs.statSync(path.join(dataDir, DATABASE_FILE)).size;
  print(`node ${process.version} (${process.platform} ${process.arch}), SQLite ${String(one('SELECT sqlite_version()'))}`);
  print(`venues: ${Number(one('SELECT count(*) FROM venues')).toLocaleString('en')} rows, database ${(size / 1e6).toFixed(0)} MB`);
  print(`queries: ${queries} distinct, ${options.rounds} timed rounds after 1 warm-up; list pages ${options.pageRepeats} repeats; limit ${LIMIT}; times in ms`);
}

/**
 * Three sides per query, in turn: the fair baseline does the same job on the same index
 * (ranks by bm25 with the app's weights, keeps the top page, counts every match); the probe
 * neither ranks nor counts, the floor of any FTS5 answer. The app also reads and maps the
 * page's venues, puts an exact code first, breaks ties in Vietnamese order and goes
 * through the dispatcher.
 */
async function benchSearch(core: AppCore, db: Db, queries: readonly Query[], options: SearchBenchOptions) {
  const fairTop = db.prepare(`SELECT rowid FROM venues_fts WHERE venues_fts MATCH ? ORDER BY bm25(venues_fts, 10.0, 1.0) LIMIT ${LIMIT}`);
  const fairCount = db.prepare('SELECT count(*) FROM venues_fts WHERE venues_fts MATCH ?');
  const probe = db.prepare(`SELECT rowid FROM venues_fts WHERE venues_fts MATCH ? LIMIT ${LIMIT}`);
  const fair = (fts: string) => {
    fairTop.all(fts);
    fairCount.get(fts);
  };
  const byCategory = new Map<string, Samples>();
  for (const query of queries) {
    if (!byCategory.has(query.category)) byCategory.set(query.category, { fair: [], probe: [], app: [], totals: [] });
  }
  for (const query of queries) {
    fair(query.fts);
    probe.all(query.fts);
    byCategory.get(query.category)!.totals.push((await appList(core, { search: query.text, limit: LIMIT })).total);
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const query of queries) {
      const samples = byCategory.get(query.category)!;
      await inTurn(
        round,
        async () => samples.fair.push(await timed(() => fair(query.fts))),
        async () => samples.probe.push(await timed(() => probe.all(query.fts))),
        async () => samples.app.push(await timed(() => appList(core, { search: query.text, limit: LIMIT }))),
      );
    }
  }
  const all = [...byCategory.values()];
  const everything: Samples = {
    fair: all.flatMap((s) => s.fair),
    probe: all.flatMap((s) => s.probe),
    app: all.flatMap((s) => s.app),
    totals: all.flatMap((s) => s.totals),
  };
  const rows = [...byCategory].map(([category, s]) => searchRow(category, s)).concat([searchRow('ALL QUERIES', everything)]);
  const { print } = options;
  print('');
  print(`Search: app   = dispatch('venues.list', {search, limit: ${LIMIT}}) (ranked page, count up to 1,000)`);
  print(`        fair  = "SELECT rowid FROM venues_fts WHERE venues_fts MATCH ? ORDER BY bm25(venues_fts, 10.0, 1.0) LIMIT ${LIMIT}"`);
  print('                + "SELECT count(*) FROM venues_fts WHERE venues_fts MATCH ?" (same FTS string)');
  print(`        probe = "SELECT rowid FROM venues_fts WHERE venues_fts MATCH ? LIMIT ${LIMIT}" (neither ranks nor counts)`);
  print('        × = app / baseline; matches = median total reported by the app');
  for (const line of table(SEARCH_HEADERS, rows)) print(line);
  const [app, fairAll, probeAll] = [summary(everything.app), summary(everything.fair), summary(everything.probe)];
  const timesFair = app.p95 / fairAll.p95;
  recordResult({ part: 'search', measure: 'venue search, p95 over all queries', app: app.p95, baseline: fairAll.p95, unit: 'ms', ratio: timesFair, goal: `≤ ${GOAL.timesFair}x and ≤ ${GOAL.ms} ms` });
  recordResult({ part: 'search', measure: 'venue search p95 against the unranked probe', app: app.p95, baseline: probeAll.p95, unit: 'ms', ratio: app.p95 / probeAll.p95 });
  print('');
  print(
    `Any query may be the last keystroke (the list drops answers to earlier ones): app p95 ${ms(app.p95)} ms (goal ≤ ${GOAL.ms} ms), ` +
      `${timesFair.toFixed(2)}× fair (goal ≤ ${GOAL.timesFair}×), ${(app.p95 / probeAll.p95).toFixed(1)}× probe; ` +
      `${timesFair <= GOAL.timesFair && app.p95 <= GOAL.ms ? 'goals met' : 'GOALS NOT MET'}`,
  );
}

async function benchListPages(core: AppCore, db: Db, venues: number, options: SearchBenchOptions) {
  const bare = db.prepare(`SELECT ${VENUE_COLUMNS} FROM venues v ORDER BY v.sort_key LIMIT ${LIMIT} OFFSET ?`);
  const deep = Math.max(0, venues - LIMIT);
  const rows: string[][] = [];
  for (const offset of [0, deep]) {
    const samples = { bare: [] as number[], app: [] as number[] };
    for (let i = 0; i < 3; i++) {
      bare.all(offset);
      await appList(core, { search: '', limit: LIMIT, offset });
    }
    for (let i = 0; i < options.pageRepeats; i++) {
      samples.bare.push(await timed(() => bare.all(offset)));
      samples.app.push(await timed(() => appList(core, { search: '', limit: LIMIT, offset })));
    }
    rows.push(row(`offset ${offset.toLocaleString('en')}`, `${options.pageRepeats}`, samples.bare, samples.app));
  }
  options.print('');
  options.print(`Blank search, name order: bare = "SELECT <the app's columns> FROM venues ORDER BY sort_key LIMIT ${LIMIT} OFFSET ?",`);
  options.print(`        app  = dispatch('venues.list', {search: '', limit: ${LIMIT}, offset}) (sort_key, code; plus count)`);
  for (const line of table(HEADERS, rows)) options.print(line);
}

export async function runSearchBench(options: SearchBenchOptions): Promise<void> {
  const temp = makeTempDir('diemqr-bench-');
  let opened: { core: AppCore; db: Db } | undefined;
  try {
    opened = await prepareRegister(temp.dir, options.venues, options.print);
    const queries = buildQueries(syntheticVenues(options.venues));
    printEnvironment(opened.db, temp.dir, options, queries.length);
    await benchSearch(opened.core, opened.db, queries, options);
    await benchListPages(opened.core, opened.db, options.venues, options);
  } finally {
    opened?.db.close();
    opened?.core.close();
    temp.remove();
  }
}
