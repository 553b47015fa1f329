import type { Migration } from '../migration';

/**
 * Administrative units (as data), venues with their never-reused human codes, and the
 * FTS5 index over folded text. The folded columns and sort_key are computed in
 * TypeScript (shared/text) because SQLite can fold neither đ nor Vietnamese order.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE admin_units (
        id             TEXT PRIMARY KEY,
        parent_id      TEXT REFERENCES admin_units(id),
        level          TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village')),
        name           TEXT NOT NULL,
        name_folded    TEXT NOT NULL,
        official_code  TEXT,
        -- Letters before the number of venue codes in this commune, e.g. "KB" → KB-0042.
        code_prefix    TEXT,
        is_example     INTEGER NOT NULL DEFAULT 0,
        -- A unit merged into another (2025 reorganisation) keeps its row for history.
        merged_into_id TEXT REFERENCES admin_units(id),
        retired_at     TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        version        INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX admin_units_by_parent ON admin_units(parent_id);
      CREATE UNIQUE INDEX admin_units_by_official_code ON admin_units(level, official_code)
        WHERE official_code IS NOT NULL;

      -- Last number handed out per prefix; a code is never reused, even after a delete.
      CREATE TABLE venue_code_counters (
        prefix      TEXT PRIMARY KEY,
        last_number INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE venues (
        id              TEXT PRIMARY KEY,
        code            TEXT NOT NULL UNIQUE,
        name            TEXT NOT NULL,
        sort_key        TEXT NOT NULL,
        type            TEXT NOT NULL,
        owner_name      TEXT NOT NULL DEFAULT '',
        -- JSON array of phone numbers in display form ("0912 345 678"); digits in venue_phones.
        phones          TEXT NOT NULL DEFAULT '[]',
        address         TEXT NOT NULL DEFAULT '',
        commune_id      TEXT REFERENCES admin_units(id),
        village_id      TEXT REFERENCES admin_units(id),
        business_reg_no TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
        notes           TEXT NOT NULL DEFAULT '',
        latitude        REAL,
        longitude       REAL,
        -- Folded copies for FTS5: the name ranks above the other fields.
        name_folded     TEXT NOT NULL,
        details_folded  TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        created_by      TEXT,
        updated_at      TEXT NOT NULL,
        updated_by      TEXT,
        version         INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX venues_by_sort_key ON venues(sort_key, code);
      CREATE INDEX venues_by_updated ON venues(updated_at, code);
      CREATE INDEX venues_by_commune ON venues(commune_id, sort_key, code);
      CREATE INDEX venues_by_village ON venues(village_id, sort_key, code);
      -- The duplicate warning: same folded name in the same village.
      CREATE INDEX venues_by_village_name ON venues(village_id, name_folded);

      -- One row per phone number (digits only, national form) for the duplicate warning.
      CREATE TABLE venue_phones (
        venue_id TEXT NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
        digits   TEXT NOT NULL,
        PRIMARY KEY (venue_id, digits)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX venue_phones_by_digits ON venue_phones(digits);

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
