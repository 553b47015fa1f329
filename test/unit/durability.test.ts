import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileDurably } from '../../main/core/durable-file';
import { createFileLogger } from '../../main/core/logger';
import { storageFailure } from '../../main/core/storage-failure';
import { openDatabase } from '../../main/db/open';
import { makeTempDir } from '../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => {
  vi.restoreAllMocks();
  temp?.remove();
});

describe('what the clerk was told is saved is on disk', () => {
  it('the database syncs its log at every commit (synchronous = FULL)', () => {
    temp = makeTempDir();
    const db = openDatabase(path.join(temp.dir, 'db.sqlite3'));
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('a file written durably is forced to disk, then its folder, and leaves nothing half-written', () => {
    temp = makeTempDir();
    const synced = vi.spyOn(fs, 'fsyncSync');
    const file = path.join(temp.dir, 'office.key');
    writeFileDurably(file, 'secret');
    expect(fs.readFileSync(file, 'utf8')).toBe('secret');
    expect(synced.mock.calls.length).toBeGreaterThanOrEqual(process.platform === 'win32' ? 1 : 2);
    expect(fs.readdirSync(temp.dir)).toEqual(['office.key']);
  });
});

describe('the log never fails the work it describes', () => {
  it('a data folder where the log cannot be written still logs without throwing', () => {
    temp = makeTempDir();
    // "logs" is a file, so neither the folder nor the log inside it can be made: as on a full or read-only disk.
    fs.writeFileSync(path.join(temp.dir, 'logs'), '');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = createFileLogger(temp.dir);
    expect(() => log.error('import commit failed', new Error('SQLITE_FULL'))).not.toThrow();
    expect(() => log.info('started')).not.toThrow();
  });
});

describe('a disk that refuses says why, not "lỗi ngoài dự kiến"', () => {
  const failureOf = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      return storageFailure(error);
    }
    throw new Error('expected the disk to refuse');
  };

  it('full, read-only and held by another program each get their own sentence', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'db.sqlite3');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT)');
    // As on a full disk: SQLite may not grow the file past its present pages.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const full = failureOf(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)));
    expect(full).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('đã đầy') });

    const readOnly = new Database(file, { readonly: true });
    expect(failureOf(() => readOnly.exec("INSERT INTO t VALUES ('y')"))).toMatchObject({ code: 'READ_ONLY', message: expect.stringContaining('chỉ cho đọc') });
    readOnly.close();

    db.pragma('max_page_count = 1000000');
    db.exec('BEGIN IMMEDIATE');
    const other = new Database(file, { timeout: 0 });
    expect(failureOf(() => other.exec("INSERT INTO t VALUES ('z')"))).toMatchObject({ code: 'FILE_LOCKED', message: expect.stringContaining('chương trình khác') });
    db.exec('ROLLBACK');
    other.close();
    db.close();
    expect(storageFailure(new Error('something else'))).toBeNull();
  });
});
