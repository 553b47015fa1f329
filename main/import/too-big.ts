import { AppError } from '../../shared/api/result';
import { IMPORT_LIMITS } from '../../shared/domain/import';

/**
 * The sentences that refuse a file too big to read, each naming what was too big. A file
 * is refused as soon as one cap is passed, before the rest of it is read.
 */
const number = (value: number) => value.toLocaleString('vi-VN');
const megabytes = (bytes: number) => `${number(bytes / 1024 / 1024)} MB`;
const refuse = (message: string) => new AppError('UNSUPPORTED_FILE', message);
const SPLIT = 'Hãy chia tệp thành nhiều phần.';

export const tooBig = {
  rows: () => refuse(`Tệp có hơn ${number(IMPORT_LIMITS.rows)} dòng, quá giới hạn một lần nhập. ${SPLIT}`),
  sheets: () => refuse(`Tệp có hơn ${number(IMPORT_LIMITS.sheets)} trang tính, quá giới hạn một lần nhập. ${SPLIT}`),
  columns: (sheet: string) =>
    refuse(`Trang tính "${sheet}" có hơn ${number(IMPORT_LIMITS.columns)} cột, quá giới hạn một lần nhập. Hãy xoá các cột không dùng.`),
  cells: () => refuse(`Tệp có hơn ${number(IMPORT_LIMITS.cells)} ô, quá giới hạn một lần nhập. ${SPLIT}`),
  cell: (sheet?: string) =>
    refuse(`${sheet === undefined ? 'Tệp' : `Trang tính "${sheet}"`} có một ô dài hơn ${number(IMPORT_LIMITS.cellChars)} ký tự, quá giới hạn của một ô Excel.`),
  unpacked: () =>
    refuse(`Tệp Excel khi giải nén lớn hơn ${megabytes(IMPORT_LIMITS.unpackedBytes)}, quá giới hạn một lần nhập. ${SPLIT}`),
  sharedStrings: () =>
    refuse(`Phần chữ của tệp Excel khi giải nén lớn hơn ${megabytes(IMPORT_LIMITS.sharedStringBytes)}, quá giới hạn một lần nhập. ${SPLIT}`),
  structure: () =>
    refuse('Tệp Excel có cấu trúc bất thường (lồng nhau quá sâu hoặc thẻ quá dài), không phải một bảng tính thông thường. Hãy mở bằng Excel và lưu lại.'),
};
