import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import type { VenueCreateInput } from '../../shared/domain/venue';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase } from '../../main/db/open';
import { exportFileName, VENUE_EXPORT_COLUMNS } from '../../main/export/venues-export';
import { csvBase64, csvField, looksLikeFormula, neutralizeFormula, restoreNeutralizedFormula } from '../../main/export/spreadsheet';
import { useFreshCore, type TestCore } from '../support/core';
import { seedVenues } from '../support/synthetic-venues';

const freshCore = useFreshCore();

const HEADERS = [
  'Mã cơ sở', 'Tên cơ sở', 'Loại hình', 'Chủ cơ sở', 'Số điện thoại', 'Địa chỉ', 'Thôn/xóm', 'Xã/phường',
  'Số ĐKKD', 'Trạng thái', 'Ghi chú', 'Vĩ độ', 'Kinh độ', 'Ngày cập nhật',
];
const column = (header: string) => HEADERS.indexOf(header) + 1;

const HOSTILE_NAME = "=cmd|' /C calc'!A0";
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const add = (core: TestCore, input: VenueCreateInput) => core.call('venues.create', { acknowledgeDuplicates: true, ...input });

/** A commune with a village, and four venues covering what an export must carry safely. */
async function registerWithVenues() {
  const core = freshCore();
  await core.signIn();
  const province = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' });
  const commune = await core.call('units.create', { level: 'commune', name: 'Xã Kỳ Bắc', parentId: province.id });
  const village = await core.call('units.create', { level: 'village', name: 'Thôn Tân Thượng', parentId: commune.id });
  const market = await add(core, {
    name: 'Chợ Kỳ Bắc',
    type: 'market',
    ownerName: 'Ban quản lý chợ',
    phones: ['0912345678', '(0239) 3861 234'],
    address: 'Đường 12, gần UBND xã',
    communeId: commune.id,
    villageId: village.id,
    businessRegNo: '0101234567',
    notes: 'Cổng chính "mới", cổng phụ bị che',
    latitude: 18.0345,
    longitude: 106.2891,
  });
  const hostile = await add(core, { name: HOSTILE_NAME, type: 'shop', notes: '-', ownerName: '@SUM(1+1)' });
  const cafe = await add(core, { name: 'Quán cà phê Đường Sắt', type: 'cafe', phones: ['0904 092 233'], notes: '+84 gọi trước' });
  const hotel = await add(core, { name: 'Nhà nghỉ Hoà Bình', type: 'hotel', ownerName: 'Nguyễn Văn Đức' });
  return { core, commune, village, venues: { market, hostile, cafe, hotel } };
}

type ExportInput = InputOf<'venues.export'>;

async function exportXlsx(core: TestCore, query: Omit<ExportInput, 'format'> = {}) {
  const result = await core.call('venues.export', { ...query, format: 'xlsx' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(result.bytesBase64, 'base64')).buffer);
  return { result, workbook, sheet: workbook.worksheets[0] };
}

async function exportCsv(core: TestCore, query: Omit<ExportInput, 'format'> = {}) {
  const result = await core.call('venues.export', { ...query, format: 'csv' });
  const bytes = Buffer.from(result.bytesBase64, 'base64');
  return { result, bytes, text: bytes.subarray(3).toString('utf8') };
}

/** Every row of a sheet as the texts of its cells (1-based columns, as Excel numbers them). */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(HEADERS.map((_, index) => row.getCell(index + 1).text)));
  return rows;
}

