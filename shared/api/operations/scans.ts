import { z } from 'zod';
import { Id } from '../../domain/fields';
import { ImportOpen } from '../../domain/import';
import {
  ScanAssign,
  ScanCount,
  ScanImportCheck,
  ScanImportCommit,
  ScanImportStatus,
  ScanRecord,
  ScanRow,
  ScanRowsQuery,
  ScanSheet,
  VenueScans,
} from '../../domain/scans';
import { operation } from '../operation';

const ImportId = z.object({ importId: Id });

/** Scan counts: import from files, matching to venues, counts typed by hand, low-scanning flags. */
export const scanOperations = {
  'scans.open': operation({
    summary: 'Mở tệp Excel/CSV số lượt quét để nhập / open a scan count file to import',
    kind: 'write',
    roles: ['clerk'],
    input: ImportOpen,
    output: ScanImportStatus,
  }),
  'scans.status': operation({
    summary: 'Tiến độ và kết quả của một lần nhập số lượt quét / progress and result of a scan import',
    kind: 'job',
    roles: ['clerk'],
    input: ImportId,
    output: ScanImportStatus,
  }),
  'scans.cancel': operation({
    summary: 'Huỷ bước đang chạy của lần nhập số lượt quét; không ghi gì / cancel the running step, writing nothing',
    kind: 'job',
    roles: ['clerk'],
    input: ImportId,
    output: ScanImportStatus,
  }),
  'scans.describeSheet': operation({
    summary: 'Các cột của một trang tính số lượt quét với dòng tiêu đề và năm đã chọn / columns for a chosen header row and year',
    kind: 'read',
    roles: ['clerk'],
    input: ImportId.extend({
      sheet: z.string().max(200),
      headerRow: z.number().int().min(1),
      year: z.number().int().min(2000).max(2100).nullable().default(null),
    }),
    output: ScanSheet,
  }),
  'scans.check': operation({
    summary: 'Kiểm tra từng dòng: ghép cơ sở, đọc kỳ và số lượt / check every row: venue, period, count',
    kind: 'write',
    roles: ['clerk'],
    input: ScanImportCheck,
    output: ScanImportStatus,
  }),
  'scans.rows': operation({
    summary: 'Các dòng đã kiểm tra, theo trạng thái, với cơ sở gợi ý / checked rows by status, with suggested venues',
    kind: 'read',
    roles: ['clerk'],
    input: ScanRowsQuery,
    output: z.object({ rows: z.array(ScanRow), total: z.number().int() }),
  }),
  'scans.assign': operation({
    summary: 'Ghép một dòng (và các dòng cùng tên, mã) với một cơ sở, hoặc bỏ qua / assign a row to a venue, or skip it',
    kind: 'write',
    roles: ['clerk'],
    input: ScanAssign,
    output: ScanImportStatus,
  }),
  'scans.commit': operation({
    summary: 'Ghi số lượt quét vào sổ trong một giao dịch, nhớ các cách ghép / write the counts in one transaction',
    kind: 'write',
    roles: ['clerk'],
    input: ScanImportCommit,
    output: ScanImportStatus,
  }),
  'scans.errorReport': operation({
    summary: 'Tệp Excel các dòng lỗi kèm lý do / the refused rows with their reasons, as .xlsx',
    kind: 'read',
    roles: ['clerk'],
    input: ImportId,
    output: z.object({ fileName: z.string(), mimeType: z.string(), bytesBase64: z.string() }),
  }),
  'scans.record': operation({
    summary: 'Ghi số lượt quét nhập tay cho một cơ sở / record a count typed by hand',
    kind: 'write',
    roles: ['clerk', 'inspector'],
    input: ScanRecord,
    output: ScanCount,
  }),
  'scans.forVenue': operation({
    summary: 'Số lượt quét của một cơ sở theo thời gian và mức quét thấp / a venue\'s counts over time and its low-scanning flag',
    kind: 'read',
    roles: 'staff',
    input: z.object({ venueId: Id }),
    output: VenueScans,
  }),
};
