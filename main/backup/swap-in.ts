import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../core/data-dir';
import { syncFolder } from '../core/durable-file';
import { backupDatabase, backupDir, KEYS_FOLDER } from './folders';

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

