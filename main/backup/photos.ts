import fs from 'node:fs';
import path from 'node:path';
import { backupsDir } from './folders';

/** Where photos live in the data folder, and where backups keep them. */
export const PHOTOS_FOLDER = 'photos';

const photosIn = (root: string): string[] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    : [];

/** Copies the files of `from` that `to` lacks; returns how many. */
export function copyMissing(from: string, to: string): number {
  let copied = 0;
  for (const relative of photosIn(from)) {
    const target = path.join(to, relative);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Aside then renamed: a crash never leaves a half photo that a later run would take as kept.
    fs.copyFileSync(path.join(from, relative), `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    copied++;
  }
  return copied;
}

/**
 * A photo is written once under its own name and never changed, so backups keep photos
 * once, in backups/photos, shared by every backup: each backup copies only the photos that
 * came since (incremental), and rotation never removes them (a kept backup may name any).
 */
export const keepPhotos = (dataDir: string): number => copyMissing(path.join(dataDir, PHOTOS_FOLDER), path.join(backupsDir(dataDir), PHOTOS_FOLDER));

/** After a restore, the photos its database names that photos/ lost come back from the backups. */
export const restorePhotos = (dataDir: string): number => copyMissing(path.join(backupsDir(dataDir), PHOTOS_FOLDER), path.join(dataDir, PHOTOS_FOLDER));
