import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import { PACKAGE_LIMIT_BYTES, type SentPackage } from '../../shared/domain/exchange';
import { foldVietnamese } from '../../shared/text/fold';
import { recordAudit } from '../audit/service';
import type { OfficeKey } from '../codes/office-key';
import { nowIso } from '../core/clock';
import { schemaVersionOf, type Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { readPhoto } from '../inspections/photos';
import { officeNameOf } from '../posters/poster-data';
import { requireStaff, type Session } from '../session/session';
import { getSettings } from '../settings/service';
import { getUnit } from '../units/service';
import { contentHash, FORMAT_NAME, FORMAT_VERSION, tableCounts, writeManifest } from './manifest';
import { packageColumns, PACKAGE_KEYS, PHOTO_FILES_DDL, quoted, type RecordTable } from './package-tables';
import { withAttachedPackage } from './attach';

export interface ExchangeContext {
  db: Db;
  session: Session;
  dataDir: string;
  officeKey: OfficeKey;
  appVersion: string;
}

/** Packages made here stay in the data folder until the clerk saves one where they want it. */
const sentFolder = (dataDir: string) => path.join(dataDir, 'exchange', 'sent');

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

function copyTable(db: Db, table: RecordTable | 'admin_units', communeId: string): void {
  const columns = packageColumns(db, table);
  const names = columns.map((column) => quoted(column.name));
  const definitions = columns.map((column) => `${quoted(column.name)} ${column.type}`).join(', ');
  const key = PACKAGE_KEYS[table].map(quoted).join(', ');
  // Keyed tables written in key order: pages come out full, the file small, with no VACUUM.
  db.exec(`CREATE TABLE package.${table} (${definitions}, PRIMARY KEY (${key})) WITHOUT ROWID`);
  db.prepare(
    `INSERT INTO package.${table} (${names.join(', ')})
     SELECT ${names.map((name) => `t.${name}`).join(', ')} FROM main.${table} AS t WHERE ${SCOPE[table]} ORDER BY ${key}`,
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

/** Written without syncs (see preparePackage): flushed once, whole, before it takes its name. */
function syncToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const fileNameFor = (communeName: string, sequence: number, createdAt: string) =>
  `${foldVietnamese(communeName).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'xa'}-${String(sequence).padStart(4, '0')}-${createdAt.slice(0, 10).replace(/-/g, '')}.diemqr`;

function requireCommuneOffice(db: Db): string {
  const settings = getSettings(db);
  if (settings.officeKind !== 'commune' || settings.homeCommuneId === null) {
    throw new AppError('CONFLICT', 'Chỉ văn phòng xã/phường đã chọn xã của mình (Cài đặt) mới lập được gói dữ liệu gửi cấp trên.');
  }
  return settings.homeCommuneId;
}

/**
 * Makes the commune's full package: a SQLite file with the commune's records, signed
 * over its manifest with the office key. Kept in the data folder and recorded with its
 * sequence, size and counts, which the clerk sees before saving it anywhere.
 */
export function preparePackage({ db, session, dataDir, officeKey, appVersion }: ExchangeContext, fullPhotos: boolean): SentPackage {
  const actor = requireStaff(session);
  const commune = getUnit(db, requireCommuneOffice(db));
  const sequence = (statement<[], { last: number | null }>(db, 'SELECT max(sequence) AS last FROM sent_packages').get()?.last ?? 0) + 1;
  const createdAt = nowIso();
  const fileName = fileNameFor(commune.name, sequence, createdAt);
  fs.mkdirSync(sentFolder(dataDir), { recursive: true });
  const file = path.join(sentFolder(dataDir), fileName);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const { counts, hash } = withAttachedPackage(db, partial, () => {
      // A half-written package is thrown away, never recovered: no journal, no syncs until it is whole.
      db.pragma('package.journal_mode = OFF');
      db.pragma('package.synchronous = OFF');
      writeTransaction(db, () => {
        for (const table of COPY_ORDER) copyTable(db, table, commune.id);
        db.prepare('UPDATE package.venues SET commune_id = ? WHERE commune_id IS NULL').run(commune.id);
        copyPhotos(db, dataDir, fullPhotos);
      });
      const made = { counts: tableCounts(db, 'package'), hash: contentHash(db, 'package') };
      writeManifest(db, 'package', officeKey, {
        format: FORMAT_NAME,
        formatVersion: FORMAT_VERSION,
        schemaVersion: schemaVersionOf(db),
        appVersion,
        officeName: officeNameOf(db),
        communeId: commune.id,
        communeName: commune.name,
        communeOfficialCode: commune.officialCode,
        sequence,
        createdAt,
        fullPhotos,
        counts: made.counts,
        contentHash: made.hash,
        signerKeyId: officeKey.keyId,
        signerPublicKey: officeKey.publicKey.toString('base64'),
      });
      return made;
    });
    const bytes = fs.statSync(partial).size;
    if (bytes > PACKAGE_LIMIT_BYTES) {
      throw new AppError('CONFLICT', `Gói dữ liệu lớn hơn ${PACKAGE_LIMIT_BYTES / 1024 / 1024} MB. Hãy lập lại gói chỉ với ảnh thu nhỏ.`);
    }
    syncToDisk(partial);
    fs.renameSync(partial, file);
    writeTransaction(db, () => {
      statement(
        db,
        `INSERT INTO sent_packages (sequence, file_name, created_at, counts, content_hash, bytes, full_photos, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(sequence, fileName, createdAt, JSON.stringify(counts), hash, bytes, fullPhotos ? 1 : 0, actor);
      recordAudit(db, { staffId: actor, entity: 'settings', entityId: 'exchange', action: 'package_prepared', after: { sequence, bytes, counts } });
    });
    return { sequence, fileName, bytes, counts, createdAt, fullPhotos };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

interface SentRow {
  sequence: number;
  file_name: string;
  bytes: number;
  counts: string;
  created_at: string;
  full_photos: number;
}

const toSent = (row: SentRow): SentPackage => ({
  sequence: row.sequence,
  fileName: row.file_name,
  bytes: row.bytes,
  counts: JSON.parse(row.counts) as SentPackage['counts'],
  createdAt: row.created_at,
  fullPhotos: row.full_photos === 1,
});

const SENT_COLUMNS = 'sequence, file_name, bytes, counts, created_at, full_photos';

export function listSentPackages(db: Db): SentPackage[] {
  return statement<[], SentRow>(db, `SELECT ${SENT_COLUMNS} FROM sent_packages ORDER BY sequence DESC`).all().map(toSent);
}

/** The bytes of a package made here, for the clerk to save on a USB stick or attach to a message. */
export function downloadPackage(db: Db, dataDir: string, sequence: number) {
  const row = statement<[number], SentRow>(db, `SELECT ${SENT_COLUMNS} FROM sent_packages WHERE sequence = ?`).get(sequence);
  const file = row && path.join(sentFolder(dataDir), row.file_name);
  if (!row || !file || !fs.existsSync(file)) throw new AppError('NOT_FOUND', `Không còn tệp của gói dữ liệu số ${sequence}; hãy lập gói mới.`);
  return { fileName: row.file_name, mimeType: 'application/vnd.sqlite3', bytesBase64: fs.readFileSync(file).toString('base64') };
}
