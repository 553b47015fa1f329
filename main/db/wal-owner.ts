import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';

type Db = Database.Database;

/**
 * SQLite replays whatever -wal lies beside a database: the log of another database, or
 * the log a crash left after an older copy of the file was put back, and answers with a
 * silent mix. A WAL's header ties it to nothing in the file, so the app ties them itself:
 *
 * - the file's epoch, a random number, lives in its header (application_id, bytes 68-71),
 *   so it can be read from the file alone, without the log;
 * - the row wal_owner(base, prev) is written into each new log: base is the epoch of the
 *   file the log was started on (prev, the one before, covers a crash mid-rotation).
 *
 * Read through the log, wal_owner must name the epoch in the file's own header, else the
 * log is someone else's. The epoch changes only here (rotateWalEpoch): at each open and
 * whenever the log has grown, with SQLite's own automatic checkpoints off, so every
 * generation of the log has its own epoch.
 */
const APPLICATION_ID_OFFSET = 68;

/** The epoch in the file's header, 0 for a database from before this check. */
export function fileEpoch(file: string): number {
  const header = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 4, APPLICATION_ID_OFFSET) < 4) return 0;
  } finally {
    fs.closeSync(fd);
  }
  return header.readInt32BE(0);
}

/** Whether the log `probe` reads through was started on this file; `probe` is a read-only connection. */
export function walBelongs(file: string, probe: Db): boolean {
  const epoch = fileEpoch(file);
  if (epoch === 0) return true; // a database from before the epoch: nothing to compare
  try {
    const owner = probe.prepare('SELECT base, prev FROM wal_owner WHERE id = 1').get() as { base: number; prev: number } | undefined;
    return owner !== undefined && (owner.base === epoch || owner.prev === epoch);
  } catch {
    return false; // the log turns the schema into something else, or into garbage
  }
}

const truncateLog = (db: Db) => (db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>)[0].busy === 0;

/**
 * The log merged into the file, a new epoch in the header, merged again, then the new log
 * started by naming it. When a reader keeps a checkpoint from ending, the old epoch stays
 * (still matching its log) and the next rotation tries again.
 */
export function rotateWalEpoch(db: Db): void {
  if (!truncateLog(db)) return;
  const prev = db.pragma('application_id', { simple: true }) as number;
  const next = randomInt(1, 2 ** 31 - 1);
  db.transaction(() => {
    db.pragma(`application_id = ${next}`);
    db.prepare(
      'INSERT INTO wal_owner (id, base, prev) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET base = excluded.base, prev = excluded.prev',
    ).run(next, prev);
  })();
  if (!truncateLog(db)) return;
  db.prepare('UPDATE wal_owner SET prev = base').run();
}

/** Past this size the log is merged under a new epoch (the size SQLite's own automatic checkpoint would use, ×4). */
export const WAL_ROTATE_BYTES = 16 * 1024 * 1024;

export function rotateIfLarge(db: Db, file: string): void {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > WAL_ROTATE_BYTES) rotateWalEpoch(db);
}
