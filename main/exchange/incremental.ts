import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import type { PackageCounts } from '../../shared/domain/exchange';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { contentHash, tableCounts } from './manifest';
import { PACKAGE_KEYS, PACKAGE_TABLES, quoted, TOMBSTONES, TOMBSTONES_DDL } from './package-tables';
import { sentFolder } from './sent';

/**
 * Incremental packages, commune side. After each package the commune keeps the full
 * state it sent (every package table, `state-<sequence>.sqlite3` in the sent folder); an
 * incremental package is the difference between the state now and that one: rows new
 * or changed, and the keys of rows gone (`deleted_rows`). Its manifest names the base
 * package (sequence and content hash); the upper office takes it only on top of exactly
 * that package, else the clerk is told to send a full one. No acknowledgement has to
 * travel back: the base is simply the last package sent.
 */
export const stateFile = (dataDir: string, sequence: number) => path.join(sentFolder(dataDir), `state-${sequence}.sqlite3`);

export interface PackageBase {
  sequence: number;
  contentHash: string;
  file: string;
}

/** The last package sent, when its state is still kept here: what an incremental builds on. */
export function lastBase(db: Db, dataDir: string): PackageBase | null {
  const last = statement<[], { sequence: number; content_hash: string }>(
    db,
    'SELECT sequence, content_hash FROM sent_packages ORDER BY sequence DESC LIMIT 1',
  ).get();
  if (!last) return null;
  const file = stateFile(dataDir, last.sequence);
  return fs.existsSync(file) ? { sequence: last.sequence, contentHash: last.content_hash, file } : null;
}

export function requireBase(db: Db, dataDir: string): PackageBase {
  const base = lastBase(db, dataDir);
  if (!base) throw new AppError('CONFLICT', 'Chưa có gói nào đã gửi để lập gói bổ sung. Hãy lập gói đầy đủ.');
  return base;
}

/** Keeps only the newest state: the one the next incremental builds on. */
export function keepOnlyState(dataDir: string, sequence: number): void {
  const keep = path.basename(stateFile(dataDir, sequence));
  for (const name of fs.readdirSync(sentFolder(dataDir))) {
    if (/^state-\d+\.sqlite3$/.test(name) && name !== keep) fs.rmSync(path.join(sentFolder(dataDir), name), { force: true });
  }
}

const columnsOf = (db: Db, schema: string, table: string) =>
  db.prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?, ?)').all(table, schema).map((row) => row.name).join(',');

/**
 * Writes into `deltaFile` the rows of the state attached as `package` that the base lacks
 * or holds otherwise, and the keys of the base's rows no longer there. Returns the counts
 * (tombstones under `deleted_rows`) and the content hash, then lets `sign` write the manifest.
 */
export function writeDelta(
  db: Db,
  baseFile: string,
  deltaFile: string,
  sign: (made: { counts: PackageCounts; hash: string }) => void,
): { counts: PackageCounts; hash: string } {
  db.prepare('ATTACH DATABASE ? AS base').run(baseFile);
  try {
    db.prepare('ATTACH DATABASE ? AS delta').run(deltaFile);
    try {
      db.pragma('delta.journal_mode = OFF');
      db.pragma('delta.synchronous = OFF');
      writeTransaction(db, () => {
        db.exec(`CREATE TABLE delta.${TOMBSTONES} (${TOMBSTONES_DDL}) WITHOUT ROWID`);
        for (const table of PACKAGE_TABLES) diffTable(db, table);
      });
      const made = { counts: { ...tableCounts(db, 'delta'), [TOMBSTONES]: countTombstones(db) }, hash: contentHash(db, 'delta') };
      sign(made);
      return made;
    } finally {
      db.exec('DETACH DATABASE delta');
    }
  } finally {
    db.exec('DETACH DATABASE base');
  }
}

const countTombstones = (db: Db) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM delta.${TOMBSTONES}`).get()!.n;

function diffTable(db: Db, table: (typeof PACKAGE_TABLES)[number]): void {
  // A base made by an app with other columns (an update in between) cannot be diffed against.
  if (columnsOf(db, 'package', table) !== columnsOf(db, 'base', table)) {
    throw new AppError('CONFLICT', 'Gói đã gửi trước được lập bằng phiên bản khác của ứng dụng, không lập được gói bổ sung. Hãy lập gói đầy đủ.');
  }
  const created = db.prepare<[string], { sql: string }>("SELECT sql FROM package.sqlite_master WHERE type = 'table' AND name = ?").get(table)!;
  db.exec(created.sql.replace(/^CREATE TABLE\s+("?)\w+\1/, `CREATE TABLE delta.${table}`));
  const keys = PACKAGE_KEYS[table].map(quoted).join(', ');
  db.exec(`INSERT INTO delta.${table} SELECT * FROM package.${table} EXCEPT SELECT * FROM base.${table} ORDER BY ${keys}`);
  db.prepare(
    `INSERT INTO delta.${TOMBSTONES} (table_name, key)
     SELECT ?, json_array(${keys}) FROM (SELECT ${keys} FROM base.${table} EXCEPT SELECT ${keys} FROM package.${table})`,
  ).run(table);
}
