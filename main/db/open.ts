import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migration';
import { rotateWalEpoch, walBelongs } from './wal-owner';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for Electron's ABI (see main/build/electron-native.mjs). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Called with the open connection when a database holding data is about to be migrated (a backup, in the app). */
  beforeMigration?: (db: Db) => void;
  /**
   * Called before a new, empty database is made where there was none, or an empty one
   * (`found` says which): the app refuses when its data folder shows it had data.
   */
  beforeCreating?: (found: 'missing' | 'empty') => void;
  /** Told where a -wal that was not this database's was moved, instead of being replayed. */
  onWalSetAside?: (movedTo: string) => void;
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function futureVersionError(found: number, known: number): AppError {
  return new AppError(
    'DB_FUTURE_VERSION',
    `Tệp dữ liệu được tạo bởi phiên bản mới hơn của Điểm QR (lược đồ ${found}, ứng dụng này biết đến ${known}). ` +
      'Hãy cập nhật ứng dụng; tệp không bị thay đổi.',
  );
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const USER_VERSION_OFFSET = 60; // big-endian int32 in the 100-byte file header

/** The schema version in the file header, or null when the file is not (yet) a database. */
function headerVersion(file: string): number | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    fs.closeSync(fd);
  }
  return header.toString('latin1', 0, 16) === SQLITE_MAGIC ? header.readInt32BE(USER_VERSION_OFFSET) : null;
}

/**
 * Refuses a database from a newer app before anything writes to it, so the file stays
 * byte-identical: even setting WAL mode, or closing a connection (which merges the WAL),
 * would change it. The header is read directly; when an unmerged WAL lies beside the
 * file (a crash), the newest version may be only in the WAL, so it is read through a
 * read-only connection, which never merges.
 */
function refuseFutureDatabase(file: string, latest: number, nativeBinding: string | undefined): void {
  if (!fs.existsSync(file)) return;
  let found = headerVersion(file);
  const wal = `${file}-wal`;
  if (found !== null && fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      found = schemaVersionOf(probe);
    } finally {
      probe.close();
    }
  }
  if (found !== null && found > latest) throw futureVersionError(found, latest);
}

function damagedError(detail: string): AppError {
  return new AppError(
    'DB_DAMAGED',
    `Tệp dữ liệu bị hỏng (SQLite báo: ${detail}). Ứng dụng không ghi gì vào tệp này để không làm hỏng thêm.`,
  ).says('startup.damaged', { detail });
}

const hasFrames = (wal: string) => fs.existsSync(wal) && fs.statSync(wal).size > 0;

/** Moves a -wal (and its index) out of SQLite's sight, keeping it for whoever wants to look. */
function setWalAside(file: string): string {
  const movedTo = `${file}-wal.set-aside-${new Date().toISOString().replaceAll(':', '-')}`;
  fs.renameSync(`${file}-wal`, movedTo);
  fs.rmSync(`${file}-shm`, { force: true });
  return movedTo;
}

/**
 * What start-up looks at before anything writes, through read-only connections only: a
 * missing or empty file (the caller may refuse to start afresh), a -wal that is not this
 * database's (set aside, not replayed), then quick_check on what is left.
 */
function checkBeforeWriting(file: string, options: OpenOptions): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    if (hasFrames(`${file}-wal`)) options.onWalSetAside?.(setWalAside(file)); // a log without its database
    options.beforeCreating?.(fs.existsSync(file) ? 'empty' : 'missing');
    return;
  }
  const probe = () => new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  if (hasFrames(`${file}-wal`)) {
    const withLog = probe();
    const belongs = walBelongs(file, withLog);
    withLog.close();
    if (!belongs) options.onWalSetAside?.(setWalAside(file));
  }
  const db = probe();
  try {
    let verdict: string;
    try {
      if (schemaVersionOf(db) === 0 && db.prepare("SELECT count(*) AS n FROM sqlite_schema").pluck().get() === 0) {
        options.beforeCreating?.('empty');
        return;
      }
      verdict = (db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>).map((row) => row.quick_check).join('; ');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw damagedError(error instanceof Error ? error.message : String(error));
    }
    if (verdict !== 'ok') throw damagedError(verdict.slice(0, 300));
  } finally {
    db.close();
  }
}

const latestOf = (migrations: readonly Migration[]): number => migrations.at(-1)?.version ?? 0;

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = latestOf(migrations);
  const apply = db.transaction(() => {
    const current = schemaVersionOf(db);
    if (current > latest) throw futureVersionError(current, latest);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  apply.immediate();
  return schemaVersionOf(db);
}

/** The app's one connection: WAL, foreign keys on, a busy timeout, schema up to date. */
/** How each connection loaded SQLite, so another file can be opened the same way (Electron's own build). */
const bindingOf = new WeakMap<Db, string | undefined>();

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  refuseFutureDatabase(file, latestOf(migrations), options.nativeBinding);
  checkBeforeWriting(file, options);
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    // The log is merged only by rotateWalEpoch, so each generation of it has its own epoch.
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Every write acknowledged to the clerk is on disk when the call answers: with WAL,
    // FULL syncs the log at each commit (NORMAL only at checkpoints, so a power cut could
    // take the last saves). An import is one commit, so its cost is one sync.
    db.pragma('synchronous = FULL');
    const current = schemaVersionOf(db);
    if (options.beforeMigration && current > 0 && current < latestOf(migrations)) options.beforeMigration(db);
    migrate(db, migrations);
    if (migrations.some((migration) => migration.name === 'wal-owner')) rotateWalEpoch(db);
    bindingOf.set(db, options.nativeBinding);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second, read-only connection to the same file. In WAL mode it reads the last
 * committed state while the main connection writes, so a list or a figure asked for
 * during a long import answers at once, and never shows rows the import may roll back.
 */
export function openReader(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  db.pragma('busy_timeout = 5000');
  bindingOf.set(db, options.nativeBinding);
  return db;
}

/**
 * A read-only connection to another file (a received package), with SQLite loaded as it
 * was for `db`: under Electron that is the app's own build, which a bare `new Database`
 * would not find.
 */
export function openReadOnlyBeside(db: Db, file: string): Db {
  return openReader(file, { nativeBinding: bindingOf.get(db) });
}
