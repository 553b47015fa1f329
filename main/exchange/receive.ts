import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import { PACKAGE_LIMIT_BYTES, type ReceivedPackage } from '../../shared/domain/exchange';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { requireStaff, type Session } from '../session/session';
import { requireUpperOffice } from './offices';
import { getSettings } from '../settings/service';
import { getUnit } from '../units/service';
import { checkPackage, fromCommuneUnder, fromUpperOfficeOf, type PackagePlace } from './package-check';
import { receiveRecords } from './replace';
import { inflatePackage } from './compression';

/**
 * An upper office takes its communes' packages; a commune office with its commune chosen
 * takes the return packages of the upper office above it.
 */
function packagesTakenHere(db: Db): PackagePlace {
  const settings = getSettings(db);
  if (settings.officeKind === 'commune' && settings.homeCommuneId !== null) return fromUpperOfficeOf(getUnit(db, settings.homeCommuneId));
  return fromCommuneUnder(requireUpperOffice(db));
}

/**
 * Receives a commune's package at the upper office, or the upper office's return package
 * at the commune: written to a private temp copy, checked in full (package-check.ts),
 * then written in one transaction (replace.ts). The same package twice changes nothing and says so.
 */
export function receivePackage(db: Db, session: Session, upload: { fileName: string; bytesBase64: string }): ReceivedPackage {
  const actor = requireStaff(session);
  const where = packagesTakenHere(db);
  const bytes = Buffer.from(upload.bytesBase64, 'base64');
  if (bytes.length > PACKAGE_LIMIT_BYTES) {
    throw new AppError('UNSUPPORTED_FILE', `Gói dữ liệu lớn hơn ${PACKAGE_LIMIT_BYTES / 1024 / 1024} MB, không nhận. Chưa ghi gì.`);
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'diemqr-package-'));
  try {
    const file = path.join(temp, 'package.sqlite3');
    fs.writeFileSync(file, inflatePackage(bytes));
    const checked = checkPackage(db, where, file);
    if (!checked.alreadyReceived) receiveRecords(db, actor, checked, file, bytes.length);
    const { manifest, sender, landing } = checked;
    const receivedAt =
      statement<[string, number], { received_at: string }>(db, 'SELECT received_at FROM received_packages WHERE commune_id = ? AND sequence = ?')
        .get(sender.id, manifest.sequence)?.received_at ?? nowIso();
    return {
      communeId: sender.id,
      communeName: sender.name,
      landedInId: landing.id,
      landedInName: landing.name,
      officeName: manifest.officeName,
      sequence: manifest.sequence,
      createdAt: manifest.createdAt,
      receivedAt,
      counts: manifest.counts,
      alreadyReceived: checked.alreadyReceived,
    };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
