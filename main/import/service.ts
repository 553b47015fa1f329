import { AppError } from '../../shared/api/result';
import { VENUE_FIELD_LABELS_VI, VENUE_TYPE_LABELS_VI } from '../../shared/domain/labels-vi';
import type { ImportCounts, ImportField, ImportRow, ImportSheet, ImportStatus, RowStatus } from '../../shared/domain/import';
import type { WriteGate } from '../core/write-gate';
import type { BackgroundWork } from '../jobs/background';
import type { Logger } from '../core/logger';
import type { Db } from '../db/open';
import { writeErrorReport } from '../export/error-report';
import { requireStaff, type Session } from '../session/session';
import { getSettings } from '../settings/service';
import { listUnits } from '../units/service';
import { findDuplicates } from '../venues/duplicates';
import {
  checkRow,
  compactReadyRow,
  dataRows,
  DuplicateMarker,
  fieldsToCommit,
  rowWithValues,
  type CheckContext,
  type CheckedRow,
  type ColumnPlan,
  type ExistingVenue,
} from './check-rows';
import type { RawSheet } from './read-file';
import { statement } from '../db/statements';
import { commitRows, type Decisions } from './commit';
import { describeSheet } from './describe-sheet';
import { fileStatus, newFileSession, rawSheet, requireIdle, runStep, startReading } from './file-session';
import { ImportSessions, type ImportSession } from './session-store';
import { newVillagesOf } from './new-villages';
import { UnitLookup } from './unit-lookup';
import type { ReadSheets } from './read-in-worker';

export interface ImportContext {
  db: Db;
  session: Session;
  gate: WriteGate;
  log: Logger;
  /** Where the read, check and commit steps run, so that closing the app waits for them. */
  background: BackgroundWork;
  readSheets: ReadSheets;
  imports: ImportSessions;
}

const statusOf = (s: ImportSession): ImportStatus => ({ ...fileStatus(s), counts: s.counts, newVillages: s.newVillages, summary: s.summary });

/**
 * A commune office's list is placed in its own commune (villages found or created there):
 * without one chosen in Settings every row would fail, so the import does not start.
 */
function requireOfficeCommune(db: Db): void {
  const settings = getSettings(db);
  if (settings.officeKind === 'commune' && settings.homeCommuneId === null) {
    throw new AppError('CONFLICT', 'Chưa chọn xã của cơ quan trong Cài đặt. Hãy chọn xã trước khi nhập danh sách cơ sở.', 'homeCommuneId', 'required');
  }
}

export function openImport(ctx: ImportContext, input: { fileName: string; bytesBase64: string }): ImportStatus {
  requireStaff(ctx.session);
  requireOfficeCommune(ctx.db);
  const s: ImportSession = {
    ...newFileSession<ImportSheet>(input.fileName),
    checked: [],
    checkedSheet: null,
    columns: [],
    createMissingVillages: true,
    headers: [],
    mapped: new Set(),
    counts: null,
    newVillages: null,
    summary: null,
  };
  ctx.imports.add(s);
  startReading(ctx, s, input.bytesBase64, (sheet) => describeSheet(sheet));
  return statusOf(s);
}

export const importStatus = (ctx: ImportContext, importId: string) => statusOf(ctx.imports.get(importId));

export function cancelImport(ctx: ImportContext, importId: string): ImportStatus {
  const s = ctx.imports.get(importId);
  s.job.cancel();
  return statusOf(s);
}

/** The mapping step for a header row the clerk chose, when the guess was wrong. */
export function describeImportSheet(ctx: ImportContext, input: { importId: string; sheet: string; headerRow: number }): ImportSheet {
  const s = ctx.imports.get(input.importId);
  return describeSheet(rawSheet(s, input.sheet), input.headerRow);
}

function checkContext(db: Db, createMissingVillages: boolean): CheckContext {
  const byCode = statement<[string], ExistingVenue>(db, 'SELECT id, code, name, version FROM venues WHERE code = ?');
  return {
    lookup: new UnitLookup(listUnits(db, true)),
    homeCommuneId: getSettings(db).homeCommuneId,
    createMissingVillages,
    typeLabels: VENUE_TYPE_LABELS_VI,
    fieldLabels: VENUE_FIELD_LABELS_VI,
    venueByCode: (code) => byCode.get(code),
    lookAlike: (name, villageId, phones) => findDuplicates(db, { name, villageId, phones })[0]?.venue,
  };
}

function countsOf(rows: readonly CheckedRow[]): ImportCounts {
  const counts: ImportCounts = { ready: 0, error: 0, duplicate_existing: 0, duplicate_in_file: 0, update_by_code: 0, withWarnings: 0 };
  for (const { row } of rows) {
    counts[row.status]++;
    if (row.status !== 'error' && row.warnings.length > 0) counts.withWarnings++;
  }
  return counts;
}

export interface CheckInput {
  importId: string;
  sheet: string;
  headerRow: number;
  columns: Array<{ index: number; field: ImportField | null; encoding: ColumnPlan['encoding'] }>;
  createMissingVillages: boolean;
}

