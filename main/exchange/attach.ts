import type { Db } from '../db/open';

/**
 * Runs `work` with a package file attached as schema `package`, so records move between
 * it and the app's tables in single INSERT … SELECT statements. The path is always one
 * this office chose (its own data folder or a temp copy), never one read from a package.
 */
export function withAttachedPackage<T>(db: Db, file: string, work: () => T): T {
  db.prepare('ATTACH DATABASE ? AS package').run(file);
  try {
    return work();
  } finally {
    db.exec('DETACH DATABASE package');
  }
}
