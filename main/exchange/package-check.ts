import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { PHOTO_LIMIT_BYTES } from '../../shared/domain/inspections';
import { verifyStrict } from '../codes/strict-ed25519';
import { openReadOnlyBeside, type Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { statement } from '../db/statements';
import { canonicalManifest, contentHash, FORMAT_NAME, hasTombstones, FORMAT_VERSION, Manifest, readManifestRows, SIGNATURE_KEY, tableCounts, type PackageKind } from './manifest';
import { findUnit } from '../units/service';
import { isUnder, landingOf, senderUnit } from './offices';
import { packageColumns, PACKAGE_TABLES, RECEIVED_TABLES, TOMBSTONES } from './package-tables';

/** A thumbnail is a few dozen KB; anything far larger is not one. */
export const THUMBNAIL_LIMIT_BYTES = 1024 * 1024;

export interface CheckedPackage {
  manifest: Manifest;
  /** The sending commune as this office's units name it, and where its records land. */
  sender: AdminUnit;
  landing: AdminUnit;
  /** The same package was received before: nothing to write. */
  alreadyReceived: boolean;
}

const notAPackage = (detail: string) =>
  new AppError('UNSUPPORTED_FILE', `Tệp này không phải gói dữ liệu Điểm QR dùng được: ${detail}. Chưa ghi gì.`);

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * The SQLite header says how many pages the file has (when its "valid-for" counter
 * matches the change counter): a file cut short in transit is refused before SQLite
 * reads a page of it.
 */
function checkHeader(file: string): void {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
    if (fs.readSync(fd, header, 0, 100, 0) < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw notAPackage('không phải tệp .diemqr');
  } finally {
    fs.closeSync(fd);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countValid && pageSize * header.readUInt32BE(28) !== size) throw notAPackage('tệp bị cắt cụt hoặc không đầy đủ');
}

/** The tables and columns this app reads are all there. */
function checkTables(reader: Db, appDb: Db): void {
  const names = new Set(reader.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name));
  const missing = ['manifest', ...PACKAGE_TABLES].filter((table) => !names.has(table));
  if (missing.length > 0) throw notAPackage(`thiếu bảng ${missing.join(', ')}`);
  for (const table of [...RECEIVED_TABLES, 'admin_units'] as const) {
    const present = new Set(reader.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((row) => row.name));
    const absent = packageColumns(appDb, table).filter((column) => !present.has(column.name));
    if (absent.length > 0) throw notAPackage(`bảng ${table} thiếu cột ${absent.map((column) => column.name).join(', ')}`);
  }
}

function readManifest(reader: Db): { manifest: Manifest; rows: Record<string, unknown> } {
  const rows = readManifestRows(reader, 'main');
  if (rows.format !== FORMAT_NAME) throw notAPackage('không có phần mô tả gói');
  const formatVersion = Number(rows.formatVersion);
  const schemaVersion = Number(rows.schemaVersion);
  if (formatVersion > FORMAT_VERSION || schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `Gói dữ liệu được lập bằng phiên bản mới hơn của Điểm QR (định dạng ${formatVersion}, lược đồ ${schemaVersion}; ứng dụng này đọc được đến ` +
        `định dạng ${FORMAT_VERSION}, lược đồ ${LATEST_SCHEMA_VERSION}). Hãy cập nhật ứng dụng rồi nhận lại. Chưa ghi gì.`,
    );
  }
  const parsed = Manifest.safeParse(rows);
  if (!parsed.success) throw notAPackage('phần mô tả gói không đọc được');
  return { manifest: parsed.data, rows };
}

/** Signed by a key this office trusts, and that key belongs to the commune the package names. */
function checkSignature(appDb: Db, rows: Record<string, unknown>, manifest: Manifest): { boundTo: string | null } {
  const trusted = statement<[string], { public_key: string; commune_id: string | null }>(
    appDb,
    'SELECT public_key, commune_id FROM trusted_keys WHERE key_id = ?',
  ).get(manifest.signerKeyId);
  if (!trusted) {
    refusedBy(`khoá ký ${manifest.signerKeyId} của "${manifest.officeName}" chưa được tin cậy ở văn phòng này (Cài đặt → Khoá tin cậy)`, 'untrustedKey', {
      keyId: manifest.signerKeyId,
      office: manifest.officeName,
    });
  }
  const signature = Buffer.from(typeof rows[SIGNATURE_KEY] === 'string' ? rows[SIGNATURE_KEY] : '', 'base64');
  const genuine = verifyStrict(signature, canonicalManifest(rows), Buffer.from(trusted.public_key, 'base64'));
  if (!genuine) refusedBy('chữ ký không hợp lệ, gói đã bị sửa hoặc không do văn phòng gửi ký', 'badSignature');
  return { boundTo: trusted.commune_id };
}

