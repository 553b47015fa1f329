import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeErrorReport, type FailedRow } from '../../main/export/error-report';

async function read(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(base64, 'base64')).buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

const texts = (row: ExcelJS.Row, count: number) => Array.from({ length: count }, (_, i) => row.getCell(i + 1).text);

const HEADERS = ['STT', 'Tên cơ sở', 'Số điện thoại', 'Địa chỉ'];
const FAILED: FailedRow[] = [
  { rowNumber: 7, values: ['3', '', '0912345678', 'Thôn Tân Thượng'], reason: 'Thiếu tên cơ sở' },
  { rowNumber: 12, values: ['8', '=HYPERLINK("http://x","bấm")', '12345', ''], reason: 'Số điện thoại không hợp lệ: 12345' },
  { rowNumber: 15, values: ['10', 'Quán cà phê Đường Sắt', '0904 092 233', 'Xóm Gành', 'cột thừa'], reason: 'Trùng với cơ sở CS-0002' },
];

describe('writeErrorReport', () => {
  it('lists each failed row under its original headers, with its row number and the reason beside it', async () => {
    const sheet = await read(await writeErrorReport(FAILED, HEADERS));
    // A value beyond the last header gets a column of its own rather than being dropped.
    expect(texts(sheet.getRow(1), 7)).toEqual(['Dòng', 'Lý do lỗi', ...HEADERS, 'Cột 5']);
    expect(sheet.rowCount).toBe(4);
    expect(texts(sheet.getRow(2), 7)).toEqual(['7', 'Thiếu tên cơ sở', '3', '', '0912345678', 'Thôn Tân Thượng', '']);
    expect(texts(sheet.getRow(3), 6)).toEqual(['12', 'Số điện thoại không hợp lệ: 12345', '8', '=HYPERLINK("http://x","bấm")', '12345', '']);
    expect(texts(sheet.getRow(4), 7)).toEqual(['15', 'Trùng với cơ sở CS-0002', '10', 'Quán cà phê Đường Sắt', '0904 092 233', 'Xóm Gành', 'cột thừa']);
    expect(sheet.getRow(2).getCell(1).value).toBe(7);
  });

  it('has a bold frozen header and a filter, and keeps every cell as text exactly as read, never a formula', async () => {
    const sheet = await read(await writeErrorReport(FAILED, HEADERS));
    for (let column = 1; column <= 7; column++) expect(sheet.getRow(1).getCell(column).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(String(sheet.autoFilter)).toBe('A1:G4');
    const phone = sheet.getRow(2).getCell(5);
    expect(phone.value).toBe('0912345678');
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.numFmt).toBe('@');
    const hostile = sheet.getRow(3).getCell(4);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.numFmt).toBe('@');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, cell.address).toBeUndefined();
      }),
    );
  });

  it('writes a header-only report for no rows, and names blank headers', async () => {
    const sheet = await read(await writeErrorReport([], ['Tên', '', '  ']));
    expect(texts(sheet.getRow(1), 5)).toEqual(['Dòng', 'Lý do lỗi', 'Tên', 'Cột 2', 'Cột 3']);
    expect(sheet.rowCount).toBe(1);
  });

  it('survives text Excel could not hold: control characters, half an emoji, an over-long cell', async () => {
    const long = 'x'.repeat(40_000);
    const sheet = await read(
      await writeErrorReport([{ rowNumber: 2, values: ['a\u0001b', 'lỗi \uD83D', long], reason: 'Quá dài' }], ['A', 'B', 'C']),
    );
    expect(sheet.getRow(2).getCell(3).text).toBe('ab');
    expect(sheet.getRow(2).getCell(4).text).toBe('lỗi \uFFFD');
    expect(sheet.getRow(2).getCell(5).text).toHaveLength(32_767);
  });
});
