import type { Migration } from '../migration';

/**
 * Administrative units (as data), venues with their never-reused human codes, and the
 * FTS5 index over folded text. The folded columns and sort_key are computed in TypeScript
 * (shared/text) because SQLite can fold neither đ nor Vietnamese order by itself.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE admin_units (
        id            TEXT PRIMARY KEY,
        parent_id     TEXT REFERENCES admin_units(id),
        level         TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village')),
        name          TEXT NOT NULL,
        name_folded   TEXT NOT NULL,
        official_code TEXT,
        is_example    INTEGER NOT NULL DEFAULT 0,
        retired_at    TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX admin_units_by_parent ON admin_units(parent_id);

      -- Last number handed out per prefix; a code is never reused, even after a delete.
      CREATE TABLE venue_code_counters (
        prefix      TEXT PRIMARY KEY,
        last_number INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE venues (
        id          TEXT PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL,
        sort_key    TEXT NOT NULL,
        type        TEXT NOT NULL,
        address     TEXT NOT NULL DEFAULT '',
        owner_name  TEXT NOT NULL DEFAULT '',
        phone       TEXT NOT NULL DEFAULT '',
        commune_id  TEXT REFERENCES admin_units(id),
        village_id  TEXT REFERENCES admin_units(id),
        status      TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
        -- Folded copies for FTS5: the name ranks above the other fields.
        name_folded    TEXT NOT NULL,
        details_folded TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX venues_by_sort_key ON venues(sort_key);
      CREATE INDEX venues_by_village ON venues(village_id);

      CREATE VIRTUAL TABLE venues_fts USING fts5(
        name_folded,
        details_folded,
        content = 'venues',
        content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      CREATE TRIGGER venues_fts_insert AFTER INSERT ON venues BEGIN
        INSERT INTO venues_fts(rowid, name_folded, details_folded) VALUES (new.rowid, new.name_folded, new.details_folded);
      END;
      CREATE TRIGGER venues_fts_delete AFTER DELETE ON venues BEGIN
        INSERT INTO venues_fts(venues_fts, rowid, name_folded, details_folded)
          VALUES ('delete', old.rowid, old.name_folded, old.details_folded);
      END;
      CREATE TRIGGER venues_fts_update AFTER UPDATE OF name_folded, details_folded ON venues BEGIN
        INSERT INTO venues_fts(venues_fts, rowid, name_folded, details_folded)
          VALUES ('delete', old.rowid, old.name_folded, old.details_folded);
        INSERT INTO venues_fts(rowid, name_folded, details_folded) VALUES (new.rowid, new.name_folded, new.details_folded);
      END;
    `);
  },
};
