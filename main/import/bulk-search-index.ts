import type { Db } from '../db/open';
import { statement } from '../db/statements';

const INSERT_TRIGGER = 'venues_fts_insert';

/** The insert trigger, set aside for the length of one import transaction. */
export interface SetAside {
  triggerSql: string;
  /** Venues above this rowid are the import's own, still missing from the search index. */
  lastRowidBefore: number;
}

/**
 * Inside one long transaction FTS5 writes a tiny index segment for every venue inserted
 * (each statement journal calls its savepoint hook) and then merges them again: a 25,000
 * row commit took 18 s of CPU instead of 8. So an import sets the insert trigger aside
 * and indexes its new venues in one statement before COMMIT. Only inserts are deferred:
 * an import updates venues that existed before it, whose index rows the update trigger
 * keeps right. Must run inside the import's transaction, so a rollback restores the trigger.
 */
export function setAsideSearchIndexing(db: Db): SetAside {
  const { sql } = statement<[string], { sql: string }>(db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(INSERT_TRIGGER)!;
  const { last } = statement<[], { last: number }>(db, 'SELECT coalesce(max(rowid), 0) AS last FROM venues').get()!;
  db.exec(`DROP TRIGGER ${INSERT_TRIGGER}`);
  return { triggerSql: sql, lastRowidBefore: last };
}

/** Indexes the venues the import added, in one pass, and puts the trigger back exactly as it was. */
export function indexImportedVenues(db: Db, aside: SetAside): void {
  db.prepare('INSERT INTO venues_fts (rowid, name_folded, details_folded) SELECT rowid, name_folded, details_folded FROM venues WHERE rowid > ?').run(
    aside.lastRowidBefore,
  );
  db.exec(aside.triggerSql);
}
