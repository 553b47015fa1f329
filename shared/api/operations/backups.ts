import { z } from 'zod';
import { BackupId, BackupList, BackupManifest, OpenFullCopy, SecondPlaceStatus, SetSecondPlace } from '../../domain/backups';
import { ReportFile } from '../../domain/reports';
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
  'backups.setSecondPlace': operation({
    summary:
      'Chọn nơi sao lưu thứ hai (USB, ổ đĩa khác), sao bản mới nhất sang ngay; null để bỏ / choose the second place for backups, copying the newest there at once; null to stop',
    kind: 'write',
    roles: ['admin'],
    input: SetSecondPlace,
    output: SecondPlaceStatus.nullable(),
  }),
  'backups.exportFull': operation({
    summary:
      'Xuất bản sao đầy đủ (.diemqr-backup): dữ liệu đã kiểm tra, khoá, ảnh và mô tả có mã sha256 / export a full copy as one file, to open on a new PC',
    kind: 'write',
    roles: ['admin'],
    input: z.object({}),
    output: ReportFile,
  }),
  'backups.openFull': operation({
    summary:
      'Mở bản sao đầy đủ: kiểm tra mô tả và mã sha256, sao lưu hiện trạng trước, rồi khôi phục / open a full copy, checked whole, the current state backed up first',
    kind: 'write',
    roles: ['admin'],
    input: OpenFullCopy,
    output: z.object({ restored: BackupManifest, safetyCopy: BackupManifest }),
  }),
};
