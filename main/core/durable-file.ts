import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file that must survive a power cut whole or not at all: written aside, forced
 * to disk, renamed over the target, then the folder forced too so the rename itself is
 * kept. A crash at any point leaves either no file or the complete one.
 */
export function writeFileDurably(file: string, data: string | Uint8Array, mode = 0o600): void {
  const partial = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(partial, 'w', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  syncFolder(path.dirname(file));
}

/** Windows cannot open a folder to sync it (EPERM/EISDIR); NTFS journals the rename itself there. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EISDIR' && code !== 'EINVAL') throw error;
  } finally {
    fs.closeSync(fd);
  }
}
