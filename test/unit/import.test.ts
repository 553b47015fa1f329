import path from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { NEW_VILLAGES_LISTED, type ImportPhase } from '../../shared/domain/import';
import {
  bigXlsx,
  corruptedXlsx,
  exporterXlsx,
  legacyXlsx,
  LEGACY_NAMES,
  messyCommuneXlsx,
  noPhoneXlsx,
  NO_PHONE_ROWS,
  oldXls,
  semicolonCsv,
  windows1258Csv,
  type FixtureFile,
} from '../support/import-fixtures';
import { ImportSessions, type ImportSession } from '../../main/import/session-store';
import { Job } from '../../main/jobs/job';
import { chooseOfficeCommune, useFreshCore, type TestCore } from '../support/core';
import { syntheticVenues } from '../support/synthetic-venues';
import { settleImport } from '../support/import-flow';

const freshCore = useFreshCore();

/** A signed-in office whose home commune is the example's Kỳ Bắc, with its villages. */
async function office(): Promise<TestCore> {
  const core = freshCore();
  await core.signIn();
  await chooseOfficeCommune(core);
  return core;
}


const open = async (core: TestCore, file: FixtureFile) => settleImport(core, await core.call('imports.open', file));

/** Opens, maps as guessed, checks: the path a clerk takes who accepts every guess. */
async function checkAsGuessed(core: TestCore, file: FixtureFile) {
  const read = await open(core, file);
  expect(read.phase).toBe('read');
  const sheet = read.sheets.find((candidate) => candidate.headerRow !== null)!;
  const columns = sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding }));
  return settleImport(core, await core.call('imports.check', { importId: read.importId, sheet: sheet.name, headerRow: sheet.headerRow!, columns }));
}

const commit = async (core: TestCore, importId: string, input: Record<string, unknown> = {}) =>
  settleImport(core, await core.call('imports.commit', { importId, ...input }));

const names = async (core: TestCore, search = '') =>
  (await core.call('venues.list', { search, limit: 500 })).items.map((venue) => venue.name);

describe('reading a messy commune workbook', () => {
  it('finds the header under the title rows and guesses every column', async () => {
    const core = await office();
    const read = await open(core, await messyCommuneXlsx());
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(['DS co so', 'Ghi chú']);
    const [list, notes] = read.sheets;
    expect(list.headerRow).toBe(4);
    expect(notes.headerRow).toBeNull();
    expect(list.columns.map((column) => column.guess)).toEqual([null, 'name', 'ownerName', 'phones', 'address', 'village', 'type']);
    expect(list.columns.every((column) => column.encoding === 'unicode')).toBe(true);
  });

  it('checks each row: ready, duplicate in the file, no name, bad phone; skips blank and total rows', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await messyCommuneXlsx());
    expect(checked.counts).toEqual({ ready: 3, error: 2, duplicate_existing: 0, duplicate_in_file: 1, update_by_code: 0, withWarnings: 0 });
    const errors = await core.call('imports.rows', { importId: checked.importId, status: 'error' });
    expect(errors.rows.map((row) => [row.rowNumber, row.errors.map((error) => error.message)])).toEqual([
      [10, ['Tên cơ sở: không được để trống']],
      [11, ['Số điện thoại: không hợp lệ']],
    ]);
    const repeated = await core.call('imports.rows', { importId: checked.importId, status: 'duplicate_in_file' });
    expect(repeated.rows).toMatchObject([{ rowNumber: 9, duplicateOf: { rowNumber: 8 } }]);
  });

  it('commits in one go: NFC names, phones restored, villages and types matched, searchable without tone marks', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await messyCommuneXlsx());
    const done = await commit(core, checked.importId);
    expect(done.phase).toBe('committed');
    expect(done.summary).toEqual({ added: 3, updated: 0, skipped: 1, errors: 2, villagesCreated: 0 });
    expect(await names(core)).toEqual(['Chợ Kỳ Bắc', 'Nhà nghỉ Hoà Bình', 'Quán cà phê Đường Sắt']);
    const [market] = (await core.call('venues.list', { search: 'cho ky bac' })).items;
    expect(market.name).toBe('Chợ Kỳ Bắc'.normalize('NFC'));
    expect(market).toMatchObject({ phones: ['0912 345 678'], type: 'market', code: 'KB-0001' });
    const village = (await core.call('units.list', {})).find((unit) => unit.id === market.villageId);
    expect(village?.name).toBe('Thôn Tân Thượng');
    expect(await names(core, 'hoa binh')).toEqual(['Nhà nghỉ Hoà Bình']);
  });

  it('lets the clerk import a repeated row anyway, and report the refused rows with their reasons', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await messyCommuneXlsx());
    const report = await core.call('imports.errorReport', { importId: checked.importId });
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.bytesBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const text = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map((value) => String(value ?? ''));
    expect(text(1).slice(0, 4)).toEqual(['Dòng', 'Lý do lỗi', 'STT', 'Tên cơ sở']);
    expect(text(2).slice(0, 2)).toEqual(['10', 'Tên cơ sở: không được để trống']);
    const done = await commit(core, checked.importId, { overrides: [{ rowNumber: 9, decision: 'import' }] });
    expect(done.summary).toMatchObject({ added: 4, skipped: 0 });
  });
});

