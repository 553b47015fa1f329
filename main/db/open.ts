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
}

function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function futureVersionError(found: number, known: number): AppError {
  return new AppError(
    'DB_FUTURE_VERSION',
    `Tệp dữ liệu được tạo bởi phiên bản mới hơn của Điểm QR (lược đồ ${found}, ứng dụng này biết đến ${known}). ` +
      'Hãy cập nhật ứng dụng; tệp không bị thay đổi.',
  );
}

/**
 * Looks at an existing file read-only before anything writes to it: a database from a
 * newer app must be refused byte-identical, and even setting WAL mode would change it.
 */
function refuseFutureDatabase(file: string, options: OpenOptions, latest: number): void {
  if (!fs.existsSync(file)) return;
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const found = schemaVersionOf(probe);
    if (found > latest) throw futureVersionError(found, latest);
  } finally {
    probe.close();
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
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  refuseFutureDatabase(file, options, latestOf(migrations));
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
