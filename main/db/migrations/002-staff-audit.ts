import type { Migration } from '../migration';

/**
 * The office's staff, the audit log (who changed what, before and after) and the
 * office's settings. Audit rows are never updated or deleted.
 */
export const migration002: Migration = {
  version: 2,
  name: 'staff-audit',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('clerk', 'inspector', 'leader', 'admin')),
        active      INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id          TEXT PRIMARY KEY,
        at          TEXT NOT NULL,
        staff_id    TEXT REFERENCES staff(id),
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        action      TEXT NOT NULL,
        before_json TEXT,
        after_json  TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id, id);
      CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
