import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../core/data-dir';
import { syncFolder, writeFileDurably } from '../core/durable-file';
import { backupDatabase, backupDir, KEYS_FOLDER } from './folders';
import { restorePhotos } from './photos';

/**
 * Written (durably) before a swap touches anything and removed once it is whole: the
 * database and keys/ are replaced one after the other, and a crash between the two would
 * leave a database with another state's keys. The next start finds the journal and
 * completes the swap from the same backup, which is still there, before opening anything.
 */
export const SWAP_JOURNAL_FILE = 'restore-journal.json';

const journalFile = (dataDir: string) => path.join(dataDir, SWAP_JOURNAL_FILE);

/**
 * With the database closed: the backup's copy replaces the database (written aside, synced,
 * then renamed over it, so a crash leaves the old file or the new, never half of one), the
 * old -wal and -shm go (they belong to the file replaced), keys/ becomes the backup's, and
 * photos the folder lost come back from the backups' photos/. All of it or, after a crash
 * and the next start's `finishInterruptedSwap`, all of it still.
 */
export function swapInBackup(dataDir: string, id: string): void {
  writeFileDurably(journalFile(dataDir), JSON.stringify({ id }));
  replaceFromBackup(dataDir, id);
  fs.rmSync(journalFile(dataDir), { force: true });
  syncFolder(dataDir);
}

/**
 * At start, before the database opens: a swap a crash cut short is done again from its
 * backup (every step can be repeated). Returns the backup's id, or null when none was cut short.
 */
export function finishInterruptedSwap(dataDir: string): string | null {
  const file = journalFile(dataDir);
  if (!fs.existsSync(file)) return null;
  // Written aside and renamed: a journal there is whole.
  const { id } = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string };
  if (fs.existsSync(backupDatabase(dataDir, id))) replaceFromBackup(dataDir, id);
  fs.rmSync(file, { force: true });
  syncFolder(dataDir);
  return id;
}

function replaceFromBackup(dataDir: string, id: string): void {
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
