import { z } from 'zod';
import { Id } from '../../domain/fields';
import { Report, ReportFile, ReportPreview, ReportRequest, ReportSummary } from '../../domain/reports';
import { operation } from '../operation';

/** Reports sent upward (Báo cáo): preview, issue as a fixed record, and the PDF, .docx and .xlsx files. */
export const reportOperations = {
  'reports.preview': operation({
    summary: 'Xem trước báo cáo tình hình niêm yết và quét mã QR, không lưu / compute a report without issuing it',
    kind: 'read',
    roles: 'staff',
    input: ReportRequest,
    output: ReportPreview,
  }),
  'reports.issue': operation({
    summary: 'Ban hành báo cáo: lưu số liệu và câu chữ như lúc ban hành / issue a report as a fixed record',
    kind: 'write',
    roles: ['clerk', 'leader'],
    input: ReportRequest,
    output: Report,
  }),
  'reports.list': operation({
    summary: 'Các báo cáo đã ban hành / issued reports, newest first',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: z.array(ReportSummary),
  }),
  'reports.get': operation({
    summary: 'Một báo cáo đã ban hành / an issued report',
    kind: 'read',
    roles: 'staff',
    input: z.object({ id: Id }),
    output: Report,
  }),
  'reports.pdf': operation({
    summary: 'Báo cáo đã ban hành dạng PDF / an issued report as PDF',
    // Waits while Chromium prints the app's own report view, which calls the API itself:
    // it queues only for its own read (main/reports/files.ts), else it would wait for itself.
    kind: 'job',
    roles: 'staff',
    input: z.object({ id: Id }),
    output: ReportFile,
  }),
  'reports.docx': operation({
    summary: 'Báo cáo đã ban hành dạng Word (.docx) để chỉnh sửa trước khi ký / an issued report as .docx',
    kind: 'read',
    roles: 'staff',
    input: z.object({ id: Id }),
    output: ReportFile,
  }),
  'reports.xlsx': operation({
    summary: 'Các bảng số liệu của báo cáo đã ban hành dạng Excel / an issued report\'s tables as .xlsx',
    kind: 'read',
    roles: 'staff',
    input: z.object({ id: Id }),
    output: ReportFile,
  }),
};