/** Refused with the reason in Vietnamese, and as `exchange.refusals.<key>` for a UI in English. */
function refusedBy(detail: string, key: string, values: Record<string, string | number> = {}): never {
  throw new AppError('FORBIDDEN', `Không nhận gói dữ liệu: ${detail}. Chưa ghi gì.`).says(key, values);
}

/**
 * Where a package may land at this office: the kind of package it takes, and the sender
 * and landing unit for the manifest and the unit the signing key is bound to.
 */
export interface PackagePlace {
  kind: PackageKind;
  place(appDb: Db, manifest: Manifest, boundTo: string | null): { sender: AdminUnit; landing: AdminUnit };
}

/** At an upper office: a commune under it, signed by that commune's key (or the key of the commune it was merged into). */
export const fromCommuneUnder = (upper: AdminUnit): PackagePlace => ({
  kind: 'commune',
  place(appDb, manifest, boundTo) {
    const sender = senderUnit(appDb, upper.id, { id: manifest.communeId, officialCode: manifest.communeOfficialCode, name: manifest.communeName });
    if (!sender) refusedBy(`${manifest.communeName} không có trong danh mục đơn vị hành chính của văn phòng này`, 'unknownCommune', { commune: manifest.communeName });
    const landing = landingOf(appDb, sender);
    if (!isUnder(appDb, landing.id, upper.id)) refusedBy(`${sender.name} không thuộc ${upper.name}`, 'notUnder', { commune: sender.name, upper: upper.name });
    if (boundTo !== sender.id && boundTo !== landing.id) {
      const owner = boundTo === null ? 'chưa được gắn với xã nào' : `là khoá của ${findUnit(appDb, boundTo)?.name ?? 'đơn vị khác'}`;
      refusedBy(`khoá ký ${manifest.signerKeyId} ${owner}, không phải khoá của ${sender.name}`, 'notTheCommunesKey', { keyId: manifest.signerKeyId, commune: sender.name });
    }
    return { sender, landing };
  },
});

/**
 * At a commune office: a return package for this commune, signed by a key trusted as the
 * upper office's (bound to a province or district above this commune). The sender is that
 * upper unit; the package names the commune as the upper office's units do, matched here
 * by id, statistics code or name.
 */
export const fromUpperOfficeOf = (home: AdminUnit): PackagePlace => ({
  kind: 'return',
  place(appDb, manifest, boundTo) {
    const upper = boundTo === null ? undefined : findUnit(appDb, boundTo);
    if (!upper || upper.level === 'commune' || !isUnder(appDb, home.id, upper.id)) {
      const owner = upper ? `là khoá của ${upper.name}` : 'chưa được gắn với đơn vị nào';
      refusedBy(`khoá ký ${manifest.signerKeyId} ${owner}, không phải khoá của văn phòng cấp trên của ${home.name}`, 'notTheUpperOfficesKey', {
        keyId: manifest.signerKeyId,
        commune: home.name,
      });
    }
    const named = senderUnit(appDb, upper.id, { id: manifest.communeId, officialCode: manifest.communeOfficialCode, name: manifest.communeName });
    if (!named || landingOf(appDb, named).id !== home.id) {
      refusedBy(`gói này dành cho ${manifest.communeName}, không phải ${home.name}`, 'forAnotherCommune', { commune: manifest.communeName, home: home.name });
    }
    return { sender: upper, landing: home };
  },
});

const KIND_NAMES: Record<PackageKind, string> = {
  commune: 'gói dữ liệu của một xã gửi lên văn phòng cấp trên',
  return: 'gói trả về của văn phòng cấp trên gửi xuống xã',
};

/** Newer than the last package from that commune; the very same package again is answered as already received. */
function isAlreadyReceived(appDb: Db, sender: AdminUnit, manifest: Manifest): boolean {
  const same = statement<[string, number], { content_hash: string }>(
    appDb,
    'SELECT content_hash FROM received_packages WHERE commune_id = ? AND sequence = ?',
  ).get(sender.id, manifest.sequence);
  if (same?.content_hash === manifest.contentHash) return true;
  const last = statement<[string], { sequence: number | null }>(appDb, 'SELECT max(sequence) AS sequence FROM received_packages WHERE commune_id = ?')
    .get(sender.id)?.sequence;
  if (same || (last != null && manifest.sequence < last)) {
    throw new AppError(
      'CONFLICT',
      `Không nhận gói dữ liệu: gói số ${manifest.sequence} của ${sender.name} cũ hơn hoặc trùng số với gói đã nhận (số ${last}). ` +
        'Hãy nhận gói mới nhất của xã. Chưa ghi gì.',
    ).says('older', { sequence: manifest.sequence, sender: sender.name, last: last ?? manifest.sequence });
  }
  return false;
}

