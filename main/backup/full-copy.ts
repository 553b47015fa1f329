import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { AppError } from '../../shared/api/result';
import type { BackupManifest } from '../../shared/domain/backups';
import { DATABASE_FILE } from '../core/data-dir';
import { schemaVersionOf, type Db } from '../db/open';
import { backupDir, backupIdFor, backupsDir, KEYS_FOLDER, MANIFEST_FILE } from './folders';
import { makeBackup } from './make-backup';
import { PHOTOS_FOLDER } from './photos';
import { copyProblem } from './table-counts';

/**
 * A full copy is one zip file (.diemqr-backup) for moving the office to a new PC: a
 * verified copy of the database, keys/ and photos/, and full-copy.json naming the app and
 * schema versions, the row counts and the sha256 of every other entry. Opening one checks
 * all of it before anything is written.
 */
export const FULL_COPY_EXTENSION = '.diemqr-backup';
const FULL_COPY_MANIFEST = 'full-copy.json';
const FORMAT = 'diemqr-full-copy-1';

const FullCopyManifest = z.object({
  format: z.literal(FORMAT),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.number().int()),
  /** sha256 (hex) of every entry but this manifest, by its path in the zip. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
type FullCopyManifest = z.infer<typeof FullCopyManifest>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const filesUnder = (root: string): string[] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    : [];

/** What goes in: the database of a backup just made and verified, its keys/, and every photo the data folder holds. */
export async function exportFullCopy(db: Db, dataDir: string, appVersion: string): Promise<{ fileName: string; bytes: Buffer }> {
  const backup = await makeBackup(db, dataDir, 'manual');
  const folder = backupDir(dataDir, backup.id);
  const entries = new Map<string, string>([[DATABASE_FILE, path.join(folder, DATABASE_FILE)]]);
  for (const name of filesUnder(path.join(folder, KEYS_FOLDER))) entries.set(`${KEYS_FOLDER}/${name}`, path.join(folder, KEYS_FOLDER, name));
  for (const name of filesUnder(path.join(dataDir, PHOTOS_FOLDER))) entries.set(`${PHOTOS_FOLDER}/${name}`, path.join(dataDir, PHOTOS_FOLDER, name));
  const zip = new JSZip();
  const files: Record<string, string> = {};
  for (const [name, file] of entries) {
    const bytes = fs.readFileSync(file);
    files[name] = sha256(bytes);
    zip.file(name, bytes);
  }
  const manifest: FullCopyManifest = { format: FORMAT, appVersion, schemaVersion: backup.schemaVersion, createdAt: backup.createdAt, counts: backup.counts, files };
  zip.file(FULL_COPY_MANIFEST, JSON.stringify(manifest, null, 2));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { fileName: `DiemQR-ban-sao-day-du-${backup.createdAt.slice(0, 10)}${FULL_COPY_EXTENSION}`, bytes };
}

const refuse = (why: string, reason: string) =>
  new AppError('UNSUPPORTED_FILE', `Không mở được bản sao đầy đủ: ${why} Chưa thay đổi gì.`).says(`backups.fullCopy.refused.${reason}`);

/** Only the database, keys/<name> and photos/<path>: nothing a crafted zip could steer elsewhere. */
const SAFE_ENTRY = /^(keys\/[^/\\.][^/\\]*|photos\/(?:[^/\\.][^/\\]*\/)*[^/\\.][^/\\]*)$/;
const isSafeEntry = (name: string) => name === DATABASE_FILE || SAFE_ENTRY.test(name);

/** An entry's bytes, or null when it is missing or cannot be inflated (a damaged file). */
async function entryBytes(zip: JSZip, name: string): Promise<Uint8Array | null> {
  try {
    return (await zip.file(name)?.async('uint8array')) ?? null;
  } catch {
    return null;
  }
}

async function readChecked(bytes: Buffer, currentSchema: number): Promise<{ manifest: FullCopyManifest; contents: Map<string, Uint8Array> }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw refuse('tệp không phải bản sao đầy đủ của Điểm QR (không đọc được như tệp nén).', 'foreign');
  }
  const manifestEntry = zip.file(FULL_COPY_MANIFEST);
  if (!manifestEntry) throw refuse('tệp không phải bản sao đầy đủ của Điểm QR (không có full-copy.json).', 'foreign');
  let parsed: ReturnType<typeof FullCopyManifest.safeParse>;
  try {
    parsed = FullCopyManifest.safeParse(JSON.parse(await manifestEntry.async('string')));
  } catch {
    throw refuse('phần mô tả full-copy.json bị hỏng.', 'damaged');
  }
  if (!parsed.success) throw refuse('tệp không phải bản sao đầy đủ của Điểm QR (phần mô tả không đúng mẫu).', 'foreign');
  const manifest = parsed.data;
  if (manifest.schemaVersion > currentSchema) {
    throw refuse(`bản sao do phiên bản mới hơn của ứng dụng tạo (${manifest.appVersion}). Hãy cập nhật Điểm QR trước.`, 'newer');
  }
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir && name !== FULL_COPY_MANIFEST);
  const listed = Object.keys(manifest.files);
  if (!listed.includes(DATABASE_FILE) || listed.some((name) => !isSafeEntry(name)) || names.some((name) => !Object.hasOwn(manifest.files, name))) {
    throw refuse('nội dung tệp không khớp với phần mô tả.', 'damaged');
  }
  const contents = new Map<string, Uint8Array>();
  for (const name of listed) {
    const content = await entryBytes(zip, name);
    if (!content || sha256(content) !== manifest.files[name]) throw refuse(`phần ${name} bị thiếu hoặc đã bị sửa (mã sha256 không khớp).`, 'damaged');
    contents.set(name, content);
  }
  return { manifest, contents };
}

