import type { Db } from '../db/open';
import { readPhoto } from '../inspections/photos';
import type { PackageKind } from './manifest';
import { packageColumns, PACKAGE_KEYS, PHOTO_FILES_DDL, quoted, type RecordTable } from './package-tables';
import { returnedRow } from './returned';

/**
 * Which rows of each table belong to the commune's package. Venues are the commune's own
 * (or not yet placed in any commune); everything else follows the venues, or the rounds,
 * already copied into the package.
 */
const IN_PACKAGE_VENUES = 't.venue_id IN (SELECT id FROM package.venues)';
const SCOPE: Record<RecordTable | 'admin_units', string> = {
  venues: 't.commune_id = @commune OR t.commune_id IS NULL',
  venue_phones: IN_PACKAGE_VENUES,
  posting_points: IN_PACKAGE_VENUES,
  venue_codes: IN_PACKAGE_VENUES,
  prints: IN_PACKAGE_VENUES,
  reprint_requests: IN_PACKAGE_VENUES,
  scan_counts: IN_PACKAGE_VENUES,
  scan_sources: 't.id IN (SELECT source_id FROM package.scan_counts)',
  inspection_rounds: `t.commune_id = @commune OR t.commune_id IS NULL
    OR t.id IN (SELECT round_id FROM main.round_venues WHERE venue_id IN (SELECT id FROM package.venues))`,
  round_venues: `t.round_id IN (SELECT id FROM package.inspection_rounds) AND ${IN_PACKAGE_VENUES}`,
  visits: `t.round_id IN (SELECT id FROM package.inspection_rounds) AND ${IN_PACKAGE_VENUES}`,
  findings: 't.visit_id IN (SELECT id FROM package.visits)',
  finding_photos: 't.finding_id IN (SELECT id FROM package.findings)',
  corrective_actions: 't.finding_id IN (SELECT id FROM package.findings)',
  admin_units: 't.id = @commune OR t.parent_id = @commune OR t.id IN (SELECT village_id FROM package.venues)',
};
/** Copy order: a table's scope may read the tables copied before it. */
const COPY_ORDER: Array<RecordTable | 'admin_units'> = [
  'venues', 'venue_phones', 'posting_points', 'venue_codes', 'prints', 'reprint_requests', 'scan_counts', 'scan_sources',
  'inspection_rounds', 'round_venues', 'visits', 'findings', 'finding_photos', 'corrective_actions', 'admin_units',
];

/** A return package has every table, empty but for the upper office's own records about the commune's venues. */
const scopeOf = (table: RecordTable | 'admin_units', kind: PackageKind): string =>
  kind === 'commune' ? SCOPE[table] : ((table !== 'admin_units' && returnedRow(table, 't')) || '0');

function copyTable(db: Db, table: RecordTable | 'admin_units', communeId: string, kind: PackageKind): void {
  const columns = packageColumns(db, table);
  const names = columns.map((column) => quoted(column.name));
  const definitions = columns.map((column) => `${quoted(column.name)} ${column.type}`).join(', ');
  const key = PACKAGE_KEYS[table].map(quoted).join(', ');
  // Keyed tables written in key order: pages come out full, the file small, with no VACUUM.
  db.exec(`CREATE TABLE package.${table} (${definitions}, PRIMARY KEY (${key})) WITHOUT ROWID`);
  db.prepare(
    `INSERT INTO package.${table} (${names.join(', ')})
     SELECT ${names.map((name) => `t.${name}`).join(', ')} FROM main.${table} AS t WHERE ${scopeOf(table, kind)} ORDER BY ${key}`,
  ).run({ commune: communeId });
}

/** The photos' bytes, read from the data folder at the paths this office stored them under. */
function copyPhotos(db: Db, dataDir: string, fullPhotos: boolean): void {
  db.exec(`CREATE TABLE package.photo_files (${PHOTO_FILES_DDL})`);
  const insert = db.prepare('INSERT INTO package.photo_files (photo_id, thumbnail, full) VALUES (?, ?, ?)');
  const photos = db.prepare<[], { id: string; stored_as: string; thumbnail: string }>('SELECT id, stored_as, thumbnail FROM package.finding_photos').all();
  for (const photo of photos) {
    const thumbnail = readIfPresent(dataDir, photo.thumbnail);
    // A photo whose file was lost from the data folder travels without bytes rather than stopping the package.
    if (thumbnail) insert.run(photo.id, thumbnail, fullPhotos ? readIfPresent(dataDir, photo.stored_as) : null);
  }
}

function readIfPresent(dataDir: string, relative: string): Buffer | null {
  try {
    return readPhoto(dataDir, relative);
  } catch {
    return null;
  }
}

/**
 * Copies the package's records into the package attached as `package`, inside the
 * caller's transaction: the commune's own (venues not yet placed in a commune travel as
 * its own), or for a return package the upper office's records about that commune's venues.
 */
export function copyRecords(db: Db, dataDir: string, communeId: string, fullPhotos: boolean, kind: PackageKind): void {
  for (const table of COPY_ORDER) copyTable(db, table, communeId, kind);
  db.prepare('UPDATE package.venues SET commune_id = ? WHERE commune_id IS NULL').run(communeId);
  copyPhotos(db, dataDir, fullPhotos);
}