/**
 * An incremental adds to one package only: the last one received from that commune. Any
 * other base (one never received, or older than the last) would leave rows out of step.
 */
function checkBase(appDb: Db, reader: Db, sender: AdminUnit, manifest: Manifest): void {
  if (!manifest.base) return;
  if (!hasTombstones(reader, 'main')) throw notAPackage(`gói bổ sung thiếu bảng ${TOMBSTONES}`);
  const last = statement<[string], { sequence: number; content_hash: string }>(
    appDb,
    'SELECT sequence, content_hash FROM received_packages WHERE commune_id = ? ORDER BY sequence DESC LIMIT 1',
  ).get(sender.id);
  if (last?.sequence === manifest.base.sequence && last.content_hash === manifest.base.contentHash) return;
  const held = last ? `gói số ${last.sequence}` : 'chưa có gói nào';
  throw new AppError(
    'CONFLICT',
    `Không nhận gói dữ liệu: gói bổ sung số ${manifest.sequence} của ${sender.name} nối tiếp gói số ${manifest.base.sequence}, ` +
      `văn phòng này đang có ${held} của xã. Hãy đề nghị xã gửi gói đầy đủ. Chưa ghi gì.`,
  ).says('baseDiffers', { sequence: manifest.sequence, sender: sender.name, base: manifest.base.sequence, held: last?.sequence ?? 0 });
}

function checkContent(reader: Db, manifest: Manifest): void {
  const counts = tableCounts(reader, 'main');
  const differing = PACKAGE_TABLES.filter((table) => counts[table] !== manifest.counts[table]);
  if (differing.length > 0) refusedBy(`số bản ghi không khớp phần mô tả (${differing.join(', ')}), gói đã bị sửa`, 'countsDiffer', { tables: differing.join(', ') });
  if (contentHash(reader, 'main') !== manifest.contentHash) refusedBy('nội dung không khớp mã băm đã ký, gói đã bị sửa', 'hashDiffers');
  const oversized = reader
    .prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM photo_files WHERE length(thumbnail) > ? OR length(full) > ?')
    .get(THUMBNAIL_LIMIT_BYTES, PHOTO_LIMIT_BYTES)!.n;
  if (oversized > 0) throw notAPackage(`${oversized} ảnh vượt quá giới hạn dung lượng`);
}

/**
 * Everything a package must pass before a single row is written: a whole SQLite file
 * with the expected tables, a format this app knows, a valid signature by a trusted key
 * bound to the commune, a commune under this office, a sequence newer than the last one,
 * and content matching the signed hash and counts. `file` is a temp copy, read only.
 */
export function checkPackage(appDb: Db, where: PackagePlace, file: string): CheckedPackage {
  checkHeader(file);
  let reader: Db | undefined;
  try {
    reader = openReadOnlyBeside(appDb, file);
    checkTables(reader, appDb);
    const { manifest, rows } = readManifest(reader);
    if (manifest.kind !== where.kind) {
      refusedBy(`đây là ${KIND_NAMES[manifest.kind]}, văn phòng này chỉ nhận ${KIND_NAMES[where.kind]}`, manifest.kind === 'return' ? 'returnPackageAtUpperOffice' : 'communePackageAtCommuneOffice');
    }
    const { boundTo } = checkSignature(appDb, rows, manifest);
    const { sender, landing } = where.place(appDb, manifest, boundTo);
    // The content is checked even for a package already received: an altered copy of it is refused, not welcomed back.
    checkContent(reader, manifest);
    const alreadyReceived = isAlreadyReceived(appDb, sender, manifest);
    if (!alreadyReceived) checkBase(appDb, reader, sender, manifest);
    return { manifest, sender, landing, alreadyReceived };
  } catch (error) {
    if (!(error instanceof Database.SqliteError)) throw error;
    // SQLite's own complaint (not a database, malformed pages): a damaged or cut file.
    throw notAPackage('tệp bị hỏng hoặc không đầy đủ');
  } finally {
    reader?.close();
  }
}
