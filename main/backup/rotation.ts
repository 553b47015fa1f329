import fs from 'node:fs';
import path from 'node:path';
import type { BackupManifest } from '../../shared/domain/backups';
import { backupsDir, listBackupsIn } from './folders';

/** How many of each kind stay: the newest backup of each of the last 7 days, 4 weeks and 12 months. */
export const KEEP = { daily: 7, weekly: 4, monthly: 12, newest: 3 } as const;

const day = (iso: string) => iso.slice(0, 10);
const month = (iso: string) => iso.slice(0, 7);
/** Monday-based week, as the number of weeks since the epoch's Monday (1970-01-05). */
const week = (iso: string) => String(Math.floor((Date.parse(day(iso)) - Date.UTC(1970, 0, 5)) / (7 * 86_400_000)));

/** The newest backup of each of the `count` most recent periods. */
function newestPerPeriod(backups: readonly BackupManifest[], periodOf: (iso: string) => string, count: number): string[] {
  const kept = new Map<string, string>();
  for (const backup of backups) {
    const period = periodOf(backup.createdAt);
    if (!kept.has(period) && kept.size < count) kept.set(period, backup.id);
  }
  return [...kept.values()];
}

/** The ids rotation keeps, from backups listed newest first. */
export function backupsToKeep(backups: readonly BackupManifest[]): Set<string> {
  return new Set([
    ...backups.slice(0, KEEP.newest).map((backup) => backup.id),
    ...newestPerPeriod(backups, day, KEEP.daily),
    ...newestPerPeriod(backups, week, KEEP.weekly),
    ...newestPerPeriod(backups, month, KEEP.monthly),
  ]);
}

/** Removes verified backups rotation no longer keeps; unfinished copies are left to `makeBackup`'s own clean-up. */
export const rotateBackups = (dataDir: string): string[] => rotateBackupsIn(backupsDir(dataDir));

/** The same under any backups root: the second place keeps what the data folder keeps. */
export function rotateBackupsIn(root: string): string[] {
  const backups = listBackupsIn(root);
  const keep = backupsToKeep(backups);
  const removed = backups.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
  for (const id of removed) fs.rmSync(path.join(root, id), { recursive: true, force: true });
  return removed;
}
