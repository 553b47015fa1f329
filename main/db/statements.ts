import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './open';

const cache = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

/**
 * A prepared statement, prepared once per connection and SQL text. Preparing costs more
 * than running a small statement; an import of 100,000 rows runs each of these 100,000
 * times. Parameters only: SQL text here is always a constant or built from fixed names.
 */
export function statement<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): BetterSqlite3.Statement<P, R> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared as unknown as BetterSqlite3.Statement<P, R>;
}

/**
 * Runs `work` as one write transaction (BEGIN IMMEDIATE, so two writers never deadlock
 * upgrading a read lock). Inside a transaction already open, such as an import's, it
 * simply runs: that transaction is all-or-nothing anyway, and a savepoint per venue
 * would double the cost of an import.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.inTransaction ? work() : db.transaction(work).immediate();
}
