import type { Migration } from '../migration';

/**
 * Tables whose rows travel in a commune's data package. At an upper office each row a
 * package brought carries `received_from` (the sending commune), so the next package from
 * that commune replaces exactly its rows, and those rows are read-only here. The column
 * stays NULL at a commune office, so the partial indexes stay empty there.
 */
export const RECEIVED_TABLES = [
  'venues',
  'venue_phones',
  'posting_points',
  'venue_codes',
  'prints',
  'inspection_rounds',
  'round_venues',
  'visits',
  'findings',
  'finding_photos',
  'corrective_actions',
  'reprint_requests',
  'scan_sources',
  'scan_counts',
] as const;

/**
 * Office-to-office exchange: the packages this office made (sequence per office), the
 * packages it received (one sequence line per commune), photos that came inside them,
 * and the commune a trusted key is bound to.
 */
export const migration007: Migration = {
  version: 7,
  name: 'exchange',
  up(db) {
    db.exec(`
      CREATE TABLE sent_packages (
        sequence     INTEGER PRIMARY KEY,
        file_name    TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        counts       TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        bytes        INTEGER NOT NULL,
        full_photos  INTEGER NOT NULL,
        created_by   TEXT REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE received_packages (
        commune_id   TEXT NOT NULL REFERENCES admin_units(id),
        sequence     INTEGER NOT NULL,
        landed_in_id TEXT NOT NULL REFERENCES admin_units(id),
        office_name  TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        counts       TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        key_id       TEXT NOT NULL,
        bytes        INTEGER NOT NULL,
        received_by  TEXT REFERENCES staff(id),
        PRIMARY KEY (commune_id, sequence)
      ) STRICT;
      CREATE INDEX received_packages_by_landing ON received_packages(landed_in_id, created_at);

      -- Photos inside received packages: kept in the database, so a receive is one
      -- transaction and no file is ever written at a path the package could choose.
      CREATE TABLE received_photos (
        photo_id      TEXT PRIMARY KEY,
        received_from TEXT NOT NULL REFERENCES admin_units(id),
        thumbnail     BLOB NOT NULL,
        full          BLOB
      ) STRICT;
      CREATE INDEX received_photos_by_sender ON received_photos(received_from);

      ALTER TABLE trusted_keys ADD COLUMN commune_id TEXT REFERENCES admin_units(id);
    `);
    for (const table of RECEIVED_TABLES) {
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN received_from TEXT REFERENCES admin_units(id);
        CREATE INDEX ${table}_by_sender ON ${table}(received_from) WHERE received_from IS NOT NULL;
      `);
    }
  },
};
