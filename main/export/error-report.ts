import { tableXlsxBase64, type SheetColumn, type SheetValue } from './spreadsheet';

/** A row the import refused: where it was in the clerk's file, its cells as read, and why. */
export interface FailedRow {
  /** The row number in the original sheet (1-based, as Excel shows it). */
  rowNumber: number;
  values: string[];
  reason: string;
}

export const ERROR_REPORT_ROW_HEADER = 'Dòng';
export const ERROR_REPORT_REASON_HEADER = 'Lý do lỗi';

/** Width from the longest of the header and the first rows' values, within reason. */
function widthOf(header: string, rows: readonly FailedRow[], index: number): number {
  const longest = rows.slice(0, 200).reduce((max, row) => Math.max(max, (row.values[index] ?? '').length), header.length);
  return Math.min(40, Math.max(10, longest + 2));
}

/**
 * The import's error report (.xlsx, base64): for each refused row, its row number in the
 * original file, the reason, then the row's cells under the file's own headers. The
 * reason stands next to the row number, in view without scrolling across a wide sheet,
 * and both stay frozen with the header. The clerk can correct the cells and import the
 * report itself; "Dòng" and "Lý do lỗi" are then simply columns the import leaves out.
 * Every cell is text exactly as read (leading zeros kept, "=…" never run); a value beyond
 * the last header gets a column "Cột N" rather than being dropped.
 */
export function writeErrorReport(rows: readonly FailedRow[], headers: readonly string[]): Promise<string> {
  const width = rows.reduce((max, row) => Math.max(max, row.values.length), headers.length);
  const dataColumns: SheetColumn[] = Array.from({ length: width }, (_, index) => {
    const header = headers[index]?.trim() || `Cột ${index + 1}`;
    return { header, width: widthOf(header, rows, index) };
  });
  const columns: SheetColumn[] = [
    { header: ERROR_REPORT_ROW_HEADER, width: 7, kind: 'number' },
    { header: ERROR_REPORT_REASON_HEADER, width: 40, wrap: true, color: 'FFB3261E' },
    ...dataColumns,
  ];
  const values = rows.map((row): SheetValue[] => [row.rowNumber, row.reason, ...row.values]);
  return tableXlsxBase64({ sheetName: 'Dòng lỗi', columns, rows: values, frozenColumns: 2 });
}
