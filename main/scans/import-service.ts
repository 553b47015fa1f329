import { AppError } from '../../shared/api/result';
import type { ScanImportStatus, ScanRowStatus, ScanSheet } from '../../shared/domain/scans';
import type { BackgroundWork } from '../jobs/background';
import type { Logger } from '../core/logger';
import type { WriteGate } from '../core/write-gate';
import type { Db } from '../db/open';
import { writeErrorReport } from '../export/error-report';
import { fileStatus, newFileSession, rawSheet, requireIdle, runStep, startReading } from '../import/file-session';
import { todayInVietnam } from '../inspections/rows';
import { Job } from '../jobs/job';
import { requireStaff, type Session } from '../session/session';
import { planColumns, PeriodTable, type ColumnPlanInput } from './check';
import { CheckedScanFile } from './checked-file';
import { commitScanFile, latestSourceId } from './commit';
import { rowErrors } from './row-state';
import { describeScanSheet } from './scan-columns';
import { ScanImports, type ScanImportSession } from './session-store';
import type { ReadSheets } from '../import/read-in-worker';

export interface ScanContext {
  db: Db;
  session: Session;
  gate: WriteGate;
  log: Logger;
  /** Where the read, check and commit steps run, so that closing the app waits for them. */
  background: BackgroundWork;
  readSheets: ReadSheets;
  scanImports: ScanImports;
}

const statusOf = (s: ScanImportSession): ScanImportStatus => ({
  ...fileStatus(s),
  check: s.phase === 'checking' ? null : (s.checked?.summary() ?? null),
  summary: s.summary,
});

const yearContext = (year: number | null) => ({ year, today: todayInVietnam() });

/** Opens a scan file: reads it in the background (progress, cancel) and describes each sheet with its guessed columns and layout. */
export function openScanImport(ctx: ScanContext, input: { fileName: string; bytesBase64: string }): ScanImportStatus {
  requireStaff(ctx.session);
  const s: ScanImportSession = { ...newFileSession<ScanSheet>(input.fileName), checked: null, checkedAgainst: null, summary: null };
  ctx.scanImports.add(s);
  startReading(ctx, s, input.bytesBase64, (sheet) => describeScanSheet(sheet, yearContext(null)));
  return statusOf(s);
}

export const scanImportStatus = (ctx: ScanContext, importId: string) => statusOf(ctx.scanImports.get(importId));

export function cancelScanImport(ctx: ScanContext, importId: string): ScanImportStatus {
  const s = ctx.scanImports.get(importId);
  s.job.cancel();
  return statusOf(s);
}

/** The mapping step again, for the header row or year the clerk chose. */
export function describeScanImportSheet(ctx: ScanContext, input: { importId: string; sheet: string; headerRow: number; year: number | null }): ScanSheet {
  const s = ctx.scanImports.get(input.importId);
  return describeScanSheet(rawSheet(s, input.sheet), yearContext(input.year), input.headerRow);
}

/**
 * Checks every row with the chosen mapping, in the background. A mapping that cannot work
 * (no column naming the venue, no count, no period) is refused at once, naming what is missing.
 */
export function checkScanImport(ctx: ScanContext, input: ColumnPlanInput & { importId: string; sheet: string }): ScanImportStatus {
  const s = ctx.scanImports.get(input.importId);
  requireIdle(s);
  const sheet = rawSheet(s, input.sheet);
  const today = todayInVietnam();
  const periods = new PeriodTable(today);
  const plan = planColumns(sheet, input, periods, today);
  void runStep(ctx, s, 'checking', 'checked', async (job) => {
    s.checked = null;
    s.checkedAgainst = latestSourceId(ctx.db);
    s.checked = await CheckedScanFile.check(ctx.db, sheet, plan, periods, today, job);
  });
  return statusOf(s);
}

function requireChecked(s: ScanImportSession): CheckedScanFile {
  requireIdle(s);
  if (s.phase !== 'checked' || !s.checked) throw new AppError('CONFLICT', 'Hãy kiểm tra các dòng trước.');
  return s.checked;
}

export function scanImportRows(ctx: ScanContext, query: { importId: string; status?: ScanRowStatus; offset: number; limit: number }) {
  const s = ctx.scanImports.get(query.importId);
  if (!s.checked) throw new AppError('CONFLICT', 'Hãy kiểm tra các dòng trước.');
  return s.checked.page(query.status, query.offset, query.limit);
}

/** The clerk assigns an ambiguous or unmatched row (and the rows with the same identifier) to a venue, or skips them. */
export function assignScanRow(ctx: ScanContext, input: { importId: string; rowNumber: number; venueId: string | null }): ScanImportStatus {
  requireStaff(ctx.session);
  const s = ctx.scanImports.get(input.importId);
  requireChecked(s).assign(input.rowNumber, input.venueId);
  return statusOf(s);
}

/** Writes the checked counts in one transaction, queued behind this very operation (see the venue import). */
export function commitScanImport(ctx: ScanContext, input: { importId: string; skipUnresolved: boolean }): ScanImportStatus {
  const actor = requireStaff(ctx.session);
  const s = ctx.scanImports.get(input.importId);
  const file = requireChecked(s);
  const { rows: counts } = file.summary();
  if (counts.ambiguous + counts.unmatched > 0 && !input.skipUnresolved) {
    throw new AppError(
      'CONFLICT',
      `Còn ${counts.ambiguous + counts.unmatched} dòng chưa ghép với cơ sở nào: hãy chọn cơ sở cho từng dòng hoặc bỏ qua chúng.`,
      'skipUnresolved',
      'required',
    );
  }
  // The commit waits its turn in the queue; a cancel pressed meanwhile must still stop it.
  const queued = new Job();
  s.job = queued;
  s.phase = 'committing';
  void ctx.gate.run(() =>
    runStep(ctx, s, 'committing', 'committed', async (job) => {
      if (queued.isCancelled) job.cancel();
      s.summary = await commitScanFile(
        ctx.db,
        { file, fileName: s.fileName, actor, checkedAgainst: s.checkedAgainst, skipUnresolved: input.skipUnresolved },
        job,
      );
      s.raw = [];
    }),
  );
  return statusOf(s);
}

/** The refused rows with their reasons, as an .xlsx the clerk can correct and import again. */
export async function scanErrorReport(ctx: ScanContext, importId: string) {
  const s = ctx.scanImports.get(importId);
  if (!s.checked) throw new AppError('CONFLICT', 'Hãy kiểm tra các dòng trước.');
  const { sheet, plan } = s.checked;
  const bytesBase64 = await writeErrorReport(
    s.checked.failed().map((row) => ({
      rowNumber: row.rowNumber,
      values: sheet.rows[row.rowNumber - 1] ?? [],
      reason: rowErrors(row).map((error) => error.message).join('; '),
    })),
    sheet.rows[plan.headerRow - 1] ?? [],
  );
  return {
    fileName: `loi-luot-quet-${s.fileName.replace(/\.[^.]+$/, '')}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytesBase64,
  };
}
