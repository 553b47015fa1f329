import { openReadOnlyBeside, type Db } from '../db/open';

/** Every table of the schema, SQLite's own and the search index's internals left out. */
export function tableNames(db: Db): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

/** Rows in each table: what a backup must hold to be the database it copied. */
export function tableCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db)) {
    // Names come from sqlite_schema, quoted as identifiers.
    counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  return counts;
}

/** Whether two tables-to-rows records hold the same counts, whatever their key order. */
export const sameCounts = (a: Record<string, number>, b: Record<string, number>): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * What is wrong with a database copy, checked on its own: integrity_check, then the same rows
 * in every table as `counts`. Null when it is whole. Every copy a backup makes, carries to the
 * second place or unpacks from a full copy is checked here.
 */
export function copyProblem(db: Db, file: string, counts: Record<string, number>): string | null {
  const copy = openReadOnlyBeside(db, file);
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `integrity_check says ${String(integrity)}`;
    return sameCounts(tableCounts(copy), counts) ? null : "the copy's counts differ from the original's";
  } finally {
    copy.close();
  }
}
