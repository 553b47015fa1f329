import type { AppErrorData, ErrorCode } from '../../shared/api/result';

/**
 * What the disk refused, said so the clerk can act on it (free space, a read-only folder,
 * a file held by another program) instead of "lỗi ngoài dự kiến". SQLite's codes come
 * from better-sqlite3 (SQLITE_FULL, SQLITE_READONLY_…, SQLITE_BUSY…), Node's from fs.
 */
const CAUSES: Array<{ codes: RegExp; code: ErrorCode; message: string }> = [
  {
    codes: /^(SQLITE_FULL|ENOSPC|EDQUOT)/,
    code: 'DISK_FULL',
    message: 'Ổ đĩa chứa dữ liệu đã đầy nên chưa ghi được gì. Hãy xoá bớt tệp không cần trên ổ đĩa đó rồi thử lại.',
  },
  {
    codes: /^(SQLITE_READONLY|SQLITE_CANTOPEN|EROFS|EACCES|EPERM)/,
    code: 'READ_ONLY',
    message: 'Thư mục dữ liệu đang chỉ cho đọc (hoặc không có quyền ghi) nên chưa ghi được gì. Hãy kiểm tra quyền của thư mục, hoặc USB/ổ mạng có bị khoá ghi không.',
  },
  {
    codes: /^(SQLITE_BUSY|SQLITE_LOCKED|EBUSY)/,
    code: 'FILE_LOCKED',
    message: 'Tệp dữ liệu đang bị chương trình khác giữ (ví dụ phần mềm sao lưu hoặc diệt virus) nên chưa ghi được gì. Hãy đợi một lát rồi thử lại.',
  },
  {
    codes: /^SQLITE_IOERR/,
    code: 'DISK_ERROR',
    message: 'Ổ đĩa báo lỗi khi đọc hoặc ghi nên chưa ghi được gì. Hãy thử lại; nếu lỗi còn, hãy sao lưu dữ liệu sang ổ khác.',
  },
];

export function storageFailure(error: unknown): AppErrorData | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const cause = CAUSES.find((candidate) => candidate.codes.test(code));
  return cause ? { code: cause.code, message: cause.message } : null;
}
