import iconv from 'iconv-lite';
import Papa from 'papaparse';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp1258';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Text of a CSV file as Excel saves it on a Vietnamese Windows: "CSV UTF-8" (with a BOM),
 * UTF-8 from other programs (no BOM), or plain "CSV", which is in the ANSI code page,
 * Windows-1258. Windows-1258 writes most tone marks as separate combining characters, so
 * the text is returned in NFC, as everything we store.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)).normalize('NFC'), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: a Vietnamese Windows' ANSI code page is all that is left.
    return { text: iconv.decode(bytes, 'cp1258').normalize('NFC'), encoding: 'cp1258' };
  }
}

/** Excel writes the list separator of the regional settings: ";" in Vietnam, "," elsewhere. */
const DELIMITERS = [';', ',', '\t'] as const;
const ROWS_FOR_GUESS = 50;

/**
 * The separator that splits the first rows most consistently into the most columns:
 * Excel writes every row of a sheet with the same number of separators, while a comma in
 * an address ("Thôn 1, xã Kỳ Bắc") only splits some rows of a ";" file.
 */
export function guessDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: DELIMITERS[0], score: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: ROWS_FOR_GUESS, skipEmptyLines: 'greedy' }).data;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    // The most frequent column count (on a tie, the larger), weighted by its rows.
    let modal = { fields: 1, rows: 0 };
    for (const [fields, rowCount] of counts) {
      if (rowCount > modal.rows || (rowCount === modal.rows && fields > modal.fields)) modal = { fields, rows: rowCount };
    }
    const score = modal.rows * (modal.fields - 1);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * Rows of a CSV text, each cell in NFC. The separator is guessed among ";", "," and tab;
 * CRLF or LF; quoted cells may hold separators, quotes ("") and line breaks. Blank rows
 * in the middle are kept, so that row numbers stay those of the file; blank rows at the
 * end are dropped.
 */
export function parseCsv(text: string): string[][] {
  const body = withoutBom(text);
  const { data } = Papa.parse<string[]>(body, { delimiter: guessDelimiter(body), skipEmptyLines: false });
  return dropTrailingBlankRows(data.map((row) => row.map(nfc)));
}

const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/** Blank rows at the end are dropped (in place). */
function dropTrailingBlankRows(rows: string[][]): string[][] {
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  return rows;
}

const nfc = (cell: string) => cell.normalize('NFC');

/** Characters parsed between two pauses: tens of milliseconds of work. */
const CHARS_A_SLICE = 1 << 20;

/**
 * parseCsv for big files: the same rows, each cell in NFC then through `cell`, parsed a
 * slice at a time with `pause` awaited between slices (it lets the app answer, and may
 * throw to stop), so a 30 MB file does not hold every other operation for seconds.
 */
export function parseCsvInSlices(text: string, delimiter: string, cell: (text: string) => string, pause: () => Promise<void>): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    Papa.parse<string[]>(withoutBom(text), {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CHARS_A_SLICE,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const row of results.data) rows.push(row.map((text) => cell(nfc(text))));
        parser.pause();
        pause().then(
          () => parser.resume(),
          (error: unknown) => {
            parser.abort();
            reject(error);
          },
        );
      },
      complete: () => resolve(dropTrailingBlankRows(rows)),
    });
  });
}
