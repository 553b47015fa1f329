import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import type { BackupManifest } from '../../shared/domain/backups';
import { openAppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase } from '../../main/db/open';
import { MIGRATIONS } from '../../main/db/migrations';
import { backupsToKeep } from '../../main/backup/rotation';
import { backupDir, listBackups, listBackupsIn } from '../../main/backup/folders';
import { finishInterruptedSwap, swapInBackup } from '../../main/backup/swap-in';
import { tableNames } from '../../main/backup/table-counts';
import { useFreshCore, type TestCore } from '../support/core';
import { semicolonCsv } from '../support/import-fixtures';
import { makeTempDir } from '../support/temp-dir';

const freshCore = useFreshCore();

/** Every row of every table, as sorted JSON lines: equal dumps mean identical content. */
function dumpAll(dataDir: string): Record<string, string[]> {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const dump: Record<string, string[]> = {};
    // wal_owner names the file's own epoch, new at each open: bookkeeping of the file, not content.
    for (const table of tableNames(db).filter((name) => name !== 'wal_owner')) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all();
      dump[table] = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).sort();
    }
    return dump;
  } finally {
    db.close();
  }
}

/** A core with an admin working, the example units and two venues. */
async function registerWithData(): Promise<TestCore> {
  const core = freshCore();
  const admin = await core.call('staff.create', { name: 'Lê Văn Quản', role: 'admin' });
  await core.call('session.start', { staffId: admin.id });
  await core.call('units.seedExample', {});
  await core.call('venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
  await core.call('venues.create', { name: 'Quán Cà phê Gió', type: 'shop' });
  return core;
}

describe('backups', () => {
  it('copies the database and keys/, verified, with the rows of every table counted', async () => {
    const core = await registerWithData();
    const made = await core.call('backups.make', {});
    expect(made.reason).toBe('manual');
    expect(made.counts).toMatchObject({ venues: 2, staff: 1 });
    const folder = backupDir(core.dataDir, made.id);
    expect(fs.readdirSync(path.join(folder, 'keys'))).toEqual(fs.readdirSync(path.join(core.dataDir, 'keys')));
    const copy = new Database(path.join(folder, DATABASE_FILE), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const listed = await core.call('backups.list', {});
    expect(listed.backups.map((backup) => backup.id)).toEqual([made.id]);
    expect(listed).toMatchObject({ lastGoodAt: made.createdAt, stale: false });
  });

  it('restore round trip: the restored database equals the backed-up one in every table', async () => {
    const core = await registerWithData();
    const before = dumpAll(core.dataDir);
    const made = await core.call('backups.make', {});
    await core.call('venues.create', { name: 'Nhà nghỉ Hoa Sen', type: 'shop' });
    await core.call('settings.update', { officeName: 'UBND xã Kỳ Bắc (đổi sau sao lưu)' });
    expect(dumpAll(core.dataDir)).not.toEqual(before);

    const { restored, safetyCopy } = await core.call('backups.restore', { id: made.id });
    expect(restored.id).toBe(made.id);
    expect(safetyCopy).toMatchObject({ reason: 'before-restore', counts: { venues: 3 } });
    expect(dumpAll(core.dataDir)).toEqual(before);
    // As after a restart: nobody is working, and the restored register answers.
    expect(await core.call('session.get', {})).toEqual({ staff: null });
    await core.call('session.start', { staffId: (await core.call('staff.list', {}))[0].id });
    expect((await core.call('venues.list', { limit: 10 })).total).toBe(2);
  });

  it('keeps each photo once, copying only new ones, and a restore brings back the photos the folder lost', async () => {
    const core = await registerWithData();
    const photo = (name: string) => path.join(core.dataDir, 'photos', '2026-11', name);
    const kept = (name: string) => path.join(core.dataDir, 'backups', 'photos', '2026-11', name);
    fs.mkdirSync(path.dirname(photo('a.jpg')), { recursive: true });
    fs.writeFileSync(photo('a.jpg'), 'ảnh a');
    const first = await core.call('backups.make', {});
    expect(fs.readFileSync(kept('a.jpg'), 'utf8')).toBe('ảnh a');
    const keptAt = fs.statSync(kept('a.jpg')).mtimeMs;

    fs.writeFileSync(photo('b.jpg'), 'ảnh b');
    await core.call('backups.make', {});
    expect(fs.readFileSync(kept('b.jpg'), 'utf8')).toBe('ảnh b');
    // Incremental: a photo already kept is not copied again.
    expect(fs.statSync(kept('a.jpg')).mtimeMs).toBe(keptAt);
    // The shared photos folder is not a backup of its own.
    expect((await core.call('backups.list', {})).backups.map((backup) => backup.id)).not.toContain('photos');

    fs.rmSync(path.join(core.dataDir, 'photos'), { recursive: true });
    await core.call('backups.restore', { id: first.id });
    expect(fs.readFileSync(photo('a.jpg'), 'utf8')).toBe('ảnh a');
    expect(fs.readFileSync(photo('b.jpg'), 'utf8')).toBe('ảnh b');
  });

  it('refuses a restore to anyone but an admin, and an unknown backup', async () => {
    const core = await registerWithData();
    const made = await core.call('backups.make', {});
    expect(await core.fail('backups.restore', { id: '2026-01-01T00-00-00-000Z-daily' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.fail('backups.restore', { id: '../../etc' })).toMatchObject({ code: 'INVALID_INPUT' });
    const clerk = await core.call('staff.create', { name: 'Trần Thị Thư', role: 'clerk' });
    await core.call('session.start', { staffId: clerk.id });
    expect(await core.fail('backups.restore', { id: made.id })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('backs up before a unit merge', async () => {
    const core = await registerWithData();
    const units = await core.call('units.list', {});
    const [from, into] = ['Xã Kỳ Bắc', 'Xã Kỳ Phong'].map((name) => units.find((unit) => unit.name === name)!);
    await core.call('units.merge', { fromId: from.id, intoId: into.id });
    expect(listBackups(core.dataDir).map((backup) => backup.reason)).toEqual(['before-merge']);
  });

  it('backs up before an import commit', async () => {
    const core = await registerWithData();
    await core.call('settings.update', { homeCommuneId: (await core.call('units.list', {})).find((unit) => unit.name === 'Xã Kỳ Bắc')!.id });
    const file = semicolonCsv();
    const { importId } = await core.call('imports.open', file);
    const read = () => core.call('imports.status', { importId });
    await expect.poll(async () => (await read()).phase, { timeout: 20_000 }).toBe('read');
    const sheet = (await read()).sheets.find((candidate) => candidate.headerRow !== null)!;
    const columns = sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding }));
    await core.call('imports.check', { importId, sheet: sheet.name, headerRow: sheet.headerRow!, columns });
    await expect.poll(async () => (await read()).phase, { timeout: 20_000 }).toBe('checked');
    expect(listBackups(core.dataDir)).toEqual([]);
    await core.call('imports.commit', { importId });
    expect(listBackups(core.dataDir)).toMatchObject([{ reason: 'before-import', counts: { venues: 2 } }]);
    await expect.poll(async () => (await read()).phase, { timeout: 20_000 }).toBe('committed');
  }, 60_000);

  it('backs up before a migration, with the schema it had', () => {
    const temp = makeTempDir();
    try {
      const old = openDatabase(path.join(temp.dir, DATABASE_FILE), { migrations: MIGRATIONS.slice(0, -1) });
      old.close();
      const core = openAppCore({ dataDir: temp.dir, appVersion: '0.0.0-test' });
      core.close();
      const [backup] = listBackups(temp.dir);
      expect(backup).toMatchObject({ reason: 'before-migration', schemaVersion: MIGRATIONS.length - 1 });
    } finally {
      temp.remove();
    }
  });

  it('answers calls that arrive during a restore from the restored database', async () => {
    const core = await registerWithData();
    const made = await core.call('backups.make', {});
    await core.call('staff.create', { name: 'Trần Thị Thư', role: 'clerk' });
    const [, staff] = await Promise.all([core.call('backups.restore', { id: made.id }), core.call('staff.list', {})]);
    expect(staff).toHaveLength(1);
    expect(await core.fail('venues.list', { limit: 10 })).toMatchObject({ code: 'NOT_SIGNED_IN' });
  });
});

describe('the second place', () => {
  it('gets each good backup too, verified there with keys and photos, and a restore can take a backup only it holds', async () => {
    const core = await registerWithData();
    const stick = makeTempDir();
    try {
      const first = await core.call('backups.make', {});
      const chosen = await core.call('backups.setSecondPlace', { folder: stick.dir });
      // Chosen: the newest backup went there at once.
      expect(chosen).toEqual({ folder: stick.dir, lastCopiedAt: first.createdAt, behindSince: null });
      const made = await core.call('backups.make', {});
      const there = path.join(stick.dir, 'DiemQR-backups', made.id);
      const copy = new Database(path.join(there, DATABASE_FILE), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
      expect(fs.readdirSync(path.join(there, 'keys'))).toEqual(fs.readdirSync(path.join(core.dataDir, 'keys')));
      expect(listBackupsIn(path.join(stick.dir, 'DiemQR-backups')).map((backup) => backup.id)).toEqual([made.id, first.id]);
      expect((await core.call('backups.list', {})).secondPlace).toEqual({ folder: stick.dir, lastCopiedAt: made.createdAt, behindSince: null });

      // The data folder lost its copy of the first backup: the list offers the second place's, and it restores.
      fs.rmSync(backupDir(core.dataDir, first.id), { recursive: true });
      expect((await core.call('backups.list', {})).elsewhere.map((backup) => backup.id)).toEqual([first.id]);
      await core.call('venues.create', { name: 'Nhà nghỉ Hoa Sen', type: 'shop' });
      await core.call('backups.restore', { id: first.id });
      expect(dumpAll(core.dataDir)).toEqual(dumpAll(backupDir(core.dataDir, first.id)));
    } finally {
      stick.remove();
    }
  });

  it('is missing (USB unplugged): the backup still succeeds here, and the list says since when the second place is behind', async () => {
    const core = await registerWithData();
    const stick = makeTempDir();
    const first = await core.call('backups.make', {});
    await core.call('backups.setSecondPlace', { folder: stick.dir });
    stick.remove();
    expect((await core.call('backups.list', {})).secondPlace).toEqual({ folder: stick.dir, lastCopiedAt: first.createdAt, behindSince: first.createdAt });
    const made = await core.call('backups.make', {});
    const listed = await core.call('backups.list', {});
    expect(listed.backups[0].id).toBe(made.id);
    expect(listed.secondPlace?.behindSince).toBe(first.createdAt);
    expect(await core.fail('backups.setSecondPlace', { folder: stick.dir })).toMatchObject({ code: 'INVALID_INPUT', field: 'folder' });
    expect(await core.fail('backups.setSecondPlace', { folder: path.join(core.dataDir, 'backups') })).toMatchObject({ field: 'folder' });
  });
});

describe('a full copy (.diemqr-backup)', () => {
  /** A full copy of an office with data, a photo and its keys, and a new PC whose first person is an admin. */
  async function exportedAndNewPc() {
    const office = await registerWithData();
    fs.mkdirSync(path.join(office.dataDir, 'photos', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(office.dataDir, 'photos', 'ab', 'finding-1.jpg'), 'jpeg bytes');
    const file = await office.call('backups.exportFull', {});
    const newPc = freshCore();
    const admin = await newPc.call('staff.create', { name: 'Người mới', role: 'admin' });
    await newPc.call('session.start', { staffId: admin.id });
    return { office, file, newPc };
  }

  /** The zip's entries rewritten by `change`, packed again. */
  async function repacked(bytesBase64: string, change: (zip: JSZip) => void | Promise<void>): Promise<string> {
    const zip = await JSZip.loadAsync(Buffer.from(bytesBase64, 'base64'));
    await change(zip);
    return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
  }

  it('opens on a new PC with identical content: every table, keys/ and photos', async () => {
    const { office, file, newPc } = await exportedAndNewPc();
    expect(file.fileName).toMatch(/^DiemQR-ban-sao-day-du-\d{4}-\d{2}-\d{2}\.diemqr-backup$/);
    const { restored, safetyCopy } = await newPc.call('backups.openFull', { fileName: file.fileName, bytesBase64: file.bytesBase64 });
    expect(restored.reason).toBe('full-copy');
    // The new PC's own state was backed up first.
    expect(safetyCopy).toMatchObject({ reason: 'before-restore', counts: { staff: 1, venues: 0 } });
    expect(dumpAll(newPc.dataDir)).toEqual(dumpAll(office.dataDir));
    for (const name of fs.readdirSync(path.join(office.dataDir, 'keys'))) {
      expect(fs.readFileSync(path.join(newPc.dataDir, 'keys', name))).toEqual(fs.readFileSync(path.join(office.dataDir, 'keys', name)));
    }
    expect(fs.readFileSync(path.join(newPc.dataDir, 'photos', 'ab', 'finding-1.jpg'), 'utf8')).toBe('jpeg bytes');
    // The office's register answers on the new PC, once someone says who is working.
    expect(await newPc.fail('venues.list', { limit: 10 })).toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('refuses a tampered, foreign or newer file, writing nothing', async () => {
    const { office, file, newPc } = await exportedAndNewPc();
    const before = dumpAll(newPc.dataDir);
    const backupFolders = () => (fs.existsSync(path.join(newPc.dataDir, 'backups')) ? fs.readdirSync(path.join(newPc.dataDir, 'backups')).sort() : []);
    const backupsBefore = backupFolders();
    const tampered = await repacked(file.bytesBase64, async (zip) => {
      const db = await zip.file(DATABASE_FILE)!.async('uint8array');
      db[db.length - 100] ^= 0xff;
      zip.file(DATABASE_FILE, db);
    });
    const extra = await repacked(file.bytesBase64, (zip) => void zip.file('keys/../../evil.txt', 'x'));
    const newer = await repacked(file.bytesBase64, async (zip) => {
      const manifest = JSON.parse(await zip.file('full-copy.json')!.async('string')) as { schemaVersion: number };
      zip.file('full-copy.json', JSON.stringify({ ...manifest, schemaVersion: manifest.schemaVersion + 1 }));
    });
    const foreign = await repacked(file.bytesBase64, (zip) => void zip.remove('full-copy.json'));
    const cases = { tampered, extra, newer, foreign, notAZip: Buffer.from('SQLite format 3\0').toString('base64') };
    const refusals = Object.fromEntries(
      await Promise.all(
        Object.entries(cases).map(async ([name, bytesBase64]) => [name, (await newPc.fail('backups.openFull', { fileName: 'x.diemqr-backup', bytesBase64 })).sentence?.key]),
      ),
    );
    expect(refusals).toEqual({
      tampered: 'backups.fullCopy.refused.damaged',
      extra: 'backups.fullCopy.refused.damaged',
      newer: 'backups.fullCopy.refused.newer',
      foreign: 'backups.fullCopy.refused.foreign',
      notAZip: 'backups.fullCopy.refused.foreign',
    });
    expect(dumpAll(newPc.dataDir)).toEqual(before);
    expect(backupFolders()).toEqual(backupsBefore);

    // A byte changed on the way, anywhere in the file (a stick that failed): refused in words (a
    // compressed part that no longer inflates made JSZip throw, answered INTERNAL), or opened
    // whole when the byte was one the content does not depend on (a zip header's date).
    const step = Math.ceil(Buffer.from(file.bytesBase64, 'base64').length / 100);
    const answers = new Set<string>();
    const officeAdmin = (await office.call('staff.list', {}))[0];
    for (let at = 0; at < Buffer.from(file.bytesBase64, 'base64').length; at += step) {
      const bytes = Buffer.from(file.bytesBase64, 'base64');
      bytes[at] ^= 0xff;
      const answer = await newPc.dispatch('backups.openFull', { fileName: 'x.diemqr-backup', bytesBase64: bytes.toString('base64') });
      answers.add(answer.ok ? 'ok' : answer.error.code);
      // Opened: nobody is working on the office's data, as after a restart.
      if (answer.ok) await newPc.call('session.start', { staffId: officeAdmin.id });
    }
    expect([...answers].filter((code) => code !== 'ok' && code !== 'UNSUPPORTED_FILE')).toEqual([]);
  }, 120_000);
});

describe('a restore cut short', () => {
  // The file-system calls a restore writes with: the crash comes before one of them.
  const WRITES = ['copyFileSync', 'renameSync', 'rmSync', 'cpSync', 'writeFileSync', 'mkdirSync'] as const;

  /** Swaps the backup in, throwing as a crash would at the `crashAt`-th write; true when it got that far. */
  function swapCrashingAt(dataDir: string, id: string, crashAt: number): boolean {
    let writes = 0;
    for (const name of WRITES) {
      const real = fs[name] as (...args: unknown[]) => unknown;
      vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
        if (++writes === crashAt) throw new Error('crash');
        return real(...args);
      }) as never);
    }
    try {
      swapInBackup(dataDir, id);
      return false;
    } catch {
      return true;
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('leaves the office key and a whole database at every point a crash can come (found by npm run soak)', async () => {
    const core = await registerWithData();
    const made = await core.call('backups.make', {});
    await core.call('venues.create', { name: 'Nhà nghỉ Hoa Sen', type: 'shop' });
    core.close();
    const key = fs.readFileSync(path.join(core.dataDir, 'keys', 'office-ed25519.pem'));
    let crashAt = 1;
    for (; ; crashAt++) {
      const copy = makeTempDir();
      try {
        fs.cpSync(core.dataDir, copy.dir, { recursive: true });
        if (!swapCrashingAt(copy.dir, made.id, crashAt)) break;
        expect(fs.readFileSync(path.join(copy.dir, 'keys', 'office-ed25519.pem')), `crash at write ${crashAt}`).toEqual(key);
        const db = openDatabase(path.join(copy.dir, DATABASE_FILE));
        expect([2, 3]).toContain((db.prepare('SELECT count(*) AS n FROM venues').get() as { n: number }).n);
        db.close();
      } finally {
        copy.remove();
      }
    }
    expect(crashAt).toBeGreaterThan(4);
  });

  it('is completed at the next start when killed between the database and keys/: never one state\'s database with another\'s keys', async () => {
    const core = await registerWithData();
    const made = await core.call('backups.make', {});
    await core.call('venues.create', { name: 'Nhà nghỉ Hoa Sen', type: 'shop' });
    core.close();
    // A key trusted after the backup: the restored state must not have it, the state before must.
    fs.writeFileSync(path.join(core.dataDir, 'keys', 'trusted-later.pem'), 'later');
    let crashAt = 1;
    for (; ; crashAt++) {
      const copy = makeTempDir();
      try {
        fs.cpSync(core.dataDir, copy.dir, { recursive: true });
        if (!swapCrashingAt(copy.dir, made.id, crashAt)) break;
        finishInterruptedSwap(copy.dir);
        const db = openDatabase(path.join(copy.dir, DATABASE_FILE));
        const venues = (db.prepare('SELECT count(*) AS n FROM venues').get() as { n: number }).n;
        db.close();
        const laterKey = fs.existsSync(path.join(copy.dir, 'keys', 'trusted-later.pem'));
        expect({ venues, laterKey }, `crash at write ${crashAt}`).toEqual(venues === 2 ? { venues: 2, laterKey: false } : { venues: 3, laterKey: true });
      } finally {
        copy.remove();
      }
    }
    expect(crashAt).toBeGreaterThan(6);
  });
});

describe('backup rotation', () => {
  const manifestAt = (createdAt: string): BackupManifest => ({
    id: `${createdAt.replaceAll(':', '-').replace('.', '-')}-daily`,
    createdAt,
    reason: 'daily',
    schemaVersion: 1,
    counts: {},
    bytes: 0,
  });

  it('keeps 7 daily, 4 weekly and 12 monthly, newest of each', () => {
    // Two backups a day for 400 days, newest first.
    const start = Date.UTC(2026, 11, 1, 12);
    const backups = Array.from({ length: 800 }, (_, i) => manifestAt(new Date(start - i * 12 * 3_600_000).toISOString()));
    const kept = backupsToKeep(backups);
    const keptDays = [...kept].map((id) => id.slice(0, 10));
    expect(kept.has(backups[0].id)).toBe(true);
    // The 7 newest days, each once except today's (the 3 newest are all kept).
    for (let day = 0; day < 7; day++) expect(keptDays).toContain(new Date(start - day * 86_400_000).toISOString().slice(0, 10));
    expect(new Set(keptDays.map((day) => day.slice(0, 7))).size).toBe(12);
    expect(kept.size).toBeLessThanOrEqual(3 + 7 + 4 + 12);
    expect(kept.has(backups.at(-1)!.id)).toBe(false);
  });
});
