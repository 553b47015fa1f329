import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import { PACKAGE_LIMIT_BYTES, type PackageCounts, type SentPackage } from '../../shared/domain/exchange';
import { foldVietnamese } from '../../shared/text/fold';
import { recordAudit } from '../audit/service';
import type { OfficeKey } from '../codes/office-key';
import { nowIso } from '../core/clock';
import { schemaVersionOf, type Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { officeNameOf } from '../posters/poster-data';
import { requireStaff, type Session } from '../session/session';
import { getSettings } from '../settings/service';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { findUnit, getUnit } from '../units/service';
import { contentHash, FORMAT_NAME, FORMAT_VERSION, tableCounts, writeManifest, type PackageKind } from './manifest';
import { isUnder, requireUpperOffice } from './offices';
import { copyRecords } from './package-copy';
import { sentFolder } from './sent';
import { withAttachedPackage } from './attach';
import { compressPackage } from './compression';
import { keepOnlyState, lastBase, requireBase, stateFile, writeDelta, type PackageBase } from './incremental';

export interface ExchangeContext {
  db: Db;
  session: Session;
  dataDir: string;
  officeKey: OfficeKey;
  appVersion: string;
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
export function preparePackage(context: ExchangeContext, fullPhotos: boolean, incremental = false): SentPackage {
  const actor = requireStaff(context.session);
  const commune = getUnit(context.db, requireCommuneOffice(context.db));
  return makePackage(context, actor, commune, 'commune', fullPhotos, incremental ? requireBase(context.db, context.dataDir) : null);
}

/** Whether an incremental package can be made here now, and on which package it builds. */
export function sendChoice(context: ExchangeContext): { incrementalBase: number | null } {
  requireCommuneOffice(context.db);
  return { incrementalBase: lastBase(context.db, context.dataDir)?.sequence ?? null };
}

/**
 * Makes a return package at an upper office for one commune under it: the office's own
 * rounds, visits, findings, actions and reprint requests about that commune's venues, in
 * the same format and signed the same way. Its sequence follows every package made here.
 */
export function prepareReturnPackage(context: ExchangeContext, communeId: string, fullPhotos: boolean): SentPackage {
  const actor = requireStaff(context.session);
  const upper = requireUpperOffice(context.db);
  const commune = findUnit(context.db, communeId);
  if (commune?.level !== 'commune' || !isUnder(context.db, commune.id, upper.id)) {
    throw new AppError('INVALID_INPUT', `Chỉ lập được gói trả về cho một xã thuộc ${upper.name}.`, 'communeId', 'unknown_reference');
  }
  return makePackage(context, actor, commune, 'return', fullPhotos, null);
}

function makePackage(
  { db, dataDir, officeKey, appVersion }: ExchangeContext,
  actor: string,
  commune: AdminUnit,
  kind: PackageKind,
  fullPhotos: boolean,
  base: PackageBase | null,
): SentPackage {
  const sequence = (statement<[], { last: number | null }>(db, 'SELECT max(sequence) AS last FROM sent_packages').get()?.last ?? 0) + 1;
  const createdAt = nowIso();
  const fileName = fileNameFor(kind === 'return' ? `tra-ve-${foldVietnamese(commune.name)}` : commune.name, sequence, createdAt);
  fs.mkdirSync(sentFolder(dataDir), { recursive: true });
  const file = path.join(sentFolder(dataDir), fileName);
  // The commune's whole state is built first; a full package is that state signed, an
  // incremental is its difference from the base. The state is kept for the next incremental.
  const state = `${file}.state.partial`;
  const partial = `${file}.partial`;
  for (const leftover of [state, partial]) fs.rmSync(leftover, { force: true });
  try {
    const { counts, hash } = withAttachedPackage(db, base ? state : partial, () => {
      // A half-written package is thrown away, never recovered: no journal, no syncs until it is whole.
      db.pragma('package.journal_mode = OFF');
      db.pragma('package.synchronous = OFF');
      writeTransaction(db, () => {
        copyRecords(db, dataDir, commune.id, fullPhotos, kind);
      });
      const sign = (schema: string, made: { counts: PackageCounts; hash: string }) =>
        writeManifest(db, schema, officeKey, {
        format: FORMAT_NAME,
        kind,
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
        base: base && { sequence: base.sequence, contentHash: base.contentHash },
        counts: made.counts,
        contentHash: made.hash,
        signerKeyId: officeKey.keyId,
        signerPublicKey: officeKey.publicKey.toString('base64'),
      });
      if (base) return writeDelta(db, base.file, partial, (made) => sign('delta', made));
      const made = { counts: tableCounts(db, 'package'), hash: contentHash(db, 'package') };
      sign('package', made);
      return made;
    });
    if (base) fs.writeFileSync(partial, compressPackage(fs.readFileSync(partial)));
    const bytes = fs.statSync(partial).size;
    if (bytes > PACKAGE_LIMIT_BYTES) {
      throw new AppError('CONFLICT', `Gói dữ liệu lớn hơn ${PACKAGE_LIMIT_BYTES / 1024 / 1024} MB. Hãy lập lại gói chỉ với ảnh thu nhỏ.`);
    }
    syncToDisk(partial);
    fs.renameSync(partial, file);
    if (kind === 'commune') {
      if (base) {
        syncToDisk(state);
        fs.renameSync(state, stateFile(dataDir, sequence));
      }
      else fs.copyFileSync(file, stateFile(dataDir, sequence));
    }
    writeTransaction(db, () => {
      statement(
        db,
        `INSERT INTO sent_packages (sequence, file_name, created_at, counts, content_hash, bytes, full_photos, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(sequence, fileName, createdAt, JSON.stringify(counts), hash, bytes, fullPhotos ? 1 : 0, actor);
      recordAudit(db, {
        staffId: actor,
        entity: 'settings',
        entityId: 'exchange',
        action: 'package_prepared',
        after: { sequence, bytes, counts, kind, communeId: commune.id, baseSequence: base?.sequence ?? null },
      });
    });
    if (kind === 'commune') keepOnlyState(dataDir, sequence);
    return { sequence, fileName, bytes, counts, createdAt, fullPhotos, ...(base && { baseSequence: base.sequence }) };
  } finally {
    for (const leftover of [state, partial]) fs.rmSync(leftover, { force: true });
  }
}
