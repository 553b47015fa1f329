import fs from 'node:fs';
import path from 'node:path';
import { BackupManifest, type BackupReason } from '../../shared/domain/backups';
import { DATABASE_FILE } from '../core/data-dir';

export const BACKUPS_FOLDER = 'backups';
export const KEYS_FOLDER = 'keys';
export const MANIFEST_FILE = 'manifest.json';

export const backupsDir = (dataDir: string) => path.join(dataDir, BACKUPS_FOLDER);
export const backupDir = (dataDir: string, id: string) => path.join(backupsDir(dataDir), id);
export const backupDatabase = (dataDir: string, id: string) => path.join(backupDir(dataDir, id), DATABASE_FILE);

/** A folder name that sorts by time: 2026-12-01T13-05-18-123Z-daily. */
export const backupIdFor = (at: Date, reason: BackupReason) => `${at.toISOString().replaceAll(':', '-').replace('.', '-')}-${reason}`;

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null; // a manifest cut short by a crash: the backup never finished
  }
}

/** The verified backups in the data folder, newest first. */
export const listBackups = (dataDir: string): BackupManifest[] => listBackupsIn(backupsDir(dataDir));

/**
 * The verified backups under `root` (the data folder's backups/, or the second place's),
 * newest first. A folder without a readable manifest is a copy that never finished: not listed.
 */
export function listBackupsIn(root: string): BackupManifest[] {
  if (!fs.existsSync(root)) return [];
  const manifests: BackupManifest[] = [];
  for (const name of fs.readdirSync(root)) {
    const file = path.join(root, name, MANIFEST_FILE);
    if (!fs.existsSync(file)) continue;
    const parsed = BackupManifest.safeParse(readJson(file));
    if (parsed.success && parsed.data.id === name && fs.existsSync(path.join(root, name, DATABASE_FILE))) manifests.push(parsed.data);
  }
  return manifests.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
