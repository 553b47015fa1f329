import type { backupOperations } from '../../shared/api/operations/backups';
import type { BackupList } from '../../shared/domain/backups';
import type { HandlersOf } from '../core/dispatcher';
import type { HandlerContext } from '../core/handlers';
import { DAILY_AFTER_MS } from './daily';
import { listBackups } from './folders';
import { exportFullCopy, unpackFullCopy } from './full-copy';
import { makeBackup } from './make-backup';
import { backupsOnlyAtSecondPlace, chooseSecondPlace, secondPlaceStatus } from './second-place';

/** Old means a daily backup was missed: more than a day and a half since the newest. */
const STALE_AFTER_MS = DAILY_AFTER_MS * 1.5;

export function backupList(dataDir: string, now = new Date()): BackupList {
  const backups = listBackups(dataDir);
  const lastGoodAt = backups[0]?.createdAt ?? null;
  return {
    backups,
    elsewhere: backupsOnlyAtSecondPlace(dataDir),
    secondPlace: secondPlaceStatus(dataDir),
    lastGoodAt,
    stale: lastGoodAt === null || now.getTime() - Date.parse(lastGoodAt) > STALE_AFTER_MS,
  };
}

/** The backup operations mapped to their services. */
export function backupHandlers(context: HandlerContext): HandlersOf<typeof backupOperations> {
  const { db, dataDir, appVersion } = context;
  return {
    'backups.list': () => backupList(dataDir),
    'backups.make': () => makeBackup(db, dataDir, 'manual'),
    'backups.restore': ({ id }) => context.restoreBackup(id),
    'backups.setSecondPlace': ({ folder }) => chooseSecondPlace(db, dataDir, folder),
    'backups.exportFull': async () => {
      const { fileName, bytes } = await exportFullCopy(db, dataDir, appVersion);
      return { fileName, mimeType: 'application/zip', bytesBase64: bytes.toString('base64') };
    },
    'backups.openFull': async ({ bytesBase64 }) => {
      const unpacked = await unpackFullCopy(db, dataDir, Buffer.from(bytesBase64, 'base64'));
      return context.restoreBackup(unpacked.id);
    },
  };
}
