import { z } from 'zod';

/** Why a backup was made: on a schedule, on request, or just before a change that is hard to undo. */
export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-import', 'before-merge', 'before-restore', 'full-copy'] as const;
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

/**
 * The second place (a USB stick, another drive) every good backup is copied to as well.
 * `behindSince` is set when the newest backups are not there (the place is missing, or
 * copying failed): the date of the last copy that got there, or when the place was chosen.
 */
export const SecondPlaceStatus = z.object({
  folder: z.string(),
  lastCopiedAt: z.string().nullable(),
  behindSince: z.string().nullable(),
});
export type SecondPlaceStatus = z.infer<typeof SecondPlaceStatus>;

/** An absolute folder path typed or picked by an admin; null stops copying to a second place. */
export const SetSecondPlace = z.object({ folder: z.string().trim().min(1).max(1000).nullable() });

export const BackupList = z.object({
  backups: z.array(BackupManifest),
  /** Backups found only at the second place (a restore copies one back first). */
  elsewhere: z.array(BackupManifest),
  secondPlace: SecondPlaceStatus.nullable(),
  /** The newest verified backup's time, null when there is none. */
  lastGoodAt: z.string().nullable(),
  /** True when the newest backup is more than a day and a half old (a daily one was missed). */
  stale: z.boolean(),
});
export type BackupList = z.infer<typeof BackupList>;

/** A full copy travels whole through the page (as base64): photos included, 300 MB at most. */
export const FULL_COPY_LIMIT_BYTES = 300 * 1024 * 1024;

/** A full copy (.diemqr-backup) to open, as the page read it from the chosen file. */
export const OpenFullCopy = z.object({
  fileName: z.string().max(255),
  bytesBase64: z.string().max(Math.ceil((FULL_COPY_LIMIT_BYTES * 4) / 3) + 16),
});
