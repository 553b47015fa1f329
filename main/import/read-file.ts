import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/result';
import { IMPORT_LIMITS } from '../../shared/domain/import';
import { restoreNeutralizedFormula } from '../export/spreadsheet';
import type { Job } from '../jobs/job';
import { cellText } from './cell-text';
import { checkCsvShape } from './csv-shape';
import { decodeCsvBytes, guessDelimiter, parseCsvInSlices } from './text-decoding';
import { tooBig } from './too-big';
import { guardXlsx } from './xlsx-guard';

/** One sheet as text: rows[0] is spreadsheet row 1, so row numbers stay those the clerk sees in Excel. */
export interface RawSheet {
  name: string;
  rows: string[][];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

const unsupported = (message: string) => new AppError('UNSUPPORTED_FILE', message);

/** An Office file encrypted with a password is an OLE container holding an "EncryptedPackage" stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);
}

const corrupted = () => unsupported('Không đọc được tệp Excel: tệp có thể bị hỏng hoặc không phải .xlsx. Hãy mở bằng Excel và lưu lại.');

/** Reading a workbook whole (the fallback) holds all of it at once: only for files that unpack small. */
const WHOLE_READ_BYTES = 20 * 1024 * 1024;

/**
 * What a file costs as it is read, refused past a cap: rows up to each sheet's last (a cell
 * at row 1,048,576 counts as a sheet that long, never as a million arrays), cells up to each
 * row's last. Reports progress and lets the app breathe now and then.
 */
function readingBudget(job: Job) {
  let rowsBefore = 0;
  let cells = 0;
  let read = 0;
  return {
    async row(sheet: RawSheet, row: ExcelJS.Row) {
      if (rowsBefore + row.number > IMPORT_LIMITS.rows) throw tooBig.rows();
      const values = rowCells(row, sheet.name);
      cells += values.length;
      if (cells > IMPORT_LIMITS.cells) throw tooBig.cells();
      sheet.rows[row.number - 1] = values;
      if (++read % 2000 === 0) {
        job.report(read);
        await job.pause();
      }
    },
    sheetDone(sheet: RawSheet) {
      for (let index = 0; index < sheet.rows.length; index++) sheet.rows[index] ??= [];
      rowsBefore += sheet.rows.length;
    },
  };
}

/** A row's cells as text up to its last one with a value, refused past the column and cell-length caps. */
function rowCells(row: ExcelJS.Row, sheetName: string): string[] {
  const cells: string[] = [];
  row.eachCell((cell, column) => {
    if (column > IMPORT_LIMITS.columns) throw tooBig.columns(sheetName);
    const text = cellText(cell.value);
    if (text.length > IMPORT_LIMITS.cellChars) throw tooBig.cell(sheetName);
    cells[column - 1] = text;
  });
  return cells;
}

/** Row by row, without holding the whole workbook: the way for big files. */
async function streamXlsx(bytes: Buffer, job: Job): Promise<RawSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: RawSheet[] = [];
  const budget = readingBudget(job);
  for await (const worksheet of reader) {
    const sheet: RawSheet = { name: (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`, rows: [] };
    sheets.push(sheet);
    for await (const row of worksheet) await budget.row(sheet, row);
    budget.sheetDone(sheet);
  }
  return sheets;
}

/** The whole workbook at once: slower and heavier, but it reads valid files whose parts the streaming reader cannot follow. */
async function loadXlsx(bytes: Buffer, job: Job): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: RawSheet[] = [];
  const budget = readingBudget(job);
  for (const worksheet of workbook.worksheets) {
    const sheet: RawSheet = { name: worksheet.name, rows: [] };
    sheets.push(sheet);
    const rows: ExcelJS.Row[] = [];
    worksheet.eachRow((row) => rows.push(row));
    for (const row of rows) await budget.row(sheet, row);
    budget.sheetDone(sheet);
  }
  return sheets;
}

/**
 * Measures the unpacked parts first (guardXlsx), then streams the workbook; when the
 * streaming reader fails on a valid file (other software's exports, e.g. SheetJS, order
 * their parts so it loses the workbook part), reads it whole, if it unpacks small, before
 * calling it corrupted.
 */
async function readXlsx(bytes: Uint8Array, job: Job): Promise<RawSheet[]> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const measured = await guardXlsx(zip, job);
  if (measured === null) throw corrupted();
  try {
    return await streamXlsx(zip, job);
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  if (measured.unpackedBytes > WHOLE_READ_BYTES) throw corrupted();
  try {
    return await loadXlsx(zip, job);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupted();
  }
}

/** The start of a CSV file is enough to guess its separator, and decoding it alone costs nothing. */
const BYTES_FOR_SEPARATOR = 256 * 1024;

/**
 * Our CSV export guards formula-like text with a leading "'"; reading it back takes the
 * guard off. Its shape is checked on the bytes first, pausing, so a hostile file is refused
 * before it is decoded or parsed and the app answers meanwhile.
 */
async function readCsv(bytes: Uint8Array, fileName: string, job: Job): Promise<RawSheet[]> {
  const name = fileName.replace(/\.csv$/i, '');
  const delimiter = guessDelimiter(decodeCsvBytes(bytes.subarray(0, BYTES_FOR_SEPARATOR)).text);
  await checkCsvShape(bytes, delimiter, name, job);
  const rows = await parseCsvInSlices(decodeCsvBytes(bytes).text, delimiter, restoreNeutralizedFormula, () => job.pause());
  if (rows.some((row) => row.some((cell) => cell.length > IMPORT_LIMITS.cellChars))) throw tooBig.cell(name);
  return [{ name, rows }];
}

/**
 * Reads the bytes the renderer sent (never a path) as sheets of text. Refuses, with a
 * sentence saying what to do, what is not a spreadsheet we read.
 */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array, job: Job): Promise<RawSheet[]> {
  if (bytes.byteLength === 0) throw unsupported('Tệp rỗng, không có dữ liệu.');
  if (bytes.byteLength > IMPORT_LIMITS.bytes) {
    throw unsupported(`Tệp lớn hơn ${IMPORT_LIMITS.bytes / 1024 / 1024} MB, quá giới hạn một lần nhập.`);
  }
  let sheets: RawSheet[];
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOffice(bytes)) {
      throw unsupported('Tệp Excel đang được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.');
    }
    throw unsupported('Đây là tệp Excel đời cũ (.xls). Hãy mở bằng Excel và chọn Lưu thành → Sổ làm việc Excel (.xlsx), rồi nhập tệp .xlsx.');
  } else if (startsWith(bytes, ZIP_MAGIC)) {
    sheets = await readXlsx(bytes, job);
  } else if (/\.(csv|txt)$/i.test(fileName)) {
    sheets = await readCsv(bytes, fileName, job);
  } else {
    throw unsupported('Tệp này không phải bảng tính. Hãy chọn tệp .xlsx hoặc .csv.');
  }
  const withData = sheets.filter((sheet) => sheet.rows.some((row) => row.some((cell) => cell.trim() !== '')));
  if (withData.length === 0) throw unsupported('Tệp không có dữ liệu: mọi trang tính đều trống.');
  return withData;
}
