import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migration';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for Electron's ABI (see main/build/electron-native.mjs). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Called with the open connection when a database holding data is about to be migrated (a backup, in the app). */
  beforeMigration?: (db: Db) => void;
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
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Every write acknowledged to the clerk is on disk when the call answers: with WAL,
    // FULL syncs the log at each commit (NORMAL only at checkpoints, so a power cut could
    // take the last saves). An import is one commit, so its cost is one sync.
    db.pragma('synchronous = FULL');
    const current = schemaVersionOf(db);
    if (options.beforeMigration && current > 0 && current < latestOf(migrations)) options.beforeMigration(db);
    migrate(db, migrations);
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
