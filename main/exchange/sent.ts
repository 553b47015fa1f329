import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import type { SentPackage } from '../../shared/domain/exchange';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** Packages made here stay in the data folder until the clerk saves one where they want it. */
export const sentFolder = (dataDir: string) => path.join(dataDir, 'exchange', 'sent');

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
