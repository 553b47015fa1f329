import { IMPORT_LIMITS } from '../../shared/domain/import';
import type { Job } from '../jobs/job';
import { tooBig } from './too-big';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** Bytes walked between two pauses: a few milliseconds of work. */
const BYTES_A_SLICE = 1 << 20;
/** A cell's text in bytes: up to 3 a character in UTF-8 (the exact length is checked once parsed). */
const MAX_CELL_BYTES = IMPORT_LIMITS.cellChars * 3 + 2;

/**
 * Walks a CSV file's bytes as the parser will read them (quoted cells may hold separators
 * and line breaks; separators, quotes and line breaks are the same bytes in UTF-8 and
 * Windows-1258) keeping only counters, pausing now and then, and refuses it as soon as it
 * has too many rows, a row too many cells or a cell too long: a one-line 47 MB file is
 * refused at its 401st cell, before it is decoded or parsed into millions.
 */
export async function checkCsvShape(bytes: Uint8Array, delimiter: string, sheet: string, job: Job): Promise<void> {
  const separator = delimiter.charCodeAt(0);
  let rows = 0;
  let cells = 1;
  let cellStart = 0;
  let quoted = false;
  const endCell = (at: number) => {
    if (at - cellStart > MAX_CELL_BYTES) throw tooBig.cell(sheet);
    cellStart = at + 1;
  };
  for (let at = 0; at < bytes.length; at++) {
    if (at % BYTES_A_SLICE === 0 && at > 0) await job.pause();
    const code = bytes[at];
    if (quoted) {
      if (code === QUOTE) {
        if (bytes[at + 1] === QUOTE) at++;
        else quoted = false;
      }
    } else if (code === QUOTE && at === cellStart) {
      quoted = true;
    } else if (code === separator) {
      endCell(at);
      if (++cells > IMPORT_LIMITS.columns) throw tooBig.columns(sheet);
    } else if (code === LF || code === CR) {
      endCell(at);
      if (code === CR && bytes[at + 1] === LF) cellStart = ++at + 1;
      if (++rows > IMPORT_LIMITS.rows) throw tooBig.rows();
      cells = 1;
    }
  }
  endCell(bytes.length);
}
