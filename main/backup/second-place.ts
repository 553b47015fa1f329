import fs from 'node:fs';
import path from 'node:path';
import type { BackupManifest, SecondPlaceStatus } from '../../shared/domain/backups';
import { AppError } from '../../shared/api/result';
import { DATABASE_FILE } from '../core/data-dir';
import { writeFileDurably } from '../core/durable-file';
import type { Db } from '../db/open';
import { backupsDir, KEYS_FOLDER, listBackups, listBackupsIn, MANIFEST_FILE } from './folders';
import { copyMissing, PHOTOS_FOLDER } from './photos';
import { rotateBackupsIn } from './rotation';
import { copyProblem } from './table-counts';

/** Where the choice is kept: a path on this PC, not part of the data, so in backups/ (a restore does not change it). */
const CHOICE_FILE = 'second-place.json';
/** Backups go in a folder of their own at the chosen place, beside whatever else the stick holds. */
export const SECOND_PLACE_FOLDER = 'DiemQR-backups';

interface Choice {
  folder: string;
  chosenAt: string;
  lastCopiedAt: string | null;
  /** Why the newest backup did not get there; null after a good copy. */
  problem: string | null;
}

const choiceFile = (dataDir: string) => path.join(backupsDir(dataDir), CHOICE_FILE);
const rootOf = (choice: Choice) => path.join(choice.folder, SECOND_PLACE_FOLDER);
const isFolder = (folder: string) => fs.existsSync(folder) && fs.statSync(folder).isDirectory();

function readChoice(dataDir: string): Choice | null {
  try {
    return JSON.parse(fs.readFileSync(choiceFile(dataDir), 'utf8')) as Choice;
  } catch {
    return null; // never chosen
  }
}

function saveChoice(dataDir: string, choice: Choice | null): void {
  if (choice === null) fs.rmSync(choiceFile(dataDir), { force: true });
  else {
    fs.mkdirSync(backupsDir(dataDir), { recursive: true });
    writeFileDurably(choiceFile(dataDir), JSON.stringify(choice, null, 2));
  }
}

/** The second place as Settings and the dashboard show it; a place unplugged since the last copy counts as behind at once. */
export function secondPlaceStatus(dataDir: string): SecondPlaceStatus | null {
  const choice = readChoice(dataDir);
  if (!choice) return null;
  const behind = choice.problem !== null || choice.lastCopiedAt === null || !isFolder(choice.folder);
  return { folder: choice.folder, lastCopiedAt: choice.lastCopiedAt, behindSince: behind ? (choice.lastCopiedAt ?? choice.chosenAt) : null };
}

/** Backups at the second place that the data folder does not hold (when the place is there). */
export function backupsOnlyAtSecondPlace(dataDir: string): BackupManifest[] {
  const choice = readChoice(dataDir);
  if (!choice || !isFolder(choice.folder)) return [];
  const here = new Set(listBackups(dataDir).map((backup) => backup.id));
  return listBackupsIn(rootOf(choice)).filter((backup) => !here.has(backup.id));
}

/**
 * Copies the verified backup `id` from `fromRoot` to `toRoot`, checked again where it lands
 * (integrity_check and the manifest's counts), photos the other side lacks along, manifest last.
 */
function copyBackupVerified(db: Db, fromRoot: string, toRoot: string, manifest: BackupManifest): void {
  const from = path.join(fromRoot, manifest.id);
  const to = path.join(toRoot, manifest.id);
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  try {
    fs.copyFileSync(path.join(from, DATABASE_FILE), path.join(to, DATABASE_FILE));
    const problem = copyProblem(db, path.join(to, DATABASE_FILE), manifest.counts);
    if (problem) throw new Error(problem);
    if (fs.existsSync(path.join(from, KEYS_FOLDER))) fs.cpSync(path.join(from, KEYS_FOLDER), path.join(to, KEYS_FOLDER), { recursive: true });
    copyMissing(path.join(fromRoot, PHOTOS_FOLDER), path.join(toRoot, PHOTOS_FOLDER));
    fs.writeFileSync(path.join(to, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  } catch (error) {
    fs.rmSync(to, { recursive: true, force: true });
    throw error;
  }
}

/**
 * After each good backup: the same copy at the second place too, verified there and rotated
 * as in the data folder. A place that is missing (stick unplugged) or failing never fails
 * the backup itself: the problem is kept for Settings and the dashboard to warn about.
 */
export function copyToSecondPlace(db: Db, dataDir: string, manifest: BackupManifest): void {
  const choice = readChoice(dataDir);
  if (!choice) return;
  try {
    if (!isFolder(choice.folder)) throw new Error('the folder is not there');
    copyBackupVerified(db, backupsDir(dataDir), rootOf(choice), manifest);
    rotateBackupsIn(rootOf(choice));
    saveChoice(dataDir, { ...choice, lastCopiedAt: manifest.createdAt, problem: null });
  } catch (error) {
    saveChoice(dataDir, { ...choice, problem: error instanceof Error ? error.message : String(error) });
  }
}

/** An admin's choice: an existing folder outside the data folder; the newest backup goes there at once. */
export function chooseSecondPlace(db: Db, dataDir: string, folder: string | null, now = new Date()): SecondPlaceStatus | null {
  if (folder === null) {
    saveChoice(dataDir, null);
    return null;
  }
  if (!path.isAbsolute(folder)) {
    throw new AppError('INVALID_INPUT', 'Nơi sao lưu thứ hai phải là đường dẫn đầy đủ tới một thư mục (ví dụ E:\\ hoặc /media/usb).', 'folder', 'invalid');
  }
  const resolved = path.resolve(folder);
  if (!isFolder(resolved)) throw new AppError('INVALID_INPUT', `Nơi sao lưu thứ hai: không thấy thư mục "${resolved}". Hãy cắm USB hoặc chọn thư mục khác.`, 'folder', 'unknown_reference');
  const inside = path.relative(path.resolve(dataDir), resolved);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new AppError('INVALID_INPUT', 'Nơi sao lưu thứ hai phải ở ngoài thư mục dữ liệu (tốt nhất là USB hoặc ổ đĩa khác).', 'folder', 'out_of_range');
  }
  saveChoice(dataDir, { folder: resolved, chosenAt: now.toISOString(), lastCopiedAt: null, problem: null });
  const newest = listBackups(dataDir)[0];
  if (newest) copyToSecondPlace(db, dataDir, newest);
  return secondPlaceStatus(dataDir);
}

/** A backup only the second place holds, copied back into the data folder (verified) so it restores as any other. */
export function bringBackFromSecondPlace(db: Db, dataDir: string, id: string): BackupManifest | null {
  const choice = readChoice(dataDir);
  const found = backupsOnlyAtSecondPlace(dataDir).find((backup) => backup.id === id);
  if (!choice || !found) return null;
  copyBackupVerified(db, rootOf(choice), backupsDir(dataDir), found);
  return found;
}

