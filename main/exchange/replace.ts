import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { withAttachedPackage } from './attach';
import type { CheckedPackage } from './package-check';
import type { PackageKind } from './manifest';
import { foreignTargets, packageColumns, PACKAGE_KEYS, quoted, RECEIVED_TABLES, TOMBSTONES, type RecordTable } from './package-tables';
import { OUTCOME_COLUMNS, returnedRow } from './returned';

/** Columns the receiving office sets itself instead of taking the package's value. */
const LOCAL_VALUES: Partial<Record<RecordTable, Record<string, string>>> = {
  // Paths in the sender's data folder mean nothing here: the bytes live in received_photos.
  finding_photos: { stored_as: "''", thumbnail: "''" },
};

/**
 * The package's commune means, here, the unit its records land in (itself, or the commune
 * it was merged into). Its villages keep their ids: those not known here are added under
 * that commune, so two old communes' villages of the same name stay two villages.
 */
function mapUnits(db: Db, { manifest, landing }: CheckedPackage): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS exchange_unit_map (from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL)');
  db.exec('DELETE FROM temp.exchange_unit_map');
  db.prepare('INSERT INTO temp.exchange_unit_map (from_id, to_id) VALUES (?, ?)').run(manifest.communeId, landing.id);
  db.prepare(
    `INSERT INTO main.admin_units (id, parent_id, level, name, name_folded, official_code, code_prefix, is_example, merged_into_id, retired_at, created_at, updated_at, version)
     SELECT id, ?, 'village', name, name_folded, NULL, NULL, 0, NULL, retired_at, created_at, updated_at, 1 FROM package.admin_units
     WHERE level = 'village' AND id NOT IN (SELECT id FROM main.admin_units)`,
  ).run(landing.id);
}

/** A clashing row as the message names it: scan counts by venue code and day, other rows by key. */
function describeClash(db: Db, table: RecordTable, key: Record<string, string>): string {
  if (table !== 'scan_counts') return `bản ghi ${Object.values(key).join(' / ')} (${table})`;
  const venue = db.prepare<[string], { code: string }>('SELECT code FROM package.venues WHERE id = ?').get(key.venue_id);
  return `số lượt quét của cơ sở ${venue?.code ?? key.venue_id} từ ngày ${key.first_day}`;
}

/**
 * Rows the package would write over that are not this sender's earlier rows (the office's
 * own, or another commune's), and venue codes another commune already uses here. The
 * upper office's own records it returned to this commune come back in the commune's
 * package: those are matched (see takeOutcomes), not a clash. CROSS JOIN keeps the
 * package outside and looks each of its rows up by key here: left to itself SQLite scanned
 * the whole register here for every package, so receiving 150 communes grew quadratically.
 */
function refuseClashes(db: Db, { sender }: CheckedPackage): void {
  for (const table of RECEIVED_TABLES) {
    const keys = PACKAGE_KEYS[table];
    const returned = returnedRow(table, 'm');
    const clash = db
      .prepare<{ commune: string }, Record<string, string>>(
        `SELECT ${keys.map((key) => `p.${quoted(key)} AS ${quoted(key)}`).join(', ')} FROM package.${table} p
         CROSS JOIN main.${table} m ON ${keys.map((key) => `m.${quoted(key)} = p.${quoted(key)}`).join(' AND ')}
         WHERE m.received_from IS NOT @commune ${returned ? `AND NOT (${returned})` : ''} LIMIT 1`,
      )
      .get({ commune: sender.id });
    if (clash) {
      throw new AppError(
        'CONFLICT',
        `Không nhận gói dữ liệu: ${describeClash(db, table, clash)} đã có ở văn phòng này từ nguồn khác. Chưa ghi gì.`,
      );
    }
  }
  const code = db
    .prepare<[string], { code: string }>(
      'SELECT p.code FROM package.venues p CROSS JOIN main.venues m ON m.code = p.code AND m.id != p.id WHERE m.received_from IS NOT ? LIMIT 1',
    )
    .get(sender.id);
  if (code) {
    throw new AppError(
      'CONFLICT',
      `Không nhận gói dữ liệu: mã cơ sở ${code.code} của ${sender.name} trùng với một cơ sở đã có ở văn phòng này. ` +
        'Hãy đặt tiền tố mã cơ sở riêng cho từng xã (Cài đặt → Đơn vị hành chính) rồi lập lại gói. Chưa ghi gì.',
    );
  }
}

const sameKey = (table: RecordTable, left: string, right: string) =>
  PACKAGE_KEYS[table].map((key) => `${left}.${quoted(key)} = ${right}.${quoted(key)}`).join(' AND ');

/**
 * The upper office's own records that came back in the commune's package stay the upper
 * office's rows; what the commune did about them (an action done, a reprint request
 * cleared) is copied onto them.
 */
function takeOutcomes(db: Db, table: RecordTable): void {
  const columns = OUTCOME_COLUMNS[table];
  if (!columns) return;
  db.prepare(
    `UPDATE main.${table} AS m SET ${columns.map((column) => `${quoted(column)} = p.${quoted(column)}`).join(', ')}
     FROM package.${table} AS p WHERE ${sameKey(table, 'm', 'p')} AND m.received_from IS NULL`,
  ).run();
}

/**
 * INSERT … SELECT of one table: staff of the sender are not staff here, units go through
 * the map. A commune's package skips the upper office's own rows it carries back; a
 * return package adds only records not received before (the commune's outcome on those
 * stays), and a unit the upper office names that this office does not know is left empty.
 */
