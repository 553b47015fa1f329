import type { ScanRowError, ScanRowReason } from '../../shared/domain/scans';
import { formatDate } from '../../shared/text/date';

/** A period as a clerk reads it: "01/12/2026" or "01/12/2026–07/12/2026". */
export const periodText = (first: string, last: string) => (first === last ? formatDate(first) : `${formatDate(first)}–${formatDate(last)}`);

const SENTENCES: Record<ScanRowReason, (params: Record<string, string>) => string> = {
  no_identifier: () => 'không có mã hay tên cơ sở',
  no_count: () => 'chưa có số lượt quét',
  no_period: () => 'chưa có ngày, tuần hoặc tháng',
  not_a_number: ({ value }) => `“${value}” không phải một số`,
  negative: ({ value }) => `số lượt quét âm (${value})`,
  fractional: ({ value }) => `số lượt quét phải là số nguyên (${value})`,
  too_large: ({ value }) => `số lượt quét quá lớn (${value})`,
  not_a_period: ({ value }) => `“${value}” không phải ngày, tuần hay tháng`,
  no_such_day: ({ value }) => `“${value}” không phải một ngày có thật`,
  future: ({ period, today }) => `kỳ ${period} chưa kết thúc (hôm nay ${today})`,
  too_long_period: ({ value }) => `kỳ “${value}” dài hơn một năm`,
  venue_received: ({ venue, owner }) => `cơ sở ${venue} thuộc dữ liệu của ${owner}, chỉ xã đó sửa được`,
  venue_closed: ({ venue }) => `cơ sở ${venue} đã đóng cửa`,
  overlaps_stored: ({ period, stored }) => `kỳ ${period} trùng một phần với kỳ đã nhập ${stored}; chỉ thay được đúng cùng kỳ`,
  repeated_in_file: ({ period, row }) => `cơ sở này và kỳ ${period} đã có ở dòng ${row}`,
  overlaps_in_file: ({ period, other, row }) => `kỳ ${period} trùng một phần với kỳ ${other} ở dòng ${row}`,
};

/** One refusal of a row: where (row, column), why, and the sentence a clerk reads in the log and the error report. */
export function rowError(rowNumber: number, column: string, reason: ScanRowReason, params: Record<string, string> = {}): ScanRowError {
  return { column, reason, params, message: `Dòng ${rowNumber}, cột “${column}”: ${SENTENCES[reason](params)}.` };
}
