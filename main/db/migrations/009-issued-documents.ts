import type { Migration } from '../migration';

/**
 * Issued documents of inspection rounds (biên bản kiểm tra, giấy nhắc nhở) as fixed
 * records: the number given at issue and everything the document prints, as JSON.
 */
export const migration009: Migration = {
  version: 9,
  name: 'issued-documents',
  up(db) {
    db.exec(`
      -- round_id and venue_id name what the document is about, for the round page's list; no
      -- foreign key: the content stands alone, and a round received from a commune may be
      -- replaced by that commune's next package while the documents issued about it stay.
      CREATE TABLE issued_documents (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('round_record', 'reminder')),
        year        INTEGER NOT NULL,
        sequence    INTEGER NOT NULL CHECK (sequence > 0),
        number      TEXT NOT NULL,
        round_id    TEXT NOT NULL,
        venue_id    TEXT,
        content     TEXT NOT NULL,
        issued_at   TEXT NOT NULL,
        issued_by   TEXT REFERENCES staff(id),
        UNIQUE (kind, year, sequence)
      ) STRICT;
      CREATE INDEX issued_documents_by_round ON issued_documents(round_id, issued_at);
    `);
  },
};
