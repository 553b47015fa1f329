import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/result';
import { UNIT_LEVELS, type UnitLevel } from '../../shared/domain/admin-unit';
import { cleanText, foldVietnamese } from '../../shared/text/fold';
import { matchHeader, type Column, type HeaderColumns } from './import-headers';
import { LEVEL_NAME_VI, normalizeOfficialCode } from './rules';

/** One unit read from the sheet; parents come before their children in the list. */
export interface SheetUnit {
  level: Exclude<UnitLevel, 'village'>;
  code: string;
  name: string;
  parent: { level: UnitLevel; code: string } | null;
}

/** Identifies a unit within one import: codes are unique per level. */
export const sheetKey = (level: UnitLevel, code: string): string => `${level}:${code}`;

/** Title rows (ministry, list name, export date) come above the header; it is looked for this far down. */
const HEADER_SEARCH_ROWS = 30;
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

async function loadWorkbook(bytes: Uint8Array, unsupported: (message: string) => AppError): Promise<ExcelJS.Workbook> {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw unsupported('tệp Excel 97–2003 (.xls) chưa được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.');
  }
  const notXlsx = unsupported('tệp không phải bảng tính Excel .xlsx.');
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw notXlsx;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like Buffer: hand it a plain ArrayBuffer copy.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw notXlsx;
  }
  return workbook;
}

/** A cell as text: rich text, formulas and numbers alike (`cell.text`), trimmed NFC. */
const cellText = (row: ExcelJS.Row, column: number | undefined) => (column === undefined ? '' : cleanText(row.getCell(column).text ?? ''));

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: HeaderColumns } | null {
  for (let number = 1; number <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); number++) {
    const cells: { column: number; text: string }[] = [];
    sheet.getRow(number).eachCell((cell, column) => cells.push({ column, text: cell.text ?? '' }));
    const columns = matchHeader(cells);
    if (columns) return { row: number, columns };
  }
  return null;
}

/** "Kỳ Bắc" with kind "Xã" reads "Xã Kỳ Bắc", as the older lists spell names; a name that already says it is kept. */
function withKind(name: string, kind: string): string {
  if (kind === '' || foldVietnamese(name).startsWith(`${foldVietnamese(kind)} `)) return name;
  return `${kind} ${name}`;
}

/**
 * Turns the data rows into units, deduplicated by level and code (every commune row
 * repeats its province). Rows without any code (notes, totals) are skipped; a row with
 * a code but a missing name or parent code is an error naming the row, since a guess
 * would file a commune under the wrong province.
 */
function readUnits(sheet: ExcelJS.Worksheet, headerRow: number, columns: HeaderColumns, where: string): SheetUnit[] {
  const units = new Map<string, SheetUnit>();
  const add = (unit: SheetUnit) => units.set(sheetKey(unit.level, unit.code), unit);
  for (let number = headerRow + 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const value = (column: Column) => cellText(row, columns[column]);
    const code = (level: SheetUnit['level'], column: Column) => normalizeOfficialCode(level, value(column) || null);
    const province = code('province', 'provinceCode');
    const district = code('district', 'districtCode');
    const commune = code('commune', 'communeCode');
    if (province === null && district === null && commune === null) continue;
    const need = (text: string, level: UnitLevel, what: string) => {
      if (text === '') {
        throw new AppError('INVALID_INPUT', `${where}: dòng ${number}: thiếu ${what} ${LEVEL_NAME_VI[level]}.`, `rows.${number}`, 'required');
      }
      return text;
    };
    const provinceCode = need(province ?? '', 'province', 'mã');
    add({ level: 'province', code: provinceCode, name: need(value('provinceName'), 'province', 'tên'), parent: null });
    let parent: SheetUnit['parent'] = { level: 'province', code: provinceCode };
    if (district !== null) {
      add({ level: 'district', code: district, name: need(value('districtName'), 'district', 'tên'), parent });
      parent = { level: 'district', code: district };
    }
    if (commune !== null) {
      const name = withKind(need(value('communeName'), 'commune', 'tên'), value('kind'));
      add({ level: 'commune', code: commune, name, parent });
    }
  }
  return [...units.values()].sort((a, b) => UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level));
}

/** Reads the first worksheet that has the list's header; a file without one is UNSUPPORTED_FILE. */
export async function readUnitSheet(bytes: Uint8Array, fileName: string): Promise<SheetUnit[]> {
  // Messages name the operation and the file, so the log says which import failed where.
  const where = `importUnits: ${fileName}`;
  const unsupported = (message: string) => new AppError('UNSUPPORTED_FILE', `${where}: ${message}`);
  const workbook = await loadWorkbook(bytes, unsupported);
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet);
    if (header) return readUnits(sheet, header.row, header.columns, where);
  }
  throw unsupported(
    'không tìm thấy dòng tiêu đề của danh mục đơn vị hành chính (cần các cột Tỉnh / Thành phố, Mã TP, Phường Xã, Mã PX).',
  );
}
