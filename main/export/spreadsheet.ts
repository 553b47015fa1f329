import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * What every spreadsheet the app writes has in common (the venue export, the import's
 * error report): text cells Excel keeps as typed, a bold frozen header with a filter,
 * CSV that Excel opens right, and no cell Excel could run as a formula.
 */

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/** Excel's number format "Text": what is typed or stored stays a string (leading 0, "=…" alike). */
export const TEXT_FORMAT = '@';

/** Excel refuses to open a file with a longer cell. */
const EXCEL_MAX_CELL_CHARS = 32_767;

/**
 * Characters that make a spreadsheet read a cell as a formula when it is typed, pasted or
 * opened from CSV (OWASP "CSV injection"): = + - @, tab and CR; also their full-width
 * forms, out of caution, since East Asian input methods may turn them into the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** True for text a spreadsheet would take for a formula ("=HYPERLINK(…)", "-2+3", "@SUM(…)"). */
export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/**
 * For CSV, where nothing says "this is text": a leading apostrophe makes Excel and
 * LibreOffice show the cell as text and never evaluate it ("'=cmd|…"). Plain text is
 * returned unchanged. Numbers the app formats itself (coordinates) do not go through this:
 * "-12.5" is a number, not an attack.
 */
export const neutralizeFormula = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text);

/**
 * The inverse, for the import reading back a CSV this app wrote: "'=abc" → "=abc". Only an
 * apostrophe in front of a formula character is removed, so "'Ngõ 5'" stays as it is.
 */
export const restoreNeutralizedFormula = (text: string): string =>
  text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as an xlsx cell can hold it: a lone UTF-16 surrogate (half an emoji cut by an old
 * program) would make the XML invalid, and Excel refuses cells over 32,767 characters.
 * exceljs itself drops the control characters XML 1.0 forbids.
 */
export function xlsxSafeText(text: string): string {
  const short = text.length > EXCEL_MAX_CELL_CHARS ? text.slice(0, EXCEL_MAX_CELL_CHARS) : text;
  // After the cut, which may itself split a pair.
  return short.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A text cell. The value is written as a string (an inline string in the file), which no
 * spreadsheet evaluates on opening, and formatted as Text, so that editing the cell
 * (F2, Enter) does not turn "=…" into a formula nor "0912…" into a number either. The
 * text itself is kept exactly, without the CSV's apostrophe: a re-import reads back what
 * was exported.
 */
export function setTextCell(cell: ExcelJS.Cell, text: string): void {
  cell.numFmt = TEXT_FORMAT;
  cell.value = text === '' ? null : xlsxSafeText(text);
}

export interface SheetColumn {
  header: string;
  /** In characters, as Excel counts column widths. */
  width: number;
  /** Text (the default) or a number written as a number (coordinates, row numbers). */
  kind?: 'text' | 'number';
  wrap?: boolean;
  /** Font colour of the data cells, ARGB ("FFB3261E"). */
  color?: string;
}

export type SheetValue = string | number | null;

export interface TableSheet {
  sheetName: string;
  columns: readonly SheetColumn[];
  /** Rows of values in column order; read once, lazily, so 100,000 rows are never all cells at once. */
  rows: Iterable<readonly SheetValue[]>;
  /** Columns kept in view while scrolling right, besides the header kept while scrolling down. */
  frozenColumns?: number;
  created?: Date;
}

/** Excel's last row, header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/** Rows written between two yields to the event loop, so IPC and the log keep flowing. */
const ROWS_PER_SLICE = 1_000;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** "B2" for row 2, column 2. */
function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}

/**
 * One sheet as an .xlsx file (base64). The header is on row 1 (so re-importing needs no
 * header search), bold and frozen, with a filter over the columns; every text column is
 * formatted as Text, so rows typed in later keep their leading zeros too.
 *
 * Written with exceljs's streaming writer and inline strings: each row is serialised
 * and dropped as soon as it is written. For 100,000 venues the in-memory workbook took
 * the process to 1.9 GB and 11 s, this to 0.3 GB and 4 s: an office PC has little to spare.
 */
export const tableXlsxBase64 = (sheet: TableSheet): Promise<string> => tablesXlsxBase64([sheet], sheet.created);

/** Several such sheets in one workbook, in order (the dashboard's tables). */
export async function tablesXlsxBase64(sheets: readonly TableSheet[], created = new Date()): Promise<string> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Điểm QR';
  workbook.created = created;
  for (const sheet of sheets) await writeSheet(workbook, sheet);
  await workbook.commit();
  return Buffer.concat(chunks).toString('base64');
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, { sheetName, columns, rows, frozenColumns = 0 }: TableSheet): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1, topLeftCell: cellAddress(2, frozenColumns + 1) }],
  });
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width;
    if ((column.kind ?? 'text') === 'text') sheetColumn.numFmt = TEXT_FORMAT;
    if (column.wrap) sheetColumn.alignment = { wrapText: true, vertical: 'top' };
  });

  const header = sheet.getRow(1);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    setTextCell(cell, column.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();

  const fonts = columns.map((column) => (column.color ? { color: { argb: column.color } } : undefined));
  let rowNumber = 1;
  for (const values of rows) {
    if (rowNumber === EXCEL_MAX_ROWS) throw new Error(`tableXlsxBase64: more rows than Excel holds (${EXCEL_MAX_ROWS - 1})`);
    const row = sheet.getRow(++rowNumber);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const value = values[index] ?? null;
      if ((column.kind ?? 'text') === 'text') setTextCell(cell, value === null ? '' : String(value));
      else cell.value = typeof value === 'number' ? value : null;
      const font = fonts[index];
      if (font) cell.font = font;
    });
    row.commit();
    if (rowNumber % ROWS_PER_SLICE === 0) await nextTick();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rowNumber, column: Math.max(1, columns.length) } };
  sheet.commit();
}

/**
 * CSV choices, made once for every CSV the app writes:
 * - UTF-8 with a BOM: without it Excel reads UTF-8 as the ANSI code page and Vietnamese
 *   turns into "Chá»£". No "sep=" line: Excel then ignores the BOM and the text breaks.
 * - Comma separator (RFC 4180). Excel splits a double-clicked CSV at the list separator of
 *   the PC's regional format: ";" under the Vietnamese format (decimal comma), "," under
 *   English (United States) and most others. Whichever we pick, some PCs get one column;
 *   the app cannot know the PC that will open the file. The comma is what LibreOffice,
 *   Google Sheets, scripts and the other systems the list is handed to expect, so the CSV
 *   is the interchange format, and the clerk who wants the list in Excel has "Xuất Excel",
 *   whose .xlsx opens right whatever the settings, or a CSV with ";" for a PC set to the
 *   Vietnamese format. This app's own import reads both.
 * - CRLF line ends, a field quoted only when it holds a comma, a quote or a line break,
 *   a quote written twice (RFC 4180).
 */
export type CsvSeparator = ',' | ';';
const UTF8_BOM = '\uFEFF';

export function csvField(text: string, separator: CsvSeparator = ','): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of already neutralised fields → the bytes of a CSV file, as base64. */
export function csvBase64(rows: readonly (readonly string[])[], separator: CsvSeparator = ','): string {
  const lines = rows.map((row) => `${row.map((field) => csvField(field, separator)).join(separator)}\r\n`);
  return Buffer.from(UTF8_BOM + lines.join(''), 'utf8').toString('base64');
}