describe('legacy encodings and CSV', () => {
  for (const encoding of ['tcvn3', 'vni'] as const) {
    it(`detects ${encoding} per column, shows before/after, and converts to Unicode`, async () => {
      const core = await office();
      const read = await open(core, await legacyXlsx(encoding));
      const [sheet] = read.sheets;
      expect(sheet.headerRow).toBe(2);
      const name = sheet.columns.find((column) => column.guess === 'name')!;
      expect(name.encoding).toBe(encoding);
      expect(name.samples[0]).not.toBe('Chợ Kỳ Bắc');
      expect(name.converted[0]).toBe('Chợ Kỳ Bắc');
      expect(sheet.columns.find((column) => column.guess === 'phones')!.encoding).toBe('unicode');
      const checked = await checkAsGuessed(core, await legacyXlsx(encoding));
      await commit(core, checked.importId);
      expect(await names(core)).toEqual([...LEGACY_NAMES].sort(new Intl.Collator('vi').compare));
      expect(await names(core, 'ngu binh')).toEqual(['Quán bún bò Ngự Bình']);
    });
  }

  it('reads a semicolon CSV with a BOM and CRLF, quoted separators included', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, semicolonCsv());
    expect(checked.counts?.ready).toBe(2);
    await commit(core, checked.importId);
    const karaoke = (await core.call('venues.list', { search: 'uoc mo' })).items[0];
    expect(karaoke).toMatchObject({ type: 'entertainment', phones: ['0987 654 321'] });
    expect((await core.call('venues.list', { search: 'cho' })).items[0].address).toBe('Thôn Tân Thượng; gần trạm y tế');
  });

  it('reads a Windows-1258 CSV', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, windows1258Csv());
    await commit(core, checked.importId);
    expect(await names(core, 'hung hoa')).toEqual(['Quán phở Hưng Hoà']);
  });
});

describe('files that cannot be imported write nothing and say why', () => {
  it.each([
    ['a corrupted .xlsx', corruptedXlsx(), /bị hỏng/],
    ['an old .xls', oldXls(), /\.xls.*\.xlsx/],
    ['an empty file', { fileName: 'rong.xlsx', bytesBase64: '' }, /rỗng/],
    ['a picture', { fileName: 'anh.png', bytesBase64: Buffer.from('\x89PNG\r\n\x1a\n....').toString('base64') }, /không phải bảng tính/],
  ])('%s', async (_label, file, message) => {
    const core = await office();
    const read = await open(core, file);
    expect(read.phase).toBe('failed');
    expect(read.error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringMatching(message) });
    expect(await names(core)).toEqual([]);
  });

  it('refuses a mapping without a name column', async () => {
    const core = await office();
    const read = await open(core, semicolonCsv());
    const [sheet] = read.sheets;
    const error = await core.fail('imports.check', {
      importId: read.importId,
      sheet: sheet.name,
      headerRow: 1,
      columns: sheet.columns.map((column) => ({ index: column.index, field: column.guess === 'name' ? null : column.guess, encoding: 'unicode' })),
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'columns' });
  });
});

