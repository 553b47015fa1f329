import type { BackupManifest } from '../../shared/domain/backups';
import { AppError } from '../../shared/api/result';
import type { Db } from '../db/open';
import { listBackups } from './folders';
import { makeBackup } from './make-backup';
import { bringBackFromSecondPlace } from './second-place';

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
 * Restore as the operation does it: the current state backed up first, then the chosen copy
 * opened. A backup only the second place holds is copied back into the data folder first.
 */
export async function restoreFromBackup(db: Db, dataDir: string, id: string, reopenOn: ReopenOn): Promise<Restored> {
  const restored = bringBackFromSecondPlace(db, dataDir, id) ?? findBackup(dataDir, id);
  const safetyCopy = await makeBackup(db, dataDir, 'before-restore');
  await reopenOn(id, safetyCopy.id);
  return { restored, safetyCopy };
}
