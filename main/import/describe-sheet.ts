import type { ImportColumn, ImportSheet } from '../../shared/domain/import';
import { findHeaderRow, guessField } from './header-guess';
import { convertLegacy, detectLegacyEncoding } from './legacy-encoding';
import type { RawSheet } from './read-file';

const SAMPLES_SHOWN = 5;
const SAMPLES_FOR_DETECTION = 200;

/** A header typed with a legacy font ("Tªn c¬ së") is read in the encoding that makes it a known header. */
function decodeHeader(text: string): string {
  if (guessField(text) !== null) return text;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const converted = convertLegacy(text, encoding);
    if (guessField(converted) !== null) return converted;
  }
  return text;
}

function describeColumn(sheet: RawSheet, headerRow: number, index: number): ImportColumn {
  const header = decodeHeader(sheet.rows[headerRow - 1]?.[index] ?? '');
  const values: string[] = [];
  for (let row = headerRow; row < sheet.rows.length && values.length < SAMPLES_FOR_DETECTION; row++) {
    const text = sheet.rows[row][index]?.trim();
    if (text) values.push(text);
  }
  const encoding = detectLegacyEncoding(values);
  const samples = values.slice(0, SAMPLES_SHOWN);
  return {
    index,
    header,
    samples,
    guess: guessField(header),
    encoding,
    converted: samples.map((text) => convertLegacy(text, encoding)),
  };
}

/**
 * What the mapping step shows for a sheet: the header row (found, or the one the clerk
 * chose), each column's header, samples, guessed field and detected text encoding.
 */
export function describeSheet(sheet: RawSheet, chosenHeaderRow?: number): ImportSheet {
  const headerRow = chosenHeaderRow ?? findHeaderRow(sheet.rows, decodeHeader);
  const width = headerRow === null ? 0 : Math.max(0, ...sheet.rows.slice(headerRow - 1, headerRow + 50).map((row) => row.length));
  const columns = headerRow === null ? [] : Array.from({ length: width }, (_, index) => describeColumn(sheet, headerRow, index));
  // Two columns guessed as the same field: only the first keeps the guess.
  const taken = new Set<string>();
  for (const column of columns) {
    if (column.guess === null) continue;
    if (taken.has(column.guess)) column.guess = null;
    else taken.add(column.guess);
  }
  return { name: sheet.name, rowCount: sheet.rows.length, headerRow, columns };
}
