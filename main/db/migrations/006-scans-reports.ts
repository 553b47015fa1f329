import type { Migration } from '../migration';

/**
 * Scan counts from the national system's exports or the office's own tallies, the files
 * they came from, the names a clerk once matched by hand (so next month's file matches by
 * itself), and the reports the office issued, kept as fixed records.
 */
export const migration006: Migration = {
  version: 6,
  name: 'scans-reports',
  up(db) {
    db.exec(`
      -- One imported file, or one count typed by hand on a venue page (source 'manual').
      CREATE TABLE scan_sources (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('file', 'manual')),
        file_name   TEXT NOT NULL DEFAULT '',
        first_day   TEXT NOT NULL,
        last_day    TEXT NOT NULL,
        row_count   INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT REFERENCES staff(id)
      ) STRICT;

      -- Scans at one venue over one period (a day, a week, a month: first_day..last_day,
      -- yyyy-MM-dd inclusive). A venue's periods never overlap; re-importing a period
      -- replaces its row.
      CREATE TABLE scan_counts (
        venue_id   TEXT NOT NULL REFERENCES venues(id),
        first_day  TEXT NOT NULL,
        last_day   TEXT NOT NULL,
        scans      INTEGER NOT NULL CHECK (scans >= 0),
        source_id  TEXT NOT NULL REFERENCES scan_sources(id),
        PRIMARY KEY (venue_id, first_day),
        CHECK (last_day >= first_day)
      ) STRICT, WITHOUT ROWID;
      -- Counts of a window read along first_day; the dashboard's series sums them per period
      -- (first_day, last_day) in this order, without sorting a million rows.
      CREATE INDEX scan_counts_by_day ON scan_counts(first_day, last_day, venue_id, scans);
      CREATE INDEX scan_counts_by_source ON scan_counts(source_id);

      -- A file's identifier (folded name + village, or a code) that a clerk assigned to a venue.
      CREATE TABLE scan_aliases (
        identifier TEXT PRIMARY KEY,
        venue_id   TEXT NOT NULL REFERENCES venues(id),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES staff(id)
      ) STRICT;

      -- An issued report: its parameters and the figures as they were, so it reads the same later.
      CREATE TABLE reports (
        id          TEXT PRIMARY KEY,
        number      TEXT NOT NULL,
        kind        TEXT NOT NULL,
        params      TEXT NOT NULL,
        content     TEXT NOT NULL,
        issued_at   TEXT NOT NULL,
        issued_by   TEXT REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX reports_by_issued ON reports(issued_at);
    `);
  },
};