/** A small RFC 4180 reader, strict enough to catch a wrong quote or line end. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      if (field !== '') throw new Error(`parseCsv: a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`parseCsv: CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (char === '\n') {
      throw new Error(`parseCsv: LF without CR at ${i}`);
    } else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('parseCsv: the file does not end with CRLF');
  return rows;
}

describe('venues.export to .xlsx', () => {
  it('writes every venue under Vietnamese headers on row 1, bold and frozen, with widths and a filter', async () => {
    const { core, venues } = await registerWithVenues();
    const { result, workbook, sheet } = await exportXlsx(core);
    expect(result).toMatchObject({
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      rows: 4,
    });
    expect(result.fileName).toMatch(/^danh-sach-co-so-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(workbook.worksheets).toHaveLength(1);

    const rows = sheetRows(sheet);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(5);
    for (let index = 1; index <= HEADERS.length; index++) expect(sheet.getRow(1).getCell(index).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(column('Tên cơ sở')).width).toBeGreaterThanOrEqual(30);
    expect(sheet.getColumn(column('Ghi chú')).width).toBeGreaterThanOrEqual(30);
    expect(String(sheet.autoFilter)).toBe('A1:N5');

    // In the list's order (Vietnamese name order), with the market's fields in full.
    expect(rows.slice(1).map((row) => row[1])).toEqual([HOSTILE_NAME, 'Chợ Kỳ Bắc', 'Nhà nghỉ Hoà Bình', 'Quán cà phê Đường Sắt']);
    const market = rows.find((row) => row[0] === venues.market.code)!;
    expect(market).toEqual([
      venues.market.code,
      'Chợ Kỳ Bắc',
      'Chợ',
      'Ban quản lý chợ',
      '0912 345 678, 0239 3861 234',
      'Đường 12, gần UBND xã',
      'Thôn Tân Thượng',
      'Xã Kỳ Bắc',
      '0101234567',
      'Đang hoạt động',
      'Cổng chính "mới", cổng phụ bị che',
      '18.0345',
      '106.2891',
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
    ]);
    const marketRow = sheet.getRow(rows.indexOf(market) + 1);
    expect(marketRow.getCell(column('Vĩ độ')).value).toBe(18.0345);
    expect(marketRow.getCell(column('Kinh độ')).value).toBe(106.2891);
  });

  it('keeps phones, codes and registration numbers as text with their leading 0, and runs no formula', async () => {
    const { core, venues } = await registerWithVenues();
    const { sheet } = await exportXlsx(core);
    const rowOf = (code: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === code) found = row;
      });
      return found!;
    };
    const market = rowOf(venues.market.code);
    for (const header of ['Mã cơ sở', 'Số điện thoại', 'Số ĐKKD', 'Ngày cập nhật']) {
      const cell = market.getCell(column(header));
      expect(cell.type, header).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt, header).toBe('@');
    }
    expect(market.getCell(column('Số điện thoại')).value).toBe('0912 345 678, 0239 3861 234');
    expect(market.getCell(column('Số ĐKKD')).value).toBe('0101234567');
    expect(rowOf(venues.cafe.code).getCell(column('Số điện thoại')).value).toBe('0904 092 233');
    // A phone never carries +84: the register stores national form.
    sheet.eachRow((row) => expect(String(row.getCell(column('Số điện thoại')).value ?? '')).not.toContain('+84'));

    // Formula-like text is a plain string formatted as Text, kept exactly (no apostrophe): nothing to evaluate.
    const hostile = rowOf(venues.hostile.code);
    expect(hostile.getCell(column('Tên cơ sở')).value).toBe(HOSTILE_NAME);
    expect(hostile.getCell(column('Chủ cơ sở')).value).toBe('@SUM(1+1)');
    expect(hostile.getCell(column('Ghi chú')).value).toBe('-');
    expect(rowOf(venues.cafe.code).getCell(column('Ghi chú')).value).toBe('+84 gọi trước');
    for (const cell of [hostile.getCell(column('Tên cơ sở')), hostile.getCell(column('Chủ cơ sở')), hostile.getCell(column('Ghi chú'))]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, cell.address).toBeUndefined();
      }),
    );
  });

  it('exports what the list shows: its filters and its search, all matching rows', async () => {
    const { core, commune, venues } = await registerWithVenues();
    const byType = await exportXlsx(core, { type: 'market' });
    expect(byType.result.rows).toBe(1);
    expect(sheetRows(byType.sheet).slice(1).map((row) => row[0])).toEqual([venues.market.code]);

    const bySearch = await exportXlsx(core, { search: 'duong sat' });
    expect(sheetRows(bySearch.sheet).slice(1).map((row) => row[1])).toEqual(['Quán cà phê Đường Sắt']);

    const byCommune = await exportCsv(core, { communeId: commune.id });
    expect(parseCsv(byCommune.text).slice(1).map((row) => row[0])).toEqual([venues.market.code]);

    await core.call('venues.setStatus', { id: venues.hotel.id, version: venues.hotel.version, status: 'closed' });
    const closed = await exportXlsx(core, { status: 'closed' });
    expect(sheetRows(closed.sheet).slice(1).map((row) => [row[1], row[9]])).toEqual([['Nhà nghỉ Hoà Bình', 'Đã đóng']]);

    const none = await exportXlsx(core, { search: 'khong co dau nay' });
    expect(none.result.rows).toBe(0);
    expect(sheetRows(none.sheet)).toEqual([HEADERS]);
  });

  it('takes every matching row, far past one page of the list, in the list order', async () => {
    const core = freshCore();
    await core.signIn();
    const db = openDatabase(path.join(core.dataDir, DATABASE_FILE));
    try {
      seedVenues(db, 1_234, { prefix: 'TT' });
    } finally {
      db.close();
    }
    const { result, sheet } = await exportXlsx(core, { sort: 'code' });
    expect(result.rows).toBe(1_234);
    const codes = sheetRows(sheet).slice(1).map((row) => row[0]);
    expect(codes).toHaveLength(1_234);
    expect(new Set(codes).size).toBe(1_234);
    const listed = await core.call('venues.list', { sort: 'code', limit: 500, offset: 500 });
    expect(codes.slice(500, 1000)).toEqual(listed.items.map((venue) => venue.code));

    const cafes = await core.call('venues.list', { type: 'cafe', limit: 1 });
    expect((await exportCsv(core, { type: 'cafe' })).result.rows).toBe(cafes.total);
  }, 60_000);

  it('refuses an unknown format', async () => {
    const core = freshCore();
    await core.signIn();
    const error = await core.fail('venues.export', { format: 'pdf' } as unknown as ExportInput);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'format' });
  });
});

describe('venues.export to .csv', () => {
  it('is UTF-8 with a BOM, comma-separated, CRLF, quoted as RFC 4180 says, with formulas neutralised', async () => {
    const { core, venues } = await registerWithVenues();
    const { result, bytes, text } = await exportCsv(core);
    expect(result).toMatchObject({ mimeType: 'text/csv;charset=utf-8', rows: 4 });
    expect(result.fileName).toMatch(/^danh-sach-co-so-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    expect(text.startsWith(`${HEADERS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);

    const rows = parseCsv(text);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(HEADERS.length);
    const rowOf = (code: string) => rows.find((row) => row[0] === code)!;

    const market = rowOf(venues.market.code);
    expect(market[column('Tên cơ sở') - 1]).toBe('Chợ Kỳ Bắc');
    expect(market[column('Số điện thoại') - 1]).toBe('0912 345 678, 0239 3861 234');
    expect(market[column('Ghi chú') - 1]).toBe('Cổng chính "mới", cổng phụ bị che');
    expect(market[column('Vĩ độ') - 1]).toBe('18.0345');
    expect(market[column('Ngày cập nhật') - 1]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // On the wire: quotes doubled, the comma-bearing fields quoted, a plain field not.
    expect(text).toContain(',"Cổng chính ""mới"", cổng phụ bị che",');
    expect(text).toContain(',"0912 345 678, 0239 3861 234",');
    expect(text).toContain(`${venues.market.code},Chợ Kỳ Bắc,Chợ,`);

    const hostile = rowOf(venues.hostile.code);
    expect(hostile[column('Tên cơ sở') - 1]).toBe(`'${HOSTILE_NAME}`);
    expect(hostile[column('Chủ cơ sở') - 1]).toBe("'@SUM(1+1)");
    expect(hostile[column('Ghi chú') - 1]).toBe("'-");
    expect(rowOf(venues.cafe.code)[column('Ghi chú') - 1]).toBe("'+84 gọi trước");
    for (const row of rows) for (const field of row) expect(looksLikeFormula(field), field).toBe(false);
  });
});

describe('CSV writer', () => {
  // Venue text is stored on one line; the import's error report and later writers may not be.
  it('quotes line breaks, quotes and commas, and nothing else', () => {
    expect(csvField('Chợ Kỳ Bắc')).toBe('Chợ Kỳ Bắc');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    const table = [
      ['Tên', 'Ghi chú'],
      ['Quán "A", chợ B', 'dòng 1\r\ndòng 2'],
    ];
    const bytes = Buffer.from(csvBase64(table), 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    expect(parseCsv(bytes.subarray(3).toString('utf8'))).toEqual(table);
  });

  it('with ";" for Excel under the Vietnamese format: a semicolon is quoted, a comma is not', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('Số 5, ngõ 2', ';')).toBe('Số 5, ngõ 2');
    const text = Buffer.from(csvBase64([['Tên', 'Địa chỉ'], ['Quán A; chợ B', 'Số 5, ngõ 2']], ';'), 'base64').subarray(3).toString('utf8');
    expect(text).toBe('Tên;Địa chỉ\r\n"Quán A; chợ B";Số 5, ngõ 2\r\n');
  });
});

describe('formula guard', () => {
  it('neutralises what a spreadsheet would run, and the import can undo exactly that', () => {
    for (const text of ['=1+1', '+84', '-', '-2+3+cmd|x', '@SUM(A1)', '\t=1', '\r=1', '＝1+1']) {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
      expect(restoreNeutralizedFormula(neutralizeFormula(text))).toBe(text);
    }
    for (const text of ['Chợ Kỳ Bắc', '0912 345 678', "'Ngõ 5'", '', 'a=b']) {
      expect(neutralizeFormula(text)).toBe(text);
      expect(restoreNeutralizedFormula(text)).toBe(text);
    }
  });
});

describe('export labels', () => {
  it('head the columns as the brief fixes them', () => {
    expect(VENUE_EXPORT_COLUMNS.map((c) => c.header)).toEqual(HEADERS);
  });

  it('date the file in Vietnam, whatever the PC clock zone', () => {
    expect(exportFileName('xlsx', new Date('2025-06-30T18:30:00Z'))).toBe('danh-sach-co-so-2025-07-01.xlsx');
    expect(exportFileName('csv', new Date('2025-06-30T16:59:00Z'))).toBe('danh-sach-co-so-2025-06-30.csv');
  });
});
