import fs from 'node:fs';
import path from 'node:path';
import type { BackupManifest, BackupReason } from '../../shared/domain/backups';
import { AppError } from '../../shared/api/result';
import { schemaVersionOf, type Db } from '../db/open';
import { backupDatabase, backupDir, backupIdFor, KEYS_FOLDER, MANIFEST_FILE } from './folders';
import { keepPhotos } from './photos';
import { rotateBackups } from './rotation';
import { copyToSecondPlace } from './second-place';
import { copyProblem, tableCounts } from './table-counts';

interface Started {
  id: string;
  file: string;
  counts: Record<string, number>;
  createdAt: Date;
}

/** The folder made and the source's counts taken; the caller copies the database into `file` next. */
function start(db: Db, dataDir: string, reason: BackupReason, now: Date): Started {
  const id = backupIdFor(now, reason);
  fs.mkdirSync(backupDir(dataDir, id), { recursive: true });
  return { id, file: backupDatabase(dataDir, id), counts: tableCounts(db), createdAt: now };
}

/**
 * The copy checked on its own (integrity_check, the same rows in every table), keys/ copied
 * beside it and new photos to the backups' shared photos/, then the manifest written last:
 * a backup without one never counts as good. Then the same at the second place, if chosen.
 */
function finish(db: Db, dataDir: string, reason: BackupReason, started: Started): BackupManifest {
  const folder = backupDir(dataDir, started.id);
  const problem = copyProblem(db, started.file, started.counts);
  if (problem) throw new Error(`backup ${started.id}: ${problem}`);
  const keys = path.join(dataDir, KEYS_FOLDER);
  if (fs.existsSync(keys)) fs.cpSync(keys, path.join(folder, KEYS_FOLDER), { recursive: true });
  keepPhotos(dataDir);
  const manifest: BackupManifest = {
    id: started.id,
    createdAt: started.createdAt.toISOString(),
    reason,
    schemaVersion: schemaVersionOf(db),
    counts: started.counts,
    bytes: fs.statSync(started.file).size,
  };
  fs.writeFileSync(path.join(folder, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  // The copy made before a restore must not rotate away the backup about to be restored.
  if (reason !== 'before-restore') rotateBackups(dataDir);
  copyToSecondPlace(db, dataDir, manifest);
  return manifest;
}

function failed(dataDir: string, id: string, error: unknown): never {
  fs.rmSync(backupDir(dataDir, id), { recursive: true, force: true });
  if (error instanceof AppError) throw error;
  throw new AppError('BACKUP_FAILED', `Không sao lưu được dữ liệu (${error instanceof Error ? error.message : String(error)}).`);
}

/**
 * A verified copy of the database and keys/ in <data>/backups/<time>-<reason>/, made with
 * SQLite's online backup: pages are copied in steps, so reads go on meanwhile. The caller
 * holds the write queue, so the counts taken before are those of the copy.
 */
export async function makeBackup(db: Db, dataDir: string, reason: BackupReason, now = new Date()): Promise<BackupManifest> {
  const started = start(db, dataDir, reason, now);
  try {
    await db.backup(started.file);
    return finish(db, dataDir, reason, started);
  } catch (error) {
    return failed(dataDir, started.id, error);
  }
}

/**
 * The same, at once, for the one place that cannot wait: opening the database, just before
 * a migration changes it. VACUUM INTO writes one consistent, compact copy.
 */
export function makeBackupNow(db: Db, dataDir: string, reason: BackupReason, now = new Date()): BackupManifest {
  const started = start(db, dataDir, reason, now);
  try {
    db.prepare('VACUUM INTO ?').run(started.file);
    return finish(db, dataDir, reason, started);
  } catch (error) {
    return failed(dataDir, started.id, error);
  }
}
