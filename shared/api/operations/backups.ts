import { z } from 'zod';
import { BackupId, BackupList, BackupManifest } from '../../domain/backups';
import { operation } from '../operation';

/** Backups of the data folder (database and keys) and restoring one. */
export const backupOperations = {
  'backups.list': operation({
    summary: 'Các bản sao lưu, ngày và số bản ghi / backups with their date and counts',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: BackupList,
  }),
  'backups.make': operation({
    summary: 'Sao lưu ngay / back up now',
    kind: 'write',
    roles: 'staff',
    input: z.object({}),
    output: BackupManifest,
  }),
  'backups.restore': operation({
    summary: 'Khôi phục một bản sao lưu (sao lưu hiện trạng trước) / restore a backup, backing up the current state first',
    kind: 'write',
    roles: ['admin'],
    input: z.object({ id: BackupId }),
    output: z.object({ restored: BackupManifest, safetyCopy: BackupManifest }),
  }),
};
