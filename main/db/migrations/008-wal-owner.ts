import type { Migration } from '../migration';

/**
 * Which database the -wal beside the file belongs to (see main/db/wal-owner.ts): one row
 * naming the file's epoch (kept in the header's application_id) the log was started on.
 */
export const migration008: Migration = {
  version: 8,
  name: 'wal-owner',
  up(db) {
    db.exec(`
      CREATE TABLE wal_owner (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        base INTEGER NOT NULL,
        prev INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
