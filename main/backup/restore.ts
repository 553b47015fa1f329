import fs from 'node:fs';
import path from 'node:path';
import type { BackupManifest } from '../../shared/domain/backups';
import { AppError } from '../../shared/api/result';
import { DATABASE_FILE } from '../core/data-dir';
import type { Db } from '../db/open';
import { syncFolder } from '../core/durable-file';
import { backupDatabase, backupDir, KEYS_FOLDER, listBackups } from './folders';
import { makeBackup } from './make-backup';

export interface Restored {
  restored: BackupManifest;
  safetyCopy: BackupManifest;
}

/** Closes the open database, puts backup `id` in its place and opens the core again on it (on `fallbackId` if it fails). */
export type ReopenOn = (id: string, fallbackId: string) => Promise<void>;

export function findBackup(dataDir: string, id: string): BackupManifest {
  const found = listBackups(dataDir).find((backup) => backup.id === id);
  if (!found) throw new AppError('NOT_FOUND', `Không có bản sao lưu "${id}".`, 'id');
  return found;
}

/**
 * With the database closed: the backup's copy replaces the database (written aside, synced,
 * then renamed over it, so a crash leaves the old file or the new, never half of one), the
 * old -wal and -shm go (they belong to the file replaced), and keys/ becomes the backup's.
 */
export function swapInBackup(dataDir: string, id: string): void {
  const target = path.join(dataDir, DATABASE_FILE);
  const aside = `${target}.restoring`;
  fs.copyFileSync(backupDatabase(dataDir, id), aside);
  const fd = fs.openSync(aside, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const leftover of [`${target}-wal`, `${target}-shm`]) fs.rmSync(leftover, { force: true });
  fs.renameSync(aside, target);
  syncFolder(dataDir);
  const keys = path.join(dataDir, KEYS_FOLDER);
  const savedKeys = path.join(backupDir(dataDir, id), KEYS_FOLDER);
  if (fs.existsSync(savedKeys)) {
    fs.rmSync(keys, { recursive: true, force: true });
    fs.cpSync(savedKeys, keys, { recursive: true });
  }
}

/** Restore as the operation does it: the current state backed up first, then the chosen copy opened. */
export async function restoreFromBackup(db: Db, dataDir: string, id: string, reopenOn: ReopenOn): Promise<Restored> {
  const restored = findBackup(dataDir, id);
  const safetyCopy = await makeBackup(db, dataDir, 'before-restore');
  await reopenOn(id, safetyCopy.id);
  return { restored, safetyCopy };
}
