import type { Job } from '../jobs/job';
import type { RawSheet } from './read-file';

/**
 * Sheets of text as three flat arrays, which the reading worker transfers to the engine
 * instead of cloning: a list near the caps is ~1,400,000 cells, and cloning that many
 * strings held the engine's thread for seconds and both heaps at once (326 MB peak).
 * Transferred, the arrays change owner without a copy; the engine rebuilds the rows a
 * slice at a time, answering other operations in between.
 */
export interface CompactSheet {
  name: string;
  /** Every cell's text in UTF-8, one after another. */
  text: Uint8Array;
  /** Each cell's length in bytes, row after row; HOLE for a cell the row skips (an empty cell before a filled one). */
  cellBytes: Uint32Array;
  /** How many cells each row has. */
  rowCells: Uint32Array;
}

const HOLE = 0xffffffff;
const ROWS_A_SLICE = 2000;

function compactSheet({ name, rows }: RawSheet): CompactSheet {
  const rowCells = new Uint32Array(rows.length);
  let cellCount = 0;
  let byteCount = 0;
  rows.forEach((row, index) => {
    rowCells[index] = row.length;
    cellCount += row.length;
    row.forEach((cell) => (byteCount += Buffer.byteLength(cell)));
  });
  // allocUnsafeSlow: an ArrayBuffer of its own, never a slice of Node's shared pool, so it can be transferred.
  const text = Buffer.allocUnsafeSlow(byteCount);
  const cellBytes = new Uint32Array(cellCount);
  let cellAt = 0;
  let byteAt = 0;
  for (const row of rows) {
    for (let column = 0; column < row.length; column++, cellAt++) {
      const cell = row[column];
      if (cell === undefined) {
        cellBytes[cellAt] = HOLE;
      } else {
        cellBytes[cellAt] = text.write(cell, byteAt);
        byteAt += cellBytes[cellAt];
      }
    }
  }
  return { name, text, cellBytes, rowCells };
}

/** In the worker: the sheets as flat arrays, and the buffers to transfer with them. */
export function compactSheets(sheets: readonly RawSheet[]): { compact: CompactSheet[]; transfer: ArrayBuffer[] } {
  const compact = sheets.map(compactSheet);
  return { compact, transfer: compact.flatMap((sheet) => [sheet.text.buffer, sheet.cellBytes.buffer, sheet.rowCells.buffer] as ArrayBuffer[]) };
}

/** In the engine: the rows again, exactly as the reader made them (holes included), pausing between slices. */
export async function expandSheets(compact: readonly CompactSheet[], job: Job): Promise<RawSheet[]> {
  const sheets: RawSheet[] = [];
  for (const { name, text, cellBytes, rowCells } of compact) {
    const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    const rows: string[][] = new Array(rowCells.length);
    let cellAt = 0;
    let byteAt = 0;
    for (let index = 0; index < rowCells.length; index++) {
      const row: string[] = [];
      for (let column = 0; column < rowCells[index]; column++, cellAt++) {
        const length = cellBytes[cellAt];
        if (length === HOLE) continue;
        row[column] = bytes.toString('utf8', byteAt, byteAt + length);
        byteAt += length;
      }
      row.length = rowCells[index];
      rows[index] = row;
      if ((index + 1) % ROWS_A_SLICE === 0) await job.pause();
    }
    sheets.push({ name, rows });
  }
  return sheets;
}
