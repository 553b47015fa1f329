import type { Db } from '../db/open';

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
