import { v7 as uuidv7 } from 'uuid';
import type { Migration } from '../migration';

/**
 * Posting points (vị trí niêm yết): where a poster hangs. Every venue has at least one,
 * the main entrance; markets have gates and stalls. Existing venues get their main entrance.
 */
export const migration003: Migration = {
  version: 3,
  name: 'posting-points',
  up(db) {
    db.exec(`
      CREATE TABLE posting_points (
        id         TEXT PRIMARY KEY,
        venue_id   TEXT NOT NULL REFERENCES venues(id),
        label      TEXT NOT NULL,
        position   INTEGER NOT NULL,
        is_main    INTEGER NOT NULL DEFAULT 0,
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX posting_points_by_venue ON posting_points(venue_id, position);
      CREATE UNIQUE INDEX posting_points_one_main ON posting_points(venue_id) WHERE is_main = 1;
    `);
    const insert = db.prepare(
      `INSERT INTO posting_points (id, venue_id, label, position, is_main, created_at, updated_at)
       VALUES (?, ?, 'Cửa chính', 0, 1, ?, ?)`,
    );
    const venues = db.prepare<[], { id: string; created_at: string }>('SELECT id, created_at FROM venues').all();
    for (const venue of venues) insert.run(uuidv7(), venue.id, venue.created_at, venue.created_at);
  },
};
