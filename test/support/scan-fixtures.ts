import ExcelJS from 'exceljs';
import type { ScanImportStatus } from '../../shared/domain/scans';
import type { TestCore } from './core';
import type { FixtureFile } from './import-fixtures';
import { settleScans } from './import-flow';

/**
 * Scan count files as offices get them, made by the tests themselves: the national
 * system's export (long: one row per venue and day) and the office's own tally (wide:
 * one column per day, week or month, headers typed as text or stored as Excel dates).
 */

export type Cell = string | number | Date | null;

/** An .xlsx of one sheet: optional title rows, then the rows given (header first). */
export async function scanXlsx(fileName: string, rows: readonly Cell[][], titles: readonly string[] = []): Promise<FixtureFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lượt quét');
  for (const title of titles) sheet.addRow([title]);
  for (const row of rows) {
    const added = sheet.addRow(row.map((cell) => cell ?? undefined));
    row.forEach((cell, index) => {
      if (cell instanceof Date) added.getCell(index + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  return { fileName, bytesBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

/** A CSV as Excel saves it on a Vietnamese Windows ("CSV UTF-8": BOM, ";" and CRLF). */
export function scanCsv(fileName: string, rows: readonly string[][]): FixtureFile {
  const text = rows.map((row) => row.join(';')).join('\r\n');
  return { fileName, bytesBase64: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]).toString('base64') };
}

/** A calendar day as Excel stores a date cell: midnight UTC. */
export const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Opens a file and checks it with every guess accepted, with a year for days and weeks
 * written without one (null: the default). Throws when a step fails.
 */
export async function checkScansAsGuessed(core: TestCore, file: FixtureFile, year: number | null = null): Promise<ScanImportStatus> {
  const read = await settleScans(core, await core.call('scans.open', file));
  if (read.phase !== 'read') throw new Error(`reading ${file.fileName}: ${read.phase} ${read.error?.message}`);
  const [sheet] = read.sheets;
  const described = year === null ? sheet : await core.call('scans.describeSheet', { importId: read.importId, sheet: sheet.name, headerRow: sheet.headerRow!, year });
  const checked = await settleScans(
    core,
    await core.call('scans.check', {
      importId: read.importId,
      sheet: sheet.name,
      headerRow: described.headerRow!,
      layout: described.layout,
      year,
      columns: described.columns.map((column) => ({ index: column.index, role: column.guess, encoding: column.encoding })),
    }),
  );
  if (checked.phase !== 'checked') throw new Error(`checking ${file.fileName}: ${checked.phase} ${checked.error?.message}`);
  return checked;
}

/** Commits a checked scan import and waits for the transaction to end. */
export const commitScans = async (core: TestCore, importId: string, skipUnresolved = false) =>
  settleScans(core, await core.call('scans.commit', { importId, skipUnresolved }));
