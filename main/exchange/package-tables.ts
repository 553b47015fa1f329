import type { Db } from '../db/open';
import { RECEIVED_TABLES } from '../db/migrations/007-exchange';

/**
 * The tables of a package (.diemqr, a SQLite file): one per record kind, with the same
 * columns as the app's table of that name (less `received_from`, which only an upper
 * office keeps), plus `photo_files` (photo bytes) and `manifest`. Listed in the order
 * the content hash reads them; each is read in the order of its key.
 */
export type RecordTable = (typeof RECEIVED_TABLES)[number];

export const PACKAGE_KEYS: Record<RecordTable | 'admin_units' | 'photo_files', readonly string[]> = {
  admin_units: ['id'],
  venues: ['id'],
  venue_phones: ['venue_id', 'digits'],
  posting_points: ['id'],
  venue_codes: ['id'],
  prints: ['id'],
  inspection_rounds: ['id'],
  round_venues: ['round_id', 'venue_id'],
  visits: ['id'],
  findings: ['id'],
  finding_photos: ['id'],
  corrective_actions: ['id'],
  reprint_requests: ['id'],
  scan_sources: ['id'],
  scan_counts: ['venue_id', 'first_day'],
  photo_files: ['photo_id'],
};
export type PackageTable = keyof typeof PACKAGE_KEYS;
export const PACKAGE_TABLES = Object.keys(PACKAGE_KEYS) as PackageTable[];
export { RECEIVED_TABLES };

/** Photo bytes by photo id: the thumbnail always, the full photo when the sender chose so. */
export const PHOTO_FILES_DDL = 'photo_id TEXT PRIMARY KEY, thumbnail BLOB NOT NULL, full BLOB';

/**
 * An incremental package's tombstones: the key (a JSON array of the key's values) of each
 * row of `table_name` the base package held and the commune no longer has.
 */
export const TOMBSTONES = 'deleted_rows';
export const TOMBSTONES_DDL = 'table_name TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (table_name, key)';

const PROVENANCE_COLUMN = 'received_from';

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

/** The app's columns of a table that travel in a package (all but the receiving office's own bookkeeping). */
export function packageColumns(db: Db, table: RecordTable | 'admin_units'): ColumnInfo[] {
  return db
    .prepare<[], ColumnInfo>(`SELECT name, type, pk FROM pragma_table_info('${table}')`)
    .all()
    .filter((column) => column.name !== PROVENANCE_COLUMN);
}

/** The table a column refers to, for the columns that point at staff or at units. */
export function foreignTargets(db: Db, table: RecordTable): Map<string, string> {
  const rows = db.prepare<[], { from: string; table: string }>(`SELECT "from", "table" FROM pragma_foreign_key_list('${table}')`).all();
  return new Map(rows.map((row) => [row.from, row.table]));
}

/** Column names inside SQL: only names read from the app's own schema, quoted all the same. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
