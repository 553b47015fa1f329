import { Readable } from 'node:stream';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { ImportPhase, ImportStatus } from '../../shared/domain/import';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { openDatabase } from '../../main/db/open';
import { bigXlsx, type FixtureFile } from '../support/import-fixtures';
import { seedVenues, syntheticVenues } from '../support/synthetic-venues';
import { makeTempDir } from '../support/temp-dir';
import { measureImportMemory } from './import-memory';
import { recordResult } from './results';

/**
 * Importing a large .xlsx through the production flow (read → check → commit via the
 * dispatcher, as the import page drives it) against the bare floor: the same streaming
 * parse into arrays, plus a plain INSERT of the same rows in one transaction.
 */
export interface ImportBenchOptions {
  rows: number;
  print: (line: string) => void;
}

export async function call<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Polls an import's status operation (the venue import's, or another import's of the same shape) until it reaches `until`. */
export async function settle<S extends Pick<ImportStatus, 'importId' | 'phase' | 'error'>>(
  core: AppCore,
  status: S,
  until: ImportPhase,
  statusOperation = 'imports.status',
): Promise<S> {
  let current = status;
  while (current.phase !== until) {
    if (current.phase === 'failed' || current.phase === 'cancelled') throw new Error(`import ${current.phase}: ${current.error?.message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    current = await call<S>(core, statusOperation, { importId: status.importId });
  }
  return current;
}

export async function bareParse(bytes: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) for await (const row of sheet) rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')));
  return rows;
}

/** The old floor: five text columns into an unindexed table. Printed for comparison only: it does far less than an import. */
function unindexedInsert(file: string, rows: string[][]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE bare (stt TEXT, name TEXT, owner TEXT, phones TEXT, address TEXT)');
  const insert = db.prepare('INSERT INTO bare VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const row of rows.slice(1)) insert.run(row[0], row[1], row[2], row[3], row[4]);
  })();
  db.close();
}

/**
 * The fair floor: the same venues (the fixture's rows come from the same generator) into
 * the app's own schema in one transaction: venue rows with their sort key and folded
 * search columns, phones, main entrance, code counter and a "create" audit row each, and
 * the search index filled once — what an import writes, without checks or sessions.
 */
function bulkInsert(dataDir: string, rows: number): void {
  const db = openDatabase(path.join(dataDir, 'bulk.sqlite3'));
  db.prepare("INSERT INTO staff (id, name, name_folded, role, created_at, updated_at) VALUES ('bench', 'Bench', 'bench', 'clerk', '', '')").run();
  seedVenues(db, rows, { prefix: 'CS', actorId: 'bench', audited: true });
  db.close();
}

/** A commune office set up to import into its own commune, as a clerk would have it. */
export async function officeReadyToImport(dataDir: string): Promise<AppCore> {
  const core = openAppCore({ dataDir, appVersion: 'bench' });
  const staff = await call<{ id: string }>(core, 'staff.create', { name: 'Bench', role: 'clerk' });
  await call(core, 'session.start', { staffId: staff.id });
  await call(core, 'units.seedExample', {});
  const [commune] = (await call<Array<{ id: string; level: string }>>(core, 'units.list', {})).filter((unit) => unit.level === 'commune');
  await call(core, 'settings.update', { homeCommuneId: commune.id });
  return core;
}

/** read → check → commit through the dispatcher, as the import page drives it, every column taken as guessed. */
export async function importFile(core: AppCore, file: FixtureFile, afterStep: (step: 'read' | 'check' | 'commit') => void = () => {}) {
  let started = performance.now();
  const read = await settle(core, await call<ImportStatus>(core, 'imports.open', file), 'read');
  const readMs = performance.now() - started;
  afterStep('read');
  const [sheet] = read.sheets;
  started = performance.now();
  const checked = await settle(
    core,
    await call<ImportStatus>(core, 'imports.check', {
      importId: read.importId,
      sheet: sheet.name,
      headerRow: sheet.headerRow,
      columns: sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding })),
    }),
    'checked',
  );
  const checkMs = performance.now() - started;
  afterStep('check');
  started = performance.now();
  const done = await settle(
    core,
    await call<ImportStatus>(core, 'imports.commit', { importId: read.importId, duplicateExisting: 'import', duplicateInFile: 'import' }),
    'committed',
  );
  const commitMs = performance.now() - started;
  afterStep('commit');
  return { checked, done, laps: { readMs, checkMs, commitMs } };
}

async function importThroughApp(dataDir: string, file: FixtureFile) {
  const core = await officeReadyToImport(dataDir);
  try {
    return await importFile(core, file);
  } finally {
    core.close();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function runImportBench({ rows, print }: ImportBenchOptions): Promise<void> {
  const temp = makeTempDir('diemqr-bench-import-');
  try {
    print('');
    print(`Import: ${rows.toLocaleString('en')} rows of .xlsx`);
    let started = performance.now();
    const file = await bigXlsx(syntheticVenues(rows));
    const bytes = Buffer.from(file.bytesBase64, 'base64');
    print(`fixture written in ${seconds(performance.now() - started)}, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

    started = performance.now();
    const parsed = await bareParse(bytes);
    const parseMs = performance.now() - started;
    started = performance.now();
    unindexedInsert(path.join(temp.dir, 'bare.sqlite3'), parsed);
    const unindexedMs = performance.now() - started;
    started = performance.now();
    bulkInsert(temp.dir, rows);
    const insertMs = performance.now() - started;

    const { checked, done, laps } = await importThroughApp(path.join(temp.dir, 'app'), file);
    const { readMs, checkMs, commitMs } = laps;

    const bare = parseMs + insertMs;
    const app = readMs + checkMs + commitMs;
    print(`rows: ${JSON.stringify(checked.counts)} → ${JSON.stringify(done.summary)}`);
    print('                 time      per row');
    print(`bare parse     ${seconds(parseMs).padStart(8)}  ${((parseMs * 1000) / rows).toFixed(1)} µs`);
    print(`bare insert    ${seconds(insertMs).padStart(8)}  ${((insertMs * 1000) / rows).toFixed(1)} µs  (same schema, search index filled once)`);
    print(`unindexed      ${seconds(unindexedMs).padStart(8)}  ${((unindexedMs * 1000) / rows).toFixed(1)} µs  (five text columns, no index)`);
    print(`app read       ${seconds(readMs).padStart(8)}`);
    print(`app check      ${seconds(checkMs).padStart(8)}`);
    print(`app commit     ${seconds(commitMs).padStart(8)}`);
    print(`app total      ${seconds(app).padStart(8)}  ${((app * 1000) / rows).toFixed(1)} µs`);
    print(`ratio app / (bare parse + bare insert): ${(app / bare).toFixed(2)}x (goal ≤ 1.5x)`);
    print(`ratio app / (bare parse + unindexed insert): ${(app / (parseMs + unindexedMs)).toFixed(2)}x`);
    recordResult({ part: 'import', measure: `import of a ${rows}-row xlsx`, app: app / 1000, baseline: bare / 1000, unit: 's', ratio: app / bare, goal: '≤ 1.5x' });
    const memory = measureImportMemory(file, temp.dir);
    print(`memory (a fresh process with only the engine): idle ${memory.idleRssMb} MB, peak RSS ${memory.peakRssMb} MB (goal ≤ 250 MB),`);
    print(`  high-water mark after each step: ${Object.entries(memory.peakAfter).map(([step, mb]) => `${step} ${mb} MB`).join(', ')}`);
    print(`  after the import ${memory.afterRssMb} MB RSS, ${memory.heapKeptMb} MB of JS heap kept`);
    recordResult({ part: 'import', measure: `import peak RSS, ${rows} rows`, app: memory.peakRssMb, unit: 'MB', goal: '≤ 250 MB' });
    recordResult({ part: 'import', measure: 'JS heap kept after the import', app: memory.heapKeptMb, unit: 'MB' });
  } finally {
    temp.remove();
  }
}