/** integrity_check ok and the manifest's counts; a file SQLite cannot even open is damaged too. */
function databaseMatches(db: Db, file: string, counts: Record<string, number>): boolean {
  try {
    return copyProblem(db, file, counts) === null;
  } catch {
    return false;
  }
}

/**
 * A full copy checked whole (manifest, every hash, the schema not newer than this app's),
 * unpacked as a backup of this data folder and verified again (integrity_check and the
 * manifest's counts); the caller then restores it as any backup, the current state backed up first.
 */
export async function unpackFullCopy(db: Db, dataDir: string, bytes: Buffer, now = new Date()): Promise<BackupManifest> {
  const { manifest, contents } = await readChecked(bytes, schemaVersionOf(db));
  const id = backupIdFor(now, 'full-copy');
  const folder = backupDir(dataDir, id);
  fs.mkdirSync(path.join(folder, KEYS_FOLDER), { recursive: true });
  try {
    for (const [name, content] of contents) {
      // Photos join the backups' shared photos/, where a restore brings them back from.
      const target = name.startsWith(`${PHOTOS_FOLDER}/`) ? path.join(backupsDir(dataDir), name) : path.join(folder, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (!fs.existsSync(target) || !name.startsWith(`${PHOTOS_FOLDER}/`)) fs.writeFileSync(target, content);
    }
    if (!databaseMatches(db, path.join(folder, DATABASE_FILE), manifest.counts)) {
      throw refuse('cơ sở dữ liệu trong tệp bị hỏng hoặc không khớp số bản ghi.', 'damaged');
    }
    const unpacked: BackupManifest = {
      id,
      createdAt: now.toISOString(),
      reason: 'full-copy',
      schemaVersion: manifest.schemaVersion,
      counts: manifest.counts,
      bytes: contents.get(DATABASE_FILE)!.length,
    };
    fs.writeFileSync(path.join(folder, MANIFEST_FILE), JSON.stringify(unpacked, null, 2));
    return unpacked;
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
