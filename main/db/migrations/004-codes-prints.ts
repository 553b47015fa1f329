import type { Migration } from '../migration';

/**
 * Check-in codes with their revisions, the public keys of other offices we trust, the
 * record of every print, and the explicit entries of the reprint queue (never-printed
 * venues and revoked codes are found from the first three; findings add entries here).
 */
export const migration004: Migration = {
  version: 4,
  name: 'codes-prints',
  up(db) {
    db.exec(`
      CREATE TABLE venue_codes (
        id            TEXT PRIMARY KEY,
        venue_id      TEXT NOT NULL REFERENCES venues(id),
        revision      INTEGER NOT NULL,
        source        TEXT NOT NULL CHECK (source IN ('minted', 'official')),
        -- Exactly the string inside the QR; an official code is kept byte for byte.
        payload       TEXT NOT NULL,
        key_id        TEXT,
        issued_at     TEXT NOT NULL,
        issued_by     TEXT REFERENCES staff(id),
        revoked_at    TEXT,
        revoked_by    TEXT REFERENCES staff(id),
        revoke_reason TEXT,
        UNIQUE (venue_id, revision)
      ) STRICT;
      CREATE INDEX venue_codes_by_payload ON venue_codes(payload);

      CREATE TABLE trusted_keys (
        key_id     TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        public_key TEXT NOT NULL,
        added_at   TEXT NOT NULL,
        added_by   TEXT REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE prints (
        id               TEXT PRIMARY KEY,
        venue_id         TEXT NOT NULL REFERENCES venues(id),
        posting_point_id TEXT NOT NULL REFERENCES posting_points(id),
        code_id          TEXT NOT NULL REFERENCES venue_codes(id),
        revision         INTEGER NOT NULL,
        template         TEXT NOT NULL,
        copies           INTEGER NOT NULL,
        reason           TEXT NOT NULL,
        laminated        INTEGER NOT NULL,
        output           TEXT NOT NULL CHECK (output IN ('pdf', 'printer')),
        printed_at       TEXT NOT NULL,
        printed_by       TEXT REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX prints_by_venue ON prints(venue_id, printed_at);

      CREATE TABLE reprint_requests (
        id               TEXT PRIMARY KEY,
        venue_id         TEXT NOT NULL REFERENCES venues(id),
        posting_point_id TEXT REFERENCES posting_points(id),
        reason           TEXT NOT NULL,
        note             TEXT NOT NULL DEFAULT '',
        source_id        TEXT,
        requested_at     TEXT NOT NULL,
        requested_by     TEXT REFERENCES staff(id),
        cleared_at       TEXT,
        cleared_by_print TEXT REFERENCES prints(id)
      ) STRICT;
      CREATE INDEX reprint_requests_open ON reprint_requests(venue_id) WHERE cleared_at IS NULL;
    `);
  },
};
