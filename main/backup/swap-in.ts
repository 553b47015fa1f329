import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../core/data-dir';
import { syncFolder, writeFileDurably } from '../core/durable-file';
import { backupDatabase, backupDir, KEYS_FOLDER } from './folders';
import { restorePhotos } from './photos';

/**
 * With the database closed: the backup's copy replaces the database (written aside, synced,
 * then renamed over it, so a crash leaves the old file or the new, never half of one), the
 * old -wal and -shm go (they belong to the file replaced), keys/ becomes the backup's, and
 * photos the folder lost come back from the backups' photos/.
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
  if (fs.existsSync(savedKeys)) swapInKeys(savedKeys, keys);
  restorePhotos(dataDir);
}

/**
 * keys/ becomes the backup's file by file, each written whole and renamed over the one it
 * replaces: a crash midway leaves every key there, old or new, never a folder without the
 * office key (the app refuses to start without it; the soak found removing the folder first).
 */
function swapInKeys(savedKeys: string, keys: string): void {
  fs.mkdirSync(keys, { recursive: true });
  const saved = fs.readdirSync(savedKeys, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  for (const name of saved) writeFileDurably(path.join(keys, name), fs.readFileSync(path.join(savedKeys, name)));
  for (const name of fs.readdirSync(keys)) if (!saved.includes(name)) fs.rmSync(path.join(keys, name), { recursive: true, force: true });
}