describe('round trip and duplicates with the register', () => {
  it('re-importing an exported list updates by code and creates no duplicates', async () => {
    const core = await office();
    await commit(core, (await checkAsGuessed(core, await messyCommuneXlsx())).importId);
    const exported = await core.call('venues.export', { format: 'xlsx' });
    const checked = await checkAsGuessed(core, { fileName: exported.fileName, bytesBase64: exported.bytesBase64 });
    expect(checked.counts).toMatchObject({ ready: 0, error: 0, update_by_code: 3 });
    const done = await commit(core, checked.importId);
    expect(done.summary).toMatchObject({ added: 0, updated: 3 });
    expect((await core.call('venues.list', {})).total).toBe(3);
  });

  it('marks look-alikes of existing venues and skips them unless told otherwise', async () => {
    const core = await office();
    await core.call('venues.create', { name: 'Karaoke Ước Mơ', phones: ['0987654321'] });
    const checked = await checkAsGuessed(core, semicolonCsv());
    expect(checked.counts).toMatchObject({ ready: 1, duplicate_existing: 1 });
    const done = await commit(core, checked.importId, { duplicateExisting: 'skip' });
    expect(done.summary).toMatchObject({ added: 1, skipped: 1 });
    expect((await core.call('venues.list', {})).total).toBe(2);
  });
});

describe('a long import', () => {
  it('can be cancelled while committing: nothing is written, and a save made meanwhile waits and is kept', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await bigXlsx(syntheticVenues(3000)));
    expect(checked.counts?.error).toBe(0);
    const started = await core.call('imports.commit', { importId: checked.importId, duplicateInFile: 'import', duplicateExisting: 'import' });
    expect(started.phase).toBe('committing');
    // A clerk saves a venue while the import runs: it must wait, not join the import's transaction.
    const meanwhile = core.call('venues.create', { name: 'Quán nước đầu ngõ', acknowledgeDuplicates: true });
    // Cancel once the commit is under way (it has reported rows written), whatever the machine's speed.
    await expect.poll(async () => (await core.call('imports.status', { importId: checked.importId })).progress.done, { timeout: 30_000, interval: 1 }).toBeGreaterThan(0);
    const cancelled = await core.call('imports.cancel', { importId: checked.importId });
    expect(['committing', 'cancelled']).toContain(cancelled.phase);
    const final = await settleImport(core, cancelled);
    expect(final.phase).toBe('cancelled');
    expect(final.summary).toBeNull();
    await meanwhile;
    expect(await names(core)).toEqual(['Quán nước đầu ngõ']);
  }, 60_000);

  it('lets the list be read while it commits, showing only what is already saved', async () => {
    const core = await office();
    await core.call('venues.create', { name: 'Quán nước đầu ngõ', acknowledgeDuplicates: true });
    const checked = await checkAsGuessed(core, await bigXlsx(syntheticVenues(5000)));
    const started = await core.call('imports.commit', { importId: checked.importId, duplicateInFile: 'import', duplicateExisting: 'import' });
    expect(started.phase).toBe('committing');
    // Read on the reader connection: it does not queue behind the import's transaction.
    const during = await core.call('venues.list', {});
    expect((await core.call('imports.status', { importId: checked.importId })).phase).toBe('committing');
    expect(during.items.map((venue) => venue.name)).toEqual(['Quán nước đầu ngõ']);
    expect((await settleImport(core, started)).phase).toBe('committed');
    expect((await core.call('venues.list', {})).total).toBe(5001);
    // The import indexed its venues for search in one pass at the end: the index is whole and finds them.
    const db = new Database(path.join(core.dataDir, DATABASE_FILE));
    expect(() => db.exec("INSERT INTO venues_fts(venues_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'venues_fts_insert'").pluck().get()).toBe(1);
    db.close();
    const last = syntheticVenues(5000)[4999];
    const found = await core.call('venues.list', { search: last.name });
    expect(found.items.map((venue) => venue.name)).toContain(last.name);
  }, 120_000);

  it('reports progress while checking a large sheet', async () => {
    const core = await office();
    const read = await open(core, await bigXlsx(syntheticVenues(5000)));
    const [sheet] = read.sheets;
    let status = await core.call('imports.check', {
      importId: read.importId,
      sheet: sheet.name,
      headerRow: sheet.headerRow!,
      columns: sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding })),
    });
    const seen: number[] = [];
    while (status.phase === 'checking') {
      seen.push(status.progress.done);
      await new Promise((resolve) => setTimeout(resolve, 1));
      status = await core.call('imports.status', { importId: read.importId });
    }
    expect(status.phase).toBe('checked');
    expect(status.progress).toEqual({ done: 5000, total: 5000 });
    expect(seen.some((done) => done > 0 && done < 5000)).toBe(true);
  }, 60_000);
});

