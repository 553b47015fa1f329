import type { Migration } from '../migration';

/**
 * Inspection rounds, the visits made in them with the checklist of each posting point,
 * the findings with their photos (files in the data folder), and the corrective actions
 * that follow a finding until a later visit verifies them.
 */
export const migration005: Migration = {
  version: 5,
  name: 'inspections',
  up(db) {
    db.exec(`
      CREATE TABLE inspection_rounds (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        purpose      TEXT NOT NULL DEFAULT '',
        starts_on    TEXT NOT NULL,
        ends_on      TEXT,
        commune_id   TEXT REFERENCES admin_units(id),
        village_ids  TEXT NOT NULL DEFAULT '[]',
        team         TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        follow_up_of TEXT REFERENCES inspection_rounds(id),
        created_at   TEXT NOT NULL,
        created_by   TEXT REFERENCES staff(id),
        closed_at    TEXT,
        version      INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      -- The venues a round plans to visit (added by search, by village, or from suggestions).
      CREATE TABLE round_venues (
        round_id TEXT NOT NULL REFERENCES inspection_rounds(id),
        venue_id TEXT NOT NULL REFERENCES venues(id),
        PRIMARY KEY (round_id, venue_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE visits (
        id         TEXT PRIMARY KEY,
        round_id   TEXT NOT NULL REFERENCES inspection_rounds(id),
        venue_id   TEXT NOT NULL REFERENCES venues(id),
        visited_on TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        -- JSON: per posting point, the checklist results and an optional door count.
        points     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES staff(id),
        UNIQUE (round_id, venue_id)
      ) STRICT;
      CREATE INDEX visits_by_venue ON visits(venue_id, visited_on);

      CREATE TABLE findings (
        id               TEXT PRIMARY KEY,
        visit_id         TEXT NOT NULL REFERENCES visits(id),
        venue_id         TEXT NOT NULL REFERENCES venues(id),
        posting_point_id TEXT NOT NULL REFERENCES posting_points(id),
        category         TEXT NOT NULL,
        note             TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        created_by       TEXT REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX findings_by_visit ON findings(visit_id);
      CREATE INDEX findings_by_venue ON findings(venue_id);

      CREATE TABLE finding_photos (
        id          TEXT PRIMARY KEY,
        finding_id  TEXT NOT NULL REFERENCES findings(id),
        file_name   TEXT NOT NULL,
        stored_as   TEXT NOT NULL,
        thumbnail   TEXT NOT NULL,
        mime_type   TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX finding_photos_by_finding ON finding_photos(finding_id);

      CREATE TABLE corrective_actions (
        id                TEXT PRIMARY KEY,
        finding_id        TEXT NOT NULL UNIQUE REFERENCES findings(id),
        venue_id          TEXT NOT NULL REFERENCES venues(id),
        kind              TEXT NOT NULL,
        due_on            TEXT NOT NULL,
        responsible       TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('open', 'done', 'verified')),
        done_at           TEXT,
        done_by_print     TEXT REFERENCES prints(id),
        verified_at       TEXT,
        verified_by_visit TEXT REFERENCES visits(id),
        created_at        TEXT NOT NULL,
        created_by        TEXT REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX corrective_actions_open ON corrective_actions(venue_id) WHERE status != 'verified';
    `);
  },
};