/** Checks every row with the chosen mapping; the preview then pages through the result. */
export function checkImport(ctx: ImportContext, input: CheckInput): ImportStatus {
  const s = ctx.imports.get(input.importId);
  requireIdle(s);
  const sheet = rawSheet(s, input.sheet);
  const columns = input.columns.filter((column): column is ColumnPlan => column.field !== null);
  if (!columns.some((column) => column.field === 'name')) {
    throw new AppError('INVALID_INPUT', 'Hãy chọn cột chứa tên cơ sở.', 'columns', 'required');
  }
  void runStep(ctx, s, 'checking', 'checked', async (job) => {
    const context = checkContext(ctx.db, input.createMissingVillages);
    const rows = dataRows(sheet, input.headerRow);
    const checked: CheckedRow[] = [];
    const duplicates = new DuplicateMarker(context);
    job.report(0, rows.length);
    for (let start = 0; start < rows.length; start += 1000) {
      for (const { rowNumber, cells } of rows.slice(start, start + 1000)) {
        const result = checkRow(rowNumber, cells, columns, context);
        if (!result) continue;
        duplicates.mark(result);
        compactReadyRow(result);
        checked.push(result);
      }
      job.report(Math.min(rows.length, start + 1000));
      await job.pause();
    }
    s.checked = checked;
    s.checkedSheet = sheet;
    s.columns = columns;
    s.createMissingVillages = input.createMissingVillages;
    s.headers = sheet.rows[input.headerRow - 1] ?? [];
    s.counts = countsOf(checked);
    s.newVillages = newVillagesOf(checked, context.lookup);
    s.mapped = new Set(columns.map((column) => column.field));
  });
  return statusOf(s);
}

export function importRows(ctx: ImportContext, query: { importId: string; status?: RowStatus; offset: number; limit: number }) {
  const s = ctx.imports.get(query.importId);
  const rows: ImportRow[] = s.checked.map((checked) => checked.row).filter((row) => !query.status || row.status === query.status);
  const page = rows.slice(query.offset, query.offset + query.limit).map((row) => rowWithValues(row, s.checkedSheet, s.columns));
  return { rows: page, total: rows.length };
}

export function commitImport(
  ctx: ImportContext,
  input: { importId: string } & Omit<Decisions, 'overrides'> & { overrides: Array<{ rowNumber: number; decision: Decisions['duplicateExisting'] }> },
): ImportStatus {
  const s = ctx.imports.get(input.importId);
  requireIdle(s);
  if (s.phase !== 'checked') throw new AppError('CONFLICT', 'Hãy kiểm tra các dòng trước khi nhập.');
  const decisions: Decisions = {
    duplicateExisting: input.duplicateExisting,
    duplicateInFile: input.duplicateInFile,
    overrides: new Map(input.overrides.map((override) => [override.rowNumber, override.decision])),
  };
  // Queued behind this very operation: the commit starts once it has answered, and
  // everything asked for after it waits until the commit is done or rolled back.
  s.phase = 'committing';
  void ctx.gate.run(() =>
    runStep(ctx, s, 'committing', 'committed', async (job) => {
      const context = checkContext(ctx.db, s.createMissingVillages);
      const sheet = s.checkedSheet;
      const fieldsOf = (checked: CheckedRow) => fieldsToCommit(checked, sheet?.rows[checked.row.rowNumber - 1] ?? [], s.columns, context);
      s.summary = await commitRows(ctx.db, ctx.session, s.checked, s.mapped, decisions, job, fieldsOf);
      // Written: the file's rows are not needed any more, only the summary and the error report.
      s.raw = [];
      s.checked = s.checked.filter(({ row }) => row.status === 'error');
      s.checkedSheet = s.checkedSheet && onlyRows(s.checkedSheet, s.checked);
    }),
  );
  return statusOf(s);
}

/** The sheet with only these rows' cells left in place (the others emptied), for the error report. */
function onlyRows(sheet: RawSheet, rows: readonly CheckedRow[]): RawSheet {
  const kept: string[][] = Array.from({ length: sheet.rows.length }, () => NO_CELLS);
  for (const { row } of rows) kept[row.rowNumber - 1] = sheet.rows[row.rowNumber - 1] ?? NO_CELLS;
  return { name: sheet.name, rows: kept };
}
const NO_CELLS: string[] = [];

/** The refused rows with their reasons, as an .xlsx the clerk can correct and import again. */
export async function importErrorReport(ctx: ImportContext, importId: string) {
  const s = ctx.imports.get(importId);
  const failed = s.checked.filter(({ row }) => row.status === 'error');
  const bytesBase64 = await writeErrorReport(
    failed.map(({ row }) => ({
      rowNumber: row.rowNumber,
      values: s.checkedSheet?.rows[row.rowNumber - 1] ?? [],
      reason: row.errors.map((error) => error.message).join('; '),
    })),
    s.headers,
  );
  return {
    fileName: `loi-nhap-${s.fileName.replace(/\.[^.]+$/, '')}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytesBase64,
  };
}