function insertFromPackage(db: Db, table: RecordTable, senderId: string, kind: PackageKind, incremental: boolean): void {
  const targets = foreignTargets(db, table);
  const columns = packageColumns(db, table).map((column) => column.name);
  const valueOf = (name: string) => {
    const local = LOCAL_VALUES[table]?.[name];
    if (local !== undefined) return local;
    const target = targets.get(name);
    if (target === 'staff') return 'NULL';
    if (target === 'admin_units') {
      const unmapped = kind === 'return' ? `(SELECT id FROM main.admin_units WHERE id = p.${quoted(name)})` : `p.${quoted(name)}`;
      return `coalesce((SELECT to_id FROM temp.exchange_unit_map WHERE from_id = p.${quoted(name)}), ${unmapped})`;
    }
    return `p.${quoted(name)}`;
  };
  const skip =
    kind === 'return'
      ? `WHERE NOT EXISTS (SELECT 1 FROM main.${table} m WHERE ${sameKey(table, 'm', 'p')})`
      : `WHERE NOT EXISTS (SELECT 1 FROM main.${table} m WHERE ${sameKey(table, 'm', 'p')} AND m.received_from IS NULL)`;
  db.prepare(
    `INSERT INTO main.${table} (${columns.map(quoted).join(', ')}, received_from)
     SELECT ${columns.map(valueOf).join(', ')}, ? FROM package.${table} p ${skip} ${incremental ? updateChanged(table, columns) : ''}`,
  ).run(senderId);
}

/**
 * An incremental's changed rows are updated in place, never deleted and added again: a
 * deleted venue would take its phone numbers with it (ON DELETE CASCADE).
 */
function updateChanged(table: RecordTable, columns: string[]): string {
  const keys = PACKAGE_KEYS[table];
  const others = columns.filter((column) => !keys.includes(column));
  const target = `ON CONFLICT (${keys.map(quoted).join(', ')})`;
  return others.length === 0 ? `${target} DO NOTHING` : `${target} DO UPDATE SET ${others.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ')}`;
}

/** An incremental's tombstones: the sender's rows it no longer has, and their photos' bytes. */
function removeDeleted(db: Db, senderId: string): void {
  const keysOf = (table: string, count: number) =>
    `SELECT ${Array.from({ length: count }, (_, index) => `json_extract(key, '$[${index}]')`).join(', ')} FROM package.${TOMBSTONES} WHERE table_name = '${table}'`;
  for (const table of [...RECEIVED_TABLES].reverse()) {
    const keys = PACKAGE_KEYS[table];
    db.prepare(`DELETE FROM main.${table} WHERE received_from = ? AND (${keys.map(quoted).join(', ')}) IN (${keysOf(table, keys.length)})`).run(senderId);
  }
  db.prepare(`DELETE FROM main.received_photos WHERE received_from = ? AND photo_id IN (${keysOf('photo_files', 1)})`).run(senderId);
}

/**
 * Writes a checked package in one transaction: foreign keys are checked at commit, so an
 * interrupted or refused receive leaves the previous state. A commune's full package
 * replaces everything it sent before; its incremental removes its tombstoned rows and
 * adds or updates the rest; a return package adds the upper office's new records.
 */
export function receiveRecords(db: Db, actor: string, checked: CheckedPackage, file: string, bytes: number): void {
  const { manifest, sender, landing } = checked;
  const { kind } = manifest;
  const incremental = manifest.base !== null;
  try {
    withAttachedPackage(db, file, () =>
      writeTransaction(db, () => {
        db.pragma('defer_foreign_keys = ON');
        refuseClashes(db, checked);
        mapUnits(db, checked);
        if (incremental) removeDeleted(db, sender.id);
        else if (kind === 'commune') {
          statement(db, 'DELETE FROM received_photos WHERE received_from = ?').run(sender.id);
          for (const table of [...RECEIVED_TABLES].reverse()) db.prepare(`DELETE FROM main.${table} WHERE received_from = ?`).run(sender.id);
        }
        for (const table of RECEIVED_TABLES) insertFromPackage(db, table, sender.id, kind, incremental);
        if (kind === 'commune') for (const table of RECEIVED_TABLES) takeOutcomes(db, table);
        db.prepare(
          `INSERT INTO main.received_photos (photo_id, received_from, thumbnail, full)
           SELECT photo_id, ?, thumbnail, full FROM package.photo_files
           WHERE photo_id IN (SELECT id FROM main.finding_photos WHERE received_from = ?) AND photo_id NOT IN (SELECT photo_id FROM main.received_photos)`,
        ).run(sender.id, sender.id);
        statement(
          db,
          `INSERT INTO received_packages (commune_id, sequence, landed_in_id, office_name, created_at, received_at, counts, content_hash, key_id, bytes, received_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(sender.id, manifest.sequence, landing.id, manifest.officeName, manifest.createdAt, nowIso(), JSON.stringify(manifest.counts),
          manifest.contentHash, manifest.signerKeyId, bytes, actor);
        recordAudit(db, {
          staffId: actor,
          entity: 'unit',
          entityId: landing.id,
          action: 'package_received',
          after: { senderId: sender.id, kind, sequence: manifest.sequence, counts: manifest.counts },
        });
      }),
    );
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('CONFLICT', `Không nhận gói dữ liệu của ${sender.name}: gói thiếu bản ghi mà dữ liệu ở văn phòng này còn tham chiếu tới. Chưa ghi gì.`);
    }
    throw error;
  }
}
