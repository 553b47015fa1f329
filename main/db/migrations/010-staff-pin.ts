import type { Migration } from '../migration';

/**
 * An optional PIN per person: its scrypt hash, its random salt and the KDF parameters it
 * was made with (JSON, so the cost can be raised later and older PINs still checked).
 * All three are set together or all null (no PIN). The idle-lock time is a setting
 * (settings table, key idleLockSeconds) and needs no column.
 */
export const migration010: Migration = {
  version: 10,
  name: 'staff-pin',
  up(db) {
    db.exec(`
      ALTER TABLE staff ADD COLUMN pin_hash BLOB;
      ALTER TABLE staff ADD COLUMN pin_salt BLOB;
      ALTER TABLE staff ADD COLUMN pin_params TEXT;
    `);
  },
};
