import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import { DATABASE_FILE } from '../core/data-dir';
import { KEYS_FOLDER, listBackups } from './folders';
import { swapInBackup } from './swap-in';

const two = (n: number) => String(n).padStart(2, '0');
/** dd/MM/yyyy HH:mm in Vietnam's time (UTC+7, no summer time). */
function vietnamTime(iso: string): string {
  const at = new Date(Date.parse(iso) + 7 * 3_600_000);
  return `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}

/** The newest verified backup in words, or that there is none. */
export function newestBackupSentence(dataDir: string): { sentence: string; id: string | null } {
  const newest = listBackups(dataDir)[0];
  if (!newest) return { sentence: 'Chưa có bản sao lưu nào trong thư mục backups.', id: null };
  const venues = newest.counts.venues ?? 0;
  const staff = newest.counts.staff ?? 0;
  return {
    sentence: `Bản sao lưu tốt gần nhất: ${vietnamTime(newest.createdAt)} (${venues} cơ sở, ${staff} cán bộ), thư mục backups/${newest.id}.`,
    id: newest.id,
  };
}

/**
 * A missing or emptied database where keys/ or backups show this PC had data is a loss,
 * not a new install: refused, saying what was found and the newest good backup, so that
 * nothing is created over it.
 */
export function refuseLostDatabase(dataDir: string, found: 'missing' | 'empty'): void {
  const keys = path.join(dataDir, KEYS_FOLDER);
  const evidence: string[] = [];
  if (fs.existsSync(keys) && fs.readdirSync(keys).length > 0) evidence.push('khoá ký của văn phòng (keys/)');
  const backups = listBackups(dataDir).length;
  if (backups > 0) evidence.push(`${backups} bản sao lưu (backups/)`);
  if (evidence.length === 0) return; // a new install
  const what = found === 'missing' ? `Không thấy tệp dữ liệu ${DATABASE_FILE}` : `Tệp dữ liệu ${DATABASE_FILE} trống`;
  const newest = newestBackupSentence(dataDir);
  throw new AppError(
    'DB_MISSING',
    `${what}, nhưng thư mục dữ liệu có ${evidence.join(' và ')}: máy này đã có dữ liệu. ` +
      `Ứng dụng không bắt đầu lại từ đầu để khỏi ghi đè. ${newest.sentence}`,
  ).says(`startup.${found}`, { backup: newest.id ?? '' });
}

/** A damaged database's refusal, completed with the newest good backup to restore. */
export function withNewestBackup(dataDir: string, error: AppError): AppError {
  const newest = newestBackupSentence(dataDir);
  const completed = new AppError(error.code, `${error.message} ${newest.sentence}`);
  return completed.says(error.sentence?.key ?? 'startup.damaged', { ...error.sentence?.values, backup: newest.id ?? '' });
}

/**
 * The start screen's answer to a refusal: what is there (damaged file, its -wal and -shm)
 * moved into set-aside-<time>/ for whoever wants to look, then backup `id` put in place.
 * The database is not open: this runs before the engine starts again.
 */
export function restoreAtStart(dataDir: string, id: string): string {
  const aside = path.join(dataDir, `set-aside-${new Date().toISOString().replaceAll(':', '-')}`);
  fs.mkdirSync(aside, { recursive: true });
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
    const file = path.join(dataDir, name);
    if (fs.existsSync(file)) fs.renameSync(file, path.join(aside, name));
  }
  swapInBackup(dataDir, id);
  return aside;
}