describe('CSV round trip', () => {
  it('re-importing our own CSV export gives back formula-like text unchanged and creates no duplicates', async () => {
    const core = await office();
    await core.call('venues.create', { name: '=HYPERLINK("x")', notes: '-50% ngày khai trương', phones: ['0912345678'] });
    const exported = await core.call('venues.export', { format: 'csv' });
    const checked = await checkAsGuessed(core, { fileName: exported.fileName, bytesBase64: exported.bytesBase64 });
    expect(checked.counts).toMatchObject({ update_by_code: 1, ready: 0, error: 0 });
    const [row] = (await core.call('imports.rows', { importId: checked.importId })).rows;
    expect(row.values).toMatchObject({ name: '=HYPERLINK("x")', notes: '-50% ngày khai trương' });
    await commit(core, checked.importId);
    const venues = (await core.call('venues.list', {})).items;
    expect(venues).toHaveLength(1);
    expect(venues[0]).toMatchObject({ name: '=HYPERLINK("x")', notes: '-50% ngày khai trương' });
  });
});

describe('what the review found', () => {
  const csv = (lines: string[]): FixtureFile => ({ fileName: 'x.csv', bytesBase64: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`).toString('base64') });

  it('keeps venues whose names start like a total line, and skips column-number and total lines', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, csv(['STT;Tên cơ sở;SĐT', '(1);(2);(3)', '1;Cộng Cà Phê;0912000001', '2;Tổng đại lý gas Minh Phát;0912000002', 'Tổng cộng: 2;;']));
    expect(checked.counts?.ready).toBe(2);
    const rows = (await core.call('imports.rows', { importId: checked.importId })).rows.map((row) => row.values.name);
    expect(rows).toEqual(['Cộng Cà Phê', 'Tổng đại lý gas Minh Phát']);
  });

  it('an update leaves fields with a blank cell as they are', async () => {
    const core = await office();
    const venue = await core.call('venues.create', { name: 'Quán A', phones: ['0912345678'], ownerName: 'Lê Văn Tám' });
    const checked = await checkAsGuessed(core, csv(['Mã cơ sở;Tên cơ sở;Chủ cơ sở;Số điện thoại;Ghi chú', `${venue.code};Quán A;;;mới ghi chú`]));
    expect(checked.counts?.update_by_code).toBe(1);
    await commit(core, checked.importId);
    const after = (await core.call('venues.get', { id: venue.id })).venue;
    expect(after).toMatchObject({ ownerName: 'Lê Văn Tám', phones: ['0912 345 678'], notes: 'mới ghi chú' });
  });

  it('refuses the whole commit, naming the row, when a venue was edited after the check', async () => {
    const core = await office();
    const venue = await core.call('venues.create', { name: 'Quán A', phones: ['0912345678'] });
    const checked = await checkAsGuessed(core, csv(['Mã cơ sở;Tên cơ sở;Số điện thoại', `${venue.code};Quán A;0987654321`]));
    await core.call('venues.update', { ...venue, notes: 'sửa trong lúc chờ' });
    const done = await commit(core, checked.importId);
    expect(done.phase).toBe('failed');
    expect(done.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Dòng 2: /) });
    expect((await core.call('venues.get', { id: venue.id })).venue).toMatchObject({ phones: ['0912 345 678'], notes: 'sửa trong lúc chờ' });
  });

  it('a save queued behind a commit is kept when that commit is cancelled; the import before it stays', async () => {
    const core = await office();
    const first = await checkAsGuessed(core, await bigXlsx(syntheticVenues(300)));
    await core.call('imports.commit', { importId: first.importId, duplicateInFile: 'import', duplicateExisting: 'import' });
    expect((await settleImport(core, await core.call('imports.status', { importId: first.importId }))).phase).toBe('committed');
    const second = await checkAsGuessed(core, await bigXlsx(syntheticVenues(6000, 7)));
    await core.call('imports.commit', { importId: second.importId, duplicateInFile: 'import', duplicateExisting: 'import' });
    const meanwhile = core.call('venues.create', { name: 'Quán nước đầu ngõ', acknowledgeDuplicates: true });
    await core.call('imports.cancel', { importId: second.importId });
    expect((await settleImport(core, await core.call('imports.status', { importId: second.importId }))).phase).toBe('cancelled');
    await meanwhile;
    expect((await core.call('venues.list', { search: 'quan nuoc dau ngo' })).total).toBe(1);
    expect((await core.call('venues.list', {})).total).toBe(301);
  }, 60_000);
});

describe('tolerant imports: warnings apart from errors, any valid .xlsx, never without the office commune', () => {
  it('a phone cell saying there is none imports the row with no phone, its words in the notes and a warning', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await noPhoneXlsx());
    expect(checked.counts).toMatchObject({ ready: 4, error: 0, withWarnings: 3 });
    const { rows } = await core.call('imports.rows', { importId: checked.importId, status: 'ready' });
    expect(rows.find((row) => row.values.name === 'Tạp hoá Cô Ba')?.warnings).toEqual([
      { field: 'phones', message: 'Số điện thoại: “không có” được hiểu là không có số; ghi vào ghi chú' },
    ]);
    expect(rows.find((row) => row.values.name === 'Chợ Kỳ Bắc')?.warnings).toEqual([]);

    const done = await commit(core, checked.importId);
    expect(done.summary).toMatchObject({ added: 4, errors: 0 });
    const venueNamed = async (name: string) => {
      const [item] = (await core.call('venues.list', { search: name })).items;
      return (await core.call('venues.get', { id: item.id })).venue;
    };
    for (const [name, phone] of NO_PHONE_ROWS.slice(0, 3)) {
      expect(await venueNamed(name)).toMatchObject({ phones: [], notes: `Số điện thoại: ${phone}` });
    }
    expect((await venueNamed('Chợ Kỳ Bắc')).phones).toEqual(['0912 345 678']);
  });

  it('reads a valid .xlsx the streaming reader fails on, by reading it whole', async () => {
    const file = await exporterXlsx([['Tên cơ sở', 'Số điện thoại'], ['Quán phở Bà Năm', '0905 222 333'], ['Tạp hoá Cô Ba', '']]);
    // The fixture is only worth something while the streaming reader really fails on it.
    const streaming = async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(file.bytesBase64, 'base64')), {});
      for await (const worksheet of reader) for await (const row of worksheet) void row;
    };
    await expect(streaming()).rejects.toThrow();

    const core = await office();
    const checked = await checkAsGuessed(core, file);
    expect(checked.sheets.map((sheet) => sheet.name)).toEqual(['Danh sách']);
    expect(checked.counts).toMatchObject({ ready: 2, error: 0 });
    await commit(core, checked.importId);
    expect((await names(core)).sort()).toEqual(['Quán phở Bà Năm', 'Tạp hoá Cô Ba']);
  });

  it('a commune office without its commune chosen cannot start an import', async () => {
    const core = freshCore();
    await core.signIn();
    const error = await core.fail('imports.open', await noPhoneXlsx());
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Chưa chọn xã của cơ quan') });
  });
});

describe('what an import keeps in memory', () => {
  it('a ready row kept compact still previews the cells the file has', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await messyCommuneXlsx());
    const ready = await core.call('imports.rows', { importId: checked.importId, status: 'ready' });
    expect(ready.rows.map((row) => [row.rowNumber, row.values.name, row.values.phones, row.values.village])).toEqual([
      [5, 'Chợ Kỳ Bắc', '912345678', 'Thôn Tân Thượng'],
      [6, 'Nhà nghỉ Hoà Bình', '0987.654.321', 'Thôn Hoà Bình'],
      [8, 'Quán cà phê Đường Sắt', '+84 905 111 222', 'Xóm Ga'],
    ]);
  });

  it('opening another file lets the earlier import go', async () => {
    const core = await office();
    const earlier = await checkAsGuessed(core, await messyCommuneXlsx());
    const next = await checkAsGuessed(core, await messyCommuneXlsx());
    expect(await core.fail('imports.status', { importId: earlier.importId })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.call('imports.status', { importId: next.importId })).phase).toBe('checked');
  });

  it('an import whose step is still running is never dropped halfway', () => {
    const sessions = new ImportSessions();
    const session = (phase: ImportPhase) => ({ id: phase, phase, job: new Job() }) as unknown as ImportSession;
    sessions.add(session('checking'));
    sessions.add(session('read'));
    sessions.add(session('checked'));
    expect(sessions.get('checking').phase).toBe('checking');
    expect(() => sessions.get('read')).toThrow(/chọn lại tệp/);
    expect(sessions.get('checked').phase).toBe('checked');
  });

  it('after the commit only the refused rows stay, and their report still has their cells', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await messyCommuneXlsx());
    await commit(core, checked.importId, { duplicateInFile: 'import' });
    expect((await core.call('imports.rows', { importId: checked.importId })).rows.map((row) => row.rowNumber)).toEqual([10, 11]);
    const report = await core.call('imports.errorReport', { importId: checked.importId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(report.bytesBase64, 'base64')).buffer);
    const cells = workbook.worksheets[0].getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
    expect(cells).toContain('Lê Văn Tám');
    expect(cells).toContain('Tạp hoá Bà Hương');
  });
});

describe('a compact row is checked again at commit', () => {
  it('a village renamed between check and commit refuses the whole commit, naming the row', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await messyCommuneXlsx());
    const village = (await core.call('units.list', {})).find((unit) => unit.name === 'Thôn Hoà Bình')!;
    await core.call('units.update', { ...village, name: 'Thôn Hoà Bình Mới' });
    const done = await commit(core, checked.importId, { duplicateInFile: 'import' });
    expect(done.phase).toBe('failed');
    expect(done.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Dòng 6: /) });
    expect(await names(core)).toEqual([]);
  });
});

describe('what an import would change, shown before it writes (issue 11)', () => {
  /** Rows of Kỳ Bắc's list: two villages the units list lacks, and addresses naming communes. */
  const placesFile = () =>
    exporterXlsx([
      ['Tên cơ sở', 'Địa chỉ', 'Thôn'],
      ['Quán cơm Lan', 'Gần cầu', 'Thôn Đồng Lạc'],
      ['Tạp hoá Hùng', '', 'thôn đồng lạc'],
      ['Tiệm may Thu', 'Thôn 3, xã Kỳ Phong', 'Thôn Tân Thượng'],
      ['Quán nước Bình', 'XA KY PHONG, HUYEN KY ANH', 'Thôn Tân Thượng'],
      ['Nhà nghỉ Sơn', '', 'Xóm Bàu'],
      // Not another commune: the row's own, a bare name, a person called Phượng, a town ("thị xã").
      ['Cửa hàng Kỳ Phong', 'Ngã ba xã Kỳ Bắc', 'Thôn Tân Thượng'],
      ['Tạp hoá Phượng Kỳ Phong', 'Chợ Kỳ Phong cũ', 'Thôn Hoà Bình'],
      ['Đại lý gas Tâm', 'Đường về thị xã Kỳ Phong', 'Xóm Ga'],
    ]);

  it('lists the villages it would create, with their commune and rows, and creates exactly those', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await placesFile());
    expect(checked.newVillages).toEqual({
      total: 2,
      first: [
        { name: 'Thôn Đồng Lạc', communeName: 'Xã Kỳ Bắc', rows: 2 },
        { name: 'Xóm Bàu', communeName: 'Xã Kỳ Bắc', rows: 1 },
      ],
    });
    const done = await commit(core, checked.importId);
    expect(done.summary).toMatchObject({ added: 8, villagesCreated: 2 });
  });

  it('lists only the first villages of a long list, and counts them all', async () => {
    const core = await office();
    const rows = Array.from({ length: NEW_VILLAGES_LISTED + 5 }, (_, index) => [`Cơ sở ${index + 1}`, `Thôn Mới ${index + 1}`]);
    const checked = await checkAsGuessed(core, await exporterXlsx([['Tên cơ sở', 'Thôn'], ...rows]));
    expect(checked.newVillages?.total).toBe(NEW_VILLAGES_LISTED + 5);
    expect(checked.newVillages?.first).toHaveLength(NEW_VILLAGES_LISTED);
  });

  it('warns on a row whose address names another commune as "xã …", and only then; the row still imports', async () => {
    const core = await office();
    const checked = await checkAsGuessed(core, await placesFile());
    expect(checked.counts).toMatchObject({ ready: 8, error: 0, withWarnings: 2 });
    const { rows } = await core.call('imports.rows', { importId: checked.importId, limit: 20 });
    const warningsOf = (name: string) => rows.find((row) => row.values.name === name)?.warnings;
    expect(warningsOf('Tiệm may Thu')).toEqual([{ field: 'address', message: 'Địa chỉ: ghi “xã Kỳ Phong”, khác xã của dòng này (Xã Kỳ Bắc)' }]);
    expect(warningsOf('Quán nước Bình')).toEqual([{ field: 'address', message: 'Địa chỉ: ghi “XA KY PHONG”, khác xã của dòng này (Xã Kỳ Bắc)' }]);
    for (const name of ['Cửa hàng Kỳ Phong', 'Tạp hoá Phượng Kỳ Phong', 'Đại lý gas Tâm', 'Quán cơm Lan']) expect(warningsOf(name)).toEqual([]);
  });
});

describe('a row placed in another commune than the office\'s (clerk review)', () => {
  it('imports into that commune with a warning naming both', async () => {
    const core = await office();
    const file = await exporterXlsx([
      ['Tên cơ sở', 'Xã', 'Thôn'],
      ['Tạp hoá Bà Hương', 'Xã Kỳ Phong', 'Thôn Tân Thượng'],
      ['Quán cơm Lan', 'Xã Kỳ Bắc', 'Thôn Hoà Bình'],
      ['Nhà nghỉ Sơn', '', 'Thôn Hoà Bình'],
    ]);
    const checked = await checkAsGuessed(core, file);
    expect(checked.counts).toMatchObject({ ready: 3, error: 0, withWarnings: 1 });
    const { rows } = await core.call('imports.rows', { importId: checked.importId, limit: 20 });
    const warningsOf = (name: string) => rows.find((row) => row.values.name === name)?.warnings;
    expect(warningsOf('Tạp hoá Bà Hương')).toEqual([
      { field: 'commune', message: 'Xã/phường: “Xã Kỳ Phong” không phải xã của văn phòng (Xã Kỳ Bắc); cơ sở sẽ được ghi vào Xã Kỳ Phong' },
    ]);
    expect(warningsOf('Quán cơm Lan')).toEqual([]);
    expect(warningsOf('Nhà nghỉ Sơn')).toEqual([]);
  });
});
