import { z } from 'zod';

/** Why a backup was made: on a schedule, on request, or just before a change that is hard to undo. */
export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-import', 'before-merge', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A backup's folder name under <data>/backups: its time and reason, nothing a caller can steer elsewhere. */
export const BackupId = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z-]+$/, 'invalid');

/** What a verified backup holds, written beside it once the copy passed integrity_check and its counts matched. */
export const BackupManifest = z.object({
  id: BackupId,
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().int(),
  /** Rows in every table, as in the database at the moment of the copy. */
  counts: z.record(z.string(), z.number().int()),
  bytes: z.number().int(),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const BackupList = z.object({
  backups: z.array(BackupManifest),
  /** The newest verified backup's time, null when there is none. */
  lastGoodAt: z.string().nullable(),
  /** True when the newest backup is more than a day and a half old (a daily one was missed). */
  stale: z.boolean(),
});
export type BackupList = z.infer<typeof BackupList>;
