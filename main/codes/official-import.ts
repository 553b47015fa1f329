import { AppError } from '../../shared/api/result';
import { foldVietnamese } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { guessField } from '../import/header-guess';
import type { RawSheet } from '../import/read-file';
import type { ReadSheets } from '../import/read-in-worker';
import { Job } from '../jobs/job';
import type { Session } from '../session/session';
import { currentCode, setOfficialCode, unprintableReason } from './service';

/** A column holding the national system's code string: "Mã QR", "Chuỗi mã", "Nội dung mã QR", "Mã chính thức". */
const isPayloadHeader = (header: string) => /\bqr\b|chuoi ma|noi dung ma|ma chinh thuc/.test(foldVietnamese(header));

function findColumns(sheet: RawSheet): { headerRow: number; code: number; payload: number } | null {
  for (let index = 0; index < Math.min(sheet.rows.length, 30); index++) {
    const cells = sheet.rows[index];
    const code = cells.findIndex((cell) => guessField(cell) === 'code');
    const payload = cells.findIndex(isPayloadHeader);
    if (code >= 0 && payload >= 0) return { headerRow: index + 1, code, payload };
  }
  return null;
}

export interface OfficialImportSummary {
  updated: number;
  unchanged: number;
}

/**
 * Records official codes in bulk from a sheet of (venue code, code string) the national
 * system gave the office. All or nothing: one unknown venue code, and nothing is written,
 * with the rows to correct named. The file is read as venue lists are (in the engine, a
 * worker of its own), so a large or hostile sheet never holds up the other operations.
 */
export async function importOfficialCodes(
  db: Db,
  session: Session,
  file: { fileName: string; bytes: Uint8Array },
  readSheets: ReadSheets,
): Promise<OfficialImportSummary> {
  const sheets = await readSheets(file.fileName, file.bytes, new Job());
  const found = sheets.map((sheet) => ({ sheet, columns: findColumns(sheet) })).find(({ columns }) => columns !== null);
  if (!found?.columns) {
    throw new AppError('UNSUPPORTED_FILE', 'Không thấy cột "Mã cơ sở" và cột mã QR (ví dụ "Mã QR", "Chuỗi mã") trong tệp.');
  }
  const { sheet, columns } = found;
  const venueByCode = statement<[string], { id: string }>(db, 'SELECT id FROM venues WHERE code = ?');
  const rows: Array<{ venueId: string; payload: string }> = [];
  const problems: string[] = [];
  sheet.rows.slice(columns.headerRow).forEach((cells, offset) => {
    const code = (cells[columns.code] ?? '').trim().toUpperCase();
    const payload = cells[columns.payload] ?? '';
    if (!code && !payload.trim()) return;
    const venue = code ? venueByCode.get(code) : undefined;
    const rowNumber = columns.headerRow + offset + 1;
    if (!venue) problems.push(`dòng ${rowNumber}: không có cơ sở mã "${code}"`);
    else if (!payload.trim()) problems.push(`dòng ${rowNumber}: chưa có chuỗi mã`);
    else {
      const unprintable = unprintableReason(payload);
      if (unprintable) problems.push(`dòng ${rowNumber}: ${unprintable}`);
      else rows.push({ venueId: venue.id, payload });
    }
  });
  if (problems.length > 0) {
    throw new AppError('INVALID_INPUT', `Chưa ghi gì. Hãy sửa ${problems.length} dòng: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? '; …' : ''}.`);
  }
  return writeTransaction(db, () => {
    const summary = { updated: 0, unchanged: 0 };
    for (const { venueId, payload } of rows) {
      if (currentCode(db, venueId)?.payload === payload) summary.unchanged++;
      else {
        setOfficialCode(db, session, venueId, payload);
        summary.updated++;
      }
    }
    return summary;
  });
}
