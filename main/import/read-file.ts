import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/result';
import { IMPORT_LIMITS } from '../../shared/domain/import';
import { restoreNeutralizedFormula } from '../export/spreadsheet';
import type { Job } from '../jobs/job';
import { cellText } from './cell-text';
import { decodeCsvBytes, parseCsv } from './text-decoding';

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

function tooManyRows(): AppError {
  return unsupported(
    `Tệp có hơn ${IMPORT_LIMITS.rows.toLocaleString('vi-VN')} dòng, quá giới hạn một lần nhập. Hãy chia tệp thành nhiều phần.`,
  );
}

const corrupted = () => unsupported('Không đọc được tệp Excel: tệp có thể bị hỏng hoặc không phải .xlsx. Hãy mở bằng Excel và lưu lại.');

/** Counts rows read across sheets: refuses past the limit, reports progress and lets the app breathe now and then. */
function rowCounter(job: Job) {
  let total = 0;
  return async () => {
    if (++total > IMPORT_LIMITS.rows) throw tooManyRows();
    if (total % 2000 === 0) {
      job.report(total);
      await job.pause();
    }
  };
}

const fillGaps = (sheet: RawSheet) => {
  for (let index = 0; index < sheet.rows.length; index++) sheet.rows[index] ??= [];
};

/** Row by row, without holding the whole workbook: the way for big files. */
async function streamXlsx(bytes: Uint8Array, job: Job): Promise<RawSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: RawSheet[] = [];
  const counted = rowCounter(job);
  for await (const worksheet of reader) {
    const sheet: RawSheet = { name: (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`, rows: [] };
    sheets.push(sheet);
    for await (const row of worksheet) {
      sheet.rows[row.number - 1] = (row.values as unknown[]).slice(1).map(cellText);
      await counted();
    }
    fillGaps(sheet);
  }
  return sheets;
}

/** The whole workbook at once: slower and heavier, but it reads valid files whose parts the streaming reader cannot follow. */
async function loadXlsx(bytes: Uint8Array, job: Job): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets: RawSheet[] = [];
  const counted = rowCounter(job);
  for (const worksheet of workbook.worksheets) {
    const sheet: RawSheet = { name: worksheet.name, rows: [] };
    sheets.push(sheet);
    const rows: ExcelJS.Row[] = [];
    worksheet.eachRow((row) => rows.push(row));
    for (const row of rows) {
      sheet.rows[row.number - 1] = (row.values as unknown[]).slice(1).map(cellText);
      await counted();
    }
    fillGaps(sheet);
  }
  return sheets;
}

/**
 * Streams the workbook; when the streaming reader fails on a valid file (other software's
 * exports, e.g. SheetJS, order their parts so it loses the workbook part), reads it whole
 * before calling it corrupted.
 */
async function readXlsx(bytes: Uint8Array, job: Job): Promise<RawSheet[]> {
  try {
    return await streamXlsx(bytes, job);
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  try {
    return await loadXlsx(bytes, job);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupted();
  }
}

/** Our CSV export guards formula-like text with a leading "'"; reading it back takes the guard off. */
function readCsv(bytes: Uint8Array, fileName: string): RawSheet[] {
  const rows = parseCsv(decodeCsvBytes(bytes).text).map((row) => row.map(restoreNeutralizedFormula));
  if (rows.length > IMPORT_LIMITS.rows) throw tooManyRows();
  return [{ name: fileName.replace(/\.csv$/i, ''), rows }];
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
    sheets = readCsv(bytes, fileName);
  } else {
    throw unsupported('Tệp này không phải bảng tính. Hãy chọn tệp .xlsx hoặc .csv.');
  }
  const withData = sheets.filter((sheet) => sheet.rows.some((row) => row.some((cell) => cell.trim() !== '')));
  if (withData.length === 0) throw unsupported('Tệp không có dữ liệu: mọi trang tính đều trống.');
  return withData;
}
