import { AppError } from '../../shared/api/result';
import type { Report } from '../../shared/domain/reports';
import type { DocumentContext } from '../documents/service';
import { XLSX_MIME_TYPE } from '../export/spreadsheet';
import { DOCX_MIME_TYPE, reportDocxBase64 } from './docx';
import { getReport } from './store';
import { reportXlsxBase64 } from './xlsx';

/** The files of an issued report: all made from the stored record, so each reads the same whenever it is made. */

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytesBase64: string;
}

/** "bao-cao-15-BC-UBND-2026-11-30": ASCII only, whatever the number's characters. */
function baseNameOf(report: Report): string {
  const number = report.number
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ['bao-cao', number, report.content.issuedOn].filter(Boolean).join('-');
}

/** The report's view in the app as paper shows it (figures as plain text), which the PDF is printed from. */
export const reportViewPath = (id: string) => `#/documents/report/${encodeURIComponent(id)}?paper`;

/**
 * The report as a PDF: Chromium prints the app's own report view, the page the clerk
 * prints from the screen. The view asks the API for the report while this waits, so this
 * operation runs outside the operation queue (kind "job") and takes its place in it only
 * for its own read.
 */
export async function reportPdf(ctx: DocumentContext, id: string): Promise<ReportFile> {
  const report = await ctx.gate.run(() => getReport(ctx.db, id));
  try {
    const pdf = await ctx.pdfRenderer().render(reportViewPath(id));
    return { fileName: `${baseNameOf(report)}.pdf`, mimeType: 'application/pdf', bytesBase64: Buffer.from(pdf).toString('base64') };
  } catch (error) {
    if (error instanceof AppError) throw error;
    ctx.log.error('report PDF failed', error);
    throw new AppError('INTERNAL', 'Không tạo được tệp PDF của báo cáo. Chi tiết ở nhật ký.');
  }
}

export async function reportDocx(report: Report): Promise<ReportFile> {
  return { fileName: `${baseNameOf(report)}.docx`, mimeType: DOCX_MIME_TYPE, bytesBase64: await reportDocxBase64(report.content) };
}

export async function reportXlsx(report: Report): Promise<ReportFile> {
  return { fileName: `${baseNameOf(report)}.xlsx`, mimeType: XLSX_MIME_TYPE, bytesBase64: await reportXlsxBase64(report.content, new Date(report.issuedAt)) };
}
