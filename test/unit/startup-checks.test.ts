import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { migrate } from '../../main/db/open';
import { listBackups } from '../../main/backup/folders';
import { restoreAtStart } from '../../main/backup/start-findings';
import { callersOf, type Callers } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

/** One data folder per test, opened and closed as the app does at each start. */
const folders: Array<() => void> = [];
afterEach(() => {
  while (folders.length > 0) folders.pop()!();
});

function dataFolder(): { dir: string; file: string; open(): AppCore & Callers } {
  const temp = makeTempDir();
  const opened: AppCore[] = [];
  folders.push(() => {
    for (const core of opened) core.close();
    temp.remove();
  });
  return {
    dir: temp.dir,
    file: path.join(temp.dir, DATABASE_FILE),
    open() {
      const core = openAppCore({ dataDir: temp.dir, appVersion: '0.0.0-test' });
      opened.push(core);
      return { ...core, ...callersOf(core.dispatch) };
    },
  };
}

/** The first member of staff working (added if there is none yet), `venues` more venues. */
async function withVenues(core: Callers, venues: number): Promise<void> {
  const [first] = await core.call('staff.list', {});
  if (first) await core.call('session.start', { staffId: first.id });
  else await core.signIn();
  for (let i = 1; i <= venues; i++) await core.call('venues.create', { name: `Cơ sở ${i}`, acknowledgeDuplicates: true });
}

async function venueCount(core: Callers): Promise<number> {
  const staff = await core.call('staff.list', {});
  await core.call('session.start', { staffId: staff[0].id });
  return (await core.call('venues.list', { limit: 1 })).total;
}

const setAside = (dir: string) => fs.readdirSync(dir).filter((name) => name.includes('-wal.set-aside-'));

describe('start-up checks', () => {
  it('sets aside a crash-left -wal beside a database copied back, instead of opening on a mix', async () => {
    const folder = dataFolder();
    const first = folder.open();
    await withVenues(first, 3);
    first.close();
    const olderCopy = fs.readFileSync(folder.file);

    const second = folder.open();
    await withVenues(second, 2);
    // The log as a crash would leave it: its frames not yet merged into the file.
    const crashLog = fs.readFileSync(`${folder.file}-wal`);
    expect(crashLog.length).toBeGreaterThan(0);
    second.close();
    fs.writeFileSync(folder.file, olderCopy);
    fs.writeFileSync(`${folder.file}-wal`, crashLog);

    const reopened = folder.open();
    expect(setAside(folder.dir)).toHaveLength(1);
    expect(await venueCount(reopened)).toBe(3);
    await reopened.call('venues.create', { name: 'Cơ sở sau khi mở lại', acknowledgeDuplicates: true });
    reopened.close();
    const check = new Database(folder.file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('refuses a database with random bytes in a data page, naming the newest good backup, and writes nothing', async () => {
    const folder = dataFolder();
    const core = folder.open();
    await withVenues(core, 40);
    const backup = await core.call('backups.make', {});
    core.close();
    const db = new Database(folder.file, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const page = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'venues'").pluck().get() as number;
    db.close();
    const bytes = fs.readFileSync(folder.file);
    let seed = 12345;
    for (let i = 0; i < pageSize; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[(page - 1) * pageSize + i] = seed & 0xff;
    }
    fs.writeFileSync(folder.file, bytes);

    let thrown: unknown;
    try {
      folder.open();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'DB_DAMAGED', message: expect.stringContaining(backup.id) });
    expect(fs.readFileSync(folder.file).equals(bytes)).toBe(true);
  });

  it.each(['deleted', 'emptied'] as const)('refuses a %s database beside an existing keys/ folder, never starting as a new install', async (loss) => {
    const folder = dataFolder();
    const core = folder.open();
    await withVenues(core, 2);
    core.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(folder.file + suffix, { force: true });
    if (loss === 'deleted') fs.rmSync(folder.file);
    else fs.writeFileSync(folder.file, '');

    expect(() => folder.open()).toThrow(expect.objectContaining({ code: 'DB_MISSING', message: expect.stringContaining('keys/') }));
    expect(fs.existsSync(folder.file) ? fs.statSync(folder.file).size : 0).toBe(0);
  });

  it('names the newest good backup when the database is gone', async () => {
    const folder = dataFolder();
    const core = folder.open();
    await withVenues(core, 1);
    const backup = await core.call('backups.make', {});
    core.close();
    fs.rmSync(folder.file);
    expect(() => folder.open()).toThrow(expect.objectContaining({ code: 'DB_MISSING', message: expect.stringContaining(backup.id) }));
    expect(listBackups(folder.dir)).toHaveLength(1);
    // The start screen's 'Restore this backup': the app then starts on it.
    restoreAtStart(folder.dir, backup.id);
    expect(await venueCount(folder.open())).toBe(1);
  });

  it("sets aside a -wal from another database instead of replacing the register with its empty schema", async () => {
    const folder = dataFolder();
    const core = folder.open();
    await withVenues(core, 3);
    core.close();

    // Another database's log, its whole schema still unmerged.
    const other = makeTempDir();
    folders.push(other.remove);
    const otherFile = path.join(other.dir, DATABASE_FILE);
    const otherDb = new Database(otherFile);
    otherDb.pragma('journal_mode = WAL');
    otherDb.pragma('wal_autocheckpoint = 0');
    migrate(otherDb);
    fs.copyFileSync(`${otherFile}-wal`, `${folder.file}-wal`);
    otherDb.close();

    const reopened = folder.open();
    expect(setAside(folder.dir)).toHaveLength(1);
    expect(await venueCount(reopened)).toBe(3);
  });

  it('starts a new install where the folder holds nothing', async () => {
    const folder = dataFolder();
    const core = folder.open();
    expect(await core.call('staff.list', {})).toEqual([]);
  });
});
