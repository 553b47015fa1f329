import type { Db } from '../db/open';

/**
 * How many venues point at each unit, as a commune or as a village. Ids are unique
 * across levels, so one map serves both; the tree shows it and a merge says it aloud.
 */
export function venueCountsByUnit(db: Db): Record<string, number> {
  const rows = db
    .prepare<[], { id: string; venues: number }>(
      `SELECT commune_id AS id, count(*) AS venues FROM venues WHERE commune_id IS NOT NULL GROUP BY commune_id
       UNION ALL
       SELECT village_id AS id, count(*) AS venues FROM venues WHERE village_id IS NOT NULL GROUP BY village_id`,
    )
    .all();
  return Object.fromEntries(rows.map((row) => [row.id, row.venues]));
}

/** What still depends on a unit: venues placed in it and child units in use. */
export function unitUsage(db: Db, id: string): { venues: number; children: number } {
  return db
    .prepare<[string, string, string], { venues: number; children: number }>(
      `SELECT (SELECT count(*) FROM venues WHERE commune_id = ? OR village_id = ?) AS venues,
              (SELECT count(*) FROM admin_units WHERE parent_id = ? AND retired_at IS NULL) AS children`,
    )
    .get(id, id, id)!;
}
