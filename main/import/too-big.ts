import { AppError } from '../../shared/api/result';
import { IMPORT_LIMITS } from '../../shared/domain/import';

/**
 * The sentences that refuse a file too big to read, each naming what was too big. A file
 * is refused as soon as one cap is passed, before the rest of it is read. Each says its
 * key and values (AppError.says), which the import pages word in English
 * (imports.refusals in renderer/i18n/areas/imports.ts).
 */
const number = (value: number) => value.toLocaleString('vi-VN');
const megabytes = (bytes: number) => `${number(bytes / 1024 / 1024)} MB`;
const refuse = (message: string, key: string, values: Record<string, string | number> = {}) =>
  new AppError('UNSUPPORTED_FILE', message).says(key, values);
const SPLIT = 'Hãy chia tệp thành nhiều phần.';

export const tooBig = {
  rows: () => refuse(`Tệp có hơn ${number(IMPORT_LIMITS.rows)} dòng, quá giới hạn một lần nhập. ${SPLIT}`, 'rows', { limit: IMPORT_LIMITS.rows }),
  sheets: () =>
    refuse(`Tệp có hơn ${number(IMPORT_LIMITS.sheets)} trang tính, quá giới hạn một lần nhập. ${SPLIT}`, 'sheets', { limit: IMPORT_LIMITS.sheets }),
  columns: (sheet: string) =>
    refuse(
      `Trang tính "${sheet}" có hơn ${number(IMPORT_LIMITS.columns)} cột, quá giới hạn một lần nhập. Hãy xoá các cột không dùng.`,
      'columns',
      { sheet, limit: IMPORT_LIMITS.columns },
    ),
  cells: () => refuse(`Tệp có hơn ${number(IMPORT_LIMITS.cells)} ô, quá giới hạn một lần nhập. ${SPLIT}`, 'cells', { limit: IMPORT_LIMITS.cells }),
  cell: (sheet?: string) =>
    sheet === undefined
      ? refuse(`Tệp có một ô dài hơn ${number(IMPORT_LIMITS.cellChars)} ký tự, quá giới hạn của một ô Excel.`, 'cellInFile', { limit: IMPORT_LIMITS.cellChars })
      : refuse(`Trang tính "${sheet}" có một ô dài hơn ${number(IMPORT_LIMITS.cellChars)} ký tự, quá giới hạn của một ô Excel.`, 'cell', {
          sheet,
          limit: IMPORT_LIMITS.cellChars,
        }),
  unpacked: () =>
    refuse(`Tệp Excel khi giải nén lớn hơn ${megabytes(IMPORT_LIMITS.unpackedBytes)}, quá giới hạn một lần nhập. ${SPLIT}`, 'unpacked', {
      megabytes: IMPORT_LIMITS.unpackedBytes / 1024 / 1024,
    }),
  sharedStrings: () =>
    refuse(`Phần chữ của tệp Excel khi giải nén lớn hơn ${megabytes(IMPORT_LIMITS.sharedStringBytes)}, quá giới hạn một lần nhập. ${SPLIT}`, 'sharedStrings', {
      megabytes: IMPORT_LIMITS.sharedStringBytes / 1024 / 1024,
    }),
  /** What no cap caught: the reader ran out of the memory one read may use (main/import/read-in-worker.ts). */
  memory: () =>
    refuse(
      `Tệp quá lớn hoặc có cấu trúc bất thường, không đọc được trong bộ nhớ dành cho một lần nhập; không có gì được ghi. ${SPLIT}`,
      'memory',
    ),
  structure: () =>
    refuse(
      'Tệp Excel có cấu trúc bất thường (lồng nhau quá sâu hoặc thẻ quá dài), không phải một bảng tính thông thường. Hãy mở bằng Excel và lưu lại.',
      'structure',
    ),
};
